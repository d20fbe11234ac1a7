// CheckProfile: a tailored profile may reorder and omit what the original says, never add.
#include <algorithm>
#include <string>
#include <utility>

#include "generation/text_fold.hpp"
#include "generation/truthfulness.hpp"

namespace jc::generation {
namespace {

bool SameOpt(const std::optional<std::string>& tailored, const std::optional<std::string>& orig) {
  return !tailored || (orig && Fold(*tailored) == Fold(*orig));
}

class ProfileChecker {
 public:
  ProfileChecker(const FactBase& facts, TruthReport& report) : facts_(facts), report_(report) {}

  // Keeps the elements `find` matches in the original (returning it, or nullptr), reports and
  // removes the others; `after` checks the text of a kept one against its original.
  template <typename T, typename Find, typename After>
  void Filter(std::vector<T>& items, const std::string& base, ClaimKind kind, Find find,
              After after) {
    std::vector<T> kept;
    for (std::size_t i = 0; i < items.size(); ++i) {
      ++report_.claims_checked;
      const std::string at = base + "/" + std::to_string(i);
      if (const auto* orig = find(items[i]); orig != nullptr) {
        after(items[i], *orig, at);
        kept.push_back(std::move(items[i]));
      } else {
        report_.violations.push_back({kind, Describe(items[i]), at, Describe(items[i])});
        ++report_.removed;
      }
    }
    items = std::move(kept);
  }

  // Original text passes as it is; new text must pass CheckText.
  void Text(std::optional<std::string>& text, const std::vector<const std::string*>& originals,
            const std::string& at) {
    if (!text) return;
    if (std::any_of(originals.begin(), originals.end(),
                    [&](const std::string* o) { return o != nullptr && *o == *text; })) {
      return;
    }
    *text = CheckText(*text, at, facts_, report_);
    if (text->empty()) text.reset();
  }

  void Lines(std::vector<std::string>& lines, const std::vector<std::string>& originals,
             const std::string& base) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (std::find(originals.begin(), originals.end(), lines[i]) == originals.end()) {
        lines[i] = CheckText(lines[i], base + "/" + std::to_string(i), facts_, report_);
      }
      if (!lines[i].empty()) kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }

  void Contact(std::optional<std::string>& value, const std::optional<std::string>& orig,
               const std::string& at) {
    if (!value || SameOpt(value, orig)) return;
    ++report_.claims_checked;
    report_.violations.push_back({ClaimKind::kContact, *value, at, *value});
    ++report_.removed;
    value.reset();
  }

  static std::string Describe(const domain::WorkExperience& r) {
    return r.title.value_or("") + " | " + r.company.value_or("");
  }
  static std::string Describe(const domain::Education& e) {
    return e.degree.value_or("") + " | " + e.institution.value_or("");
  }
  static std::string Describe(const domain::Certification& c) { return c.name; }
  static std::string Describe(const domain::Project& p) { return p.name; }
  static std::string Describe(const domain::LanguageSkill& l) { return l.language; }
  static std::string Describe(const std::string& s) { return s; }
  static std::string Describe(const domain::Link& l) { return l.url; }

  const FactBase& facts_;
  TruthReport& report_;
};

template <typename T, typename Same>
const T* FindIn(const std::vector<T>& originals, Same same) {
  const auto it = std::find_if(originals.begin(), originals.end(), same);
  return it == originals.end() ? nullptr : &*it;
}

}  // namespace

void CheckProfile(domain::Profile& tailored, const FactBase& facts, TruthReport& report) {
  const domain::Profile& orig = facts.profile();
  ProfileChecker check(facts, report);
  check.Contact(tailored.full_name, orig.full_name, "profile/fullName");
  check.Contact(tailored.email, orig.email, "profile/email");
  check.Contact(tailored.phone, orig.phone, "profile/phone");
  check.Contact(tailored.location, orig.location, "profile/location");
  check.Filter(
      tailored.links, "profile/links", ClaimKind::kContact,
      [&](const domain::Link& l) {
        return FindIn(orig.links, [&](const domain::Link& o) { return o.url == l.url; });
      },
      [](auto&, const auto&, const std::string&) {});
  std::vector<const std::string*> all_text;
  if (orig.headline) all_text.push_back(&*orig.headline);
  if (orig.summary) all_text.push_back(&*orig.summary);
  check.Text(tailored.headline, all_text, "profile/headline");
  check.Text(tailored.summary, all_text, "profile/summary");

  check.Filter(
      tailored.work_experience, "profile/workExperience", ClaimKind::kEmployer,
      [&](const domain::WorkExperience& r) {
        return FindIn(orig.work_experience, [&](const domain::WorkExperience& o) {
          return SameOpt(r.company, o.company) && SameOpt(r.title, o.title) && r.dates == o.dates &&
                 SameOpt(r.location, o.location) && (r.company || r.title);
        });
      },
      [&](domain::WorkExperience& r, const domain::WorkExperience& o, const std::string& at) {
        std::vector<const std::string*> texts;
        if (o.description) texts.push_back(&*o.description);
        check.Text(r.description, texts, at + "/description");
        check.Lines(r.highlights, o.highlights, at + "/highlights");
      });
  check.Filter(
      tailored.education, "profile/education", ClaimKind::kInstitution,
      [&](const domain::Education& e) {
        return FindIn(orig.education, [&](const domain::Education& o) {
          return SameOpt(e.institution, o.institution) && SameOpt(e.degree, o.degree) &&
                 SameOpt(e.field, o.field) && SameOpt(e.grade, o.grade) &&
                 (!e.start || e.start == o.start) && (!e.end || e.end == o.end);
        });
      },
      [](auto&, const auto&, const std::string&) {});
  check.Filter(
      tailored.certifications, "profile/certifications", ClaimKind::kCertification,
      [&](const domain::Certification& c) {
        return FindIn(orig.certifications, [&](const domain::Certification& o) {
          return Fold(c.name) == Fold(o.name) && SameOpt(c.issuer, o.issuer) &&
                 (!c.date || c.date == o.date);
        });
      },
      [](auto&, const auto&, const std::string&) {});
  check.Filter(
      tailored.projects, "profile/projects", ClaimKind::kProject,
      [&](const domain::Project& p) {
        return FindIn(orig.projects, [&](const domain::Project& o) {
          return Fold(p.name) == Fold(o.name) && SameOpt(p.url, o.url);
        });
      },
      [&](domain::Project& p, const domain::Project& o, const std::string& at) {
        std::vector<const std::string*> texts;
        if (o.description) texts.push_back(&*o.description);
        check.Text(p.description, texts, at + "/description");
        check.Filter(
            p.technologies, at + "/technologies", ClaimKind::kSkill,
            [&](const std::string& t) { return facts.ShowsSkillItem(t) ? &t : nullptr; },
            [](auto&, const auto&, const std::string&) {});
      });
  check.Filter(
      tailored.languages, "profile/languages", ClaimKind::kSkill,
      [&](const domain::LanguageSkill& l) {
        return FindIn(orig.languages, [&](const domain::LanguageSkill& o) {
          return Fold(l.language) == Fold(o.language) && SameOpt(l.proficiency, o.proficiency);
        });
      },
      [](auto&, const auto&, const std::string&) {});
  for (auto* list : {&tailored.skills.technical, &tailored.skills.soft}) {
    const std::string base =
        list == &tailored.skills.technical ? "profile/skills/technical" : "profile/skills/soft";
    check.Filter(
        *list, base, ClaimKind::kSkill,
        [&](const std::string& s) { return facts.ShowsSkillItem(s) ? &s : nullptr; },
        [](auto&, const auto&, const std::string&) {});
  }
  if (tailored.total_years_experience != orig.total_years_experience) {
    ++report.claims_checked;
    report.violations.push_back({ClaimKind::kNumber,
                                 std::to_string(tailored.total_years_experience.value_or(0)),
                                 "profile/totalYearsExperience", ""});
    tailored.total_years_experience = orig.total_years_experience;
  }
}

}  // namespace jc::generation
