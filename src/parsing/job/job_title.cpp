#include "parsing/job/job_title.hpp"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {
namespace {

// A parenthetical or dash-separated part of a title that states a condition of employment, not
// the job: contract, hours, shift, start date, pay.
bool IsCondition(std::string_view lower) {
  static const CueSet kConditions{"contract",
                                  "freelance",
                                  "cdi",
                                  "cdd",
                                  "part-time",
                                  "part time",
                                  "full-time",
                                  "full time",
                                  "teilzeit",
                                  "vollzeit",
                                  "jornada",
                                  "remote",
                                  "hybrid",
                                  "télétravail",
                                  "teletrabajo",
                                  "homeoffice",
                                  "shift",
                                  "shifts",
                                  "nights",
                                  "night",
                                  "days",
                                  "weekend*",
                                  "month",
                                  "months",
                                  "mois",
                                  "meses",
                                  "monate",
                                  "ir35",
                                  "w2",
                                  "c2c",
                                  "1099",
                                  "summer",
                                  "winter",
                                  "spring",
                                  "fall",
                                  "autumn",
                                  "pflichtpraktikum",
                                  "school year",
                                  "ab",
                                  "à partir de",
                                  "starting",
                                  "start",
                                  "home every",
                                  "home weekly",
                                  "hrs/week",
                                  "hours",
                                  "24/7",
                                  "temporary",
                                  "temp",
                                  "permanent",
                                  "befristet",
                                  "unbefristet",
                                  "interim",
                                  "mission",
                                  "indefinido",
                                  "temporal",
                                  "internship",
                                  "immediate start",
                                  "ab sofort",
                                  "dès que possible",
                                  "urgent",
                                  "now hiring",
                                  "hiring",
                                  "per hour",
                                  "/hr",
                                  "tjm",
                                  "2nd",
                                  "3rd shift",
                                  "1st shift"};
  return HasAnyCue(lower, kConditions) || lower.find('%') != std::string_view::npos ||
         lower.find('$') != std::string_view::npos ||
         lower.find("\xE2\x82\xAC") != std::string_view::npos;
}

bool IsGenderMarker(std::string_view inner) {
  // "m/w/d", "H/F", "f/m/x", "all genders", "gn": single letters separated by '/'.
  const std::string l = Lower(inner);
  if (l == "all genders" || l == "gn" || l == "m/w/d" || l == "w/m/d") return true;
  if (l.size() < 3) return false;
  for (std::size_t i = 0; i < l.size(); ++i) {
    const bool letter_slot = i % 2 == 0;
    if (letter_slot && !(l[i] >= 'a' && l[i] <= 'z')) return false;
    if (!letter_slot && l[i] != '/' && l[i] != '|') return false;
  }
  return true;
}

bool LooksLikePlace(std::string_view lower, std::string_view location_lower) {
  if (!location_lower.empty()) {
    std::string_view city = location_lower.substr(0, location_lower.find(','));
    city = Trim(city);
    if (city.size() >= 3 && HasCue(lower, city)) return true;
  }
  return lower.find(',') != std::string_view::npos &&
         lower.find("&") == std::string_view::npos;  // "(Barcelona, Poblenou)"
}

std::string TitleCase(std::string_view s) {
  static constexpr std::string_view kSmall[] = {
      "of",   "and", "the", "for", "in",  "im", "am", "de", "del", "la",
      "le",   "les", "et",  "y",   "und", "a",  "à",  "en", "für", "zu",
      "with", "con", "du",  "des", "di",  "da", "to", "at", "on"};
  std::string out;
  std::size_t i = 0;
  bool first = true;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    const std::string_view word = s.substr(i, j - i);
    std::string w = Lower(word);
    bool small = false;
    for (const auto sw : kSmall) small = small || w == sw;
    std::size_t letters = 0;
    bool digit_or_dash = false;
    for (const char c : word) {
      if (c >= 'A' && c <= 'Z') ++letters;
      if (IsAsciiDigit(c) || c == '-' || c == '/' || c == '.') digit_or_dash = true;
    }
    if (!first && small) {
      out += w;
    } else if ((letters <= 3 && letters == word.size()) || (digit_or_dash && letters <= 4)) {
      out += word;  // acronyms: CE, OTR, CDL-A
    } else {
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
      out += w;
    }
    if (j < s.size()) out += ' ';
    first = false;
    i = j + 1;
  }
  return out;
}

bool AllCaps(std::string_view s) {
  int upper = 0, lower = 0;
  for (const char c : s) {
    upper += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
  }
  return upper >= 4 && lower == 0;
}

// Removes "(...)" groups that are gender markers, conditions or places.
std::string DropParentheticals(std::string_view s, std::string_view location_lower) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t open = s.find('(', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = s.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view inner = s.substr(open + 1, close - open - 1);
    const std::string inner_lower = Lower(inner);
    const bool glued = open > 0 && s[open - 1] != ' ';  // "Assistant(e)", "Ejecutivo(a)"
    if (!glued && (IsGenderMarker(inner) || IsCondition(inner_lower) ||
                   LooksLikePlace(inner_lower, location_lower))) {
      out.append(s.substr(i, open - i));
      while (!out.empty() && out.back() == ' ') out.pop_back();
    } else {
      out.append(s.substr(i, close + 1 - i));
    }
    i = close + 1;
  }
  out.append(s.substr(std::min(i, s.size())));
  return out;
}

}  // namespace

std::string CleanTitle(std::string_view raw, std::string_view location) {
  const std::string location_lower = Lower(location);
  std::string s = DropParentheticals(Trim(raw), location_lower);
  // "Entwickler*in", "Pflegefachkraft:in".
  for (const std::string_view suffix : {"*innen", "*in", ":innen", ":in", "_in"}) {
    for (std::size_t at = s.find(suffix); at != std::string::npos; at = s.find(suffix, at)) {
      const std::size_t end = at + suffix.size();
      if (end < s.size() && IsWordByte(s, end)) {
        ++at;
        continue;
      }
      s.erase(at, suffix.size());
    }
  }
  // Dash- or bar-separated parts: keep the job, drop conditions, places and the company.
  struct Part {
    std::string text;
    std::string sep;
  };
  std::vector<Part> parts;
  std::size_t i = 0;
  std::string sep;
  while (i <= s.size()) {
    std::size_t best = std::string::npos;
    std::string_view best_sep;
    for (const std::string_view d :
         {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " | ", " \xC2\xB7 ", " / 100"}) {
      const std::size_t at = s.find(d, i);
      if (at < best) {
        best = at;
        best_sep = d;
      }
    }
    const std::size_t end = best == std::string::npos ? s.size() : best;
    parts.push_back({std::string(Trim(std::string_view(s).substr(i, end - i))), sep});
    if (best == std::string::npos) break;
    sep = std::string(best_sep);
    i = best + best_sep.size();
  }
  std::string out;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const std::string lower = Lower(parts[p].text);
    static const CueSet kCompanyForms{"inc",  "inc.", "llc",  "ltd", "gmbh", "co.",
                                      "s.a.", "sas",  "s.l.", "ag",  "corp", "corporation"};
    const bool company = HasAnyCue(lower, kCompanyForms);
    if (p > 0 && (IsCondition(lower) || LooksLikePlace(lower, location_lower) || company ||
                  lower.find('(') != std::string::npos)) {
      continue;
    }
    if (p == 0 && parts.size() > 1 && IsCondition(lower) && !HasCue(lower, "stage")) continue;
    if (!out.empty()) out += parts[p].sep;
    out += parts[p].text;
  }
  // Trailing "à 100 %", "80-100%".
  for (std::size_t pct = out.rfind('%'); pct != std::string::npos && pct + 1 >= out.size();
       pct = out.rfind('%')) {
    std::size_t b = out.rfind(' ', pct >= 2 ? pct - 2 : 0);
    if (b == std::string::npos) break;
    out.erase(b);
    for (const std::string_view w : {" à", " zu", " al", " a"}) {
      if (out.size() >= w.size() && out.substr(out.size() - w.size()) == w) {
        out.erase(out.size() - w.size());
      }
    }
  }
  out = std::string(Trim(out));
  while (!out.empty() && (out.back() == ',' || out.back() == '-' || out.back() == ':')) {
    out.pop_back();
    out = std::string(Trim(out));
  }
  if (AllCaps(out)) {
    out = TitleCase(out);
    // "LINE COOKS", "TRUCK DRIVERS": a hiring headline's plural names one job.
    if (out.size() > 3 && out.back() == 's' && out[out.size() - 2] != 's') out.pop_back();
  }
  return out;
}

std::string HeadlineOf(std::string_view first_line) {
  std::string_view line = Trim(first_line);
  const std::string lower = Lower(line);
  for (const std::string_view prefix :
       {"now hiring:", "we're hiring:", "hiring:", "job title:", "position:", "title:",
        "stellenangebot:", "poste :", "puesto:"}) {
    if (lower.substr(0, prefix.size()) == prefix)
      return std::string(Trim(line.substr(prefix.size())));
  }
  for (const std::string_view cue :
       {"is hiring an ", "is hiring a ", "are hiring an ", "are hiring a ", "looking for an ",
        "looking for a ", "seeking an ", "seeking a ", "hiring an ", "hiring a "}) {
    const std::size_t at = lower.find(cue);
    if (at == std::string::npos) continue;
    const std::size_t b = at + cue.size();
    std::size_t e = lower.size();
    for (const std::string_view stop :
         {" to ", " who ", " for ", " with ", " in ", " at ", ", ", ". ", " that ", " on "}) {
      const std::size_t p = lower.find(stop, b);
      if (p < e) e = p;
    }
    if (e > b && lower.back() == '.' && e == lower.size()) --e;
    return std::string(Trim(line.substr(b, e - b)));
  }
  const std::size_t wanted = lower.find(" wanted");
  if (wanted != std::string::npos && wanted < 60) return std::string(line.substr(0, wanted));
  if (line.size() > 100) return {};
  return std::string(line);
}

std::optional<std::string> LocationFromText(std::string_view text) {
  return LocationFromText(text, Lower(text));
}

std::optional<std::string> LocationFromText(std::string_view text, std::string_view whole_lower) {
  // The first 4000 bytes (Lower keeps offsets, and lowering a prefix lowers it alike).
  const std::string_view lower = whole_lower.substr(0, 4000);
  static constexpr std::string_view kCues[] = {
      "location:",  "job location:", "standort:",      "arbeitsort:",   "einsatzort:",
      "lieu :",     "lieu:",         "localisation :", "localisation:", "ubicación:",
      "ubicacion:", "lugar:",        "sede:",          "locatie:",      "based in "};
  // Every occurrence of every cue, ordered by cue, then position: the order of trying each cue
  // in turn. All but the last end in ':', so they are found back from the colons, in one pass.
  thread_local std::vector<std::pair<std::size_t, std::size_t>> hits;  // (cue, position)
  hits.clear();
  constexpr std::size_t kBasedIn = std::size(kCues) - 1;
  for (std::size_t colon = lower.find(':'); colon != std::string_view::npos;
       colon = lower.find(':', colon + 1)) {
    for (std::size_t c = 0; c < kBasedIn; ++c) {
      const std::string_view cue = kCues[c];
      if (colon + 1 >= cue.size() && BytesAt(lower, colon + 1 - cue.size(), cue)) {
        hits.emplace_back(c, colon + 1 - cue.size());
      }
    }
  }
  for (std::size_t at = lower.find(kCues[kBasedIn]); at != std::string_view::npos;
       at = lower.find(kCues[kBasedIn], at + 1)) {
    hits.emplace_back(kBasedIn, at);
  }
  std::sort(hits.begin(), hits.end());
  for (const auto& [c, at] : hits) {
    const std::string_view cue = kCues[c];
    if (at > 0 && IsWordByte(lower, at - 1)) continue;
    const std::size_t b = at + cue.size();
    std::size_t e = lower.find('\n', b);
    if (e == std::string_view::npos) e = lower.size();
    std::string_view value = Trim(text.substr(b, e - b));
    const std::size_t cut = value.find_first_of(".;(");
    if (cut != std::string_view::npos && cut > 2) value = Trim(value.substr(0, cut));
    const std::string v = Lower(value);
    if (value.empty() || value.size() > 60 || HasAnyCue(v, {"in person", "on the road"})) continue;
    return std::string(value);
  }
  return std::nullopt;
}

}  // namespace jc::parsing::job
