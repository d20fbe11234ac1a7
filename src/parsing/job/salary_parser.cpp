#include "parsing/job/salary_parser.hpp"

#include <array>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {
namespace {

using domain::SalaryPeriod;

struct Symbol {
  std::string_view text;  // lower-case
  std::string_view code;  // "$" resolves by country
};
constexpr Symbol kBefore[] = {
    {"us$", "USD"}, {"c$", "CAD"},  {"ca$", "CAD"}, {"a$", "AUD"},  {"au$", "AUD"},
    {"r$", "BRL"},  {"mx$", "MXN"}, {"$", "$"},     {"€", "EUR"},   {"£", "GBP"},
    {"₹", "INR"},   {"¥", "JPY"},   {"chf", "CHF"}, {"fr.", "CHF"}, {"usd", "USD"},
    {"eur", "EUR"}, {"gbp", "GBP"}, {"cad", "CAD"}, {"aud", "AUD"}, {"mxn", "MXN"},
    {"inr", "INR"}, {"rs.", "INR"}, {"rs", "INR"},  {"pln", "PLN"}, {"sek", "SEK"}};
constexpr Symbol kAfter[] = {{"k€", "EUR"},    {"€", "EUR"},     {"$", "$"},        {"£", "GBP"},
                             {"euros", "EUR"}, {"euro", "EUR"},  {"eur", "EUR"},    {"usd", "USD"},
                             {"dollars", "$"}, {"chf", "CHF"},   {"francs", "CHF"}, {"gbp", "GBP"},
                             {"mxn", "MXN"},   {"pesos", "MXN"}, {"cad", "CAD"},    {"aud", "AUD"},
                             {"inr", "INR"},   {"lpa", "INR"},   {"zł", "PLN"},     {"pln", "PLN"}};

struct PeriodCue {
  std::string_view text;
  SalaryPeriod period;
};
constexpr PeriodCue kPeriods[] = {
    {"per hour", SalaryPeriod::kHour},    {"/hour", SalaryPeriod::kHour},
    {"/hr", SalaryPeriod::kHour},         {"an hour", SalaryPeriod::kHour},
    {"hourly", SalaryPeriod::kHour},      {"/h", SalaryPeriod::kHour},
    {"/std", SalaryPeriod::kHour},        {"pro stunde", SalaryPeriod::kHour},
    {"stundenlohn", SalaryPeriod::kHour}, {"de l'heure", SalaryPeriod::kHour},
    {"l'heure", SalaryPeriod::kHour},     {"par heure", SalaryPeriod::kHour},
    {"/heure", SalaryPeriod::kHour},      {"horaire", SalaryPeriod::kHour},
    {"por hora", SalaryPeriod::kHour},    {"la hora", SalaryPeriod::kHour},
    {"all'ora", SalaryPeriod::kHour},     {"per uur", SalaryPeriod::kHour},
    {"per day", SalaryPeriod::kDay},      {"/day", SalaryPeriod::kDay},
    {"a day", SalaryPeriod::kDay},        {"daily", SalaryPeriod::kDay},
    {"day rate", SalaryPeriod::kDay},     {"tjm", SalaryPeriod::kDay},
    {"par jour", SalaryPeriod::kDay},     {"/jour", SalaryPeriod::kDay},
    {"/j", SalaryPeriod::kDay},           {"pro tag", SalaryPeriod::kDay},
    {"tagessatz", SalaryPeriod::kDay},    {"por día", SalaryPeriod::kDay},
    {"per week", SalaryPeriod::kWeek},    {"/week", SalaryPeriod::kWeek},
    {"/wk", SalaryPeriod::kWeek},         {"a week", SalaryPeriod::kWeek},
    {"weekly", SalaryPeriod::kWeek},      {"par semaine", SalaryPeriod::kWeek},
    {"pro woche", SalaryPeriod::kWeek},   {"por semana", SalaryPeriod::kWeek},
    {"per month", SalaryPeriod::kMonth},  {"/month", SalaryPeriod::kMonth},
    {"/mo", SalaryPeriod::kMonth},        {"a month", SalaryPeriod::kMonth},
    {"monthly", SalaryPeriod::kMonth},    {"monat*", SalaryPeriod::kMonth},
    {"monatlich", SalaryPeriod::kMonth},  {"mensuel*", SalaryPeriod::kMonth},
    {"par mois", SalaryPeriod::kMonth},   {"/mois", SalaryPeriod::kMonth},
    {"al mes", SalaryPeriod::kMonth},     {"mensual*", SalaryPeriod::kMonth},
    {"/mes", SalaryPeriod::kMonth},       {"por mes", SalaryPeriod::kMonth},
    {"mensili", SalaryPeriod::kMonth},    {"al mese", SalaryPeriod::kMonth},
    {"per maand", SalaryPeriod::kMonth},  {"per year", SalaryPeriod::kYear},
    {"/year", SalaryPeriod::kYear},       {"/yr", SalaryPeriod::kYear},
    {"a year", SalaryPeriod::kYear},      {"annually", SalaryPeriod::kYear},
    {"per annum", SalaryPeriod::kYear},   {"annual", SalaryPeriod::kYear},
    {"p.a.", SalaryPeriod::kYear},        {"p.a", SalaryPeriod::kYear},
    {"yearly", SalaryPeriod::kYear},      {"jahr*", SalaryPeriod::kYear},
    {"jährlich", SalaryPeriod::kYear},    {"annuel*", SalaryPeriod::kYear},
    {"par an", SalaryPeriod::kYear},      {"/an", SalaryPeriod::kYear},
    {"al año", SalaryPeriod::kYear},      {"anual*", SalaryPeriod::kYear},
    {"/año", SalaryPeriod::kYear},        {"all'anno", SalaryPeriod::kYear},
    {"annui", SalaryPeriod::kYear},       {"per jaar", SalaryPeriod::kYear},
    {"lpa", SalaryPeriod::kYear},         {"per hr", SalaryPeriod::kHour}};

// kPeriods' texts in one set, in their order.
const CueSet& PeriodCues() {
  static const CueSet kSet = [] {
    std::vector<std::string_view> texts;
    for (const auto& p : kPeriods) texts.push_back(p.text);
    return CueSet(texts);
  }();
  return kSet;
}

bool StartsWith(std::string_view s, std::size_t i, std::string_view p) {
  return BytesAt(s, i, p);
}

void SkipBlank(std::string_view s, std::size_t& i) {
  for (;;) {
    if (i < s.size() && s[i] == ' ') {
      ++i;
    } else if (StartsWith(s, i, "\xC2\xA0")) {
      i += 2;
    } else if (StartsWith(s, i, "\xE2\x80\xAF") || StartsWith(s, i, "\xE2\x80\x89")) {
      i += 3;
    } else {
      return;
    }
  }
}

// The thousands separators that may stand between digit groups.
std::size_t SeparatorAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ',' || s[i] == '.' || s[i] == '\'' || s[i] == ' ') return 1;
  if (StartsWith(s, i, "\xC2\xA0")) return 2;
  if (StartsWith(s, i, "\xE2\x80\xAF") || StartsWith(s, i, "\xE2\x80\x89") ||
      StartsWith(s, i, "\xE2\x80\x99")) {
    return 3;
  }
  return 0;
}

struct Amount {
  double value = 0;
  std::string_view code;  // currency written next to it, "" if none
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Whether some symbol of `symbols` ends (last) or starts (!last) with byte b: most numbers have
// no currency next to them, and this rules a symbol out before comparing any.
template <std::size_t N>
std::array<bool, 256> EdgeBytes(const Symbol (&symbols)[N], bool last) {
  std::array<bool, 256> bytes{};
  for (const auto& sym : symbols) {
    bytes[static_cast<unsigned char>(last ? sym.text.back() : sym.text.front())] = true;
  }
  return bytes;
}

std::string_view CurrencyBefore(std::string_view l, std::size_t i) {
  static const std::array<bool, 256> kLastBytes = EdgeBytes(kBefore, true);
  std::size_t j = i;
  while (j > 0 && l[j - 1] == ' ') --j;
  if (j == 0 || !kLastBytes[static_cast<unsigned char>(l[j - 1])]) return {};
  for (const auto& sym : kBefore) {
    if (j >= sym.text.size() && BytesAt(l, j - sym.text.size(), sym.text)) {
      const std::size_t at = j - sym.text.size();
      if (IsWordByte(sym.text, 0) && at > 0 && IsWordByte(l, at - 1)) continue;
      return sym.code;
    }
  }
  return {};
}

std::string_view CurrencyAfter(std::string_view l, std::size_t& i) {
  static const std::array<bool, 256> kFirstBytes = EdgeBytes(kAfter, false);
  std::size_t j = i;
  SkipBlank(l, j);
  if (j >= l.size() || !kFirstBytes[static_cast<unsigned char>(l[j])]) return {};
  for (const auto& sym : kAfter) {
    if (StartsWith(l, j, sym.text) &&
        (!IsWordByte(sym.text, 0) || !IsWordByte(l, j + sym.text.size()))) {
      i = j + sym.text.size();
      return sym.code;
    }
  }
  return {};
}

// An amount at i with its "k" suffix and any currency written after it.
std::optional<Amount> AmountAt(std::string_view l, std::size_t i) {
  std::size_t end = 0;
  const auto v = ParseAmount(l, i, &end);
  if (!v) return std::nullopt;
  Amount a{*v, CurrencyBefore(l, i), i, end};
  std::size_t j = end;
  if (j < l.size() && l[j] == ' ' && j + 1 < l.size() && l[j + 1] == 'k') ++j;
  if (j < l.size() && l[j] == 'k' &&
      (j + 1 >= l.size() || !IsWordByte(l, j + 1) || StartsWith(l, j + 1, "\xE2\x82\xAC"))) {
    a.value *= 1000;
    a.end = j + 1;
    if (StartsWith(l, j, "k€")) a.code = "EUR";
  }
  // "$140M raised", "$2.1B processed", "£120m turnover": sizes, not pay.
  std::size_t m = a.end;
  SkipBlank(l, m);
  for (const std::string_view big : {"m", "mm", "b", "bn", "million*", "billion*", "mio", "mrd",
                                     "milliard*", "millones", "millions", "trillion"}) {
    if (StartsWith(l, m, big) && !IsWordByte(l, m + big.size() - (big.back() == '*' ? 1 : 0))) {
      return std::nullopt;
    }
    if (big.back() == '*' && StartsWith(l, m, big.substr(0, big.size() - 1))) return std::nullopt;
  }
  std::size_t k = a.end;
  const auto after = CurrencyAfter(l, k);
  if (!after.empty()) {
    if (a.code.empty()) a.code = after;
    a.end = k;
  }
  return a;
}

// The places of each dollar, in the order they are tried (one list each, in kDollarCodes'
// order).
constexpr std::string_view kDollarCodes[] = {"CAD", "AUD", "MXN", "NZD", "SGD"};
constexpr std::string_view kCanada[] = {"canada",           "canadian", "ontario",  "québec",
                                        "quebec",           "toronto",  "montréal", "montreal",
                                        "vancouver",        "calgary",  "ottawa",   "alberta",
                                        "british columbia", "winnipeg", "halifax"};
constexpr std::string_view kAustralia[] = {"australia", "sydney",   "melbourne", "brisbane",
                                           "perth",     "adelaide", "canberra"};
constexpr std::string_view kMexico[] = {"mexico", "méxico", "cdmx", "guadalajara", "monterrey"};
constexpr std::string_view kNewZealand[] = {"new zealand", "auckland", "wellington"};
constexpr std::string_view kSingapore[] = {"singapore"};
constexpr std::span<const std::string_view> kDollarPlaces[] = {kCanada, kAustralia, kMexico,
                                                               kNewZealand, kSingapore};

// The dollar of the place: the job's location first (where province codes are safe), then
// country and city names in the posting, looked up in its cue index.
std::string_view ResolveDollar(std::string_view location, const CueIndex& body) {
  // The province and state codes only in the job's location.
  static const CueSet kCanadaCodes{"qc", "on", "bc", "ab", "mb", "ns"};
  static const CueSet kAustraliaCodes{"nsw", "vic", "qld"};
  const std::string loc = Lower(location);
  if (!loc.empty()) {
    for (std::size_t g = 0; g < std::size(kDollarCodes); ++g) {
      if (HasAnyCue(loc, kDollarPlaces[g]) || (g == 0 && HasAnyCue(loc, kCanadaCodes)) ||
          (g == 1 && HasAnyCue(loc, kAustraliaCodes))) {
        return kDollarCodes[g];
      }
    }
  }
  for (std::size_t g = 0; g < std::size(kDollarCodes); ++g) {
    if (HasAnyCue(body, kDollarPlaces[g])) return kDollarCodes[g];
  }
  return "USD";
}

}  // namespace

std::optional<double> ParseAmount(std::string_view s, std::size_t pos, std::size_t* end) {
  if (pos >= s.size() || !IsAsciiDigit(s[pos])) return std::nullopt;
  if (pos > 0 && (IsAsciiDigit(s[pos - 1]) || IsWordByte(s, pos - 1))) return std::nullopt;
  std::string digits;
  std::size_t i = pos;
  std::size_t last_group = 0;  // digits after the last separator
  char last_sep = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) digits.push_back(s[i++]);
  last_group = digits.size();
  for (;;) {
    const std::size_t sep = SeparatorAt(s, i);
    if (sep == 0) break;
    std::size_t j = i + sep;
    std::size_t n = 0;
    while (j + n < s.size() && IsAsciiDigit(s[j + n])) ++n;
    // Groups of 3 (or 2 in Indian lakhs), or a 1-2 digit decimal part after '.'/','.
    const bool decimal = (s[i] == ',' || s[i] == '.') && (n == 1 || n == 2);
    const bool group = n == 3 || (n == 2 && s[i] == ',' && j + n < s.size() && s[j + n] == ',');
    if (n == 0 || (!decimal && !group) || (s[i] == ' ' && n != 3)) break;
    last_sep = decimal && !group ? s[i] : 0;
    digits.append(".", last_sep ? 1 : 0);
    digits.append(s.substr(j, n));
    last_group = n;
    i = j + n;
    if (last_sep) break;
  }
  (void)last_group;
  *end = i;
  return std::stod(digits);
}

std::optional<domain::Salary> ExtractSalary(std::string_view text, std::string_view country_hint) {
  return ExtractSalaryLower(Lower(text), country_hint);
}

std::optional<domain::Salary> ExtractSalaryLower(std::string_view lower,
                                                 std::string_view country_hint) {
  return ExtractSalary(CueIndex(lower), country_hint);
}

std::optional<domain::Salary> ExtractSalary(const CueIndex& body, std::string_view country_hint) {
  const std::string_view l = body.text();
  static const CueSet kPayWords{
      "salary",    "pay",    "paid",   "compensation", "wage*",        "rate",         "gehalt",
      "vergütung", "lohn",   "brutto", "salaire",      "rémunération", "brut",         "tjm",
      "salario",   "sueldo", "bruto",  "retribución",  "stipendio",    "retribuzione", "salaris",
      "base",      "earn",   "income", "ctc"};
  static const CueSet kMinimumWage{"kv-mindestgehalt", "mindestgehalt", "kollektivvertrag"};
  static const CueSet kFrom{
      "from",           "ab",      "à partir de", "desde",        "mindestens",
      "mindestgehalt*", "minimum", "at least",    "a partire da", "vanaf"};
  static const CueSet kUpTo{"up to", "bis zu", "jusqu'à", "hasta", "max", "maximum", "fino a"};
  static const CueSet kNotPayAfter{"per mile",     "/mile",   "cpm",      "cents",      "bonus*",
                                   "differential", "sign-on", "ote",      "commission", "prime",
                                   "zuschlag",     "budget",  "stipend",  "allowance",  "employees",
                                   "people",       "clients", "arr",      "mrr",        "quota",
                                   "revenue",      "raised",  "turnover", "in sales"};
  static const CueSet kNotPayBefore{
      "bonus*",     "sign-on",  "signing",  "ote",       "on-target", "commission*", "differential",
      "tips",       "equity",   "stipend",  "allowance", "reimburs*", "referral",    "per diem",
      "relocation", "prime*",   "zuschlag", "prämie",    "plus",      "budget",      "extra",
      "additional", "premium",  "arr",      "mrr",       "quota",     "deal size",   "revenue",
      "raised",     "turnover", "funding",  "valuation", "processed"};
  std::optional<std::string_view> dollar;  // resolved once, on the first "$" amount
  struct Best {
    domain::Salary salary;
    int score = -1;
  } best;
  for (std::size_t i = 0; i < l.size(); ++i) {
    if (!IsAsciiDigit(l[i]) ||
        (i > 0 && (IsAsciiDigit(l[i - 1]) || l[i - 1] == '.' || l[i - 1] == ','))) {
      continue;
    }
    const auto a1 = AmountAt(l, i);
    if (!a1) continue;
    std::optional<Amount> a2;
    std::size_t j = a1->end;
    SkipBlank(l, j);
    // "$58,500 (0 years) to $74,200": a remark between the ends of a range.
    if (j < l.size() && l[j] == '(') {
      const std::size_t close = l.find(')', j);
      if (close != std::string_view::npos && close - j < 30) {
        j = close + 1;
        SkipBlank(l, j);
      }
    }
    for (const std::string_view dash :
         {"-", "–", "—", "to ", "bis ", "à ", "a ", "y ", "and ", "und ", "et "}) {
      if (!StartsWith(l, j, dash)) continue;
      std::size_t k = j + dash.size();
      SkipBlank(l, k);
      for (const auto& sym : kBefore) {
        if (StartsWith(l, k, sym.text)) {
          k += sym.text.size();
          SkipBlank(l, k);
          break;
        }
      }
      a2 = AmountAt(l, k);
      break;
    }
    std::string_view code = a1->code;
    if (a2 && code.empty()) code = a2->code;
    const std::size_t end = a2 ? a2->end : a1->end;
    i = end > i ? end - 1 : i;
    if (code.empty()) continue;
    double lo = a1->value;
    double hi = a2 ? a2->value : a1->value;
    // "48-58 K€", "€60k–75k": one "k" for both.
    if (a2 && hi >= 1000 && lo < 1000 && lo * 1000 <= hi) lo *= 1000;
    if (hi < lo || lo <= 0) continue;

    const Span sentence = SentenceAround(l, a1->begin);
    const std::size_t pre_begin = std::max(sentence.begin, a1->begin >= 60 ? a1->begin - 60 : 0);
    const std::string_view before = l.substr(pre_begin, a1->begin - pre_begin);
    // What follows the amount up to the next separator ("$85,000 base / $170,000 OTE").
    std::string_view after = l.substr(end, 25);
    after = after.substr(0, std::min(after.size(), after.find_first_of("+,;(/\n")));
    std::string_view near_before =
        l.substr(a1->begin >= 25 ? a1->begin - 25 : 0, std::min<std::size_t>(a1->begin, 25));
    const std::size_t line_start = near_before.rfind('\n');
    if (line_start != std::string_view::npos) near_before.remove_prefix(line_start + 1);
    if (HasAnyCue(near_before, kNotPayBefore) || HasAnyCue(after, kNotPayAfter)) {
      continue;
    }
    domain::Salary salary;
    salary.min = lo;
    salary.max = hi;
    if (!a2) {
      if (HasAnyCue(near_before, kUpTo)) {
        salary.min.reset();
      } else if (HasAnyCue(near_before, kFrom) || HasAnyCue(before, kMinimumWage)) {
        salary.max.reset();
      }
    }
    if (code == "$" && !dollar) dollar = ResolveDollar(country_hint, body);
    salary.currency = std::string(code == "$" ? *dollar : code);
    // The period follows the figure in its own phrase: stop at the next separator, so
    // "+ up to $20,000 in monthly bonuses" or "2 Tage ... pro Woche" do not count.
    std::string_view window = l.substr(end, 45);
    window = window.substr(0, std::min(window.size(), window.find_first_of("+,;(\n")));
    // After the figure the earliest period cue wins (the first listed of those found there);
    // before it, the last listed of those found.
    std::size_t period_at = std::string_view::npos;
    thread_local std::vector<std::pair<std::size_t, std::size_t>> found;  // (cue, position)
    PeriodCues().AllMatches(window, found);
    for (std::size_t k = 0; k < found.size(); ++k) {
      const bool first_of_cue = k == 0 || found[k].first != found[k - 1].first;
      if (first_of_cue && found[k].second < period_at) {
        period_at = found[k].second;
        salary.period = kPeriods[found[k].first].period;
      }
    }
    if (!salary.period) {
      PeriodCues().AllMatches(before, found);
      if (!found.empty()) salary.period = kPeriods[found.back().first].period;
    }
    if (!salary.period) {
      salary.period = hi >= 20000 || code == "INR" ? SalaryPeriod::kYear
                      : hi >= 1000                 ? SalaryPeriod::kMonth
                                                   : SalaryPeriod::kHour;
    }
    const std::string_view s = l.substr(sentence.begin, sentence.end - sentence.begin);
    int score = 1;
    if (HasAnyCue(s, kPayWords)) {
      score += 2;
    }
    if (period_at != std::string_view::npos) ++score;
    if (a2) ++score;
    if (score > best.score) best = {salary, score};
  }
  if (best.score < 0) return std::nullopt;
  return best.salary;
}

}  // namespace jc::parsing::job
