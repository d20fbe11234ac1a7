#include "parsing/job/requirements_extractor.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "nlp/language_detector.hpp"
#include "nlp/text_normalize.hpp"
#include "parsing/job/experience_years.hpp"
#include "parsing/job/job_attributes.hpp"
#include "parsing/job/job_title.hpp"
#include "parsing/job/posting_sections.hpp"
#include "parsing/job/posting_text.hpp"
#include "parsing/job/requirement_cues.hpp"
#include "parsing/job/salary_parser.hpp"
#include "parsing/job/skill_mentions.hpp"
#include "parsing/job/spoken_languages.hpp"

namespace jc::parsing {
namespace {

using job::Need;
using job::PartKind;
using job::PostingLine;

constexpr std::size_t kMaxKeywords = 8;

constexpr std::size_t kMaxResponsibilities = 20;

void AddUnique(std::vector<std::string>& list, const std::string& value) {
  for (const auto& v : list) {
    if (job::LowerEquals(v, value)) return;
  }
  list.push_back(value);
}

const PostingLine* LineAt(const std::vector<PostingLine>& lines, std::size_t pos) {
  auto it = std::upper_bound(lines.begin(), lines.end(), pos,
                             [](std::size_t p, const PostingLine& l) { return p < l.begin; });
  if (it == lines.begin()) return nullptr;
  --it;
  return pos < it->end ? &*it : nullptr;
}

std::vector<std::string> Responsibilities(std::string_view text,
                                          const std::vector<PostingLine>& lines) {
  std::vector<std::string> out;
  bool any_bullet = false;
  for (const auto& l : lines) any_bullet |= l.part == PartKind::kDuties && l.bullet;
  for (const auto& l : lines) {
    if (l.part != PartKind::kDuties || l.heading || out.size() >= kMaxResponsibilities) continue;
    const std::string_view content = text.substr(l.begin, l.end - l.begin);
    if (any_bullet) {
      if (l.bullet) out.emplace_back(content);
      continue;
    }
    // Prose duties: one item per sentence.
    std::size_t b = 0;
    while (b < content.size() && out.size() < kMaxResponsibilities) {
      const job::Span s = job::SentenceAround(content, b);
      const std::string_view item = job::Trim(content.substr(s.begin, s.end - s.begin));
      if (item.size() > 12) out.emplace_back(item);
      b = s.end + 1;
    }
  }
  return out;
}

// A single word of two to five capitals and digits ("ABA", "CPM", "ITAR"), as acronyms are.
bool IsAcronym(std::string_view surface) {
  if (surface.size() < 2 || surface.size() > 5) return false;
  return std::all_of(surface.begin(), surface.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::string TitleCore(std::string_view title) {
  // The title without seniority words and bracketed parts, as a search keyword.
  std::string out;
  for (std::size_t i = 0; i < title.size();) {
    std::size_t j = title.find(' ', i);
    if (j == std::string_view::npos) j = title.size();
    const std::string_view word = title.substr(i, j - i);
    const std::string w = job::Lower(word);
    const bool level = w == "senior" || w == "junior" || w == "sr." || w == "jr." || w == "lead" ||
                       w == "principal" || w == "staff" || w == "sénior";
    if (!level && !word.empty() && word.front() != '(') {
      if (!out.empty()) out += ' ';
      out += word;
    }
    i = j + 1;
  }
  const std::size_t dash = out.find(" \xE2\x80\x93 ");
  if (dash != std::string::npos) out.erase(dash);
  const std::size_t comma = out.find(',');
  if (comma != std::string::npos) out.erase(comma);
  return out;
}

}  // namespace

domain::Requirements ExtractRequirements(const domain::Job& job, const nlp::SkillMatcher& skills) {
  domain::Requirements r;
  const std::string_view text = job.description;
  const std::string lower = job::Lower(text);
  const std::vector<PostingLine> lines = job::SplitPosting(text, lower);
  const nlp::Taxonomy& taxonomy = skills.taxonomy();

  // Title: the posting's own headline when it is the given title written out in full
  // ("Frontend Developer – Patient Experience" for "Frontend Developer"), else the given one.
  std::string headline;
  if (!lines.empty())
    headline = job::HeadlineOf(text.substr(lines[0].begin, lines[0].end - lines[0].begin));
  const std::string location_hint = job.location.value_or("");
  const std::string clean_headline = job::CleanTitle(headline, location_hint);
  std::string raw_title = headline;
  if (job.title && !job::Trim(*job.title).empty()) {
    raw_title = *job.title;
    const std::string given = job::CleanTitle(*job.title, location_hint);
    const bool fuller = !given.empty() && job::Lower(clean_headline).find(job::Lower(given)) == 0;
    r.title = fuller ? clean_headline : given;
  } else if (!clean_headline.empty()) {
    r.title = clean_headline;
  }
  const std::string title_lower = job::Lower(r.title.value_or(""));
  const std::string raw_title_lower = job::Lower(raw_title);

  // Skills.
  std::vector<std::string> keywords;
  const auto add_skill = [&](const nlp::Skill& s, Need need) {
    if (s.category == nlp::Category::kSoft) {
      AddUnique(keywords, s.name);
      return;
    }
    if (need == Need::kRequired) AddUnique(r.required_skills, s.name);
    if (need == Need::kPreferred) AddUnique(r.preferred_skills, s.name);
  };
  // The skills the title names: the job's field is theirs and what they are a kind of.
  std::vector<nlp::SkillId> title_skills;
  if (r.title) {
    // A hard skill named in the title is required ("Backend Engineer (Go)", "Soudeur TIG-MIG");
    // the role's broad domain ("Registered Nurse", "Backend") is not a skill, unless written
    // as an acronym ("SEO Marketing Manager").
    for (const auto& m : skills.FindAll(*r.title)) {
      if (!m.negated) title_skills.push_back(m.skill);
      const nlp::Skill& s = taxonomy.Get(m.skill);
      const std::string_view surface = std::string_view(*r.title).substr(m.begin, m.end - m.begin);
      bool acronym = surface.size() >= 2;
      for (const char c : surface) acronym &= !(c >= 'a' && c <= 'z');
      if (m.negated || !job::Meaningful(s, surface, std::string_view(*r.title).substr(m.end)))
        continue;
      if (s.category == nlp::Category::kDomain && !acronym) continue;
      add_skill(s, Need::kRequired);
    }
  }
  std::vector<nlp::SkillMatch> matches = skills.FindAll(text);
  const job::CueIndex body(lower);
  for (const auto& lang : job::FindLanguages(taxonomy, body)) {
    const bool overlaps = std::any_of(matches.begin(), matches.end(), [&](const auto& m) {
      return m.begin < lang.end && lang.begin < m.end;
    });
    if (!overlaps) matches.push_back(lang);
  }
  for (const auto& named : job::NamesInRequirementLists(text, lines, taxonomy)) {
    const bool overlaps = std::any_of(matches.begin(), matches.end(), [&](const auto& m) {
      return m.begin < named.end && named.begin < m.end;
    });
    if (!overlaps) matches.push_back(named);
  }
  std::sort(matches.begin(), matches.end(),
            [](const nlp::SkillMatch& a, const nlp::SkillMatch& b) { return a.begin < b.begin; });
  std::vector<std::string> duty_skills;
  for (const auto& m : matches) {
    if (m.negated && job::ClauseNegates(lower, m.begin)) continue;
    const PostingLine* line = LineAt(lines, m.begin);
    if (line == nullptr || line->heading) continue;
    const nlp::Skill& s = taxonomy.Get(m.skill);
    const std::string_view surface = text.substr(m.begin, m.end - m.begin);
    if (!job::Meaningful(s, surface, text.substr(m.end, 2))) continue;
    if (s.flags.ambiguous && IsAcronym(surface) &&
        !job::AcronymFitsPosting(taxonomy, s.id, matches)) {
      continue;
    }
    // "Bachelor's degree in Statistics, Mathematics or Economics": fields of study, not skills.
    if (s.category == nlp::Category::kDomain && job::InDegreeClause(lower, m.begin)) continue;
    // The job's own field ("nursing" for a nurse, "teaching" for a teacher) is what the posting
    // is about; it is asked for only where a clause asks for experience in it.
    const bool field = s.category == nlp::Category::kDomain &&
                       std::any_of(title_skills.begin(), title_skills.end(),
                                   [&](nlp::SkillId t) { return taxonomy.Implies(t, s.id); });
    const Need need =
        field && !job::AsksForExperience(lower, m.begin)
            ? Need::kNone
            : job::NeedOf(*line, lower, m.begin, m.end, s.category == nlp::Category::kDomain);
    if (need == Need::kNone) {
      if (line->part == PartKind::kDuties && s.category != nlp::Category::kSoft &&
          s.category != nlp::Category::kSpokenLanguage) {
        AddUnique(duty_skills, s.name);
      }
      if (s.category == nlp::Category::kSoft) AddUnique(keywords, s.name);
      continue;
    }
    add_skill(s, need);
  }
  job::DropImpliedDomains(taxonomy, r.preferred_skills, r.required_skills);
  std::erase_if(r.preferred_skills, [&](const std::string& p) {
    return std::find(r.required_skills.begin(), r.required_skills.end(), p) !=
           r.required_skills.end();
  });

  // Years, overall and per skill ("5+ years of Python").
  const job::ExperienceYears years = job::ExtractExperienceYears(body, lines);
  r.min_years_experience = years.min_years;
  for (const auto& y : years.mentions) {
    if (y.preferred) continue;
    for (const auto& m : matches) {
      if (m.begin < y.end || m.begin > y.end + 40 || m.negated) continue;
      const std::string_view gap = std::string_view(lower).substr(y.end, m.begin - y.end);
      if (gap.find_first_of(".;\n") != std::string_view::npos) break;
      const std::string& name = taxonomy.Get(m.skill).name;
      const bool listed = std::find(r.required_skills.begin(), r.required_skills.end(), name) !=
                          r.required_skills.end();
      const bool known = std::any_of(r.skill_years.begin(), r.skill_years.end(),
                                     [&](const domain::SkillYears& k) { return k.skill == name; });
      if (listed && !known) r.skill_years.push_back({name, y.years});
      break;
    }
  }

  r.seniority = job::SeniorityOf(title_lower, body, r.min_years_experience);
  const bool student = r.seniority == domain::Seniority::kIntern ||
                       job::HasAnyCue(body, {"currently enrolled", "enrolled in", "pursuing a",
                                             "studierende*", "eingeschrieben", "immatrikuliert",
                                             "étudiant*", "estudiante*", "cursando", "student at"});
  job::Education education = job::EducationOf(text, body, lines, student);
  r.education_level = education.level;
  r.fields_of_study = std::move(education.fields);
  r.employment_type = job::EmploymentTypeOf(raw_title_lower, body);
  r.workplace = job::WorkplaceOf(raw_title_lower + " " + job::Lower(location_hint), body);
  if (job.location && !job::Trim(*job.location).empty()) {
    r.location = std::string(job::Trim(*job.location));
  } else {
    r.location = job::LocationFromText(text, lower);
  }
  r.salary = job::ExtractSalary(body, location_hint);
  r.responsibilities = Responsibilities(text, lines);

  // Keywords: the role, what the job involves, the soft skills it names.
  std::vector<std::string> kw;
  if (r.title) {
    const std::string core = TitleCore(*r.title);
    if (!core.empty()) AddUnique(kw, core);
  }
  for (const auto& s : duty_skills) AddUnique(kw, s);
  for (const auto& s : r.required_skills) AddUnique(kw, s);
  for (const auto& s : keywords) AddUnique(kw, s);
  if (kw.size() > kMaxKeywords) kw.resize(kMaxKeywords);
  r.keywords = std::move(kw);
  r.language = nlp::DetectLanguage(text).code;
  return r;
}

}  // namespace jc::parsing
