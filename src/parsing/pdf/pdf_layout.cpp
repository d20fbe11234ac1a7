#include "parsing/pdf/pdf_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <map>
#include <string_view>
#include <utility>

namespace jc::parsing::pdf {
namespace {

// Tunables, in units of the font size (em) unless noted. Chosen on the synthetic corpus and on
// common CV templates: word spaces are ~0.25 em, column gutters >= 1.5 em.
constexpr float kSameBaseline = 0.3f;      // bottom edges this close, as a share of the box height
constexpr float kSegmentGapEm = 1.2f;      // a wider horizontal gap splits a line into segments
constexpr float kBulletGapEm = 3.0f;       // a bullet glyph stays with text this close
constexpr float kSpaceGapEm = 0.1f;        // a wider gap between two words becomes a space
constexpr float kBlockGapEm = 0.7f;        // a wider vertical gap starts a new block
constexpr float kMinGutterPt = 8.0f;       // narrowest whitespace accepted as a column gutter
constexpr double kMaxSpanningShare = 0.1;  // segments allowed to cross a gutter (e.g. the name)
constexpr double kMinColumnTextShare = 0.08;  // each column holds at least this share of text
constexpr double kMinAlignedShare = 0.3;      // share of a column's segments starting at one x
constexpr std::size_t kMinAlignedLines = 3;
constexpr float kAlignBucketPt = 3.0f;

// A run of words on one baseline without a wide gap; `first`..`last` index the sorted words.
struct Segment {
  std::size_t first = 0, last = 0;
  int raw_line = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::size_t chars = 0;
  int column = 0;
};

float Height(const Word& w) {
  return std::max(w.y1 - w.y0, 0.1f);
}

// Compares bottom edges rather than overlap: a sidebar line and a main-column line can overlap
// vertically by half a line without sharing a baseline.
bool SameLine(const Word& a, const Word& b) {
  return std::abs(a.y1 - b.y1) <= kSameBaseline * std::min(Height(a), Height(b));
}

// Symbol and Wingdings bullets (e.g. U+F0B7 from Word and LibreOffice) land in the Private Use
// Area, U+E000-U+F8FF; returns the byte length of such a leading glyph, or 0.
std::size_t PrivateUseGlyphLength(std::string_view text) {
  if (text.size() < 3) return 0;
  const auto b0 = static_cast<unsigned char>(text[0]);
  const auto b1 = static_cast<unsigned char>(text[1]);
  const bool in_area = b0 == 0xEE || (b0 == 0xEF && b1 <= 0xA3);
  return in_area && (b1 & 0xC0) == 0x80 ? 3 : 0;
}

bool IsBulletGlyph(std::string_view text) {
  if (text.size() == 3 && PrivateUseGlyphLength(text) == 3) return true;
  static constexpr std::array<std::string_view, 14> kGlyphs = {"•", "▪", "◦", "●", "-", "–", "*",
                                                               "►", "✓", "■", "▸", "‣", "○", "➢"};
  return std::find(kGlyphs.begin(), kGlyphs.end(), text) != kGlyphs.end();
}

// Sorts words into reading order within lines and cuts them into segments.
std::vector<Segment> BuildSegments(std::vector<Word>& words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.y1 < b.y1 || (a.y1 == b.y1 && a.x0 < b.x0);
  });
  std::vector<Segment> segments;
  std::size_t start = 0;
  int raw_line = 0;
  while (start < words.size()) {
    std::size_t end = start + 1;
    while (end < words.size() && SameLine(words[start], words[end])) ++end;
    std::sort(words.begin() + static_cast<std::ptrdiff_t>(start),
              words.begin() + static_cast<std::ptrdiff_t>(end),
              [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    Segment seg;
    for (std::size_t i = start; i < end; ++i) {
      const Word& w = words[i];
      const float gap = i > start ? w.x0 - words[i - 1].x1 : 0;
      const float em = std::max(w.font_size, 1.0f);
      const bool bullet = i > start && IsBulletGlyph(words[i - 1].text) && gap <= kBulletGapEm * em;
      const bool split = i > start && !bullet && gap > kSegmentGapEm * em;
      if (i == start || split) {
        if (i != start) segments.push_back(seg);
        seg = Segment{i, i, raw_line, w.x0, w.y0, w.x1, w.y1, 0, 0};
      }
      seg.last = i;
      seg.x0 = std::min(seg.x0, w.x0);
      seg.y0 = std::min(seg.y0, w.y0);
      seg.x1 = std::max(seg.x1, w.x1);
      seg.y1 = std::max(seg.y1, w.y1);
      seg.chars += w.text.size();
    }
    segments.push_back(seg);
    ++raw_line;
    start = end;
  }
  return segments;
}

// True when most of the segments start at one x: columns are left-aligned, while runs of
// right-aligned dates or centred text are not.
bool LeftAligned(const std::vector<const Segment*>& side) {
  std::map<long, std::size_t> starts;
  std::size_t best = 0;
  for (const Segment* s : side) {
    best = std::max(best, ++starts[std::lround(s->x0 / kAlignBucketPt)]);
  }
  return best >= kMinAlignedLines &&
         static_cast<double>(best) >= kMinAlignedShare * static_cast<double>(side.size());
}

struct Gutter {
  float middle = 0;
  std::size_t spanning = 0;
  float width = 0;
};

// Checks one whitespace run as a gutter: both sides need enough left-aligned text and only a few
// segments (a name, a rule of text) may cross it.
bool AcceptGutter(const std::vector<Segment>& segments, std::size_t total_chars, Gutter& gutter) {
  std::vector<const Segment*> left, right;
  std::size_t left_chars = 0, right_chars = 0;
  gutter.spanning = 0;
  for (const Segment& s : segments) {
    if (s.x1 <= gutter.middle) {
      left.push_back(&s);
      left_chars += s.chars;
    } else if (s.x0 >= gutter.middle) {
      right.push_back(&s);
      right_chars += s.chars;
    } else {
      ++gutter.spanning;
    }
  }
  const auto min_chars = kMinColumnTextShare * static_cast<double>(total_chars);
  return static_cast<double>(gutter.spanning) <=
             std::max(2.0, kMaxSpanningShare * static_cast<double>(segments.size())) &&
         left.size() >= 3 && right.size() >= 3 && static_cast<double>(left_chars) >= min_chars &&
         static_cast<double>(right_chars) >= min_chars && LeftAligned(left) && LeftAligned(right);
}

// Finds the x of the best vertical whitespace gutter, or returns false for a single column.
bool FindGutter(const std::vector<Segment>& segments, float& middle) {
  if (segments.size() < 6) return false;
  float min_x = segments.front().x0, max_x = segments.front().x1;
  std::size_t total_chars = 0;
  for (const Segment& s : segments) {
    min_x = std::min(min_x, s.x0);
    max_x = std::max(max_x, s.x1);
    total_chars += s.chars;
  }
  const auto origin = static_cast<long>(std::floor(min_x));
  const auto bins = static_cast<std::size_t>(std::ceil(max_x) - static_cast<float>(origin)) + 1;
  if (bins < 3 || bins > 20000) return false;
  std::vector<int> delta(bins + 1, 0);
  for (const Segment& s : segments) {
    delta[static_cast<std::size_t>(std::lround(std::floor(s.x0)) - origin)] += 1;
    delta[static_cast<std::size_t>(std::lround(std::ceil(s.x1)) - origin)] -= 1;
  }
  const auto allowed =
      static_cast<int>(std::max(2.0, kMaxSpanningShare * static_cast<double>(segments.size())));
  bool found = false;
  Gutter best;
  int coverage = 0;
  std::size_t run_start = 0;
  bool in_run = false;
  for (std::size_t b = 0; b <= bins; ++b) {
    coverage += b < bins ? delta[b] : 0;
    const bool open = b < bins && coverage <= allowed;
    if (open && !in_run) run_start = b;
    if (!open && in_run) {
      Gutter candidate;
      candidate.width = static_cast<float>(b - run_start);
      candidate.middle = static_cast<float>(origin) + static_cast<float>(run_start + b) / 2.0f;
      if (candidate.width >= kMinGutterPt && run_start > 0 && b < bins &&
          AcceptGutter(segments, total_chars, candidate) &&
          (!found || candidate.spanning < best.spanning ||
           (candidate.spanning == best.spanning && candidate.width > best.width))) {
        best = candidate;
        found = true;
      }
    }
    in_run = open;
  }
  middle = best.middle;
  return found;
}

// A segment crossing the gutter's middle still belongs to a column when it does not reach into
// the other column's text (a long sidebar line that runs into the whitespace).
void AssignColumns(std::vector<Segment>& segments, float middle) {
  float left_max_x1 = 0, right_min_x0 = 1e9f;
  for (const Segment& s : segments) {
    if (s.x1 <= middle) left_max_x1 = std::max(left_max_x1, s.x1);
    if (s.x0 >= middle) right_min_x0 = std::min(right_min_x0, s.x0);
  }
  for (Segment& s : segments) {
    if (s.x1 <= middle || s.x1 <= right_min_x0) {
      s.column = 1;
    } else if (s.x0 >= middle || s.x0 >= left_max_x1) {
      s.column = 2;
    } else {
      s.column = 0;
    }
  }
}

// Decodes enough UTF-8 to tell upper from lower case in Latin, Greek and Cyrillic scripts.
bool AllCaps(std::string_view text) {
  bool upper = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t cp = b;
    std::size_t len = 1;
    if (b >= 0xC0 && b < 0xE0 && i + 1 < text.size()) {
      cp = (char32_t{b} & 0x1F) << 6 | (char32_t{static_cast<unsigned char>(text[i + 1])} & 0x3F);
      len = 2;
    } else if (b >= 0xE0) {
      len = b >= 0xF0 ? 4 : 3;
      cp = 0;
    }
    i += len;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
        (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F) ||
        (cp >= 0x100 && cp <= 0x17F && cp % 2 == 1)) {
      return false;
    }
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
        (cp >= 0x391 && cp <= 0x3AB) || (cp >= 0x400 && cp <= 0x42F) ||
        (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0)) {
      upper = true;
    }
  }
  return upper;
}

void CollapseSpaces(std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  text = std::move(out);
}

// Removes a leading bullet glyph; returns true when there was one.
bool StripBullet(std::string& text) {
  if (const std::size_t length = PrivateUseGlyphLength(text); length > 0) {
    text.erase(0, length);
    CollapseSpaces(text);
    if (!text.empty() && text.front() == ' ') text.erase(0, 1);
    return true;
  }
  static constexpr std::array<std::string_view, 14> kAlone = {"•", "▪", "◦", "●", "►",  "✓",  "■",
                                                              "▸", "‣", "○", "➢", "- ", "– ", "* "};
  for (std::string_view glyph : kAlone) {
    if (text.starts_with(glyph)) {
      text.erase(0, glyph.size());
      CollapseSpaces(text);
      if (!text.empty() && text.front() == ' ') text.erase(0, 1);
      return true;
    }
  }
  return false;
}

// Builds one Line from the words of the given segments (all on one baseline, sorted by x).
Line MakeLine(const std::vector<Word>& words, const std::vector<const Segment*>& parts, int page,
              int column) {
  Line line;
  line.page = page;
  line.column = column;
  line.x0 = parts.front()->x0;
  line.y0 = parts.front()->y0;
  line.x1 = parts.front()->x1;
  line.y1 = parts.front()->y1;
  float size_sum = 0;
  std::size_t chars = 0, bold_chars = 0, italic_chars = 0;
  const Word* previous = nullptr;
  for (const Segment* part : parts) {
    line.x0 = std::min(line.x0, part->x0);
    line.y0 = std::min(line.y0, part->y0);
    line.x1 = std::max(line.x1, part->x1);
    line.y1 = std::max(line.y1, part->y1);
    for (std::size_t i = part->first; i <= part->last; ++i) {
      const Word& w = words[i];
      if (previous != nullptr && w.x0 - previous->x1 > kSpaceGapEm * w.font_size) {
        line.text.push_back(' ');
      }
      line.text += w.text;
      // A bullet glyph often comes from a symbol font at another size; it says nothing of the
      // style of the item.
      const bool glyph = previous == nullptr && IsBulletGlyph(w.text);
      previous = &w;
      if (glyph) continue;
      const float n = static_cast<float>(w.text.size());
      size_sum += w.font_size * n;
      chars += w.text.size();
      if (w.bold) bold_chars += w.text.size();
      if (w.italic) italic_chars += w.text.size();
    }
  }
  CollapseSpaces(line.text);
  if (!line.text.empty() && line.text.front() == ' ') line.text.erase(0, 1);
  line.font_size = chars > 0 ? std::round(size_sum / static_cast<float>(chars) * 10.0f) / 10.0f : 0;
  line.bold = bold_chars * 2 > chars;
  line.italic = italic_chars * 2 > chars;
  if (StripBullet(line.text)) {
    line.role = LineRole::kListItem;
    line.list_level = 1;
  }
  line.all_caps = AllCaps(line.text);
  return line;
}

struct Placed {
  Line line;
  int band = 0;
};

}  // namespace

void LayoutPage(std::vector<Word> words, int page, int& next_block, std::vector<Line>& out) {
  if (words.empty()) return;
  std::vector<Segment> segments = BuildSegments(words);
  float gutter = 0;
  const bool columns = FindGutter(segments, gutter);
  if (columns) AssignColumns(segments, gutter);
  // Segments of one raw line and one column form one Line (a title and its right-aligned dates).
  std::vector<Placed> placed;
  for (std::size_t i = 0; i < segments.size();) {
    std::size_t end = i + 1;
    while (end < segments.size() && segments[end].raw_line == segments[i].raw_line) ++end;
    for (int column = 0; column <= (columns ? 2 : 0); ++column) {
      std::vector<const Segment*> parts;
      for (std::size_t k = i; k < end; ++k) {
        if (segments[k].column == column) parts.push_back(&segments[k]);
      }
      if (parts.empty()) continue;
      Line line = MakeLine(words, parts, page, column);
      if (!line.text.empty()) placed.push_back({std::move(line), 0});
    }
    i = end;
  }
  // Lines crossing the gutter (a name, a full-width heading) split the page into bands; each band
  // is read column by column.
  std::vector<float> spanning_tops;
  for (const Placed& p : placed) {
    if (columns && p.line.column == 0) spanning_tops.push_back(p.line.y0);
  }
  std::sort(spanning_tops.begin(), spanning_tops.end());
  for (Placed& p : placed) {
    const auto above = std::lower_bound(spanning_tops.begin(), spanning_tops.end(), p.line.y0);
    p.band = static_cast<int>(2 * (above - spanning_tops.begin()));
    if (columns && p.line.column == 0) p.band += 1;
  }
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    if (a.band != b.band) return a.band < b.band;
    if (a.line.column != b.line.column) return a.line.column < b.line.column;
    return a.line.y0 < b.line.y0;
  });
  const Placed* previous = nullptr;
  for (Placed& p : placed) {
    const bool new_block = previous == nullptr || previous->band != p.band ||
                           previous->line.column != p.line.column ||
                           p.line.y0 < previous->line.y0 ||
                           p.line.y0 - previous->line.y1 >
                               kBlockGapEm * std::max(previous->line.font_size, p.line.font_size);
    if (new_block) ++next_block;
    p.line.block = next_block;
    previous = &p;
  }
  for (Placed& p : placed) out.push_back(std::move(p.line));
}

}  // namespace jc::parsing::pdf
