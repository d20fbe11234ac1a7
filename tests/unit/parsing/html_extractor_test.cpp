#include "parsing/text/html_extractor.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "corpus_support.hpp"

namespace jc::parsing {
namespace {

Document MustExtract(std::string_view html) {
  auto doc = ExtractHtml(html, ExtractLimits{});
  EXPECT_TRUE(doc) << (doc ? "" : doc.error().message);
  return doc ? *doc : Document{};
}

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> texts;
  for (const auto& line : doc.lines) texts.push_back(line.text);
  return texts;
}

TEST(HtmlExtractorTest, CorpusFilesContainTheGoldFacts) {
  auto files = testing::CorpusFiles(".html");
  ASSERT_EQ(files.size(), 3u);
  for (const auto& name : files) {
    SCOPED_TRACE(name);
    auto doc = ExtractHtml(testing::ReadCorpusFile(name), ExtractLimits{});
    ASSERT_TRUE(doc) << doc.error().message;
    EXPECT_EQ(doc->kind, FileKind::kHtml);
    testing::ExpectGoldContent(*doc, name);
    for (const auto& line : doc->lines) EXPECT_EQ(line.text.find('{'), std::string::npos);
  }
}

TEST(HtmlExtractorTest, StructureAndStyles) {
  Document doc = MustExtract(
      "<html><head><title>T</title><style>p{}</style><script>var x=1;</script></head><body>"
      "<h1>Jane&nbsp;Doe</h1><p>Senior   <b>Engineer</b>\n &amp; lead</p>"
      "<p><strong>All bold</strong></p><template><p>hidden</p></template>"
      "<noscript>nojs</noscript><ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>"
      "<table><tr><td>A1</td><th>B1</th></tr><tr><td>A2</td><td>B2</td></tr></table>"
      "<div>Line one<br>Line two</div><h2>SKILLS</h2></body></html>");
  std::vector<std::string> expected = {"Jane Doe", "Senior Engineer & lead",
                                       "All bold", "One",
                                       "Nested",   "Two",
                                       "A1",       "B1",
                                       "A2",       "B2",
                                       "Line one", "Line two",
                                       "SKILLS"};
  ASSERT_EQ(Texts(doc), expected);
  const auto& l = doc.lines;
  EXPECT_EQ(l[0].role, LineRole::kHeading);
  EXPECT_EQ(l[0].style, "h1");
  EXPECT_FALSE(l[1].bold);
  EXPECT_TRUE(l[2].bold);
  EXPECT_EQ(l[3].role, LineRole::kListItem);
  EXPECT_EQ(l[3].list_level, 1);
  EXPECT_EQ(l[4].list_level, 2);
  EXPECT_EQ(l[5].list_level, 1);
  EXPECT_EQ(l[6].role, LineRole::kTableCell);
  EXPECT_EQ(l[6].block, l[7].block);
  EXPECT_EQ(l[8].block, l[9].block);
  EXPECT_NE(l[7].block, l[8].block);
  EXPECT_NE(l[1].block, l[2].block);
  EXPECT_EQ(l[10].block, l[11].block);
  EXPECT_EQ(l[12].style, "h2");
  EXPECT_TRUE(l[12].all_caps);
}

TEST(HtmlExtractorTest, HonoursEncodings) {
  struct Case {
    std::string name;
    std::string html;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"meta charset latin-1", "<html><head><meta charset=\"iso-8859-1\"></head><p>Caf\xE9</p>",
       "Café"},
      {"http-equiv windows-1252",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=windows-1252\"></head><p>\x93Hi\x94</p>",
       "“Hi”"},
      {"utf-8 without meta", "<p>Jos\xC3\xA9 \xE6\x9D\x8E</p>", "José 李"},
      {"latin-1 without meta", "<p>Jos\xE9</p>", "José"},
      {"entities", "<p>&lt;a&gt; &eacute; &#x4E2D; &#8211;</p>", "<a> é 中 –"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = MustExtract(c.html);
    ASSERT_EQ(doc.lines.size(), 1u);
    EXPECT_EQ(doc.lines[0].text, c.expected);
  }
}

TEST(HtmlExtractorTest, TypedBulletsBecomeListItems) {
  Document doc = MustExtract("<p>\u2022 Go</p><p>1. First</p><h2>- Not a list</h2>");
  ASSERT_EQ(doc.lines.size(), 3u);
  EXPECT_EQ(doc.lines[0].text, "Go");
  EXPECT_EQ(doc.lines[0].role, LineRole::kListItem);
  EXPECT_EQ(doc.lines[1].text, "First");
  EXPECT_EQ(doc.lines[1].style, "ListNumber");
  EXPECT_EQ(doc.lines[2].role, LineRole::kHeading);
}

TEST(HtmlExtractorTest, PreKeepsLineBreaks) {
  Document doc = MustExtract("<pre>JANE DOE\n  Engineer\n\n<b>Berlin</b></pre><p>a\nb</p>");
  std::vector<std::string> expected = {"JANE DOE", "Engineer", "Berlin", "a b"};
  EXPECT_EQ(Texts(doc), expected);
}

TEST(HtmlExtractorTest, Utf16WithBom) {
  std::string html = "\xFF\xFE";
  for (char c : std::string("<html><body><p>Jane</p></body></html>")) html += std::string{c, '\0'};
  Document doc = MustExtract(html);
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_EQ(doc.lines[0].text, "Jane");
}

TEST(HtmlExtractorTest, Errors) {
  ExtractLimits small;
  small.max_chars = 50;
  ExtractLimits shallow;
  shallow.max_xml_depth = 20;
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "<div>";
  deep += "x";
  struct Case {
    std::string name;
    std::string html;
    ExtractLimits limits;
    ErrorCode code;
    std::string slug;
  };
  const std::vector<Case> cases = {
      {"no visible text",
       "<html><head><title>x</title></head><body> </body></html>",
       {},
       ErrorCode::kValidation,
       "empty_document"},
      {"only script", "<script>alert(1)</script>", {}, ErrorCode::kValidation, "empty_document"},
      {"too much text", "<p>" + std::string(100, 'x') + "</p>", small, ErrorCode::kPayloadTooLarge,
       "document_too_large"},
      {"too deep", deep, shallow, ErrorCode::kPayloadTooLarge, "document_too_large"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = ExtractHtml(c.html, c.limits);
    ASSERT_FALSE(doc);
    EXPECT_EQ(doc.error().code, c.code);
    EXPECT_EQ(doc.error().slug, c.slug);
  }
}

TEST(HtmlExtractorTest, HostileInputEndsInADocumentOrASpecificError) {
  std::vector<std::string> inputs;
  std::string very_deep;
  for (int i = 0; i < 100'000; ++i) very_deep += "<div><b>";
  inputs.push_back(very_deep + "x");
  inputs.push_back("<p>" + std::string(1'000'000, 'a') + "</p>");
  inputs.push_back(std::string("<p>a\0b\0c</p>", 12));
  inputs.push_back("<p>\xFF\xFE\xC3(\xED\xA0\x80</p>");
  inputs.push_back("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>");
  std::mt19937 rng(42);
  for (int n = 0; n < 200; ++n) {
    std::string bytes = "<html>";
    std::uniform_int_distribution<int> byte(0, 255), len(0, 2000);
    for (int i = len(rng); i > 0; --i) bytes.push_back(static_cast<char>(byte(rng)));
    inputs.push_back(bytes);
  }
  for (const auto& input : inputs) {
    auto doc = ExtractHtml(input, ExtractLimits{});
    if (doc) {
      EXPECT_FALSE(doc->lines.empty());
      for (const auto& line : doc->lines) EXPECT_EQ(line.text.find("root:"), std::string::npos);
    } else {
      EXPECT_TRUE(doc.error().slug == "empty_document" || doc.error().slug == "document_too_large")
          << doc.error().slug;
    }
  }
}

}  // namespace
}  // namespace jc::parsing
