#include "generation/pdf/pdf_renderer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/sample_documents.hpp"
#include "support/shell.hpp"

namespace jc::generation {
namespace {

namespace fs = std::filesystem;

using testing::Shell;
using Command = testing::ShellResult;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The value of "Key:   value" in pdfinfo's output.
std::string InfoField(const std::string& info, const std::string& key) {
  std::istringstream lines(info);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(key + ":", 0) != 0) continue;
    const auto value = line.find_first_not_of(' ', key.size() + 1);
    return value == std::string::npos ? "" : line.substr(value);
  }
  return "";
}

// The texts of a column of pdffonts' table, one per font, located by the dashed rule.
std::vector<std::string> FontsColumn(const std::string& table, int column) {
  std::istringstream lines(table);
  std::string line;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  while (std::getline(lines, line) && line.rfind("---", 0) != 0) {
  }
  for (std::size_t pos = 0; pos < line.size();) {
    const auto end = std::min(line.find(' ', pos), line.size());
    spans.emplace_back(pos, end - pos);
    pos = end + 1;
  }
  std::vector<std::string> out;
  if (static_cast<std::size_t>(column) >= spans.size()) return out;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::string cell =
        line.substr(std::min(spans[column].first, line.size()), spans[column].second);
    cell.erase(cell.find_last_not_of(' ') + 1);
    cell.erase(0, std::min(cell.find_first_not_of(' '), cell.size()));
    out.push_back(cell);
  }
  return out;
}

class PdfRendererTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = fs::temp_directory_path() / ("jc_pdf_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Renders doc to dir_/name.pdf and returns the quoted path for a shell command; "" on error.
  std::string Render(const Document& doc, RenderOptions options, const std::string& name) {
    auto pdf = RenderPdf(doc, options);
    EXPECT_TRUE(pdf.has_value()) << name << ": " << (pdf ? "" : pdf.error().message);
    if (!pdf) return "";
    EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u) << name;
    const fs::path path = dir_ / (name + ".pdf");
    std::ofstream(path, std::ios::binary) << *pdf;
    return "'" + path.string() + "'";
  }

  fs::path dir_;
};

struct Variant {
  TemplateId template_id;
  PageSize page_size;
  const char* page_label;  // as pdfinfo names the size
};

std::string VariantName(const ::testing::TestParamInfo<Variant>& param) {
  return std::string(param.param.template_id == TemplateId::kClassic ? "Classic" : "Modern") +
         (param.param.page_size == PageSize::kA4 ? "A4" : "Letter");
}

class PdfVariantTest : public PdfRendererTest, public ::testing::WithParamInterface<Variant> {};

TEST_P(PdfVariantTest, SampleCvIsValidWithMetadataAndPageSize) {
  const Variant v = GetParam();
  const std::string path = Render(testing::SampleCv(), {v.template_id, v.page_size}, "cv");
  ASSERT_FALSE(path.empty());
  const Command check = Shell("qpdf --check " + path);
  EXPECT_EQ(check.exit_code, 0) << check.out;
  const Command info = Shell("pdfinfo " + path);
  ASSERT_EQ(info.exit_code, 0) << info.out;
  EXPECT_EQ(InfoField(info.out, "Title"), "Zoë Müller-Łukasiewicz – CV");
  EXPECT_EQ(InfoField(info.out, "Author"), "Zoë Müller-Łukasiewicz");
  EXPECT_EQ(InfoField(info.out, "Creator"), "Job Copilot");
  EXPECT_NE(InfoField(info.out, "Page size").find(v.page_label), std::string::npos) << info.out;
  const int pages = std::stoi("0" + InfoField(info.out, "Pages"));
  EXPECT_GE(pages, 2);  // about two pages of content
  EXPECT_LE(pages, 3);
}

TEST_P(PdfVariantTest, SampleCvTextComesOutInReadingOrder) {
  const Variant v = GetParam();
  const std::string path = Render(testing::SampleCv(), {v.template_id, v.page_size}, "cv");
  ASSERT_FALSE(path.empty());
  const Command text = Shell("pdftotext " + path + " -");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  const std::string lower = Lower(text.out);
  const std::vector<std::string> in_order = {
      "Zoë Müller-Łukasiewicz",
      "Senior Backend Engineer",
      "zoe.mueller@example.com",
      "+49 30 1234 5678",
      "github.com/zoe-example",
      "Summary",
      "Backend engineer with 12 years",
      "Experience",
      "Senior Backend Engineer",
      "Nordlicht Logistics GmbH, Berlin",
      "Owned the order-routing services",
      "Cut p99 latency of the pricing API",
      "Mentored four junior engineers",
      "Backend Engineer",
      "Café Société SAS, Paris",
      "Software Engineer",
      "Datenwerk AG, München",
      "Junior Software Engineer",
      "Software Developer",
      "Working Student, Software",
      "TU Dresden, Dresden",
      "Education",
      "M.Sc. Computer Science",
      "Technische Universität Dresden",
      "B.Sc. Informatik",
      "Skills",
      "Technical: C++, Go, Python",
      "Soft skills: Mentoring",
      "Languages",
      "German (native)",
      "Certifications",
      "Certified Kubernetes Administrator",
      "Projects",
      "pgbouncer-exporter",
  };
  std::size_t pos = 0;
  for (const std::string& expected : in_order) {
    // Case-insensitive: the classic template capitalises its headings. The umlauts above are
    // compared as they are; std::tolower leaves UTF-8 continuation bytes alone.
    const auto found = lower.find(Lower(expected), pos);
    ASSERT_NE(found, std::string::npos) << "'" << expected << "' missing or out of order in:\n"
                                        << text.out;
    pos = found + 1;
  }
  // Each entry's dates come after its heading and before the next entry. (pdftotext may put
  // right-aligned dates after the entry's first lines, not always beside the heading.)
  const std::vector<std::vector<std::string>> entries = {
      {"Senior Backend Engineer", "Mar 2021 – Present", "Backend Engineer\n"},
      {"Backend Engineer\n", "Jan 2018 – Feb 2021", "Software Engineer\n"},
      {"Software Engineer\n", "Jun 2015 – Dec 2017", "Junior Software Engineer"},
      {"Junior Software Engineer", "Sep 2013 – May 2015", "Software Developer"},
      {"Software Developer", "Apr 2011 – Aug 2013", "Working Student, Software"},
      {"Working Student, Software", "Oct 2009 – Mar 2011", "M.Sc. Computer Science"},
      {"M.Sc. Computer Science", "2007 – 2009", "B.Sc. Informatik"},
  };
  const std::size_t experience = lower.find("experience\n");
  ASSERT_NE(experience, std::string::npos);
  for (const auto& entry : entries) {
    const auto title = text.out.find(entry[0], experience);
    const auto dates = text.out.find(entry[1], experience);
    const auto next = text.out.find(entry[2], title + entry[0].size());
    EXPECT_LT(title, dates) << entry[1];
    EXPECT_LT(dates, next) << entry[1];
  }
}

TEST_P(PdfVariantTest, EveryFontIsEmbedded) {
  const Variant v = GetParam();
  const std::string path = Render(testing::SampleCv(), {v.template_id, v.page_size}, "cv");
  ASSERT_FALSE(path.empty());
  const Command fonts = Shell("pdffonts " + path);
  ASSERT_EQ(fonts.exit_code, 0) << fonts.out;
  const std::vector<std::string> emb = FontsColumn(fonts.out, 3);
  ASSERT_FALSE(emb.empty()) << fonts.out;
  for (const std::string& cell : emb) EXPECT_EQ(cell, "yes") << fonts.out;
}

INSTANTIATE_TEST_SUITE_P(
    TemplatesAndSizes, PdfVariantTest,
    ::testing::Values(Variant{TemplateId::kClassic, PageSize::kA4, "(A4)"},
                      Variant{TemplateId::kClassic, PageSize::kLetter, "(letter)"},
                      Variant{TemplateId::kModern, PageSize::kA4, "(A4)"},
                      Variant{TemplateId::kModern, PageSize::kLetter, "(letter)"}),
    VariantName);

Document Hostile(const std::string& name) {
  for (auto& [n, doc] : testing::HostileDocuments()) {
    if (n == name) return doc;
  }
  ADD_FAILURE() << "no hostile document " << name;
  return {};
}

TEST_F(PdfRendererTest, LetterHasItsPartsInOrder) {
  for (TemplateId id : {TemplateId::kClassic, TemplateId::kModern}) {
    const std::string path = Render(testing::SampleLetter(), {id, PageSize::kA4}, "letter");
    ASSERT_FALSE(path.empty());
    EXPECT_EQ(Shell("qpdf --check " + path).exit_code, 0);
    const Command info = Shell("pdfinfo " + path);
    EXPECT_EQ(InfoField(info.out, "Title"), "Zoë Müller-Łukasiewicz – Cover letter");
    EXPECT_EQ(InfoField(info.out, "Pages"), "1");
    const std::string text = Shell("pdftotext " + path + " -").out;
    std::size_t pos = 0;
    for (const char* expected :
         {"Zoë Müller-Łukasiewicz", "Senior Backend Engineer", "zoe.mueller@example.com",
          "Hiring team", "Helios Energy GmbH", "Hamburg", "27 November 2026",
          "Application for Senior Backend Engineer", "Dear Hiring Team,", "I am writing to apply",
          "You are looking for", "Performance matters", "Beyond code", "I would welcome",
          "Kind regards,", "Zoë Müller-Łukasiewicz"}) {
      const auto found = text.find(expected, pos);
      ASSERT_NE(found, std::string::npos) << expected << " missing or out of order in:\n" << text;
      pos = found + 1;
    }
  }
}

TEST_F(PdfRendererTest, EveryHostileDocumentRendersToAValidPdf) {
  for (TemplateId id : {TemplateId::kClassic, TemplateId::kModern}) {
    for (const auto& [name, doc] : testing::HostileDocuments()) {
      const std::string path = Render(doc, {id, PageSize::kA4}, name);
      ASSERT_FALSE(path.empty()) << name;
      const Command check = Shell("qpdf --check " + path);
      EXPECT_EQ(check.exit_code, 0) << name << "\n" << check.out;
    }
  }
}

TEST_F(PdfRendererTest, TwoHundredRolesSpanManyPages) {
  const std::string path = Render(Hostile("two_hundred_roles"), {}, "roles");
  ASSERT_FALSE(path.empty());
  const int pages = std::stoi("0" + InfoField(Shell("pdfinfo " + path).out, "Pages"));
  EXPECT_GT(pages, 10);
  const std::string text = Shell("pdftotext " + path + " -").out;
  std::size_t roles = 0;
  for (auto pos = text.find("Owned the order-routing"); pos != std::string::npos;
       pos = text.find("Owned the order-routing", pos + 1)) {
    ++roles;
  }
  EXPECT_EQ(roles, 200u);
}

// A page never ends with a section heading or an entry heading: they stay with what follows.
TEST_F(PdfRendererTest, HeadingsAreNeverLastOnAPage) {
  for (TemplateId id : {TemplateId::kClassic, TemplateId::kModern}) {
    const std::string path = Render(Hostile("two_hundred_roles"), {id, PageSize::kA4}, "roles");
    ASSERT_FALSE(path.empty());
    std::string text = Shell("pdftotext " + path + " -").out;
    std::istringstream pages(text);
    int page_number = 0;
    for (std::string page; std::getline(pages, page, '\f');) {
      ++page_number;
      page.erase(page.find_last_not_of(" \n") + 1);
      if (page.empty()) continue;
      std::vector<std::string> lines;
      std::istringstream page_lines(page);
      for (std::string line; std::getline(page_lines, line);) {
        if (!line.empty()) lines.push_back(line);
      }
      ASSERT_FALSE(lines.empty());
      const std::string& last = lines.back();
      EXPECT_NE(Lower(last).rfind("experience", 0), 0u) << "page " << page_number;
      const auto is_title = [](const std::string& line) {
        for (const char* title :
             {"Senior Backend Engineer", "Backend Engineer", "Software Engineer",
              "Junior Software Engineer", "Software Developer", "Working Student, Software"}) {
          if (line == title) return true;
        }
        return false;
      };
      EXPECT_FALSE(is_title(last)) << "page " << page_number << " ends with " << last;
      // pdftotext may put an entry's right-aligned dates on a line after its title: a page that
      // ends with title + dates ends with the heading row.
      if (lines.size() >= 2 && last.find(" – ") != std::string::npos) {
        EXPECT_FALSE(is_title(lines[lines.size() - 2]))
            << "page " << page_number << " ends with " << lines[lines.size() - 2] << " / " << last;
      }
    }
    EXPECT_GT(page_number, 10);
  }
}

TEST_F(PdfRendererTest, UnbrokenWordsWrapInsideTheColumn) {
  const std::string path = Render(Hostile("long_bullets"), {}, "long");
  ASSERT_FALSE(path.empty());
  const std::string text = Shell("pdftotext " + path + " -").out;
  EXPECT_NE(text.find("xxxxxxxxxx"), std::string::npos);
  std::istringstream lines(text);
  std::size_t x_count = 0;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LT(line.size(), 200u) << line.substr(0, 80) << "...";
    x_count += static_cast<std::size_t>(std::count(line.begin(), line.end(), 'x'));
  }
  EXPECT_GE(x_count, 10'000u);  // nothing cut off
}

TEST_F(PdfRendererTest, CjkTextUsesAnEmbeddedCjkFont) {
  const std::string path = Render(Hostile("rtl_and_cjk"), {}, "cjk");
  ASSERT_FALSE(path.empty());
  const std::string fonts = Shell("pdffonts " + path).out;
  EXPECT_NE(fonts.find("CJK"), std::string::npos) << fonts;
  for (const std::string& cell : FontsColumn(fonts, 3)) EXPECT_EQ(cell, "yes") << fonts;
  const std::string text = Shell("pdftotext " + path + " -").out;
  EXPECT_NE(text.find("株式会社サンプル"), std::string::npos) << text;
  EXPECT_NE(text.find("山田"), std::string::npos) << text;
}

TEST_F(PdfRendererTest, ControlCharactersNeverReachThePage) {
  const std::string path = Render(Hostile("control_characters"), {}, "control");
  ASSERT_FALSE(path.empty());
  const std::string text = Shell("pdftotext -nopgbrk " + path + " -").out;
  for (unsigned char c : text) {
    EXPECT_TRUE(c == '\n' || (c >= 0x20 && c != 0x7f)) << "control byte " << int{c};
  }
  EXPECT_NE(text.find("Jane Doe[31mSmith"), std::string::npos) << text;
  EXPECT_NE(text.find("<script>alert('x')</script> & \"q\""), std::string::npos) << text;
}

TEST_F(PdfRendererTest, EmptyDocumentIsOneBlankPage) {
  const std::string path = Render(Hostile("empty"), {}, "empty");
  ASSERT_FALSE(path.empty());
  EXPECT_EQ(Shell("qpdf --check " + path).exit_code, 0);
  EXPECT_EQ(InfoField(Shell("pdfinfo " + path).out, "Pages"), "1");
  const std::string text = Shell("pdftotext -nopgbrk " + path + " -").out;
  EXPECT_EQ(text.find_first_not_of(" \n"), std::string::npos) << text;
}

TEST_F(PdfRendererTest, TooMuchTextIsAValidationError) {
  Document doc = testing::SampleCv();
  doc.sections[0].blocks[0].text.assign(kMaxPdfTextBytes + 1, 'a');
  auto pdf = RenderPdf(doc, {});
  ASSERT_FALSE(pdf.has_value());
  EXPECT_EQ(pdf.error().code, ErrorCode::kValidation);
}

TEST_F(PdfRendererTest, ConcurrentCallsGiveTheSameText) {
  const Document cv = testing::SampleCv();
  const std::string reference = Render(cv, {TemplateId::kModern, PageSize::kA4}, "reference");
  ASSERT_FALSE(reference.empty());
  const std::string expected = Shell("pdftotext " + reference + " -").out;
  constexpr int kThreads = 4;
  std::vector<std::string> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) {
        const TemplateId id = (t + i) % 2 == 0 ? TemplateId::kModern : TemplateId::kClassic;
        auto pdf = RenderPdf(id == TemplateId::kModern ? cv : testing::SampleLetter(),
                             {id, PageSize::kA4});
        if (pdf && id == TemplateId::kModern) results[t] = *pdf;
        if (!pdf) results[t] = "error";
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) {
    const fs::path path = dir_ / ("thread" + std::to_string(t) + ".pdf");
    std::ofstream(path, std::ios::binary) << results[t];
    EXPECT_EQ(Shell("qpdf --check '" + path.string() + "'").exit_code, 0) << "thread " << t;
    EXPECT_EQ(Shell("pdftotext '" + path.string() + "' -").out, expected) << "thread " << t;
  }
}

}  // namespace
}  // namespace jc::generation
