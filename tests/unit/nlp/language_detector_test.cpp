#include "nlp/language_detector.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace jc::nlp {
namespace {

TEST(LanguageDetectorTest, DetectsTheLanguagesWeRead) {
  const struct {
    const char* text;
    const char* code;
  } cases[] = {
      {"Responsible for the design of the payment platform and a team of five engineers.", "en"},
      {"Verantwortlich für die Entwicklung der Plattform und die Betreuung von Kunden im Team.",
       "de"},
      {"Responsable de la gestion des équipes et du suivi des projets avec les clients.", "fr"},
      {"Responsable de la gestión del equipo y de los proyectos con los clientes desde 2019.",
       "es"},
      {"Responsável pela gestão da equipe e dos projetos com os clientes no Brasil.", "pt"},
      {"Responsabile della gestione del team e dei progetti con i clienti nella sede di Milano.",
       "it"},
      {"Verantwoordelijk voor het beheer van de afdeling en het team van vijf mensen.", "nl"},
      {"Odpowiedzialna za zarządzanie zespołem i projektami oraz kontakt z klientami w firmie.",
       "pl"},
  };
  for (const auto& c : cases) {
    const auto d = DetectLanguage(c.text);
    EXPECT_EQ(d.code, c.code) << c.text;
    EXPECT_GT(d.confidence, 0.0) << c.text;
  }
}

TEST(LanguageDetectorTest, TooLittleTextIsUnknown) {
  EXPECT_EQ(DetectLanguage("").code, "");
  EXPECT_EQ(DetectLanguage("Python, SQL, Kubernetes").code, "");
}

// Every job posting of the corpus is labelled with its language.
TEST(LanguageDetectorTest, AgreesWithTheJobCorpusLabels) {
  const std::filesystem::path dir = std::filesystem::path(JC_SOURCE_DIR) / "tests/corpus/jobs";
  int total = 0, right = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::ifstream gold_in(dir / (entry.path().stem().string() + ".gold.json"));
    std::stringstream gold;
    gold << gold_in.rdbuf();
    const auto label_at = gold.str().find("\"language\": \"");
    ASSERT_NE(label_at, std::string::npos) << entry.path();
    const auto label = gold.str().substr(label_at + 13, 2);
    ++total;
    const auto detected = DetectLanguage(text.str()).code;
    if (detected == label) ++right;
    EXPECT_EQ(detected, label) << entry.path().filename();
  }
  EXPECT_GE(total, 40);
}

}  // namespace
}  // namespace jc::nlp
