// ExtractRequirements on hand-written postings in several languages, one rule per test
// (negation, required vs preferred cues, years forms, salary forms, seniority order, the hard
// skill names), plus the labelled corpus (tests/corpus/jobs) as a regression guard.
#include "parsing/job/requirements_extractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/job/salary_parser.hpp"

namespace jc::parsing {
namespace {

namespace fs = std::filesystem;
using domain::EducationLevel;
using domain::EmploymentType;
using domain::SalaryPeriod;
using domain::Seniority;
using domain::Workplace;
using Strings = std::vector<std::string>;

const nlp::SkillMatcher& Matcher() {
  static const nlp::Taxonomy taxonomy = [] {
    auto t = nlp::Taxonomy::Load(JC_SOURCE_DIR "/data/skills");
    EXPECT_TRUE(t);
    return t ? std::move(*t) : nlp::Taxonomy{};
  }();
  static const nlp::SkillMatcher matcher(taxonomy);
  return matcher;
}

domain::Requirements Extract(std::string description, std::optional<std::string> title = {}) {
  domain::Job job;
  job.description = std::move(description);
  job.title = std::move(title);
  return ExtractRequirements(job, Matcher());
}

bool Has(const Strings& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

TEST(RequirementsExtractor, APostingPastedWithoutItsTitleStartsWithAHeading) {
  const auto r = Extract("Requirements:\n- MySQL\n- PostgreSQL\n\nNice to have:\n- Redis\n");
  EXPECT_TRUE(Has(r.required_skills, "MySQL"));
  EXPECT_TRUE(Has(r.required_skills, "PostgreSQL"));
  EXPECT_TRUE(Has(r.preferred_skills, "Redis"));
  // Without a colon the first line is the title, even when it holds a heading word.
  EXPECT_EQ(Extract("Requirements Engineer\n\nRequirements:\n- DOORS\n").title,
            "Requirements Engineer");
}

TEST(RequirementsExtractor, SectionsDecideRequiredAndPreferred) {
  const auto r = Extract(
      "Backend Engineer\n\nWhat you'll do\n- Build services in Kotlin\n\nRequirements\n"
      "- Experience with PostgreSQL\n- Docker\n\nNice to have\n- Terraform\n- Docker\n");
  EXPECT_TRUE(Has(r.required_skills, "PostgreSQL"));
  EXPECT_TRUE(Has(r.required_skills, "Docker"));
  EXPECT_TRUE(Has(r.preferred_skills, "Terraform"));
  EXPECT_FALSE(Has(r.preferred_skills, "Docker"));  // in both lists: stays required only
  EXPECT_FALSE(Has(r.required_skills, "Kotlin"));   // duties only
  EXPECT_FALSE(Has(r.preferred_skills, "Kotlin"));
}

TEST(RequirementsExtractor, ItemCuesOverrideTheHeading) {
  const auto r = Extract(
      "Data Analyst\n\nQualifications\n- Advanced SQL\n- Tableau is a plus\n"
      "- Experience with an HRIS; Workday strongly preferred\n"
      "- Finite element analysis (ANSYS preferred)\n");
  EXPECT_TRUE(Has(r.required_skills, "SQL"));
  EXPECT_TRUE(Has(r.preferred_skills, "Tableau"));
  EXPECT_TRUE(Has(r.preferred_skills, "Workday"));
  EXPECT_TRUE(Has(r.required_skills, "Finite Element Analysis"));
  EXPECT_TRUE(Has(r.preferred_skills, "ANSYS"));
}

TEST(RequirementsExtractor, GermanFrenchSpanishCues) {
  const auto de = Extract(
      "Elektroniker (m/w/d)\n\nIhr Profil\n• Führerschein Klasse B erforderlich\n"
      "• Kenntnisse in KNX wünschenswert\n• Gute Deutschkenntnisse\n");
  EXPECT_TRUE(Has(de.preferred_skills, "Smart Home Installation"));  // KNX is its alias
  EXPECT_TRUE(Has(de.required_skills, "Driver's License"));
  EXPECT_TRUE(Has(de.required_skills, "German"));
  EXPECT_EQ(de.title, "Elektroniker");

  const auto fr = Extract(
      "Développeur Full Stack (H/F) – CDI\n\nProfil recherché\n- Maîtrise de TypeScript\n"
      "- Une expérience avec Kubernetes serait un atout\n");
  EXPECT_TRUE(Has(fr.required_skills, "TypeScript"));
  EXPECT_TRUE(Has(fr.preferred_skills, "Kubernetes"));
  EXPECT_EQ(fr.title, "Développeur Full Stack");
  EXPECT_EQ(fr.employment_type, EmploymentType::kFullTime);

  const auto es = Extract(
      "Ingeniero/a de Datos\n\nRequisitos\n- Experiencia con Python y SQL\n\nSe valorará\n"
      "- Conocimientos de Apache Airflow\n");
  EXPECT_TRUE(Has(es.required_skills, "Python"));
  EXPECT_TRUE(Has(es.preferred_skills, "Apache Airflow"));
}

TEST(RequirementsExtractor, ACueClosingParenthesesSpeaksForThem) {
  const auto r = Extract(
      "Data Engineer\n\nRequisitos\n- Experiencia en algún cloud público (Azure "
      "preferiblemente)\n- Licenses: Forklift Certification (Preferred)\n"
      "- Experience with dbt is a strong plus\n- Python\n");
  EXPECT_TRUE(Has(r.preferred_skills, "Microsoft Azure"));
  EXPECT_TRUE(Has(r.preferred_skills, "Forklift Certification"));
  EXPECT_TRUE(Has(r.preferred_skills, "dbt"));
  EXPECT_TRUE(Has(r.required_skills, "Python"));
}

TEST(RequirementsExtractor, TheJobsOwnFieldIsAskedOnlyAsExperience) {
  // A teacher's posting speaks of teaching throughout; that is the job, not a requirement.
  const auto teacher = Extract(
      "3rd Grade Teacher\n\nQualifications\n- Student teaching or approved internship\n"
      "- Classroom management\n");
  EXPECT_FALSE(Has(teacher.required_skills, "Teaching"));
  EXPECT_TRUE(Has(teacher.required_skills, "Classroom Management"));
  // Asked as experience, it is a requirement.
  const auto nurse =
      Extract("Registered Nurse\n\nRequirements\n- 2 years of nursing experience\n- Wound care\n");
  EXPECT_TRUE(Has(nurse.required_skills, "Nursing"));
}

TEST(RequirementsExtractor, TheOpeningAnnouncementNamesTheRoleNotItsRequirements) {
  const auto r = Extract(
      "We're looking for a Frontend Developer to join our payments squad. You will build "
      "our checkout.\n\nRequirements\n- React\n- TypeScript\n",
      "Web Engineer");
  EXPECT_FALSE(Has(r.required_skills, "Frontend Development"));
  EXPECT_TRUE(Has(r.required_skills, "React"));
}

TEST(RequirementsExtractor, AnAmbiguousAcronymNeedsAKindredSkill) {
  // ABA is the American Bar Association in a legal posting, Applied Behavior Analysis beside
  // special education.
  const auto legal = Extract(
      "Litigation Paralegal\n\nQualifications\n- Paralegal certificate from an ABA-approved "
      "program\n- Relativity\n- Legal research\n- Microsoft Word\n");
  EXPECT_FALSE(Has(legal.required_skills, "Applied Behavior Analysis"));
  EXPECT_TRUE(Has(legal.required_skills, "Relativity"));
  const auto school = Extract(
      "Behavior Technician\n\nRequirements\n- Experience with ABA\n- Special education\n"
      "- Individualized Education Programs (IEP)\n");
  EXPECT_TRUE(Has(school.required_skills, "Applied Behavior Analysis"));
}

TEST(RequirementsExtractor, NegatedSkillsAreDropped) {
  const auto r = Extract(
      "Software Engineering Intern\n\nRequirements\n- Python or C++\n"
      "- No Java experience needed\n");
  EXPECT_TRUE(Has(r.required_skills, "Python"));
  EXPECT_TRUE(Has(r.required_skills, "C++"));
  EXPECT_FALSE(Has(r.required_skills, "Java"));
  EXPECT_FALSE(r.min_years_experience.has_value());  // a skill negation is not "no experience"
  EXPECT_EQ(r.seniority, Seniority::kIntern);
}

TEST(RequirementsExtractor, HardSkillNames) {
  const auto r = Extract(
      "Engineer\n\nRequirements\n- Strong C, C++ and C# skills\n- Experience in Go and R\n"
      "- .NET and Node.js\n- Ready to go the extra mile\n");
  for (const char* s : {"C", "C++", "C#", "Go", "R", ".NET", "Node.js"}) {
    EXPECT_TRUE(Has(r.required_skills, s)) << s;
  }
}

TEST(RequirementsExtractor, YearsForms) {
  struct Case {
    const char* line;
    double years;
  };
  const Case cases[] = {
      {"- 5+ years of professional experience", 5},
      {"- At least three years of experience in accounting", 3},
      {"- 3-5 years of experience", 3},
      {"- Mindestens 3 Jahre Berufserfahrung", 3},
      {"- Au moins 5 ans d'expérience", 5},
      {"- Al menos 2 años de experiencia", 2},
      {"- 6 months of customer service experience", 0.5},
      {"- 3 years minimum as a line cook", 3},
      {"- A couple of years of experience in retail", 2},
      {"- A year of experience in a warehouse", 1},
  };
  for (const auto& c : cases) {
    const auto r = Extract(std::string("Job\n\nRequirements\n") + c.line + "\n");
    ASSERT_TRUE(r.min_years_experience.has_value()) << c.line;
    EXPECT_DOUBLE_EQ(*r.min_years_experience, c.years) << c.line;
  }
}

TEST(RequirementsExtractor, YearsThatAreNotExperience) {
  const auto r = Extract(
      "Truck Driver\n\nWe have been in business since 1987.\n\nRequirements\n"
      "- Must be at least 23 years old\n- No DUI in the last 5 years\n"
      "- 2 years ICU experience preferred\n- 1 year of nursing experience required\n");
  ASSERT_TRUE(r.min_years_experience.has_value());
  EXPECT_DOUBLE_EQ(*r.min_years_experience, 1);
  EXPECT_EQ(r.seniority, Seniority::kJunior);
}

TEST(RequirementsExtractor, OverallYearsAndPerSkillYears) {
  const auto r = Extract(
      "Backend Engineer\n\nRequirements\n- 6+ years of backend development, at least 3 of them "
      "in Go\n- 4+ years of Python\n");
  ASSERT_TRUE(r.min_years_experience.has_value());
  EXPECT_DOUBLE_EQ(*r.min_years_experience, 6);
  const auto python = std::find_if(r.skill_years.begin(), r.skill_years.end(),
                                   [](const auto& y) { return y.skill == "Python"; });
  ASSERT_NE(python, r.skill_years.end());
  EXPECT_DOUBLE_EQ(python->years, 4);
  EXPECT_EQ(r.seniority, Seniority::kSenior);
}

TEST(RequirementsExtractor, NoExperienceRequired) {
  EXPECT_EQ(Extract("Line Cook\n\nNo experience required - we train.\n").min_years_experience, 0.0);
  EXPECT_EQ(
      Extract("Agente\n\nRequisitos\n- Sin experiencia previa necesaria\n").min_years_experience,
      0.0);
}

TEST(RequirementsExtractor, SalaryForms) {
  struct Case {
    const char* text;
    std::optional<double> min, max;
    const char* currency;
    SalaryPeriod period;
  };
  const Case cases[] = {
      {"Pay: €60k–75k", 60000, 75000, "EUR", SalaryPeriod::kYear},
      {"$45/hour", 45, 45, "USD", SalaryPeriod::kHour},
      {"60.000 – 75.000 € brutto/Jahr", 60000, 75000, "EUR", SalaryPeriod::kYear},
      {"Salary: £35,000 per annum", 35000, 35000, "GBP", SalaryPeriod::kYear},
      {"CHF 110'000 p.a.", 110000, 110000, "CHF", SalaryPeriod::kYear},
      {"CTC: ₹4,50,000 – ₹6,00,000 per annum", 450000, 600000, "INR", SalaryPeriod::kYear},
      {"32,26 $ de l'heure", 32.26, 32.26, "USD", SalaryPeriod::kHour},
      {"Ein Jahresgehalt von bis zu 55.000 € brutto", std::nullopt, 55000, "EUR",
       SalaryPeriod::kYear},
      {"Gehalt ab 3.400 € brutto im Monat", 3400, std::nullopt, "EUR", SalaryPeriod::kMonth},
      {"TJM : 550 à 650 € / jour", 550, 650, "EUR", SalaryPeriod::kDay},
      {"$85,000 base / $170,000 OTE", 85000, 85000, "USD", SalaryPeriod::kYear},
  };
  for (const auto& c : cases) {
    const auto s = job::ExtractSalary(c.text, "");
    ASSERT_TRUE(s.has_value()) << c.text;
    EXPECT_EQ(s->min, c.min) << c.text;
    EXPECT_EQ(s->max, c.max) << c.text;
    EXPECT_EQ(s->currency, c.currency) << c.text;
    EXPECT_EQ(s->period, c.period) << c.text;
  }
  EXPECT_EQ(job::ExtractSalary("$24/hr", "Sydney NSW")->currency, "AUD");
  EXPECT_FALSE(job::ExtractSalary("Competitive salary, nach TVöD", "").has_value());
  EXPECT_FALSE(job::ExtractSalary("We raised $140M and sign-on bonus $5,000", "").has_value());
}

TEST(RequirementsExtractor, SeniorityRuleOrder) {
  // 1. Title keyword; "Lead Generation" and "Staff Accountant" are not levels.
  EXPECT_EQ(Extract("Senior Java Entwickler (m/w/d)\n").seniority, Seniority::kSenior);
  EXPECT_EQ(Extract("Staff Machine Learning Engineer\n").seniority, Seniority::kPrincipal);
  EXPECT_EQ(Extract("Teamleiter Kundenservice (m/w/d)\n").seniority, Seniority::kLead);
  EXPECT_EQ(Extract("Werkstudent Data Analytics\n").seniority, Seniority::kIntern);
  EXPECT_NE(Extract("Lead Generation Specialist\n\n- 6+ years of experience\n").seniority,
            Seniority::kLead);
  EXPECT_EQ(
      Extract("Staff Accountant\n\nRequirements\n- 2 years of accounting experience\n").seniority,
      Seniority::kMid);
  // 2. Explicit level text beats years.
  EXPECT_EQ(Extract("Analyst\n\nThis is an entry-level role.\n").seniority, Seniority::kJunior);
  // 3. People management.
  EXPECT_EQ(Extract("Financial Controller\n\nYou will lead a team of six.\n").seniority,
            Seniority::kLead);
  // 4. Years; 5. nothing.
  EXPECT_EQ(Extract("Welder\n\nRequirements\n- 5 years of welding experience\n").seniority,
            Seniority::kSenior);
  EXPECT_FALSE(Extract("Delivery Driver\n\nDrive a van.\n").seniority.has_value());
}

TEST(RequirementsExtractor, EducationLevels) {
  EXPECT_EQ(
      Extract("Job\n\nRequirements\n- BS/MS in Computer Science or equivalent\n").education_level,
      EducationLevel::kBachelor);
  const auto r = Extract("Job\n\nRequirements\n- BS/MS in Computer Science or equivalent\n");
  EXPECT_TRUE(Has(r.fields_of_study, "Computer Science"));
  EXPECT_EQ(Extract("Nurse\n\nRequirements\n- ADN or BSN\n").education_level,
            EducationLevel::kAssociate);
  EXPECT_EQ(Extract("Job\n\nRequirements\n- Bachelor's degree required; Master's preferred\n")
                .education_level,
            EducationLevel::kBachelor);
  EXPECT_EQ(Extract("Job\n\nIhr Profil\n- Abgeschlossene Berufsausbildung als Elektroniker\n")
                .education_level,
            EducationLevel::kAssociate);
  EXPECT_EQ(Extract("Job\n\nNo degree needed.\n").education_level, EducationLevel::kNone);
  EXPECT_EQ(
      Extract("Infirmière\n\nExigences\n- Baccalauréat en sciences infirmières\n").education_level,
      EducationLevel::kBachelor);
  EXPECT_EQ(Extract("CFO\n\nRequirements\n- Lead FP&A\n").education_level, std::nullopt);
}

TEST(RequirementsExtractor, EmploymentAndWorkplace) {
  EXPECT_EQ(Extract("Data Analyst – 12-Month Contract (W2)\n").employment_type,
            EmploymentType::kContract);
  EXPECT_EQ(Extract("Praktikant Konstruktion – Pflichtpraktikum\n").employment_type,
            EmploymentType::kInternship);
  EXPECT_EQ(Extract("Werkstudent Data\n\n20 Stunden pro Woche\n").employment_type,
            EmploymentType::kPartTime);
  EXPECT_EQ(Extract("Cook\n\nFull-time and part-time shifts available.\n").employment_type,
            std::nullopt);
  EXPECT_EQ(Extract("Dev\n\nHybrid: 2 days a week in our office.\n").workplace, Workplace::kHybrid);
  EXPECT_EQ(Extract("Dev\n\nFully remote; we meet in person twice a year.\n").workplace,
            Workplace::kRemote);
  EXPECT_EQ(Extract("Entwickler\n\n2 Tage Homeoffice pro Woche\n").workplace, Workplace::kHybrid);
  EXPECT_EQ(Extract("Agente\n\n100 % teletrabajo\n").workplace, Workplace::kRemote);
  EXPECT_EQ(Extract("Nurse\n\nWork in our hospital ICU.\n").workplace, Workplace::kOnsite);
}

TEST(RequirementsExtractor, TitleCleaningAndGivenTitle) {
  EXPECT_EQ(Extract("DevOps Engineer – 6 Month Contract (Outside IR35)\n").title,
            "DevOps Engineer");
  EXPECT_EQ(Extract("Registered Nurse – Intensive Care Unit (Nights)\n").title,
            "Registered Nurse – Intensive Care Unit");
  EXPECT_EQ(Extract("BERUFSKRAFTFAHRER CE (m/w/d) IM NAHVERKEHR\n").title,
            "Berufskraftfahrer CE im Nahverkehr");
  EXPECT_EQ(Extract("Body text.\n", std::string("Graphic Designer (Part-Time)")).title,
            "Graphic Designer");
}

TEST(RequirementsExtractor, ResponsibilitiesAreTheDutyBullets) {
  const auto r = Extract(
      "Engineer\n\nWe are a small team that builds the tools our customers use every day, and "
      "we are looking for an engineer who cares about the details.\n\nResponsibilities\n"
      "- Design services\n- Review code\n\nRequirements\n- Go\n");
  EXPECT_EQ(r.responsibilities, (Strings{"Design services", "Review code"}));
  EXPECT_EQ(r.language, "en");
}

// --- corpus regression guard -------------------------------------------------------------

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Key(const nlp::Taxonomy& tax, const std::string& name) {
  if (const auto* s = tax.FindByName(name)) return s->slug;
  const std::size_t open = name.find(" (");
  const std::size_t close = name.find(')', open == std::string::npos ? 0 : open);
  if (open != std::string::npos && close != std::string::npos) {
    if (const auto* s = tax.FindByName(name.substr(0, open) + name.substr(close + 1)))
      return s->slug;
    if (const auto* s = tax.FindByName(name.substr(open + 2, close - open - 2))) return s->slug;
  }
  return "?" + name;
}

constexpr double kRequiredF1Floor = 0.78;  // reached 0.811
constexpr double kExactFloor = 0.95;       // reached 1.0 for all three

TEST(RequirementsExtractor, CorpusRegressionGuard) {
  const auto& tax = Matcher().taxonomy();
  long tp = 0, fp = 0, fn = 0;
  int years = 0, education = 0, seniority = 0, total = 0;
  static const char* kSeniority[] = {"intern", "junior", "mid", "senior", "lead", "principal"};
  static const char* kEducation[] = {"none",     "high_school", "associate",
                                     "bachelor", "master",      "phd"};
  for (const auto& e : fs::directory_iterator(fs::path(JC_SOURCE_DIR) / "tests/corpus/jobs")) {
    const std::string name = e.path().filename().string();
    if (name.size() < 10 || name.substr(name.size() - 10) != ".gold.json") continue;
    const auto doc = boost::json::parse(ReadFile(e.path()));
    const auto& gold = doc.at("requirements").as_object();
    domain::Job job;
    job.description = std::string(doc.at("jobData").at("description").as_string());
    const auto r = ExtractRequirements(job, Matcher());
    std::set<std::string> want, got;
    for (const auto& s : gold.at("requiredSkills").as_array())
      want.insert(Key(tax, std::string(s.as_string())));
    for (const auto& s : r.required_skills) got.insert(Key(tax, s));
    for (const auto& g : got) (want.count(g) ? tp : fp)++;
    for (const auto& w : want) fn += got.count(w) ? 0 : 1;
    const auto& gy = gold.at("minYearsExperience");
    years += gy.is_null()
                 ? !r.min_years_experience.has_value()
                 : r.min_years_experience && *r.min_years_experience == gy.to_number<double>();
    const auto& ge = gold.at("educationLevel");
    education += ge.is_null()
                     ? !r.education_level.has_value()
                     : r.education_level &&
                           ge.as_string() == kEducation[static_cast<int>(*r.education_level)];
    const auto& gs = gold.at("seniority");
    seniority += gs.is_null()
                     ? !r.seniority.has_value()
                     : r.seniority && gs.as_string() == kSeniority[static_cast<int>(*r.seniority)];
    ++total;
  }
  ASSERT_GE(total, 58);
  const double p = static_cast<double>(tp) / static_cast<double>(tp + fp);
  const double rc = static_cast<double>(tp) / static_cast<double>(tp + fn);
  const double f1 = 2 * p * rc / (p + rc);
  // Floors: what the extractor reached when this guard was written, minus 0.03 (F1) and 0.05.
  EXPECT_GE(f1, kRequiredF1Floor);
  EXPECT_GE(static_cast<double>(years) / total, kExactFloor);
  EXPECT_GE(static_cast<double>(education) / total, kExactFloor);
  EXPECT_GE(static_cast<double>(seniority) / total, kExactFloor);
}

}  // namespace
}  // namespace jc::parsing
