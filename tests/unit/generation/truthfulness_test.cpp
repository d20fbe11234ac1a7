// The truthfulness check on a realistic synthetic profile and job, with the real taxonomy.
#include "generation/truthfulness.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "unit/analysis/test_taxonomy.hpp"

namespace jc::generation {
namespace {

using analysis::test::kAsOf;
using analysis::test::Matcher;

domain::WorkExperience Role(std::string title, std::string company, std::string location,
                            domain::DateRange dates, std::vector<std::string> highlights) {
  domain::WorkExperience r;
  r.title = std::move(title);
  r.company = std::move(company);
  r.location = std::move(location);
  r.dates = dates;
  r.highlights = std::move(highlights);
  return r;
}

domain::Profile Lena() {
  domain::Profile p;
  p.full_name = "Lena Hartmann";
  p.email = "lena.hartmann@example.org";
  p.phone = "+49 40 5550 1234";
  p.location = "Hamburg, Germany";
  p.links = {{domain::LinkType::kLinkedIn, "https://www.linkedin.com/in/lena-hartmann-example"},
             {domain::LinkType::kGitHub, "https://github.com/lena-example"}};
  p.headline = "Senior Backend Engineer";
  p.summary =
      "Backend engineer with 11 years of experience building payment and logistics services in "
      "Java, Python and Go.";
  p.work_experience.push_back(
      Role("Senior Backend Engineer", "Nordwind Payments GmbH", "Hamburg",
           {domain::PartialDate{2019, 3}, std::nullopt, true},
           {"Cut checkout latency by 45% by moving fraud checks to Kafka streams.",
            "Led a team of six engineers migrating 40 services to Kubernetes.",
            "Reduced cloud costs by €1.2M per year on AWS."}));
  p.work_experience[0].description = "Owns the payment platform.";
  p.work_experience.push_back(Role(
      "Backend Engineer", "Blauwal Logistik AG", "Bremen",
      {domain::PartialDate{2015, 6}, domain::PartialDate{2019, 2}, false},
      {"Built a route-planning API in Java and PostgreSQL serving 3 million requests per day.",
       "Introduced Docker-based CI pipelines with Jenkins, cutting release time from 2 days to 4 "
       "hours."}));
  p.work_experience.push_back(Role("Software Developer", "Fjord Analytics AS", "Oslo",
                                   {domain::PartialDate{2013, 9}, domain::PartialDate{2015, 5}},
                                   {"Wrote data pipelines in Python for 12 retail clients."}));
  domain::Education msc;
  msc.institution = "Universität Hamburg";
  msc.degree = "M.Sc.";
  msc.field = "Computer Science";
  msc.start = domain::PartialDate{2011, 0};
  msc.end = domain::PartialDate{2013, 0};
  domain::Education bsc;
  bsc.institution = "Technische Universität Dresden";
  bsc.degree = "B.Sc.";
  bsc.field = "Informatik";
  bsc.start = domain::PartialDate{2008, 0};
  bsc.end = domain::PartialDate{2011, 0};
  bsc.grade = "1.7";
  p.education = {msc, bsc};
  p.skills.technical = {"Java",       "Python", "Go",  "Kafka",    "Kubernetes",
                        "PostgreSQL", "Docker", "AWS", "Terraform"};
  p.skills.soft = {"Mentoring", "Stakeholder management"};
  p.languages = {{"German", "native"}, {"English", "C1"}};
  p.certifications = {{"Certified Kubernetes Administrator", "CNCF", domain::PartialDate{2021, 5}}};
  p.projects = {{"ledger-lite",
                 "An open-source double-entry ledger in Go with 800 GitHub stars.",
                 "https://github.com/lena-example/ledger-lite",
                 {"Go", "PostgreSQL"}}};
  p.total_years_experience = 11.8;
  return p;
}

domain::Job Helios() {
  domain::Job job;
  job.title = "Staff Platform Engineer";
  job.company = "Helios Energy GmbH";
  job.location = "Berlin";
  job.description =
      "Helios Energy is hiring a Staff Platform Engineer in Berlin. You have 8+ years of backend "
      "experience, deep Kubernetes and Terraform knowledge, and experience with Rust and gRPC. A "
      "Master's degree is a plus. Salary up to €95,000.";
  return job;
}

const FactBase& Facts() {
  static const domain::Profile profile = Lena();
  static const domain::Job job = Helios();
  static const FactBase facts(profile, &job, Matcher(), kAsOf);
  return facts;
}

std::string Describe(const TruthReport& r) {
  std::string out;
  for (const Violation& v : r.violations) {
    out += std::string(ClaimKindName(v.kind)) + " '" + v.claim + "' in \"" + v.text + "\"; ";
  }
  return out;
}

// ---- Fabrications: each is caught, with its kind, and its sentence removed.

struct Fabrication {
  std::string text;
  TextKind kind;
  ClaimKind expected;
  std::string claim;  // part of the reported claim
};

void PrintTo(const Fabrication& f, std::ostream* os) {
  *os << '"' << f.text << '"';
}

class FabricationTest : public ::testing::TestWithParam<Fabrication> {};

TEST_P(FabricationTest, IsCaughtAndRemoved) {
  const Fabrication& f = GetParam();
  TruthReport report;
  const std::string out = CheckText(f.text, "test", Facts(), report, f.kind);
  EXPECT_EQ(out, "");
  EXPECT_EQ(report.removed, 1);
  bool found = false;
  for (const Violation& v : report.violations) {
    found = found || (v.kind == f.expected && v.claim.find(f.claim) != std::string::npos &&
                      v.location == "test" && v.text == f.text);
  }
  EXPECT_TRUE(found) << "expected " << ClaimKindName(f.expected) << " '" << f.claim
                     << "', got: " << Describe(report);
  EXPECT_GE(report.claims_checked, static_cast<int>(report.violations.size()));
}

constexpr TextKind kLetter = TextKind::kLetter;
constexpr TextKind kCv = TextKind::kCandidate;

INSTANTIATE_TEST_SUITE_P(
    EnglishLetter, FabricationTest,
    ::testing::Values(
        Fabrication{"I spent three years at Google building search infrastructure.", kLetter,
                    ClaimKind::kEmployer, "Google"},
        Fabrication{"I worked as a Principal Architect at Nordwind Payments.", kLetter,
                    ClaimKind::kTitle, "Principal Architect"},
        Fabrication{"I hold a PhD in Computer Science from Universität Hamburg.", kLetter,
                    ClaimKind::kDegree, "PhD"},
        Fabrication{"I studied at the University of Cambridge.", kLetter, ClaimKind::kInstitution,
                    "University of Cambridge"},
        Fabrication{"I joined Nordwind Payments in 2017.", kLetter, ClaimKind::kDate, "2017"},
        Fabrication{"I have built production services in Rust.", kLetter, ClaimKind::kSkill,
                    "Rust"},
        Fabrication{"At Nordwind I cut checkout latency by 60%.", kLetter, ClaimKind::kNumber,
                    "60%"},
        Fabrication{"I saved €3M in cloud costs at Nordwind Payments.", kLetter, ClaimKind::kNumber,
                    "3M"},
        Fabrication{"I led a team of nine engineers.", kLetter, ClaimKind::kNumber, "nine"},
        Fabrication{"I have 15 years of experience in backend development.", kLetter,
                    ClaimKind::kNumber, "15"},
        Fabrication{"I worked at Helios Energy for two years.", kLetter, ClaimKind::kEmployer,
                    "Helios Energy"},
        Fabrication{"You need gRPC, and I have used gRPC for years.", kLetter, ClaimKind::kSkill,
                    "gRPC"},
        Fabrication{"In my previous role as Staff Platform Engineer, I owned the payment "
                    "platform.",
                    kLetter, ClaimKind::kTitle, "Staff Platform Engineer"}));

INSTANTIATE_TEST_SUITE_P(
    GermanLetter, FabricationTest,
    ::testing::Values(Fabrication{"Ich habe drei Jahre bei Siemens gearbeitet.", kLetter,
                                  ClaimKind::kEmployer, "Siemens"},
                      Fabrication{"Ich war als Teamleiterin bei Nordwind Payments tätig.", kLetter,
                                  ClaimKind::kTitle, "Teamleiterin"},
                      Fabrication{"Ich habe an der Universität Hamburg promoviert.", kLetter,
                                  ClaimKind::kDegree, "promoviert"},
                      Fabrication{"Ich habe an der Universität Wien studiert.", kLetter,
                                  ClaimKind::kInstitution, "Universität Wien"},
                      Fabrication{"Seit 2016 arbeite ich bei Nordwind Payments.", kLetter,
                                  ClaimKind::kDate, "2016"},
                      Fabrication{"Ich habe umfangreiche Erfahrung mit Rust.", kLetter,
                                  ClaimKind::kSkill, "Rust"},
                      Fabrication{"Bei Nordwind habe ich die Latenz um 70 Prozent gesenkt.",
                                  kLetter, ClaimKind::kNumber, "70"},
                      Fabrication{"Ich habe 2 Mio. € an Cloudkosten eingespart.", kLetter,
                                  ClaimKind::kNumber, "2"},
                      Fabrication{"Ich habe ein Team von dreizehn Entwicklern geleitet.", kLetter,
                                  ClaimKind::kNumber, "dreizehn"},
                      Fabrication{"Ich bringe 20 Jahre Berufserfahrung mit.", kLetter,
                                  ClaimKind::kNumber, "20"},
                      Fabrication{"Ich war bei Helios Energy angestellt.", kLetter,
                                  ClaimKind::kEmployer, "Helios Energy"}));

INSTANTIATE_TEST_SUITE_P(
    CvBullets, FabricationTest,
    ::testing::Values(
        Fabrication{"Migrated 40 services to Kubernetes while at Google.", kCv,
                    ClaimKind::kEmployer, "Google"},
        Fabrication{"Promoted to Engineering Manager after two years.", kCv, ClaimKind::kTitle,
                    "Engineering Manager"},
        Fabrication{"Completed an MBA at INSEAD.", kCv, ClaimKind::kDegree, "MBA"},
        Fabrication{"Guest lecturer at Stanford University.", kCv, ClaimKind::kInstitution,
                    "Stanford University"},
        Fabrication{"Rebuilt the billing system in 2014.", kCv, ClaimKind::kDate, "2014"},
        Fabrication{"Built services in Rust and Java.", kCv, ClaimKind::kSkill, "Rust"},
        Fabrication{"Improved throughput by 35%.", kCv, ClaimKind::kNumber, "35%"},
        Fabrication{"Managed a budget of $5 million.", kCv, ClaimKind::kNumber, "5"},
        Fabrication{"Mentored 14 junior engineers.", kCv, ClaimKind::kNumber, "14"},
        Fabrication{"Brings 25+ years of backend experience.", kCv, ClaimKind::kNumber, "25"},
        Fabrication{"Entwicklung von Microservices in Rust.", kCv, ClaimKind::kSkill, "Rust"},
        Fabrication{"Senkung der Betriebskosten um 25 %.", kCv, ClaimKind::kNumber, "25"},
        Fabrication{"Leitung eines Teams von acht Entwicklern bei der Siemens AG.", kCv,
                    ClaimKind::kEmployer, "Siemens AG"},
        Fabrication{"Tätigkeit als Abteilungsleiter im Jahr 2012.", kCv, ClaimKind::kTitle,
                    "Abteilungsleiter"}));

// ---- Truthful restatements: no violation, text unchanged.

struct Truthful {
  std::string text;
  TextKind kind;
};

void PrintTo(const Truthful& t, std::ostream* os) {
  *os << '"' << t.text << '"';
}

class TruthfulTest : public ::testing::TestWithParam<Truthful> {};

TEST_P(TruthfulTest, PassesUnchanged) {
  TruthReport report;
  const std::string out = CheckText(GetParam().text, "test", Facts(), report, GetParam().kind);
  EXPECT_TRUE(report.violations.empty()) << Describe(report);
  EXPECT_EQ(out, GetParam().text);
  EXPECT_EQ(report.removed, 0);
}

INSTANTIATE_TEST_SUITE_P(
    EnglishLetter, TruthfulTest,
    ::testing::Values(
        Truthful{"I am writing to apply for the Staff Platform Engineer position at Helios "
                 "Energy GmbH.",
                 kLetter},
        Truthful{"You are looking for deep experience with Kubernetes and Terraform.", kLetter},
        // A company suffix with its full stop ends the name; the next sentence is not part of it.
        Truthful{"Most recently, I have worked at Fjord Analytics AS. Before that, I worked as "
                 "Backend Engineer at Blauwal Logistik AG.",
                 kLetter},
        Truthful{"Your posting asks for Rust and gRPC, which are central to the role.", kLetter},
        Truthful{"Most recently, I have worked at Nordwind Payments GmbH as Senior Backend "
                 "Engineer.",
                 kLetter},
        Truthful{"As Senior Backend Engineer at Nordwind Payments, I cut checkout latency by 45% "
                 "by moving fraud checks to Kafka streams.",
                 kLetter},
        Truthful{"I have 11 years of experience building payment and logistics services.", kLetter},
        Truthful{"For almost twelve years I have built backend services in Java, Python and Go.",
                 kLetter},
        Truthful{"I led a team of six engineers and migrated 40 services to Kubernetes.", kLetter},
        Truthful{"I reduced our cloud costs by 1.2 million euros a year on AWS.", kLetter},
        Truthful{"I hold an M.Sc. in Computer Science from Universität Hamburg.", kLetter},
        Truthful{"I also hold the Certified Kubernetes Administrator certification from 2021.",
                 kLetter},
        Truthful{"I speak German and English.", kLetter},
        Truthful{"In March 2019 I joined Nordwind Payments in Hamburg.", kLetter},
        Truthful{"Before that, I built a route-planning API in Java and PostgreSQL serving 3 "
                 "million requests per day at Blauwal Logistik.",
                 kLetter},
        Truthful{"I would welcome the opportunity to discuss how my experience can support "
                 "Helios Energy. Thank you for your time and consideration.",
                 kLetter},
        Truthful{"I was excited to see the Staff Platform Engineer opening at Helios Energy GmbH, "
                 "and I would love to bring my experience to your team.",
                 kLetter},
        Truthful{"Helios Energy is hiring for Berlin, and the role asks for 8+ years of backend "
                 "experience.",
                 kLetter},
        Truthful{"On Monday or in June, a team of engineers and I can meet with you.", kLetter},
        Truthful{"I can't wait to bring this experience to Helios Energy GmbH.", kLetter},
        Truthful{"Dear Hiring Manager, I am a Senior Backend Engineer.", kLetter},
        Truthful{"Earlier, I spent nearly two years as Software Developer at Fjord Analytics AS "
                 "in Oslo.",
                 kLetter}));

INSTANTIATE_TEST_SUITE_P(
    GermanLetter, TruthfulTest,
    ::testing::Values(
        Truthful{"Hiermit bewerbe ich mich um die Stelle als Staff Platform Engineer bei Helios "
                 "Energy GmbH.",
                 kLetter},
        // "bei Ihnen" addresses the reader; the capitalised pronoun is not an employer.
        Truthful{"Außerdem bringe ich Kenntnisse in Kafka mit, die ich gern bei Ihnen einsetze.",
                 kLetter},
        Truthful{"In Ihrer Ausschreibung nennen Sie Kubernetes, Terraform und Rust.", kLetter},
        Truthful{"Zuletzt war ich bei Nordwind Payments GmbH als Senior Backend Engineer tätig.",
                 kLetter},
        Truthful{"Dort habe ich die Latenz im Checkout um 45 Prozent gesenkt.", kLetter},
        Truthful{"Ich habe ein Team von sechs Entwicklern geleitet.", kLetter},
        Truthful{"Mein Studium habe ich mit dem Abschluss M.Sc. an der Universität Hamburg "
                 "abgeschlossen.",
                 kLetter},
        Truthful{"Ich spreche Deutsch und Englisch.", kLetter},
        Truthful{"Über ein persönliches Gespräch mit Ihnen freue ich mich sehr.", kLetter},
        Truthful{"Seit März 2019 arbeite ich bei Nordwind Payments in Hamburg.", kLetter},
        Truthful{"Ich bringe 11 Jahre Berufserfahrung mit.", kLetter},
        Truthful{"Ich bin überzeugt, dass ich schnell zum Erfolg von Helios Energy GmbH beitragen "
                 "kann.",
                 kLetter},
        Truthful{"Bei der Entwicklung neuer Dienste arbeite ich eng mit Kunden zusammen.",
                 kLetter}));

INSTANTIATE_TEST_SUITE_P(
    CvText, TruthfulTest,
    ::testing::Values(
        Truthful{"Cut checkout latency by 45% by moving fraud checks to Kafka streams.", kCv},
        Truthful{"Led six engineers migrating 40 services to k8s.", kCv},
        Truthful{"Reduced cloud costs by €1.2 million per year on Amazon Web Services.", kCv},
        Truthful{"Backend engineer with 11 years of experience in Java, Python and Go.", kCv},
        Truthful{"Senkte die Cloudkosten um 1,2 Mio. € pro Jahr.", kCv},
        Truthful{"Built a route-planning API serving 3M requests per day.", kCv},
        Truthful{"Certified Kubernetes Administrator (CNCF, May 2021).", kCv}));

TEST(CheckTextTest, RemovesAnInjectedSentenceAndKeepsTheRest) {
  const std::string paragraph =
      "I have built backend services for 11 years. I also spent two years at Google as a "
      "Staff Engineer. Most recently, I have worked at Nordwind Payments GmbH.";
  TruthReport report;
  const std::string out =
      CheckText(paragraph, "coverLetter/paragraphs/1", Facts(), report, kLetter);
  EXPECT_EQ(out,
            "I have built backend services for 11 years. Most recently, I have worked at "
            "Nordwind Payments GmbH.");
  EXPECT_EQ(report.removed, 1);
  ASSERT_FALSE(report.violations.empty());
  EXPECT_EQ(report.violations[0].location, "coverLetter/paragraphs/1");
  EXPECT_EQ(report.violations[0].text, "I also spent two years at Google as a Staff Engineer.");
}

TEST(CheckTextTest, WithoutAJobNothingAboutTheJobIsAllowed) {
  const domain::Profile profile = Lena();
  const FactBase no_job(profile, nullptr, Matcher(), kAsOf);
  TruthReport report;
  CheckText("You are looking for gRPC.", "t", no_job, report, kLetter);
  ASSERT_EQ(report.violations.size(), 1u) << Describe(report);
  EXPECT_EQ(report.violations[0].claim, "gRPC");
}

// ---- CheckDocument on a CV that matches the profile.

Block EntryBlock(Entry e) {
  Block b;
  b.kind = BlockKind::kEntry;
  b.entry = std::move(e);
  return b;
}

Block Paragraph(std::string label, std::string text) {
  Block b;
  b.label = std::move(label);
  b.text = std::move(text);
  return b;
}

Block Bullets(std::vector<std::string> items) {
  Block b;
  b.kind = BlockKind::kBullets;
  b.items = std::move(items);
  return b;
}

Document LenaCv() {
  const domain::Profile p = Lena();
  Document d;
  d.kind = DocumentKind::kCv;
  d.name = "Lena Hartmann";
  d.headline = "Senior Backend Engineer";
  d.contact = {{"lena.hartmann@example.org", "mailto:lena.hartmann@example.org"},
               {"+49 40 5550 1234", "tel:+494055501234"},
               {"Hamburg, Germany", std::nullopt},
               {"linkedin.com/in/lena-hartmann-example",
                "https://www.linkedin.com/in/lena-hartmann-example"}};
  d.sections.push_back({"summary", "Summary", {Paragraph("", *p.summary)}});
  Section exp{"experience", "Experience", {}};
  exp.blocks.push_back(EntryBlock({"Senior Backend Engineer",
                                   "Nordwind Payments GmbH, Hamburg",
                                   "Mar 2019 – Present",
                                   {"Owns the payment platform."},
                                   p.work_experience[0].highlights}));
  exp.blocks.push_back(EntryBlock({"Backend Engineer",
                                   "Blauwal Logistik AG, Bremen",
                                   "Jun 2015 – Feb 2019",
                                   {},
                                   p.work_experience[1].highlights}));
  exp.blocks.push_back(EntryBlock({"Software Developer",
                                   "Fjord Analytics AS, Oslo",
                                   "Sep. 2013 – Mai 2015",
                                   {},
                                   p.work_experience[2].highlights}));
  d.sections.push_back(std::move(exp));
  Section edu{"education", "Education", {}};
  edu.blocks.push_back(
      EntryBlock({"M.Sc. Computer Science", "Universität Hamburg", "2011 – 2013", {}, {}}));
  edu.blocks.push_back(EntryBlock(
      {"B.Sc. Informatik", "Technische Universität Dresden", "2008 – 2011", {"Grade: 1.7"}, {}}));
  d.sections.push_back(std::move(edu));
  d.sections.push_back(
      {"skills",
       "Skills",
       {Paragraph("Technical", "Java, Python, Go, Kafka, Kubernetes, PostgreSQL, Docker, AWS"),
        Paragraph("Soft skills", "Mentoring, Stakeholder management")}});
  d.sections.push_back({"languages", "Languages", {Bullets({"German (native)", "English (C1)"})}});
  d.sections.push_back({"certifications",
                        "Certifications",
                        {Bullets({"Certified Kubernetes Administrator, CNCF, 2021"})}});
  d.sections.push_back({"projects",
                        "Projects",
                        {EntryBlock({"ledger-lite",
                                     "github.com/lena-example/ledger-lite",
                                     "",
                                     {"An open-source double-entry ledger in Go with 800 GitHub "
                                      "stars."},
                                     {}})}});
  return d;
}

TEST(CheckDocumentTest, TruthfulCvPassesUntouched) {
  Document cv = LenaCv();
  TruthReport report;
  CheckDocument(cv, Facts(), report);
  EXPECT_TRUE(report.violations.empty()) << Describe(report);
  EXPECT_EQ(report.removed, 0);
  EXPECT_GT(report.claims_checked, 40);
  EXPECT_EQ(cv.sections[1].blocks.size(), 3u);
  EXPECT_EQ(cv.contact.size(), 4u);
}

// One mutation of the truthful CV, what must be reported and what must be gone.
struct CvMutation {
  std::string name;
  void (*mutate)(Document&);
  ClaimKind expected;
  std::string claim;
  std::string location;
  bool (*gone)(const Document&);
};

void PrintTo(const CvMutation& m, std::ostream* os) {
  *os << m.name;
}

class CvMutationTest : public ::testing::TestWithParam<CvMutation> {};

TEST_P(CvMutationTest, IsRemovedAndReported) {
  const CvMutation& m = GetParam();
  Document cv = LenaCv();
  m.mutate(cv);
  TruthReport report;
  CheckDocument(cv, Facts(), report);
  bool found = false;
  for (const Violation& v : report.violations) {
    found = found || (v.kind == m.expected && v.claim.find(m.claim) != std::string::npos &&
                      v.location == m.location);
  }
  EXPECT_TRUE(found) << Describe(report);
  EXPECT_GE(report.removed, 1);
  EXPECT_TRUE(m.gone(cv));
  // Nothing else is touched.
  EXPECT_EQ(cv.sections[0].blocks[0].text, *Lena().summary);
}

INSTANTIATE_TEST_SUITE_P(
    Mutations, CvMutationTest,
    ::testing::Values(
        CvMutation{"InventedRole",
                   [](Document& d) {
                     d.sections[1].blocks.insert(d.sections[1].blocks.begin(),
                                                 EntryBlock({"Staff Engineer",
                                                             "Google Ireland Ltd, Dublin",
                                                             "Jan 2012 – Aug 2013",
                                                             {},
                                                             {"Scaled search to 1B users."}}));
                   },
                   ClaimKind::kEmployer, "Google", "cv/experience/0/subheading",
                   [](const Document& d) {
                     return d.sections[1].blocks.size() == 3 &&
                            d.sections[1].blocks[0].entry.heading == "Senior Backend Engineer";
                   }},
        CvMutation{"ChangedDate",
                   [](Document& d) { d.sections[1].blocks[1].entry.dates = "Jun 2014 – Feb 2019"; },
                   ClaimKind::kDate, "2014", "cv/experience/1/dates",
                   [](const Document& d) {
                     return d.sections[1].blocks.size() == 2 &&
                            d.sections[1].blocks[1].entry.heading == "Software Developer";
                   }},
        CvMutation{"InventedSkill", [](Document& d) { d.sections[3].blocks[0].text += ", Rust"; },
                   ClaimKind::kSkill, "Rust", "cv/skills/0/text/8",
                   [](const Document& d) {
                     return d.sections[3].blocks[0].text ==
                            "Java, Python, Go, Kafka, Kubernetes, PostgreSQL, Docker, AWS";
                   }},
        CvMutation{"ChangedEmail",
                   [](Document& d) {
                     d.contact[0] = {"lena@hartmann.dev", "mailto:lena@hartmann.dev"};
                   },
                   ClaimKind::kContact, "lena@hartmann.dev", "cv/header/contact/0",
                   [](const Document& d) {
                     return d.contact.size() == 3 && d.contact[0].text == "+49 40 5550 1234";
                   }},
        CvMutation{
            "InventedBulletNumber",
            [](Document& d) {
              d.sections[1].blocks[0].entry.bullets[1] =
                  "Led a team of six engineers migrating 70 services to Kubernetes.";
            },
            ClaimKind::kNumber, "70", "cv/experience/0/bullets/1",
            [](const Document& d) { return d.sections[1].blocks[0].entry.bullets.size() == 2; }},
        CvMutation{
            "UpgradedDegree",
            [](Document& d) { d.sections[2].blocks[0].entry.heading = "PhD Computer Science"; },
            ClaimKind::kDegree, "PhD", "cv/education/0/heading",
            [](const Document& d) { return d.sections[2].blocks.size() == 1; }},
        CvMutation{"InflatedLanguage",
                   [](Document& d) { d.sections[4].blocks[0].items[1] = "English (C2)"; },
                   ClaimKind::kSkill, "English (C2)", "cv/languages/0/items/1",
                   [](const Document& d) { return d.sections[4].blocks[0].items.size() == 1; }}),
    [](const ::testing::TestParamInfo<CvMutation>& p) { return p.param.name; });

TEST(CheckDocumentTest, LetterKeepsJobTalkAndDropsInventions) {
  Document letter;
  letter.kind = DocumentKind::kCoverLetter;
  letter.name = "Lena Hartmann";
  letter.letter.recipient = {"Hiring team", "Helios Energy GmbH", "Berlin"};
  letter.letter.subject = "Application for Staff Platform Engineer";
  letter.letter.salutation = "Dear Hiring Team,";
  letter.letter.paragraphs = {
      "I am applying for the Staff Platform Engineer role at Helios Energy GmbH.",
      "You are looking for Kubernetes and Rust. I run 40 services on Kubernetes. I have also "
      "built services in Rust at Nordwind Payments.",
      "I spent five years at Helios Energy."};
  letter.letter.closing = "Kind regards,";
  letter.letter.signature = "Lena Hartmann";
  TruthReport report;
  CheckDocument(letter, Facts(), report);
  ASSERT_EQ(letter.letter.paragraphs.size(), 2u) << Describe(report);
  EXPECT_EQ(letter.letter.paragraphs[1],
            "You are looking for Kubernetes and Rust. I run 40 services on Kubernetes.");
  EXPECT_EQ(letter.letter.recipient.size(), 3u);
  EXPECT_EQ(letter.letter.subject, "Application for Staff Platform Engineer");
  EXPECT_EQ(report.removed, 2);
  ASSERT_EQ(report.violations.size(), 3u) << Describe(report);  // Rust; five years, Helios
  EXPECT_EQ(report.violations[0].location, "coverLetter/paragraphs/1");
  EXPECT_EQ(report.violations[1].location, "coverLetter/paragraphs/2");
}

// ---- CheckProfile: a tailored profile may reorder and omit, never add.

TEST(CheckProfileTest, ReorderedAndShortenedProfilePasses) {
  domain::Profile t = Lena();
  std::swap(t.work_experience[0], t.work_experience[1]);
  std::reverse(t.work_experience[1].highlights.begin(), t.work_experience[1].highlights.end());
  t.work_experience[0].highlights.pop_back();
  t.work_experience.pop_back();
  std::reverse(t.skills.technical.begin(), t.skills.technical.end());
  t.skills.soft.clear();
  t.projects.clear();
  t.education.pop_back();
  t.summary = "Senior Backend Engineer with 11 years of experience in Kubernetes, Kafka and AWS.";
  TruthReport report;
  const domain::Profile before = t;
  CheckProfile(t, Facts(), report);
  EXPECT_TRUE(report.violations.empty()) << Describe(report);
  EXPECT_EQ(report.removed, 0);
  EXPECT_EQ(t.work_experience.size(), before.work_experience.size());
  EXPECT_EQ(t.summary, before.summary);
  EXPECT_GT(report.claims_checked, 15);
}

TEST(CheckProfileTest, InventionsAreRemoved) {
  domain::Profile t = Lena();
  t.work_experience.insert(
      t.work_experience.begin(),
      Role("Staff Engineer", "Helios Energy GmbH", "Berlin",
           {domain::PartialDate{2024, 1}, std::nullopt, true}, {"Owned the grid platform."}));
  t.work_experience[1].highlights[0] =
      "Cut checkout latency by 65% by moving fraud checks to Kafka streams.";
  t.skills.technical.push_back("Rust");
  t.skills.technical.push_back("Blockchain orchestration");
  TruthReport report;
  CheckProfile(t, Facts(), report);
  EXPECT_EQ(report.removed, 4) << Describe(report);
  ASSERT_EQ(t.work_experience.size(), 3u);
  EXPECT_EQ(t.work_experience[0].company, "Nordwind Payments GmbH");
  ASSERT_EQ(t.work_experience[0].highlights.size(), 2u);
  EXPECT_EQ(t.work_experience[0].highlights[0],
            "Led a team of six engineers migrating 40 services to Kubernetes.");
  EXPECT_EQ(t.skills.technical.size(), 9u);
  std::vector<std::string> where;
  for (const Violation& v : report.violations) where.push_back(v.location);
  EXPECT_EQ(where, (std::vector<std::string>{
                       "profile/workExperience/0", "profile/workExperience/1/highlights/0",
                       "profile/skills/technical/9", "profile/skills/technical/10"}));
}

}  // namespace
}  // namespace jc::generation
