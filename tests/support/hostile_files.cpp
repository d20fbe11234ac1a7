#include "support/hostile_files.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace jc::testing::hostile {
namespace {

constexpr std::uint64_t kChunk = 1 << 20;

// Raw deflate of `data` (a zlib stream when `zlib_wrapper`), ending in `flush`: Z_FINISH for a
// complete stream; Z_FULL_FLUSH for a byte-aligned run that refers to nothing before its own
// start, so that copies of it can follow each other inside one stream.
std::string Deflate(std::string_view data, bool zlib_wrapper, int flush = Z_FINISH) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, zlib_wrapper ? 15 : -15, 9,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, flush);
  deflateEnd(&z);
  if (rc != (flush == Z_FINISH ? Z_STREAM_END : Z_OK) || z.avail_in != 0) {
    throw std::runtime_error("deflate failed");
  }
  out.resize(z.total_out);
  return out;
}

std::string DeflateZeroRun(std::size_t size) {
  return size == 0 ? std::string() : Deflate(std::string(size, '\0'), false, Z_FULL_FLUSH);
}

// Checksums of `bytes` zeros, combined from one chunk's instead of computed byte by byte.
template <typename Fn, typename Combine>
uLong ChecksumOfZeros(std::uint64_t bytes, uLong initial, Fn fn, Combine combine) {
  static const std::string zeros(kChunk, '\0');
  const uLong chunk_sum =
      fn(initial, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(kChunk));
  uLong sum = initial;
  for (std::uint64_t i = 0; i < bytes / kChunk; ++i) {
    sum = combine(sum, chunk_sum, static_cast<z_off_t>(kChunk));
  }
  const auto rest = static_cast<uInt>(bytes % kChunk);
  if (rest != 0)
    sum = combine(sum, fn(initial, reinterpret_cast<const Bytef*>(zeros.data()), rest),
                  static_cast<z_off_t>(rest));
  return sum;
}

uLong Crc32OfZeros(std::uint64_t bytes) {
  return ChecksumOfZeros(bytes, crc32(0, nullptr, 0), crc32, crc32_combine);
}

uLong Adler32OfZeros(std::uint64_t bytes) {
  return ChecksumOfZeros(bytes, adler32(0, nullptr, 0), adler32, adler32_combine);
}

// ---- PDF ------------------------------------------------------------------------------------

std::string PdfString(std::string_view text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

constexpr std::string_view kHelvetica =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

constexpr std::string_view kA4 = "/MediaBox [0 0 595 842]";

// Catalog 1, Pages 2, one Page 3 (with `page_entries`), then `objects` numbered from 4.
std::string OnePageWith(std::string_view page_entries, std::vector<std::string> objects) {
  PdfWriter pdf;
  pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.Add("<< /Type /Page /Parent 2 0 R " + std::string(page_entries) + " >>");
  for (auto& object : objects) pdf.Add(std::move(object));
  return pdf.Finish(1);
}

// One page showing `content` (object 4) in Helvetica as /F1 (object 5).
std::string OnePage(std::string_view content, std::string_view media_box = kA4) {
  return OnePageWith(
      std::string(media_box) + " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R",
      {PdfWriter::Stream("", content), std::string(kHelvetica)});
}

std::string TextContent(const std::vector<std::string>& lines, double size = 11) {
  char head[64];
  std::snprintf(head, sizeof head, "BT /F1 %.0f Tf %.0f TL 56 780 Td\n", size, size * 1.3);
  std::string content = head;
  for (const auto& line : lines) content += PdfString(line) + " Tj T*\n";
  return content + "ET\n";
}

const std::vector<std::string>& SampleCv() {
  static const std::vector<std::string> lines = {
      "Jane Example",
      "Backend Engineer | jane.example@example.com | +1 555 0100 | Berlin, Germany",
      "",
      "EXPERIENCE",
      "Senior Backend Engineer, Example Systems GmbH, Jan 2020 - Present",
      "- Built payment services in Go and PostgreSQL handling 2,000 requests a second",
      "- Led a team of four engineers through a migration to Kubernetes",
      "Backend Engineer, Sample Software Ltd, Mar 2016 - Dec 2019",
      "- Wrote REST APIs in Python and Django; cut response times by 40%",
      "",
      "EDUCATION",
      "BSc Computer Science, Technical University of Example, 2012 - 2016",
      "",
      "SKILLS",
      "Go, Python, PostgreSQL, Docker, Kubernetes, AWS, Leadership",
  };
  return lines;
}

// ---- ZIP ------------------------------------------------------------------------------------

struct RawEntry {
  std::string name;
  std::string data;  // as stored in the archive
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint64_t size = 0;  // uncompressed
};

void Le(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

RawEntry Stored(ZipEntry entry) {
  RawEntry raw;
  raw.crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(entry.data.data()),
                                             static_cast<uInt>(entry.data.size())));
  raw.size = entry.data.size();
  raw.name = std::move(entry.name);
  raw.data = std::move(entry.data);
  return raw;
}

RawEntry Deflated(ZipEntry entry) {
  RawEntry raw = Stored(std::move(entry));
  raw.data = Deflate(raw.data, false);
  raw.method = 8;
  return raw;
}

// `declared`: the uncompressed size the headers state (0: the true one, clamped to 32 bits).
RawEntry ZeroBomb(std::string name, std::uint64_t bytes, std::uint64_t declared = 0) {
  return {std::move(name), RawDeflateZeros(bytes), 8,
          static_cast<std::uint32_t>(Crc32OfZeros(bytes)),
          std::min<std::uint64_t>(declared != 0 ? declared : bytes, 0xFFFFFFFF)};
}

// The fields a local header and a central-directory header share, from "version needed" to the
// extra field's length.
void SharedHeaderFields(std::string& out, const RawEntry& e) {
  Le(out, 20, 2);  // version needed: 2.0
  Le(out, 0, 2);   // flags
  Le(out, e.method, 2);
  Le(out, 0, 2);     // time
  Le(out, 0x21, 2);  // date: 1980-01-01
  Le(out, e.crc, 4);
  Le(out, e.data.size(), 4);
  Le(out, e.size, 4);
  Le(out, e.name.size(), 2);
  Le(out, 0, 2);  // extra field length
}

// Writes the entries, the central directory and its end record (ZIP64 past 65535 entries).
std::string WriteZip(const std::vector<RawEntry>& entries) {
  std::string out;
  std::vector<std::uint64_t> offsets;
  offsets.reserve(entries.size());
  for (const RawEntry& e : entries) {
    offsets.push_back(out.size());
    Le(out, 0x04034b50, 4);
    SharedHeaderFields(out, e);
    out += e.name;
    out += e.data;
  }
  const std::uint64_t directory = out.size();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Le(out, 0x02014b50, 4);
    Le(out, 20, 2);  // made by: 2.0
    SharedHeaderFields(out, entries[i]);
    Le(out, 0, 2);  // comment length
    Le(out, 0, 2);  // disk
    Le(out, 0, 2);  // internal attributes
    Le(out, 0, 4);  // external attributes
    Le(out, offsets[i], 4);
    out += entries[i].name;
  }
  const std::uint64_t directory_size = out.size() - directory;
  const bool zip64 = entries.size() > 0xFFFF;
  if (zip64) {
    const std::uint64_t record = out.size();
    Le(out, 0x06064b50, 4);  // ZIP64 end of central directory record
    Le(out, 44, 8);
    Le(out, 45, 2);
    Le(out, 45, 2);
    Le(out, 0, 4);
    Le(out, 0, 4);
    Le(out, entries.size(), 8);
    Le(out, entries.size(), 8);
    Le(out, directory_size, 8);
    Le(out, directory, 8);
    Le(out, 0x07064b50, 4);  // its locator
    Le(out, 0, 4);
    Le(out, record, 8);
    Le(out, 1, 4);
  }
  const std::uint64_t count = zip64 ? 0xFFFF : entries.size();
  Le(out, 0x06054b50, 4);
  Le(out, 0, 2);
  Le(out, 0, 2);
  Le(out, count, 2);
  Le(out, count, 2);
  Le(out, directory_size, 4);
  Le(out, directory, 4);
  Le(out, 0, 2);
  return out;
}

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

std::string DocumentXml(std::string_view body, std::string_view doctype = {}) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") +
         std::string(doctype) +
         R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
         "<w:body>" +
         std::string(body) + "</w:body></w:document>";
}

std::string Paragraph(std::string_view text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + std::string(text) + "</w:t></w:r></w:p>";
}

constexpr std::string_view kOdtMime = "application/vnd.oasis.opendocument.text";

}  // namespace

// ---- public ---------------------------------------------------------------------------------

int PdfWriter::Reserve() {
  bodies_.emplace_back();
  return static_cast<int>(bodies_.size());
}

int PdfWriter::Add(std::string body) {
  bodies_.push_back(std::move(body));
  return static_cast<int>(bodies_.size());
}

void PdfWriter::Set(int number, std::string body) {
  bodies_.at(static_cast<std::size_t>(number - 1)) = std::move(body);
}

std::string PdfWriter::Stream(std::string_view dict_entries, std::string_view data) {
  std::string out = "<< /Length " + std::to_string(data.size());
  if (!dict_entries.empty()) out += " " + std::string(dict_entries);
  out += " >>\nstream\n";
  out += data;
  out += "\nendstream";
  return out;
}

std::string PdfWriter::Finish(int root) const {
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  offsets.reserve(bodies_.size());
  for (std::size_t i = 0; i < bodies_.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n";
    out += bodies_[i];
    out += "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(bodies_.size() + 1) + "\n0000000000 65535 f \n";
  char entry[32];
  for (std::size_t offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(bodies_.size() + 1) + " /Root " +
         std::to_string(root) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string RawDeflateZeros(std::uint64_t bytes) {
  static const std::string chunk = DeflateZeroRun(kChunk);  // ~1 KiB
  std::string out;
  out.reserve(static_cast<std::size_t>(bytes / kChunk + 1) * chunk.size() + 16);
  for (std::uint64_t i = 0; i < bytes / kChunk; ++i) out += chunk;
  out += DeflateZeroRun(static_cast<std::size_t>(bytes % kChunk));
  out += std::string("\x03\x00", 2);  // a final, empty block of fixed Huffman codes
  return out;
}

std::string ZlibZeros(std::uint64_t bytes) {
  std::string out = "\x78\xDA";  // deflate, 32 KiB window, best compression; FCHECK valid
  out += RawDeflateZeros(bytes);
  const uLong adler = Adler32OfZeros(bytes);
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((adler >> shift) & 0xFF);
  return out;
}

std::string PdfWithText(const std::vector<std::string>& text_lines) {
  return OnePage(TextContent(text_lines));
}

std::string PdfContentBomb(std::uint64_t bytes) {
  return OnePageWith(
      std::string(kA4) + " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R",
      {PdfWriter::Stream("/Filter /FlateDecode", ZlibZeros(bytes)), std::string(kHelvetica)});
}

std::string PdfImageBomb(std::uint64_t bytes) {
  constexpr std::uint64_t kWidth = 16384;
  const std::uint64_t height = std::max<std::uint64_t>(1, bytes / (kWidth * 3));
  return OnePageWith(
      std::string(kA4) + " /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R",
      {PdfWriter::Stream("", "q 595 0 0 842 0 0 cm /Im1 Do Q\n"),
       PdfWriter::Stream("/Type /XObject /Subtype /Image /Width " + std::to_string(kWidth) +
                             " /Height " + std::to_string(height) +
                             " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
                         ZlibZeros(bytes))});
}

std::string PdfFontBomb(std::uint64_t bytes) {
  return OnePageWith(
      std::string(kA4) + " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R",
      {PdfWriter::Stream("", TextContent(SampleCv())),
       "<< /Type /Font /Subtype /Type1 /BaseFont /BombSans /FirstChar 32 /LastChar 126 "
       "/Encoding /WinAnsiEncoding /FontDescriptor 6 0 R >>",
       "<< /Type /FontDescriptor /FontName /BombSans /Flags 32 /FontBBox [0 -200 1000 900] "
       "/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>",
       PdfWriter::Stream(
           "/Filter /FlateDecode /Length1 " + std::to_string(bytes) + " /Length2 0 /Length3 0",
           ZlibZeros(bytes))});
}

std::string PdfSelfReferencingKids() {
  PdfWriter pdf;
  pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.Add("<< /Type /Pages /Kids [2 0 R] /Count 1 /MediaBox [0 0 595 842] >>");
  return pdf.Finish(1);
}

std::string PdfLengthReferenceCycle() {
  return OnePageWith(std::string(kA4) + " /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R",
                     {"<< /Length 5 0 R >>\nstream\n" + TextContent(SampleCv()) + "\nendstream",
                      "6 0 R", "5 0 R", std::string(kHelvetica)});
}

std::string PdfContentsReferenceCycle() {
  return OnePageWith(std::string(kA4) + " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R",
                     {std::string(kHelvetica), "6 0 R", "5 0 R"});
}

std::string PdfHugePage(int words) {
  static constexpr std::array<std::string_view, 8> kWords = {
      "Engineer", "Python", "Kubernetes", "delivered", "platform", "Berlin", "2019", "team"};
  constexpr int kPerLine = 150;
  std::string content = "BT /F1 10 Tf 13 TL 20 14380 Td\n";
  for (int i = 0; i < words; ++i) {
    if (i % kPerLine == 0) content += "(";
    content += kWords[static_cast<std::size_t>(i) % kWords.size()];
    content += (i % kPerLine == kPerLine - 1 || i == words - 1) ? ") Tj T*\n" : " ";
  }
  content += "ET\n";
  return OnePage(content, "/MediaBox [0 0 14400 14400]");
}

std::string PdfManyPages(int pages) {
  PdfWriter pdf;
  pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
  const int pages_node = pdf.Reserve();
  pdf.Add(PdfWriter::Stream("", TextContent(SampleCv())));
  pdf.Add(std::string(kHelvetica));
  std::string kids;
  kids.reserve(static_cast<std::size_t>(pages) * 9);
  for (int i = 0; i < pages; ++i) {
    const int page = pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  pdf.Set(pages_node,
          "<< /Type /Pages /Count " + std::to_string(pages) +
              " /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Kids [" + kids +
              "] >>");
  return pdf.Finish(1);
}

std::string PdfImageOnly() {
  constexpr int kSide = 64;
  std::string pixels(kSide * kSide, '\0');
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<char>((i * 7) & 0xFF);
  return OnePageWith(
      std::string(kA4) + " /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R",
      {PdfWriter::Stream("", "q 500 0 0 700 48 70 cm /Im1 Do Q\n"),
       PdfWriter::Stream("/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace "
                         "/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                         Deflate(pixels, true))});
}

std::string PdfTruncated(int keep_percent) {
  const std::string full = PdfWithText(SampleCv());
  return full.substr(0, full.size() * static_cast<std::size_t>(keep_percent) / 100);
}

std::string PdfCorrupt(std::size_t bytes, std::uint32_t seed) {
  std::mt19937 random(seed);
  std::string out = "%PDF-1.7\n";
  out.reserve(out.size() + bytes);
  for (std::size_t i = 0; i < bytes; ++i) out += static_cast<char>(random() & 0xFF);
  return out;
}

std::string BuildZip(const std::vector<ZipEntry>& entries) {
  std::vector<RawEntry> raw;
  raw.reserve(entries.size());
  for (const ZipEntry& e : entries) raw.push_back(Stored(e));
  return WriteZip(raw);
}

std::string DocxWithText(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs) body += Paragraph(p);
  return WriteZip({Deflated({"[Content_Types].xml", std::string(kContentTypes)}),
                   Deflated({"word/document.xml", DocumentXml(body)})});
}

std::string DocxZipBomb(std::uint64_t bytes, std::uint64_t declared) {
  return WriteZip({Deflated({"[Content_Types].xml", std::string(kContentTypes)}),
                   ZeroBomb("word/document.xml", bytes, declared)});
}

std::string DocxManyEntries(std::size_t extra) {
  std::string body;
  for (const auto& line : SampleCv()) body += Paragraph(line);
  std::vector<RawEntry> entries = {Deflated({"[Content_Types].xml", std::string(kContentTypes)}),
                                   Deflated({"word/document.xml", DocumentXml(body)})};
  entries.reserve(extra + 2);
  for (std::size_t i = 0; i < extra; ++i) entries.push_back(Stored({"m/" + std::to_string(i), {}}));
  return WriteZip(entries);
}

std::string DocxBillionLaughs() {
  std::string doctype = "<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    doctype += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) doctype += "&lol" + std::to_string(i - 1) + ";";
    doctype += "\">";
  }
  doctype += "]>";
  std::string body;
  for (const auto& line : SampleCv()) body += Paragraph(line);
  body += Paragraph("References: &lol9;");
  return WriteZip({Deflated({"[Content_Types].xml", std::string(kContentTypes)}),
                   Deflated({"word/document.xml", DocumentXml(body, doctype)})});
}

std::string OdtZipBomb(std::uint64_t bytes) {
  return WriteZip(
      {Stored({"mimetype", std::string(kOdtMime)}),
       Deflated(
           {"META-INF/manifest.xml",
            R"(<?xml version="1.0" encoding="UTF-8"?>)"
            R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
            R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
            R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
            R"(</manifest:manifest>)"}),
       ZeroBomb("content.xml", bytes)});
}

std::string ZipNotDocument() {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string(64, '\0');
  return WriteZip(
      {Deflated({"notes.txt", "Jane Example\njane@example.com\nA text file in a ZIP.\n"}),
       Stored({"photo.png", png})});
}

}  // namespace jc::testing::hostile
