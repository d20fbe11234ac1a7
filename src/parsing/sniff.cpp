#include "parsing/sniff.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parsing/text/text_util.hpp"

namespace jc::parsing {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kSupported = "send the CV as PDF, DOCX, ODT, RTF, HTML or text";
constexpr std::string_view kOdtMime = "application/vnd.oasis.opendocument.text";

Error Unsupported(std::string_view what) {
  return Error::Make(ErrorCode::kUnsupportedMediaType,
                     std::string(what) + ": " + std::string(kSupported), "unsupported_file_type");
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), s.begin(), [](char lower, char c) {
    return (c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) == lower;
  });
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

std::string_view SkipSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  return s;
}

unsigned Le16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) |
         (static_cast<unsigned>(static_cast<unsigned char>(s[at + 1])) << 8);
}

// Names of the ZIP entries found at local-header and central-directory signatures.
std::vector<std::string_view> ZipEntryNames(std::string_view s) {
  std::vector<std::string_view> names;
  constexpr std::array<std::pair<std::string_view, std::size_t>, 2> kHeaders = {
      {{"PK\x03\x04", 26}, {"PK\x01\x02", 28}}};
  for (const auto& [sig, len_at] : kHeaders) {
    std::size_t name_at = len_at == 26 ? 30 : 46;
    for (std::size_t at = s.find(sig); at != std::string_view::npos && names.size() < 10'000;
         at = s.find(sig, at + 4)) {
      if (at + name_at > s.size()) break;
      std::size_t len = Le16(s, at + len_at);
      if (at + name_at + len > s.size()) continue;
      names.push_back(s.substr(at + name_at, len));
    }
  }
  return names;
}

Result<Sniffed> SniffZip(std::string_view s) {
  // ODF puts an uncompressed "mimetype" entry first; its content is the media type.
  if (s.size() >= 30 && Le16(s, 26) == 8 && s.substr(30, 8) == "mimetype") {
    std::size_t data_at = 38 + Le16(s, 28);
    std::size_t size = Le16(s, 18);  // stored, so the compressed size is the length
    std::string_view mime = data_at < s.size() ? s.substr(data_at, size) : std::string_view{};
    if (mime == kOdtMime) return Sniffed{FileKind::kOdt, TextEncoding::kNone};
    if (StartsWith(mime, "application/epub+zip")) return Unsupported("an EPUB e-book");
    if (StartsWith(mime, "application/vnd.oasis.opendocument.spreadsheet"))
      return Unsupported("an OpenDocument spreadsheet");
    if (StartsWith(mime, "application/vnd.oasis.opendocument.presentation"))
      return Unsupported("an OpenDocument presentation");
  }
  auto names = ZipEntryNames(s);
  auto has = [&](std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  if (has("word/document.xml")) return Sniffed{FileKind::kDocx, TextEncoding::kNone};
  if (has("content.xml") && has("mimetype")) return Sniffed{FileKind::kOdt, TextEncoding::kNone};
  if (has("xl/workbook.xml")) return Unsupported("an Excel spreadsheet");
  if (has("ppt/presentation.xml")) return Unsupported("a PowerPoint presentation");
  return Unsupported("a ZIP archive that is not a DOCX or ODT document");
}

struct Magic {
  std::string_view bytes;
  std::string_view what;
};

constexpr std::array<Magic, 15> kBinaryMagic = {{
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv,
     "a legacy Word .doc (or other Office 97-2003) file; save it as DOCX"},
    {"\x89PNG"sv, "a PNG image"},
    {"\xFF\xD8\xFF"sv, "a JPEG image"},
    {"GIF87a"sv, "a GIF image"},
    {"GIF89a"sv, "a GIF image"},
    {"II*\x00"sv, "a TIFF image"},
    {"MM\x00*"sv, "a TIFF image"},
    {"\x7F"
     "ELF"sv,
     "an executable"},
    {"\xCF\xFA\xED\xFE"sv, "an executable"},
    {"\x1F\x8B"sv, "a gzip archive"},
    {"7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive"},
    {"Rar!"sv, "a RAR archive"},
    {"%!PS"sv, "a PostScript file"},
    {"BZh"sv, "a bzip2 archive"},
    {"\x00\x00\x00"sv, "a binary file"},
}};

bool IsHtml(std::string_view s) {
  s = SkipSpace(s);
  for (int guard = 0; guard < 8; ++guard) {  // leading comments and an XML declaration
    std::string_view close = StartsWith(s, "<!--") ? "-->" : StartsWith(s, "<?xml") ? "?>" : "";
    if (close.empty()) break;
    std::size_t end = s.find(close);
    if (end == std::string_view::npos) return false;
    s = SkipSpace(s.substr(end + close.size()));
  }
  constexpr std::array<std::string_view, 14> kStarts = {
      "<!doctype html", "<html",    "<head",    "<body", "<meta", "<title", "<div", "<p>", "<p ",
      "<table",         "<section", "<article", "<main", "<h1"};
  return std::any_of(kStarts.begin(), kStarts.end(),
                     [&](std::string_view p) { return StartsWithNoCase(s, p); });
}

// Without a BOM, UTF-16 shows as NULs in every other byte of mostly-ASCII text.
std::optional<TextEncoding> Utf16ByNuls(std::string_view s) {
  std::size_t n = std::min<std::size_t>(s.size() & ~std::size_t{1}, 4096);
  if (n < 4) return std::nullopt;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (s[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  if (odd * 10 >= n * 3 && even * 20 < odd) return TextEncoding::kUtf16Le;
  if (even * 10 >= n * 3 && odd * 20 < even) return TextEncoding::kUtf16Be;
  return std::nullopt;
}

// The ASCII projection of the start of UTF-16 text (BOM dropped), enough to recognise markup.
std::string AsciiOfUtf16(std::string_view s, TextEncoding enc) {
  std::size_t i = StartsWith(s, "\xFF\xFE") || StartsWith(s, "\xFE\xFF") ? 2 : 0;
  std::size_t low = enc == TextEncoding::kUtf16Le ? 0 : 1;
  std::string ascii;
  for (; i + 1 < s.size() && ascii.size() < 2048; i += 2) {
    bool is_ascii = s[i + 1 - low] == '\0' && static_cast<unsigned char>(s[i + low]) < 0x80;
    ascii.push_back(is_ascii ? s[i + low] : '?');
  }
  return ascii;
}

bool IsBadControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B) || c == 0x7F;
}

Result<Sniffed> SniffText(std::string_view s) {
  if (StartsWith(s, "\xFF\xFE")) return Sniffed{FileKind::kText, TextEncoding::kUtf16Le};
  if (StartsWith(s, "\xFE\xFF")) return Sniffed{FileKind::kText, TextEncoding::kUtf16Be};
  if (auto enc = Utf16ByNuls(s)) return Sniffed{FileKind::kText, *enc};
  std::size_t bad = 0;
  bool valid_utf8 = true;
  for (std::size_t pos = 0; pos < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c == 0) return Unsupported("a binary file");
    if (IsBadControl(c)) ++bad;
    std::size_t before = pos;
    if (NextCodepoint(s, pos) == kReplacementChar && s.substr(before, 3) != "\xEF\xBF\xBD")
      valid_utf8 = false;
  }
  // A stray control byte is tolerated (the extractor drops it); many mean a binary format.
  if (bad * 100 > s.size()) return Unsupported("a binary file");
  return Sniffed{FileKind::kText, valid_utf8 ? TextEncoding::kUtf8 : TextEncoding::kLatin1};
}

std::string_view KindDescription(FileKind kind) {
  switch (kind) {
    case FileKind::kPdf:
      return "a PDF";
    case FileKind::kDocx:
      return "a DOCX document";
    case FileKind::kOdt:
      return "an ODT document";
    case FileKind::kRtf:
      return "an RTF document";
    case FileKind::kHtml:
      return "an HTML page";
    case FileKind::kText:
      return "plain text";
  }
  return "plain text";
}

// The kinds a declared type accepts; empty when the declared type is unknown.
std::vector<FileKind> AcceptedKinds(std::string_view type) {
  using K = FileKind;
  if (type == "pdf" || type == "application/pdf") return {K::kPdf};
  if (type == "docx" || type == "docm" || type == "dotx" ||
      type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return {K::kDocx};
  if (type == "doc" || type == "application/msword") return {K::kDocx, K::kRtf};
  if (type == "odt" || type == kOdtMime) return {K::kOdt};
  if (type == "rtf" || type == "application/rtf" || type == "text/rtf") return {K::kRtf};
  if (type == "html" || type == "htm" || type == "xhtml" || type == "text/html")
    return {K::kHtml, K::kText};
  if (type == "txt" || type == "text" || type == "md" || type == "text/plain")
    return {K::kText, K::kHtml, K::kRtf};
  return {};
}

}  // namespace

Result<Sniffed> Sniff(std::string_view bytes) {
  std::string_view body = StartsWith(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
  if (SkipSpace(body).empty())
    return Error::Make(ErrorCode::kValidation, "the file is empty or contains only whitespace",
                       "empty_document");
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos)
    return Sniffed{FileKind::kPdf, TextEncoding::kNone};
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06")) return SniffZip(bytes);
  if (StartsWith(bytes, "MZ") && bytes.substr(0, 64).find('\0') != std::string_view::npos)
    return Unsupported("a Windows executable");
  for (const auto& magic : kBinaryMagic)
    if (StartsWith(bytes, magic.bytes)) return Unsupported(magic.what);
  if (StartsWith(SkipSpace(body), "{\\rtf")) return Sniffed{FileKind::kRtf, TextEncoding::kNone};
  auto text = SniffText(bytes);
  if (!text) return text;
  bool utf16 = text->encoding == TextEncoding::kUtf16Le || text->encoding == TextEncoding::kUtf16Be;
  if (IsHtml(utf16 ? AsciiOfUtf16(bytes, text->encoding) : std::string(body.substr(0, 4096))))
    text->kind = FileKind::kHtml;
  return text;
}

Status CheckDeclaredType(std::string_view declared, const Sniffed& sniffed) {
  std::string type;
  for (char c : declared) {
    if (IsAsciiSpace(c)) continue;
    type.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  if (type.find('/') == std::string::npos) {  // a file name: its extension
    if (std::size_t dot = type.rfind('.'); dot != std::string::npos) type.erase(0, dot + 1);
  }
  auto accepted = AcceptedKinds(type);
  if (accepted.empty() ||
      std::find(accepted.begin(), accepted.end(), sniffed.kind) != accepted.end())
    return {};
  return Error::Make(ErrorCode::kUnsupportedMediaType,
                     "the file was declared as " + type + " but its content is " +
                         std::string(KindDescription(sniffed.kind)),
                     "file_type_mismatch");
}

}  // namespace jc::parsing
