#include "parsing/cv/phone_normalizer.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <vector>

#include "nlp/text_normalize.hpp"

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

std::optional<PhoneNumber> ValidIn(const PhoneNumberUtil& util, const std::string& number,
                                   const std::string& region) {
  PhoneNumber parsed;
  if (util.Parse(number, region, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  if (!util.IsValidNumber(parsed)) return std::nullopt;
  return parsed;
}

NormalizedPhone Format(const PhoneNumberUtil& util, const PhoneNumber& number) {
  NormalizedPhone out;
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  util.GetRegionCodeForNumber(number, &out.region);
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
    if (const auto parsed = ValidIn(util, international, "ZZ")) return Format(util, *parsed);
    return std::nullopt;
  }
  if (const std::string region = RegionOfLocation(location); !region.empty()) {
    if (const auto parsed = ValidIn(util, number, region)) return Format(util, *parsed);
    return std::nullopt;
  }
  // Only the language: normalise when exactly one of its countries accepts the number.
  std::optional<PhoneNumber> only;
  for (const auto& region : RegionsOfLanguage(language)) {
    const auto parsed = ValidIn(util, number, region);
    if (!parsed) continue;
    if (only && !util.IsNumberMatch(*only, *parsed)) return std::nullopt;
    only = parsed;
  }
  if (only) return Format(util, *only);
  return std::nullopt;
}

}  // namespace jc::parsing
