#include "parsing/text/text_extractor.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_support.hpp"
#include "parsing/sniff.hpp"
#include "parsing/text/text_util.hpp"

// Corpus helpers shared by the extractor tests of this target (declared again in
// html_extractor_test.cpp and rtf_extractor_test.cpp).
namespace jc::parsing::testing {

namespace fs = std::filesystem;

std::string ReadCorpusFile(const std::string& name) {
  std::ifstream in(fs::path(JC_SOURCE_DIR) / "tests/corpus/cvs" / name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> CorpusFiles(const std::string& extension) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(JC_SOURCE_DIR) / "tests/corpus/cvs"))
    if (entry.path().extension() == extension) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

namespace {

// The JSON string values of `key` in document order; "" for a null value.
std::vector<std::string> GoldValues(const std::string& json, const std::string& key) {
  std::vector<std::string> values;
  std::string needle = "\"" + key + "\": ";
  for (std::size_t at = json.find(needle); at != std::string::npos;
       at = json.find(needle, at + 1)) {
    std::size_t i = at + needle.size();
    std::string value;
    if (i < json.size() && json[i] == '"') {
      for (++i; i < json.size() && json[i] != '"'; ++i) {
        if (json[i] != '\\') {
          value.push_back(json[i]);
          continue;
        }
        char e = json[++i];
        if (e == 'u') {
          AppendUtf8(value, static_cast<char32_t>(std::stoul(json.substr(i + 1, 4), nullptr, 16)));
          i += 4;
        } else {
          value.push_back(e == 'n' ? ' ' : e);
        }
      }
    }
    values.push_back(value);
  }
  return values;
}

}  // namespace

// The gold fullName (every word of it), email and each job's title and company appear in the
// document's text; titles in the gold order, companies never going backwards.
void ExpectGoldContent(const Document& doc, const std::string& file_name) {
  std::string gold = ReadCorpusFile(file_name.substr(0, file_name.rfind('.')) + ".gold.json");
  ASSERT_FALSE(gold.empty());
  std::string text;
  for (const auto& line : doc.lines) text += line.text + "\n";
  text = FoldCase(text);
  std::istringstream name(FoldCase(GoldValues(gold, "fullName").at(0)));
  for (std::string word; name >> word;) EXPECT_NE(text.find(word), std::string::npos) << word;
  for (const auto& email : GoldValues(gold, "email")) {
    if (!email.empty()) {
      EXPECT_NE(text.find(FoldCase(email)), std::string::npos) << email;
    }
  }
  auto titles = GoldValues(gold, "title");
  auto companies = GoldValues(gold, "company");
  ASSERT_EQ(titles.size(), companies.size());
  ASSERT_FALSE(titles.empty());
  std::size_t title_from = 0, company_from = 0;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    std::size_t t = text.find(FoldCase(titles[i]), title_from);
    EXPECT_NE(t, std::string::npos) << "title " << titles[i];
    if (t != std::string::npos) title_from = t + 1;
    if (companies[i].empty()) continue;
    std::size_t c = text.find(FoldCase(companies[i]), company_from);
    EXPECT_NE(c, std::string::npos) << "company " << companies[i];
    if (c != std::string::npos) company_from = c;
  }
}

}  // namespace jc::parsing::testing

namespace jc::parsing {
namespace {

using testing::CorpusFiles;
using testing::ExpectGoldContent;
using testing::ReadCorpusFile;

Document MustExtract(std::string_view bytes, TextEncoding enc = TextEncoding::kUtf8) {
  auto doc = ExtractText(bytes, enc, ExtractLimits{});
  EXPECT_TRUE(doc) << (doc ? "" : doc.error().message);
  return doc ? *doc : Document{};
}

TEST(TextExtractorTest, CorpusFilesContainTheGoldFacts) {
  auto files = CorpusFiles(".txt");
  ASSERT_EQ(files.size(), 18u);
  for (const auto& name : files) {
    SCOPED_TRACE(name);
    std::string bytes = ReadCorpusFile(name);
    auto sniffed = Sniff(bytes);
    ASSERT_TRUE(sniffed);
    auto doc = ExtractText(bytes, sniffed->encoding, ExtractLimits{});
    ASSERT_TRUE(doc) << doc.error().message;
    EXPECT_EQ(doc->kind, FileKind::kText);
    ExpectGoldContent(*doc, name);
  }
}

TEST(TextExtractorTest, DecodesEveryEncoding) {
  struct Case {
    std::string name;
    std::string bytes;
    TextEncoding enc;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"utf-8 with bom", "\xEF\xBB\xBFJos\xC3\xA9", TextEncoding::kUtf8, "José"},
      {"invalid utf-8", "a\xFF\xC3z", TextEncoding::kUtf8, "a\xEF\xBF\xBD\xEF\xBF\xBDz"},
      {"windows-1252", "Caf\xE9 \x80 \x96 \x9C", TextEncoding::kLatin1, "Café € – œ"},
      {"utf-16le with pair", std::string("\xFF\xFEJ\0\x3D\xD8\x00\xDE", 8), TextEncoding::kUtf16Le,
       "J\xF0\x9F\x98\x80"},
      {"utf-16be", std::string("\0J\0\xE9", 4), TextEncoding::kUtf16Be, "Jé"},
      {"lone surrogates",
       std::string("a\0\x00\xD8"
                   "b\0\x00\xDC",
                   8),
       TextEncoding::kUtf16Le,
       "a\xEF\xBF\xBD"
       "b\xEF\xBF\xBD"},
      {"nul and controls", std::string("a\0b\x01\x02 c", 7), TextEncoding::kUtf8, "a b c"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = MustExtract(c.bytes, c.enc);
    ASSERT_EQ(doc.lines.size(), 1u);
    EXPECT_EQ(doc.lines[0].text, c.expected);
  }
}

TEST(TextExtractorTest, LinesBlocksAndPages) {
  Document doc = MustExtract("Jane   Doe\r\nBerlin\t\tGermany\r\rSummary line\fPage two\n");
  ASSERT_EQ(doc.lines.size(), 4u);
  EXPECT_EQ(doc.lines[0].text, "Jane Doe");
  EXPECT_EQ(doc.lines[1].text, "Berlin Germany");
  EXPECT_EQ(doc.lines[0].block, doc.lines[1].block);
  EXPECT_NE(doc.lines[2].block, doc.lines[1].block);
  EXPECT_EQ(doc.lines[3].page, 2);
  EXPECT_NE(doc.lines[3].block, doc.lines[2].block);
  EXPECT_EQ(doc.pages, 2);
}

TEST(TextExtractorTest, HeadingsAndCaps) {
  Document doc = MustExtract(
      "# Jane Doe\n\nExperience\n==========\nEngineer at X\n\nSkills\n------\nGo\n\nEDUCATION\n\n"
      "### Projects ###\n");
  ASSERT_EQ(doc.lines.size(), 7u);
  EXPECT_EQ(doc.lines[0].text, "Jane Doe");
  EXPECT_EQ(doc.lines[0].role, LineRole::kHeading);
  EXPECT_EQ(doc.lines[0].style, "h1");
  EXPECT_EQ(doc.lines[1].text, "Experience");
  EXPECT_EQ(doc.lines[1].role, LineRole::kHeading);
  EXPECT_EQ(doc.lines[2].role, LineRole::kBody);
  EXPECT_EQ(doc.lines[3].style, "h2");
  EXPECT_EQ(doc.lines[5].text, "EDUCATION");
  EXPECT_TRUE(doc.lines[5].all_caps);
  EXPECT_EQ(doc.lines[5].role, LineRole::kBody);  // the CV parser judges bare caps
  EXPECT_FALSE(doc.lines[4].all_caps);
  EXPECT_EQ(doc.lines[6].text, "Projects");
  EXPECT_EQ(doc.lines[6].style, "h3");
}

TEST(TextExtractorTest, BulletsAndLevels) {
  Document doc = MustExtract(
      "• Led a team\n  - nested one\n    * deeper\n  – back up\n1. First\n10) Tenth\nb) letter\n"
      "-5% costs is not a bullet\n•Tight glyph\nPlain");
  std::vector<std::pair<std::string, int>> expected = {
      {"Led a team", 1},  {"nested one", 2}, {"deeper", 3}, {"back up", 2},
      {"First", 1},       {"Tenth", 1},      {"letter", 1}, {"-5% costs is not a bullet", 0},
      {"Tight glyph", 1}, {"Plain", 0}};
  ASSERT_EQ(doc.lines.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(doc.lines[i].text, expected[i].first);
    EXPECT_EQ(doc.lines[i].list_level, expected[i].second);
    EXPECT_EQ(doc.lines[i].role, expected[i].second > 0 ? LineRole::kListItem : LineRole::kBody);
  }
}

TEST(TextExtractorTest, Errors) {
  struct Case {
    std::string name;
    std::string bytes;
    ExtractLimits limits;
    ErrorCode code;
    std::string slug;
  };
  ExtractLimits small;
  small.max_chars = 100;
  const std::vector<Case> cases = {
      {"empty", "", {}, ErrorCode::kValidation, "empty_document"},
      {"blank lines", "\n \n\t\f\r\n", {}, ErrorCode::kValidation, "empty_document"},
      {"only rules", "-----\n=====\n", {}, ErrorCode::kValidation, "empty_document"},
      {"too many chars", std::string(200, 'x'), small, ErrorCode::kPayloadTooLarge,
       "document_too_large"},
      {"too many pages",
       std::string(60, '\f') + "x",
       {},
       ErrorCode::kPayloadTooLarge,
       "document_too_large"},
      {"too many lines", std::string(60, 'x') + "\n" + std::string(60, 'y'), small,
       ErrorCode::kPayloadTooLarge, "document_too_large"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = ExtractText(c.bytes, TextEncoding::kUtf8, c.limits);
    ASSERT_FALSE(doc);
    EXPECT_EQ(doc.error().code, c.code);
    EXPECT_EQ(doc.error().slug, c.slug);
  }
}

TEST(TextExtractorTest, HugeSingleLine) {
  std::string line;
  for (int i = 0; i < 50'000; ++i) line += "word ";
  Document doc = MustExtract(line);
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_EQ(doc.lines[0].text.size(), 50'000u * 5 - 1);
}

}  // namespace
}  // namespace jc::parsing
