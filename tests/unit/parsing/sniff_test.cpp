#include "parsing/sniff.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace jc::parsing {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(JC_SOURCE_DIR) / "tests/corpus/cvs";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Encodings of the .txt corpus files, from manifest.tsv (column "encoding").
std::map<std::string, std::string> ManifestEncodings() {
  std::map<std::string, std::string> encodings;
  std::istringstream in(ReadFile(kCorpus / "manifest.tsv"));
  std::string row;
  while (std::getline(in, row)) {
    std::vector<std::string> cells;
    std::istringstream cells_in(row);
    for (std::string cell; std::getline(cells_in, cell, '\t');) cells.push_back(cell);
    if (cells.size() > 11) encodings[cells[1]] = cells[11];
  }
  return encodings;
}

std::string Le16(unsigned v) {
  return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
}

// A stored ZIP local file header followed by its data (no central directory needed).
std::string ZipEntry(const std::string& name, const std::string& data) {
  return std::string("PK\x03\x04", 4) + Le16(20) + Le16(0) + Le16(0) + Le16(0) + Le16(0) +
         std::string(4, '\0') + Le16(static_cast<unsigned>(data.size())) + Le16(0) +
         Le16(static_cast<unsigned>(data.size())) + Le16(0) +
         Le16(static_cast<unsigned>(name.size())) + Le16(0) + name + data;
}

std::string Utf16(std::string_view ascii, bool little_endian) {
  std::string out;
  for (char c : ascii) {
    out += little_endian ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

TEST(SniffTest, EveryCorpusFileSniffsAsItsExtension) {
  const std::map<std::string, FileKind> kByExtension = {
      {".pdf", FileKind::kPdf}, {".docx", FileKind::kDocx}, {".odt", FileKind::kOdt},
      {".rtf", FileKind::kRtf}, {".html", FileKind::kHtml}, {".txt", FileKind::kText}};
  auto encodings = ManifestEncodings();
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    auto kind = kByExtension.find(entry.path().extension().string());
    if (kind == kByExtension.end()) continue;
    std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    auto sniffed = Sniff(ReadFile(entry.path()));
    ASSERT_TRUE(sniffed) << sniffed.error().message;
    EXPECT_EQ(sniffed->kind, kind->second);
    EXPECT_TRUE(CheckDeclaredType(name, *sniffed));
    EXPECT_TRUE(CheckDeclaredType(FileKindName(kind->second), *sniffed));
    if (kind->second == FileKind::kText) {
      const std::string& enc = encodings[name];
      if (enc == "utf-8") {
        EXPECT_EQ(sniffed->encoding, TextEncoding::kUtf8);
      }
      if (enc == "latin-1") {
        EXPECT_EQ(sniffed->encoding, TextEncoding::kLatin1);
      }
      if (enc == "utf-16") {
        EXPECT_TRUE(sniffed->encoding == TextEncoding::kUtf16Le ||
                    sniffed->encoding == TextEncoding::kUtf16Be);
      }
    }
    ++checked;
  }
  EXPECT_GE(checked, 70);
}

struct GoodCase {
  std::string name;
  std::string bytes;
  FileKind kind;
  TextEncoding encoding;
};

TEST(SniffTest, RecognisesHandMadeDocuments) {
  const std::vector<GoodCase> cases = {
      {"pdf", "%PDF-1.7\n%\xE2\xE3\n1 0 obj", FileKind::kPdf, TextEncoding::kNone},
      {"pdf after junk", std::string(100, ' ') + "%PDF-1.4", FileKind::kPdf, TextEncoding::kNone},
      {"docx", ZipEntry("[Content_Types].xml", "<x/>") + ZipEntry("word/document.xml", "<w/>"),
       FileKind::kDocx, TextEncoding::kNone},
      {"odt",
       ZipEntry("mimetype", "application/vnd.oasis.opendocument.text") +
           ZipEntry("content.xml", "<x/>"),
       FileKind::kOdt, TextEncoding::kNone},
      {"rtf", "{\\rtf1\\ansi Hello}", FileKind::kRtf, TextEncoding::kNone},
      {"rtf with bom", "\xEF\xBB\xBF  {\\rtf1 Hello}", FileKind::kRtf, TextEncoding::kNone},
      {"html doctype", "<!DOCTYPE html><p>x</p>", FileKind::kHtml, TextEncoding::kUtf8},
      {"html upper case after bom", "\xEF\xBB\xBF\n  <HTML><BODY>x", FileKind::kHtml,
       TextEncoding::kUtf8},
      {"html after comment", "<!-- cv --> <body>x</body>", FileKind::kHtml, TextEncoding::kUtf8},
      {"html latin-1", "<html><p>Caf\xE9</p></html>", FileKind::kHtml, TextEncoding::kLatin1},
      {"utf-8",
       "Jos\xC3\xA9 Garc\xC3\xAD"
       "a\nEngineer",
       FileKind::kText, TextEncoding::kUtf8},
      {"utf-8 bom", "\xEF\xBB\xBFJane", FileKind::kText, TextEncoding::kUtf8},
      {"latin-1",
       "Jos\xE9 Garc\xED"
       "a \x96 Engineer",
       FileKind::kText, TextEncoding::kLatin1},
      {"utf-16le bom", "\xFF\xFE" + Utf16("Jane Doe", true), FileKind::kText,
       TextEncoding::kUtf16Le},
      {"utf-16be bom", "\xFE\xFF" + Utf16("Jane Doe", false), FileKind::kText,
       TextEncoding::kUtf16Be},
      {"utf-16le no bom", Utf16("Jane Doe\nEngineer", true), FileKind::kText,
       TextEncoding::kUtf16Le},
      {"utf-16be no bom", Utf16("Jane Doe\nEngineer", false), FileKind::kText,
       TextEncoding::kUtf16Be},
      {"utf-16le html", "\xFF\xFE" + Utf16("<!DOCTYPE html><p>x</p>", true), FileKind::kHtml,
       TextEncoding::kUtf16Le},
      {"utf-16be html no bom", Utf16("<html><p>x</p>", false), FileKind::kHtml,
       TextEncoding::kUtf16Be},
      {"text starting with MZ", "MZ Consulting\nJane Doe", FileKind::kText, TextEncoding::kUtf8},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto sniffed = Sniff(c.bytes);
    ASSERT_TRUE(sniffed) << sniffed.error().message;
    EXPECT_EQ(sniffed->kind, c.kind);
    EXPECT_EQ(sniffed->encoding, c.encoding);
  }
}

struct BadCase {
  std::string name;
  std::string bytes;
  ErrorCode code;
  std::string slug;
  std::string message_part;
};

TEST(SniffTest, RejectsEmptyAndUnsupportedInput) {
  const std::vector<BadCase> cases = {
      {"empty", "", ErrorCode::kValidation, "empty_document", "empty"},
      {"whitespace", " \r\n\t\f  ", ErrorCode::kValidation, "empty_document", "whitespace"},
      {"bom only", "\xEF\xBB\xBF\n", ErrorCode::kValidation, "empty_document", "empty"},
      {"jpeg", "\xFF\xD8\xFF\xE0\x00\x10JFIF", ErrorCode::kUnsupportedMediaType,
       "unsupported_file_type", "a JPEG image: send the CV as PDF, DOCX, ODT, RTF, HTML or text"},
      {"png", "\x89PNG\r\n\x1A\n\x00\x00", ErrorCode::kUnsupportedMediaType,
       "unsupported_file_type", "PNG image"},
      {"ole2 doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", 10),
       ErrorCode::kUnsupportedMediaType, "unsupported_file_type", "legacy Word .doc"},
      {"xlsx", ZipEntry("[Content_Types].xml", "<x/>") + ZipEntry("xl/workbook.xml", "<w/>"),
       ErrorCode::kUnsupportedMediaType, "unsupported_file_type", "Excel spreadsheet"},
      {"epub", ZipEntry("mimetype", "application/epub+zip"), ErrorCode::kUnsupportedMediaType,
       "unsupported_file_type", "EPUB"},
      {"plain zip", ZipEntry("notes.txt", "hello"), ErrorCode::kUnsupportedMediaType,
       "unsupported_file_type", "ZIP archive"},
      {"elf",
       std::string("\x7F"
                   "ELF\x02\x01\x01\x00\x00",
                   9),
       ErrorCode::kUnsupportedMediaType, "unsupported_file_type", "executable"},
      {"windows exe", std::string("MZ\x90\x00\x03\x00\x00\x00", 8),
       ErrorCode::kUnsupportedMediaType, "unsupported_file_type", "Windows executable"},
      {"nul bytes", std::string("abc\x00\x01\x02\x00\x00\x00\x05zz", 13),
       ErrorCode::kUnsupportedMediaType, "unsupported_file_type", "binary"},
      {"control bytes", std::string(50, '\x01') + "text", ErrorCode::kUnsupportedMediaType,
       "unsupported_file_type", "binary"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto sniffed = Sniff(c.bytes);
    ASSERT_FALSE(sniffed);
    EXPECT_EQ(sniffed.error().code, c.code);
    EXPECT_EQ(sniffed.error().slug, c.slug);
    EXPECT_NE(sniffed.error().message.find(c.message_part), std::string::npos)
        << sniffed.error().message;
  }
}

struct DeclaredCase {
  std::string declared;
  FileKind actual;
  bool ok;
};

TEST(SniffTest, CheckDeclaredType) {
  const std::vector<DeclaredCase> cases = {
      {"pdf", FileKind::kPdf, true},
      {"PDF", FileKind::kPdf, true},
      {"cv.pdf", FileKind::kPdf, true},
      {"My CV.final.PDF", FileKind::kPdf, true},
      {"application/pdf", FileKind::kPdf, true},
      {"docx", FileKind::kDocx, true},
      {"doc", FileKind::kDocx, true},
      {"cv.doc", FileKind::kRtf, true},
      {"odt", FileKind::kOdt, true},
      {"rtf", FileKind::kRtf, true},
      {"html", FileKind::kHtml, true},
      {"page.htm", FileKind::kHtml, true},
      {"html", FileKind::kText, true},
      {"txt", FileKind::kText, true},
      {"txt", FileKind::kHtml, true},
      {"text/plain", FileKind::kRtf, true},
      {"", FileKind::kPdf, true},
      {"pages", FileKind::kPdf, true},
      {"cv", FileKind::kDocx, true},
      {"docx", FileKind::kPdf, false},
      {"cv.docx", FileKind::kOdt, false},
      {"pdf", FileKind::kText, false},
      {"doc", FileKind::kPdf, false},
      {"odt", FileKind::kDocx, false},
      {"rtf", FileKind::kText, false},
      {"txt", FileKind::kPdf, false},
      {"html", FileKind::kDocx, false},
      {"application/pdf", FileKind::kHtml, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.declared + " vs " + std::string(FileKindName(c.actual)));
    auto status = CheckDeclaredType(c.declared, Sniffed{c.actual, TextEncoding::kNone});
    ASSERT_EQ(static_cast<bool>(status), c.ok);
    if (!c.ok) {
      EXPECT_EQ(status.error().code, ErrorCode::kUnsupportedMediaType);
      EXPECT_EQ(status.error().slug, "file_type_mismatch");
    }
  }
  auto status = CheckDeclaredType("docx", Sniffed{FileKind::kPdf, TextEncoding::kNone});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "the file was declared as docx but its content is a PDF");
}

}  // namespace
}  // namespace jc::parsing
