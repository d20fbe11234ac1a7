// CheckDocument: the structured checks of a CV's entries and lists, and of a letter's parts.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "generation/text_fold.hpp"
#include "generation/truthfulness.hpp"
#include "nlp/date_parser.hpp"

namespace jc::generation {
namespace {

class DocumentChecker {
 public:
  DocumentChecker(const FactBase& facts, TruthReport& report, std::string prefix)
      : facts_(facts), report_(report), prefix_(std::move(prefix)) {}

  void Header(Document& doc);
  void Section(generation::Section& section);
  void LetterParts(Letter& letter);

 private:
  void Violate(ClaimKind kind, std::string claim, const std::string& location, std::string text) {
    report_.violations.push_back({kind, std::move(claim), location, std::move(text)});
  }
  std::string Text(std::string_view text, const std::string& location,
                   TextKind kind = TextKind::kCandidate) {
    return CheckText(text, location, facts_, report_, kind);
  }
  // Runs CheckText over each string; drops those left empty.
  void Strings(std::vector<std::string>& items, const std::string& base, TextKind kind) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string checked = Text(items[i], base + "/" + std::to_string(i), kind);
      if (!checked.empty() || items[i].empty()) kept.push_back(std::move(checked));
    }
    items = std::move(kept);
  }
  // Keeps the items `check` finds no violation in (nullopt), reporting and dropping the others.
  template <typename Check>
  std::vector<std::string> Items(const std::vector<std::string>& items, const std::string& base,
                                 Check check) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < items.size(); ++i) {
      ++report_.claims_checked;
      if (const auto kind = check(items[i]); kind) {
        Violate(*kind, items[i], base + "/" + std::to_string(i), items[i]);
        ++report_.removed;
      } else {
        kept.push_back(items[i]);
      }
    }
    return kept;
  }
  bool Entry(generation::Entry& e, const std::string& section, const std::string& base);
  bool RoleEntry(const generation::Entry& e, const std::string& base);
  bool EducationEntry(const generation::Entry& e, const std::string& base);
  void EntryText(generation::Entry& e, const std::string& base);
  std::optional<ClaimKind> SkillItem(std::string_view item) const;
  std::optional<ClaimKind> LanguageItem(std::string_view item) const;
  std::optional<ClaimKind> CertificationItem(std::string_view item);

  const FactBase& facts_;
  TruthReport& report_;
  std::string prefix_;  // "cv" or "coverLetter"
};

// "Mar 2019" vs {2019, 3}: the same date, one side perhaps less precise.
bool SameDate(const std::optional<domain::PartialDate>& a,
              const std::optional<domain::PartialDate>& b) {
  if (!a || !b) return !a && !b;
  return a->year == b->year && (a->month == 0 || b->month == 0 || a->month == b->month);
}

// Whether the localised range `text` shows `range` (empty text: nothing claimed).
bool DatesMatch(std::string_view text, const domain::DateRange& range, domain::PartialDate as_of) {
  if (Fold(text).empty()) return true;
  if (const auto parsed = nlp::ParseDateRange(text, as_of); parsed) {
    const domain::DateRange& r = parsed->range;
    const bool open = r.current || !r.end;
    const bool range_open = range.current || !range.end;
    return SameDate(r.start, range.start) && (open ? range_open : SameDate(r.end, range.end));
  }
  if (const auto single = nlp::ParseDate(text); single) {
    return SameDate(single, range.start) || SameDate(single, range.end);
  }
  return false;
}

// The subheading "Acme GmbH, Berlin" names `name` before its first comma (or whole), and what
// follows is in the profile.
bool SubheadingNames(const FactBase& facts, std::string_view sub, const std::string& name) {
  if (Fold(sub).empty()) return true;
  for (std::size_t cut = sub.find(',');; cut = sub.find(',', cut + 1)) {
    const std::string_view head = sub.substr(0, cut);
    const std::string_view rest = cut == std::string_view::npos ? "" : sub.substr(cut + 1);
    if (facts.SameName(head, name) && facts.SameName(name, head) &&
        (Fold(rest).empty() || facts.InProfileText(rest))) {
      return true;
    }
    if (cut == std::string_view::npos) return false;
  }
}

bool DocumentChecker::RoleEntry(const generation::Entry& e, const std::string& base) {
  report_.claims_checked += 3;
  int best = -1;
  const domain::WorkExperience* best_role = nullptr;
  for (const domain::WorkExperience& r : facts_.profile().work_experience) {
    const bool title =
        Fold(e.heading).empty() || (r.title && facts_.SameTitle(e.heading, *r.title));
    const bool company =
        r.company ? SubheadingNames(facts_, e.subheading, *r.company) : Fold(e.subheading).empty();
    const bool dates = DatesMatch(e.dates, r.dates, facts_.as_of());
    if (title && company && dates) return true;
    const int score = (company ? 4 : 0) + (title ? 2 : 0) + (dates ? 1 : 0);
    if (score > best) {
      best = score;
      best_role = &r;
    }
  }
  const std::string entry = e.heading + " | " + e.subheading + " | " + e.dates;
  const bool company_ok = best >= 4;
  const bool title_ok = (best & 2) != 0;
  if (!company_ok) Violate(ClaimKind::kEmployer, e.subheading, base + "/subheading", entry);
  if (!title_ok) Violate(ClaimKind::kTitle, e.heading, base + "/heading", entry);
  if ((best & 1) == 0 || best_role == nullptr) {
    Violate(ClaimKind::kDate, e.dates, base + "/dates", entry);
  }
  ++report_.removed;
  return false;
}

bool DocumentChecker::EducationEntry(const generation::Entry& e, const std::string& base) {
  report_.claims_checked += 3;
  int best = -1;
  for (const domain::Education& ed : facts_.profile().education) {
    const std::string shown = ed.degree.value_or("") + " " + ed.field.value_or("");
    const std::vector<std::string> have = FoldWords(shown);
    bool degree = DegreeLevelOf(e.heading) == DegreeLevelOf(shown);
    for (const std::string& w : FoldWords(e.heading)) {
      const bool filler = w == "in" || w == "of" || w == "im";
      degree = degree && (filler || std::find(have.begin(), have.end(), w) != have.end());
    }
    const bool school = ed.institution ? SubheadingNames(facts_, e.subheading, *ed.institution)
                                       : Fold(e.subheading).empty();
    const bool dates = DatesMatch(e.dates, {ed.start, ed.end, false}, facts_.as_of());
    if (degree && school && dates) return true;
    best = std::max(best, (school ? 4 : 0) + (degree ? 2 : 0) + (dates ? 1 : 0));
  }
  const std::string entry = e.heading + " | " + e.subheading + " | " + e.dates;
  if (best < 4) Violate(ClaimKind::kInstitution, e.subheading, base + "/subheading", entry);
  if ((best & 2) == 0) Violate(ClaimKind::kDegree, e.heading, base + "/heading", entry);
  if ((best & 1) == 0) Violate(ClaimKind::kDate, e.dates, base + "/dates", entry);
  ++report_.removed;
  return false;
}

void DocumentChecker::EntryText(generation::Entry& e, const std::string& base) {
  Strings(e.paragraphs, base + "/paragraphs", TextKind::kCandidate);
  Strings(e.bullets, base + "/bullets", TextKind::kCandidate);
}

// Returns false when the entry is removed whole.
bool DocumentChecker::Entry(generation::Entry& e, const std::string& section,
                            const std::string& base) {
  if (section == "experience" && !RoleEntry(e, base)) return false;
  if (section == "education" && !EducationEntry(e, base)) return false;
  if (section == "projects") {
    ++report_.claims_checked;
    const auto& projects = facts_.profile().projects;
    const bool known = std::any_of(projects.begin(), projects.end(), [&](const domain::Project& p) {
      return Fold(p.name) == Fold(e.heading);
    });
    if (!known) {
      Violate(ClaimKind::kProject, e.heading, base + "/heading", e.heading);
      ++report_.removed;
      return false;
    }
    if (!Fold(e.subheading).empty() && !facts_.MatchesContact(e.subheading) &&
        !facts_.InProfileText(e.subheading)) {
      const bool url = std::any_of(projects.begin(), projects.end(), [&](const domain::Project& p) {
        return p.url && Fold(*p.url).ends_with(Fold(e.subheading));
      });
      if (!url) e.subheading = Text(e.subheading, base + "/subheading");
    }
  } else if (section != "experience" && section != "education") {
    e.heading = Text(e.heading, base + "/heading");
    e.subheading = Text(e.subheading, base + "/subheading");
    e.dates = Text(e.dates, base + "/dates");
  }
  EntryText(e, base);
  return true;
}

std::optional<ClaimKind> DocumentChecker::SkillItem(std::string_view item) const {
  if (Fold(item).empty() || facts_.ShowsSkillItem(item)) return std::nullopt;
  return ClaimKind::kSkill;
}

std::optional<ClaimKind> DocumentChecker::LanguageItem(std::string_view item) const {
  const std::size_t cut = std::min({item.find(" ("), item.find(':'), item.find(" \xE2\x80\x93"),
                                    item.find(" - "), item.find(',')});
  const std::string_view name = item.substr(0, cut);
  const std::string_view rest = cut == std::string_view::npos ? "" : item.substr(cut);
  const nlp::Taxonomy& tax = facts_.matcher().taxonomy();
  const nlp::Skill* skill = tax.FindByName(name);
  for (const domain::LanguageSkill& l : facts_.profile().languages) {
    const nlp::Skill* have = tax.FindByName(l.language);
    if (Fold(l.language) != Fold(name) && (skill == nullptr || have != skill)) continue;
    // A CEFR level, when both state one, must be the same.
    const std::string said = Fold(rest);
    const std::string mine = Fold(l.proficiency.value_or(""));
    for (const char* level : {"a1", "a2", "b1", "b2", "c1", "c2"}) {
      if (ContainsFolded(said, level) && !ContainsFolded(mine, level) && mine.size() == 2) {
        return ClaimKind::kSkill;
      }
    }
    return std::nullopt;
  }
  return ClaimKind::kSkill;
}

std::optional<ClaimKind> DocumentChecker::CertificationItem(std::string_view item) {
  const std::string folded = Fold(item);
  for (const domain::Certification& c : facts_.profile().certifications) {
    if (ContainsFolded(folded, Fold(c.name))) return std::nullopt;
  }
  return ClaimKind::kCertification;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',' && text[i] != ';') continue;
    std::string_view item = text.substr(start, i - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    start = i + 1;
  }
  return out;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void DocumentChecker::Section(generation::Section& section) {
  const std::string& id = section.id;
  std::vector<Block> kept;
  for (std::size_t b = 0; b < section.blocks.size(); ++b) {
    Block block = std::move(section.blocks[b]);
    const std::string base = prefix_ + "/" + id + "/" + std::to_string(b);
    const bool listing = id == "skills" || id == "languages" || id == "certifications";
    auto check_item = [&](std::string_view item) -> std::optional<ClaimKind> {
      if (id == "skills") return SkillItem(item);
      if (id == "languages") return LanguageItem(item);
      return CertificationItem(item);
    };
    switch (block.kind) {
      case BlockKind::kParagraph:
        if (listing && id != "certifications") {
          block.text = JoinList(Items(SplitList(block.text), base + "/text", check_item));
        } else if (!block.text.empty()) {
          block.text = Text(block.text, base + "/text");
        }
        if (!block.text.empty()) kept.push_back(std::move(block));
        break;
      case BlockKind::kBullets:
        if (listing) block.items = Items(block.items, base + "/items", check_item);
        if (id != "skills" && id != "languages")
          Strings(block.items, base + "/items", TextKind::kCandidate);
        if (!block.items.empty()) kept.push_back(std::move(block));
        break;
      case BlockKind::kEntry:
        if (Entry(block.entry, id, base)) kept.push_back(std::move(block));
        break;
    }
  }
  section.blocks = std::move(kept);
}

void DocumentChecker::Header(Document& doc) {
  const std::string base = prefix_ + "/header";
  if (!doc.name.empty()) {
    ++report_.claims_checked;
    if (!facts_.MatchesPersonName(doc.name)) {
      Violate(ClaimKind::kContact, doc.name, base + "/name", doc.name);
      ++report_.removed;
      doc.name.clear();
    }
  }
  std::vector<ContactItem> kept;
  for (std::size_t i = 0; i < doc.contact.size(); ++i) {
    ContactItem& item = doc.contact[i];
    ++report_.claims_checked;
    const bool ok =
        facts_.MatchesContact(item.text) && (!item.url || facts_.MatchesContact(*item.url) ||
                                             Fold(*item.url).ends_with(Fold(item.text)));
    if (ok) {
      kept.push_back(std::move(item));
    } else {
      Violate(ClaimKind::kContact, item.text, base + "/contact/" + std::to_string(i), item.text);
      ++report_.removed;
    }
  }
  doc.contact = std::move(kept);
  if (doc.headline.empty()) return;
  // Each part of the headline that names a job ("Senior Backend Engineer · Go") is a title.
  std::string remaining = doc.headline;
  for (const std::string& part : SplitList(doc.headline)) {
    if (!LooksLikeTitle(part)) continue;
    Claim title;
    title.kind = ClaimKind::kTitle;
    title.text = part;
    ++report_.claims_checked;
    if (!facts_.Supports(title)) {
      Violate(ClaimKind::kTitle, part, base + "/headline", doc.headline);
      remaining.clear();
    }
  }
  if (remaining.empty()) {
    ++report_.removed;
    doc.headline.clear();
    return;
  }
  doc.headline = Text(doc.headline, base + "/headline");
}

void DocumentChecker::LetterParts(Letter& letter) {
  const std::string base = prefix_;
  Strings(letter.recipient, base + "/recipient", TextKind::kAboutJob);
  letter.subject = Text(letter.subject, base + "/subject", TextKind::kAboutJob);
  letter.salutation = Text(letter.salutation, base + "/salutation", TextKind::kAboutJob);
  Strings(letter.paragraphs, base + "/paragraphs", TextKind::kLetter);
  letter.closing = Text(letter.closing, base + "/closing", TextKind::kAboutJob);
  if (!letter.signature.empty()) {
    ++report_.claims_checked;
    if (!facts_.MatchesPersonName(letter.signature)) {
      Violate(ClaimKind::kContact, letter.signature, base + "/signature", letter.signature);
      ++report_.removed;
      letter.signature.clear();
    }
  }
}

}  // namespace

void CheckDocument(Document& doc, const FactBase& facts, TruthReport& report) {
  const bool cv = doc.kind == DocumentKind::kCv;
  DocumentChecker checker(facts, report, cv ? "cv" : "coverLetter");
  checker.Header(doc);
  for (Section& section : doc.sections) checker.Section(section);
  if (!cv) checker.LetterParts(doc.letter);
}

}  // namespace jc::generation
