#include "parsing/pdf/pdf_extractor.hpp"

#include <poppler/Error.h>
#include <poppler/GlobalParams.h>
#include <poppler/Object.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parsing/pdf/pdf_layout.hpp"
#include "parsing/text/text_util.hpp"

namespace jc::parsing {
namespace {

constexpr std::string_view kUnreadableSlug = "unreadable_document";
constexpr std::string_view kTooLargeSlug = "document_too_large";

Error Unreadable() {
  return Error::Make(ErrorCode::kValidation, "the PDF is damaged or not a PDF",
                     std::string(kUnreadableSlug));
}

Error PdfTooLarge(std::string message) {
  return Error::Make(ErrorCode::kPayloadTooLarge, std::move(message), std::string(kTooLargeSlug));
}

// Poppler reports parse problems through this hook; the messages can quote document content, so
// they are dropped rather than logged.
void IgnorePopplerMessage(ErrorCategory /*category*/, Goffset /*pos*/, const char* /*message*/) {}

// poppler's global state (font and encoding tables, the fontconfig set-up) lives while a
// GlobalParamsIniter does: held here for the life of the process, it is built once rather than
// for every document (about a third of the work of a small PDF). It is reference-counted with
// poppler's own users (poppler-cpp) in the same process.
void PreparePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Destroyed at exit, after every document opened later.
    static const GlobalParamsIniter params(IgnorePopplerMessage);
    setErrorCallback(IgnorePopplerMessage);
  });
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < needle.size() && match; ++j) {
      char c = haystack[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == needle[j];
    }
    if (match) return true;
  }
  return false;
}

struct FontStyle {
  bool bold = false;
  bool italic = false;
};

// Font names look like "ABCDEF+Calibri-BoldItalic", "Arial,Bold" or "Helvetica-B".
FontStyle StyleFromFontName(std::string_view name) {
  if (name.size() > 7 && name[6] == '+') name.remove_prefix(7);
  FontStyle style;
  style.bold = ContainsNoCase(name, "bold") || ContainsNoCase(name, "black") ||
               ContainsNoCase(name, "heavy") || ContainsNoCase(name, "semibold") ||
               name.ends_with("-B") || name.ends_with("-BI");
  style.italic = ContainsNoCase(name, "italic") || ContainsNoCase(name, "oblique") ||
                 name.ends_with("-I") || name.ends_with("-BI");
  return style;
}

// Replaces Latin ligatures with their letters, drops soft hyphens and turns no-break spaces into
// spaces. Most words have none of these, so the common case is one scan and no copy.
void NormaliseWord(std::string& text) {
  bool needs_work = false;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0xC2 || b == 0xEF) needs_work = true;
  }
  if (!needs_work) return;
  static constexpr std::string_view kLigatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (b == 0xC2 && next == 0xAD) {
      ++i;
    } else if (b == 0xC2 && next == 0xA0) {
      out.push_back(' ');
      ++i;
    } else if (b == 0xEF && next == 0xAC && i + 2 < text.size()) {
      const auto last = static_cast<unsigned char>(text[i + 2]);
      if (last >= 0x80 && last <= 0x86) {
        out.append(kLigatures[last - 0x80]);
        i += 2;
      } else {
        out.push_back(text[i]);
      }
    } else {
      out.push_back(text[i]);
    }
  }
  text = std::move(out);
}

// Hostile files can place text at NaN or astronomically far away; the layout works on points
// within a page, so such words are dropped before any conversion to float.
bool Plausible(double x0, double y0, double x1, double y1, double font_size) {
  constexpr double kMaxCoordinate = 100'000.0;
  for (double v : {x0, y0, x1, y1, font_size}) {
    if (!std::isfinite(v) || std::abs(v) > kMaxCoordinate) return false;
  }
  return x0 <= x1 && y0 <= y1;
}

// Reads the words of a page straight from poppler's text layer (TextOutputDev, as poppler-cpp's
// page::text_list() does), without the per-word copies text_list() makes: a UTF-8 string that it
// converts to UTF-16 through a new iconv converter, a box per character, and a scan of every font
// of the document (fontconfig lookups for fonts that are not embedded) to name each word's font.
// The font name and size come from the word's own font here. On corpus PDFs this costs 0.6-0.85x
// text_list() without fonts, and about half of text_list() with them.
class WordReader {
 public:
  // Appends the horizontal words of page `number` (1-based) to `words`; returns the number of
  // text bytes read.
  std::size_t Read(PDFDoc& doc, int number, std::vector<pdf::Word>& words) {
    TextOutputDev text(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false,
                       /*append=*/false);
    if (!text.isOk()) return 0;
    doc.displayPageSlice(&text, number, 72, 72, /*rotate=*/0, /*useMediaBox=*/false,
                         /*crop=*/false, /*printing=*/false, -1, -1, -1, -1);
    const std::unique_ptr<TextWordList> list(text.makeWordList());
    if (!list) return 0;
    std::size_t bytes = 0;
    words.reserve(words.size() + static_cast<std::size_t>(std::max(0, list->getLength())));
    for (int i = 0; i < list->getLength(); ++i) {
      const TextWord* source = list->get(i);
      // Vertical text (margin labels, rotated stamps) has no place in the line model.
      if (source->getRotation() != 0) {
        ++rotated_words_;
        continue;
      }
      pdf::Word word;
      word.text.reserve(static_cast<std::size_t>(source->getLength()));
      for (int c = 0; c < source->getLength(); ++c)
        AppendUtf8(word.text, static_cast<char32_t>(*source->getChar(c)));
      NormaliseWord(word.text);
      if (word.text.empty()) continue;
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      source->getBBox(&x0, &y0, &x1, &y1);
      const double font_size = source->getFontSize();
      if (!Plausible(x0, y0, x1, y1, font_size)) continue;
      word.x0 = static_cast<float>(x0);
      word.y0 = static_cast<float>(y0);
      word.x1 = static_cast<float>(x1);
      word.y1 = static_cast<float>(y1);
      word.font_size = static_cast<float>(font_size);
      if (const TextFontInfo* font = source->getFontInfo(0)) {
        if (const GooString* name = font->getFontName()) {
          const FontStyle style = StyleOf(name->toStr());
          word.bold = style.bold;
          word.italic = style.italic;
        }
      }
      if (word.font_size <= 0) word.font_size = word.y1 - word.y0;
      bytes += word.text.size();
      words.push_back(std::move(word));
    }
    return bytes;
  }

  std::size_t rotated_words() const { return rotated_words_; }

 private:
  FontStyle StyleOf(const std::string& font_name) {
    auto it = styles_.find(font_name);
    if (it == styles_.end()) it = styles_.emplace(font_name, StyleFromFontName(font_name)).first;
    return it->second;
  }

  std::unordered_map<std::string, FontStyle> styles_;
  std::size_t rotated_words_ = 0;
};

constexpr float kRunningZone = 0.15f;  // top / bottom share of the page for headers, footers
constexpr float kRunningTolerancePt = 4.0f;

// Marks lines whose text (digits ignored, "Page 1 of 2") repeats near the same top or bottom
// position on most pages as kHeader / kFooter. Needs at least two pages to mark anything.
void MarkRunningHeadersFooters(std::vector<Line>& lines, int pages, float page_height) {
  if (pages < 2 || page_height <= 0) return;
  const int needed = std::max(2, pages / 2 + 1);
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.y0 > kRunningZone * page_height && line.y1 < (1 - kRunningZone) * page_height)
      continue;
    std::string key = line.y0 <= kRunningZone * page_height ? "T" : "B";
    for (char c : line.text) {
      const bool digit = c >= '0' && c <= '9';
      if (!digit)
        key.push_back(c);
      else if (key.back() != '#')
        key.push_back('#');
    }
    groups[key].push_back(i);
  }
  for (auto& [key, members] : groups) {
    // The reference position is the one shared by the most pages.
    float best_y = 0;
    int best_pages = 0;
    for (std::size_t ref : members) {
      int count = 0, last_page = 0;
      for (std::size_t m : members) {
        if (std::abs(lines[m].y0 - lines[ref].y0) <= kRunningTolerancePt &&
            lines[m].page != last_page) {
          ++count;
          last_page = lines[m].page;
        }
      }
      if (count > best_pages) {
        best_pages = count;
        best_y = lines[ref].y0;
      }
    }
    if (best_pages < needed) continue;
    const LineRole role = key.front() == 'T' ? LineRole::kHeader : LineRole::kFooter;
    for (std::size_t m : members) {
      if (std::abs(lines[m].y0 - best_y) <= kRunningTolerancePt) lines[m].role = role;
    }
  }
}

Result<Document> Extract(std::string_view bytes, const ExtractLimits& limits) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return PdfTooLarge("the PDF is too large");
  PreparePoppler();
  // The document reads the caller's bytes in place and owns only the stream object.
  auto* stream =
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream, GooString(""), GooString(""));
  if (!doc.isOk()) {
    if (doc.getErrorCode() != errEncrypted) return Unreadable();
    return Error::Make(
        ErrorCode::kValidation,
        "the PDF is protected by a password; remove the password and upload it again",
        "encrypted_document");
  }
  const int page_count = doc.getNumPages();
  if (page_count <= 0) return Unreadable();
  if (page_count > limits.max_pages) {
    return PdfTooLarge("the PDF has " + std::to_string(page_count) + " pages; at most " +
                       std::to_string(limits.max_pages) + " are accepted");
  }

  Document out;
  out.kind = FileKind::kPdf;
  out.pages = page_count;
  WordReader reader;
  std::vector<pdf::Word> words;
  std::size_t text_bytes = 0;
  int next_block = 0;
  for (int i = 0; i < page_count; ++i) {
    Page* page = doc.getPage(i + 1);
    if (page == nullptr) continue;
    if (i == 0) {
      const PDFRectangle* box = page->getCropBox();
      out.page_width = static_cast<float>(box->x2 - box->x1);
      out.page_height = static_cast<float>(box->y2 - box->y1);
    }
    words.clear();
    text_bytes += reader.Read(doc, i + 1, words);
    if (text_bytes > limits.max_chars) {
      return PdfTooLarge("the PDF has more than " + std::to_string(limits.max_chars) +
                         " characters of text");
    }
    pdf::LayoutPage(std::move(words), i + 1, next_block, out.lines);
  }
  if (out.lines.empty()) {
    return Error::Make(ErrorCode::kValidation,
                       "the PDF has no text layer (it is probably a scan); export it from your "
                       "word processor or run OCR first",
                       "no_text_layer");
  }
  if (reader.rotated_words() > 0) out.warnings.emplace_back("rotated or vertical text was skipped");
  MarkRunningHeadersFooters(out.lines, out.pages, out.page_height);
  return out;
}

}  // namespace

Result<Document> ExtractPdf(std::string_view bytes, const ExtractLimits& limits) {
  // The standard library (and poppler through it) may throw; nothing escapes this edge.
  try {
    return Extract(bytes, limits);
  } catch (const std::bad_alloc&) {
    return PdfTooLarge("the PDF needs more memory than allowed");
  } catch (const std::exception&) {
    return Unreadable();
  }
}

}  // namespace jc::parsing
