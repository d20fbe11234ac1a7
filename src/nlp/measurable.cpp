#include "nlp/measurable.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "nlp/text_normalize.hpp"

namespace jc::nlp {
namespace {

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Quantity words of the supported languages; matched as whole words in lower-cased text.
constexpr std::array<std::string_view, 52> kQuantityWords = {
    "percent",  "million",   "millions",   "billion",  "billions",    "thousand", "thousands",
    "hundred",  "hundreds",  "dozen",      "dozens",   "doubled",     "tripled",  "quadrupled",
    "halved",   "twice",     "two",        "three",    "four",        "five",     "six",
    "seven",    "eight",     "nine",       "ten",      "twelve",      "twenty",   "fifty",
    "prozent",  "millionen", "milliarden", "tausend",  "verdoppelt",  "halbiert", "pourcent",
    "milliers", "doublé",    "millones",   "miles",    "duplicado",   "duplicó",  "milhões",
    "milhares", "duplicou",  "milioni",    "migliaia", "raddoppiato", "procent",  "miljoen",
    "miljard",  "duizend",   "verdubbeld",
};
constexpr std::array<std::string_view, 6> kQuantityPhrases = {
    "per cent", "pour cent", "por ciento", "por cento", "per cento", "pro cent"};
// Currency signs (UTF-8) and codes written next to amounts.
constexpr std::array<std::string_view, 8> kCurrencySigns = {"$", "€",   "£", "¥",
                                                            "₹", "₽", "₩", "%"};
constexpr std::array<std::string_view, 6> kCurrencyCodes = {"usd", "eur", "gbp",
                                                            "chf", "pln", "k€"};

// The quantity words, currency codes and quantity phrases by first byte (all ASCII): a bullet
// is searched once, at its word starts, instead of once per entry.
const std::array<std::vector<std::string_view>, 128>& EntriesByFirstByte() {
  static const auto kByFirst = [] {
    std::array<std::vector<std::string_view>, 128> by_first;
    const auto add = [&](std::string_view entry) {
      by_first[static_cast<unsigned char>(entry.front()) & 0x7F].push_back(entry);
    };
    for (const auto word : kQuantityWords) add(word);
    for (const auto code : kCurrencyCodes) add(code);
    for (const auto phrase : kQuantityPhrases) add(phrase);
    return by_first;
  }();
  return kByFirst;
}

// Whether one of the entries stands in `lower` as a whole word: not preceded nor followed by a
// word character.
bool HasQuantityWord(const std::string& lower) {
  const auto& by_first = EntriesByFirstByte();
  for (std::size_t at = 0; at < lower.size(); ++at) {
    const auto c = static_cast<unsigned char>(lower[at]);
    if (c >= 0x80 || by_first[c].empty() || IsWordCharBefore(lower, at)) continue;
    for (const auto entry : by_first[c]) {
      if (lower.compare(at, entry.size(), entry) == 0 && !IsWordCharAt(lower, at + entry.size())) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

// A digit not glued to a letter ("30", "1.5", but not "S3", "ES6", "Python3"), a currency or
// percent sign, a currency code or a quantity word.
bool IsMeasurable(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!IsAsciiDigit(text[i])) continue;
    std::size_t end = i;
    while (end < text.size() && (IsAsciiDigit(text[end]) || text[end] == '.' || text[end] == ',')) {
      ++end;
    }
    const bool glued_before = i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1])) != 0;
    // "50k", "2M", "3x" are amounts; "4G" or "2FA" are names.
    const auto after = end < text.size()
                           ? static_cast<char>(std::tolower(static_cast<unsigned char>(text[end])))
                           : ' ';
    const bool glued_after = std::isalpha(static_cast<unsigned char>(after)) != 0 && after != 'k' &&
                             after != 'm' && after != 'x';
    if (!glued_before && !glued_after) return true;
    i = end;
  }
  for (const auto sign : kCurrencySigns) {
    if (text.find(sign) != std::string_view::npos) return true;
  }
  return HasQuantityWord(Lower(text));
}

bool HasMeasurableResult(const domain::WorkExperience& role) {
  if (role.description && IsMeasurable(*role.description)) return true;
  return std::any_of(role.highlights.begin(), role.highlights.end(),
                     [](const std::string& h) { return IsMeasurable(h); });
}

}  // namespace jc::nlp
