#include "support/sample_documents.hpp"

namespace jc::testing {
namespace {

using generation::Block;
using generation::BlockKind;
using generation::Document;
using generation::DocumentKind;
using generation::Entry;
using generation::Section;

Block EntryBlock(Entry entry) {
  Block b;
  b.kind = BlockKind::kEntry;
  b.entry = std::move(entry);
  return b;
}

Block Paragraph(std::string label, std::string text) {
  Block b;
  b.kind = BlockKind::kParagraph;
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

void Header(Document& d) {
  d.language = "en";
  d.title = "Zoë Müller-Łukasiewicz – CV";
  d.author = "Zoë Müller-Łukasiewicz";
  d.name = "Zoë Müller-Łukasiewicz";
  d.headline = "Senior Backend Engineer";
  d.contact = {{"zoe.mueller@example.com", "mailto:zoe.mueller@example.com"},
               {"+49 30 1234 5678", "tel:+493012345678"},
               {"Berlin, Germany", std::nullopt},
               {"linkedin.com/in/zoe-example", "https://linkedin.com/in/zoe-example"},
               {"github.com/zoe-example", "https://github.com/zoe-example"}};
}

Entry Role(int i) {
  static const char* kTitles[] = {"Senior Backend Engineer", "Backend Engineer",
                                  "Software Engineer",       "Junior Software Engineer",
                                  "Software Developer",      "Working Student, Software"};
  static const char* kCompanies[] = {
      "Nordlicht Logistics GmbH, Berlin", "Café Société SAS, Paris",   "Datenwerk AG, München",
      "Fjord Analytics AS, Oslo",         "Porto Systems Lda., Porto", "TU Dresden, Dresden"};
  static const char* kDates[] = {"Mar 2021 – Present",  "Jan 2018 – Feb 2021",
                                 "Jun 2015 – Dec 2017", "Sep 2013 – May 2015",
                                 "Apr 2011 – Aug 2013", "Oct 2009 – Mar 2011"};
  Entry e;
  e.heading = kTitles[i % 6];
  e.subheading = kCompanies[i % 6];
  e.dates = kDates[i % 6];
  e.paragraphs = {"Owned the order-routing services of a team of eight engineers."};
  e.bullets = {
      "Cut p99 latency of the pricing API from 480 ms to 95 ms by moving hot paths to C++20 "
      "coroutines and Redis caching.",
      "Led the migration of 40 services from a monolithic PostgreSQL 9.6 cluster to "
      "PostgreSQL 15 with zero downtime.",
      "Introduced contract tests and CI/CD pipelines on GitLab, reducing failed releases by 35%.",
      "Mentored four junior engineers; two were promoted within a year.",
  };
  return e;
}

}  // namespace

Document SampleCv() {
  Document d;
  d.kind = DocumentKind::kCv;
  Header(d);
  d.sections.push_back(
      {"summary",
       "Summary",
       {Paragraph("",
                  "Backend engineer with 12 years of experience building reliable, fast "
                  "services in C++, Go and Python for logistics, retail and research. "
                  "Known for measurable latency and cost wins and for growing engineers.")}});
  Section experience{"experience", "Experience", {}};
  for (int i = 0; i < 6; ++i) experience.blocks.push_back(EntryBlock(Role(i)));
  d.sections.push_back(std::move(experience));
  Section education{"education", "Education", {}};
  education.blocks.push_back(EntryBlock({"M.Sc. Computer Science",
                                         "Technische Universität Dresden",
                                         "2007 – 2009",
                                         {"Grade: 1.3"},
                                         {}}));
  education.blocks.push_back(
      EntryBlock({"B.Sc. Informatik", "Universität Leipzig", "2004 – 2007", {}, {}}));
  d.sections.push_back(std::move(education));
  d.sections.push_back(
      {"skills",
       "Skills",
       {Paragraph("Technical",
                  "C++, Go, Python, PostgreSQL, Redis, Kubernetes, Docker, Kafka, "
                  "gRPC, Linux, Terraform, AWS"),
        Paragraph("Soft skills", "Mentoring, Stakeholder management, Technical writing")}});
  d.sections.push_back(
      {"languages", "Languages", {Bullets({"German (native)", "English (C2)", "French (B1)"})}});
  d.sections.push_back(
      {"certifications",
       "Certifications",
       {Bullets({"Certified Kubernetes Administrator (CKA), CNCF, 2022",
                 "AWS Certified Solutions Architect – Associate, Amazon Web Services, 2020"})}});
  Section projects{"projects", "Projects", {}};
  projects.blocks.push_back(
      EntryBlock({"pgbouncer-exporter",
                  "github.com/zoe-example/pgbouncer-exporter",
                  "",
                  {"A Prometheus exporter for PgBouncer used by 300+ companies. Go, Prometheus."},
                  {}}));
  d.sections.push_back(std::move(projects));
  return d;
}

Document SampleLetter() {
  Document d;
  d.kind = DocumentKind::kCoverLetter;
  Header(d);
  d.title = "Zoë Müller-Łukasiewicz – Cover letter";
  d.letter.recipient = {"Hiring team", "Helios Energy GmbH", "Hamburg"};
  d.letter.date = "27 November 2026";
  d.letter.subject = "Application for Senior Backend Engineer";
  d.letter.salutation = "Dear Hiring Team,";
  d.letter.paragraphs = {
      "I am writing to apply for the Senior Backend Engineer position at Helios Energy GmbH. "
      "For the past twelve years I have built and run backend services in C++, Go and Python, "
      "most recently as Senior Backend Engineer at Nordlicht Logistics GmbH, and your posting "
      "reads like a description of the work I enjoy most.",
      "You are looking for deep experience with PostgreSQL and Kubernetes. At Nordlicht "
      "Logistics I led the migration of 40 services from a monolithic PostgreSQL 9.6 cluster to "
      "PostgreSQL 15 with zero downtime, and I run our services on Kubernetes, for which I hold "
      "the Certified Kubernetes Administrator certification.",
      "Performance matters to you, and it matters to me: I cut the p99 latency of our pricing "
      "API from 480 ms to 95 ms by moving hot paths to C++20 coroutines and Redis caching. At "
      "Café Société I introduced contract tests and CI/CD pipelines that reduced failed "
      "releases by 35%.",
      "Beyond code, I have mentored four junior engineers, two of whom were promoted within a "
      "year. I enjoy writing clear design documents and working with product owners and "
      "operations teams to find the simplest system that solves the problem.",
      "I would welcome the opportunity to discuss how my experience can help Helios Energy "
      "build its next generation of grid services. Thank you for your time and consideration.",
  };
  d.letter.closing = "Kind regards,";
  d.letter.signature = d.name;
  return d;
}

std::vector<std::pair<std::string, Document>> HostileDocuments() {
  std::vector<std::pair<std::string, Document>> out;

  Document empty;
  empty.sections.push_back({"experience", "Experience", {}});
  empty.sections.push_back({"skills", "Skills", {Paragraph("", "")}});
  out.emplace_back("empty", std::move(empty));

  Document many = SampleCv();
  many.sections[1].blocks.clear();
  for (int i = 0; i < 200; ++i) many.sections[1].blocks.push_back(EntryBlock(Role(i)));
  out.emplace_back("two_hundred_roles", std::move(many));

  Document long_bullets = SampleCv();
  std::string word_soup;
  while (word_soup.size() < 10'000) word_soup += "Optimised throughput of ingestion jobs ";
  std::string unbroken(10'000, 'x');
  long_bullets.sections[1].blocks[0].entry.bullets = {word_soup, unbroken};
  out.emplace_back("long_bullets", std::move(long_bullets));

  Document rtl = SampleCv();
  rtl.name = "ليلى عبد الله 山田 花子";
  rtl.headline = "مهندسة برمجيات · ソフトウェアエンジニア · 软件工程师 · 소프트웨어 엔지니어";
  rtl.sections[0].blocks[0].text =
      "مهندسة برمجيات ذات خبرة في الأنظمة الموزعة. 東京でバックエンド開発を8年間担当。"
      "负责支付系统的设计与实现。 שלום עולם.";
  rtl.sections[1].blocks[0].entry.subheading = "株式会社サンプル, 東京";
  out.emplace_back("rtl_and_cjk", std::move(rtl));

  Document control = SampleCv();
  control.name = std::string("Jane\x01\x02 Doe\x1b[31m") + '\0' + "Smith";
  control.sections[0].blocks[0].text = "Line\x0b feed\x0c page\x7f del \xff\xfe invalid UTF-8";
  control.sections[1].blocks[0].entry.bullets.push_back("<script>alert('x')</script> & \"q\"");
  out.emplace_back("control_characters", std::move(control));

  Document no_header = SampleCv();
  no_header.name.clear();
  no_header.headline.clear();
  no_header.contact.clear();
  no_header.title.clear();
  no_header.author.clear();
  out.emplace_back("no_header", std::move(no_header));

  Document letter_empty;
  letter_empty.kind = DocumentKind::kCoverLetter;
  out.emplace_back("empty_letter", std::move(letter_empty));
  return out;
}

}  // namespace jc::testing
