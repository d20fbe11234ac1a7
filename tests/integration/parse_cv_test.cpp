// POST /api/parse-cv and /api/parse-cv-file end to end: the real binary, its sandboxed parse
// workers, real corpus files over loopback HTTP; and `jobcopilot parse FILE` printing the same
// JSON.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/base64.hpp"
#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

namespace json = boost::json;
using bhttp::verb;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Corpus(const std::string& name) {
  return ReadFile(std::string(JC_SOURCE_DIR) + "/tests/corpus/cvs/" + name);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

json::object Gold(const std::string& stem) {
  return json::parse(Corpus(stem + ".gold.json")).as_object().at("profile").as_object();
}

std::string Multipart(const std::string& filename, const std::string& content_type,
                      const std::string& data, const std::string& extra_fields = "") {
  return "--JcB0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: " + content_type + "\r\n\r\n" + data + "\r\n" + extra_fields +
         "--JcB0undary--\r\n";
}

std::string Field(const std::string& name, const std::string& value) {
  return "--JcB0undary\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
         "\r\n";
}

const std::map<std::string, std::string> kForm = {
    {"Content-Type", "multipart/form-data; boundary=JcB0undary"}};

class ParseCvTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    return {{"MAX_UPLOAD_BYTES", std::to_string(4 << 20)},
            {"MAX_JSON_BODY_BYTES", std::to_string(8 << 20)},
            {"PARSE_WORKERS", "2"}};
  }

  Response PostBase64(const std::string& bytes, const std::string& extra = "") {
    return client_->PostJson("/api/parse-cv",
                             R"({"fileData": ")" + Base64Encode(bytes) + "\"" + extra + "}");
  }
};

TEST_F(ParseCvTest, Base64DocxGivesTheProfileFeedbackAndMeta) {
  const std::string stem = "031-brian-oconnell-project-manager";
  const auto res = PostBase64(Corpus(stem + ".docx"), R"(, "fileName": "cv.docx")");
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto body = JsonOf(res).as_object();
  const auto gold = Gold(stem);
  const auto& profile = body.at("profileData").as_object();
  EXPECT_EQ(profile.at("fullName"), gold.at("fullName"));
  EXPECT_EQ(profile.at("email"), gold.at("email"));
  ASSERT_FALSE(profile.at("workExperience").as_array().empty());

  const auto& meta = body.at("meta").as_object();
  EXPECT_EQ(meta.at("engine"), "local");
  EXPECT_EQ(meta.at("fileType"), "docx");
  EXPECT_EQ(meta.at("language"), "en");
  EXPECT_GT(meta.at("textChars").as_int64(), 500);
  EXPECT_GT(meta.at("durationMs").to_number<double>(), 0.0);

  const auto& feedback = body.at("feedback").as_object();
  EXPECT_GE(feedback.at("score").as_int64(), 0);
  EXPECT_LE(feedback.at("score").as_int64(), 100);

  // Provenance: the name is found on page 1 with a confidence.
  bool name_found = false;
  for (const auto& d : body.at("fieldDetails").as_array()) {
    if (d.at("field") != "/fullName") continue;
    name_found = true;
    EXPECT_EQ(d.at("page"), 1);
    EXPECT_GT(d.at("confidence").to_number<double>(), 0.0);
    EXPECT_LE(d.at("confidence").to_number<double>(), 1.0);
  }
  EXPECT_TRUE(name_found);
}

TEST_F(ParseCvTest, MultipartPdfInAnotherLanguage) {
  const std::string stem = "009-juergen-hoffmann-maschinenbau";
  const auto res =
      client_->Send(verb::post, "/api/parse-cv-file",
                    Multipart("lebenslauf.pdf", "application/pdf", Corpus(stem + ".pdf"),
                              Field("fileType", "pdf") + Field("asOf", "2026-11")),
                    kForm);
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto body = JsonOf(res).as_object();
  EXPECT_EQ(body.at("profileData").at("fullName"), Gold(stem).at("fullName"));
  EXPECT_EQ(body.at("meta").at("fileType"), "pdf");
  EXPECT_EQ(body.at("meta").at("language"), "de");
  EXPECT_GE(body.at("meta").at("pages").as_int64(), 1);
  ExpectError(client_->Send(verb::post, "/api/parse-cv-file",
                            Multipart("cv.pdf", "application/pdf", Corpus(stem + ".pdf"),
                                      Field("fileType", "exe")),
                            kForm),
              422, "validation_error");
}

TEST_F(ParseCvTest, EveryFormatParses) {
  for (const char* file : {"053-nathan-price-devops.txt", "046-jonas-becker-frontend.odt",
                           "047-sebastien-moreau-chef.rtf", "048-riley-okada-designer.html"}) {
    const auto res = PostBase64(Corpus(file));
    ASSERT_EQ(res.result_int(), 200u) << file << ": " << res.body();
    const std::string stem = std::filesystem::path(file).stem().string();
    // Some CVs write the name in capitals; the gold has it in natural case.
    EXPECT_EQ(Lower(JsonOf(res).at("profileData").at("fullName").as_string()),
              Lower(Gold(stem).at("fullName").as_string()))
        << file;
  }
}

TEST_F(ParseCvTest, AsOfDecidesWhereCurrentRolesEnd) {
  // A CV whose first role is current: a later reference date adds years.
  const std::string cv =
      "Jane Example\njane@example.com\n\nEXPERIENCE\n"
      "Welder, Steelworks Example GmbH, Jan 2020 - Present\n- Welded 300 frames a month\n";
  const auto early = PostBase64(cv, R"(, "asOf": "2022-01")");
  const auto late = PostBase64(cv, R"(, "asOf": "2025-01")");
  ASSERT_EQ(early.result_int(), 200u) << early.body();
  ASSERT_EQ(late.result_int(), 200u) << late.body();
  const double a = JsonOf(early).at("profileData").at("totalYearsExperience").to_number<double>();
  const double b = JsonOf(late).at("profileData").at("totalYearsExperience").to_number<double>();
  EXPECT_NEAR(b - a, 3.0, 0.11);
  ExpectError(PostBase64(cv, R"(, "asOf": "last year")"), 422, "validation_error");
}

TEST_F(ParseCvTest, ADeclaredTypeThatContradictsTheBytesIs415) {
  ExpectError(PostBase64(Corpus("053-nathan-price-devops.txt"), R"(, "fileType": "pdf")"), 415,
              "file_type_mismatch");
  ExpectError(client_->Send(verb::post, "/api/parse-cv-file",
                            Multipart("cv.docx", "application/octet-stream",
                                      Corpus("001-maya-thompson-frontend.pdf")),
                            kForm),
              415, "file_type_mismatch");
  ExpectError(PostBase64(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(200, '\0')), 415,
              "unsupported_file_type");
}

TEST_F(ParseCvTest, UnusableDocumentsAre422WithASpecificCode) {
  ExpectError(PostBase64(ReadFile(std::string(JC_SOURCE_DIR) +
                                  "/tests/fixtures/pdf/encrypted-user-password.pdf")),
              422, "encrypted_document");
  ExpectError(PostBase64(" \n\t \r\n  "), 422, "empty_document");
  const std::string pdf = Corpus("001-maya-thompson-frontend.pdf");
  ExpectError(PostBase64(pdf.substr(0, pdf.size() / 3)), 422, "unreadable_document");
}

TEST_F(ParseCvTest, TheCommandLinePrintsTheSameProfile) {
  const std::string file =
      std::string(JC_SOURCE_DIR) + "/tests/corpus/cvs/034-jordan-reyes-devops.docx";
  const std::string command =
      std::string("LOG_LEVEL=error '") + JC_BINARY_PATH + "' parse '" + file + "' --as-of 2026-11";
  std::string out;
  {
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    ASSERT_EQ(::pclose(pipe), 0);
  }
  const auto cli = json::parse(out).as_object();
  const auto res = PostBase64(ReadFile(file), R"(, "asOf": "2026-11")");
  ASSERT_EQ(res.result_int(), 200u);
  const auto api = JsonOf(res).as_object();
  EXPECT_EQ(cli.at("profileData"), api.at("profileData"));
  EXPECT_EQ(cli.at("feedback"), api.at("feedback"));
  EXPECT_EQ(cli.at("meta").at("language"), api.at("meta").at("language"));
}

}  // namespace
}  // namespace jc::testing
