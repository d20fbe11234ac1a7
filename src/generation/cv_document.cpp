#include "generation/cv_document.hpp"

#include <algorithm>
#include <cctype>

namespace jc::generation {
namespace {

bool Blank(const std::optional<std::string>& s) {
  return !s || std::all_of(s->begin(), s->end(),
                           [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// "a, b" without the empty parts.
std::string JoinNonEmpty(std::initializer_list<const std::optional<std::string>*> parts,
                         std::string_view separator) {
  std::string out;
  for (const auto* part : parts) {
    if (Blank(*part)) continue;
    if (!out.empty()) out += separator;
    out += **part;
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// "https://www.linkedin.com/in/jane/" -> "linkedin.com/in/jane": what people print on a CV.
std::string DisplayUrl(std::string_view url) {
  for (const std::string_view scheme : {"https://", "http://"}) {
    if (url.substr(0, scheme.size()) == scheme) url.remove_prefix(scheme.size());
  }
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

std::string TelUrl(std::string_view phone) {
  std::string out = "tel:";
  for (const char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 || (c == '+' && out.size() == 4)) {
      out += c;
    }
  }
  return out;
}

Block Paragraph(std::string label, std::string text) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.label = std::move(label);
  b.text = std::move(text);
  return b;
}

Block EntryBlock(Entry entry) {
  Block b;
  b.kind = BlockKind::kEntry;
  b.entry = std::move(entry);
  return b;
}

Section Experience(const domain::Profile& p, const Labels& l) {
  Section s{"experience", std::string(l.experience), {}};
  for (const auto& role : p.work_experience) {
    Entry e;
    if (!Blank(role.title)) {
      e.heading = *role.title;
      e.subheading = JoinNonEmpty({&role.company, &role.location}, ", ");
    } else {
      e.heading = JoinNonEmpty({&role.company}, "");
      e.subheading = JoinNonEmpty({&role.location}, "");
    }
    e.dates = FormatRange(role.dates, l);
    if (!Blank(role.description)) e.paragraphs.push_back(*role.description);
    for (const auto& h : role.highlights) {
      if (!h.empty()) e.bullets.push_back(h);
    }
    if (!e.heading.empty() || !e.subheading.empty() || !e.bullets.empty()) {
      s.blocks.push_back(EntryBlock(std::move(e)));
    }
  }
  return s;
}

// "M.Sc. Computer Science", or "Bachelor of Arts, History"; the field is left out when the
// degree already names it.
std::string DegreeHeading(const domain::Education& ed) {
  if (Blank(ed.degree)) return Blank(ed.field) ? "" : *ed.field;
  if (Blank(ed.field) || ed.degree->find(*ed.field) != std::string::npos) return *ed.degree;
  return *ed.degree + ", " + *ed.field;
}

Section Education(const domain::Profile& p, const Labels& l) {
  Section s{"education", std::string(l.education), {}};
  for (const auto& ed : p.education) {
    Entry e;
    e.heading = DegreeHeading(ed);
    e.subheading = JoinNonEmpty({&ed.institution}, "");
    if (e.heading.empty()) std::swap(e.heading, e.subheading);
    e.dates = FormatRange({ed.start, ed.end, false}, l);
    if (!Blank(ed.grade)) e.paragraphs.push_back(std::string(l.grade) + ": " + *ed.grade);
    if (!e.heading.empty()) s.blocks.push_back(EntryBlock(std::move(e)));
  }
  return s;
}

Section Skills(const domain::Profile& p, const Labels& l) {
  Section s{"skills", std::string(l.skills), {}};
  if (const auto t = Join(p.skills.technical, ", "); !t.empty()) {
    s.blocks.push_back(Paragraph(std::string(l.technical), t));
  }
  if (const auto t = Join(p.skills.soft, ", "); !t.empty()) {
    s.blocks.push_back(Paragraph(std::string(l.soft), t));
  }
  return s;
}

Section Languages(const domain::Profile& p, const Labels& l) {
  Section s{"languages", std::string(l.languages), {}};
  std::vector<std::string> items;
  for (const auto& lang : p.languages) {
    if (lang.language.empty()) continue;
    items.push_back(Blank(lang.proficiency) ? lang.language
                                            : lang.language + " (" + *lang.proficiency + ")");
  }
  if (!items.empty()) s.blocks.push_back(Paragraph("", Join(items, ", ")));
  return s;
}

Section Certifications(const domain::Profile& p, const Labels& l) {
  Section s{"certifications", std::string(l.certifications), {}};
  Block list;
  list.kind = BlockKind::kBullets;
  for (const auto& c : p.certifications) {
    if (c.name.empty()) continue;
    std::string item = c.name;
    if (!Blank(c.issuer)) item += " \u2013 " + *c.issuer;
    if (c.date) item += (Blank(c.issuer) ? ", " : ", ") + FormatDate(*c.date, l);
    list.items.push_back(std::move(item));
  }
  if (!list.items.empty()) s.blocks.push_back(std::move(list));
  return s;
}

Section Projects(const domain::Profile& p, const Labels& l) {
  Section s{"projects", std::string(l.projects), {}};
  for (const auto& project : p.projects) {
    if (project.name.empty()) continue;
    Entry e;
    e.heading = project.name;
    if (!Blank(project.url)) e.subheading = DisplayUrl(*project.url);
    if (!Blank(project.description)) e.paragraphs.push_back(*project.description);
    if (const auto t = Join(project.technologies, ", "); !t.empty()) {
      e.paragraphs.push_back(std::string(l.technologies) + ": " + t);
    }
    s.blocks.push_back(EntryBlock(std::move(e)));
  }
  return s;
}

}  // namespace

void FillHeader(const domain::Profile& p, std::string_view document_name, Document& d) {
  if (!Blank(p.full_name)) {
    d.name = *p.full_name;
    d.author = *p.full_name;
    d.title = *p.full_name + " \u2013 " + std::string(document_name);
  } else {
    d.title = std::string(document_name);
  }
  if (!Blank(p.headline)) d.headline = *p.headline;
  if (!Blank(p.email)) d.contact.push_back({*p.email, "mailto:" + *p.email});
  if (!Blank(p.phone)) d.contact.push_back({*p.phone, TelUrl(*p.phone)});
  if (!Blank(p.location)) d.contact.push_back({*p.location, std::nullopt});
  for (const auto& link : p.links) {
    if (!link.url.empty()) d.contact.push_back({DisplayUrl(link.url), link.url});
  }
}

Document BuildCvDocument(const domain::Profile& p, const Labels& l) {
  Document d;
  d.kind = DocumentKind::kCv;
  d.language = std::string(l.language);
  FillHeader(p, l.cv, d);
  if (!Blank(p.summary)) {
    d.sections.push_back({"summary", std::string(l.summary), {Paragraph("", *p.summary)}});
  }
  for (auto section : {Experience(p, l), Education(p, l), Skills(p, l), Languages(p, l),
                       Certifications(p, l), Projects(p, l)}) {
    if (!section.blocks.empty()) d.sections.push_back(std::move(section));
  }
  return d;
}

}  // namespace jc::generation
