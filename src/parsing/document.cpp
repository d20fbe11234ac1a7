#include "parsing/document.hpp"

namespace jc::parsing {

std::string_view FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kPdf:
      return "pdf";
    case FileKind::kDocx:
      return "docx";
    case FileKind::kOdt:
      return "odt";
    case FileKind::kRtf:
      return "rtf";
    case FileKind::kHtml:
      return "html";
    case FileKind::kText:
      return "txt";
  }
  return "txt";
}

std::size_t Document::TextChars() const {
  std::size_t n = 0;
  for (const auto& line : lines) n += line.text.size();
  return n;
}

}  // namespace jc::parsing
