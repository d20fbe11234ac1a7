// Taxonomy: the real data set loads cleanly; malformed data is rejected with file:line.
#include "nlp/taxonomy.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace jc::nlp {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHeader = "id\tname\tcategory\taliases\timplies\tis_a\trelated\tflags\n";

const Taxonomy& Real() {
  static const Taxonomy taxonomy = [] {
    auto loaded = Taxonomy::Load(JC_SOURCE_DIR "/data/skills");
    if (!loaded) {
      std::string all;
      for (const auto& d : loaded.error().details) all += d.loc.front() + ": " + d.msg + "\n";
      ADD_FAILURE() << loaded.error().message << "\n" << all;
      std::abort();
    }
    return std::move(*loaded);
  }();
  return taxonomy;
}

SkillId Id(std::string_view slug) {
  const Skill* skill = Real().FindBySlug(slug);
  EXPECT_NE(skill, nullptr) << slug;
  return skill == nullptr ? 0 : skill->id;
}

// A temporary data directory holding the given files.
class TempDir {
 public:
  explicit TempDir(const std::vector<std::pair<std::string, std::string>>& files) {
    path_ = fs::temp_directory_path() /
            ("jc_taxonomy_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path_);
    for (const auto& [name, text] : files) std::ofstream(path_ / name) << text;
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Path() const { return path_.string(); }

 private:
  fs::path path_;
};

TEST(TaxonomyTest, RealDataLoads) {
  EXPECT_GE(Real().Size(), 3000u);
  EXPECT_FALSE(Real().Version().empty());
  std::set<Category> categories;
  for (const Skill& skill : Real().Skills()) categories.insert(skill.category);
  EXPECT_EQ(categories.size(), kCategoryCount);
}

TEST(TaxonomyTest, FindByNameNormalises) {
  const auto name = [](std::string_view query) {
    const Skill* skill = Real().FindByName(query);
    return skill == nullptr ? std::string("<none>") : skill->slug;
  };
  EXPECT_EQ(name("Node.js"), "node_js");
  EXPECT_EQ(name("nodejs"), "node_js");
  EXPECT_EQ(name("node js"), "node_js");
  EXPECT_EQ(name("C#"), "csharp");
  EXPECT_EQ(name("C"), "c");
  EXPECT_EQ(name("c++"), "cpp");
  EXPECT_EQ(name("postgres"), "postgresql");
  EXPECT_EQ(name("k8s"), "kubernetes");
  EXPECT_EQ(name("front-end"), "frontend_development");
  EXPECT_EQ(name("Deutsch"), "german");
  EXPECT_EQ(name("no such skill at all"), "<none>");
}

TEST(TaxonomyTest, ImpliesIsTransitiveOverImpliesAndIsA) {
  const Taxonomy& t = Real();
  EXPECT_TRUE(t.Implies(Id("postgresql"), Id("sql_database")));
  EXPECT_TRUE(t.Implies(Id("postgresql"), Id("sql")));  // via sql_database
  EXPECT_TRUE(t.Implies(Id("django"), Id("python")));
  EXPECT_TRUE(t.Implies(Id("next_js"), Id("javascript")));  // next.js -> react -> javascript
  EXPECT_TRUE(t.Implies(Id("python"), Id("python")));
  EXPECT_FALSE(t.Implies(Id("python"), Id("django")));
  EXPECT_FALSE(t.Implies(Id("mysql"), Id("postgresql")));
}

TEST(TaxonomyTest, RelatedIsSymmetric) {
  const Taxonomy& t = Real();
  EXPECT_TRUE(t.Related(Id("mysql"), Id("postgresql")));
  EXPECT_TRUE(t.Related(Id("postgresql"), Id("mysql")));
  EXPECT_FALSE(t.Related(Id("mysql"), Id("photography")));
}

struct BadCase {
  std::string name;
  std::string tsv;       // body after the header
  std::string location;  // expected "file:line" in the first detail
};

class TaxonomyValidationTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(TaxonomyValidationTest, RejectsWithFileAndLine) {
  const BadCase& c = GetParam();
  TempDir dir({{"VERSION", "1\n"}, {"a.tsv", std::string(kHeader) + c.tsv}});
  const auto loaded = Taxonomy::Load(dir.Path());
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kValidation);
  ASSERT_FALSE(loaded.error().details.empty());
  EXPECT_EQ(loaded.error().details.front().loc.front(), c.location) << loaded.error().message;
  EXPECT_NE(loaded.error().message.find(c.location), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, TaxonomyValidationTest,
    ::testing::Values(
        BadCase{"UnknownCategory", "x\tX\tlang\t\t\t\t\t\n", "a.tsv:2"},
        BadCase{"WrongColumnCount", "x\tX\ttool\n", "a.tsv:2"},
        BadCase{"DuplicateId", "x\tX\ttool\t\t\t\t\t\nx\tY\ttool\t\t\t\t\t\n", "a.tsv:3"},
        BadCase{"DanglingImplies", "x\tX\ttool\t\tnope\t\t\t\n", "a.tsv:2"},
        BadCase{"DanglingIsA", "x\tX\ttool\t\t\tnope\t\t\n", "a.tsv:2"},
        BadCase{"DanglingRelated", "x\tX\ttool\t\t\t\tnope\t\n", "a.tsv:2"},
        BadCase{"AliasCollision", "x\tX\ttool\tshared\t\t\t\t\ny\tY\ttool\tShared\t\t\t\t\n",
                "a.tsv:3"},
        BadCase{"NameCollidesWithAlias", "x\tX\ttool\tY\t\t\t\t\ny\tY\ttool\t\t\t\t\t\n",
                "a.tsv:3"},
        BadCase{"UnknownFlag", "x\tX\ttool\t\t\t\t\tloud\n", "a.tsv:2"},
        BadCase{"BadSlug", "X Y\tX\ttool\t\t\t\t\t\n", "a.tsv:2"},
        BadCase{"CycleInIsA", "x\tX\ttool\t\t\ty\t\t\ny\tY\ttool\t\t\tx\t\t\n", "a.tsv:3"},
        BadCase{"CycleAcrossImpliesAndIsA", "x\tX\ttool\t\ty\t\t\t\ny\tY\ttool\t\t\tx\t\t\n",
                "a.tsv:3"}),
    [](const ::testing::TestParamInfo<BadCase>& param_info) { return param_info.param.name; });

TEST(TaxonomyTest, BadHeaderIsRejected) {
  TempDir dir({{"VERSION", "1\n"}, {"b.tsv", "id\tname\nx\tX\n"}});
  const auto loaded = Taxonomy::Load(dir.Path());
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kValidation);
  EXPECT_EQ(loaded.error().details.front().loc.front(), "b.tsv:1");
}

TEST(TaxonomyTest, ExactCaseSpellingsMayShareAKey) {
  // "Swift" (language) and "SWIFT" (banking network) differ only by case; both are exact-case.
  TempDir dir({{"VERSION", "1\n"},
               {"a.tsv", std::string(kHeader) + "swift\tSwift\tlanguage\t\t\t\t\tcase_sensitive\n" +
                             "swift_net\tSWIFT\tdomain\t\t\t\t\tcase_sensitive\n"}});
  const auto loaded = Taxonomy::Load(dir.Path());
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->FindByName("SWIFT")->slug, "swift_net");
  EXPECT_EQ(loaded->FindByName("Swift")->slug, "swift");
}

TEST(TaxonomyTest, MissingDirectoryIsNotFound) {
  const auto loaded = Taxonomy::Load("/nonexistent/jc/skills");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
}

TEST(TaxonomyTest, MissingVersionIsNotFound) {
  TempDir dir({{"a.tsv", std::string(kHeader)}});
  const auto loaded = Taxonomy::Load(dir.Path());
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace jc::nlp
