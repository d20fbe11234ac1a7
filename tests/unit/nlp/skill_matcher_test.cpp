// SkillMatcher on the real taxonomy: the hard cases, table-driven.
#include "nlp/skill_matcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace jc::nlp {
namespace {

const Taxonomy& Real() {
  static const Taxonomy taxonomy = [] {
    auto loaded = Taxonomy::Load(JC_SOURCE_DIR "/data/skills");
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      std::abort();
    }
    return std::move(*loaded);
  }();
  return taxonomy;
}

const SkillMatcher& Matcher() {
  static const SkillMatcher matcher(Real());
  return matcher;
}

// "slug" for each match, "!slug" when negated, in text order.
std::vector<std::string> Find(std::string_view text) {
  std::vector<std::string> out;
  for (const SkillMatch& m : Matcher().FindAll(text)) {
    out.push_back((m.negated ? "!" : "") + Real().Get(m.skill).slug);
  }
  return out;
}

struct Case {
  std::string text;
  std::vector<std::string> expected;  // exactly these, in order
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << '"' << c.text << '"';
}

class SkillMatcherCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(SkillMatcherCaseTest, FindsExactlyTheExpectedSkills) {
  EXPECT_EQ(Find(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    LanguagesWithSymbols, SkillMatcherCaseTest,
    ::testing::Values(Case{"C, C++, C# and F#", {"c", "cpp", "csharp", "fsharp"}},
                      Case{"Programming in C", {"c"}}, Case{"Vitamin C and grade C", {}},
                      Case{"C-level executives", {}}, Case{"C/C++ developer", {"c", "cpp"}},
                      Case{"Objective-C and Swift", {"objective_c", "swift"}},
                      Case{"R, Python, SQL", {"r", "python", "sql"}},
                      Case{"statistics in R", {"statistics", "r"}},
                      Case{"R&D department", {"research_and_development"}},
                      Case{"Section R applies", {}}));

INSTANTIATE_TEST_SUITE_P(GoTheLanguage, SkillMatcherCaseTest,
                         ::testing::Values(Case{"Go, Rust", {"go", "rust"}},
                                           Case{"services written in Go", {"go"}},
                                           Case{"Senior Go developer", {"go"}},
                                           Case{"Golang microservices", {"go", "microservices"}},
                                           Case{"our go to market plan", {"product_marketing"}},
                                           Case{"Go-to-market strategy", {"product_marketing"}},
                                           Case{"We are ready to go.", {}}, Case{"Ready to Go", {}},
                                           Case{"Let's go", {}}));

INSTANTIATE_TEST_SUITE_P(
    DotNetNodeAndSlashes, SkillMatcherCaseTest,
    ::testing::Values(Case{".NET and ASP.NET", {"dotnet", "asp_net"}},
                      Case{"dotnet core", {"dotnet"}},
                      Case{"Node.js, NodeJS, node js", {"node_js", "node_js", "node_js"}},
                      Case{"CI/CD pipelines", {"ci_cd"}}, Case{"A/B testing", {"a_b_testing"}},
                      Case{"REST APIs and microservices", {"rest_api", "microservices"}},
                      Case{"Kubernetes or k8s", {"kubernetes", "kubernetes"}},
                      Case{"front-end and frontend",
                           {"frontend_development", "frontend_development"}}));

// Forms are looked up by their first word: forms that open with a symbol (".NET"), forms
// without a word character at all (CJK names), and first words that open many forms ("AWS").
INSTANTIATE_TEST_SUITE_P(
    FirstWordIndex, SkillMatcherCaseTest,
    ::testing::Values(
        Case{"(.NET Core)", {"dotnet"}},
        Case{"Languages: \u82F1\u8BED, \u4E2D\u6587", {"english", "mandarin_chinese"}},
        Case{"\u8BED\u8A00\uFF1A\u82F1\u8BED\u548C\u65E5\u672C\u8A9E", {"english", "japanese"}},
        Case{"AWS Lambda, AWS S3 and aws", {"aws_lambda", "amazon_s3", "amazon_web_services"}}));

INSTANTIATE_TEST_SUITE_P(
    BoundariesAndLongestMatch, SkillMatcherCaseTest,
    ::testing::Values(
        Case{"JavaScript", {"javascript"}}, Case{"Java", {"java"}}, Case{"scalable systems", {}},
        Case{"Scala", {"scala"}}, Case{"Amazon Web Services", {"amazon_web_services"}},
        Case{"Spring Boot", {"spring_boot"}}, Case{"Advanced Excel skills", {"excel"}},
        Case{"You will excel at sales", {"sales"}}, Case{"Excel at building teams", {}},
        Case{"Word, Excel, PowerPoint", {"microsoft_word", "excel", "microsoft_powerpoint"}}));

INSTANTIATE_TEST_SUITE_P(
    Multilingual, SkillMatcherCaseTest,
    ::testing::Values(Case{"Kenntnisse in Python", {"python"}},
                      Case{"Erfahrung im Projektmanagement", {"project_management"}},
                      Case{"gestion de projet", {"project_management"}},
                      Case{"Sprachen: Deutsch, Englisch", {"german", "english"}},
                      Case{"Langues : Français, Español", {"french", "spanish"}},
                      Case{"French cuisine",
                           {"international_cuisine"}}));  // a cooking skill, not French

INSTANTIATE_TEST_SUITE_P(
    Negation, SkillMatcherCaseTest,
    ::testing::Values(Case{"no Java experience needed", {"!java"}},
                      Case{"not required: PHP", {"!php"}},
                      Case{"keine Java-Kenntnisse erforderlich", {"!java"}},
                      Case{"Python is required, PHP is not required", {"python", "!php"}},
                      Case{"Java. No PHP.", {"java", "!php"}},
                      Case{"not only Java but also Python", {"java", "python"}},
                      Case{"sans expérience en Python", {"!python"}}));

TEST(SkillMatcherTest, OffsetsPointIntoTheOriginalText) {
  const std::string text = "Skills:\n  •  Node.JS — PostgreSQL";
  const auto matches = Matcher().FindAll(text);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "Node.JS");
  EXPECT_EQ(text.substr(matches[1].begin, matches[1].end - matches[1].begin), "PostgreSQL");
}

TEST(SkillMatcherTest, HandlesEmptyAndBinaryInput) {
  EXPECT_TRUE(Matcher().FindAll("").empty());
  const std::string junk("\xff\xfe\x80 Java \xc3", 10);
  EXPECT_EQ(Matcher().FindAll(junk).size(), 1u);
}

TEST(SkillMatcherTest, AccentsAndCaseFolding) {
  EXPECT_EQ(Find("FRANÇAIS"), std::vector<std::string>{"french"});
  EXPECT_EQ(Find("Francais"), std::vector<std::string>{"french"});
}

}  // namespace
}  // namespace jc::nlp
