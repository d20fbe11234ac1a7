// The served OpenAPI document and the router come from the same registrations: every routed
// API path is documented, and every documented operation is routed.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "api/app_services.hpp"
#include "api/dto/generation_dto.hpp"
#include "api/registry.hpp"

namespace jc::api {
namespace {

// The real taxonomy, loaded once for the suite.
const nlp::Taxonomy& TestTaxonomy() {
  static const nlp::Taxonomy taxonomy =
      nlp::Taxonomy::Load(std::string(JC_SOURCE_DIR) + "/data/skills").value();
  return taxonomy;
}

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    services_ = std::make_unique<AppServices>(
        AppServices{.config = config_,
                    .workers = workers_,
                    .probes = probes_,
                    .taxonomy = TestTaxonomy(),
                    .skills = skills_,
                    .started = std::chrono::steady_clock::now(),
                    .active_connections = [] { return std::size_t{0}; },
                    .io_threads = 1,
                    .version = "test",
                    .web_root = "/nonexistent"});
    RegisterRoutes(registry_, *services_);
    doc_ = json::parse(*services_->openapi_json).as_object();
  }

  config::Config config_;
  http::WorkerPool workers_{1};
  std::vector<std::unique_ptr<store::DependencyProbe>> probes_;
  nlp::SkillMatcher skills_{TestTaxonomy()};
  Registry registry_;
  std::unique_ptr<AppServices> services_;
  json::object doc_;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST_F(OpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  const auto& paths = doc_.at("paths").as_object();
  std::size_t routed_api = 0;
  for (const auto& route : registry_.Router().Routes()) {
    if (route.path.starts_with("/static/")) continue;  // docs UI assets, not API
    ++routed_api;
    const auto method = Lower(http::bhttp::to_string(route.method));
    ASSERT_TRUE(paths.contains(route.path)) << route.path << " is routed but not documented";
    EXPECT_TRUE(paths.at(route.path).as_object().contains(method)) << method << " " << route.path;
  }
  std::size_t documented = 0;
  for (const auto& [path, item] : paths) {
    for (const auto& [method, op] : item.as_object()) {
      ++documented;
      const auto verb = http::bhttp::string_to_verb(std::string(method == "get"    ? "GET"
                                                                : method == "post" ? "POST"
                                                                                   : method));
      EXPECT_NE(registry_.Router().Find(verb, path).handler, nullptr)
          << method << " " << path << " is documented but not routed";
    }
  }
  EXPECT_EQ(routed_api, documented);
}

TEST_F(OpenApiTest, OperationsAreCompleteAndEveryRefResolves) {
  const auto& schemas = doc_.at("components").at("schemas").as_object();
  std::function<void(const json::value&)> check_refs = [&](const json::value& v) {
    if (const auto* o = v.if_object()) {
      if (const auto* ref = o->if_contains("$ref")) {
        const std::string r(ref->as_string());
        const std::string name = r.substr(r.rfind('/') + 1);
        EXPECT_TRUE(schemas.contains(name)) << r;
      }
      for (const auto& [k, child] : *o) check_refs(child);
    } else if (const auto* a = v.if_array()) {
      for (const auto& child : *a) check_refs(child);
    }
  };
  check_refs(doc_);
  std::set<std::string> ids;
  for (const auto& [path, item] : doc_.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      const auto& o = op.as_object();
      EXPECT_FALSE(o.at("summary").as_string().empty()) << path;
      EXPECT_TRUE(ids.insert(std::string(o.at("operationId").as_string())).second) << path;
      const auto& responses = o.at("responses").as_object();
      EXPECT_TRUE(responses.contains("200")) << path;
      EXPECT_TRUE(responses.contains("500")) << path;
      if (method == "post") {
        for (const char* status : {"400", "413", "415", "422"}) {
          EXPECT_TRUE(responses.contains(status)) << path << " " << status;
        }
      }
    }
  }
}

TEST_F(OpenApiTest, RequestSchemasComeFromTheModels) {
  const auto& schemas = doc_.at("components").at("schemas").as_object();
  EXPECT_EQ(schemas.at("JobData").at("required"), json::parse(R"(["description"])"));
  EXPECT_EQ(schemas.at("ParseCvRequest").at("required"), json::parse(R"(["fileData"])"));
  EXPECT_EQ(schemas.at("Requirements").at("properties").at("seniority").at("enum"),
            json::parse(R"(["intern","junior","mid","senior","lead","principal",null])"));
  EXPECT_TRUE(schemas.at("GenerateOptions").at("properties").as_object().contains("template"));
  EXPECT_EQ(doc_.at("paths")
                .at("/api/rank-jobs")
                .at("post")
                .at("requestBody")
                .at("content")
                .at("application/json")
                .at("schema")
                .at("$ref"),
            "#/components/schemas/RankJobsRequest");
}

// A route that can stream documents both media types of its 200 answer, and the same errors as
// any JSON POST.
TEST(PostStreamingDocTest, The200AnswerIsJsonOrAnEventStream) {
  Registry r;
  r.PostStreaming<GenerateRequest, GenerateCoverLetterResponse>(
      "/api/stream-test", {.summary = "Stream test", .tag = "generation"},
      "`token` events, then `done`.",
      [](http::RequestContext&,
         GenerateRequest&) -> net::awaitable<Result<GenerateCoverLetterResponse>> {
        co_return GenerateCoverLetterResponse{};
      },
      [](http::RequestContext&, GenerateRequest&) -> net::awaitable<Status> {
        co_return Status{};
      });
  EXPECT_NE(r.Router().Find(verb::post, "/api/stream-test").handler, nullptr);
  const auto doc = r.OpenApi({.version = "test"});
  const auto& op = doc.at("paths").at("/api/stream-test").at("post").as_object();
  const auto& content = op.at("responses").at("200").at("content").as_object();
  ASSERT_EQ(content.size(), 2u);
  EXPECT_EQ(content.at("application/json").at("schema").at("$ref"),
            "#/components/schemas/GenerateCoverLetterResponse");
  EXPECT_EQ(content.at("text/event-stream").at("schema").at("type"), "string");
  EXPECT_EQ(content.at("text/event-stream").at("schema").at("description"),
            "`token` events, then `done`.");
  EXPECT_EQ(op.at("requestBody").at("content").at("application/json").at("schema").at("$ref"),
            "#/components/schemas/GenerateRequest");
  for (const char* status : {"400", "413", "415", "422", "431", "500"}) {
    EXPECT_TRUE(op.at("responses").as_object().contains(status)) << status;
  }
}

}  // namespace
}  // namespace jc::api
