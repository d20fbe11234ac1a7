// Bad input to the job-analysis routes: empty, oversized, binary, non-UTF-8 and mixed-script
// postings, and profiles with missing or wrongly typed fields. Each gets a clear 4xx (or a 200
// with warnings where the input is merely thin), never a 5xx.
#include <gtest/gtest.h>

#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

namespace json = boost::json;

class JobBadInputTest : public ServiceTest {
 protected:
  Response Requirements(const std::string& description_json) {
    return client_->PostJson("/api/analyze-job-requirements",
                             R"({"jobData": {"description": )" + description_json + "}}");
  }
};

TEST_F(JobBadInputTest, EmptyAndBlankPostings) {
  ExpectError(Requirements(R"("")"), 422, "validation_error");
  // Only spaces: valid JSON and long enough, but nothing to analyse: 200 with a warning.
  const auto res = Requirements(R"("   \n\t  ")");
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto body = JsonOf(res);
  EXPECT_TRUE(body.at("requirements").at("requiredSkills").as_array().empty());
  EXPECT_FALSE(body.at("meta").at("warnings").as_array().empty());
}

TEST_F(JobBadInputTest, OversizedPostings) {
  const std::string big(2 << 20, 'a');
  // Past the JSON body limit: 413 before anything is parsed.
  ExpectError(Requirements("\"" + big + "\""), 413, "payload_too_large");
  // Inside a ranking request (which takes larger bodies) the description's own limit applies.
  const std::string rank = R"({"profileData": {}, "jobs": [{"description": ")" + big + "\"}]}";
  const auto res = client_->PostJson("/api/rank-jobs", rank);
  ExpectError(res, 422, "validation_error");
}

TEST_F(JobBadInputTest, BinaryAndNonUtf8Text) {
  // Control characters escaped in JSON are valid strings: analysed, never a 5xx.
  const auto escaped = Requirements(R"("\u0000\u0001\u0002 PK\u0003\u0004 \u00ff\u00fe")");
  EXPECT_EQ(escaped.result_int(), 200u) << escaped.body();
  // Raw invalid UTF-8 is not JSON text (RFC 8259): 400 malformed_json.
  ExpectError(Requirements(std::string("\"caf\xe9 \xff\xfe welder\"")), 400, "malformed_json");
}

TEST_F(JobBadInputTest, MixedScriptPostings) {
  const auto res = Requirements(
      R"("招聘 Python 工程师 / Инженер Python\nRequirements:\n- Python\n- 日本語 (N2)\n- Docker")");
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto required = JsonOf(res).at("requirements").at("requiredSkills").as_array();
  EXPECT_NE(std::find(required.begin(), required.end(), json::value("Python")), required.end());
}

TEST_F(JobBadInputTest, ProfilesWithMissingOrWronglyTypedFields) {
  const std::string job = R"("jobData": {"description": "Requirements:\n- Python"})";
  ExpectError(client_->PostJson("/api/analyze-job-fit", "{" + job + "}"), 422, "validation_error");
  ExpectError(client_->PostJson("/api/analyze-job-fit",
                                R"({"profileData": {"skills": "Python"}, )" + job + "}"),
              422, "validation_error");
  ExpectError(
      client_->PostJson(
          "/api/analyze-job-fit",
          R"({"profileData": {"workExperience": [{"startDate": "last year"}]}, )" + job + "}"),
      422, "validation_error");
  ExpectError(client_->PostJson("/api/suggest-improvements", R"({"profileData": [1, 2]})"), 422,
              "validation_error");
  // An empty profile is thin, not wrong: a fit with warnings.
  const auto thin =
      client_->PostJson("/api/analyze-job-fit", R"({"profileData": {}, )" + job + "}");
  ASSERT_EQ(thin.result_int(), 200u) << thin.body();
  EXPECT_FALSE(JsonOf(thin).at("meta").at("warnings").as_array().empty());
}

}  // namespace
}  // namespace jc::testing
