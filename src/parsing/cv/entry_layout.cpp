#include "parsing/cv/entry_layout.hpp"

#include <algorithm>

namespace jc::parsing::entry {
namespace {

enum class Kind { kHead, kBullet, kCont, kProse, kDropped };

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'a' && c <= 'z') return true;
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x9F;
}

bool EndsWithConnector(std::string_view s) {
  const auto words = Words(s);
  if (words.empty()) return false;
  const std::string last = Fold(words.back());
  for (std::string_view w : {"de",  "la",  "of",  "und", "and", "et",  "en", "y",   "e", "di",
                             "der", "für", "zur", "zum", "the", "for", "in", "–",   "-", "&",
                             "van", "do",  "da",  "del", "des", "du",  "le", "les", "a"}) {
    if (last == w) return true;
  }
  return false;
}

std::vector<Kind> Classify(const std::vector<EntryLine>& lines, float max_x1) {
  std::vector<Kind> kinds(lines.size(), Kind::kHead);
  float head_x0 = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const auto& l = lines[k];
    const Kind prev = k > 0 ? kinds[k - 1] : Kind::kHead;
    const bool plain = !l.bold && !l.italic;
    const bool indented = l.pdf && plain && head_x0 > 0 && l.x0 > head_x0 + 6;
    const bool prev_full = k > 0 && l.pdf && lines[k - 1].x1 >= max_x1 - 45;
    Kind kind = Kind::kHead;
    if (l.bullet) {
      kind = Kind::kBullet;
    } else if (l.dates) {
      kind = Kind::kHead;
    } else if (prev == Kind::kBullet || prev == Kind::kCont) {
      if (StartsLower(l.text) || (indented && prev_full)) {
        kind = Kind::kCont;
      } else if (indented) {
        kind = Kind::kBullet;  // a bullet whose mark the PDF lost
      } else if (LooksLikeProse(l.text)) {
        kind = Kind::kProse;
      }
    } else if (prev == Kind::kProse &&
               (StartsLower(l.text) || (l.text[0] >= '0' && l.text[0] <= '9') ||
                (prev_full && plain))) {
      kind = Kind::kProse;
    } else if (LooksLikeProse(l.text) && (plain || l.text.ends_with("."))) {
      kind = Kind::kProse;
    } else if (indented && prev != Kind::kHead) {
      kind = StartsLower(l.text) ? Kind::kCont : Kind::kBullet;
    }
    if (kind == Kind::kHead)
      head_x0 = (prev == Kind::kHead && head_x0 > 0) ? std::min(head_x0, l.x0) : l.x0;
    kinds[k] = kind;
  }
  return kinds;
}

}  // namespace

std::vector<Entry> GroupEntries(const std::vector<EntryLine>& in) {
  std::vector<EntryLine> lines = in;
  float max_x1 = 0;
  for (const auto& l : lines) max_x1 = std::max(max_x1, l.x1);
  auto kinds = Classify(lines, max_x1);
  // Heading lines wrapped in a narrow PDF column: "Licence en Information et" / "communication".
  for (std::size_t k = 1; k < lines.size(); ++k) {
    std::size_t i = k - 1;
    while (i > 0 && kinds[i] == Kind::kDropped) --i;
    auto& a = lines[i];
    const auto& b = lines[k];
    if (!b.pdf || kinds[i] != Kind::kHead || kinds[k] != Kind::kHead || b.dates) continue;
    if (a.bold != b.bold || a.italic != b.italic || std::abs(a.x0 - b.x0) > 3) continue;
    if (a.x1 < max_x1 - 25 || a.rest.empty()) continue;
    const bool wrapped = WordCount(b.rest) == 1 || StartsLower(b.rest) || b.rest[0] == '(' ||
                         EndsWithConnector(a.rest);
    if (!wrapped) continue;
    const auto at = a.text.find(a.rest);
    const bool comma = at != std::string::npos && at + a.rest.size() < a.text.size() &&
                       a.text[at + a.rest.size()] == ',';
    a.rest += (comma ? ", " : " ") + b.rest;
    kinds[k] = Kind::kDropped;
  }
  // Runs of heading lines, split into entries where a run holds several date lines.
  std::vector<std::size_t> pos;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (kinds[k] != Kind::kDropped) pos.push_back(k);
  }
  int offset = -1;
  std::vector<Entry> entries;
  std::size_t p = 0;
  while (p < pos.size()) {
    if (kinds[pos[p]] != Kind::kHead) {
      // Body before any heading: attach to the previous entry, or start one.
      if (entries.empty()) entries.emplace_back();
      entries.back().body.push_back(pos[p]);
      ++p;
      continue;
    }
    std::size_t e = p;
    while (e < pos.size() && kinds[pos[e]] == Kind::kHead) ++e;
    std::vector<std::size_t> date_at;
    for (std::size_t q = p; q < e; ++q) {
      if (lines[pos[q]].dates) date_at.push_back(q - p);
    }
    if (offset < 0 && !date_at.empty())
      offset = static_cast<int>(std::min<std::size_t>(date_at[0], 2));
    std::vector<std::size_t> starts = {0};
    for (std::size_t d = 1; d < date_at.size(); ++d) {
      const auto off = static_cast<std::size_t>(std::max(offset, 0));
      std::size_t s = date_at[d] >= off ? date_at[d] - off : 0;
      s = std::max(s, starts.back() + 1);
      if (s <= date_at[d - 1]) s = date_at[d - 1] + 1;
      if (s < e - p) starts.push_back(s);
    }
    for (std::size_t s = 0; s < starts.size(); ++s) {
      const std::size_t b = p + starts[s];
      const std::size_t end = s + 1 < starts.size() ? p + starts[s + 1] : e;
      Entry entry;
      for (std::size_t q = b; q < end; ++q) {
        const auto& l = lines[pos[q]];
        if (l.dates && !entry.dates) {
          entry.dates = l.dates;
          entry.dates_line = l.index;
        }
        if (l.rest.empty()) continue;
        if (l.rest_after_bar) {
          entry.location = l.rest;
          entry.location_line = l.index;
        } else {
          entry.units.push_back(Unit{l.rest, l.index, false});
        }
      }
      entries.push_back(std::move(entry));
    }
    p = e;
  }
  // Bodies: bullets, their continuations, prose.
  for (auto& entry : entries) {
    for (const auto k : entry.body) {
      const auto& l = lines[k];
      switch (kinds[k]) {
        case Kind::kBullet:
          entry.highlights.push_back(l.text);
          entry.highlight_lines.push_back(l.index);
          break;
        case Kind::kCont:
          if (!entry.highlights.empty()) {
            entry.highlights.back() += " " + l.text;
          } else {
            entry.description = entry.description ? *entry.description + " " + l.text : l.text;
          }
          break;
        case Kind::kProse:
          if (entry.description) {
            *entry.description += " " + l.text;
          } else {
            entry.description = l.text;
          }
          break;
        case Kind::kHead:
        case Kind::kDropped:
          break;
      }
    }
  }
  return entries;
}

std::optional<std::vector<Unit>> SplitUnit(const Unit& unit) {
  const std::string_view t = unit.text;
  const std::string f = Fold(t);
  for (std::string_view sep : {" at ", " @ ", " bei ", " chez ", " presso "}) {
    const auto at = f.find(sep);
    if (at == std::string::npos || at == 0) continue;
    const auto left = TrimSeparators(t.substr(0, at));
    const auto right = TrimSeparators(t.substr(at + sep.size()));
    if (left.empty() || right.empty()) continue;
    return std::vector<Unit>{Unit{std::string(left), unit.line, true},
                             Unit{std::string(right), unit.line, false}};
  }
  for (std::string_view sep : {" | ", " – ", " — ", " - ", " · ", ", "}) {
    const auto at = t.find(sep);
    if (at == std::string_view::npos) continue;
    const auto left = TrimSeparators(t.substr(0, at));
    const auto right = TrimSeparators(t.substr(at + sep.size()));
    if (left.empty() || right.empty()) continue;
    const double evidence =
        TitleScore(left) + OrganisationScore(right) + TitleScore(right) + OrganisationScore(left);
    if (sep == ", " && evidence == 0) continue;
    return std::vector<Unit>{Unit{std::string(left), unit.line, false},
                             Unit{std::string(right), unit.line, false}};
  }
  return std::nullopt;
}

}  // namespace jc::parsing::entry
