#include "parsing/docx/docx_extractor.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "corpus_support.hpp"

namespace jc::parsing::testing {

namespace {

// A source handing libzip `size` zero bytes without holding them: the bomb costs no memory.
struct Zeros {
  zip_uint64_t size, offset = 0;
};

zip_int64_t ZerosCallback(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* zeros = static_cast<Zeros*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      zeros->offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const zip_uint64_t n = std::min(len, zeros->size - zeros->offset);
      std::memset(data, 0, n);
      zeros->offset += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = zeros->size;
      st->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return 2 * sizeof(int);
    case ZIP_SOURCE_FREE:
      delete zeros;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

// Builds a ZIP in memory; `zeros_entry`, when named, gets `zeros_size` zero bytes.
std::string BuildZipWith(const std::vector<ZipEntry>& entries, const std::string& zeros_entry,
                         zip_uint64_t zeros_size) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* zip = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  for (const ZipEntry& entry : entries) {
    zip_source_t* src = zip_source_buffer(zip, entry.data.data(), entry.data.size(), 0);
    zip_file_add(zip, entry.name.c_str(), src, ZIP_FL_ENC_UTF_8);
  }
  if (!zeros_entry.empty()) {
    zip_source_t* src = zip_source_function(zip, &ZerosCallback, new Zeros{zeros_size});
    zip_file_add(zip, zeros_entry.c_str(), src, 0);
  }
  zip_close(zip);
  zip_stat_t st;
  zip_source_stat(out, &st);
  std::string bytes(st.size, '\0');
  zip_source_open(out);
  zip_source_read(out, bytes.data(), bytes.size());
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

constexpr const char* kNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="x" xmlns:wp="y" xmlns:a="z")";

std::string DocumentXml(const std::string& body, const std::string& doctype = {}) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" + doctype + "<w:document " +
         kNamespaces + "><w:body>" + body + "</w:body></w:document>";
}

std::string Docx(const std::string& body, std::vector<ZipEntry> extra = {}) {
  extra.push_back({"[Content_Types].xml", "<Types/>"});
  extra.push_back({"word/document.xml", DocumentXml(body)});
  return BuildZip(extra);
}

std::string P(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

Document Extract(const std::string& bytes, const ExtractLimits& limits = {}) {
  auto doc = ExtractDocx(bytes, limits);
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().slug + ": " + doc.error().message);
  return doc ? *doc : Document{};
}

void ExpectError(const Result<Document>& doc, ErrorCode code, const std::string& slug) {
  ASSERT_FALSE(doc.has_value()) << "extracted " << doc->lines.size() << " lines";
  EXPECT_EQ(doc.error().code, code) << doc.error().message;
  EXPECT_EQ(doc.error().slug, slug) << doc.error().message;
}

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Line& line : doc.lines) out.push_back(line.text);
  return out;
}

}  // namespace

std::string BuildZip(const std::vector<ZipEntry>& entries) {
  return BuildZipWith(entries, {}, 0);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::vector<std::string>> ReadManifest() {
  std::istringstream in(ReadFile(std::string(JC_SOURCE_DIR) + "/tests/corpus/cvs/manifest.tsv"));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // column names
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    if (cells.size() > 5) rows.push_back(std::move(cells));
  }
  return rows;
}

namespace {

// Just enough JSON for the gold files: every string value with its dotted path.
class FlatJson {
 public:
  explicit FlatJson(std::string text) : text_(std::move(text)) { Value(""); }
  std::vector<std::pair<std::string, std::string>> strings;

 private:
  void Skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  std::string String() {
    std::string out;
    for (++pos_; pos_ < text_.size() && text_[pos_] != '"'; ++pos_) {
      if (text_[pos_] != '\\') {
        out.push_back(text_[pos_]);
        continue;
      }
      const char escaped = text_[++pos_];
      if (escaped != 'u') {
        out.push_back(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
        continue;
      }
      const unsigned code =
          static_cast<unsigned>(std::stoul(text_.substr(pos_ + 1, 4), nullptr, 16));
      pos_ += 4;
      if (code < 0x80) {
        out.push_back(static_cast<char>(code));
      } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      }
    }
    ++pos_;
    return out;
  }
  void Value(const std::string& path) {
    Skip();
    if (text_[pos_] == '"') {
      strings.emplace_back(path, String());
    } else if (text_[pos_] == '{' || text_[pos_] == '[') {
      const bool object = text_[pos_++] == '{';
      for (int index = 0;; ++index) {
        Skip();
        if (text_[pos_] == '}' || text_[pos_] == ']') break;
        std::string key = std::to_string(index);
        if (object) {
          key = String();
          Skip();
          ++pos_;  // ':'
        }
        Value(path.empty() ? key : path + "." + key);
        Skip();
        if (text_[pos_] == ',') ++pos_;
      }
      ++pos_;
    } else {
      while (pos_ < text_.size() && std::string_view(",}]").find(text_[pos_]) == std::string::npos)
        ++pos_;
    }
  }
  std::string text_;
  std::size_t pos_ = 0;
};

}  // namespace

GoldFacts ReadGold(const std::string& path) {
  GoldFacts gold;
  for (const auto& [key, value] : FlatJson(ReadFile(path)).strings) {
    if (key == "profile.fullName") gold.full_name = value;
    if (key == "profile.email") gold.email = value;
    if (key.starts_with("profile.workExperience.") && key.ends_with(".title"))
      gold.titles.push_back(value);
    if (key.starts_with("profile.workExperience.") && key.ends_with(".company"))
      gold.companies.push_back(value);
  }
  return gold;
}

// Each fact is a substring of some line, and the jobs' titles (and companies) come in order.
void ExpectGoldInOrder(const Document& doc, const GoldFacts& gold, const std::string& file) {
  auto find_from = [&](const std::string& needle, std::size_t from) {
    for (std::size_t i = from; i < doc.lines.size(); ++i) {
      if (doc.lines[i].text.find(needle) != std::string::npos) return i;
    }
    return doc.lines.size();
  };
  ASSERT_FALSE(gold.full_name.empty()) << file;
  // Some CVs write the name surname first ("Romano Francesca") or with a nickname in it
  // ("Margaret (Maggie) Okafor"): every part of the name on one line.
  std::vector<std::string> parts;
  std::istringstream words(gold.full_name);
  for (std::string word; words >> word;) parts.push_back(word);
  const bool name_found = std::any_of(doc.lines.begin(), doc.lines.end(), [&](const Line& line) {
    return std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
      return line.text.find(part) != std::string::npos;
    });
  });
  EXPECT_TRUE(name_found) << file << ": " << gold.full_name;
  if (!gold.email.empty()) {
    EXPECT_LT(find_from(gold.email, 0), doc.lines.size()) << file << ": " << gold.email;
  }
  for (const auto* list : {&gold.titles, &gold.companies}) {
    std::size_t at = 0;
    for (const std::string& fact : *list) {
      const std::size_t found = find_from(fact, at);
      EXPECT_LT(found, doc.lines.size()) << file << ": \"" << fact << "\" missing or out of order";
      if (found < doc.lines.size()) at = found;
    }
  }
}

namespace {

TEST(DocxCorpusTest, EveryDocxHoldsItsGoldFactsInOrder) {
  int checked = 0;
  for (const auto& row : ReadManifest()) {
    if (row[3] != "docx") continue;
    const std::string dir = std::string(JC_SOURCE_DIR) + "/tests/corpus/cvs/";
    auto doc = ExtractDocx(ReadFile(dir + row[1]), {});
    ASSERT_TRUE(doc.has_value()) << row[1] << ": " << doc.error().message;
    EXPECT_EQ(doc->kind, FileKind::kDocx);
    ExpectGoldInOrder(*doc, ReadGold(dir + row[2]), row[1]);
    if (row[4].find("table") != std::string::npos) {
      // Layout tables read row by row: cells of one row share a block, blocks never go back.
      const auto cells = std::count_if(doc->lines.begin(), doc->lines.end(), [](const Line& l) {
        return l.role == LineRole::kTableCell;
      });
      EXPECT_GT(cells, 5) << row[1];
      EXPECT_TRUE(std::is_sorted(doc->lines.begin(), doc->lines.end(),
                                 [](const Line& a, const Line& b) { return a.block < b.block; }))
          << row[1];
    }
    if (row[4] == "header-footer") {
      EXPECT_EQ(doc->lines.front().role, LineRole::kHeader) << row[1];
      EXPECT_EQ(doc->lines.back().role, LineRole::kFooter) << row[1];
    }
    ++checked;
  }
  EXPECT_EQ(checked, 15);
}

TEST(DocxExtractorTest, ReadsRunsTabsBreaksAndSymbolsIntoNormalisedLines) {
  const Document doc = Extract(
      Docx("<w:p><w:r><w:t xml:space=\"preserve\">Jane  </w:t></w:r><w:r><w:t>Doe</w:t>"
           "<w:tab/><w:t>Berlin</w:t><w:br/><w:t>jane@example.com</w:t><w:cr/>"
           "<w:t>x</w:t><w:noBreakHyphen/><w:t>ray</w:t><w:sym w:font=\"Symbol\" w:char=\"00A9\"/>"
           "<w:sym w:font=\"Wingdings\" w:char=\"F028\"/></w:r></w:p>" +
           P("") + "<w:p/>" + P("  second \t paragraph  ")));
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Jane Doe Berlin", "jane@example.com",
                                                  "x-ray\u00A9", "second paragraph"}));
  EXPECT_EQ(doc.lines[0].block, doc.lines[2].block);
  EXPECT_NE(doc.lines[2].block, doc.lines[3].block);
  EXPECT_EQ(doc.kind, FileKind::kDocx);
}

TEST(DocxExtractorTest, KeepsFieldResultsHyperlinksAndInsertionsButNotDeletions) {
  const Document doc = Extract(Docx(
      "<w:p><w:hyperlink r:id=\"rId9\"><w:r><w:t>github.com/jane</w:t></w:r></w:hyperlink>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> HYPERLINK \"mailto:jane@example.com\" </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t> jane@example.com</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t> 7</w:t></w:r></w:fldSimple>"
      "<w:del w:id=\"1\"><w:r><w:delText>old text</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\"><w:r><w:t> new text</w:t></w:r></w:ins></w:p>"));
  EXPECT_EQ(Texts(doc), std::vector<std::string>{"github.com/jane jane@example.com 7 new text"});
}

TEST(DocxExtractorTest, ResolvesHeadingsListsAndFormattingThroughStyles) {
  const std::string styles =
      "<w:styles " + std::string(kNamespaces) +
      "><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/></w:rPr></w:rPrDefault>"
      "</w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
      "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"CvSection\"><w:name w:val=\"CV Section\"/>"
      "<w:basedOn w:val=\"Heading1\"/><w:rPr><w:caps/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Outline\"><w:name w:val=\"Outlined\"/>"
      "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"character\" w:styleId=\"Em\"><w:name w:val=\"Emphasis\"/>"
      "<w:rPr><w:i/></w:rPr></w:style></w:styles>";
  const Document doc = Extract(Docx(
      "<w:p><w:pPr><w:pStyle w:val=\"CvSection\"/></w:pPr><w:r><w:t>Experience</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Outline\"/></w:pPr><w:r><w:t>Outlined</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>Bullet</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>"
      "<w:r><w:t>Nested</w:t></w:r></w:p>"
      "<w:p><w:r><w:rPr><w:rStyle w:val=\"Em\"/></w:rPr><w:t>mostly italic</w:t></w:r>"
      "<w:r><w:rPr><w:b/><w:sz w:val=\"20\"/></w:rPr><w:t>bold</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>",
      {{"word/styles.xml", styles}}));
  ASSERT_EQ(doc.lines.size(), 6u);
  EXPECT_EQ(doc.lines[0].role, LineRole::kHeading);
  EXPECT_EQ(doc.lines[0].style, "CV Section");
  EXPECT_TRUE(doc.lines[0].bold);
  EXPECT_TRUE(doc.lines[0].all_caps);
  EXPECT_FLOAT_EQ(doc.lines[0].font_size, 16);
  EXPECT_EQ(doc.lines[1].role, LineRole::kHeading);
  EXPECT_EQ(doc.lines[2].role, LineRole::kListItem);
  EXPECT_EQ(doc.lines[2].list_level, 1);
  EXPECT_EQ(doc.lines[3].role, LineRole::kListItem);
  EXPECT_EQ(doc.lines[3].list_level, 2);
  EXPECT_EQ(doc.lines[4].role, LineRole::kBody);
  EXPECT_TRUE(doc.lines[4].italic);  // the dominant run
  EXPECT_FALSE(doc.lines[4].bold);
  EXPECT_FLOAT_EQ(doc.lines[4].font_size, 11);
  EXPECT_EQ(doc.lines[5].role, LineRole::kHeading);
}

TEST(DocxExtractorTest, ReadsLayoutTablesRowByRowAndNestedTables) {
  auto cell = [](const std::string& content) { return "<w:tc>" + content + "</w:tc>"; };
  const Document doc = Extract(
      Docx(P("Name") + "<w:tbl><w:tr>" + cell(P("Contact") + P("jane@example.com")) +
           cell(P("Experience") + "<w:tbl><w:tr>" + cell(P("2020")) + cell(P("Engineer")) +
                "</w:tr></w:tbl>" + P("after nested")) +
           "</w:tr><w:tr>" + cell(P("Skills")) + cell(P("C++")) + "</w:tr></w:tbl>" + P("End")));
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"Name", "Contact", "jane@example.com", "Experience", "2020",
                                      "Engineer", "after nested", "Skills", "C++", "End"}));
  EXPECT_EQ(doc.lines[0].role, LineRole::kBody);
  for (int i = 1; i <= 8; ++i) EXPECT_EQ(doc.lines[i].role, LineRole::kTableCell) << i;
  EXPECT_EQ(doc.lines[1].block, doc.lines[3].block);  // one row, two cells
  EXPECT_EQ(doc.lines[4].block, doc.lines[5].block);  // the nested row
  EXPECT_NE(doc.lines[3].block, doc.lines[4].block);
  EXPECT_EQ(doc.lines[6].block, doc.lines[1].block);  // back in the outer row
  EXPECT_EQ(doc.lines[7].block, doc.lines[8].block);
  EXPECT_NE(doc.lines[7].block, doc.lines[1].block);
}

TEST(DocxExtractorTest, ReadsTextBoxesOnceFromAlternateContent) {
  const std::string box = "<w:txbxContent>" + P("In the box") + "</w:txbxContent>";
  const Document doc = Extract(
      Docx("<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent>"
           "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><wps:wsp><wps:txbx>" +
           box +
           "</wps:txbx></wps:wsp></a:graphic></wp:anchor></w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict><v:shape><v:textbox>" +
           box +
           "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
           "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" +
           P("VML only") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"));
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Anchor", "In the box", "VML only"}));
}

TEST(DocxExtractorTest, PlacesHeadersFirstAndFootersLast) {
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://x/header\" Target=\"header1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://x/header\" Target=\"/word/header2.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://x/footer\" Target=\"footer1.xml\"/>"
      "</Relationships>";
  auto part = [](const char* root, const std::string& text) {
    return "<w:" + std::string(root) + " " + kNamespaces + ">" + P(text) + "</w:" + root + ">";
  };
  const Document doc = Extract(
      Docx(P("Body one") + "<w:p><w:r><w:br w:type=\"page\"/><w:t>Body two</w:t></w:r></w:p>"
                           "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/>"
                           "<w:headerReference w:type=\"first\" r:id=\"rId2\"/>"
                           "<w:footerReference w:type=\"default\" r:id=\"rId3\"/></w:sectPr>",
           {{"word/_rels/document.xml.rels", rels},
            {"word/header1.xml", part("hdr", "Jane Doe - CV")},
            {"word/header2.xml", part("hdr", "Jane Doe - CV")},
            {"word/footer1.xml", part("ftr", "Page footer")}}));
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"Jane Doe - CV", "Body one", "Body two", "Page footer"}));
  EXPECT_EQ(doc.lines[0].role, LineRole::kHeader);
  EXPECT_EQ(doc.lines[3].role, LineRole::kFooter);
  EXPECT_EQ(doc.lines[1].page, 1);
  EXPECT_EQ(doc.lines[2].page, 2);
  EXPECT_EQ(doc.lines[3].page, 2);
  EXPECT_EQ(doc.pages, 2);
}

TEST(DocxExtractorTest, RefusesADocumentWithoutText) {
  ExpectError(ExtractDocx(Docx("<w:p/>" + P("  ")), {}), ErrorCode::kValidation, "empty_document");
}

TEST(DocxExtractorTest, RefusesTextPastMaxChars) {
  ExtractLimits limits;
  limits.max_chars = 100;
  std::string body;
  for (int i = 0; i < 20; ++i) body += P("ten chars!");
  ExpectError(ExtractDocx(Docx(body), limits), ErrorCode::kPayloadTooLarge, "document_too_large");
}

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Makes the local and central headers of the last entry claim `size` uncompressed bytes.
void LieAboutSize(std::string& zip, std::uint32_t size) {
  const std::size_t central = zip.rfind("PK\x01\x02");
  ASSERT_NE(central, std::string::npos);
  std::uint32_t local = 0;
  std::memcpy(&local, zip.data() + central + 42, 4);
  ASSERT_EQ(zip.compare(local, 4, "PK\x03\x04"), 0);
  std::memcpy(zip.data() + local + 22, &size, 4);
  std::memcpy(zip.data() + central + 24, &size, 4);
}

TEST(DocxHostileTest, RefusesAZipBombWithBoundedMemory) {
  constexpr zip_uint64_t kBombBytes = 200ull << 20;
  std::string bomb =
      BuildZipWith({{"[Content_Types].xml", "<Types/>"}}, "word/document.xml", kBombBytes);
  ASSERT_LT(bomb.size(), 1u << 20);
  const long before = PeakRssKb();
  ExpectError(ExtractDocx(bomb, {}), ErrorCode::kPayloadTooLarge, "document_too_large");
  // The same bomb declaring 100 bytes: only counting the inflated bytes stops it.
  LieAboutSize(bomb, 100);
  const auto lying = ExtractDocx(bomb, {});
  ExpectError(lying, ErrorCode::kPayloadTooLarge, "document_too_large");
  if (!lying) {
    EXPECT_NE(lying.error().message.find("inflates past"), std::string::npos);
  }
  // Inflating it all would take 200 MB; the ratio bound stops it at ~40 MB (sanitizers keep
  // freed buffers around, so the margin is wide).
  EXPECT_LT(PeakRssKb() - before, 160 * 1024);
}

TEST(DocxHostileTest, RefusesTooManyEntries) {
  std::vector<ZipEntry> entries{{"word/document.xml", DocumentXml(P("Hello"))}};
  for (int i = 0; i < 2'001; ++i) entries.push_back({"x/" + std::to_string(i), "x"});
  ExpectError(ExtractDocx(BuildZip(entries), {}), ErrorCode::kPayloadTooLarge,
              "document_too_large");
}

TEST(DocxHostileTest, CountsInflatedBytesInsteadOfTrustingTheDeclaredSize) {
  std::string body;
  for (int i = 0; i < 40'000; ++i) body += P("Lorem ipsum dolor sit amet");
  std::string zip = BuildZip({{"word/document.xml", DocumentXml(body)}});
  LieAboutSize(zip, 100);  // small enough for any budget
  ExtractLimits limits;
  limits.max_uncompressed_bytes = 256 << 10;  // the real part is ~1.3 MB
  const auto doc = ExtractDocx(zip, limits);
  ExpectError(doc, ErrorCode::kPayloadTooLarge, "document_too_large");
  if (!doc) {
    EXPECT_NE(doc.error().message.find("inflates past"), std::string::npos);
  }
}

TEST(DocxHostileTest, DoesNotExpandEntitiesOfABillionLaughs) {
  std::string doctype = "<!DOCTYPE w:document [<!ENTITY lol \"lol\">";
  doctype += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">";
  for (int i = 2; i <= 9; ++i) {
    doctype += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) doctype += "&lol" + std::to_string(i - 1) + ";";
    doctype += "\">";
  }
  doctype += "]>";
  const std::string zip =
      BuildZip({{"word/document.xml", DocumentXml(P("Jane &lol9; Doe"), doctype)}});
  const Document doc = Extract(zip);
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_LT(doc.TextChars(), 100u);
  EXPECT_EQ(doc.lines[0].text.find("lollol"), std::string::npos);
}

TEST(DocxHostileTest, NeverFetchesAnExternalEntity) {
  const std::string doctype = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
  const Document doc =
      Extract(BuildZip({{"word/document.xml", DocumentXml(P("Hello &xxe; world"), doctype)}}));
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_EQ(doc.lines[0].text.find("root:"), std::string::npos);
  EXPECT_NE(doc.lines[0].text.find("Hello"), std::string::npos);
}

TEST(DocxHostileTest, RefusesNestingDeeperThanTheLimit) {
  std::string body;
  for (int i = 0; i < 10'000; ++i) body += "<w:customXml>";
  body += P("deep");
  for (int i = 0; i < 10'000; ++i) body += "</w:customXml>";
  ExpectError(ExtractDocx(Docx(body), {}), ErrorCode::kPayloadTooLarge, "document_too_large");
}

TEST(DocxHostileTest, RefusesAPackageWithoutTheMainPart) {
  const auto doc = ExtractDocx(BuildZip({{"word/styles.xml", "<w:styles/>"}}), {});
  ExpectError(doc, ErrorCode::kValidation, "unreadable_document");
  if (!doc) {
    EXPECT_NE(doc.error().message.find("word/document.xml"), std::string::npos);
  }
}

TEST(DocxHostileTest, RefusesAnEncryptedMainPart) {
  const std::string xml = DocumentXml(P("secret"));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* zip = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  const zip_int64_t index =
      zip_file_add(zip, "word/document.xml", zip_source_buffer(zip, xml.data(), xml.size(), 0), 0);
  const bool encrypted =
      zip_file_set_encryption(zip, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, "pw") == 0;
  zip_close(zip);
  zip_stat_t st;
  zip_source_stat(out, &st);
  std::string bytes(st.size, '\0');
  zip_source_open(out);
  zip_source_read(out, bytes.data(), bytes.size());
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  if (!encrypted) GTEST_SKIP() << "this libzip cannot write encrypted entries";
  const auto doc = ExtractDocx(bytes, {});
  ExpectError(doc, ErrorCode::kValidation, "unreadable_document");
  if (!doc) {
    EXPECT_NE(doc.error().message.find("encrypted"), std::string::npos);
  }
}

TEST(DocxHostileTest, RefusesGarbageTruncatedAndMalformedInput) {
  ExpectError(ExtractDocx("", {}), ErrorCode::kValidation, "unreadable_document");
  ExpectError(ExtractDocx("PK\x03\x04 certainly not a zip file at all", {}), ErrorCode::kValidation,
              "unreadable_document");
  const std::string real =
      ReadFile(std::string(JC_SOURCE_DIR) + "/tests/corpus/cvs/034-jordan-reyes-devops.docx");
  ASSERT_GT(real.size(), 1000u);
  ExpectError(ExtractDocx(real.substr(0, real.size() / 2), {}), ErrorCode::kValidation,
              "unreadable_document");
  ExpectError(ExtractDocx(BuildZip({{"word/document.xml", "<w:document><w:body><w:p>"}}), {}),
              ErrorCode::kValidation, "unreadable_document");
}

}  // namespace
}  // namespace jc::parsing::testing
