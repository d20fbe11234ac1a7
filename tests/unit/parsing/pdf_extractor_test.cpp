#include "parsing/pdf/pdf_extractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace jc::parsing {
namespace {

const std::filesystem::path kCorpus = std::filesystem::path(JC_SOURCE_DIR) / "tests/corpus/cvs";
const std::filesystem::path kFixtures = std::filesystem::path(JC_SOURCE_DIR) / "tests/fixtures/pdf";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct CorpusPdf {
  std::string id;
  std::filesystem::path pdf;
  std::filesystem::path gold;
  std::string layout;
  int pages = 1;
};

// Reads the PDF rows of manifest.tsv (id, file, gold, format, layout, ... pages at column 10).
std::vector<CorpusPdf> CorpusPdfs() {
  std::ifstream in(kCorpus / "manifest.tsv");
  std::vector<CorpusPdf> out;
  std::string row;
  std::getline(in, row);
  while (std::getline(in, row)) {
    std::vector<std::string> cells;
    std::stringstream fields(row);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    if (cells.size() < 11 || cells[3] != "pdf") continue;
    out.push_back({cells[0], kCorpus / cells[1], kCorpus / cells[2], cells[4],
                   cells[10].empty() ? 1 : std::stoi(cells[10])});
  }
  return out;
}

// Reads the JSON string starting at `pos` (just after the opening quote). The gold files are
// written without \u escapes, so only the simple escapes are handled.
std::string JsonString(const std::string& json, std::size_t& pos) {
  std::string out;
  while (pos < json.size() && json[pos] != '"') {
    if (json[pos] == '\\' && pos + 1 < json.size()) ++pos;
    out.push_back(json[pos++]);
  }
  ++pos;
  return out;
}

std::string GoldString(const std::string& json, const std::string& key) {
  std::size_t pos = json.find("\"" + key + "\": \"");
  if (pos == std::string::npos) return {};
  pos += key.size() + 5;
  return JsonString(json, pos);
}

// The strings of a flat JSON array of strings, e.g. "technical": ["React", "Vite"].
std::vector<std::string> GoldStrings(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  std::size_t pos = json.find("\"" + key + "\": [");
  if (pos == std::string::npos) return out;
  pos += key.size() + 4;
  while (pos < json.size() && json[pos] != ']') {
    if (json[pos++] == '"') out.push_back(JsonString(json, pos));
  }
  return out;
}

Document MustExtract(const std::filesystem::path& path) {
  auto result = ExtractPdf(ReadFile(path), ExtractLimits{});
  EXPECT_TRUE(result.has_value()) << path << ": " << (result ? "" : result.error().message);
  return result ? *result : Document{};
}

// True when line i (or line i joined with the next, for an item that wraps) contains `text`.
bool LineHas(const Document& doc, std::size_t i, const std::string& text) {
  if (doc.lines[i].text.find(text) != std::string::npos) return true;
  return i + 1 < doc.lines.size() &&
         (doc.lines[i].text + " " + doc.lines[i + 1].text).find(text) != std::string::npos;
}

// The shortest run of lines holding every item, as [first, last]; {npos, npos} when none.
std::pair<std::size_t, std::size_t> ShortestRun(const Document& doc,
                                                const std::vector<std::string>& items) {
  std::pair<std::size_t, std::size_t> best{std::string::npos, std::string::npos};
  const std::size_t n = doc.lines.size();
  for (std::size_t first = 0; first < n; ++first) {
    for (std::size_t last = first; last < n; ++last) {
      if (best.first != std::string::npos && last - first >= best.second - best.first) break;
      const bool all = std::all_of(items.begin(), items.end(), [&](const std::string& item) {
        for (std::size_t i = first; i <= last; ++i) {
          if (LineHas(doc, i, item)) return true;
        }
        return false;
      });
      if (all) {
        best = {first, last};
        break;
      }
    }
  }
  return best;
}

TEST(PdfExtractor, EveryCorpusPdfExtractsWithLayout) {
  const auto corpus = CorpusPdfs();
  ASSERT_GE(corpus.size(), 20u);
  for (const CorpusPdf& cv : corpus) {
    SCOPED_TRACE(cv.id);
    const Document doc = MustExtract(cv.pdf);
    EXPECT_EQ(doc.kind, FileKind::kPdf);
    EXPECT_EQ(doc.pages, cv.pages);
    EXPECT_GT(doc.page_width, 500.0f);
    ASSERT_GT(doc.lines.size(), 10u);
    for (const Line& line : doc.lines) {
      EXPECT_FALSE(line.text.empty());
      EXPECT_EQ(line.text.find("  "), std::string::npos) << line.text;
      EXPECT_NE(line.text.front(), ' ');
      EXPECT_NE(line.text.back(), ' ');
      EXPECT_LE(line.x0, line.x1);
      EXPECT_LE(line.y0, line.y1);
      EXPECT_GT(line.font_size, 0.0f);
      EXPECT_GE(line.page, 1);
      EXPECT_LE(line.page, doc.pages);
    }
  }
}

TEST(PdfExtractor, FullNameComesFirst) {
  for (const CorpusPdf& cv : CorpusPdfs()) {
    SCOPED_TRACE(cv.id);
    const std::string name = GoldString(ReadFile(cv.gold), "fullName");
    ASSERT_FALSE(name.empty());
    const Document doc = MustExtract(cv.pdf);
    std::string head;
    for (std::size_t i = 0; i < std::min<std::size_t>(doc.lines.size(), 3); ++i) {
      head += doc.lines[i].text + " ";
    }
    EXPECT_NE(head.find(name), std::string::npos) << head;
  }
}

TEST(PdfExtractor, ColumnSectionsAreNotInterleaved) {
  int checked = 0;
  for (const CorpusPdf& cv : CorpusPdfs()) {
    if (cv.layout != "two-column" && cv.layout != "sidebar-colored") continue;
    SCOPED_TRACE(cv.id);
    const std::string gold = ReadFile(cv.gold);
    const Document doc = MustExtract(cv.pdf);
    EXPECT_TRUE(std::any_of(doc.lines.begin(), doc.lines.end(),
                            [](const Line& l) { return l.column == 2; }));
    for (const char* section : {"technical", "soft"}) {
      const auto items = GoldStrings(gold, section);
      if (items.empty()) continue;
      SCOPED_TRACE(section);
      const auto [first, last] = ShortestRun(doc, items);
      ASSERT_NE(first, std::string::npos) << "not all items found";
      // One run: a line per item at most (a heading or a wrapped item adds a few), all from the
      // same column; main-column lines in between would mean the columns were interleaved.
      EXPECT_LE(last - first + 1, items.size() + 4);
      for (std::size_t i = first; i <= last; ++i) {
        EXPECT_EQ(doc.lines[i].column, doc.lines[first].column) << doc.lines[i].text;
      }
      EXPECT_NE(doc.lines[first].column, 0);
      ++checked;
    }
  }
  EXPECT_GE(checked, 16);
}

TEST(PdfExtractor, SingleColumnPdfsHaveColumnZero) {
  for (const CorpusPdf& cv : CorpusPdfs()) {
    if (cv.layout != "single-column") continue;
    SCOPED_TRACE(cv.id);
    for (const Line& line : MustExtract(cv.pdf).lines) EXPECT_EQ(line.column, 0) << line.text;
  }
}

TEST(PdfExtractor, RepeatedPageHeadersAndFootersAreMarked) {
  int checked = 0;
  for (const CorpusPdf& cv : CorpusPdfs()) {
    if (cv.layout != "header-footer") continue;
    SCOPED_TRACE(cv.id);
    const Document doc = MustExtract(cv.pdf);
    ASSERT_GE(doc.pages, 2);
    for (int page = 1; page <= doc.pages; ++page) {
      const bool footer = std::any_of(doc.lines.begin(), doc.lines.end(), [&](const Line& l) {
        return l.page == page && l.role == LineRole::kFooter &&
               l.text.find(std::to_string(page)) != std::string::npos;
      });
      EXPECT_TRUE(footer) << "page " << page;
    }
    const auto headers = std::count_if(doc.lines.begin(), doc.lines.end(),
                                       [](const Line& l) { return l.role == LineRole::kHeader; });
    EXPECT_GE(headers, doc.pages - 1);
    // Body text is never taken for a running header or footer.
    const auto body = std::count_if(doc.lines.begin(), doc.lines.end(), [](const Line& l) {
      return l.role != LineRole::kHeader && l.role != LineRole::kFooter;
    });
    EXPECT_GT(body, 20);
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

TEST(PdfExtractor, StylesBulletsAndBlocks) {
  const Document doc = MustExtract(kCorpus / "001-maya-thompson-frontend.pdf");
  auto find = [&](const std::string& text) {
    return std::find_if(doc.lines.begin(), doc.lines.end(),
                        [&](const Line& l) { return l.text == text; });
  };
  const auto name = find("Maya Thompson");
  ASSERT_NE(name, doc.lines.end());
  EXPECT_TRUE(name->bold);
  EXPECT_GT(name->font_size, 15.0f);
  EXPECT_EQ(name->page, 1);
  EXPECT_LT(name->y0, 100.0f);
  const auto item = find("Led the migration from Webpack to Vite for 12 internal apps");
  ASSERT_NE(item, doc.lines.end());
  EXPECT_EQ(item->role, LineRole::kListItem);
  EXPECT_EQ(item->list_level, 1);
  EXPECT_FALSE(item->bold);
  const auto company = find("Brightleaf Labs, Portland, OR");
  ASSERT_NE(company, doc.lines.end());
  EXPECT_TRUE(company->italic);
  const auto summary = find("Summary");
  const auto experience = find("Experience");
  ASSERT_NE(summary, doc.lines.end());
  ASSERT_NE(experience, doc.lines.end());
  EXPECT_LT(summary->block, experience->block);
  EXPECT_LT(summary - doc.lines.begin(), experience - doc.lines.begin());
  const auto caps = find("HTML5");
  ASSERT_NE(caps, doc.lines.end());
  EXPECT_TRUE(caps->all_caps);
  EXPECT_FALSE(item->all_caps);
}

// A minimal PDF with `pages` pages that all draw `content` (Helvetica as /F1, Helvetica-Bold as
// /F2), so each test states exactly what the page holds.
std::string MinimalPdf(int pages, const std::string& content) {
  std::vector<std::string> objects;
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(6 + i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                    "\nendstream");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>");
  for (int i = 0; i < pages; ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(PdfExtractor, MinimalPdfLinesStylesAndBullets) {
  const std::string content =
      "BT /F2 18 Tf 72 720 Td (JANE DOE) Tj ET "
      "BT /F1 11 Tf 72 690 Td (- Built the) Tj ( data platform) Tj ET "
      "BT /F1 11 Tf 72 676 Td (Second line) Tj ET";
  const auto result = ExtractPdf(MinimalPdf(1, content), ExtractLimits{});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const auto& lines = result->lines;
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "JANE DOE");
  EXPECT_TRUE(lines[0].bold);
  EXPECT_TRUE(lines[0].all_caps);
  EXPECT_FLOAT_EQ(lines[0].font_size, 18.0f);
  EXPECT_NEAR(lines[0].x0, 72.0f, 0.5f);
  EXPECT_LT(lines[0].y0, 72.0f + 1.0f);  // top-left origin: 792 - 720 = 72 is the baseline
  EXPECT_EQ(lines[1].text, "Built the data platform");
  EXPECT_EQ(lines[1].role, LineRole::kListItem);
  EXPECT_EQ(lines[1].list_level, 1);
  EXPECT_FALSE(lines[1].bold);
  EXPECT_EQ(lines[2].role, LineRole::kBody);
  EXPECT_EQ(lines[1].block, lines[2].block);
  EXPECT_NE(lines[0].block, lines[1].block);
  EXPECT_EQ(lines[2].column, 0);
}

TEST(PdfExtractor, LigaturesAreSpelledOut) {
  // In the standard encoding of the base-14 fonts, \256 is the "fi" and \257 the "fl" ligature.
  const auto result =
      ExtractPdf(MinimalPdf(1, "BT /F1 11 Tf 72 700 Td (Of\\256ce work\\257ow) Tj ET"), {});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  ASSERT_EQ(result->lines.size(), 1u);
  EXPECT_EQ(result->lines[0].text, "Office workflow");
}

TEST(PdfExtractor, SymbolFontBulletsAreListItems) {
  // LibreOffice writes its bullets as U+F0B7 from the Symbol font.
  const Document doc = MustExtract(kCorpus / "024-wang-xiaoming-data-engineer.pdf");
  const auto item = std::find_if(doc.lines.begin(), doc.lines.end(), [](const Line& l) {
    return l.text.starts_with("Built a Flink streaming pipeline");
  });
  ASSERT_NE(item, doc.lines.end());
  EXPECT_EQ(item->role, LineRole::kListItem);
  EXPECT_EQ(item->list_level, 1);
}

void ExpectError(const Result<Document>& result, ErrorCode code, const std::string& slug) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().slug, slug);
  EXPECT_FALSE(result.error().message.empty());
}

// poppler's global state is kept between documents (ExtractPdf holds it for the process): reading
// the same file again, after others, gives the same lines.
TEST(PdfExtractor, TheSameFileReadsTheSameAfterOthers) {
  const auto pdfs = CorpusPdfs();
  ASSERT_GE(pdfs.size(), 2u);
  const std::string first = ReadFile(pdfs.front().pdf);
  const auto before = ExtractPdf(first, {});
  ASSERT_TRUE(before);
  for (const auto& other : pdfs) ASSERT_TRUE(ExtractPdf(ReadFile(other.pdf), {}));
  const auto after = ExtractPdf(first, {});
  ASSERT_TRUE(after);
  ASSERT_EQ(before->lines.size(), after->lines.size());
  for (std::size_t i = 0; i < before->lines.size(); ++i) {
    EXPECT_EQ(before->lines[i].text, after->lines[i].text);
    EXPECT_EQ(before->lines[i].bold, after->lines[i].bold);
    EXPECT_EQ(before->lines[i].font_size, after->lines[i].font_size);
  }
}

TEST(PdfExtractor, GarbageBytesAreUnreadable) {
  ExpectError(ExtractPdf("this is not a PDF at all", ExtractLimits{}), ErrorCode::kValidation,
              "unreadable_document");
  ExpectError(ExtractPdf("", ExtractLimits{}), ErrorCode::kValidation, "unreadable_document");
}

TEST(PdfExtractor, TruncatedPdfIsUnreadable) {
  const std::string bytes = ReadFile(kCorpus / "001-maya-thompson-frontend.pdf");
  ASSERT_GT(bytes.size(), 1000u);
  ExpectError(ExtractPdf(std::string_view(bytes).substr(0, bytes.size() / 2), ExtractLimits{}),
              ErrorCode::kValidation, "unreadable_document");
}

TEST(PdfExtractor, PasswordProtectedPdfIsRefused) {
  const std::string bytes = ReadFile(kFixtures / "encrypted-user-password.pdf");
  ASSERT_FALSE(bytes.empty());
  ExpectError(ExtractPdf(bytes, ExtractLimits{}), ErrorCode::kValidation, "encrypted_document");
}

TEST(PdfExtractor, ImageOnlyPdfHasNoTextLayer) {
  ExpectError(ExtractPdf(MinimalPdf(2, "0.2 g 72 72 300 400 re f"), ExtractLimits{}),
              ErrorCode::kValidation, "no_text_layer");
}

TEST(PdfExtractor, TooManyPagesIsTooLarge) {
  const std::string sixty = MinimalPdf(60, "BT /F1 12 Tf 72 720 Td (A page) Tj ET");
  ExpectError(ExtractPdf(sixty, ExtractLimits{}), ErrorCode::kPayloadTooLarge,
              "document_too_large");
  ExtractLimits generous;
  generous.max_pages = 60;
  const auto result = ExtractPdf(sixty, generous);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->pages, 60);
}

TEST(PdfExtractor, TooMuchTextIsTooLarge) {
  ExtractLimits limits;
  limits.max_chars = 200;
  ExpectError(ExtractPdf(ReadFile(kCorpus / "001-maya-thompson-frontend.pdf"), limits),
              ErrorCode::kPayloadTooLarge, "document_too_large");
}

}  // namespace
}  // namespace jc::parsing
