#include "generation/pdf/pdf_text.hpp"

#include <algorithm>

#include "generation/clean_text.hpp"

namespace jc::generation::pdf {

std::string Visible(std::string_view raw) {
  std::string text = CleanText(raw);
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

bool AnyVisible(const std::vector<std::string>& texts) {
  return std::any_of(texts.begin(), texts.end(),
                     [](const std::string& t) { return !Visible(t).empty(); });
}

bool HasContent(const Entry& e) {
  return !Visible(e.heading).empty() || !Visible(e.subheading).empty() ||
         !Visible(e.dates).empty() || AnyVisible(e.paragraphs) || AnyVisible(e.bullets);
}

bool HasContent(const Block& block) {
  switch (block.kind) {
    case BlockKind::kParagraph:
      return !Visible(block.text).empty();
    case BlockKind::kBullets:
      return AnyVisible(block.items);
    case BlockKind::kEntry:
      return HasContent(block.entry);
  }
  return false;
}

bool SafeUri(std::string_view uri) {
  if (uri.size() > 2000) return false;
  const bool known = uri.starts_with("mailto:") || uri.starts_with("tel:") ||
                     uri.starts_with("https://") || uri.starts_with("http://");
  return known && std::all_of(uri.begin(), uri.end(), [](char c) {
           const auto u = static_cast<unsigned char>(c);
           return u > 0x20 && u < 0x7f && c != '\'' && c != '\\' && c != '"';
         });
}

}  // namespace jc::generation::pdf
