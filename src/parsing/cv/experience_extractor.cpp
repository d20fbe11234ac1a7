#include "parsing/cv/experience_extractor.hpp"

#include <algorithm>

#include "parsing/cv/entry_layout.hpp"
#include "parsing/cv/entry_lines.hpp"

namespace jc::parsing {
namespace {

using entry::EntryLine;

// Europass-style label rows ("Date" / "01/2020 - oggi", "Nome e indirizzo del datore di
// lavoro" / "Acme S.p.A."): the label names the field of the row's value.
enum class Label { kNone, kDates, kTitle, kEmployer, kActivities, kOther };

Label ClassifyLabel(std::string_view text) {
  if (entry::WordCount(text) > 9) return Label::kNone;
  const std::string f = entry::Fold(entry::TrimSeparators(text));
  for (std::string_view w : {"date", "dates", "fechas", "datum", "data", "daty", "période",
                             "periodo", "período", "zeitraum", "datas"}) {
    if (f == w) return Label::kDates;
  }
  const auto has = [&](std::initializer_list<std::string_view> keys) {
    return std::any_of(keys.begin(), keys.end(),
                       [&](std::string_view k) { return f.find(k) != std::string::npos; });
  };
  if (has({"position held", "occupation", "posizione ricopert", "cargo desempe", "poste occup",
           "fonction ou poste", "beruf oder funktion", "functie of positie", "stanowisko",
           "função ou cargo"})) {
    return Label::kTitle;
  }
  if (has({"employer", "datore di lavoro", "nombre y dirección de la empresa", "employeur",
           "arbeitgeber", "werkgever", "pracodawc", "entidade empregadora"})) {
    return Label::kEmployer;
  }
  if (has({"main activities", "principali attivit", "funciones y responsabilidades",
           "activités et responsabilités", "tätigkeiten und", "werkzaamheden", "obowiązki",
           "atividades e responsabilidades"})) {
    return Label::kActivities;
  }
  if (has({"type of business", "tipo di azienda", "tipo de empresa", "secteur d'activit", "branche",
           "sektor"})) {
    return Label::kOther;
  }
  return Label::kNone;
}

void AddSource(ExperienceResult& out, std::size_t i, std::string_view field, double confidence,
               std::size_t line) {
  out.sources.push_back(FieldSource{
      "/workExperience/" + std::to_string(i) + "/" + std::string(field), confidence, line});
}

// Label/value tables: a "Dates" label opens each role.
bool ExtractEuropass(const std::vector<EntryLine>& lines, ExperienceResult& out) {
  // Cheap test first: a table of this kind has a bare "Dates" row label.
  if (std::none_of(lines.begin(), lines.end(), [](const EntryLine& l) {
        return !l.bullet && l.text.size() <= 12 && ClassifyLabel(l.text) == Label::kDates;
      })) {
    return false;
  }
  Label current = Label::kNone;
  // A plain value, not an optional: g++ 12 misreads the optional's vector as uninitialised.
  domain::WorkExperience current_role;
  domain::WorkExperience* role = &current_role;
  std::size_t role_index = out.roles.size();
  auto flush = [&] {
    if (role->title || role->company) {
      out.roles.push_back(std::move(*role));
      ++role_index;
    }
    *role = domain::WorkExperience{};
  };
  for (const auto& l : lines) {
    const Label label = ClassifyLabel(l.text);
    if (label != Label::kNone && !l.dates) {
      if (label == Label::kDates) flush();
      current = label;
      continue;
    }
    switch (current) {
      case Label::kDates:
        if (l.dates) {
          role->dates = *l.dates;
          if (l.dates->start) AddSource(out, role_index, "startDate", 0.9, l.index);
          if (l.dates->end) AddSource(out, role_index, "endDate", 0.9, l.index);
        }
        break;
      case Label::kTitle:
        if (!role->title) {
          role->title = l.text;
          AddSource(out, role_index, "title", 0.9, l.index);
        }
        break;
      case Label::kEmployer:
        if (!role->company) {
          auto [org, place] = entry::SplitLocation(l.text);
          role->company = org;
          AddSource(out, role_index, "company", 0.9, l.index);
          if (!place.empty()) {
            role->location = place;
            AddSource(out, role_index, "location", 0.8, l.index);
          }
        }
        break;
      case Label::kActivities:
        if (l.bullet) {
          AddSource(out, role_index, "highlights/" + std::to_string(role->highlights.size()), 0.8,
                    l.index);
          role->highlights.push_back(l.text);
        } else if (!role->description) {
          role->description = l.text;
        } else {
          *role->description += " " + l.text;
        }
        break;
      case Label::kOther:
      case Label::kNone:
        break;
    }
  }
  flush();
  return true;
}

bool Contains(const domain::DateRange& outer, const domain::DateRange& inner) {
  if (!outer.start || !inner.start) return false;
  const auto before = [](const domain::PartialDate& a, const domain::PartialDate& b) {
    if (a.month == 0 || b.month == 0) return a.year <= b.year;
    return a <= b;
  };
  if (!before(*outer.start, *inner.start)) return false;
  if (outer.current || !outer.end) return true;
  if (inner.current || !inner.end) return false;
  return before(*inner.end, *outer.end);
}

struct Fields {
  std::optional<std::string> title, company, location;
  std::size_t title_line = 0, company_line = 0, location_line = 0;
  double confidence = 0.6;
};

// "Raleigh, NC", "Durham, NC (remote)": a city with a state or country code.
bool IsCityWithRegion(std::string_view text) {
  auto [org, place] = entry::SplitLocation(text);
  return !place.empty() && entry::LooksLikePlaceTail(place) && entry::LooksLikePlace(org) &&
         entry::WordCount(org) <= 3;
}

// The units of an entry that name the role, a unit that names its place taken out: the text
// beside the dates ("Makati City | Jan 2022 – Present") or a "City, ST" line, when what is left
// still names both title and company ("Acme — Analyst", or two units).
std::vector<entry::Unit> RoleUnits(const entry::Entry& e, std::optional<entry::Unit>* place) {
  std::vector<entry::Unit> units = e.units;
  if (units.size() < 2 || !e.location.empty()) return units;
  for (std::size_t k = units.size(); k-- > 1;) {
    const auto& u = units[k];
    const bool beside_dates = e.dates && u.line == e.dates_line && entry::LooksLikePlace(u.text);
    if (!beside_dates && !IsCityWithRegion(u.text)) continue;
    std::vector<entry::Unit> rest = units;
    rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(k));
    if (rest.size() >= 2 || entry::SplitUnit(rest[0])) {
      *place = u;
      return rest;
    }
  }
  return units;
}

// "Verloskundige, Praktijk Oudwijk, Utrecht": title, company and a place in one comma list.
std::optional<std::vector<entry::Unit>> SplitCommaChain(const entry::Unit& u,
                                                        std::optional<entry::Unit>* place) {
  auto [org, where] = entry::SplitLocation(u.text);
  if (where.empty()) return std::nullopt;
  const auto comma = org.find(", ");
  if (comma == std::string::npos || org.find(", ", comma + 2) != std::string::npos) {
    return std::nullopt;
  }
  *place = entry::Unit{where, u.line, false};
  return std::vector<entry::Unit>{
      entry::Unit{std::string(entry::TrimSeparators(org.substr(0, comma))), u.line, false},
      entry::Unit{std::string(entry::TrimSeparators(org.substr(comma + 2))), u.line, false}};
}

// The title/company/location of one role from its heading units.
Fields AssignFields(const entry::Entry& e, bool title_first, const std::optional<Fields>& heading) {
  Fields f;
  std::optional<entry::Unit> where;
  std::vector<entry::Unit> units = RoleUnits(e, &where);
  if (!e.location.empty()) {
    f.location = e.location;
    f.location_line = e.location_line;
  } else if (where) {
    f.location = where->text;
    f.location_line = where->line;
  }
  // A lone unit may hold both: "Title at Company", "Title – Company", "Company, Title".
  if (units.size() == 1 && !heading) {
    if (auto split = entry::SplitUnit(units[0])) {
      units = *split;
    } else if (!f.location) {
      if (auto chain = SplitCommaChain(units[0], &where)) {
        units = *chain;
        f.location = where->text;
        f.location_line = where->line;
      }
    }
  }
  if (units.size() == 1) {
    const auto& u = units[0];
    const bool is_title =
        heading.has_value() || entry::TitleScore(u.text) >= entry::OrganisationScore(u.text);
    if (is_title) {
      f.title = u.text;
      f.title_line = u.line;
      if (heading) {
        f.company = heading->company;
        f.company_line = heading->company_line;
        if (!f.location) {
          f.location = heading->location;
          f.location_line = heading->location_line;
        }
      }
    } else {
      f.company = u.text;
      f.company_line = u.line;
    }
  } else if (units.size() >= 2) {
    bool first_is_title = title_first;
    // The entry's own evidence when it is clear ("Werkstudentin" / "Atelier Rheinblick"), else
    // the section's order.
    const auto score = [](const entry::Unit& u) {
      return entry::TitleScore(u.text) - entry::OrganisationScore(u.text);
    };
    const double own = score(units[0]) - score(units[1]);
    if (own >= 1 || own <= -1) first_is_title = own > 0;
    if (units[0].directional) first_is_title = true;
    const auto& t = first_is_title ? units[0] : units[1];
    const auto& c = first_is_title ? units[1] : units[0];
    f.title = t.text;
    f.title_line = t.line;
    f.company = c.text;
    f.company_line = c.line;
    f.confidence = units[0].directional ? 0.9 : 0.75;
    if (units.size() >= 3 && !f.location && entry::WordCount(units[2].text) <= 4 &&
        entry::OrganisationScore(units[2].text) == 0 && entry::TitleScore(units[2].text) == 0) {
      f.location = units[2].text;
      f.location_line = units[2].line;
    }
  }
  if (f.company && !f.location) {
    auto [org, place] = entry::SplitLocation(*f.company);
    if (!place.empty()) {
      f.company = org;
      f.location = place;
      f.location_line = f.company_line;
    }
  }
  return f;
}

void ExtractSection(const std::vector<EntryLine>& lines, ExperienceResult& out) {
  auto entries = entry::GroupEntries(lines);
  // Company headings: a one-unit entry whose period holds the next entries' periods, which
  // have one unit each ("Acme GmbH 2014–Present" / "CFO 2018–Present" / "VP 2014–2017").
  std::vector<bool> is_heading(entries.size(), false);
  for (std::size_t k = 0; k + 1 < entries.size(); ++k) {
    const auto& a = entries[k];
    const auto& b = entries[k + 1];
    if (!a.dates || !b.dates || a.units.size() != 1 || b.units.size() != 1) continue;
    if (!a.body.empty() || !Contains(*a.dates, *b.dates)) continue;
    if (entry::TitleScore(a.units[0].text) > entry::OrganisationScore(a.units[0].text)) continue;
    is_heading[k] = true;
  }
  // The section's order of title and company, from all its two-unit entries.
  double order = 0;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    if (is_heading[k]) continue;
    std::optional<entry::Unit> place;
    auto units = RoleUnits(entries[k], &place);
    if (units.size() == 1) {
      if (auto split = entry::SplitUnit(units[0]); split && !(*split)[0].directional) {
        units = *split;
      }
    }
    if (units.size() < 2) continue;
    const auto score = [](const entry::Unit& u) {
      return entry::TitleScore(u.text) - entry::OrganisationScore(u.text);
    };
    order += score(units[0]) - score(units[1]);
  }
  const bool title_first = order >= 0;

  std::optional<Fields> heading;
  std::optional<domain::DateRange> heading_dates;
  std::optional<Fields> previous;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& e = entries[k];
    if (is_heading[k]) {
      Fields h;
      auto [org, place] = entry::SplitLocation(e.units[0].text);
      h.company = org;
      h.company_line = e.units[0].line;
      if (!place.empty()) h.location = place;
      if (!e.location.empty()) h.location = e.location;
      h.location_line = h.company_line;
      heading = h;
      heading_dates = e.dates;
      continue;
    }
    const bool under_heading = heading && e.units.size() == 1 && e.dates && heading_dates &&
                               Contains(*heading_dates, *e.dates);
    if (!under_heading) heading.reset();
    if (!e.dates && std::all_of(e.units.begin(), e.units.end(), [](const entry::Unit& u) {
          return entry::TitleScore(u.text) == 0 && entry::OrganisationScore(u.text) == 0;
        })) {
      continue;  // a sub-heading or stray line, not a role
    }
    Fields f = AssignFields(e, title_first, under_heading ? heading : std::nullopt);
    if (!f.title && !f.company && !e.dates) continue;
    // A role with only a title right after a role whose company stood above its title: the
    // company was a heading over several roles ("Acme Ltd" / "Manager 2019–" / "Clerk 2016–").
    if (f.title && !f.company && previous && previous->company &&
        previous->company_line < previous->title_line) {
      f.company = previous->company;
      f.company_line = previous->company_line;
      if (!f.location) {
        f.location = previous->location;
        f.location_line = previous->location_line;
      }
    }
    previous = f;
    const std::size_t i = out.roles.size();
    domain::WorkExperience role;
    role.title = f.title;
    role.company = f.company;
    role.location = f.location;
    if (f.title) AddSource(out, i, "title", f.confidence, f.title_line);
    if (f.company) AddSource(out, i, "company", f.confidence, f.company_line);
    if (f.location) AddSource(out, i, "location", 0.6, f.location_line);
    if (e.dates) {
      role.dates = *e.dates;
      if (e.dates->start) AddSource(out, i, "startDate", 0.9, e.dates_line);
      if (e.dates->end) AddSource(out, i, "endDate", 0.9, e.dates_line);
    }
    role.description = e.description;
    for (std::size_t h = 0; h < e.highlights.size(); ++h) {
      AddSource(out, i, "highlights/" + std::to_string(h), 0.8, e.highlight_lines[h]);
    }
    role.highlights = e.highlights;
    out.roles.push_back(std::move(role));
  }
}

}  // namespace

ExperienceResult ExtractExperience(const Document& doc, const std::vector<Section>& sections,
                                   domain::PartialDate as_of) {
  ExperienceResult out;
  for (const auto& section : sections) {
    if (section.kind != SectionKind::kExperience) continue;
    auto lines = entry::CollectLines(doc, {section}, SectionKind::kExperience, as_of);
    if (lines.empty()) continue;
    if (!ExtractEuropass(lines, out)) ExtractSection(lines, out);
    for (auto& line : lines) {
      if (line.source_ranges_known) {
        out.line_dates.push_back({line.index, std::move(line.source_ranges)});
      }
    }
  }
  return out;
}

}  // namespace jc::parsing
