// Bad requests of every kind get the contract's error shape with the right status, and the
// process keeps serving (checked after every test by the fixture).
#include <string>

#include "common/base64.hpp"
#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

using bhttp::verb;

class ErrorsTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    return {{"MAX_JSON_BODY_BYTES", "4096"},
            {"MAX_UPLOAD_BYTES", "8192"},
            {"MAX_HEADER_BYTES", "2048"}};
  }
};

TEST_F(ErrorsTest, MalformedJsonIs400) {
  ExpectError(client_->PostJson("/api/analyze-job-requirements", "{\"jobData\": "), 400,
              "malformed_json");
  ExpectError(client_->PostJson("/api/analyze-job-requirements", "not json"), 400,
              "malformed_json");
  ExpectError(client_->PostJson("/api/analyze-job-requirements", ""), 400, "malformed_json");
  ExpectError(client_->PostJson("/api/analyze-job-requirements", "{\"a\":1} trailing"), 400,
              "malformed_json");
}

TEST_F(ErrorsTest, DeeplyNestedJsonIs400) {
  ExpectError(client_->PostJson("/api/analyze-job-requirements",
                                std::string(1000, '[') + std::string(1000, ']')),
              400, "malformed_json");
}

TEST_F(ErrorsTest, WrongContentTypeIs415) {
  const auto res =
      client_->Send(verb::post, "/api/analyze-job-requirements",
                    R"({"jobData":{"description":"x"}})", {{"Content-Type", "text/plain"}});
  ExpectError(res, 415, "unsupported_media_type");
  ExpectError(client_->Send(verb::post, "/api/analyze-job-requirements", "{}"), 415,
              "unsupported_media_type");
}

TEST_F(ErrorsTest, ValidationErrorsHaveFieldLevelDetails) {
  const auto res =
      client_->PostJson("/api/analyze-job-fit", R"({"profileData": {"email": 5}, "jobData": {}})");
  ExpectError(res, 422, "validation_error");
  const auto details = JsonOf(res).at("error").at("details").as_array();
  ASSERT_EQ(details.size(), 2u) << res.body();
  EXPECT_EQ(details[0].at("loc"), boost::json::parse(R"(["body","profileData","email"])"));
  EXPECT_EQ(details[0].at("type"), "string_type");
  EXPECT_EQ(details[1].at("loc"), boost::json::parse(R"(["body","jobData","description"])"));
  EXPECT_EQ(details[1].at("type"), "missing");
}

TEST_F(ErrorsTest, EnumAndDateAndRangeViolationsAre422) {
  auto res = client_->PostJson("/api/generate-cv",
                               R"({"profileData": {"workExperience": [{"startDate": "March 2019"}]},
          "jobData": {"description": "x"}, "options": {"formats": ["pdf", "odt"]}})");
  ExpectError(res, 422, "validation_error");
  const auto details = JsonOf(res).at("error").at("details").as_array();
  ASSERT_EQ(details.size(), 2u) << res.body();
  EXPECT_EQ(details[0].at("type"), "partial_date");
  EXPECT_EQ(details[1].at("loc"), boost::json::parse(R"(["body","options","formats","1"])"));
  EXPECT_EQ(details[1].at("type"), "enum");

  res = client_->PostJson("/api/rank-jobs", R"({"profileData": {}, "jobs": []})");
  ExpectError(res, 422, "validation_error");
  EXPECT_EQ(JsonOf(res).at("error").at("details").at(0).at("type"), "too_short");
}

TEST_F(ErrorsTest, TopLevelMustBeAnObject) {
  ExpectError(client_->PostJson("/api/analyze-job-requirements", "[1,2]"), 422, "validation_error");
}

// The thinnest valid request is answered, not refused: an empty profile gets a short letter
// that claims nothing.
TEST_F(ErrorsTest, TheThinnestValidGenerationRequestIs200) {
  const auto res = client_->PostJson("/api/generate-cover-letter",
                                     R"({"profileData": {}, "jobData": {"description": "x"},
                                         "options": {"tone": "concise", "template": "modern"}})");
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_EQ(JsonOf(res).at("coverLetter").at("truthfulness").at("removed"), 0);
}

TEST_F(ErrorsTest, InvalidBase64Is422) {
  const auto res = client_->PostJson("/api/parse-cv", R"({"fileData": "@@not base64@@"})");
  ExpectError(res, 422, "validation_error");
  EXPECT_EQ(JsonOf(res).at("error").at("details").at(0).at("loc"),
            boost::json::parse(R"(["body","fileData"])"));
  ExpectError(client_->PostJson("/api/parse-cv", R"({"fileData": "aGVsbG8=", "fileType": "exe"})"),
              422, "validation_error");
  // "hello": a valid request, parsed (a text file holding one word).
  EXPECT_EQ(client_->PostJson("/api/parse-cv", R"({"fileData": "aGVsbG8="})").result_int(), 200u);
}

TEST_F(ErrorsTest, OversizedJsonBodyIs413) {
  const std::string big = R"({"jobData": {"description": ")" + std::string(5000, 'x') + "\"}}";
  ExpectError(client_->PostJson("/api/analyze-job-requirements", big), 413, "payload_too_large");
}

TEST_F(ErrorsTest, OversizedChunkedBodyIs413) {
  client_->Connect();
  std::string req =
      "POST /api/analyze-job-requirements HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 10; ++i) req += "400\r\n" + std::string(1024, ' ') + "\r\n";
  req += "0\r\n\r\n";
  client_->WriteRaw(req);
  const auto res = client_->ReadResponse();
  ASSERT_TRUE(res);
  ExpectError(*res, 413, "payload_too_large");
}

TEST_F(ErrorsTest, UploadRoutesTakeLargerBodiesUpToTheUploadLimit) {
  // 6 KiB of base64 is past the JSON limit but within the upload limit: the text is parsed.
  const std::string file = Base64Encode("Jane Doe\n" + std::string(4400, 'a'));
  ASSERT_GT(file.size(), 5000u);
  EXPECT_EQ(client_->PostJson("/api/parse-cv", R"({"fileData": ")" + file + "\"}").result_int(),
            200u);
  ExpectError(
      client_->PostJson("/api/parse-cv", R"({"fileData": ")" + std::string(12000, 'a') + "\"}"),
      413, "payload_too_large");
}

std::string Multipart(const std::string& field, const std::string& content) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + field +
         "\"; filename=\"cv.txt\"\r\nContent-Type: text/plain\r\n\r\n" + content +
         "\r\n--XyZ--\r\n";
}

TEST_F(ErrorsTest, MultipartUploadIsValidated) {
  const std::map<std::string, std::string> form = {
      {"Content-Type", "multipart/form-data; boundary=XyZ"}};
  EXPECT_EQ(client_->Send(verb::post, "/api/parse-cv-file", Multipart("file", "Jane Doe"), form)
                .result_int(),
            200u);
  ExpectError(client_->Send(verb::post, "/api/parse-cv-file", Multipart("other", "x"), form), 422,
              "validation_error");
  ExpectError(client_->Send(verb::post, "/api/parse-cv-file", Multipart("file", ""), form), 422,
              "validation_error");
  ExpectError(client_->Send(verb::post, "/api/parse-cv-file", "--XyZ\r\ngarbage", form), 400,
              "malformed_multipart");
  ExpectError(client_->Send(verb::post, "/api/parse-cv-file", Multipart("file", "x"),
                            {{"Content-Type", "application/json"}}),
              415, "unsupported_media_type");
  ExpectError(client_->Send(verb::post, "/api/parse-cv-file",
                            Multipart("file", std::string(9000, 'x')), form),
              413, "payload_too_large");
}

TEST_F(ErrorsTest, UnknownRouteIs404) {
  ExpectError(client_->Get("/api/nope"), 404, "not_found");
  ExpectError(client_->Get("/"), 404, "not_found");
}

TEST_F(ErrorsTest, WrongMethodIs405WithAllow) {
  auto res = client_->Get("/api/parse-cv");
  ExpectError(res, 405, "method_not_allowed");
  EXPECT_EQ(res[bhttp::field::allow], "OPTIONS, POST");
  res = client_->Send(verb::delete_, "/health");
  ExpectError(res, 405, "method_not_allowed");
  EXPECT_EQ(res[bhttp::field::allow], "GET, HEAD, OPTIONS");
}

TEST_F(ErrorsTest, HeadersTooLargeIs431) {
  const auto res =
      client_->Send(verb::get, "/health/live", "", {{"X-Big", std::string(4000, 'a')}});
  ExpectError(res, 431, "headers_too_large");
}

TEST_F(ErrorsTest, InvalidHttpIs400) {
  client_->Connect();
  client_->WriteRaw("GARBAGE\r\n\r\n");
  const auto res = client_->ReadResponse();
  ASSERT_TRUE(res);
  ExpectError(*res, 400, "bad_request");
  client_->Connect();
  client_->WriteRaw("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
  const auto res2 = client_->ReadResponse();
  ASSERT_TRUE(res2);
  ExpectError(*res2, 400, "bad_request");
}

TEST_F(ErrorsTest, RequestIdIsEchoedOrMade) {
  auto res = client_->Send(verb::get, "/api/nope", "", {{"X-Request-ID", "abc-123"}});
  EXPECT_EQ(res["X-Request-ID"], "abc-123");
  EXPECT_EQ(JsonOf(res).at("requestId"), "abc-123");
  res = client_->Send(verb::get, "/health", "", {{"X-Request-ID", "bad id with spaces"}});
  EXPECT_EQ(res["X-Request-ID"].size(), 32u);
  res = client_->Get("/health");
  EXPECT_EQ(res["X-Request-ID"].size(), 32u);
}

TEST_F(ErrorsTest, HeadAndOptions) {
  auto res = client_->Send(verb::head, "/health/live");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[bhttp::field::content_length], "18");
  res = client_->Send(verb::options, "/api/parse-cv");
  EXPECT_EQ(res.result_int(), 204u);
  EXPECT_EQ(res[bhttp::field::allow], "OPTIONS, POST");
  ExpectError(client_->Send(verb::options, "/nope"), 404, "not_found");
}

class CorsTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    return {{"CORS_ORIGINS", "https://app.example.com, http://localhost:5173"}};
  }
};

TEST_F(CorsTest, PreflightFromAllowedOrigin) {
  const auto res = client_->Send(verb::options, "/api/parse-cv", "",
                                 {{"Origin", "https://app.example.com"},
                                  {"Access-Control-Request-Method", "POST"},
                                  {"Access-Control-Request-Headers", "content-type"}});
  EXPECT_EQ(res.result_int(), 204u);
  EXPECT_EQ(res[bhttp::field::access_control_allow_origin], "https://app.example.com");
  EXPECT_EQ(res[bhttp::field::access_control_allow_methods], "OPTIONS, POST");
  EXPECT_NE(res[bhttp::field::access_control_allow_headers].find("Content-Type"),
            std::string::npos);
  EXPECT_FALSE(res[bhttp::field::access_control_max_age].empty());
}

TEST_F(CorsTest, PreflightFromOtherOriginIs403) {
  const auto res = client_->Send(
      verb::options, "/api/parse-cv", "",
      {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  ExpectError(res, 403, "cors_origin_not_allowed");
  EXPECT_TRUE(res[bhttp::field::access_control_allow_origin].empty());
}

TEST_F(CorsTest, PreflightForWrongMethodIs405) {
  const auto res = client_->Send(
      verb::options, "/api/parse-cv", "",
      {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "DELETE"}});
  ExpectError(res, 405, "method_not_allowed");
}

TEST_F(CorsTest, ActualRequestsGetAllowOriginOnlyForAllowedOrigins) {
  auto res = client_->Send(verb::get, "/health", "", {{"Origin", "http://localhost:5173"}});
  EXPECT_EQ(res[bhttp::field::access_control_allow_origin], "http://localhost:5173");
  EXPECT_EQ(res[bhttp::field::vary], "Origin");
  res = client_->Send(verb::get, "/health", "", {{"Origin", "https://evil.example"}});
  EXPECT_TRUE(res[bhttp::field::access_control_allow_origin].empty());
  // Errors carry CORS headers too, so a browser can read them.
  res = client_->Send(verb::get, "/nope", "", {{"Origin", "http://localhost:5173"}});
  EXPECT_EQ(res[bhttp::field::access_control_allow_origin], "http://localhost:5173");
}

}  // namespace
}  // namespace jc::testing
