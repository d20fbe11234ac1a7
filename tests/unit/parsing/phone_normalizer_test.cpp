// NormalizePhone: which country a nationally written number is read in (the number itself, the
// location's country, the location's city, the CV's language), and the city gazetteer.
#include "parsing/cv/phone_normalizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsing/cv/city_regions.hpp"

namespace jc::parsing {
namespace {

struct PhoneCase {
  const char* written;
  const char* location;
  const char* language;
  const char* e164;  // "" when the number is not normalised
  const char* region;
};

void ExpectNormalized(const PhoneCase& c) {
  const auto phone = NormalizePhone(c.written, c.location, c.language);
  SCOPED_TRACE(std::string(c.written) + " | " + c.location + " | " + c.language);
  if (std::string(c.e164).empty()) {
    EXPECT_FALSE(phone) << phone->e164;
    return;
  }
  ASSERT_TRUE(phone);
  EXPECT_EQ(phone->e164, c.e164);
  EXPECT_EQ(phone->region, c.region);
}

TEST(PhoneNormalizerTest, TheLocationsCityDecidesBeforeTheLanguage) {
  const PhoneCase cases[] = {
      // Valid in DE and in AT: the city places it.
      {"0221 9876543", "Köln", "de", "+492219876543", "DE"},
      {"0221 9876543", "Koeln", "de", "+492219876543", "DE"},
      {"0171 2345678", "Frankfurt am Main", "de", "+491712345678", "DE"},
      {"0316 123456", "Graz", "de", "+43316123456", "AT"},
      // Valid in FR and in CH.
      {"06 12 34 56 78", "Nantes", "fr", "+33612345678", "FR"},
      {"06 12 34 56 78", "Lyon 3e", "fr", "+33612345678", "FR"},
      // Valid in GB and in IN.
      {"020 7946 0123", "Manchester", "en", "+442079460123", "GB"},
      {"020 7946 0123", "Leeds", "", "+442079460123", "GB"},
      // A city of a country whose language the CV is not written in.
      {"020 7946 0123", "Glasgow", "de", "+442079460123", "GB"},
      {"0612345678", "Utrecht", "en", "+31612345678", "NL"},
      {"612 345 678", "Zaragoza", "en", "+34612345678", "ES"},
      {"347 123 4567", "Bologna", "", "+393471234567", "IT"},
      {"512 345 678", "Wrocław", "en", "+48512345678", "PL"},
  };
  for (const auto& c : cases) ExpectNormalized(c);
}

TEST(PhoneNormalizerTest, ANumberNotValidWhereTheCityIsStaysAsWritten) {
  // 07700 900xxx is the UK's range for drama: not a valid GB number, and not an Indian one
  // because Manchester is not in India.
  ExpectNormalized({"07700 900456", "Manchester", "en", "", ""});
  ExpectNormalized({"07700 900123", "Leicester", "en", "", ""});
}

TEST(PhoneNormalizerTest, ACountryOrStateStillDecidesAndTheNumberItselfFirst) {
  // Valid in CH too (Basel): the country the location names decides, not its language.
  ExpectNormalized({"06 12 34 56 78", "Genève, Suisse", "fr", "+41612345678", "CH"});
  ExpectNormalized({"0171 2345678", "London, UK", "de", "", ""});
  ExpectNormalized({"+44 20 7946 0123", "Köln", "de", "+442079460123", "GB"});
  ExpectNormalized({"0044 20 7946 0123", "", "fr", "+442079460123", "GB"});
  ExpectNormalized({"(212) 555-0188", "New York, NY", "en", "+12125550188", "US"});
}

TEST(PhoneNormalizerTest, WithoutAPlaceTheLanguagesLikeliestCountryThatAcceptsTheNumber) {
  ExpectNormalized({"0171 2345678", "", "de", "+491712345678", "DE"});
  ExpectNormalized({"0171 2345678", "Atlantis", "de", "+491712345678", "DE"});
  ExpectNormalized({"06 12 34 56 78", "", "fr", "+33612345678", "FR"});
  ExpectNormalized({"020 7946 0123", "", "en", "+442079460123", "GB"});  // not valid in the US
  ExpectNormalized({"0171 2345678", "", "", "", ""});
}

TEST(PhoneNormalizerTest, EveryWrittenFormOfANumberReadsTheSame) {
  for (const char* written :
       {"030 1234567", "(030) 123 4567", "030/1234567", "030-123-45-67", "030.123.45.67",
        "+49 30 1234567", "+49 (0)30 1234567", "0049 30 1234567", "(+49) 30 1234567"}) {
    ExpectNormalized({written, "Berlin", "de", "+49301234567", "DE"});
  }
}

TEST(CityRegionsTest, KnowsMajorCitiesAsCvsWriteThem) {
  using Regions = std::vector<std::string_view>;
  const struct {
    const char* place;
    Regions regions;
  } cases[] = {
      {"Manchester", {"GB"}},
      {"Köln", {"DE"}},
      {"Koeln", {"DE"}},
      {"Cologne", {"DE"}},
      {"MÜNCHEN", {"DE"}},
      {"Zürich", {"CH"}},
      {"Zurich", {"CH"}},
      {"Wien", {"AT"}},
      {"Dublin 8", {"IE"}},
      {"Paris 15e", {"FR"}},
      {"Nantes", {"FR"}},
      {"Bruxelles", {"BE"}},
      {"Den Haag", {"NL"}},
      {"Montréal (Québec)", {"CA"}},
      {"São Paulo", {"BR"}},
      {"Sao Paulo", {"BR"}},
      {"Ciudad de México", {"MX"}},
      {"Bogotá", {"CO"}},
      {"Kraków", {"PL"}},
      {"Krakow", {"PL"}},
      {"Bengaluru", {"IN"}},
      {"Singapore", {"SG"}},
      {"Melbourne", {"AU"}},
      {"Nairobi", {"KE"}},
      {"London", {"GB", "CA"}},
      {"Córdoba", {"ES", "AR"}},
      {"Atlantis", {}},
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(RegionsOfCity(c.place), c.regions) << c.place;
}

}  // namespace
}  // namespace jc::parsing
