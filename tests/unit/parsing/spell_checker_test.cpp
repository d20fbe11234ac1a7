#include "parsing/cv/spell_checker.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "nlp/taxonomy.hpp"

namespace jc::parsing {
namespace {

constexpr const char* kDictionaries = "/usr/share/hunspell";

class SpellCheckerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = nlp::Taxonomy::Load(std::string(JC_SOURCE_DIR) + "/data/skills");
    ASSERT_TRUE(loaded.has_value());
    taxonomy_ = new nlp::Taxonomy(std::move(*loaded));
    matcher_ = new nlp::SkillMatcher(*taxonomy_);
    checker_ = new SpellChecker(kDictionaries);
  }
  static void TearDownTestSuite() {
    delete checker_;
    delete matcher_;
    delete taxonomy_;
  }
  void SetUp() override {
    for (const char* lang : {"en", "de"}) {
      if (!checker_->Supports(lang)) GTEST_SKIP() << "no " << lang << " dictionary installed";
    }
  }

  static std::vector<std::string> Words(const std::vector<std::string_view>& lines,
                                        std::string_view language) {
    std::vector<std::string> out;
    for (const auto& m : checker_->Check(lines, language, *matcher_)) out.push_back(m.word);
    return out;
  }

  static nlp::Taxonomy* taxonomy_;
  static nlp::SkillMatcher* matcher_;
  static SpellChecker* checker_;
};

nlp::Taxonomy* SpellCheckerTest::taxonomy_ = nullptr;
nlp::SkillMatcher* SpellCheckerTest::matcher_ = nullptr;
SpellChecker* SpellCheckerTest::checker_ = nullptr;

TEST_F(SpellCheckerTest, FindsEnglishMisspellingsWithTheirLines) {
  const std::vector<std::string_view> lines = {
      "Senior Backend Engineer",
      "Responsible for the managment of a team of five engineers.",
      "Helped customers recieve their orders on time; improved the proces.",
  };
  const auto found = checker_->Check(lines, "en", *matcher_);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].word, "managment");
  EXPECT_EQ(found[0].line, 1u);
  EXPECT_EQ(found[1].word, "recieve");
  EXPECT_EQ(found[1].line, 2u);
  EXPECT_EQ(found[2].word, "proces");
  EXPECT_EQ(found[2].line, 2u);
}

TEST_F(SpellCheckerTest, FindsGermanMisspellings) {
  const std::vector<std::string_view> lines = {
      "Ich habe die Software für den Vertrieb entwikelt und erfolgreich getestet.",
      "Verantwortlich für die Betreuung von Kunden und Lieferanten.",
  };
  EXPECT_EQ(Words(lines, "de"), std::vector<std::string>{"entwikelt"});
}

TEST_F(SpellCheckerTest, CorrectProseHasNoMisspellings) {
  const std::vector<std::string_view> lines = {
      "Designed and built a well-organised payment service used by millions of customers.",
      "I don't like unfinished work; the team's releases shipped on time.",
      "Led the migration of our data platform, reducing costs by 30%.",
  };
  EXPECT_TRUE(Words(lines, "en").empty());
}

TEST_F(SpellCheckerTest, SkillsNamesAcronymsAndNonProseAreNotFlagged) {
  const std::vector<std::string_view> lines = {
      // Proper nouns and product names mid-sentence, CamelCase, acronyms.
      "Worked with Zalandoo and Qwertyco on JavaScrpt tooling for the AWSX and GCPQ teams.",
      // A capitalised unknown word at a sentence start: may be a name, never flagged.
      "Xyzzycorp hired me in 2019.",
      // Skills written in lower case, words with digits or symbols, URLs and e-mail addresses.
      "used kubernetes, postgresql, golang and pytorch with k8s, ipv6 and c++ daily",
      "see https://github.com/janedoe/recieve or mail jane.doe@exampel.com, www.exampel.org",
      // Abbreviations and words shorter than three letters.
      "e.g. i.e. etc. ok xq",
  };
  EXPECT_TRUE(Words(lines, "en").empty()) << ::testing::PrintToString(Words(lines, "en"));
}

TEST_F(SpellCheckerTest, HyphenatedCompoundsAreJudgedPartByPart) {
  const std::vector<std::string_view> lines = {
      "cross-functional and data-driven work",
      "a well-organzied person",
  };
  EXPECT_EQ(Words(lines, "en"), std::vector<std::string>{"organzied"});
}

TEST_F(SpellCheckerTest, RepeatedWordsAreReportedAtEveryOccurrenceAndCached) {
  const std::vector<std::string_view> lines = {"managment one", "managment two"};
  for (int round = 0; round < 2; ++round) {  // the second round answers from the cache
    const auto found = checker_->Check(lines, "en", *matcher_);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].line, 0u);
    EXPECT_EQ(found[1].line, 1u);
  }
}

TEST_F(SpellCheckerTest, UnsupportedLanguageGivesNothing) {
  EXPECT_FALSE(checker_->Supports("xx"));
  EXPECT_FALSE(checker_->Supports(""));
  EXPECT_TRUE(checker_->Check({"managment recieve"}, "xx", *matcher_).empty());
  EXPECT_TRUE(checker_->Check({"managment recieve"}, "", *matcher_).empty());
}

TEST_F(SpellCheckerTest, MissingDictionaryDirectoryGivesNothing) {
  SpellChecker missing("/nonexistent/hunspell");
  EXPECT_FALSE(missing.Supports("en"));
  EXPECT_TRUE(missing.Check({"managment recieve"}, "en", *matcher_).empty());
}

TEST_F(SpellCheckerTest, NonUtf8DictionaryIsFedInItsEncoding) {
  // pl_PL is ISO8859-2: a correct word with Polish letters must pass after conversion.
  if (!checker_->Supports("pl")) GTEST_SKIP() << "no Polish dictionary installed";
  EXPECT_TRUE(Words({"zarządzałem zespołem programistów"}, "pl").empty());
  EXPECT_EQ(Words({"zarządzałem zespołem programistuw"}, "pl"),
            std::vector<std::string>{"programistuw"});
}

}  // namespace
}  // namespace jc::parsing
