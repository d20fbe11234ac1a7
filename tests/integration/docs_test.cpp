// The API documentation: the OpenAPI document covers the contract, and /docs and /redoc are
// served with their assets from disk (no CDN).
#include <string>
#include <vector>

#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

class DocsTest : public ServiceTest {};

// The values of src="..." and href="..." attributes outside HTML comments.
std::vector<std::string> AssetReferences(std::string html) {
  for (auto open = html.find("<!--"); open != std::string::npos; open = html.find("<!--")) {
    const auto close = html.find("-->", open);
    html.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
  }
  std::vector<std::string> refs;
  for (const std::string attr : {"src=\"", "href=\""}) {
    for (auto at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
      const auto begin = at + attr.size();
      refs.push_back(html.substr(begin, html.find('"', begin) - begin));
    }
  }
  return refs;
}

TEST_F(DocsTest, OpenApiDocumentsEveryContractEndpoint) {
  const auto res = client_->Get("/openapi.json");
  ASSERT_EQ(res.result_int(), 200u);
  const auto doc = JsonOf(res).as_object();
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  const auto& paths = doc.at("paths").as_object();
  const std::vector<std::pair<std::string, std::string>> contract = {
      {"/api/parse-cv", "post"},
      {"/api/parse-cv-file", "post"},
      {"/api/analyze-job-requirements", "post"},
      {"/api/analyze-job-fit", "post"},
      {"/api/suggest-improvements", "post"},
      {"/api/generate-cv", "post"},
      {"/api/generate-cover-letter", "post"},
      {"/api/generate-documents", "post"},
      {"/api/rank-jobs", "post"},
      {"/api/rank-candidates", "post"},
      {"/health", "get"},
      {"/health/live", "get"},
      {"/health/ready", "get"},
      {"/health/detailed", "get"},
      {"/openapi.json", "get"},
      {"/docs", "get"},
      {"/redoc", "get"},
  };
  for (const auto& [path, method] : contract) {
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_TRUE(paths.at(path).as_object().contains(method)) << path;
  }
  // Every documented route answers something other than 404 over HTTP.
  for (const auto& [path, item] : paths) {
    for (const auto& [method, op] : item.as_object()) {
      const auto verb = method == "get" ? bhttp::verb::get : bhttp::verb::post;
      const auto r =
          client_->Send(verb, std::string(path), "{}", {{"Content-Type", "application/json"}});
      EXPECT_NE(r.result_int(), 404u) << method << " " << path;
      EXPECT_LT(r.result_int(), 600u);
    }
  }
}

TEST_F(DocsTest, SwaggerUiAndRedocAreServedOffline) {
  for (const std::string page : {"/docs", "/redoc"}) {
    const auto res = client_->Get(page);
    ASSERT_EQ(res.result_int(), 200u) << page << ": " << res.body();
    EXPECT_EQ(res[bhttp::field::content_type], "text/html; charset=utf-8");
    EXPECT_FALSE(res["Content-Security-Policy"].empty());
    // Every script and stylesheet the page names is served by us, none by another host.
    int found = 0;
    for (const auto& target : AssetReferences(res.body())) {
      EXPECT_FALSE(target.starts_with("//") || target.find("://") != std::string::npos)
          << page << " loads " << target << " from another host";
      const auto r = client_->Get(target);
      EXPECT_EQ(r.result_int(), 200u) << page << " needs " << target;
      EXPECT_GT(r.body().size(), 100u) << target;
      ++found;
    }
    EXPECT_GT(found, 0) << page << " loads no assets";
  }
}

TEST(OpenApiCommandTest, PrintsTheServedDocument) {
  const auto r = RunBinary(
      {"openapi"}, {{"WEB_ROOT", std::string(JC_SOURCE_DIR) + "/web"}, {"LOG_LEVEL", "error"}});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  boost::system::error_code ec;
  const auto v = boost::json::parse(r.output, ec);
  ASSERT_FALSE(ec) << r.output.substr(0, 300);
  EXPECT_EQ(v.at("openapi"), "3.1.0");
}

}  // namespace
}  // namespace jc::testing
