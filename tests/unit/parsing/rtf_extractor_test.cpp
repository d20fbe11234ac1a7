#include "parsing/text/rtf_extractor.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "corpus_support.hpp"

namespace jc::parsing {
namespace {

Document MustExtract(std::string_view rtf) {
  auto doc = ExtractRtf(rtf, ExtractLimits{});
  EXPECT_TRUE(doc) << (doc ? "" : doc.error().message);
  return doc ? *doc : Document{};
}

TEST(RtfExtractorTest, CorpusFilesContainTheGoldFacts) {
  auto files = testing::CorpusFiles(".rtf");
  ASSERT_EQ(files.size(), 2u);
  for (const auto& name : files) {
    SCOPED_TRACE(name);
    auto doc = ExtractRtf(testing::ReadCorpusFile(name), ExtractLimits{});
    ASSERT_TRUE(doc) << doc.error().message;
    EXPECT_EQ(doc->kind, FileKind::kRtf);
    testing::ExpectGoldContent(*doc, name);
    for (const auto& line : doc->lines) {
      EXPECT_EQ(line.text.find('\\'), std::string::npos) << line.text;
      EXPECT_EQ(line.text.find("Heading"), std::string::npos) << line.text;
    }
  }
}

TEST(RtfExtractorTest, StructureAndStyles) {
  Document doc = MustExtract(
      "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0;}"
      "{\\stylesheet{\\s0 Normal;}{\\s1 heading 1;}}{\\info{\\title Secret}}"
      "{\\header \\pard Page header\\par}\\pard\\plain\\s1 Experience\\par"
      "\\pard\\plain {\\b Bold title} x\\par Caf\\'e9 \\u8211\\'96 ok\\par"
      "{\\listtext \\'95\\tab}\\ls1\\ilvl1 item\\par"
      "\\pard\\trowd\\cellx100\\pard\\intbl A1\\cell B1\\cell\\row\\pard\\intbl A2\\cell "
      "B2\\cell\\row"
      "\\pard Line1\\line Line2\\par{\\*\\unknown hidden}{\\pict 0102ff}End\\page Two}");
  struct Expect {
    std::string text;
    LineRole role;
  };
  const std::vector<Expect> expected = {{"Page header", LineRole::kHeader},
                                        {"Experience", LineRole::kHeading},
                                        {"Bold title x", LineRole::kBody},
                                        {"Café – ok", LineRole::kBody},
                                        {"item", LineRole::kListItem},
                                        {"A1", LineRole::kTableCell},
                                        {"B1", LineRole::kTableCell},
                                        {"A2", LineRole::kTableCell},
                                        {"B2", LineRole::kTableCell},
                                        {"Line1", LineRole::kBody},
                                        {"Line2", LineRole::kBody},
                                        {"End", LineRole::kBody},
                                        {"Two", LineRole::kBody}};
  ASSERT_EQ(doc.lines.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(doc.lines[i].text, expected[i].text);
    EXPECT_EQ(doc.lines[i].role, expected[i].role);
  }
  const auto& l = doc.lines;
  EXPECT_EQ(l[1].style, "heading1");
  EXPECT_TRUE(l[2].bold);
  EXPECT_FALSE(l[3].bold);
  EXPECT_EQ(l[4].list_level, 2);
  EXPECT_EQ(l[5].block, l[6].block);
  EXPECT_EQ(l[7].block, l[8].block);
  EXPECT_NE(l[6].block, l[7].block);
  EXPECT_EQ(l[9].block, l[10].block);
  EXPECT_EQ(l[11].page, 1);
  EXPECT_EQ(l[12].page, 2);
  EXPECT_EQ(doc.pages, 2);
}

TEST(RtfExtractorTest, CharactersAndCodePages) {
  struct Case {
    std::string name;
    std::string rtf;
    std::string expected;
    bool warns;
  };
  const std::vector<Case> cases = {
      {"cp1252", "{\\rtf1\\ansi\\ansicpg1252 \\'80\\'93x\\'94\\'e9}", "€“x”é", false},
      {"cp1251", "{\\rtf1\\ansi\\ansicpg1251 \\'c8\\'e2\\'e0\\'ed \\'a8}", "Иван Ё", false},
      {"cp1250 falls back", "{\\rtf1\\ansi\\ansicpg1250 Z\\'e1}", "Zá", true},
      {"uc2 skips two", "{\\rtf1\\uc2\\u20320\\'c4\\'e3!}", "你!", false},
      {"surrogate pair", "{\\rtf1\\u-10179?\\u-8704?}", "\xF0\x9F\x98\x80", false},
      {"lone surrogate", "{\\rtf1\\u-10179? x}", "\xEF\xBF\xBD x", false},
      {"escapes", "{\\rtf1 a\\{b\\}c\\\\d\\~e\\_f\\-g\\emdash\\bullet}", "a{b}c\\d e-fg—•", false},
      {"caps", "{\\rtf1{\\caps name} x}", "NAME x", false},
      {"bin skipped", "{\\rtf1 a{\\bin3 \\}x}b}", "ab", false},
      {"fields keep result",
       "{\\rtf1{\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt jane@x.org}}}", "jane@x.org",
       false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = MustExtract(c.rtf);
    ASSERT_EQ(doc.lines.size(), 1u);
    EXPECT_EQ(doc.lines[0].text, c.expected);
    EXPECT_EQ(!doc.warnings.empty(), c.warns);
  }
}

TEST(RtfExtractorTest, TypedBulletsBecomeListItems) {
  Document doc = MustExtract(
      "{\\rtf1 \\endash  Food cost\\par \\bullet\\tab Team\\par - 5 cooks\\par -5%\\par}");
  ASSERT_EQ(doc.lines.size(), 4u);
  EXPECT_EQ(doc.lines[0].text, "Food cost");
  EXPECT_EQ(doc.lines[0].role, LineRole::kListItem);
  EXPECT_EQ(doc.lines[1].text, "Team");
  EXPECT_EQ(doc.lines[1].list_level, 1);
  EXPECT_EQ(doc.lines[2].text, "5 cooks");
  EXPECT_EQ(doc.lines[3].text, "-5%");
  EXPECT_EQ(doc.lines[3].role, LineRole::kBody);
}

TEST(RtfExtractorTest, Errors) {
  ExtractLimits small;
  small.max_chars = 20;
  std::string deep = "{\\rtf1 ";
  for (int i = 0; i < 300; ++i) deep += "{";
  deep += "x";
  std::string pages = "{\\rtf1 ";
  for (int i = 0; i < 60; ++i) pages += "x\\page ";
  struct Case {
    std::string name;
    std::string rtf;
    ExtractLimits limits;
    ErrorCode code;
    std::string slug;
  };
  const std::vector<Case> cases = {
      {"no text",
       "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\par}",
       {},
       ErrorCode::kValidation,
       "empty_document"},
      {"empty", "", {}, ErrorCode::kValidation, "empty_document"},
      {"deep groups", deep, {}, ErrorCode::kPayloadTooLarge, "document_too_large"},
      {"too many pages", pages + "}", {}, ErrorCode::kPayloadTooLarge, "document_too_large"},
      {"too much text", "{\\rtf1 " + std::string(100, 'x') + "}", small,
       ErrorCode::kPayloadTooLarge, "document_too_large"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = ExtractRtf(c.rtf, c.limits);
    ASSERT_FALSE(doc);
    EXPECT_EQ(doc.error().code, c.code);
    EXPECT_EQ(doc.error().slug, c.slug);
  }
}

TEST(RtfExtractorTest, MalformedInputNeverCrashesOrLoops) {
  std::vector<std::string> inputs = {
      "}}}}{\\rtf1 x",
      "{\\rtf1 \\",
      "{\\rtf1 \\'",
      "{\\rtf1 \\'z",
      "{\\rtf1 \\u",
      "{\\rtf1 \\u-",
      "{\\rtf1\\bin99999999 x}",
      "{\\rtf1\\uc999999999999\\u65 abc}",
      "{\\rtf1 \\aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa9999999999999999 x}",
      std::string("{\\rtf1 a\0b}", 11)};
  std::mt19937 rng(7);
  const std::string alphabet = "{}\\\\\\'0a9fu-bcdlnprstx *;\n";
  for (int n = 0; n < 500; ++n) {
    std::uniform_int_distribution<int> len(0, 3000), byte(0, 255);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string bytes = "{\\rtf1 ";
    bool soup = n % 2 == 0;
    for (int i = len(rng); i > 0; --i)
      bytes.push_back(soup ? alphabet[pick(rng)] : static_cast<char>(byte(rng)));
    inputs.push_back(bytes);
  }
  for (const auto& input : inputs) {
    auto doc = ExtractRtf(input, ExtractLimits{});
    if (doc) {
      EXPECT_FALSE(doc->lines.empty());
    } else {
      EXPECT_TRUE(doc.error().slug == "empty_document" || doc.error().slug == "document_too_large")
          << doc.error().slug;
    }
  }
}

}  // namespace
}  // namespace jc::parsing
