#include "generation/fact_base.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "generation/claim_numbers.hpp"
#include "generation/claim_words.hpp"
#include "generation/text_fold.hpp"

namespace jc::generation {
namespace {

// Folded words that say nothing about which organisation it is.
constexpr std::string_view kOrgNoise[] = {
    "gmbh", "ag",   "inc", "ltd", "llc", "sa",   "sas",         "spa",     "bv",  "as",
    "lda",  "plc",  "kg",  "se",  "co",  "corp", "corporation", "limited", "ev",  "ohg",
    "ug",   "sl",   "oy",  "ab",  "nv",  "pty",  "sarl",        "srl",     "llp", "gbr",
    "mbh",  "kgaa", "the", "der", "die", "das",  "and",         "und",     "of",  "de",
    "des",  "du",   "di",  "la",  "le",  "von",  "van",         "fur"};

std::string CanonicalWord(std::string w) {
  static constexpr std::pair<std::string_view, std::string_view> kSame[] = {
      {"universitat", "university"},  {"universite", "university"},
      {"universidad", "university"},  {"universita", "university"},
      {"universiteit", "university"}, {"uniwersytet", "university"},
      {"institut", "institute"},      {"instituto", "institute"},
      {"istituto", "institute"},      {"ecole", "school"}};
  for (const auto& [from, to] : kSame) {
    if (w == from) return std::string(to);
  }
  return w;
}

std::vector<std::string> OrgWords(std::string_view name) {
  std::vector<std::string> out;
  for (std::string& w : FoldWords(name)) {
    if (w.size() == 1 ||
        std::find(std::begin(kOrgNoise), std::end(kOrgNoise), w) != std::end(kOrgNoise)) {
      continue;
    }
    out.push_back(CanonicalWord(std::move(w)));
  }
  return out;
}

// Equal words, allowing German inflection and feminine forms: "technische" / "technischen",
// "Entwickler" / "Entwicklerin".
bool SameWord(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  if (s.size() < 4 || !l.starts_with(s)) return false;
  const std::string_view rest = std::string_view(l).substr(s.size());
  return rest == "n" || rest == "in" || rest == "en" || rest == "s" || rest == "es" ||
         rest == "r" || rest == "m";
}

// Whether `claim` is a contiguous run of `name`, where a claim word may also be the initials
// of several name words ("TU Dresden" for "Technische Universität Dresden").
bool RunOf(const std::vector<std::string>& claim, const std::vector<std::string>& name) {
  if (claim.empty()) return false;
  for (std::size_t start = 0; start < name.size(); ++start) {
    std::size_t pos = start;
    bool ok = true;
    for (const std::string& c : claim) {
      if (pos < name.size() && SameWord(c, name[pos])) {
        ++pos;
        continue;
      }
      std::string initials;
      for (std::size_t k = pos; k < name.size() && initials.size() < c.size(); ++k) {
        initials += name[k][0];
      }
      if (c.size() >= 2 && initials == c) {
        pos += c.size();
        continue;
      }
      ok = false;
      break;
    }
    if (ok) return true;
  }
  return false;
}

// Whether `claim` keeps the order of `title`'s words, leaving some out ("Senior Engineer" of
// "Senior Backend Engineer").
bool SubsequenceOf(const std::vector<std::string>& claim, const std::vector<std::string>& title) {
  if (claim.empty()) return false;
  std::size_t pos = 0;
  for (const std::string& c : claim) {
    while (pos < title.size() && !SameWord(c, title[pos])) ++pos;
    if (pos == title.size()) return false;
    ++pos;
  }
  return true;
}

std::vector<std::string> TitleWords(std::string_view title) {
  std::vector<std::string> out;
  for (std::string& w : FoldWords(title)) {
    if (w == "a" || w == "an" || w == "the" || w == "ein" || w == "eine") continue;
    out.push_back(std::move(w));
  }
  return out;
}

bool SameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

std::string Digits(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// A link without scheme, "www.", "mailto:", "tel:" or trailing slash, lower case.
std::string LinkKey(std::string_view url) {
  std::string s;
  for (const char c : url) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string_view p : {"https://", "http://", "mailto:", "tel:"}) {
    if (s.starts_with(p)) s.erase(0, p.size());
  }
  if (s.starts_with("www.")) s.erase(0, 4);
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

FactBase::FactBase(const domain::Profile& profile, const domain::Job* job,
                   const nlp::SkillMatcher& matcher, domain::PartialDate as_of)
    : profile_(profile), matcher_(&matcher), as_of_(as_of) {
  if (job != nullptr) job_ = *job;
  const std::size_t n = matcher.taxonomy().Size();
  mine_.skills.assign(n, false);
  job_side_.skills.assign(n, false);
  IndexProfile();
  IndexJob();
}

void FactBase::AddText(Side& side, std::string_view text) {
  if (text.empty()) return;
  side.text += Fold(text);
  side.text += '\n';
  if (const nlp::Skill* whole = matcher_->taxonomy().FindByName(text); whole != nullptr) {
    side.skills[whole->id] = true;
  }
  for (const nlp::SkillMatch& m : matcher_->FindAll(text)) {
    if (!m.negated) side.skills[m.skill] = true;
  }
  Quantities q = FindQuantities(text);
  for (NumberMention& m : q.numbers) side.numbers.push_back(std::move(m.number));
  for (const DateMention& d : q.dates) side.dates.push_back(d.date);
}

void FactBase::IndexProfile() {
  const domain::Profile& p = profile_;
  Side& s = mine_;
  auto opt = [&](const std::optional<std::string>& v) {
    if (v) AddText(s, *v);
  };
  auto date = [&](const std::optional<domain::PartialDate>& d) {
    if (d) s.dates.push_back(*d);
  };
  opt(p.headline);
  opt(p.summary);
  opt(p.location);
  if (p.headline) s.titles.push_back(TitleWords(*p.headline));
  std::vector<domain::DateRange> all;
  std::vector<std::vector<domain::DateRange>> by_skill(mine_.skills.size());
  for (const domain::WorkExperience& r : p.work_experience) {
    const std::vector<bool> before = s.skills;
    opt(r.title);
    opt(r.company);
    opt(r.location);
    opt(r.description);
    for (const std::string& h : r.highlights) AddText(s, h);
    if (r.title) s.titles.push_back(TitleWords(*r.title));
    if (r.company) s.orgs.push_back(OrgWords(*r.company));
    date(r.dates.start);
    date(r.dates.end);
    if (r.dates.current || (r.dates.start && !r.dates.end)) s.dates.push_back(as_of_);
    all.push_back(r.dates);
    year_figures_.push_back(domain::MergedYears({r.dates}, as_of_));
    // Skills this role shows, for "N years of <skill>".
    for (std::size_t id = 0; id < s.skills.size(); ++id) {
      if (s.skills[id] && !before[id]) by_skill[id].push_back(r.dates);
    }
  }
  for (const auto& ranges : by_skill) {
    if (ranges.size() > 1) year_figures_.push_back(domain::MergedYears(ranges, as_of_));
  }
  total_years_ = p.total_years_experience.value_or(domain::MergedYears(all, as_of_));
  year_figures_.push_back(total_years_);
  year_figures_.push_back(domain::MergedYears(all, as_of_));
  for (const domain::Education& e : p.education) {
    opt(e.institution);
    opt(e.degree);
    opt(e.field);
    opt(e.grade);
    if (e.institution) s.orgs.push_back(OrgWords(*e.institution));
    for (const words::Degree& d : words::FindDegrees(
             words::Tokenize(e.degree.value_or("") + " " + e.field.value_or("")), {})) {
      s.degrees.emplace_back(d.level, d.type);
    }
    date(e.start);
    date(e.end);
    if (e.start && e.end) year_figures_.push_back(domain::MergedYears({{e.start, e.end}}, as_of_));
  }
  for (const std::string& t : p.skills.technical) AddText(s, t);
  for (const std::string& t : p.skills.soft) AddText(s, t);
  for (const domain::LanguageSkill& l : p.languages) {
    AddText(s, l.language);
    opt(l.proficiency);
  }
  for (const domain::Certification& c : p.certifications) {
    AddText(s, c.name);
    opt(c.issuer);
    if (c.issuer) s.orgs.push_back(OrgWords(*c.issuer));
    date(c.date);
  }
  for (const domain::Project& pr : p.projects) {
    AddText(s, pr.name);
    opt(pr.description);
    for (const std::string& t : pr.technologies) AddText(s, t);
  }
}

void FactBase::IndexJob() {
  if (!job_) return;
  Side& s = job_side_;
  AddText(s, job_->description);
  if (job_->title) {
    title_skills_.assign(s.skills.size(), false);
    for (const nlp::SkillMatch& m : matcher_->FindAll(*job_->title)) title_skills_[m.skill] = true;
    AddText(s, *job_->title);
    s.titles.push_back(TitleWords(*job_->title));
  }
  if (job_->company) {
    AddText(s, *job_->company);
    s.orgs.push_back(OrgWords(*job_->company));
  }
  if (job_->location) AddText(s, *job_->location);
  for (const words::Degree& d : words::FindDegrees(words::Tokenize(job_->description), {})) {
    s.degrees.emplace_back(d.level, d.type);
  }
}

bool FactBase::HasNumber(const Side& side, const NumberValue& n) const {
  for (const NumberValue& p : side.numbers) {
    if (n.unit == NumberUnit::kPercent && p.unit != NumberUnit::kPercent) continue;
    if (n.unit == NumberUnit::kMoney &&
        (p.unit != NumberUnit::kMoney ||
         (!n.currency.empty() && !p.currency.empty() && n.currency != p.currency))) {
      continue;
    }
    const bool same =
        SameValue(n.value, p.value) || (p.has_alt && SameValue(n.value, p.alt)) ||
        (n.has_alt && (SameValue(n.alt, p.value) || (p.has_alt && SameValue(n.alt, p.alt))));
    if (same) return true;
  }
  return false;
}

// A "N years" figure is true when the profile's dates give it: the total, one role, the roles
// that show one skill, one programme; floored or rounded ("12.4" is 12; "about 13" may round
// up), or as a lower bound ("over 10 years").
bool FactBase::HasYears(const NumberValue& n) const {
  for (const double d : year_figures_) {
    if (d <= 0) continue;
    if (n.bound == YearsBound::kAtLeast && n.value <= d + 1e-9) return true;
    if (SameValue(n.value, std::floor(d)) || SameValue(n.value, std::round(d))) return true;
    if (n.bound == YearsBound::kAbout && SameValue(n.value, std::ceil(d))) return true;
  }
  return false;
}

bool FactBase::HasDate(const Side& side, domain::PartialDate date) const {
  return std::any_of(side.dates.begin(), side.dates.end(), [&](const domain::PartialDate& d) {
    return d.year == date.year && (date.month == 0 || d.month == date.month);
  });
}

bool FactBase::HasOrg(const Side& side, const std::vector<std::string>& words) const {
  return std::any_of(side.orgs.begin(), side.orgs.end(),
                     [&](const std::vector<std::string>& org) { return RunOf(words, org); });
}

bool FactBase::HasTitle(const Side& side, const std::vector<std::string>& words) const {
  return std::any_of(side.titles.begin(), side.titles.end(),
                     [&](const std::vector<std::string>& t) { return SubsequenceOf(words, t); });
}

bool FactBase::SupportedBy(const Side& side, const Claim& claim) const {
  switch (claim.kind) {
    case ClaimKind::kSkill:
      return side.skills[claim.skill];
    case ClaimKind::kNumber:
      return HasNumber(side, claim.number) ||
             (claim.number.years && &side == &mine_ && HasYears(claim.number));
    case ClaimKind::kDate:
      return HasDate(side, claim.date) ||
             HasNumber(side, NumberValue{.value = static_cast<double>(claim.date.year)});
    case ClaimKind::kEmployer:
    case ClaimKind::kInstitution:
      return HasOrg(side, OrgWords(claim.text)) || ContainsFolded(side.text, Fold(claim.text));
    case ClaimKind::kTitle:
      return HasTitle(side, TitleWords(claim.text)) || ContainsFolded(side.text, Fold(claim.text));
    case ClaimKind::kDegree:
      // Same level; a named kind (MBA, M.Sc.) must not contradict the profile's.
      return std::any_of(side.degrees.begin(), side.degrees.end(), [&](const auto& d) {
        return d.first == claim.level &&
               (claim.degree_type == 0 || d.second == 0 || d.second == claim.degree_type);
      });
    case ClaimKind::kCertification:
    case ClaimKind::kProject:
    case ClaimKind::kContact:
      return ContainsFolded(side.text, Fold(claim.text));
  }
  return false;
}

bool FactBase::Supports(const Claim& claim) const {
  if (SupportedBy(mine_, claim)) return true;
  if (!job_) return false;
  if (claim.voice == Voice::kJob) return SupportedBy(job_side_, claim);
  if (claim.voice != Voice::kApplication) return false;
  // Applying names the target: the job's company and title (and the skills in that title),
  // nothing else of the posting.
  switch (claim.kind) {
    case ClaimKind::kSkill:
      return claim.skill < title_skills_.size() && title_skills_[claim.skill];
    case ClaimKind::kEmployer:
    case ClaimKind::kInstitution:
      // "applying for the Staff Engineer position" reads the title as a name after "for".
      return HasOrg(job_side_, OrgWords(claim.text)) || HasTitle(job_side_, TitleWords(claim.text));
    case ClaimKind::kTitle:
      return HasTitle(job_side_, TitleWords(claim.text));
    default:
      return false;
  }
}

bool FactBase::ShowsSkill(nlp::SkillId skill) const {
  return skill < mine_.skills.size() && mine_.skills[skill];
}

bool FactBase::ShowsSkillItem(std::string_view item) const {
  if (const nlp::Skill* whole = matcher_->taxonomy().FindByName(item); whole != nullptr) {
    return ShowsSkill(whole->id);
  }
  if (InProfileText(item)) return true;
  const std::vector<nlp::SkillMatch> found = matcher_->FindAll(item);
  return !found.empty() && std::all_of(found.begin(), found.end(), [&](const nlp::SkillMatch& m) {
    return m.negated || ShowsSkill(m.skill);
  });
}

bool FactBase::HasEmployer(std::string_view name) const {
  const std::vector<std::string> words = OrgWords(name);
  return std::any_of(profile_.work_experience.begin(), profile_.work_experience.end(),
                     [&](const domain::WorkExperience& r) {
                       return r.company && RunOf(words, OrgWords(*r.company));
                     });
}

bool FactBase::HasInstitution(std::string_view name) const {
  const std::vector<std::string> words = OrgWords(name);
  return std::any_of(profile_.education.begin(), profile_.education.end(),
                     [&](const domain::Education& e) {
                       return e.institution && RunOf(words, OrgWords(*e.institution));
                     });
}

bool FactBase::InProfileText(std::string_view text) const {
  const std::string folded = Fold(text);
  return !folded.empty() && ContainsFolded(mine_.text, folded);
}

bool FactBase::SameName(std::string_view a, std::string_view b) const {
  return RunOf(OrgWords(a), OrgWords(b));
}

bool FactBase::SameTitle(std::string_view claim, std::string_view title) const {
  return SubsequenceOf(TitleWords(claim), TitleWords(title));
}

bool FactBase::MatchesPersonName(std::string_view name) const {
  return profile_.full_name && Fold(name) == Fold(*profile_.full_name);
}

bool FactBase::MatchesContact(std::string_view text) const {
  const domain::Profile& p = profile_;
  if (MatchesPersonName(text)) return true;
  const std::string key = LinkKey(text);
  if (key.empty()) return false;
  if (p.email && key == LinkKey(*p.email)) return true;
  const std::string digits = Digits(text);
  if (p.phone && digits.size() >= 6) {
    const std::string mine = Digits(*p.phone);
    const std::size_t n = std::min<std::size_t>({mine.size(), digits.size(), 9});
    // Same number with or without the country code: "+49 30 1234" / "030 1234".
    if (mine == digits || (n >= 7 && mine.ends_with(digits.substr(digits.size() - n)) &&
                           digits.size() - n <= 3 && mine.size() - n <= 3)) {
      return true;
    }
  }
  if (p.location && !Fold(text).empty() &&
      (Fold(text) == Fold(*p.location) || ContainsFolded(Fold(*p.location), Fold(text)))) {
    return true;
  }
  return std::any_of(p.links.begin(), p.links.end(),
                     [&](const domain::Link& l) { return LinkKey(l.url) == key; });
}

}  // namespace jc::generation
