// The job-analysis routes end to end over loopback HTTP: requirements, fit with evidence,
// suggestions with and without a job, ranking both ways; and `jobcopilot analyze`.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

namespace json = boost::json;

constexpr const char* kPosting =
    "Backend Engineer (Python)\n\nRequirements:\n- 5+ years of experience with Python\n"
    "- Solid PostgreSQL and Docker\n- Kubernetes in production\n\nNice to have:\n- Terraform\n"
    "- Go\n";

// A profile that shows Python and Docker in its skills, Kubernetes only in a bullet, MySQL
// (related to PostgreSQL) and no Terraform or Go.
json::object Profile() {
  return json::parse(R"({
    "fullName": "Jane Example", "email": "jane@example.com",
    "skills": {"technical": ["Python", "Docker", "MySQL"], "soft": []},
    "workExperience": [
      {"title": "Backend Developer", "company": "Acme Example", "startDate": "2018-01",
       "endDate": null, "current": true,
       "highlights": ["Ran 40 services on Kubernetes", "Cut API latency by 30%"]},
      {"title": "Junior Developer", "company": "Beta Example", "startDate": "2016-01",
       "endDate": "2017-12", "highlights": ["Built Python ETL jobs"]}]
  })")
      .as_object();
}

json::object Job(const std::string& description) {
  return json::object{{"title", "Backend Engineer"}, {"description", description}};
}

class JobAnalysisTest : public ServiceTest {};

TEST_F(JobAnalysisTest, RequirementsAreExtracted) {
  const auto res = client_->PostJson(
      "/api/analyze-job-requirements",
      json::serialize(json::object{{"jobData", json::object{{"description", kPosting}}}}));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto body = JsonOf(res).as_object();
  const auto& r = body.at("requirements").as_object();
  const auto& required = r.at("requiredSkills").as_array();
  for (const char* skill : {"Python", "PostgreSQL", "Docker", "Kubernetes"}) {
    EXPECT_NE(std::find(required.begin(), required.end(), json::value(skill)), required.end())
        << skill << " in " << json::serialize(required);
  }
  const auto& preferred = r.at("preferredSkills").as_array();
  EXPECT_NE(std::find(preferred.begin(), preferred.end(), json::value("Terraform")),
            preferred.end());
  EXPECT_EQ(r.at("minYearsExperience").to_number<double>(), 5.0);
  EXPECT_EQ(body.at("meta").at("engine"), "local");
}

TEST_F(JobAnalysisTest, FitExplainsEveryRequirementWithEvidence) {
  const auto res = client_->PostJson(
      "/api/analyze-job-fit",
      json::serialize(json::object{{"profileData", Profile()}, {"jobData", Job(kPosting)}}));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto fit = JsonOf(res).at("fit").as_object();  // a copy: JsonOf returns a temporary
  const double score = fit.at("score").to_number<double>();
  EXPECT_GT(score, 0.0);
  EXPECT_LT(score, 100.0);
  std::map<std::string, json::object> by_skill;
  for (const auto& m : fit.at("requirements").as_array()) {
    by_skill[std::string(m.at("skill").as_string())] = m.as_object();
  }
  ASSERT_TRUE(by_skill.count("Python") && by_skill.count("Kubernetes") &&
              by_skill.count("PostgreSQL") && by_skill.count("Terraform"));
  EXPECT_EQ(by_skill["Python"].at("match"), "exact");
  EXPECT_EQ(by_skill["Python"].at("presence"), "skills_list");
  EXPECT_EQ(by_skill["Kubernetes"].at("match"), "exact");
  EXPECT_EQ(by_skill["Kubernetes"].at("presence"), "only_in_text");
  EXPECT_EQ(by_skill["Kubernetes"].at("evidence").at(0).at("field"),
            "/workExperience/0/highlights/0");
  EXPECT_EQ(by_skill["PostgreSQL"].at("match"), "related");
  EXPECT_EQ(by_skill["PostgreSQL"].at("via"), "MySQL");
  EXPECT_EQ(by_skill["Terraform"].at("match"), "missing");
  EXPECT_FALSE(by_skill["Terraform"].at("required").as_bool());
  // The same request gives the same answer.
  const auto again = client_->PostJson(
      "/api/analyze-job-fit",
      json::serialize(json::object{{"profileData", Profile()}, {"jobData", Job(kPosting)}}));
  EXPECT_EQ(JsonOf(again).at("fit").at("score").to_number<double>(), score);
}

TEST_F(JobAnalysisTest, SuggestionsAreTruthful) {
  const auto res = client_->PostJson(
      "/api/suggest-improvements",
      json::serialize(json::object{{"profileData", Profile()}, {"jobData", Job(kPosting)}}));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  bool kubernetes_to_skills = false;
  const auto body = JsonOf(res);
  for (const auto& s : body.at("suggestions").as_array()) {
    const std::string message(s.at("message").as_string());
    if (message.find("Kubernetes") != std::string::npos &&
        message.find("skills") != std::string::npos) {
      kubernetes_to_skills = true;
    }
    // Terraform is shown nowhere: never "add Terraform".
    EXPECT_EQ(message.find("add Terraform"), std::string::npos) << message;
  }
  EXPECT_TRUE(kubernetes_to_skills);
  // Without a job: profile-only suggestions.
  const auto alone = client_->PostJson("/api/suggest-improvements",
                                       json::serialize(json::object{{"profileData", Profile()}}));
  ASSERT_EQ(alone.result_int(), 200u) << alone.body();
  EXPECT_FALSE(JsonOf(alone).at("suggestions").as_array().empty());
}

TEST_F(JobAnalysisTest, RankJobsSortsBestFirstAndKeepsIndices) {
  json::array jobs;
  jobs.push_back(Job("Java Developer\n\nRequirements:\n- Java and Spring\n- Oracle\n- COBOL\n"));
  jobs.push_back(Job(kPosting));
  jobs.push_back(Job(
      "Python Developer\n\nRequirements:\n- Python\n- Docker\n\nNice to have:\n- Kubernetes\n"));
  const auto res = client_->PostJson(
      "/api/rank-jobs", json::serialize(json::object{{"profileData", Profile()}, {"jobs", jobs}}));
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto answer = JsonOf(res);
  const auto& ranking = answer.at("ranking").as_array();
  ASSERT_EQ(ranking.size(), 3u);
  EXPECT_EQ(ranking.back().at("index"), 0);  // the Java job fits worst
  double previous = 101;
  for (const auto& r : ranking) {
    const double score = r.at("fit").at("score").to_number<double>();
    EXPECT_LE(score, previous);
    previous = score;
  }
}

TEST_F(JobAnalysisTest, RankCandidatesTakesAThousandProfiles) {
  json::array profiles;
  json::object weak = Profile();
  weak["skills"] = json::object{{"technical", json::array{"Cooking"}}, {"soft", json::array{}}};
  weak["workExperience"] = json::array{};
  for (int i = 0; i < 1000; ++i) profiles.push_back(i == 500 ? Profile() : weak);
  const std::string body =
      json::serialize(json::object{{"jobData", Job(kPosting)}, {"profiles", profiles}});
  const auto res = client_->PostJson("/api/rank-candidates", body);
  ASSERT_EQ(res.result_int(), 200u) << res.body().substr(0, 500);
  const auto answer = JsonOf(res);
  const auto& ranking = answer.at("ranking").as_array();
  ASSERT_EQ(ranking.size(), 1000u);
  EXPECT_EQ(ranking.front().at("index"), 500);
  // More than 1,000 is refused.
  profiles.push_back(weak);
  ExpectError(client_->PostJson("/api/rank-candidates",
                                json::serialize(json::object{{"jobData", Job(kPosting)},
                                                             {"profiles", profiles}})),
              422, "validation_error");
}

TEST_F(JobAnalysisTest, TheCommandLineAnalysesACvAgainstAPosting) {
  const std::string dir = std::string(JC_SOURCE_DIR) + "/tests/corpus/";
  const std::string command = std::string("LOG_LEVEL=error '") + JC_BINARY_PATH + "' analyze '" +
                              dir + "cvs/034-jordan-reyes-devops.docx' '" + dir +
                              "jobs/003-devops-engineer-contract.txt' --as-of 2026-11";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  ASSERT_EQ(::pclose(pipe), 0);
  const auto v = json::parse(out).as_object();
  EXPECT_EQ(v.at("profileData").at("fullName"), "Jordan Reyes");
  EXPECT_FALSE(v.at("requirements").at("requiredSkills").as_array().empty());
  EXPECT_GE(v.at("fit").at("score").to_number<double>(), 0.0);
  EXPECT_TRUE(v.at("suggestions").is_array());
}

}  // namespace
}  // namespace jc::testing
