#include "nlp/text_normalize.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace jc::nlp {
namespace {

bool IsWordCodepoint(std::uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 punctuation, symbols
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x9FFF) return false;           // CJK: written without spaces
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;           // private use: PDF bullets
  return cp < 0xFE00 || (cp > 0xFFFF && cp < 0x1F000);      // fullwidth forms, emoji
}

bool IsSeparator(std::uint32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == '-' || cp == '_' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x202F ||
         cp == 0x3000;
}

// Simple case folding that keeps the UTF-8 length, so offsets map one to one.
std::uint32_t Fold(std::uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp + (cp & 1U);
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp >= 0x178) return cp;
    return cp + ((cp & 1U) == 0 ? 1U : 0U);
  }
  if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Drops (to == 0) or replaces `from` where it joins two letters/digits, in both spellings.
Term Rewrite(const Term& term, char from, char to) {
  Term out;
  const std::string& f = term.folded;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const bool joiner = f[i] == from && i > 0 && i + 1 < f.size() && IsAsciiAlnum(f[i - 1]) &&
                        IsAsciiAlnum(f[i + 1]);
    if (!joiner || to != '\0') {
      out.folded += joiner ? to : f[i];
      out.exact += joiner ? to : term.exact[i];
    }
  }
  return out;
}

std::string StripAccents(std::string_view folded) {
  constexpr std::string_view kBase = "aaaaaa_ceeeeiiii_nooooo_ouuuuy_y";  // U+00E0..U+00FF
  std::string out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const auto next = i + 1 < folded.size() ? static_cast<unsigned char>(folded[i + 1]) : 0U;
    if (folded[i] == '\xC3' && next >= 0xA0 && kBase[next - 0xA0] != '_') {
      out += kBase[next - 0xA0];
      ++i;
    } else {
      out += folded[i];
    }
  }
  return out;
}

std::optional<std::string> Plural(const std::string& s) {
  const std::size_t word = s.rfind(' ') == std::string::npos ? 0 : s.rfind(' ') + 1;
  if (s.size() - word < 3 || s.back() < 'a' || s.back() > 'z' || s.back() == 's') return {};
  const char before = s[s.size() - 2];
  if (s.back() == 'y' && std::string_view("aeiou").find(before) == std::string_view::npos) {
    return s.substr(0, s.size() - 1) + "ies";
  }
  if (s.back() == 'x' || s.back() == 'z' || (s.back() == 'h' && (before == 'c' || before == 's'))) {
    return s + "es";
  }
  return s + "s";
}

}  // namespace

Utf8Char DecodeUtf8(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > s.size()) return {b0, 1};
  std::uint32_t cp = b0 & (0x7FU >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0U) != 0x80U) return {b0, 1};
    cp = (cp << 6) | (b & 0x3FU);
  }
  return {cp, len};
}

namespace {

// The work of NormalizeInto; terms need no source offsets, so they skip them. The output is
// never longer than the input, so it is sized once and written by index.
template <bool kWithSource>
void NormalizeImpl(std::string_view text, NormalizedText& out) {
  out.folded.resize(text.size());
  out.exact.resize(text.size());
  out.source.resize(kWithSource ? text.size() : 0);
  // Raw pointers, kept in registers: stores through a char* could otherwise alias the strings'
  // own members and force them to be read again for every byte.
  char* const folded_out = out.folded.data();
  char* const exact_out = out.exact.data();
  std::uint32_t* const source_out = out.source.data();
  std::size_t n = 0;
  const auto emit = [&](char folded, char exact, std::size_t from) {
    folded_out[n] = folded;
    exact_out[n] = exact;
    if constexpr (kWithSource) source_out[n] = static_cast<std::uint32_t>(from);
    ++n;
  };
  for (std::size_t i = 0; i < text.size();) {
    // ASCII, nearly every byte of most texts, inline: what the general path below does to it.
    if (const auto c = static_cast<unsigned char>(text[i]); c < 0x80) {
      if (c == ' ' || (c >= '\t' && c <= '\r') || c == '-' || c == '_') {
        if (n > 0 && folded_out[n - 1] != ' ') emit(' ', ' ', i);
      } else {
        emit(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c), text[i], i);
      }
      ++i;
      continue;
    }
    const Utf8Char d = DecodeUtf8(text, i);
    if (IsSeparator(d.cp)) {
      if (n > 0 && folded_out[n - 1] != ' ') emit(' ', ' ', i);
      i += d.len;
      continue;
    }
    const std::uint32_t folded = Fold(d.cp);
    for (std::size_t k = 0; k < d.len; ++k) {
      char byte = text[i + k];
      if (folded != d.cp && d.len == 1) byte = static_cast<char>(folded);
      if (folded != d.cp && d.len == 2) {
        byte = static_cast<char>(k == 0 ? 0xC0U | (folded >> 6) : 0x80U | (folded & 0x3FU));
      }
      emit(byte, text[i + k], i + k);
    }
    i += d.len;
  }
  out.folded.resize(n);
  out.exact.resize(n);
  if constexpr (kWithSource) out.source.resize(n);
}

}  // namespace

void NormalizeInto(std::string_view text, NormalizedText& out) {
  NormalizeImpl<true>(text, out);
}

NormalizedText Normalize(std::string_view text) {
  NormalizedText out;
  NormalizeInto(text, out);
  return out;
}

bool IsWordCharAt(std::string_view text, std::size_t pos) {
  return pos < text.size() && IsWordCodepoint(DecodeUtf8(text, pos).cp);
}

bool IsWordCharBefore(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  const Utf8Char d = DecodeUtf8(text, start);
  return IsWordCodepoint(start + d.len == pos ? d.cp : static_cast<unsigned char>(text[pos - 1]));
}

Term NormalizeTerm(std::string_view raw) {
  NormalizedText n;
  NormalizeImpl<false>(raw, n);
  std::size_t begin = 0;
  std::size_t end = n.folded.size();
  while (begin < end && n.folded[begin] == ' ') ++begin;
  while (end > begin && n.folded[end - 1] == ' ') --end;
  for (std::string* s : {&n.folded, &n.exact}) s->erase(end).erase(0, begin);
  return {std::move(n.folded), std::move(n.exact)};
}

std::vector<Term> SpellingVariants(const Term& term, bool exact_case, bool with_plural) {
  std::vector<Term> out{term};
  out.reserve(8);
  for (const char joiner : {'.', '/'}) {
    for (std::size_t i = 0, n = out.size(); i < n; ++i) {
      if (out[i].folded.find(joiner) == std::string::npos) continue;
      out.push_back(Rewrite(out[i], joiner, ' '));
      out.push_back(Rewrite(out[i], joiner, '\0'));
    }
  }
  for (std::size_t i = 0, n = out.size(); i < n; ++i) {
    const std::string& f = out[i].folded;
    const auto spaces = std::count(f.begin(), f.end(), ' ');
    if (spaces >= 1 && spaces <= 2 && f.size() >= 5 &&
        std::all_of(f.begin(), f.end(), [](char c) { return c == ' ' || IsAsciiAlnum(c); })) {
      out.push_back(Rewrite(out[i], ' ', '\0'));
    }
  }
  if (!exact_case) {
    for (std::size_t i = 0, n = out.size(); i < n; ++i) {
      std::string plain = StripAccents(out[i].folded);
      if (plain != out[i].folded) out.push_back({plain, plain});
    }
    for (std::size_t i = 0, n = out.size(); i < n && with_plural; ++i) {
      if (auto plural = Plural(out[i].folded)) out.push_back({*plural, *plural});
    }
  }
  out.erase(out.begin());
  return out;
}

}  // namespace jc::nlp
