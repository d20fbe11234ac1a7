#include "generation/html/html_renderer.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "support/sample_documents.hpp"

namespace jc::generation {
namespace {

TEST(HtmlRendererTest, SelfContainedPageWithLanguageTitleAndPrintCss) {
  auto doc = testing::SampleCv();
  doc.language = "de";
  const auto html = RenderHtml(doc, {TemplateId::kClassic, PageSize::kLetter});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"de\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Zoë Müller-Łukasiewicz – CV</title>"), std::string::npos);
  EXPECT_NE(html.find("@page{size:Letter"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"author\" content=\"Zoë Müller-Łukasiewicz\">"),
            std::string::npos);
  // Nothing is fetched: no scripts, stylesheets, images, fonts or frames from anywhere.
  for (const char* banned : {"<script", "<link", "<img", "<iframe", "@import", "url(", " src="}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
}

TEST(HtmlRendererTest, TemplatesDiffer) {
  const auto classic = RenderHtml(testing::SampleCv(), {TemplateId::kClassic, PageSize::kA4});
  const auto modern = RenderHtml(testing::SampleCv(), {TemplateId::kModern, PageSize::kA4});
  EXPECT_NE(classic.find("serif"), std::string::npos);
  EXPECT_NE(modern.find("sans-serif"), std::string::npos);
  EXPECT_NE(modern.find("#0f5e63"), std::string::npos);
  EXPECT_EQ(classic.find("#0f5e63"), std::string::npos);
  EXPECT_NE(classic.find("@page{size:A4"), std::string::npos);
}

TEST(HtmlRendererTest, StructureInReadingOrder) {
  const auto html = RenderHtml(testing::SampleCv(), {});
  const auto h1 = html.find("<h1>Zoë Müller-Łukasiewicz</h1>");
  const auto mail = html.find("<a href=\"mailto:zoe.mueller@example.com\">");
  const auto h2 = html.find("<h2>Experience</h2>");
  const auto h3 = html.find(
      "<h3>Senior Backend Engineer</h3><span class=\"dates\">Mar 2021 – "
      "Present</span>");
  const auto sub = html.find("<p class=\"sub\">Nordlicht Logistics GmbH, Berlin</p>");
  const auto li = html.find("<li>Cut p99 latency");
  for (const auto pos : {h1, mail, h2, h3, sub, li}) ASSERT_NE(pos, std::string::npos) << html;
  EXPECT_LT(h1, mail);
  EXPECT_LT(mail, h2);
  EXPECT_LT(h2, h3);
  EXPECT_LT(h3, sub);
  EXPECT_LT(sub, li);
}

TEST(HtmlRendererTest, EscapesTextAndDropsUnsafeLinks) {
  Document d;
  d.name = "<script>alert(1)</script>";
  d.contact = {{"evil", "javascript:alert(1)"}, {"\"quoted\" & 'single'", std::nullopt}};
  const auto html = RenderHtml(d, {});
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("&quot;quoted&quot; &amp; &#39;single&#39;"), std::string::npos);
}

TEST(HtmlRendererTest, HostileDocumentsGiveWellFormedMarkup) {
  const std::regex tag("<(/?)([a-z0-9]+)[^>]*>");
  for (const auto& [name, doc] : testing::HostileDocuments()) {
    const auto html = RenderHtml(doc, {});
    // Every opened element of the body is closed, in order (void elements aside).
    std::vector<std::string> open;
    bool balanced = true;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag);
         it != std::sregex_iterator(); ++it) {
      const std::string element = (*it)[2];
      if (element == "meta" || element == "br") continue;
      if ((*it)[1] == "/") {
        if (open.empty() || open.back() != element) balanced = false;
        if (!open.empty()) open.pop_back();
      } else {
        open.push_back(element);
      }
    }
    EXPECT_TRUE(balanced && open.empty()) << name;
    for (const char c : html) {
      const auto u = static_cast<unsigned char>(c);
      EXPECT_TRUE(u >= 0x20 || c == '\n') << name << " has control byte " << int(u);
    }
  }
}

}  // namespace
}  // namespace jc::generation
