// Hostile uploads for tests: decompression bombs, object loops, oversized and damaged PDFs,
// ZIP bombs and entity bombs in DOCX/ODT, mislabelled files. Each generator is deterministic,
// builds its file in memory in well under a second, and returns a small file (at most a few
// MiB) however much it claims to hold.
//
// PDFs come from PdfWriter, which writes a correct cross-reference table, so poppler reads them
// as written instead of repairing them; ZIPs from ZipWriter (stored or deflated entries, or raw
// deflate data for bombs). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jc::testing::hostile {

// A PDF built object by object. Object numbers start at 1; Finish() writes the header, the
// objects in number order, the xref table with their real offsets and the trailer.
class PdfWriter {
 public:
  int Reserve();              // a number whose body is Set() later
  int Add(std::string body);  // body without "N 0 obj" / "endobj"
  void Set(int number, std::string body);
  std::string Finish(int root) const;

  // "<< /Length n <dict_entries> >>\nstream\n<data>\nendstream"
  static std::string Stream(std::string_view dict_entries, std::string_view data);

 private:
  std::vector<std::string> bodies_;
};

// A zlib stream (RFC 1950, as PDF's FlateDecode wants) that inflates to `bytes` zero bytes;
// about bytes / 1000 long. RawDeflateZeros is the same without the zlib header and trailer
// (as ZIP wants).
std::string ZlibZeros(std::uint64_t bytes);
std::string RawDeflateZeros(std::uint64_t bytes);

// PDFs. A one-page PDF of `text_lines`, set in Helvetica. The bombs, loops and damaged files
// that carry text carry Jane Example's CV (jane.example@example.com).
std::string PdfWithText(const std::vector<std::string>& text_lines);
// A page whose FlateDecode content stream inflates to `bytes` zeros (whitespace to the lexer).
std::string PdfContentBomb(std::uint64_t bytes);
// A page that shows an image XObject whose FlateDecode data inflates to `bytes` zeros.
std::string PdfImageBomb(std::uint64_t bytes);
// A page with text in an embedded Type 1 font whose FontFile inflates to `bytes` zeros (poppler
// reads a whole Type 1 font file into memory to find its encoding).
std::string PdfFontBomb(std::uint64_t bytes);
// A page tree whose /Kids holds the tree node itself.
std::string PdfSelfReferencingKids();
// A content stream whose /Length is 5 0 R, with 5 0 R -> 6 0 R -> 5 0 R.
std::string PdfLengthReferenceCycle();
// A page whose /Contents is 5 0 R, with 5 0 R -> 6 0 R -> 5 0 R.
std::string PdfContentsReferenceCycle();
// One 14400 x 14400 pt page (the PDF maximum) holding `words` words of text.
std::string PdfHugePage(int words);
// `pages` pages sharing one content stream; about 70 bytes a page.
std::string PdfManyPages(int pages);
// A page that only shows an image (a scan without OCR).
std::string PdfImageOnly();
// A valid text PDF cut to its first `keep_percent` percent.
std::string PdfTruncated(int keep_percent);
// "%PDF-1.7" and `bytes` pseudo-random bytes from `seed`.
std::string PdfCorrupt(std::size_t bytes, std::uint32_t seed);

// ZIP packages.
struct ZipEntry {
  std::string name;
  std::string data;
};
// Entries stored uncompressed, in the given order.
std::string BuildZip(const std::vector<ZipEntry>& entries);
// A minimal DOCX whose paragraphs are `paragraphs`.
std::string DocxWithText(const std::vector<std::string>& paragraphs);
// A DOCX whose word/document.xml inflates to `bytes` zeros (ratio about 1000:1). Its headers
// state `declared` as the size when not 0 (a lie that only counting inflated bytes catches).
std::string DocxZipBomb(std::uint64_t bytes, std::uint64_t declared = 0);
// A valid DOCX followed by `extra` more (empty) entries.
std::string DocxManyEntries(std::size_t extra);
// A DOCX CV (Jane Example's) whose document.xml declares a billion-laughs entity (10^9 "lol"s)
// and uses it in its last paragraph.
std::string DocxBillionLaughs();
// An ODT whose content.xml inflates to `bytes` zeros.
std::string OdtZipBomb(std::uint64_t bytes);
// A ZIP of a text file and an image: neither DOCX nor ODT.
std::string ZipNotDocument();

}  // namespace jc::testing::hostile
