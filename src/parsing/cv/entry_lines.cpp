#include "parsing/cv/entry_lines.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "nlp/date_parser.hpp"

namespace jc::parsing::entry {
namespace {

constexpr std::string_view kBulletMarks[] = {"•", "·", "▪", "■", "◦", "○", "●", "◆", "❖", "►", "▸",
                                             "➤", "➢", "✓", "✔", "‣", "⁃", "→", "-", "*", "–"};

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// "Page 2", "Seite 1 von 3", "2 / 3": page furniture that a page break leaves in a section.
bool IsPageNumber(std::string_view text) {
  // The page words and the digit after them fit in the first nine bytes, and folding keeps
  // byte lengths: only those bytes need folding.
  const std::string head = Fold(text.substr(0, 9));
  for (std::string_view w : {"page ", "seite ", "página ", "pagina ", "strona ", "pag. "}) {
    if (head.starts_with(w) && head.size() > w.size() && IsDigit(head[w.size()])) return true;
  }
  // "3", "2 / 3"; not "2014", which is a year. Digits, spaces and slashes fold to themselves.
  const auto slash = text.find('/');
  const bool digits_only = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return IsDigit(c) || c == ' ' || c == '/';
  });
  if (!digits_only) return false;
  if (slash == std::string_view::npos) return text.size() <= 3;
  // "2 / 3" is a page; "95/100" and "110/110" are grades.
  const auto a = TrimSeparators(text.substr(0, slash));
  const auto b = TrimSeparators(text.substr(slash + 1));
  return a.size() <= 2 && b.size() <= 2 && a <= b;
}

// Whether the text holds a markdown emphasis mark ('*' or '_'). A plain loop: find_first_of
// with a set asks memchr once per character.
bool HasEmphasisMark(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c == '*' || c == '_'; });
}

std::string StripMarkup(std::string_view s, bool* bullet) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size() && (s[i] == '#' || s[i] == '>')) ++i;
  // Most lines carry no markdown emphasis: read in place, without a copy.
  const bool marked = HasEmphasisMark(s.substr(i));
  for (; marked && i < s.size(); ++i) {
    if ((s[i] == '*' || s[i] == '_') && i + 1 < s.size() && s[i + 1] == s[i]) {
      ++i;
      continue;
    }
    out.push_back(s[i]);
  }
  std::string_view v = marked ? std::string_view(out) : s.substr(i);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  for (const auto mark : kBulletMarks) {
    if (v.starts_with(mark) && v.size() > mark.size() && v[mark.size()] == ' ') {
      *bullet = true;
      v.remove_prefix(mark.size());
      break;
    }
  }
  // Single-mark emphasis around words: "*Hamburg | 04/2020 – heute*", "_Acme Ltd_".
  if (!HasEmphasisMark(v)) return std::string(TrimSeparators(v));
  std::string plain;
  plain.reserve(v.size());
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (v[k] == '*' || v[k] == '_') {
      const bool at_start = k == 0 || v[k - 1] == ' ' || v[k - 1] == '(';
      const bool at_end = k + 1 == v.size() || v[k + 1] == ' ' || v[k + 1] == ')' ||
                          v[k + 1] == ',' || v[k + 1] == '|';
      if (at_start != at_end) continue;
    }
    plain.push_back(v[k]);
  }
  return std::string(TrimSeparators(plain));
}

// The byte length of a "present" word that opens `text` ("Present Acme Ltd", "heute"), as the
// date parser reads the end of a range, or 0.
std::size_t LeadingPresentWord(std::string_view text, domain::PartialDate as_of) {
  std::size_t end = 0;
  for (int n = 0; n < 2 && end < text.size(); ++n) {
    auto sp = text.find(' ', end + (n == 0 ? 0 : 1));
    if (sp == std::string_view::npos) sp = text.size();
    const std::string probe = "2000 – " + std::string(text.substr(0, sp));
    const auto r = nlp::FindDateRanges(probe, as_of);
    if (!r.empty() && r[0].range.current && r[0].end == probe.size()) return sp;
    end = sp;
  }
  return 0;
}

// Whether a Latin Extended-A lead byte (0xC4, 0xC5) stands without its continuation byte.
bool HasCutLatinExtendedA(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != 0xC4 && c != 0xC5) continue;
    if (i + 1 == text.size() || (static_cast<unsigned char>(text[i + 1]) & 0xC0) != 0x80) {
      return true;
    }
  }
  return false;
}

// The header row of a table of roles or schools: "Period | Position | Employer | Location",
// "Zeitraum Position Arbeitgeber". Every word a column name, at least two of them.
bool IsTableHeaderRow(std::string_view text) {
  static constexpr std::string_view kColumns[] = {
      "period",    "dates",       "date",     "position",    "title",    "role",    "employer",
      "company",   "location",    "place",    "city",        "duration", "from",    "to",
      "zeitraum",  "arbeitgeber", "ort",      "tätigkeit",   "funktion", "période", "poste",
      "employeur", "lieu",        "fonction", "periodo",     "período",  "cargo",   "empresa",
      "ubicación", "lugar",       "puesto",   "azienda",     "ruolo",    "luogo",   "periode",
      "functie",   "werkgever",   "plaats",   "institution", "school",   "degree",  "qualification",
      "grade",     "year",        "years"};
  // Word by word, each folded on its own: most lines fail at their first word. Folding keeps
  // byte lengths and every byte outside a character, except after a Latin Extended-A lead byte
  // without its continuation byte (malformed UTF-8): such a line is folded whole, as before.
  if (HasCutLatinExtendedA(text)) {
    const std::string f = Fold(text);
    std::size_t words = 0;
    for (auto w : Words(f)) {
      while (!w.empty() && (w.back() == ':' || w.back() == '|')) w.remove_suffix(1);
      if (w.empty() || w == "|" || w == "/" || w == "&") continue;
      if (std::find(std::begin(kColumns), std::end(kColumns), w) == std::end(kColumns)) {
        return false;
      }
      ++words;
    }
    return words >= 2;
  }
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    auto w = text.substr(b, i - b);
    while (!w.empty() && (w.back() == ':' || w.back() == '|')) w.remove_suffix(1);
    if (w.empty() || w == "|" || w == "/" || w == "&") continue;
    const std::string folded = Fold(w);
    if (std::find(std::begin(kColumns), std::end(kColumns), folded) == std::end(kColumns)) {
      return false;
    }
    ++words;
  }
  return words >= 2;
}

// "present" words the date parser does not know (Polish, and a few English variants).
bool IsPresentWord(std::string_view folded) {
  for (std::string_view w :
       {"obecnie", "do dziś", "do teraz", "nadal", "now", "today", "ongoing"}) {
    if (folded.starts_with(w)) return true;
  }
  return false;
}

struct Found {
  domain::DateRange range;
  std::size_t begin = 0, end = 0;
  bool open_dash = false;  // "09.2016 –" with the end on another line
};

// A single date made of the first `n` words of `s` (n = 1..3), as its byte length.
std::optional<std::pair<domain::PartialDate, std::size_t>> LeadingDate(std::string_view s) {
  std::optional<std::pair<domain::PartialDate, std::size_t>> best;
  std::size_t pos = 0;
  for (int n = 0; n < 3 && pos < s.size(); ++n) {
    auto sp = s.find(' ', pos);
    const std::size_t end = sp == std::string_view::npos ? s.size() : sp;
    const auto piece = s.substr(0, end);
    const auto last = piece.substr(pos);
    // The shortest piece that ends in a number: ParseDate finds a date anywhere in its text.
    if (std::any_of(last.begin(), last.end(), IsDigit)) {
      if (auto d = nlp::ParseDate(piece)) return std::make_pair(*d, end);
    }
    if (sp == std::string_view::npos) break;
    pos = sp + 1;
  }
  return best;
}

// The longest run of digits in `text`: every date range has at least a two-digit year, and
// the fallbacks below need a four-digit one. The date parser is not free (microseconds per
// call), so lines without such a run skip it.
std::size_t LongestDigitRun(std::string_view text) {
  std::size_t best = 0, run = 0;
  for (const char c : text) {
    run = IsDigit(c) ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

// `all`, when given, receives every range nlp::FindDateRanges finds in the whole text (none
// when the text has no two adjacent digits).
std::optional<Found> FindDates(std::string_view text, domain::PartialDate as_of,
                               std::vector<nlp::DateRangeMatch>* all) {
  const auto digits = LongestDigitRun(text);
  if (digits < 2) return std::nullopt;
  auto ranges = nlp::FindDateRanges(text, as_of);
  if (all != nullptr) *all = ranges;
  if (!ranges.empty()) {
    Found f{ranges[0].range, ranges[0].begin, ranges[0].end, false};
    const auto tail = TrimSeparators(text.substr(f.end));
    if (f.range.current && tail.empty() &&
        text.substr(f.begin, f.end - f.begin).find("–") != std::string_view::npos) {
      const auto span = Fold(text.substr(f.begin, f.end - f.begin));
      const auto last = span.find_last_not_of(" ");
      if (last != std::string::npos && (span[last] == '-' || span.ends_with("–"))) {
        f.open_dash = true;
      }
    }
    return f;
  }
  if (digits < 4) return std::nullopt;
  // Start the parser later in the line: a word glued before the dates can hide them.
  for (std::size_t p = 2; p < text.size(); ++p) {
    if (text[p - 1] != ' ' || text[p - 2] != ',') continue;
    if (!IsDigit(text[p]) && !(text[p] >= 'A' && text[p] <= 'Z') &&
        !(text[p] >= 'a' && text[p] <= 'z')) {
      continue;
    }
    auto sub = nlp::FindDateRanges(text.substr(p), as_of);
    if (!sub.empty()) return Found{sub[0].range, sub[0].begin + p, sub[0].end + p, false};
  }
  // "DATE – word": a start whose end is an unknown "present" word or on the next line.
  for (std::string_view dash : {" – ", " - ", " — "}) {
    const auto at = text.find(dash);
    if (at == std::string_view::npos) continue;
    // The date ends at the dash: try the last 1..3 words before it.
    const auto left = text.substr(0, at);
    std::size_t start = left.size();
    std::optional<domain::PartialDate> d;
    std::size_t from = left.size();
    for (int n = 0; n < 3; ++n) {
      const auto sp = left.rfind(' ', from == 0 ? 0 : from - 1);
      const std::size_t b = sp == std::string_view::npos ? 0 : sp + 1;
      const auto piece = TrimSeparators(left.substr(b));
      if (std::any_of(piece.begin(), piece.end(), IsDigit)) {
        // A longer piece only when its first word adds to the date ("setembro de 2017").
        if (auto pd = nlp::ParseDate(piece); pd && (!d || *pd != *d)) {
          d = pd;
          start = b;
        }
      }
      if (sp == std::string_view::npos) break;
      from = sp;
    }
    if (!d) continue;
    Found f;
    f.range.start = d;
    f.begin = start;
    f.end = at + dash.size();
    const auto right = text.substr(f.end);
    if (IsPresentWord(Fold(right))) {
      f.range.current = true;
      const auto sp = right.find_first_of(" ,|)");
      f.end += sp == std::string_view::npos ? right.size() : sp;
    } else {
      f.open_dash = true;
    }
    return f;
  }
  return std::nullopt;
}

// A lone date at the start or end of a line ("2014", "Diploma in X, 2022"): a graduation year.
std::optional<Found> FindSingleDate(std::string_view text) {
  if (LongestDigitRun(text) < 4) return std::nullopt;
  if (auto lead = LeadingDate(text)) {
    Found f;
    f.range.end = lead->first;
    f.end = lead->second;
    return f;
  }
  const auto sp = text.find_last_of(" ,(");
  const std::size_t b = sp == std::string_view::npos ? 0 : sp + 1;
  auto piece = text.substr(b);
  while (!piece.empty() && (piece.back() == ')' || piece.back() == '.')) piece.remove_suffix(1);
  if (piece.size() == 4 && std::all_of(piece.begin(), piece.end(), IsDigit)) {
    if (auto d = nlp::ParseDate(piece)) {
      Found f;
      f.range.end = d;
      f.begin = b;
      f.end = text.size();
      return f;
    }
  }
  return std::nullopt;
}

// Whether a word follows another and opens with a digit, four bytes or more ("2020", "2020–"):
// the only place a month name can stand before a year.
bool HasYearAfterWord(std::string_view text) {
  bool after_word = false;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i == b) break;
    if (after_word && i - b >= 4 && IsDigit(text[b])) return true;
    after_word = true;
  }
  return false;
}

// Polish month names, which the date parser does not read, rewritten as "MM/" before a year:
// "wrz 2020 – obecnie" -> "09/2020 – obecnie". Empty when the text has none.
std::string RewritePolishMonths(std::string_view text) {
  if (!HasYearAfterWord(text)) return {};
  static constexpr std::string_view kMonths[12][3] = {
      {"sty", "stycznia", "styczeń"},   {"lut", "lutego", "luty"},
      {"mar", "marca", "marzec"},       {"kwi", "kwietnia", "kwiecień"},
      {"maj", "maja", "maj"},           {"cze", "czerwca", "czerwiec"},
      {"lip", "lipca", "lipiec"},       {"sie", "sierpnia", "sierpień"},
      {"wrz", "września", "wrzesień"},  {"paź", "października", "październik"},
      {"lis", "listopada", "listopad"}, {"gru", "grudnia", "grudzień"}};
  std::string out;
  bool changed = false;
  const auto words = Words(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = Fold(words[i]);
    if (w.ends_with(".")) w.pop_back();
    int month = 0;
    if (i + 1 < words.size() && words[i + 1].size() >= 4 && IsDigit(words[i + 1][0])) {
      for (int m = 0; m < 12 && month == 0; ++m) {
        for (const auto name : kMonths[m]) {
          if (w == name) month = m + 1;
        }
      }
    }
    if (!out.empty()) out.push_back(' ');
    if (month > 0) {
      out += (month < 10 ? "0" : "") + std::to_string(month) + "/" + std::string(words[i + 1]);
      ++i;
      changed = true;
    } else {
      out += words[i];
    }
  }
  return changed ? out : std::string();
}

void SetRest(EntryLine& line, const Found& f) {
  const std::string_view t = line.text;
  const auto left = TrimSeparators(t.substr(0, f.begin));
  const auto right_raw = t.substr(std::min(f.end, t.size()));
  const auto right = TrimSeparators(right_raw);
  const auto first = right_raw.find_first_not_of(" )");
  // "2019 – 2021 | Lyon": a place; "2019 – 2021 | Driver | Acme Ltd" is a table row's fields.
  line.rest_after_bar = left.empty() && !right.empty() && first != std::string_view::npos &&
                        right_raw[first] == '|' && LooksLikePlace(right);
  if (left.empty() || right.empty()) {
    line.rest = std::string(left.empty() ? right : left);
  } else {
    line.rest = std::string(left) + " | " + std::string(right);
  }
}

}  // namespace

std::string Fold(std::string_view s) {
  // Folding keeps every character's byte length, so the copy is changed in place: most bytes
  // stay as they are.
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else if ((c == 0xC4 || c == 0xC5) && i + 1 < out.size()) {
      // Latin Extended-A: capitals and small letters alternate; the parity flips in
      // U+0139-U+0148 and from U+0179 on.
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(out[i + 1]) & 0x3Fu);
      const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
      if (cp != 0x138 && cp != 0x149 && cp != 0x17F && (cp % 2 == 1) == odd_capitals) ++cp;
      out[i] = static_cast<char>(0xC0 | (cp >> 6));
      out[i + 1] = static_cast<char>(0x80 | (cp & 0x3F));
      ++i;
    }
  }
  return out;
}

std::string_view TrimSeparators(std::string_view s) {
  // Most text neither starts nor ends with a byte the trimming below could remove: the first
  // bytes of its marks, or the last bytes of them ("–" ends in 0x93, "—" 0x94, "•" 0xA2,
  // "·" 0xB7).
  static constexpr std::string_view kFirstBytes = " ,;|:-\t/)\xC2\xE2";
  static constexpr std::string_view kLastBytes = " ,;|:-\t/()\x93\x94\xA2\xB7";
  if (s.empty() || (kFirstBytes.find(s.front()) == std::string_view::npos &&
                    kLastBytes.find(s.back()) == std::string_view::npos)) {
    return s;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view t : {" ", ",", ";", "|", ":", "–", "—", "-", "•", "·", "\t", "/"}) {
      if (s.starts_with(t)) {
        s.remove_prefix(t.size());
        changed = true;
      }
      if (s.ends_with(t)) {
        s.remove_suffix(t.size());
        changed = true;
      }
    }
    // An empty "()" left by removed dates, or a parenthesis the dates opened.
    if (s.ends_with("(") || s.ends_with("()")) {
      s.remove_suffix(s.ends_with("()") ? 2 : 1);
      changed = true;
    }
    if (s.starts_with(")")) {
      s.remove_prefix(1);
      changed = true;
    }
  }
  return s;
}

std::size_t WordCount(std::string_view s) {
  std::size_t words = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) ++words;
  }
  return words;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  out.reserve(WordCount(s));  // one allocation: lines are split by the thousand
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const auto b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::vector<EntryLine> CollectLines(const Document& doc, const std::vector<Section>& sections,
                                    SectionKind kind, domain::PartialDate as_of) {
  std::vector<EntryLine> out;
  for (const auto& section : sections) {
    if (section.kind != kind) continue;
    for (std::size_t i = section.begin; i < section.end && i < doc.lines.size(); ++i) {
      const Line& src = doc.lines[i];
      if (src.role == LineRole::kHeader || src.role == LineRole::kFooter) continue;
      if (IsPageNumber(src.text)) continue;
      EntryLine line;
      line.index = i;
      line.text = StripMarkup(src.text, &line.bullet);
      if (line.text.empty() || IsTableHeaderRow(line.text)) continue;
      line.bullet = line.bullet || src.role == LineRole::kListItem;
      line.pdf = doc.kind == FileKind::kPdf;
      line.bold = src.bold;
      line.italic = src.italic;
      line.block = src.block;
      line.x0 = src.x0;
      line.x1 = src.x1;
      out.push_back(std::move(line));
    }
  }
  std::vector<bool> drop(out.size(), false);
  std::vector<bool> open(out.size(), false);
  for (std::size_t k = 0; k < out.size(); ++k) {
    auto& line = out[k];
    line.rest = line.text;
    if (line.bullet) continue;
    if (auto polish = RewritePolishMonths(line.text); !polish.empty()) line.text = polish;
    line.source_ranges_known = line.text == doc.lines[line.index].text;
    auto f = FindDates(line.text, as_of, line.source_ranges_known ? &line.source_ranges : nullptr);
    if (!f) {
      // A fragment that completes the dates of a line just above ("marzo de" / "2014").
      bool joined = false;
      const bool fragment =
          WordCount(line.text) <= 3 && std::any_of(line.text.begin(), line.text.end(), IsDigit);
      for (std::size_t back = 1; fragment && back <= 2 && back <= k && !joined; ++back) {
        auto& prev = out[k - back];
        if (prev.bullet || drop[k - back] || !prev.dates || prev.dates->end) continue;
        const std::string both = prev.text + " " + line.text;
        const auto g = nlp::FindDateRanges(both, as_of);
        if (!g.empty() && g[0].range.end && g[0].end > prev.text.size()) {
          prev.text = both;
          prev.dates = g[0].range;
          SetRest(prev, Found{g[0].range, g[0].begin, g[0].end, false});
          open[k - back] = false;
          drop[k] = true;
          joined = true;
        }
      }
      if (joined) continue;
      // The end of a range left open on a line above ("09.2016 – Title" / "02.2020 Company",
      // "Jan 2022 – Analyst" / "Present Acme Ltd").
      for (std::size_t back = 1; back <= 2 && back <= k; ++back) {
        const auto p = k - back;
        if (!open[p] || drop[p]) continue;
        std::size_t used = 0;
        if (const auto n = LeadingPresentWord(line.text, as_of); n > 0) {
          out[p].dates->current = true;
          used = n;
        } else if (auto lead = LeadingDate(line.text)) {
          out[p].dates->end = lead->first;
          out[p].dates->current = false;
          used = lead->second;
        }
        if (used == 0) continue;
        open[p] = false;
        // What follows the date column may be a bullet: "03/2019 • Daily routes".
        auto after = std::string_view(line.text).substr(used);
        while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
        for (const auto mark : kBulletMarks) {
          if (after.starts_with(mark) && after.size() > mark.size() && after[mark.size()] == ' ') {
            line.bullet = true;
            break;
          }
        }
        line.text = std::string(TrimSeparators(after));
        line.rest = line.text;
        if (line.text.empty()) drop[k] = true;
        break;
      }
      if (drop[k]) continue;
      if (auto single = FindSingleDate(line.text); single && kind == SectionKind::kEducation) {
        line.dates = single->range;
        SetRest(line, *single);
      }
      continue;
    }
    line.dates = f->range;
    open[k] = f->open_dash;
    SetRest(line, *f);
  }
  std::vector<EntryLine> kept;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (drop[k]) continue;
    // An open dash whose end never came: the range is open ("X –" at the end of a line).
    if (open[k] && out[k].dates && !out[k].dates->end) out[k].dates->current = true;
    kept.push_back(std::move(out[k]));
  }
  return kept;
}

namespace {

// Job-title nouns and seniority words, folded. Whole words.
// clang-format off
constexpr std::string_view kTitleWords[] = {
    "engineer", "developer", "manager", "nurse", "teacher", "director", "officer", "analyst",
    "assistant", "associate", "intern", "internship", "consultant", "specialist", "coordinator",
    "lead", "head", "chief", "president", "vp", "designer", "accountant", "controller", "auditor",
    "driver", "welder", "electrician", "apprentice", "technician", "administrator",
    "representative", "executive", "advisor", "adviser", "scientist", "researcher", "paralegal",
    "solicitor", "lawyer", "attorney", "pharmacist", "chef", "cook", "barista", "clerk",
    "supervisor", "operator", "planner", "architect", "programmer", "editor", "writer", "trainee",
    "cashier", "waiter", "receptionist", "secretary", "bookkeeper", "laborer", "labourer",
    "mechanic", "foreman", "postdoctoral", "professor", "lecturer", "tutor", "agent", "buyer",
    "recruiter", "generalist", "partner", "owner", "founder", "co-founder", "ceo", "cto", "cfo",
    "coo", "journeyman", "helper", "worker", "staff", "therapist", "physician", "doctor", "surgeon",
    "midwife", "carer", "instructor", "strategist", "marketer", "ingenieur", "entwickler", "leiter",
    "leiterin", "referent", "referentin", "berater", "beraterin", "techniker", "konstrukteur",
    "zeichner", "koch", "jungkoch", "praktikant", "praktikantin", "werkstudent", "werkstudentin",
    "lehrling", "vorarbeiter", "sachbearbeiter", "sachbearbeiterin", "ingénieur", "développeur",
    "responsable", "chargé", "chargée", "directeur", "directrice", "infirmier", "infirmière",
    "avocat", "avocate", "juriste", "comptable", "conseiller", "conseillère", "stagiaire", "commis",
    "sous-chef", "technicien", "technicienne", "gestionnaire", "collaborateur", "collaboratrice",
    "enseignant", "enseignante", "professeur", "jefe", "jefa", "ingeniero", "ingeniera",
    "desarrollador", "desarrolladora", "gerente", "enfermero", "enfermera", "supervisora",
    "técnico", "técnica", "auxiliar", "analista", "científico", "científica", "diseñador",
    "diseñadora", "cocinero", "cocinera", "profesor", "profesora", "coordinador", "coordinadora",
    "asistente", "becario", "becaria", "abogado", "abogada", "coordenador", "coordenadora",
    "executivo", "executiva", "desenvolvedor", "estagiário", "estagiária", "engenheiro",
    "engenheira", "diretor", "diretora", "explicador", "ingegnere", "sviluppatore", "responsabile",
    "farmacista", "tirocinante", "stagista", "docente", "insegnante", "addetto", "addetta",
    "operatore", "operatrice", "impiegato", "impiegata", "direttore", "tecnico", "progettista",
    "grafico", "leerkracht", "medewerker", "adviseur", "ontwikkelaar", "kierownik", "specjalista",
    "zastępca", "księgowa", "księgowy", "asystent", "asystentka", "inżynier", "programista",
    "kierowca", "senior", "junior"};
// clang-format on

// German compounds end in a title noun: "Entwicklungsingenieur", "Bilanzbuchhalterin".
// clang-format off
constexpr std::string_view kTitleSuffixes[] = {
    "ingenieur", "entwickler", "leiter", "leiterin", "referentin", "berater", "beraterin",
    "buchhalter", "buchhalterin", "techniker", "pflegerin", "pfleger", "schwester", "installateur",
    "zeichner", "schweißer", "schlosser", "angestellte", "angestellter", "kauffrau", "kaufmann",
    "assistentin", "manager", "designer", "analyst", "lehrer", "lehrerin", "koch", "monteur",
    "elektriker"};
// clang-format on

// clang-format off
constexpr std::string_view kLegalForms[] = {
    "gmbh", "ag", "kg", "ohg", "ug", "se", "ltd", "ltd.", "limited", "inc", "inc.", "llc", "llp",
    "plc", "corp", "corp.", "co.", "s.a.", "sa", "s.l.", "sl", "sas", "sarl", "s.a.r.l.", "s.p.a.",
    "spa", "s.r.l.", "srl", "b.v.", "bv", "n.v.", "nv", "a/s", "aps", "ab", "oy", "lda.", "lda",
    "ltda.", "ltda", "pvt.", "pvt", "pte.", "pte", "sp.", "o.o.", "gbr", "e.v.", "mbh", "kgaa",
    "s.c.", "sa.", "company", "cie", "group", "pty", "k.k.", "ggmbh", "partg", "partgmbb", "mbb",
    "e.k.", "s.a.s.", "s.a.s", "s.a", "sàrl", "s.à", "r.l.", "s.r.o.", "vzw", "asbl", "bvba",
    "e.v", "ltée", "ltee", "inc.,", "s.c", "a.c.", "s.c.s."};
// clang-format on

// clang-format off
constexpr std::string_view kOrgWords[] = {
    "group", "gruppe", "groupe", "grupo", "gruppo", "holdings", "holding", "bank", "banco", "banca",
    "hospital", "hôpital", "klinikum", "klinik", "clinique", "clínica", "clinica", "krankenhaus",
    "university", "universität", "université", "universidad", "universidade", "università",
    "universiteit", "uniwersytet", "college", "school", "schule", "école", "escuela", "escola",
    "scuola", "liceo", "lycée", "institute", "institut", "instituto", "istituto", "academy",
    "akademie", "agency", "agentur", "agence", "agencia", "agenzia", "studio", "estudio",
    "restaurant", "restaurante", "ristorante", "hotel", "hôtel", "labs", "software", "solutions",
    "systems", "technologies", "technology", "tech", "consulting", "services", "partners",
    "associates", "associés", "cabinet", "kanzlei", "farmacia", "pharmacy", "apotheke", "trust",
    "nhs", "council", "gemeente", "mairie", "ayuntamiento", "comune", "ministry", "ministerio",
    "foundation", "fundação", "fundación", "stiftung", "cooperative", "compagnie", "compañía",
    "companhia", "media", "logistics", "logistik", "retail", "fabrication", "works", "werke",
    "stores", "center", "centre", "centro", "health", "energy", "telecom", "insurance",
    "versicherung", "seguros", "capital", "freelance", "selbstständig", "indépendant", "autónomo",
    "brands", "bakery", "industries", "sistemas", "tecnologia", "distribuição", "distribution",
    "distributie", "transport", "outfitters", "commerce", "e-commerce", "store", "schools",
    "contractors", "erectors"};
// clang-format on

std::string_view StripPunct(std::string_view w) {
  while (!w.empty() && (w.front() == '(' || w.front() == '"' || w.front() == ',')) {
    w.remove_prefix(1);
  }
  while (!w.empty() && (w.back() == ')' || w.back() == ',' || w.back() == '"' || w.back() == ';' ||
                        w.back() == ':')) {
    w.remove_suffix(1);
  }
  return w;
}

bool In(std::string_view w, const auto& list) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Hash sets over the vocabularies: scoring runs for every heading unit several times.
using WordSet = std::unordered_set<std::string_view>;
const WordSet& TitleSet() {
  static const WordSet set(std::begin(kTitleWords), std::end(kTitleWords));
  return set;
}
const WordSet& LegalSet() {
  static const WordSet set(std::begin(kLegalForms), std::end(kLegalForms));
  return set;
}
const WordSet& OrgSet() {
  static const WordSet set(std::begin(kOrgWords), std::end(kOrgWords));
  return set;
}

}  // namespace

double TitleScore(std::string_view text) {
  const std::string f = Fold(text);
  double score = 0;
  for (auto w : Words(f)) {
    w = StripPunct(w);
    if (w.empty()) continue;
    if (TitleSet().contains(w)) {
      score += (w == "senior" || w == "junior") ? 0.5 : 1.0;
      continue;
    }
    for (const auto suffix : kTitleSuffixes) {
      if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) {
        score += 1.0;
        break;
      }
    }
  }
  return score;
}

bool LooksLikeLegalForm(std::string_view segment) {
  const std::string f = Fold(TrimSeparators(segment));
  const auto words = Words(f);
  if (words.empty() || words.size() > 3) return false;
  return std::all_of(words.begin(), words.end(), [](auto w) {
    return LegalSet().contains(StripPunct(w)) || w == "z" || w == "o.o.";
  });
}

double OrganisationScore(std::string_view text) {
  const std::string f = Fold(text);
  double score = 0;
  const auto words = Words(f);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto w = StripPunct(words[i]);
    if (w.empty()) continue;
    // Legal forms count at the end of a name (or before a place): "Acme GmbH", "Foo Ltd.,".
    if (i > 0 && LegalSet().contains(w) && w != "company" && w != "group") score += 2.0;
    if (OrgSet().contains(w)) score += 1.0;
    if (w == "&") score += 0.5;
  }
  for (std::size_t i = 0; i + 1 < f.size(); ++i) {
    // CJK characters in a name line mostly spell a company's local name.
    if (static_cast<unsigned char>(f[i]) >= 0xE4 && static_cast<unsigned char>(f[i]) <= 0xE9) {
      score += 0.5;
      break;
    }
  }
  return score;
}

bool LooksLikePlaceTail(std::string_view segment) {
  auto s = TrimSeparators(segment);
  if (s.starts_with("(") && s.ends_with(")")) s = s.substr(1, s.size() - 2);
  if (s.size() >= 2 && s.size() <= 3 &&
      std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return true;
  }
  // clang-format off
  static constexpr std::string_view kCountries[] = {
      "usa", "united states", "uk", "united kingdom", "england", "scotland", "wales", "ireland",
      "canada", "germany", "deutschland", "france", "spain", "españa", "italy", "italia",
      "portugal", "brasil", "brazil", "netherlands", "nederland", "belgium", "belgique", "belgië",
      "switzerland", "schweiz", "suisse", "austria", "österreich", "poland", "polska", "china",
      "japan", "india", "singapore", "nigeria", "mexico", "méxico", "colombia", "argentina",
      "chile", "peru", "denmark", "danmark", "sweden", "norway", "finland", "australia",
      "new zealand", "south africa", "kenya", "ghana", "egypt", "uae", "turkey", "greece",
      "czech republic", "hungary", "romania", "ukraine", "israel", "korea", "vietnam",
      "philippines"};
  // clang-format on
  return In(std::string_view(Fold(s)), kCountries);
}

bool LooksLikePlace(std::string_view segment) {
  const auto s = TrimSeparators(segment);
  if (s.empty() || WordCount(s) > 4 || LooksLikeLegalForm(s)) return false;
  const auto first = static_cast<unsigned char>(s[0]);
  if ((first >= 'a' && first <= 'z') || IsDigit(s[0]) || s[0] == '(') return false;
  if (std::any_of(s.begin(), s.end(), IsDigit)) return false;
  for (std::string_view sep : {" | ", " · ", " — ", " – ", " - ", " / "}) {
    if (s.find(sep) != std::string_view::npos) return false;
  }
  return OrganisationScore(s) == 0 && TitleScore(s) == 0;
}

// "Company, City, ST": the comma-separated tail.
std::pair<std::string, std::string> SplitCommaLocation(std::string_view text) {
  std::vector<std::string_view> segs;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == ',' && text[i + 1] == ' ') {
      segs.push_back(text.substr(start, i - start));
      start = i + 2;
    }
  }
  segs.push_back(text.substr(start));
  if (segs.size() < 2) return {std::string(text), ""};
  const auto last = TrimSeparators(segs.back());
  if (LooksLikeLegalForm(last) || last.empty()) return {std::string(text), ""};
  const auto first = static_cast<unsigned char>(last[0]);
  if (first >= 'a' && first <= 'z') return {std::string(text), ""};
  std::size_t take = 1;
  if (segs.size() >= 3 && LooksLikePlaceTail(last) && !LooksLikeLegalForm(segs[segs.size() - 2])) {
    take = 2;
  }
  const std::size_t org_end = segs.size() - take;
  for (std::size_t i = org_end; i < segs.size(); ++i) {
    if (WordCount(segs[i]) > 4 || OrganisationScore(segs[i]) >= 1.0) {
      return {std::string(text), ""};
    }
  }
  const auto cut = static_cast<std::size_t>(segs[org_end].data() - text.data());
  return {std::string(TrimSeparators(text.substr(0, cut))),
          std::string(TrimSeparators(text.substr(cut)))};
}

std::pair<std::string, std::string> SplitLocation(std::string_view text) {
  if (auto split = SplitCommaLocation(text); !split.second.empty()) return split;
  // "Acme Ltd | Geelong", "Grupo Aburrá S.A.S. · Medellín", "Karoo Retail — Cape Town".
  for (std::string_view sep : {" | ", " · ", " — ", " – "}) {
    const auto at = text.rfind(sep);
    if (at == std::string_view::npos || at == 0) continue;
    const auto right = TrimSeparators(text.substr(at + sep.size()));
    const auto left = TrimSeparators(text.substr(0, at));
    if (left.empty() || !LooksLikePlace(right)) continue;
    return {std::string(left), std::string(right)};
  }
  // "Harbour Lane Cafe (Wollongong)": a place in parentheses at the end.
  if (text.ends_with(")")) {
    const auto open = text.rfind(" (");
    if (open != std::string_view::npos && open > 0) {
      const auto inner = text.substr(open + 2, text.size() - open - 3);
      if (LooksLikePlace(inner) && WordCount(inner) <= 3) {
        return {std::string(TrimSeparators(text.substr(0, open))), std::string(inner)};
      }
    }
  }
  return {std::string(text), ""};
}

bool LooksLikeProse(std::string_view text) {
  const auto words = WordCount(text);
  if (words >= 12) return true;
  if (words >= 4 && text.ends_with(".")) {
    const auto last = Words(text).back();
    return !LooksLikeLegalForm(last) && last.size() > 4;
  }
  return false;
}

}  // namespace jc::parsing::entry
