#include "parsing/cv/feedback.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "nlp/taxonomy.hpp"
#include "parsing/cv/experience_extractor.hpp"

namespace jc::parsing {
namespace {

using domain::PartialDate;
using domain::Severity;

constexpr PartialDate kAsOf{2025, 6};

// A CV as blocks of lines under section headings, and the profile parsed from it.
struct Cv {
  std::vector<std::pair<SectionKind, std::vector<std::string>>> blocks;
  domain::Profile profile;
  int pages = 1;
  std::string language = "en";

  std::vector<std::string>& Lines(SectionKind kind) {
    for (auto& [k, lines] : blocks) {
      if (k == kind) return lines;
    }
    blocks.emplace_back(kind, std::vector<std::string>{});
    return blocks.back().second;
  }
};

domain::WorkExperience Role(std::string title, std::string company, domain::DateRange dates,
                            std::vector<std::string> highlights) {
  domain::WorkExperience role;
  role.title = std::move(title);
  role.company = std::move(company);
  role.dates = dates;
  role.highlights = std::move(highlights);
  return role;
}

// A complete, clean CV: every rubric item present and nothing to report.
Cv CleanCv() {
  Cv cv;
  const std::vector<std::string> acme = {
      "Designed and built the payment service that processes 2 million orders a month.",
      "Cut the average response time of the checkout from 800 ms to 120 ms.",
      "Led a team of five engineers and introduced code review for every change.",
      "Moved the build pipeline to containers, saving 30% of the infrastructure costs."};
  const std::vector<std::string> beta = {
      "Developed the internal reporting tool used by 300 colleagues in four countries.",
      "Reduced the number of production incidents by half within one year.",
      "Wrote the onboarding guide that new developers still follow today."};
  cv.blocks = {
      {SectionKind::kHeader, {"Jane Doe", "jane@example.com | +49 170 1234567 | Berlin, Germany"}},
      {SectionKind::kSummary,
       {"Backend engineer with nine years of experience building reliable payment and reporting "
        "systems. I enjoy turning vague requirements into simple services and helping teams "
        "ship with confidence."}},
      {SectionKind::kExperience, {"Senior Backend Engineer, Acme GmbH, 03/2019 – Present"}},
      {SectionKind::kEducation, {"B.Sc. Computer Science, TU Berlin, 10/2012 – 09/2015"}},
      {SectionKind::kSkills, {"Python, Go, PostgreSQL, Kubernetes, Docker, Terraform, kubectl"}},
  };
  auto& experience = cv.Lines(SectionKind::kExperience);
  experience.insert(experience.end(), acme.begin(), acme.end());
  experience.push_back("Backend Engineer, Beta AG, 01/2016 – 02/2019");
  experience.insert(experience.end(), beta.begin(), beta.end());

  domain::Profile& p = cv.profile;
  p.full_name = "Jane Doe";
  p.email = "jane@example.com";
  p.phone = "+49 170 1234567";
  p.location = "Berlin, Germany";
  p.summary = cv.Lines(SectionKind::kSummary).front();
  p.work_experience = {
      Role("Senior Backend Engineer", "Acme GmbH", {PartialDate{2019, 3}, std::nullopt, true},
           acme),
      Role("Backend Engineer", "Beta AG", {PartialDate{2016, 1}, PartialDate{2019, 2}, false},
           beta),
  };
  domain::Education education;
  education.institution = "TU Berlin";
  education.degree = "B.Sc.";
  education.start = PartialDate{2012, 10};
  education.end = PartialDate{2015, 9};
  p.education = {education};
  p.skills.technical = {"Python", "Go",        "PostgreSQL", "Kubernetes",
                        "Docker", "Terraform", "kubectl"};
  p.total_years_experience = 9.4;
  return cv;
}

class FeedbackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = nlp::Taxonomy::Load(std::string(JC_SOURCE_DIR) + "/data/skills");
    ASSERT_TRUE(loaded.has_value());
    taxonomy_ = new nlp::Taxonomy(std::move(*loaded));
    matcher_ = new nlp::SkillMatcher(*taxonomy_);
    checker_ = new SpellChecker();
  }
  static void TearDownTestSuite() {
    delete checker_;
    delete matcher_;
    delete taxonomy_;
  }

  // `dates`, when given, supplies FeedbackInput::experience_dates from the built document.
  using DatesOf =
      std::function<std::vector<entry::SourceDates>(const Document&, const std::vector<Section>&)>;
  static domain::Feedback Run(const Cv& cv, bool spelling = true, const DatesOf& dates = {}) {
    Document doc;
    doc.kind = FileKind::kPdf;
    doc.pages = cv.pages;
    std::vector<Section> sections;
    for (const auto& [kind, lines] : cv.blocks) {
      Section section;
      section.kind = kind;
      if (kind != SectionKind::kHeader) {
        Line heading;
        heading.text = std::string(SectionKindName(kind));
        heading.role = LineRole::kHeading;
        section.heading = heading.text;
        section.heading_line = doc.lines.size();
        doc.lines.push_back(heading);
      }
      section.begin = doc.lines.size();
      for (const auto& text : lines) {
        Line line;
        line.text = text;
        doc.lines.push_back(line);
      }
      section.end = doc.lines.size();
      sections.push_back(section);
    }
    std::vector<entry::SourceDates> known;
    if (dates) known = dates(doc, sections);
    const FeedbackInput input{doc,         sections, cv.profile,
                              cv.language, kAsOf,    dates ? &known : nullptr};
    return BuildFeedback(input, spelling ? checker_ : nullptr, *matcher_);
  }

  static nlp::Taxonomy* taxonomy_;
  static nlp::SkillMatcher* matcher_;
  static SpellChecker* checker_;
};

nlp::Taxonomy* FeedbackTest::taxonomy_ = nullptr;
nlp::SkillMatcher* FeedbackTest::matcher_ = nullptr;
SpellChecker* FeedbackTest::checker_ = nullptr;

std::string Describe(const domain::Feedback& f) {
  std::string out = "score " + std::to_string(f.score) + "\n";
  for (const auto& s : f.strengths) out += "  + " + s + "\n";
  for (const auto& i : f.issues) out += "  - [" + i.section + "] " + i.message + "\n";
  return out;
}

const domain::FeedbackIssue* FindIssue(const domain::Feedback& f, const std::string& text) {
  for (const auto& issue : f.issues) {
    if (issue.message.find(text) != std::string::npos) return &issue;
  }
  return nullptr;
}

bool HasStrength(const domain::Feedback& f, const std::string& text) {
  return std::any_of(f.strengths.begin(), f.strengths.end(),
                     [&](const std::string& s) { return s == text; });
}

TEST_F(FeedbackTest, CleanCvHasNoIssuesFullScoreAndSpecificStrengths) {
  const auto f = Run(CleanCv());
  EXPECT_TRUE(f.issues.empty()) << Describe(f);
  EXPECT_TRUE(f.suggestions.empty());
  EXPECT_EQ(f.score, 100) << Describe(f);
  for (const char* strength : {
           "Contact details are complete: name, email, phone and location",
           "All 2 roles have dates and measurable results",
           "Skills list names 7 skills",
           "No employment gaps over 6 months across 2 dated roles",
           "Summary is concise (27 words)",
           "No spelling mistakes found",
       }) {
    EXPECT_TRUE(HasStrength(f, strength)) << strength << "\n" << Describe(f);
  }
}

struct RuleCase {
  const char* name;
  std::function<void(Cv&)> mutate;
  Severity severity;
  const char* section;
  const char* message;  // the issue's exact message, or its start when it ends in "..."
};

std::vector<std::string> LongText(int words) {
  std::string text;
  for (int i = 0; i < words; ++i) text += i == 0 ? "Worked" : " steadily";
  return {text};
}

const std::vector<RuleCase>& RuleCases() {
  static const std::vector<RuleCase> cases = {
      {"NoEmailNoPhone",
       [](Cv& cv) {
         cv.profile.email.reset();
         cv.profile.phone.reset();
       },
       Severity::kHigh, "contact", "No email address and no phone number: nobody can reach you"},
      {"NoEmail", [](Cv& cv) { cv.profile.email.reset(); }, Severity::kMedium, "contact",
       "No email address"},
      {"NoPhone", [](Cv& cv) { cv.profile.phone = "  "; }, Severity::kLow, "contact",
       "No phone number"},
      {"NoName", [](Cv& cv) { cv.profile.full_name.reset(); }, Severity::kMedium, "contact",
       "No name found at the top of the CV"},
      {"NoLocation", [](Cv& cv) { cv.profile.location.reset(); }, Severity::kLow, "contact",
       "No location"},
      {"NoSummary", [](Cv& cv) { cv.profile.summary.reset(); }, Severity::kLow, "summary",
       "No summary at the top of the CV"},
      {"LongSummary", [](Cv& cv) { cv.profile.summary = LongText(130).front(); }, Severity::kLow,
       "summary", "The summary runs 130 words (more than 100)"},
      {"NoExperience", [](Cv& cv) { cv.profile.work_experience.clear(); }, Severity::kHigh,
       "experience", "No work experience found"},
      {"NoEducation", [](Cv& cv) { cv.profile.education.clear(); }, Severity::kMedium, "education",
       "No education found"},
      {"NoSkills", [](Cv& cv) { cv.profile.skills = {}; }, Severity::kMedium, "skills",
       "No skills section"},
      {"FewSkills", [](Cv& cv) { cv.profile.skills.technical.resize(2); }, Severity::kLow, "skills",
       "Skills list names only 2 skills"},
      {"UndatedRole", [](Cv& cv) { cv.profile.work_experience[1].dates = {}; }, Severity::kMedium,
       "experience", "1 of 2 roles has no dates: Backend Engineer at Beta AG"},
      {"NoMeasurableResult",
       [](Cv& cv) {
         cv.profile.work_experience[1].highlights = {"Developed the internal reporting tool.",
                                                     "Worked with Python and the S3 API."};
       },
       Severity::kMedium, "experience",
       "1 of 2 roles has no measurable result: Backend Engineer at Beta AG"},
      {"EmploymentGap",
       [](Cv& cv) {
         cv.profile.work_experience[1].dates.end = PartialDate{2018, 4};
       },
       Severity::kLow, "experience", "Gap of 10 months between roles, from 2018-05 to 2019-02"},
      {"LongGap",
       [](Cv& cv) {
         cv.profile.work_experience[1].dates = {PartialDate{2012}, PartialDate{2016}, false};
       },
       Severity::kMedium, "experience", "Gap of 26 months between roles, from 2017 to 2019-02"},
      {"MixedNotations",
       [](Cv& cv) {
         cv.Lines(SectionKind::kExperience)[5] =
             "Backend Engineer, Beta AG, January 2016 – Feb 2019";
       },
       Severity::kLow, "formatting",
       "Date notations are mixed in the experience section: \"03/2019 – Present\" and \"January "
       "2016 – Feb 2019\""},
      {"MixedPrecision",
       [](Cv& cv) {
         cv.profile.work_experience[1].dates = {PartialDate{2016}, PartialDate{2019}, false};
       },
       Severity::kLow, "formatting",
       "Role dates mix months and years only: 1 date gives a month, 2 give only the year"},
      {"LongBullet",
       [](Cv& cv) { cv.profile.work_experience[0].highlights.push_back(LongText(45).front()); },
       Severity::kLow, "experience",
       "1 bullet runs over 40 words (the longest, 45 words, under Senior Backend Engineer at Acme "
       "GmbH)"},
      {"TooShort",
       [](Cv& cv) {
         cv.Lines(SectionKind::kExperience).resize(2);
         cv.Lines(SectionKind::kSummary).clear();
       },
       Severity::kMedium, "formatting", "The CV is short: 46 words on 1 page"},
      {"TooLong", [](Cv& cv) { cv.pages = 3; }, Severity::kLow, "formatting",
       "The CV is long: 151 words on 3 pages for 9 years of experience"},
      {"Misspelling",
       [](Cv& cv) {
         cv.Lines(SectionKind::kExperience)[2] =
             "Cut the average responce time of the checkout from 800 ms to 120 ms.";
       },
       Severity::kMedium, "spelling", "Possible misspellings: responce (line 8)"},
  };
  return cases;
}

TEST_F(FeedbackTest, EachRuleReportsItsSpecificIssueAndCostsPoints) {
  const int clean_score = Run(CleanCv()).score;
  for (const auto& c : RuleCases()) {
    Cv cv = CleanCv();
    c.mutate(cv);
    const auto f = Run(cv);
    const auto* issue = FindIssue(f, c.message);
    EXPECT_NE(issue, nullptr) << c.name << "\n" << Describe(f);
    if (issue == nullptr) continue;
    EXPECT_EQ(issue->message, c.message) << c.name;
    EXPECT_EQ(issue->severity, c.severity) << c.name;
    EXPECT_EQ(issue->section, c.section) << c.name;
    EXPECT_EQ(f.suggestions.size(), f.issues.size()) << c.name;
    EXPECT_LT(f.score, clean_score) << c.name << "\n" << Describe(f);
  }
}

TEST_F(FeedbackTest, IssuesAndSuggestionsArePrioritisedHighFirst) {
  Cv cv = CleanCv();
  cv.profile.location.reset();   // low
  cv.profile.education.clear();  // medium
  cv.profile.email.reset();      // high, with the phone
  cv.profile.phone.reset();
  const auto f = Run(cv);
  ASSERT_EQ(f.issues.size(), 3u) << Describe(f);
  EXPECT_EQ(f.issues[0].severity, Severity::kHigh);
  EXPECT_EQ(f.issues[1].severity, Severity::kMedium);
  EXPECT_EQ(f.issues[2].severity, Severity::kLow);
  ASSERT_EQ(f.suggestions.size(), 3u);
  EXPECT_EQ(f.suggestions[0], "Add an email address and a phone number under your name.");
  EXPECT_NE(f.suggestions[1].find("Education"), std::string::npos);
  EXPECT_NE(f.suggestions[2].find("city"), std::string::npos);
}

TEST_F(FeedbackTest, FixingIssuesOneByOneNeverLowersTheScore) {
  // Every composable rule broken at once, then repaired in rubric order.
  const std::vector<std::string> composable = {
      "NoEmail",     "NoName",         "NoLocation",  "LongSummary",
      "NoEducation", "FewSkills",      "UndatedRole", "NoMeasurableResult",
      "LongBullet",  "MixedNotations", "Misspelling", "TooLong"};
  auto broken_with = [&](std::size_t from) {
    Cv cv = CleanCv();
    for (std::size_t i = from; i < composable.size(); ++i) {
      for (const auto& c : RuleCases()) {
        if (c.name == composable[i]) c.mutate(cv);
      }
    }
    return cv;
  };
  int previous = Run(broken_with(0)).score;
  EXPECT_LT(previous, 60) << Describe(Run(broken_with(0)));
  for (std::size_t fixed = 1; fixed <= composable.size(); ++fixed) {
    const int score = Run(broken_with(fixed)).score;
    EXPECT_GE(score, previous) << "after fixing " << composable[fixed - 1];
    previous = score;
  }
  EXPECT_EQ(previous, 100);
}

TEST_F(FeedbackTest, EducationBetweenRolesIsNoGap) {
  Cv cv = CleanCv();
  cv.profile.work_experience[1].dates.end = PartialDate{2017, 6};
  ASSERT_NE(FindIssue(Run(cv), "Gap of 20 months between roles, from 2017-07 to 2019-02"), nullptr)
      << Describe(Run(cv));
  cv.profile.education[0].start = PartialDate{2017, 9};
  cv.profile.education[0].end = PartialDate{2019, 2};
  EXPECT_EQ(FindIssue(Run(cv), "Gap of"), nullptr) << Describe(Run(cv));
}

TEST_F(FeedbackTest, IsDeterministic) {
  Cv cv = CleanCv();
  for (const auto& c : RuleCases()) {
    if (std::string(c.name) == "Misspelling" || std::string(c.name) == "NoEmail") c.mutate(cv);
  }
  const auto a = Run(cv);
  const auto b = Run(cv);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.strengths, b.strengths);
  EXPECT_EQ(a.suggestions, b.suggestions);
  ASSERT_EQ(a.issues.size(), b.issues.size());
  for (std::size_t i = 0; i < a.issues.size(); ++i) {
    EXPECT_EQ(a.issues[i].message, b.issues[i].message);
    EXPECT_EQ(a.issues[i].severity, b.issues[i].severity);
    EXPECT_EQ(a.issues[i].section, b.issues[i].section);
  }
}

TEST_F(FeedbackTest, SpellingListsFiveWordsAndCountsTheRest) {
  Cv cv = CleanCv();
  cv.Lines(SectionKind::kExperience)
      .push_back("managment recieve adress enviroment responsability goverment occured");
  const auto f = Run(cv);
  const auto* issue = FindIssue(f, "Possible misspellings:");
  ASSERT_NE(issue, nullptr) << Describe(f);
  EXPECT_EQ(issue->message,
            "Possible misspellings: managment (line 15), recieve (line 15), adress (line 15), "
            "enviroment (line 15), responsability (line 15) and 2 more");
}

TEST_F(FeedbackTest, SpellingSkipsSkillListsAndIsOptional) {
  Cv cv = CleanCv();
  cv.Lines(SectionKind::kSkills).push_back("kubectll, terrafrom, postgress");
  EXPECT_EQ(FindIssue(Run(cv), "Possible misspellings"), nullptr);

  cv.Lines(SectionKind::kExperience).push_back("Responsible for the managment of releases.");
  EXPECT_NE(FindIssue(Run(cv), "Possible misspellings"), nullptr);
  const auto unchecked = Run(cv, /*spelling=*/false);
  EXPECT_EQ(FindIssue(unchecked, "Possible misspellings"), nullptr);
  EXPECT_FALSE(HasStrength(unchecked, "No spelling mistakes found"));

  cv.language = "xx";  // no dictionary: not checked, not reported
  EXPECT_EQ(FindIssue(Run(cv), "Possible misspellings"), nullptr);
}

TEST_F(FeedbackTest, GermanCvIsCheckedWithTheGermanDictionaryAndReportedInEnglish) {
  if (!checker_->Supports("de")) GTEST_SKIP() << "no German dictionary installed";
  Cv cv = CleanCv();
  cv.language = "de";
  cv.Lines(SectionKind::kSummary) = {
      "Ich habe die Software für den Vertrieb entwikelt und erfolgreich getestet."};
  const auto f = Run(cv);
  const auto* issue = FindIssue(f, "Possible misspellings:");
  ASSERT_NE(issue, nullptr) << Describe(f);
  EXPECT_EQ(issue->message, "Possible misspellings: entwikelt (line 4)");
}

// The date-format rule reuses the date ranges the experience extractor found on the lines as
// written, and parses only the lines it was not given.
TEST_F(FeedbackTest, DateFormatsReuseTheExperienceExtractorsRanges) {
  Cv cv = CleanCv();
  cv.Lines(SectionKind::kExperience)[5] = "Backend Engineer, Beta AG, January 2016 – Feb 2019";
  const auto extracted = [](const Document& doc, const std::vector<Section>& sections) {
    return ExtractExperience(doc, sections, kAsOf).line_dates;
  };
  const std::string mixed = "Date notations are mixed in the experience section";
  const auto parsed_here = Run(cv, false);
  const auto reused = Run(cv, false, extracted);
  ASSERT_NE(FindIssue(parsed_here, mixed), nullptr) << Describe(parsed_here);
  EXPECT_EQ(Describe(reused), Describe(parsed_here));
  EXPECT_EQ(reused.score, parsed_here.score);

  // Ranges given for a line are taken as its ranges: none for the "January 2016" line, so only
  // one notation is left.
  const auto hidden = Run(cv, false, [&](const Document& doc, const std::vector<Section>& s) {
    auto lines = extracted(doc, s);
    bool found = false;
    for (auto& line : lines) {
      if (doc.lines[line.line].text.find("January 2016") == std::string::npos) continue;
      EXPECT_FALSE(line.ranges.empty());
      line.ranges.clear();
      found = true;
    }
    EXPECT_TRUE(found);
    return lines;
  });
  EXPECT_EQ(FindIssue(hidden, mixed), nullptr) << Describe(hidden);
}

}  // namespace
}  // namespace jc::parsing
