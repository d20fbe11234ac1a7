#include "support/sample_profiles.hpp"

namespace jc::testing {
namespace {

domain::PartialDate Ym(int y, int m) {
  return {y, m};
}

}  // namespace

domain::Profile EngineerProfile() {
  domain::Profile p;
  p.full_name = "Jonas Weißmann";
  p.email = "jonas.weissmann@example.org";
  p.phone = "+49 151 2345 6789";
  p.location = "Berlin, Germany";
  p.links = {{domain::LinkType::kLinkedIn, "https://www.linkedin.com/in/jonas-example"},
             {domain::LinkType::kGitHub, "https://github.com/jonas-example"}};
  p.work_experience = {
      {"Senior Software Engineer",
       "Kiezkaufhaus GmbH",
       "Berlin",
       {Ym(2021, 4), std::nullopt, true},
       "Payments and checkout platform for 2 million monthly customers.",
       {"Wrote the team's on-call handbook and ran the weekly incident review.",
        "Reduced checkout latency by 38% by rewriting the cart service in Go.",
        "Moved 25 services to Kubernetes with Helm, cutting hosting costs by €14,000 a month.",
        "Designed the PostgreSQL partitioning scheme for 900 million payment records."}},
      {"Software Engineer",
       "Spreewald Mobility AG",
       "Berlin",
       {Ym(2018, 1), Ym(2021, 3), false},
       std::nullopt,
       {"Built a ride-pricing service in Python and Django serving 3,000 requests per second.",
        "Introduced Kafka-based event streaming between 6 teams.", "Mentored 3 junior engineers."}},
      {"Junior Developer",
       "Havelsoft UG",
       "Potsdam",
       {Ym(2015, 9), Ym(2017, 12), false},
       std::nullopt,
       {"Maintained PHP and MySQL web shops for 40 small retailers.",
        "Automated deployments with Jenkins, saving 5 hours a week."}},
  };
  p.education = {
      {"Technische Universität Berlin", "M.Sc.", "Computer Science", Ym(2013, 10), Ym(2015, 9),
       "1.7"},
      {"Universität Potsdam", "B.Sc.", "Informatik", Ym(2010, 10), Ym(2013, 9), std::nullopt}};
  p.skills.technical = {"Python", "Django",     "PHP",  "MySQL", "Go",      "PostgreSQL",
                        "Docker", "Kubernetes", "Helm", "Kafka", "Jenkins", "Git"};
  p.skills.soft = {"Mentoring", "Incident management", "Communication"};
  p.languages = {{"German", "native"}, {"English", "C1"}};
  p.certifications = {{"Certified Kubernetes Application Developer (CKAD)", "CNCF", Ym(2022, 6)}};
  p.projects = {{"pg-partman-helper",
                 "A CLI that plans PostgreSQL partition maintenance.",
                 "https://github.com/jonas-example/pg-partman-helper",
                 {"Go", "PostgreSQL"}}};
  p.total_years_experience = 9.2;
  return p;
}

domain::Job EngineerJob() {
  domain::Job j;
  j.title = "Senior Backend Engineer";
  j.company = "Nordwind Energy GmbH";
  j.location = "Hamburg, Germany";
  j.description =
      "Senior Backend Engineer (m/f/d)\n"
      "Nordwind Energy builds the software that balances Germany's wind farms.\n\n"
      "What you will do\n"
      "- Design and run the Go services that schedule turbine maintenance.\n"
      "- Own our PostgreSQL data model and its performance.\n"
      "- Operate services on Kubernetes with the platform team.\n\n"
      "Requirements\n"
      "- 5+ years of backend development experience\n"
      "- Strong experience with Go\n"
      "- Production experience with Kubernetes and PostgreSQL\n"
      "- Bachelor's degree in Computer Science or a related field\n\n"
      "Nice to have\n"
      "- Kafka\n"
      "- Terraform\n\n"
      "Full-time, hybrid (Hamburg). Salary: €75,000 - €90,000 per year.\n";
  return j;
}

domain::Job EngineerJobGerman() {
  domain::Job j;
  j.title = "Senior Backend-Entwickler";
  j.company = "Nordwind Energy GmbH";
  j.location = "Hamburg";
  j.description =
      "Senior Backend-Entwickler (m/w/d)\n"
      "Wir entwickeln die Software, die die Windparks in Deutschland steuert.\n\n"
      "Deine Aufgaben\n"
      "- Du entwickelst und betreibst unsere Go-Services für die Wartungsplanung.\n"
      "- Du verantwortest unser Datenmodell in PostgreSQL.\n\n"
      "Dein Profil\n"
      "- Mindestens 5 Jahre Berufserfahrung in der Backend-Entwicklung\n"
      "- Sehr gute Kenntnisse in Go und Kubernetes\n"
      "- Erfahrung mit PostgreSQL\n"
      "- Abgeschlossenes Studium der Informatik oder vergleichbare Qualifikation\n\n"
      "Wünschenswert\n"
      "- Kenntnisse in Kafka\n\n"
      "Vollzeit, hybrid in Hamburg. Wir freuen uns auf deine Bewerbung!\n";
  return j;
}

domain::Profile NurseProfile() {
  domain::Profile p;
  p.full_name = "Amélie Rousseau";
  p.email = "amelie.rousseau@example.fr";
  p.phone = "+33 6 12 34 56 78";
  p.location = "Lyon, France";
  p.headline = "Intensive Care Nurse";
  p.summary = "Registered nurse with eight years in adult intensive care.";
  p.work_experience = {
      {"Intensive Care Nurse",
       "Hôpital Édouard Herriot",
       "Lyon",
       {Ym(2019, 2), std::nullopt, true},
       std::nullopt,
       {"Cared for up to 3 ventilated patients per shift in a 24-bed ICU.",
        "Trained 12 new nurses on ECMO circuits and hemodynamic monitoring.",
        "Cut central-line infections by 40% by leading a bundle-compliance audit."}},
      {"Staff Nurse",
       "Clinique du Parc",
       "Lyon",
       {Ym(2016, 9), Ym(2019, 1), false},
       std::nullopt,
       {"Worked in post-operative care for cardiac surgery patients.",
        "Administered medication and documented care in the electronic health record."}},
  };
  p.education = {{"Institut de Formation en Soins Infirmiers de Lyon", "Diplôme d'État d'infirmier",
                  "Nursing", domain::PartialDate{2013, 0}, domain::PartialDate{2016, 0},
                  std::nullopt}};
  p.skills.technical = {"Critical care",
                        "ECMO",
                        "Hemodynamic monitoring",
                        "Patient assessment",
                        "Medication administration",
                        "Electronic health records"};
  p.skills.soft = {"Teamwork", "Composure under pressure"};
  p.languages = {{"French", "native"}, {"English", "B2"}};
  p.certifications = {{"Advanced Life Support (ALS)", "European Resuscitation Council",
                       domain::PartialDate{2021, 3}}};
  p.total_years_experience = 10.1;
  return p;
}

domain::Job NurseJob() {
  domain::Job j;
  j.title = "Critical Care Nurse";
  j.company = "St. Mary's Hospital";
  j.location = "London, UK";
  j.description =
      "Critical Care Nurse - Band 6\n"
      "Join our 30-bed adult critical care unit.\n\n"
      "Essential\n"
      "- Registered nurse with at least 3 years of critical care experience\n"
      "- Experience with ECMO and hemodynamic monitoring\n"
      "- Advanced Life Support certification\n"
      "- Excellent patient assessment skills\n\n"
      "Desirable\n"
      "- Mentoring of junior staff\n"
      "- Quality improvement projects\n\n"
      "Full-time, onsite. Salary £38,000 - £45,000 a year.\n";
  return j;
}

}  // namespace jc::testing
