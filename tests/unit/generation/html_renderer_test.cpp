#include "generation/html/html_renderer.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

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

// The element names of the tags in `html`, in order, closing ones with a leading '/'.
// (A scanner, not std::regex: GCC 12's regex trips -Wmaybe-uninitialized under sanitizers.)
std::vector<std::string> Tags(const std::string& html) {
  std::vector<std::string> tags;
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::size_t i = at + 1;
    std::string name;
    if (i < html.size() && html[i] == '/') name += html[i++];
    while (i < html.size() && (std::islower(static_cast<unsigned char>(html[i])) != 0 ||
                               std::isdigit(static_cast<unsigned char>(html[i])) != 0)) {
      name += html[i++];
    }
    if (name.empty() || name == "/") continue;  // "<!DOCTYPE", text
    tags.push_back(name);
  }
  return tags;
}

TEST(HtmlRendererTest, HostileDocumentsGiveWellFormedMarkup) {
  for (const auto& [name, doc] : testing::HostileDocuments()) {
    const auto html = RenderHtml(doc, {});
    // Every opened element is closed, in order (void elements aside).
    std::vector<std::string> open;
    bool balanced = true;
    for (const auto& tag : Tags(html)) {
      if (tag == "meta" || tag == "br") continue;
      if (tag[0] == '/') {
        if (open.empty() || open.back() != tag.substr(1)) balanced = false;
        if (!open.empty()) open.pop_back();
      } else {
        open.push_back(tag);
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
