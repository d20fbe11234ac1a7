#include "generation/markdown/markdown_renderer.hpp"

#include <gtest/gtest.h>

#include "support/sample_documents.hpp"

namespace jc::generation {
namespace {

TEST(MarkdownRendererTest, CvHasHeaderSectionsEntriesAndBulletsInOrder) {
  const auto md = RenderMarkdown(testing::SampleCv());
  const auto name = md.find("# Zoë Müller-Łukasiewicz");
  const auto headline = md.find("**Senior Backend Engineer**");
  const auto email = md.find("[zoe.mueller@example.com](<mailto:zoe.mueller@example.com>)");
  const auto experience = md.find("## Experience");
  const auto role = md.find("### Senior Backend Engineer");
  const auto company = md.find("*Nordlicht Logistics GmbH, Berlin* · Mar 2021 – Present");
  const auto bullet = md.find("- Cut p99 latency");
  const auto education = md.find("## Education");
  const auto skills = md.find("**Technical:** C++, Go");
  for (const auto pos :
       {name, headline, email, experience, role, company, bullet, education, skills}) {
    ASSERT_NE(pos, std::string::npos) << md.substr(0, 600);
  }
  EXPECT_LT(name, headline);
  EXPECT_LT(headline, email);
  EXPECT_LT(email, experience);
  EXPECT_LT(experience, role);
  EXPECT_LT(role, company);
  EXPECT_LT(company, bullet);
  EXPECT_LT(bullet, education);
  EXPECT_LT(education, skills);
}

TEST(MarkdownRendererTest, EscapesWhatWouldBecomeMarkup) {
  Document d;
  d.name = "*Jane* <b>Doe</b>";
  d.sections.push_back(
      {"summary",
       "Summary",
       {{BlockKind::kParagraph, "", "1. not a list & R&D &amp; _x_ [y](z)", {}, {}},
        {BlockKind::kBullets, "", "", {"- dash", "# hash", "`code`"}, {}}}});
  const auto md = RenderMarkdown(d);
  EXPECT_NE(md.find("# \\*Jane\\* \\<b\\>Doe\\</b\\>"), std::string::npos) << md;
  EXPECT_NE(md.find("1\\. not a list & R&D \\&amp; \\_x\\_ \\[y\\](z)"), std::string::npos) << md;
  EXPECT_NE(md.find("- \\- dash"), std::string::npos) << md;
  EXPECT_NE(md.find("- \\# hash"), std::string::npos) << md;
  EXPECT_NE(md.find("- \\`code\\`"), std::string::npos) << md;
}

TEST(MarkdownRendererTest, LetterHasRecipientDateSubjectParagraphsAndSignature) {
  const auto md = RenderMarkdown(testing::SampleLetter());
  const auto recipient = md.find("Helios Energy GmbH  \n");
  const auto date = md.find("27 November 2026");
  const auto subject = md.find("**Application for Senior Backend Engineer**");
  const auto salutation = md.find("Dear Hiring Team,");
  const auto closing = md.find("Kind regards,  \nZoë");
  for (const auto pos : {recipient, date, subject, salutation, closing}) {
    ASSERT_NE(pos, std::string::npos) << md;
  }
  EXPECT_LT(recipient, date);
  EXPECT_LT(date, subject);
  EXPECT_LT(subject, salutation);
  EXPECT_LT(salutation, closing);
}

TEST(MarkdownRendererTest, HostileDocumentsGiveCleanText) {
  for (const auto& [name, doc] : testing::HostileDocuments()) {
    const auto md = RenderMarkdown(doc);
    for (const char c : md) {
      const auto u = static_cast<unsigned char>(c);
      EXPECT_TRUE(u >= 0x20 || c == '\n') << name << " has control byte " << int(u);
    }
    if (name == "empty" || name == "empty_letter") {
      EXPECT_EQ(md.find("##"), std::string::npos) << name << ": an empty section has no heading";
    }
  }
}

}  // namespace
}  // namespace jc::generation
