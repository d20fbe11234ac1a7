#include "parsing/cv/summary_extractor.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "nlp/date_parser.hpp"
#include "nlp/text_normalize.hpp"
#include "parsing/cv/contact_name.hpp"
#include "parsing/cv/entry_lines.hpp"
#include "parsing/cv/list_items.hpp"

namespace jc::parsing {
namespace {

std::size_t WordCount(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::size_t DigitCount(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// Document titles that stand above or under a name but are not a headline.
bool IsDocumentTitle(std::string_view text) {
  static constexpr std::array<std::string_view, 9> kTitles = {
      "curriculum vitae", "lebenslauf", "cv",
      "resume",           "résumé",     "currículum",
      "curriculum",       "życiorys",   "curriculum vitae europass"};
  const auto folded = nlp::Normalize(text).folded;
  return std::find(kTitles.begin(), kTitles.end(), folded) != kTitles.end();
}

bool IsContactLine(const ContactInfo& contact, std::size_t line) {
  auto at = [line](const std::optional<Found>& f) { return f && f->line == line; };
  if (at(contact.email) || at(contact.phone) || at(contact.location)) return true;
  return std::any_of(contact.links.begin(), contact.links.end(),
                     [line](const FoundLink& l) { return l.url.line == line; });
}

// A four-digit year standing alone ("2019", "2015–2020").
bool HasYear(std::string_view s) {
  const auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) {
      if (digit(i + 2) && digit(i + 3) && !(i > 0 && digit(i - 1)) && !digit(i + 4)) return true;
    }
  }
  return false;
}

// A title led by a professional qualifier: "Licensed ...", "Registered ...", "Certified ...".
bool TitleQualified(std::string_view text) {
  const auto folded = nlp::Normalize(text).folded;
  for (const std::string_view q :
       {"licensed ", "registered ", "certified ", "chartered ", "qualified ", "accredited ",
        "staatlich ", "diplomierte", "diplomierter ", "zertifizierte"}) {
    if (folded.starts_with(q)) return true;
  }
  return false;
}

// Whether `text` can be a headline: a short title, not contact data, a heading or prose.
bool HeadlineShape(std::string_view text) {
  if (text.empty() || text.size() > 90 || WordCount(text) > 10) return false;
  if (text.find('@') != std::string_view::npos || text.find("://") != std::string_view::npos ||
      text.find("www.") != std::string_view::npos || text.find(".com") != std::string_view::npos) {
    return false;
  }
  if (text.ends_with(".") || text.ends_with(":")) return false;
  // Dates and phone numbers are not a title; a type or model number in a specialisation is
  // ("Airline Captain — A220 / Dash 8-400").
  if (DigitCount(text) >= 4 &&
      (HasYear(text) || !FindPhones(text).empty() || DigitCount(text) * 3 > text.size())) {
    return false;
  }
  if (IsDocumentTitle(text)) return false;
  // A section label, unless the line reads as a job title that merely contains a label word
  // ("Licensed Plumber & Gasfitter", "Customer Experience Manager").
  if (const auto label = ClassifyLabel(text); label != LabelKind::kNone) {
    const bool title = entry::TitleScore(text) > 0 || TitleQualified(text);
    if (!title || WordCount(text) < 2) return false;
  }
  const auto c = static_cast<unsigned char>(text[0]);
  return !(c >= 'a' && c <= 'z');
}

// The line holding the person's name: the contact extractor's when it lies at the top of the
// header region, else the first line there that reads like a name, else its first line.
std::optional<std::size_t> NameLine(const Document& doc, const Region& header,
                                    const ContactInfo& contact) {
  std::vector<std::size_t> top;
  for (std::size_t i = header.begin; i < header.end && top.size() < 3; ++i) {
    const auto role = doc.lines[i].role;
    if (role == LineRole::kHeader || role == LineRole::kFooter) continue;
    if (IsDocumentTitle(doc.lines[i].text)) continue;
    top.push_back(i);
  }
  if (top.empty()) {
    if (contact.full_name) return contact.full_name->line;
    return std::nullopt;
  }
  const std::size_t first = top.front();
  const bool contact_in_header = contact.full_name && contact.full_name->line >= header.begin &&
                                 contact.full_name->line < header.end;
  // A name found below the header region (a sidebar read first, the name in the main column)
  // is still where the headline stands.
  if (!contact_in_header) {
    if (contact.full_name && contact.full_name->line >= header.end) return contact.full_name->line;
    return first;
  }
  const std::size_t named = contact.full_name->line;
  // A line above the found name that stands out as a name (capitals, bold, a heading, or
  // name-shaped) is the name: the found one is then more likely a city or a title.
  const Line& f = doc.lines[first];
  if (first < named && !IsContactLine(contact, first) &&
      (f.all_caps || f.bold || f.role == LineRole::kHeading || NameScore(f.text) >= 0.5) &&
      f.font_size >= doc.lines[named].font_size) {
    return first;
  }
  return named;
}

std::optional<Found> Headline(const Document& doc, const std::vector<Region>& regions,
                              const ContactInfo& contact) {
  const auto name_opt = NameLine(doc, regions.front(), contact);
  if (!name_opt) return std::nullopt;
  const std::size_t name_line = *name_opt;
  const Line& name = doc.lines[name_line];
  // The next region boundary after the name.
  std::size_t limit = doc.lines.size();
  for (const auto& r : regions) {
    if (r.kind != LabelKind::kNone && r.heading_line > name_line) {
      limit = std::min(limit, r.heading_line);
    }
  }
  // The name line itself may carry the title: "Maya Thompson | Frontend Developer". Not when
  // the rest belongs to the name (a nickname, the name in CJK): the cleaned line is the name.
  if (contact.full_name && name.text.size() > contact.full_name->value.size() + 3 &&
      name.text.starts_with(contact.full_name->value) &&
      contact::CleanNameText(name.text) != contact.full_name->value) {
    const auto rest =
        TrimText(std::string_view(name.text).substr(contact.full_name->value.size()), " \t|,-");
    auto bare = std::string(
        TrimText(rest.starts_with("–") || rest.starts_with("—") ? rest.substr(3) : rest));
    if (HeadlineShape(bare) && DigitCount(bare) == 0) {
      return Found{std::move(bare), 0.6, name.page, name_line};
    }
  }
  // Beside the name on the same baseline, then the lines under it.
  if (name.y0 > 0) {
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
      const Line& l = doc.lines[i];
      if (i == name_line || l.page != name.page || l.column != name.column ||
          std::fabs(l.y0 - name.y0) >= 2.0f || l.x0 <= name.x1 || IsContactLine(contact, i)) {
        continue;
      }
      auto text = StripMarks(l.text);
      if (HeadlineShape(text)) return Found{std::move(text), 0.6, l.page, i};
    }
  }
  std::vector<std::size_t> candidates;
  for (std::size_t i = name_line + 1, seen = 0; i < limit && seen < 3; ++i) {
    const auto role = doc.lines[i].role;
    if (role == LineRole::kHeader || role == LineRole::kFooter) continue;
    if (doc.lines[i].text == name.text) continue;
    candidates.push_back(i);
    ++seen;
  }
  for (const auto i : candidates) {
    const Line& line = doc.lines[i];
    // The second line of a wrapped name: same size and weight as the name.
    if (i == name_line + 1 && line.font_size > 0 && line.font_size == name.font_size &&
        line.bold == name.bold && NameScore(name.text + " " + line.text) > 0) {
      continue;
    }
    // Another row of a label/value table (Europass) is not the name's title.
    if (name.role == LineRole::kTableCell && line.role == LineRole::kTableCell &&
        line.block != name.block) {
      return std::nullopt;
    }
    if (IsContactLine(contact, i)) return std::nullopt;
    auto text = StripMarks(line.text);
    // A title wrapped in a narrow column: "Responsable marketing" + "digital".
    if (i + 1 < limit && doc.lines[i + 1].block == line.block && line.font_size > 0 &&
        doc.lines[i + 1].font_size == line.font_size && !IsContactLine(contact, i + 1)) {
      const auto& next = doc.lines[i + 1].text;
      const auto c = static_cast<unsigned char>(next.empty() ? 'A' : next[0]);
      if (c >= 'a' && c <= 'z') text += " " + next;
    }
    if (!HeadlineShape(text)) {
      // A contact line with separators ends the search; an empty decoration does not.
      if (text.empty()) continue;
      return std::nullopt;
    }
    const double confidence =
        line.font_size > 0 && name.font_size > 0 && line.font_size < name.font_size ? 0.8 : 0.65;
    return Found{text, confidence, line.page, i};
  }
  return std::nullopt;
}

// The lines [begin, end) as one text, wrapped lines and paragraphs joined with a space.
std::string Joined(const Document& doc, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    const Line& l = doc.lines[i];
    if (l.role == LineRole::kHeader || l.role == LineRole::kFooter) continue;
    const auto text = StripMarks(l.text);
    if (text.empty()) continue;
    if (!out.empty()) out += ' ';
    out += text;
  }
  return out;
}

bool IsListLine(const Line& line) {
  const std::string_view t = line.text;
  return line.role == LineRole::kListItem || line.list_level > 0 || t.starts_with("•") ||
         t.starts_with("- ") || t.starts_with("* ") || t.starts_with("▪") || t.starts_with("–");
}

// A line of running text: long, or a sentence.
bool IsProseLine(std::string_view text) {
  return WordCount(text) >= 12 ||
         (WordCount(text) >= 4 && (text.ends_with(".") || text.ends_with("!")));
}

// A line that starts an entry rather than continuing a paragraph: a short line with a date range
// ("Jul 2020 – Present", "Analyst, Acme | 2019 – 2021").
bool IsEntryLine(std::string_view text) {
  if (IsProseLine(text) || DigitCount(text) < 2) return false;
  return !nlp::FindDateRanges(text, domain::PartialDate{2100, 12}).empty();
}

// Where the summary of [begin, end) ends: at a heading-like line, an entry's date line (with
// the title line above it), or a list under a title line: the CV's next section whose heading
// the splitter did not know.
std::size_t SummaryEnd(const Document& doc, std::size_t begin, std::size_t end) {
  std::size_t prev = end;  // the last line with text
  bool seen_text = false;
  for (std::size_t i = begin; i < end; ++i) {
    const Line& line = doc.lines[i];
    if (line.role == LineRole::kHeader || line.role == LineRole::kFooter) continue;
    const auto text = StripMarks(line.text);
    if (text.empty()) continue;
    if (seen_text) {
      const bool title_above = prev < end && !IsProseLine(StripMarks(doc.lines[prev].text)) &&
                               !IsListLine(doc.lines[prev]);
      if (IsEntryLine(text)) return title_above ? prev : i;
      if (!IsProseLine(text) && LooksLikeHeading(doc, i)) return i;
      if (IsListLine(line) && title_above && prev > begin) return prev;
    }
    seen_text = true;
    prev = i;
  }
  return end;
}

std::optional<Found> Summary(const Document& doc, const std::vector<Region>& regions,
                             const ContactInfo& contact) {
  for (const auto& r : regions) {
    if (r.kind != LabelKind::kSummary) continue;
    auto text = Joined(doc, r.begin, SummaryEnd(doc, r.begin, r.end));
    if (text.empty()) continue;
    return Found{std::move(text), 0.85, doc.lines[r.heading_line].page, r.begin};
  }
  // An unlabelled paragraph of prose in the header region: sentences, not an entry (a title
  // with dates or bullets), a heading or contact data.
  const auto& header = regions.front();
  for (std::size_t i = header.begin; i < header.end;) {
    std::size_t j = i + 1;
    while (j < header.end && doc.lines[j].block == doc.lines[i].block) ++j;
    const std::size_t first = i;
    i = j;
    bool contact_block = false;
    for (std::size_t k = first; k < j; ++k) {
      contact_block = contact_block || IsContactLine(contact, k) ||
                      (contact.full_name && contact.full_name->line == k);
    }
    if (contact_block || !IsProseLine(StripMarks(doc.lines[first].text))) continue;
    bool entry_block = false;
    for (std::size_t k = first; k < j && !entry_block; ++k) {
      entry_block = IsListLine(doc.lines[k]) || IsEntryLine(StripMarks(doc.lines[k].text));
    }
    if (entry_block) continue;
    auto text = Joined(doc, first, SummaryEnd(doc, first, j));
    const bool prose = WordCount(text) >= 12 && (text.ends_with(".") || text.ends_with("!"));
    if (prose && text.find('@') == std::string::npos) {
      return Found{std::move(text), 0.6, doc.lines[first].page, first};
    }
  }
  return std::nullopt;
}

}  // namespace

SummaryResult ExtractSummary(const Document& doc, const std::vector<Section>& sections,
                             const ContactInfo& contact) {
  if (doc.lines.empty()) return {};
  return ExtractSummaryInRegions(doc, FindRegions(doc, sections), contact);
}

SummaryResult ExtractSummaryInRegions(const Document& doc, const std::vector<Region>& regions,
                                      const ContactInfo& contact) {
  SummaryResult out;
  if (doc.lines.empty()) return out;
  out.headline = Headline(doc, regions, contact);
  out.summary = Summary(doc, regions, contact);
  return out;
}

}  // namespace jc::parsing
