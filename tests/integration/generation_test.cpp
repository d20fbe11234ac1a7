// The generation routes end to end over loopback HTTP: every format checked with real tools
// (qpdf, pdftotext, python3-docx), the round trip of each template's PDF and DOCX through our
// own parser, English and German, option validation, hostile profiles, and `jobcopilot
// generate`. Fixtures: tests/fixtures/generation/*.json ({"profileData", "jobData"}).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "common/base64.hpp"
#include "support/service_fixture.hpp"
#include "support/shell.hpp"

namespace jc::testing {
namespace {

namespace json = boost::json;

json::object Fixture(const std::string& name) {
  std::ifstream in(std::string(JC_SOURCE_DIR) + "/tests/fixtures/generation/" + name + ".json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str()).as_object();
}

std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : "";
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Digits(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) out += c;
  }
  return out;
}

class GenerationTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    dir_ = MakeTempDir("jc-generation");
    ASSERT_FALSE(dir_.empty());
  }

  Response Generate(const std::string& route, json::object request) {
    return client_->PostJson(route, json::serialize(request));
  }

  // The base64 document at `field` of `doc`, written to dir_/name.
  std::string Save(const json::object& doc, const char* field, const std::string& name) {
    const auto bytes = Base64Decode(Str(doc.at(field)));
    EXPECT_TRUE(bytes.has_value()) << field << " is not base64";
    const std::string path = dir_ + "/" + name;
    EXPECT_TRUE(WriteBytes(path, bytes.value_or("")));
    return path;
  }

  std::string dir_;
};

json::object WithOptions(json::object request, json::object options) {
  request["options"] = std::move(options);
  return request;
}

json::array AllFormats() {
  return json::array{"markdown", "html", "pdf", "docx"};
}

// What every generated PDF must be: valid for qpdf, with the text in reading order.
void ExpectValidPdf(const std::string& path, const std::vector<std::string>& in_order) {
  const auto check = Shell("qpdf --check '" + path + "'");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  const auto text = Shell("pdftotext -enc UTF-8 '" + path + "' -");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  // Headings may be set in capitals (the classic template): compare ASCII case-insensitively.
  const std::string haystack = Lower(text.out);
  std::size_t at = 0;
  for (const auto& s : in_order) {
    const auto found = haystack.find(Lower(s), at);
    EXPECT_NE(found, std::string::npos) << "'" << s << "' not found in order in:\n" << text.out;
    if (found != std::string::npos) at = found + s.size();
  }
}

void ExpectValidDocx(const std::string& path, const std::string& must_contain) {
  const auto result = Shell(
      "/usr/bin/python3 -c \"import docx,sys; d=docx.Document(sys.argv[1]); "
      "print('\\n'.join(p.text for p in d.paragraphs))\" '" +
      path + "'");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find(must_contain), std::string::npos) << result.out;
}

// Converts every .docx in `dir` to PDF with one LibreOffice run (its start-up is the slow part)
// and expects a PDF for each: the files open and convert cleanly, not only in python-docx.
void ExpectLibreOfficeConvertsEveryDocx(const std::string& dir) {
  const auto list = Shell("ls '" + dir + "'/*.docx");
  ASSERT_EQ(list.exit_code, 0) << list.out;
  const auto convert =
      Shell("cd '" + dir + "' && libreoffice -env:UserInstallation=file://" + dir +
            "/lo-profile --headless --convert-to pdf --outdir '" + dir + "/lo' *.docx");
  ASSERT_EQ(convert.exit_code, 0) << convert.out;
  std::istringstream files(list.out);
  for (std::string path; std::getline(files, path);) {
    const std::string stem = path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 6);
    const std::string pdf = dir + "/lo/" + stem + ".pdf";
    EXPECT_TRUE(std::ifstream(pdf).good()) << "LibreOffice did not convert " << path << "\n"
                                           << convert.out;
    EXPECT_EQ(Shell("qpdf --check '" + pdf + "'").exit_code, 0) << pdf;
  }
}

TEST_F(GenerationTest, EveryFormatIsValidAndTrueToTheProfile) {
  for (const char* name : {"engineer-berlin", "nurse-lyon", "accountant-manchester"}) {
    SCOPED_TRACE(name);
    const auto fixture = Fixture(name);
    const auto res =
        Generate("/api/generate-documents", WithOptions(fixture, {{"formats", AllFormats()}}));
    ASSERT_EQ(res.result_int(), 200u) << res.body();
    const auto body = JsonOf(res).as_object();
    const auto& profile = fixture.at("profileData").as_object();
    const std::string full_name = Str(profile.at("fullName"));
    const std::string first_title =
        Str(profile.at("workExperience").as_array()[0].as_object().at("title"));

    const auto& cv = body.at("cv").as_object();
    EXPECT_NE(Str(cv.at("markdown")).find("# " + full_name), std::string::npos);
    EXPECT_NE(Str(cv.at("html")).find("<h1>" + full_name + "</h1>"), std::string::npos);
    ExpectValidPdf(Save(cv, "pdf", std::string(name) + ".pdf"), {full_name, first_title});
    ExpectValidDocx(Save(cv, "docx", std::string(name) + ".docx"), first_title);
    // Our own documents state nothing the profile does not: the check finds nothing to remove.
    EXPECT_EQ(cv.at("truthfulness").at("removed").to_number<int>(), 0)
        << json::serialize(cv.at("truthfulness"));
    EXPECT_GT(cv.at("truthfulness").at("claimsChecked").to_number<int>(), 10);

    const auto& letter = body.at("coverLetter").as_object();
    const std::string text = Str(letter.at("text"));
    EXPECT_NE(text.find(Str(fixture.at("jobData").at("company"))), std::string::npos) << text;
    EXPECT_NE(text.find(Str(fixture.at("jobData").at("title"))), std::string::npos) << text;
    EXPECT_EQ(letter.at("truthfulness").at("removed").to_number<int>(), 0)
        << json::serialize(letter.at("truthfulness"));
    const int words = letter.at("words").to_number<int>();
    EXPECT_GE(words, 180) << text;
    EXPECT_LE(words, 400) << text;
    ExpectValidPdf(Save(letter, "pdf", std::string(name) + "-letter.pdf"),
                   {full_name, "Dear Hiring Manager,", "Kind regards,"});
    ExpectValidDocx(Save(letter, "docx", std::string(name) + "-letter.docx"), "Kind regards,");
    EXPECT_EQ(body.at("meta").at("engine"), "local");
    EXPECT_EQ(body.at("meta").at("language"), "en");
  }
  ExpectLibreOfficeConvertsEveryDocx(dir_);
}

TEST_F(GenerationTest, DefaultIsMarkdownOnlyAndTheTailoringIsListed) {
  const auto res = Generate("/api/generate-cv", Fixture("engineer-berlin"));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto body = JsonOf(res).as_object();
  const auto& cv = body.at("cv").as_object();
  EXPECT_TRUE(cv.at("markdown").is_string());
  for (const char* absent : {"html", "pdf", "docx"}) {
    EXPECT_TRUE(!cv.contains(absent) || cv.at(absent).is_null()) << absent;
  }
  // The job's skills lead the list; the headline and summary were composed and say so.
  const auto& technical = cv.at("profile").at("skills").at("technical").as_array();
  EXPECT_EQ(technical[0], "Go");
  EXPECT_EQ(cv.at("profile").at("headline"), "Senior Software Engineer");
  std::set<std::string> kinds;
  for (const auto& change : cv.at("changes").as_array()) {
    kinds.insert(Str(change.at("type")));
  }
  EXPECT_TRUE(kinds.count("reordered") == 1 && kinds.count("composed") == 1)
      << json::serialize(cv.at("changes"));
  EXPECT_EQ(body.at("meta").at("template"), "classic");
}

// A generated CV, fed back through our own parser, gives the same person, employers, titles,
// dates and skills: for each template, as PDF and as DOCX.
TEST_F(GenerationTest, RoundTripThroughTheParserForEveryTemplate) {
  const auto fixture = Fixture("engineer-berlin");
  const auto& source = fixture.at("profileData").as_object();
  for (const char* tmpl : {"classic", "modern"}) {
    const auto res = Generate(
        "/api/generate-cv",
        WithOptions(fixture, {{"formats", json::array{"pdf", "docx"}}, {"template", tmpl}}));
    ASSERT_EQ(res.result_int(), 200u) << res.body();
    const auto body = JsonOf(res);
    const auto& cv = body.at("cv").as_object();
    for (const char* format : {"pdf", "docx"}) {
      SCOPED_TRACE(std::string(tmpl) + " " + format);
      const auto parsed_res = client_->PostJson(
          "/api/parse-cv",
          json::serialize(json::object{{"fileData", cv.at(format)}, {"fileType", format}}));
      ASSERT_EQ(parsed_res.result_int(), 200u) << parsed_res.body();
      const auto parsed = JsonOf(parsed_res).at("profileData").as_object();
      EXPECT_EQ(parsed.at("fullName"), source.at("fullName"));
      EXPECT_EQ(parsed.at("email"), source.at("email"));
      EXPECT_EQ(Digits(Str(parsed.at("phone"))), Digits(Str(source.at("phone"))));
      const auto& roles = parsed.at("workExperience").as_array();
      const auto& want = source.at("workExperience").as_array();
      ASSERT_EQ(roles.size(), want.size()) << json::serialize(roles);
      for (std::size_t i = 0; i < want.size(); ++i) {
        for (const char* field : {"title", "company", "startDate", "endDate"}) {
          EXPECT_EQ(roles[i].at(field), want[i].at(field)) << "role " << i << " " << field;
        }
      }
      std::set<std::string> skills;
      for (const auto& s : parsed.at("skills").at("technical").as_array()) {
        skills.insert(Lower(Str(s)));
      }
      for (const auto& s : source.at("skills").at("technical").as_array()) {
        EXPECT_TRUE(skills.count(Lower(Str(s))) == 1) << Str(s);
      }
    }
  }
}

TEST_F(GenerationTest, AGermanPostingGivesGermanDocumentsUnlessAskedOtherwise) {
  const auto fixture = Fixture("engineer-hamburg-de");
  const auto res = Generate("/api/generate-documents",
                            WithOptions(fixture, {{"formats", json::array{"markdown", "pdf"}}}));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto body = JsonOf(res).as_object();
  EXPECT_EQ(body.at("meta").at("language"), "de");
  const std::string md = Str(body.at("cv").at("markdown"));
  EXPECT_NE(md.find("## Berufserfahrung"), std::string::npos) << md;
  EXPECT_NE(md.find("Februar 2020 – heute"), std::string::npos) << md;
  const std::string text = Str(body.at("coverLetter").at("text"));
  EXPECT_EQ(text.rfind("Sehr geehrte Damen und Herren,", 0), 0u) << text;
  EXPECT_NE(text.find("Mit freundlichen Grüßen"), std::string::npos) << text;
  EXPECT_EQ(body.at("coverLetter").at("truthfulness").at("removed").to_number<int>(), 0)
      << json::serialize(body.at("coverLetter").at("truthfulness"));
  ExpectValidPdf(Save(body.at("cv").as_object(), "pdf", "de.pdf"),
                 {"Lea Schäfer", "Berufserfahrung", "Ausbildung"});

  const auto english =
      Generate("/api/generate-cover-letter", WithOptions(fixture, {{"language", "en"}}));
  ASSERT_EQ(english.result_int(), 200u) << english.body();
  EXPECT_EQ(JsonOf(english).at("meta").at("language"), "en");
}

TEST_F(GenerationTest, TonesAndPageSizes) {
  const auto fixture = Fixture("engineer-berlin");
  std::set<std::string> openings;
  for (const char* tone : {"professional", "enthusiastic", "concise"}) {
    const auto res = Generate(
        "/api/generate-cover-letter",
        WithOptions(fixture,
                    {{"tone", tone}, {"pageSize", "letter"}, {"formats", json::array{"pdf"}}}));
    ASSERT_EQ(res.result_int(), 200u) << res.body();
    const auto body = JsonOf(res);
    const auto& letter = body.at("coverLetter").as_object();
    const std::string text = Str(letter.at("text"));
    openings.insert(text.substr(0, text.find('.')));
    const auto info = Shell("pdfinfo '" + Save(letter, "pdf", std::string(tone) + ".pdf") + "'");
    EXPECT_NE(info.out.find("612 x 792 pts (letter)"), std::string::npos) << info.out;
  }
  EXPECT_EQ(openings.size(), 3u);
}

TEST_F(GenerationTest, BadOptionsAre422WithTheField) {
  const auto fixture = Fixture("engineer-berlin");
  const std::pair<const char*, json::object> cases[] = {
      {"language", {{"language", "fr"}}}, {"template", {{"template", "fancy"}}},
      {"tone", {{"tone", "angry"}}},      {"formats", {{"formats", json::array{"rtf"}}}},
      {"pageSize", {{"pageSize", "a3"}}},
  };
  for (const auto& [field, options] : cases) {
    const auto res = Generate("/api/generate-cv", WithOptions(fixture, options));
    ExpectError(res, 422, "validation_error");
    EXPECT_NE(res.body().find(field), std::string::npos) << res.body();
  }
  json::object no_job = fixture;
  no_job.erase("jobData");
  ExpectError(Generate("/api/generate-cv", no_job), 422, "validation_error");
}

// Hostile profiles give valid documents (or a 422), never a broken file or a 5xx.
TEST_F(GenerationTest, HostileProfilesGiveValidDocuments) {
  auto base = Fixture("engineer-berlin");
  std::vector<std::pair<std::string, json::object>> cases;
  {
    auto many = base;
    auto& roles = many["profileData"].as_object()["workExperience"].as_array();
    const json::value role = roles[0];
    for (int i = 0; i < 200; ++i) roles.push_back(role);
    cases.emplace_back("two_hundred_roles", std::move(many));
  }
  {
    auto long_text = base;
    std::string bullet;
    while (bullet.size() < 10'000) bullet += "Scaled the ingestion pipeline ";
    long_text["profileData"].as_object()["workExperience"].as_array()[0].as_object()["highlights"] =
        json::array{json::string(bullet), json::string(std::string(10'000, 'x'))};
    cases.emplace_back("long_bullets", std::move(long_text));
  }
  {
    auto scripts = base;
    auto& p = scripts["profileData"].as_object();
    p["fullName"] = "ليلى عبد الله";
    p["summary"] = "مهندسة برمجيات. 東京でバックエンド開発を8年間担当。负责支付系统。";
    p["workExperience"].as_array()[0].as_object()["company"] = "株式会社サンプル";
    cases.emplace_back("rtl_and_cjk", std::move(scripts));
  }
  {
    auto control = base;
    auto& p = control["profileData"].as_object();
    p["fullName"] = "Jane\u0001\u0002 Doe\u001b[31m";
    p["summary"] = "Line\u000b feed\u000c page\u007f <script>alert(1)</script>";
    cases.emplace_back("control_characters", std::move(control));
  }
  {
    json::object empty{{"profileData", json::object{}}, {"jobData", base.at("jobData")}};
    cases.emplace_back("empty_profile", std::move(empty));
  }
  for (auto& [name, request] : cases) {
    SCOPED_TRACE(name);
    const auto res =
        Generate("/api/generate-documents", WithOptions(request, {{"formats", AllFormats()}}));
    ASSERT_TRUE(res.result_int() == 200u || res.result_int() == 422u) << res.body().substr(0, 500);
    if (res.result_int() != 200u) continue;
    const auto body = JsonOf(res).as_object();
    for (const char* doc : {"cv", "coverLetter"}) {
      const auto& d = body.at(doc).as_object();
      ExpectValidPdf(Save(d, "pdf", name + "-" + doc + ".pdf"), {});
      ExpectValidDocx(Save(d, "docx", name + "-" + doc + ".docx"), "");
      EXPECT_EQ(Str(d.at("html")).find("<script>"), std::string::npos);
    }
  }
  ExpectLibreOfficeConvertsEveryDocx(dir_);
}

TEST_F(GenerationTest, TheCommandLineWritesEveryDocument) {
  const std::string fixture =
      std::string(JC_SOURCE_DIR) + "/tests/fixtures/generation/nurse-lyon.json";
  const std::string job = dir_ + "/job.txt";
  ASSERT_TRUE(WriteBytes(job, Str(Fixture("nurse-lyon").at("jobData").at("description"))));
  const auto run =
      Shell(std::string("LOG_LEVEL=error '") + JC_BINARY_PATH + "' generate '" + fixture + "' '" +
            job + "' --out '" + dir_ + "/out' --template modern --company \"St. Mary's Hospital\"");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  for (const char* file :
       {"cv.md", "cv.html", "cv.pdf", "cv.docx", "cover-letter.md", "cover-letter.html",
        "cover-letter.pdf", "cover-letter.docx", "cover-letter.txt", "report.json"}) {
    EXPECT_TRUE(std::ifstream(dir_ + "/out/" + file).good()) << file;
  }
  ExpectValidPdf(dir_ + "/out/cv.pdf", {"Amélie Rousseau", "Intensive Care Nurse"});
  const auto bad = Shell(std::string("'") + JC_BINARY_PATH + "' generate '" + fixture + "'");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
}

}  // namespace
}  // namespace jc::testing
