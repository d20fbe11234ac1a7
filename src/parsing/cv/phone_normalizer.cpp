#include "parsing/cv/phone_normalizer.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <list>
#include <vector>

#include "nlp/text_normalize.hpp"
#include "parsing/cv/city_regions.hpp"

namespace jc::parsing {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

struct CountryName {
  std::string_view name;  // as nlp::NormalizeTerm folds it: lower case, "-" as " "
  std::string_view region;
};

// Country names as CVs write them, in English and in the languages the parser reads.
constexpr CountryName kCountries[] = {
    {"germany", "DE"},
    {"deutschland", "DE"},
    {"allemagne", "DE"},
    {"alemania", "DE"},
    {"germania", "DE"},
    {"alemanha", "DE"},
    {"duitsland", "DE"},
    {"niemcy", "DE"},
    {"austria", "AT"},
    {"österreich", "AT"},
    {"autriche", "AT"},
    {"switzerland", "CH"},
    {"schweiz", "CH"},
    {"suisse", "CH"},
    {"svizzera", "CH"},
    {"suiza", "CH"},
    {"france", "FR"},
    {"frankreich", "FR"},
    {"francia", "FR"},
    {"frankrijk", "FR"},
    {"frança", "FR"},
    {"belgium", "BE"},
    {"belgique", "BE"},
    {"belgië", "BE"},
    {"belgien", "BE"},
    {"luxembourg", "LU"},
    {"spain", "ES"},
    {"españa", "ES"},
    {"spanien", "ES"},
    {"espagne", "ES"},
    {"spagna", "ES"},
    {"portugal", "PT"},
    {"italy", "IT"},
    {"italia", "IT"},
    {"italien", "IT"},
    {"italie", "IT"},
    {"netherlands", "NL"},
    {"nederland", "NL"},
    {"the netherlands", "NL"},
    {"niederlande", "NL"},
    {"pays bas", "NL"},
    {"poland", "PL"},
    {"polska", "PL"},
    {"polen", "PL"},
    {"pologne", "PL"},
    {"united kingdom", "GB"},
    {"uk", "GB"},
    {"england", "GB"},
    {"scotland", "GB"},
    {"wales", "GB"},
    {"northern ireland", "GB"},
    {"great britain", "GB"},
    {"ireland", "IE"},
    {"irlande", "IE"},
    {"usa", "US"},
    {"u.s.a.", "US"},
    {"united states", "US"},
    {"united states of america", "US"},
    {"canada", "CA"},
    {"mexico", "MX"},
    {"méxico", "MX"},
    {"brazil", "BR"},
    {"brasil", "BR"},
    {"argentina", "AR"},
    {"colombia", "CO"},
    {"chile", "CL"},
    {"peru", "PE"},
    {"perú", "PE"},
    {"india", "IN"},
    {"china", "CN"},
    {"japan", "JP"},
    {"singapore", "SG"},
    {"australia", "AU"},
    {"new zealand", "NZ"},
    {"denmark", "DK"},
    {"danmark", "DK"},
    {"sweden", "SE"},
    {"sverige", "SE"},
    {"norway", "NO"},
    {"norge", "NO"},
    {"finland", "FI"},
    {"suomi", "FI"},
    {"czech republic", "CZ"},
    {"czechia", "CZ"},
    {"south africa", "ZA"},
    {"nigeria", "NG"},
    {"kenya", "KE"},
    {"united arab emirates", "AE"},
    {"uae", "AE"},
};

constexpr std::array<std::string_view, 51> kUsStates = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
    "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
    "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
    "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"};
constexpr std::array<std::string_view, 13> kCaProvinces = {"AB", "BC", "MB", "NB", "NL", "NS", "NT",
                                                           "NU", "ON", "PE", "QC", "SK", "YT"};

// Countries where a CV in this language is commonly written, most likely first.
std::vector<std::string> RegionsOfLanguage(std::string_view language) {
  if (language == "en") return {"US", "GB", "IE", "IN", "AU", "SG", "NZ", "ZA"};
  if (language == "de") return {"DE", "AT", "CH"};
  if (language == "fr") return {"FR", "BE", "CH", "LU"};
  if (language == "es") return {"ES", "MX", "AR", "CO", "CL", "PE"};
  if (language == "pt") return {"PT", "BR"};
  if (language == "it") return {"IT", "CH"};
  if (language == "nl") return {"NL", "BE"};
  if (language == "pl") return {"PL"};
  return {};
}

// The location's comma-separated parts, trimmed.
std::vector<std::string_view> Parts(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto comma = s.find_first_of(",|/");
    auto part = s.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '.')) part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

// The number with only its digits and a leading '+', when it holds nothing but digits and the
// punctuation phone numbers are written with (what FindPhones accepts): Parse reads the same
// number from it, as it keeps only the digits of such text, and its regular expressions have
// less to scan. Other text is passed on as written.
std::string Compact(const std::string& written) {
  std::string out;
  out.reserve(written.size());
  for (const char c : written) {
    if (c >= '0' && c <= '9') {
      out.push_back(c);
    } else if (c == '+' && out.empty()) {
      out.push_back(c);
    } else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')') {
      return written;
    }
  }
  return out;
}

// The number as E.164 with its region, when `written` parses with `region` as the default
// region and the number is valid: PhoneNumberUtil::IsValidNumber, which is
// IsValidNumberForRegion(number, GetRegionCodeForNumber(number)), with the region found once and
// kept for the answer. GetRegionCodeForNumber tries the regions of the calling code in order (25
// share +1), the main region first: a number valid in its calling code's main region, or of a
// calling code with one region, needs no search.
std::optional<NormalizedPhone> ValidIn(const PhoneNumberUtil& util, const std::string& written,
                                       const std::string& region) {
  PhoneNumber number;
  if (util.Parse(Compact(written), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  NormalizedPhone out;
  std::list<std::string> regions;
  util.GetRegionCodesForCountryCallingCode(number.country_code(), &regions);
  const bool main_region = !regions.empty() && regions.front() == region;
  if (main_region && util.IsValidNumberForRegion(number, region)) {
    out.region = region;
  } else {
    if (main_region && regions.size() == 1) return std::nullopt;
    util.GetRegionCodeForNumber(number, &out.region);
    if (!util.IsValidNumberForRegion(number, out.region)) return std::nullopt;
  }
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  return out;
}

}  // namespace

std::string RegionOfLocation(std::string_view location) {
  const auto parts = Parts(location);
  // The last parts name the country; a two-letter part after a city is a state or province.
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    const std::string folded = nlp::NormalizeTerm(*it).folded;
    for (const auto& c : kCountries) {
      if (folded == c.name) return std::string(c.region);
    }
    if (it->size() == 2 && parts.size() >= 2) {
      for (const auto s : kUsStates) {
        if (*it == s) return "US";
      }
      for (const auto p : kCaProvinces) {
        if (*it == p) return "CA";
      }
    }
  }
  return {};
}

std::optional<NormalizedPhone> NormalizePhone(std::string_view written, std::string_view location,
                                              std::string_view language) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const std::string number(written.substr(0, 64));
  // International form: the number names its country.
  std::size_t first = number.find_first_not_of(" (");
  if (first != std::string::npos && (number[first] == '+' || number.compare(first, 2, "00") == 0)) {
    std::string international = number;
    if (number[first] != '+') international.replace(first, 2, "+");
    if (auto valid = ValidIn(util, international, "ZZ")) return valid;
    return std::nullopt;
  }
  if (const std::string region = RegionOfLocation(location); !region.empty()) {
    if (auto valid = ValidIn(util, number, region)) return valid;
    return std::nullopt;
  }
  // A city the location names places the number before the CV's language does: "Manchester"
  // decides GB for a number that is valid in both GB and IN.
  for (const auto part : Parts(location)) {
    const auto regions = RegionsOfCity(part);
    if (regions.empty()) continue;
    for (const auto region : regions) {
      if (auto valid = ValidIn(util, number, std::string(region))) return valid;
    }
    return std::nullopt;
  }
  // Only the language: the likeliest of its countries that accepts the number.
  for (const auto& region : RegionsOfLanguage(language)) {
    if (auto valid = ValidIn(util, number, region)) return valid;
  }
  return std::nullopt;
}

}  // namespace jc::parsing
