#include "nlp/date_parser.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "nlp/date_lexer.hpp"

namespace jc::nlp {
namespace {

using date_lexer::AnyOf;
using date_lexer::Kind;
using date_lexer::Lex;
using date_lexer::Token;
using domain::PartialDate;

constexpr int kMinYear = 1950;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Folded (lowercase, accents stripped) month names per month, all seven languages. A word of
// three letters or more that starts one or more names of a single month is that month, which
// covers "Sept", "janv", "févr", "Okt", "ene", "set" and the like.
constexpr std::string_view kMonthNames[12] = {
    "january januar janner jaenner janvier enero janeiro gennaio januari",
    "february februar feber fevrier febrero fevereiro febbraio februari",
    "march maerz mrz mars marzo marco maart mrt",
    "april avril abril aprile",
    "may mai mayo maio maggio mei",
    "june juni juin junio junho giugno",
    "july juli juillet julio julho luglio",
    "august aout agosto augustus",
    "september septembre septiembre setiembre setembro settembre",
    "october oktober octobre octubre outubro ottobre",
    "november novembre noviembre novembro",
    "december dezember decembre diciembre dezembro dicembre"};

// Word lists, '|' between entries and ' ' between the words of one entry.
// Words that keep only the year of the date they precede: seasons, "early", "Anfang"...
constexpr std::string_view kYearQualifiers =
    "summer|sommer|ete|verano|verao|estate|zomer|winter|hiver|invierno|inverno|spring|fruhling|"
    "fruehling|fruhjahr|printemps|primavera|voorjaar|lente|autumn|fall|herbst|automne|otono|"
    "outono|autunno|herfst|najaar|early|mid|late|beginning|end|start|anfang|mitte|ende|debut|"
    "mi|fin|principios|mediados|finales|inicio|meados|final|inizio|meta|fine|begin|midden|eind";
constexpr std::string_view kFillers = "de|del|of|di|do";
constexpr std::string_view kSince =
    "since|seit|depuis|desde|dal|dall|dalla|dallo|sinds|ab|vanaf|da|des|a partir de|"
    "a partir d|a partir do|a partir da";
constexpr std::string_view kFrom = "from|von|vom|de|du|d|van";
constexpr std::string_view kConnectors =
    "to|till|til|until|through|thru|up to|bis|a|au|al|tot|tot en met|hasta|ate|fino|fino a|"
    "fino al|fino ad|jusqu|jusqu a|jusqu au|jusqu en";
constexpr std::string_view kPresent =
    "present|the present|present day|current|currently|now|today|date|ongoing|heute|jetzt|"
    "aktuell|dato|laufend|derzeit|gegenwart|aujourd hui|aujourdhui|actuel|actuelle|"
    "actuellement|ce jour|maintenant|en cours|nos jours|actualidad|la actualidad|presente|"
    "el presente|actual|actualmente|hoy|la fecha|atual|atualmente|hoje|o momento|momento|"
    "o presente|atualidade|actualidade|oggi|ad oggi|attuale|attualmente|in corso|tuttora|ora|"
    "heden|nu|huidig|vandaag";
// A number after one of these words is a page, phone, version, postcode... not a year.
constexpr std::string_view kBlockers =
    "pp|p|page|pages|pg|seite|seiten|s|vol|no|nr|tel|phone|fax|mobile|mob|isbn|issn|doi|"
    "version|v|ver|release|plz|zip|cp|cap";
constexpr std::string_view kCurrencyWords = "eur|euro|euros|usd|gbp|chf|dollars|k";

// A '|'-separated word list indexed by first letter: date_lexer::Contains(list, word) without
// searching the whole list, for the lists the parser asks about every word of a line.
class WordList {
 public:
  explicit WordList(std::string_view list) {
    AnyOf(list, '|', [&](std::string_view entry) {
      by_first_[entry.empty() ? 0 : static_cast<unsigned char>(entry.front())].push_back(entry);
      return false;
    });
  }
  bool Contains(std::string_view word) const {
    const auto& entries = by_first_[word.empty() ? 0 : static_cast<unsigned char>(word.front())];
    return std::find(entries.begin(), entries.end(), word) != entries.end();
  }

 private:
  std::array<std::vector<std::string_view>, 256> by_first_;
};

bool IsYearQualifier(std::string_view word) {
  static const WordList kList(kYearQualifiers);
  return kList.Contains(word);
}
bool IsBlocker(std::string_view word) {
  static const WordList kList(kBlockers);
  return kList.Contains(word);
}
bool IsCurrencyWord(std::string_view word) {
  static const WordList kList(kCurrencyWords);
  return kList.Contains(word);
}

// The month names of kMonthNames by first letter: a name can only start with a word that
// shares its first letter.
struct MonthName {
  std::string_view name;
  int month = 0;
};

const std::vector<MonthName>& MonthNamesStartingWith(char first) {
  static const auto kByLetter = [] {
    std::array<std::vector<MonthName>, 256> by_letter;
    for (int month = 1; month <= 12; ++month) {
      AnyOf(kMonthNames[month - 1], ' ', [&](std::string_view name) {
        by_letter[static_cast<unsigned char>(name.front())].push_back({name, month});
        return false;
      });
    }
    return by_letter;
  }();
  return kByLetter[static_cast<unsigned char>(first)];
}

int MonthOf(std::string_view word) {
  if (word.size() < 3) return 0;
  int found = 0;
  for (const MonthName& entry : MonthNamesStartingWith(word.front())) {
    if (entry.month == found || !entry.name.starts_with(word)) continue;
    if (found != 0) return 0;
    found = entry.month;
  }
  return found;
}

// A '|'-separated list of phrases, each split into its ' '-separated words once.
class PhraseList {
 public:
  explicit PhraseList(std::string_view list) {
    AnyOf(list, '|', [&](std::string_view phrase) {
      std::vector<std::string_view>& words = phrases_.emplace_back();
      AnyOf(phrase, ' ', [&](std::string_view word) {
        words.push_back(word);
        return false;
      });
      return false;
    });
  }
  const std::vector<std::vector<std::string_view>>& Phrases() const { return phrases_; }

 private:
  std::vector<std::vector<std::string_view>> phrases_;
};

const PhraseList& PhrasesSince() {
  static const PhraseList kList(kSince);
  return kList;
}
const PhraseList& PhrasesFrom() {
  static const PhraseList kList(kFrom);
  return kList;
}
const PhraseList& PhrasesConnectors() {
  static const PhraseList kList(kConnectors);
  return kList;
}
const PhraseList& PhrasesPresent() {
  static const PhraseList kList(kPresent);
  return kList;
}
const PhraseList& PhrasesFillers() {
  static const PhraseList kList(kFillers);
  return kList;
}

bool IsCurrency(int c) {
  return c == '$' || (c >= 0xA2 && c <= 0xA5) || (c >= 0x20A0 && c <= 0x20CF);
}

// ---- Grammar over the tokens.

struct DateHit {
  PartialDate date;
  std::size_t next = 0;     // the token after the date
  bool weak = false;        // two-digit-year form ("03/19", "'19"): not trusted alone
  bool bare_month = false;  // a month without a year: "März" in "März – Juni 2019"
  bool year_pair = false;   // "2010-11" / "2011/12": a month, or an academic year
};

struct RangeHit {
  domain::DateRange range;
  std::size_t first = 0;  // token span [first, next)
  std::size_t next = 0;
};

class Scanner {
 public:
  Scanner(std::string_view text, int max_year) : tokens_(Lex(text)), max_year_(max_year) {}

  std::size_t Size() const { return tokens_.size(); }
  std::size_t Begin(std::size_t i) const { return tokens_[i].begin; }
  std::size_t End(std::size_t i) const { return tokens_[i].end; }

  std::optional<DateHit> DateAt(std::size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    const Token& token = tokens_[i];
    if (token.kind == Kind::kWord) return WordDateAt(i);
    if (token.kind == Kind::kApostrophe) return YearAfter(i, 0);  // "'19"
    if (token.kind != Kind::kNumber || token.glued_alpha) return std::nullopt;
    if (token.digits == 4) return YearFirstAt(i);
    if (token.digits <= 2) return NumberFirstAt(i);
    return std::nullopt;
  }

  // Where to look for the next match after a failed one at i: past a date that starts there,
  // so that "Mar 2020 – Jan 2020" is not retried as "2020 – Jan 2020".
  std::size_t Skip(std::size_t i) const {
    const std::optional<DateHit> date = DateAt(i);
    return date ? date->next : i + 1;
  }

  // The tokens before a date at i do not make it a phone, page, amount or part of a number.
  // Tokens before `floor` belong to an earlier match and say nothing.
  bool CleanBefore(std::size_t i, std::size_t floor) const {
    if (i == 0 || i - 1 < floor) return true;
    const Token& prev = tokens_[i - 1];
    if (IsChar(i - 1, '+') || (prev.kind == Kind::kMark && IsCurrency(prev.value))) return false;
    if (prev.kind == Kind::kNumber && (prev.digits >= 2 || Glued(i) || IsChar(i - 2, '+'))) {
      return false;
    }
    if (Sep(i - 1) && Glued(i) && Glued(i - 1) && Is(i - 2, Kind::kNumber)) return false;
    const std::size_t w = prev.kind == Kind::kMark && i - 1 > floor ? i - 2 : i - 1;
    return !(Is(w, Kind::kWord) && IsBlocker(tokens_[w].word));  // "pp. 2010"
  }

  bool CleanAfter(std::size_t next) const {
    if (next >= tokens_.size()) return true;
    const Token& t = tokens_[next];
    if (t.kind == Kind::kMark && IsCurrency(t.value)) return false;
    if (t.kind == Kind::kWord && IsCurrencyWord(t.word)) return false;
    if (t.kind == Kind::kNumber && t.digits >= 3) return false;
    return !(Sep(next) && Glued(next) && Is(next + 1, Kind::kNumber) && Glued(next + 1));
  }

  std::optional<RangeHit> RangeAt(std::size_t i, std::size_t floor) const {
    std::size_t j = Longest(i, PhrasesSince());
    const bool since = j != kNone;
    if (!since) j = Longest(i, PhrasesFrom());
    if (j == kNone) j = i;
    while (j > i && Is(j, Kind::kApostrophe)) ++j;  // "dall'aprile", "d'avril"
    const std::optional<DateHit> start = DateAt(j);
    if (!start || !CleanBefore(j, floor)) return std::nullopt;
    std::optional<RangeHit> hit = RangeFrom(*start, j, since);
    if (!hit || !CleanAfter(hit->next)) return std::nullopt;
    hit->first = i;
    if (i > floor && Opens(i - 1) && Closes(hit->next)) {
      --hit->first;
      ++hit->next;
    }
    return hit;
  }

 private:
  bool Is(std::size_t i, Kind kind) const { return i < tokens_.size() && tokens_[i].kind == kind; }
  bool Glued(std::size_t i) const { return i < tokens_.size() && !tokens_[i].spaced; }
  bool IsChar(std::size_t i, char32_t c) const {
    return i < tokens_.size() && tokens_[i].kind != Kind::kNumber &&
           tokens_[i].value == static_cast<int>(c);
  }
  bool Opens(std::size_t i) const { return IsChar(i, '(') || IsChar(i, '['); }
  bool Closes(std::size_t i) const { return IsChar(i, ')') || IsChar(i, ']'); }
  bool Sep(std::size_t i) const { return Is(i, Kind::kDash) || IsChar(i, '/') || IsChar(i, '.'); }
  // The separators inside one numeric date: "2019-03", "03/2019", "03.2019" (not en dashes).
  bool DateSep(std::size_t i) const { return IsChar(i, '-') || IsChar(i, '/') || IsChar(i, '.'); }
  bool Number(std::size_t i, int min_digits, int max_digits) const {
    return Is(i, Kind::kNumber) && !tokens_[i].glued_alpha && tokens_[i].digits >= min_digits &&
           tokens_[i].digits <= max_digits;
  }
  bool Plausible(int year) const { return year >= kMinYear && year <= max_year_; }
  int Pivot(int two_digits) const {
    return 2000 + two_digits <= max_year_ ? 2000 + two_digits : 1900 + two_digits;
  }

  // The token after the words of `phrase` from i (skipping apostrophes between words, as in
  // "aujourd'hui"), or kNone.
  std::size_t Phrase(std::size_t i, const std::vector<std::string_view>& phrase) const {
    const std::size_t first = i;
    for (const std::string_view word : phrase) {
      while (i > first && Is(i, Kind::kApostrophe)) ++i;
      if (!Is(i, Kind::kWord) || tokens_[i++].word != word) return kNone;
    }
    return i;
  }

  // The end of the longest phrase of `phrases` at i, or kNone.
  std::size_t Longest(std::size_t i, const PhraseList& phrases) const {
    std::size_t best = kNone;
    if (!Is(i, Kind::kWord)) return best;
    const std::string_view first_word = tokens_[i].word;
    for (const std::vector<std::string_view>& phrase : phrases.Phrases()) {
      if (phrase.empty() || phrase.front() != first_word) continue;
      const std::size_t next = Phrase(i, phrase);
      if (next != kNone && (best == kNone || next > best)) best = next;
    }
    return best;
  }

  // Dashes, a connecting word, or both ("– to date"): the token after them, or kNone.
  std::size_t ConnectorAt(std::size_t k) const {
    const std::size_t dashes = k;
    while (Is(k, Kind::kDash)) ++k;
    const std::size_t word_end = Longest(k, PhrasesConnectors());
    if (word_end != kNone) return word_end;
    return k > dashes ? k : kNone;
  }

  // What follows a start date at token j: an end date, "present", a two-digit end year...
  std::optional<RangeHit> RangeFrom(const DateHit& start, std::size_t j, bool since) const {
    const PartialDate from = start.date;
    const std::size_t k = start.next;
    const std::size_t m = ConnectorAt(k);
    const domain::DateRange open{from, std::nullopt, true};
    if (start.year_pair && m == kNone) {  // "2010-11" alone: the academic year 2010–2011
      if (tokens_[j + 2].value != (from.year + 1) % 100) return std::nullopt;
      return RangeHit{{PartialDate{from.year}, PartialDate{from.year + 1}}, j, k};
    }
    if (!from.HasMonth() && IsChar(k, '/') && Glued(k) && Glued(k + 1) &&
        (Number(k + 1, 2, 2) || Number(k + 1, 4, 4))) {  // "2019/20", "2019/2020"
      const int value = tokens_[k + 1].value;
      if (value != from.year + 1 && value != (from.year + 1) % 100) return std::nullopt;
      return RangeHit{{from, PartialDate{from.year + 1}}, j, k + 2};
    }
    const std::optional<DateHit> end = m == kNone ? std::nullopt : DateAt(m);
    if (start.bare_month) {  // "März – Juni 2019", "Nov – Feb 2020": the end lends its year
      if (!end || !end->date.HasMonth()) return std::nullopt;
      const PartialDate first{end->date.year - (from.month > end->date.month ? 1 : 0), from.month};
      if (!Plausible(first.year)) return std::nullopt;
      return RangeHit{{first, end->date}, j, end->next};
    }
    if (m == kNone) return since ? std::optional<RangeHit>({open, j, k}) : std::nullopt;
    if (const std::size_t p = Longest(m, PhrasesPresent()); p != kNone) return RangeHit{open, j, p};
    if (end && !end->bare_month) {  // reversed ranges are rejected, see the header
      const bool reversed = end->date.year < from.year ||
                            (from.HasMonth() && end->date.HasMonth() && end->date < from);
      if (reversed) return std::nullopt;
      return RangeHit{{from, end->date}, j, end->next};
    }
    if (!from.HasMonth() && Number(m, 2, 2) && !(Sep(m + 1) && Glued(m + 1))) {  // "2019–21"
      int year = from.year / 100 * 100 + tokens_[m].value;
      if (year < from.year) year += 100;
      if (!Plausible(year)) return std::nullopt;
      return RangeHit{{from, PartialDate{year}}, j, m + 1};
    }
    if (since) return RangeHit{open, j, k};
    const bool line_ends = m == tokens_.size() || (Closes(m) && m + 1 == tokens_.size());
    if (Is(k, Kind::kDash) && line_ends) return RangeHit{open, j, m};  // "2019 –" ends the line
    return std::nullopt;
  }

  // A year after a month or a qualifier: "2019", "de 2019", ", 2019", "15, 2019", "'19", "-2019".
  std::optional<DateHit> YearAfter(std::size_t j, int month) const {
    if ((Is(j, Kind::kDash) || IsChar(j, '/')) && Glued(j) && Glued(j + 1)) ++j;
    if (const std::size_t k = Longest(j, PhrasesFillers()); k != kNone) j = k;
    if (IsChar(j, ',')) ++j;
    if (Number(j, 1, 2) && IsChar(j + 1, ',') && Number(j + 2, 4, 4)) j += 2;
    if (Number(j, 4, 4) && Plausible(tokens_[j].value)) {
      return DateHit{{tokens_[j].value, month}, j + 1};
    }
    if (!Is(j, Kind::kApostrophe) || !Number(j + 1, 2, 2) || !Glued(j + 1)) return std::nullopt;
    const int year = Pivot(tokens_[j + 1].value);
    if (!Plausible(year)) return std::nullopt;
    return DateHit{{year, month}, j + 2, true};
  }

  std::optional<DateHit> WordDateAt(std::size_t i) const {
    const int month = MonthOf(tokens_[i].word);
    if (month == 0) {
      if (!IsYearQualifier(tokens_[i].word)) return std::nullopt;
      return YearAfter(i + 1, 0);
    }
    const std::size_t j = IsChar(i + 1, '.') && Glued(i + 1) ? i + 2 : i + 1;
    if (std::optional<DateHit> hit = YearAfter(j, month)) return hit;
    return DateHit{{0, month}, j, false, true};
  }

  // "2019", "2019-03", "2019.03", "2019/03", "2019-03-15".
  std::optional<DateHit> YearFirstAt(std::size_t i) const {
    const int year = tokens_[i].value;
    if (!Plausible(year)) return std::nullopt;
    const int month = Number(i + 2, 1, 2) ? tokens_[i + 2].value : 0;
    if (!DateSep(i + 1) || !Glued(i + 1) || !Glued(i + 2) || month < 1 || month > 12) {
      return DateHit{{year}, i + 1};
    }
    const int sep = tokens_[i + 1].value;
    if (IsChar(i + 3, static_cast<char32_t>(sep)) && Glued(i + 3) && Number(i + 4, 1, 2) &&
        Glued(i + 4)) {
      return DateHit{{year, month}, i + 5};
    }
    return DateHit{{year, month}, i + 3, false, false, sep != '.' && tokens_[i + 2].digits == 2};
  }

  // "03/2019", "3.2019", "15.03.2019", "03/15/2019", "03/19" (weak), "15 March 2019".
  std::optional<DateHit> NumberFirstAt(std::size_t i) const {
    const int lead = tokens_[i].value;
    if (DateSep(i + 1) && Glued(i + 1) && Is(i + 2, Kind::kNumber) && Glued(i + 2)) {
      const int sep = tokens_[i + 1].value;
      const int second = tokens_[i + 2].value;
      if (Number(i + 2, 4, 4)) {
        if (lead < 1 || lead > 12 || !Plausible(second)) return std::nullopt;
        return DateHit{{second, lead}, i + 3};
      }
      if (Number(i + 2, 1, 2) && IsChar(i + 3, static_cast<char32_t>(sep)) && Glued(i + 3) &&
          Number(i + 4, 4, 4) && Glued(i + 4)) {
        const int month = sep == '/' && second > 12 ? lead : second;  // US month/day/year
        const int day = month == lead ? second : lead;
        const int year = tokens_[i + 4].value;
        if (day < 1 || day > 31 || month < 1 || month > 12 || !Plausible(year)) return {};
        return DateHit{{year, month}, i + 5};
      }
      const bool two_digit_year = sep == '/' && tokens_[i].digits == 2 && Number(i + 2, 2, 2);
      const int year = Pivot(second);
      if (!two_digit_year || lead < 1 || lead > 12 || (Sep(i + 3) && Glued(i + 3)) ||
          !Plausible(year))
        return {};
      return DateHit{{year, lead}, i + 3, true};
    }
    if (lead < 1 || lead > 31) return std::nullopt;  // a day before a month name
    std::size_t j = IsChar(i + 1, '.') && Glued(i + 1) ? i + 2 : i + 1;
    if (const std::size_t k = Longest(j, PhrasesFillers()); k != kNone) j = k;
    const int month = Is(j, Kind::kWord) ? MonthOf(tokens_[j].word) : 0;
    if (month == 0) return std::nullopt;
    return YearAfter(IsChar(j + 1, '.') && Glued(j + 1) ? j + 2 : j + 1, month);
  }

  std::vector<Token> tokens_;
  int max_year_;
};

std::vector<DateRangeMatch> Find(std::string_view text, PartialDate as_of, bool first_only) {
  const Scanner scanner(text, as_of.year + 1);
  std::vector<DateRangeMatch> matches;
  std::size_t floor = 0;
  for (std::size_t i = 0; i < scanner.Size() && !(first_only && !matches.empty());) {
    std::optional<RangeHit> hit = scanner.RangeAt(i, floor);
    if (!hit) {
      i = scanner.Skip(i);
      continue;
    }
    const std::size_t begin = scanner.Begin(hit->first);
    matches.push_back({std::move(hit->range), begin, scanner.End(hit->next - 1)});
    i = floor = hit->next;
  }
  return matches;
}

}  // namespace

std::optional<DateRangeMatch> ParseDateRange(std::string_view text, PartialDate as_of) {
  std::vector<DateRangeMatch> matches = Find(text, as_of, true);
  if (matches.empty()) return std::nullopt;
  return std::move(matches.front());
}

std::vector<DateRangeMatch> FindDateRanges(std::string_view text, PartialDate as_of) {
  return Find(text, as_of, false);
}

std::optional<PartialDate> ParseDate(std::string_view text, std::optional<PartialDate> as_of) {
  const Scanner scanner(text, as_of ? as_of->year + 1 : 2099);
  for (std::size_t i = 0; i < scanner.Size(); i = scanner.Skip(i)) {
    const std::optional<DateHit> hit = scanner.DateAt(i);
    if (!hit || hit->bare_month || !scanner.CleanBefore(i, 0) || !scanner.CleanAfter(hit->next)) {
      continue;
    }
    if (!hit->weak || (i == 0 && hit->next == scanner.Size())) return hit->date;
  }
  return std::nullopt;
}

}  // namespace jc::nlp
