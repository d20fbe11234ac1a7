// Phone numbers in E.164 ("+493012345678") with Google's libphonenumber, when the country can be
// inferred: from the number itself ("+44 ...", "0049 ..."), else from the CV's location (a
// country name in English or the local language, a US state or Canadian province code, else a
// city the gazetteer of city_regions.hpp knows: "Manchester" -> GB, "Köln" -> DE), else from the
// CV's language: the likeliest of the countries that speak it where the number is valid
// ("de": DE, then AT, then CH). A number that is not valid where its location places it is
// never normalised (fictional ranges such as 555-01xx stay as written). Thread-safe
// (libphonenumber's util is a thread-safe singleton).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jc::parsing {

struct NormalizedPhone {
  std::string e164;    // "+493012345678"
  std::string region;  // ISO 3166-1 alpha-2 of the number, e.g. "DE"
};

// `written` is the number as the CV shows it; `location` the CV's location ("" when unknown);
// `language` its ISO 639-1 language ("" when unknown).
std::optional<NormalizedPhone> NormalizePhone(std::string_view written, std::string_view location,
                                              std::string_view language);

// The ISO 3166-1 alpha-2 region a location names ("Berlin, Deutschland" -> "DE",
// "Portland, OR" -> "US"), or "" when it names none.
std::string RegionOfLocation(std::string_view location);

}  // namespace jc::parsing
