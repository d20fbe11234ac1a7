#include "generation/claim_numbers.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "generation/text_fold.hpp"
#include "nlp/date_parser.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::generation {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct WordValue {
  std::string_view word;
  int value;
};

// Number words of English and German. "one" / "ein" are left out: they are mostly articles and
// pronouns ("one of the", "ein Team").
constexpr WordValue kNumberWords[] = {
    {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},      {"six", 6},
    {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},      {"eleven", 11},
    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},
    {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},  {"eighty", 80},
    {"ninety", 90},    {"hundred", 100}, {"dozen", 12},    {"zwei", 2},      {"drei", 3},
    {"vier", 4},       {"funf", 5},      {"sechs", 6},     {"sieben", 7},    {"acht", 8},
    {"neun", 9},       {"zehn", 10},     {"elf", 11},      {"zwolf", 12},    {"dreizehn", 13},
    {"vierzehn", 14},  {"funfzehn", 15}, {"sechzehn", 16}, {"siebzehn", 17}, {"achtzehn", 18},
    {"neunzehn", 19},  {"zwanzig", 20},  {"dreissig", 30}, {"vierzig", 40},  {"funfzig", 50},
    {"hundert", 100},  {"dutzend", 12},
};

// Multiplier words after a number ("2 million", "3 Mio.", "50 Tsd").
constexpr std::pair<std::string_view, double> kMultipliers[] = {
    {"thousand", 1e3}, {"tausend", 1e3}, {"tsd", 1e3},        {"k", 1e3},  {"million", 1e6},
    {"millions", 1e6}, {"mio", 1e6},     {"millionen", 1e6},  {"mn", 1e6}, {"billion", 1e9},
    {"billions", 1e9}, {"mrd", 1e9},     {"milliarden", 1e9}, {"bn", 1e9},
};

// Currency signs and words, before or after an amount.
constexpr std::pair<std::string_view, std::string_view> kCurrencies[] = {
    {"€", "EUR"},      {"$", "USD"},       {"£", "GBP"},     {"¥", "JPY"},
    {"eur", "EUR"},    {"euro", "EUR"},    {"euros", "EUR"}, {"usd", "USD"},
    {"dollar", "USD"}, {"dollars", "USD"}, {"gbp", "GBP"},   {"pounds", "GBP"},
    {"chf", "CHF"},    {"franken", "CHF"}, {"k€", "EUR"},    {"jpy", "JPY"},
};

// Letters that may follow digits directly and still leave a quantity ("480ms", "10TB", "3x").
constexpr std::string_view kGluedUnits[] = {"ms", "s",  "h",  "x",  "kb",  "mb", "gb",
                                            "tb", "pb", "km", "kg", "min", "k",  "m"};

constexpr std::string_view kYearWords[] = {"year", "years", "yrs", "yr", "jahr", "jahre", "jahren"};
constexpr std::string_view kAtLeastWords[] = {"over",  "than", "least",  "mindestens", "uber",
                                              "ueber", "als",  "beyond", "exceeding"};
constexpr std::string_view kAboutWords[] = {"nearly", "almost", "about", "around", "approximately",
                                            "fast",   "knapp",  "rund",  "etwa",   "ca"};

template <typename List>
bool In(const List& list, std::string_view word) {
  for (const auto& entry : list) {
    if (entry == word) return true;
  }
  return false;
}

// A word of the text: letters and digits, with its span, folded.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string folded;
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!nlp::IsWordCharAt(text, i)) {
      i += nlp::DecodeUtf8(text, i).len;
      continue;
    }
    Word w;
    w.begin = i;
    while (i < text.size() && nlp::IsWordCharAt(text, i)) i += nlp::DecodeUtf8(text, i).len;
    w.end = i;
    // Only short words can be number, unit or qualifier words: fold those alone.
    if (w.end - w.begin <= 14 && !IsDigit(text[w.begin])) {
      w.folded = Fold(text.substr(w.begin, w.end - w.begin));
    }
    out.push_back(std::move(w));
  }
  return out;
}

// The whitespace-delimited chunk around `pos` is an e-mail address, a URL or a phone number.
bool InAddress(std::string_view text, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 && !IsSpace(text[b - 1])) --b;
  std::size_t e = pos;
  while (e < text.size() && !IsSpace(text[e])) ++e;
  const std::string_view chunk = text.substr(b, e - b);
  return chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
         chunk.find("www.") != std::string_view::npos || chunk.starts_with("+") ||
         chunk.find(".com") != std::string_view::npos;
}

// Parses digits with separators: "1.5", "1,200", "1.200,50", "1'000". Two readings when a
// single separator is followed by exactly three digits.
void ParseValue(std::string_view digits, NumberValue& out) {
  int seps = 0;
  char last_sep = 0;
  std::size_t last_sep_at = 0;
  bool mixed = false;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (IsDigit(c)) continue;
    if (last_sep != 0 && last_sep != c) mixed = true;
    last_sep = c;
    last_sep_at = i;
    ++seps;
  }
  auto read = [&](bool sep_is_decimal) {
    std::string s;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      const char c = digits[i];
      if (IsDigit(c)) {
        s += c;
      } else if (i == last_sep_at && sep_is_decimal) {
        s += '.';
      }
    }
    return std::stod(s);
  };
  if (seps == 0) {
    out.value = std::stod(std::string(digits));
    return;
  }
  const std::size_t after = digits.size() - last_sep_at - 1;
  if (mixed || last_sep == '\'') {
    out.value = read(last_sep != '\'');
  } else if (seps > 1) {
    out.value = read(false);
  } else if (after == 3) {
    out.value = read(false);
    out.alt = read(true);
    out.has_alt = true;
  } else {
    out.value = read(true);
  }
}

std::string_view CurrencyOf(std::string_view word) {
  for (const auto& [key, code] : kCurrencies) {
    if (key == word) return code;
  }
  return {};
}

// Currency sign written directly before `pos` (after optional spaces).
std::string_view CurrencyBefore(std::string_view text, std::size_t pos) {
  std::size_t p = pos;
  while (p > 0 && text[p - 1] == ' ') --p;
  for (const auto& [key, code] : kCurrencies) {
    if (key.size() <= p && text.substr(p - key.size(), key.size()) == key &&
        !std::isalpha(static_cast<unsigned char>(key[0]))) {
      return code;
    }
  }
  return {};
}

// The words after a number decide unit, multiplier, currency and "years"; the words before
// decide the bound of a years figure.
void ReadContext(std::string_view text, const std::vector<Word>& words, std::size_t next,
                 std::size_t prev, bool plus, NumberValue& n, std::size_t& end) {
  std::size_t w = next;
  if (w < words.size() && words[w].begin - end <= 2) {
    for (const auto& [key, mult] : kMultipliers) {
      if (words[w].folded == key) {
        n.value *= mult;
        n.alt *= mult;
        end = words[w].end;
        if (end < text.size() && text[end] == '.') ++end;
        ++w;
        break;
      }
    }
  }
  std::size_t p = end;
  while (p < text.size() && text[p] == ' ') ++p;
  if (p < text.size() && text[p] == '%') {
    n.unit = NumberUnit::kPercent;
    end = p + 1;
  }
  for (const auto& [key, code] : kCurrencies) {
    if (!std::isalpha(static_cast<unsigned char>(key[0])) && text.substr(p).starts_with(key)) {
      n.unit = NumberUnit::kMoney;
      n.currency = code;
      end = p + key.size();
    }
  }
  if (w < words.size() && n.unit == NumberUnit::kCount) {
    const std::string& f = words[w].folded;
    if (f == "percent" || f == "prozent" || f == "pct" ||
        (f == "per" && w + 1 < words.size() && words[w + 1].folded == "cent")) {
      n.unit = NumberUnit::kPercent;
    } else if (const auto code = CurrencyOf(f); !code.empty()) {
      n.unit = NumberUnit::kMoney;
      n.currency = code;
    } else if (In(kYearWords, f) && !(f == "jahr" && n.value != 1)) {
      n.years = true;
    }
  }
  if (!n.years) return;
  if (plus) n.bound = YearsBound::kAtLeast;
  if (prev < words.size()) {
    if (In(kAtLeastWords, words[prev].folded)) n.bound = YearsBound::kAtLeast;
    if (In(kAboutWords, words[prev].folded)) n.bound = YearsBound::kAbout;
  }
}

// The month written next to the year at [begin, end), via the date parser: "March 2019",
// "März 2019", "03/2019", "2019-03".
domain::PartialDate DateAt(std::string_view text, std::size_t begin, std::size_t end, int year) {
  std::size_t b = begin;
  while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '/' || text[b - 1] == '.')) --b;
  std::size_t wb = b;
  while (wb > 0 && (nlp::IsWordCharBefore(text, wb))) --wb;
  std::size_t e = end;
  if (e + 2 < text.size() && text[e] == '-' && IsDigit(text[e + 1]) && IsDigit(text[e + 2]) &&
      (e + 3 == text.size() || !IsDigit(text[e + 3]))) {
    e += 3;
  }
  const auto parsed = nlp::ParseDate(text.substr(wb, e - wb));
  if (parsed && parsed->year == year) return *parsed;
  return {year, 0};
}

}  // namespace

Quantities FindQuantities(std::string_view text) {
  Quantities out;
  const std::vector<Word> words = Words(text);
  for (std::size_t w = 0; w < words.size(); ++w) {
    const Word& word = words[w];
    const bool digit = IsDigit(text[word.begin]);
    int word_value = 0;
    if (!digit) {
      for (const auto& [name, value] : kNumberWords) {
        if (word.folded == name) word_value = value;
      }
      if (word_value == 0) continue;
    }
    const std::size_t prev = w == 0 ? words.size() : w - 1;
    NumberMention m;
    m.begin = word.begin;
    m.end = word.end;
    bool plus = false;
    if (digit) {
      // Digits with separators, then letters glued on.
      std::size_t e = word.begin;
      while (e < text.size() &&
             (IsDigit(text[e]) || ((text[e] == '.' || text[e] == ',' || text[e] == '\'') &&
                                   e + 1 < text.size() && IsDigit(text[e + 1])))) {
        ++e;
      }
      const char before = word.begin > 0 ? text[word.begin - 1] : ' ';
      if (nlp::IsWordCharBefore(text, word.begin) || before == '+' || before == '#' ||
          before == '.' || before == ',' || InAddress(text, word.begin)) {
        continue;
      }
      std::size_t l = e;
      while (l < text.size() && std::isalpha(static_cast<unsigned char>(text[l])) != 0) ++l;
      std::string glued;
      for (std::size_t i = e; i < l; ++i) {
        glued += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      }
      if (!glued.empty() && (nlp::IsWordCharAt(text, l) || !In(kGluedUnits, glued))) continue;
      ParseValue(text.substr(word.begin, e - word.begin), m.number);
      const bool has_currency_before = !CurrencyBefore(text, word.begin).empty();
      if (glued == "k") m.number.value *= 1e3, m.number.alt *= 1e3;
      if (glued == "m" && (has_currency_before || text[e] == 'M')) {
        m.number.value *= 1e6;
        m.number.alt *= 1e6;
      }
      if (glued == "bn") m.number.value *= 1e9, m.number.alt *= 1e9;
      m.end = l;
      plus = l < text.size() && text[l] == '+';
      if (plus) ++m.end;
      if (has_currency_before) {
        m.number.unit = NumberUnit::kMoney;
        m.number.currency = std::string(CurrencyBefore(text, word.begin));
      }
      // A four-digit year standing alone is a date, not a number.
      const bool bare = e - word.begin == 4 && glued.empty() && !has_currency_before && !plus;
      if (bare && m.number.value >= 1950 && m.number.value <= 2100) {
        std::size_t p = e;
        while (p < text.size() && text[p] == ' ') ++p;
        const bool percent = p < text.size() && text[p] == '%';
        if (!percent) {
          const int year = static_cast<int>(m.number.value);
          out.dates.push_back({word.begin, e, DateAt(text, word.begin, e, year)});
          continue;
        }
      }
      // Skip the words the digits already consumed ("1.5" is one number, two words).
      while (w + 1 < words.size() && words[w + 1].begin < l) ++w;
    } else {
      m.number.value = word_value;
    }
    std::size_t end = m.end;
    ReadContext(text, words, w + 1, prev, plus, m.number, end);
    m.end = end;
    out.numbers.push_back(std::move(m));
  }
  return out;
}

}  // namespace jc::generation
