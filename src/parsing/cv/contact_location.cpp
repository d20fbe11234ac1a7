#include "parsing/cv/contact_location.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "nlp/date_parser.hpp"
#include "parsing/cv/contact_extractor.hpp"
#include "parsing/cv/contact_text.hpp"
#include "parsing/cv/entry_lines.hpp"

namespace jc::parsing::contact {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::string_view kLocationLabels[] = {
    "address",   "adresse",   "anschrift",  "wohnort",  "location",    "ort",       "dirección",
    "direccion", "ubicación", "domicilio",  "endereço", "localização", "morada",    "indirizzo",
    "residenza", "adres",     "woonplaats", "based in", "lives in",    "residence", "📍"};

// Country names in English and in their own languages, and a few common abbreviations.
bool IsCountry(std::string_view part) {
  static constexpr std::string_view k[] = {"germany",
                                           "deutschland",
                                           "france",
                                           "spain",
                                           "españa",
                                           "italy",
                                           "italia",
                                           "netherlands",
                                           "the netherlands",
                                           "nederland",
                                           "portugal",
                                           "brazil",
                                           "brasil",
                                           "uk",
                                           "united kingdom",
                                           "england",
                                           "scotland",
                                           "wales",
                                           "usa",
                                           "us",
                                           "united states",
                                           "canada",
                                           "india",
                                           "poland",
                                           "polska",
                                           "austria",
                                           "österreich",
                                           "switzerland",
                                           "schweiz",
                                           "suisse",
                                           "svizzera",
                                           "belgium",
                                           "belgië",
                                           "belgique",
                                           "ireland",
                                           "mexico",
                                           "méxico",
                                           "argentina",
                                           "colombia",
                                           "chile",
                                           "peru",
                                           "perú",
                                           "china",
                                           "japan",
                                           "singapore",
                                           "australia",
                                           "new zealand",
                                           "denmark",
                                           "danmark",
                                           "sweden",
                                           "sverige",
                                           "norway",
                                           "norge",
                                           "finland",
                                           "suomi",
                                           "czech republic",
                                           "czechia",
                                           "greece",
                                           "turkey",
                                           "türkiye",
                                           "romania",
                                           "hungary",
                                           "nigeria",
                                           "south africa",
                                           "kenya",
                                           "egypt",
                                           "morocco",
                                           "uae",
                                           "united arab emirates",
                                           "israel",
                                           "south korea",
                                           "korea",
                                           "vietnam",
                                           "philippines",
                                           "indonesia",
                                           "malaysia",
                                           "pakistan",
                                           "bangladesh",
                                           "ukraine",
                                           "luxembourg",
                                           "croatia",
                                           "slovenia",
                                           "slovakia"};
  const std::string l = Lower(part);
  return std::find(std::begin(k), std::end(k), l) != std::end(k);
}

bool IsPostalCode(std::string_view w) {
  if (w.size() < 4 || w.size() > 6) return false;
  if (w.size() == 4 && (w.starts_with("19") || w.starts_with("20"))) return false;  // a year
  std::size_t digits = 0;
  for (const char c : w) digits += IsDigit(c) ? 1 : 0;
  return digits >= 4 && (digits == w.size() || (w.size() == 6 && w[4] == '-'));
}

// A word of a place name: capitalised ("Main", "Québec"), a particle ("de", "am", "upon"), or
// a region in parentheses ("(Québec)").
bool IsPlaceWord(std::string_view w) {
  if (w.size() > 2 && w.front() == '(' && w.back() == ')') w = w.substr(1, w.size() - 2);
  if (!IsNameWordChars(w)) return false;
  const std::string l = Lower(w);
  return StartsUpper(w) || IsNameParticle(l) || l == "am" || l == "an" || l == "upon" ||
         l == "sur" || l == "im" || l == "on";
}

bool HasNotNameWord(std::string_view part) {
  for (const auto w : Words(part)) {
    if (IsNotNameWord(Lower(Trim(w, "()")))) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> LocationFromSegment(std::string_view segment, bool beside_contact) {
  std::string_view seg = Trim(segment);
  bool labelled = false;
  const std::string lower = Lower(seg);
  for (const auto label : kLocationLabels) {
    if (lower.starts_with(label)) {
      const auto rest = seg.substr(label.size());
      // The label must end there: "Ort:" but not "Ortiz".
      if (!rest.empty() && rest.front() != ':' && rest.front() != ' ' && label != "📍") continue;
      seg = Trim(rest, " :-\t");
      labelled = true;
      break;
    }
  }
  if (seg.empty() || seg.find('@') != std::string_view::npos ||
      Lower(seg).find("http") != std::string::npos || !FindPhones(seg).empty()) {
    return std::nullopt;
  }
  bool postal = false, country = false;
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= seg.size(); ++i) {
    if (i < seg.size() && seg[i] != ',') continue;
    std::string part;
    for (const auto w : Words(Trim(seg.substr(start, i - start)))) {
      if (IsPostalCode(w)) {
        postal = true;
        continue;
      }
      if (!part.empty()) part.push_back(' ');
      part.append(w);
    }
    start = i + 1;
    if (part.empty()) continue;
    const auto words = Words(part);
    const bool plain = words.size() <= 4 && StartsUpper(words.front()) &&
                       std::all_of(words.begin(), words.end(), IsPlaceWord);
    const bool street = std::any_of(part.begin(), part.end(), IsDigit) ||
                        (NameScore(part) == 0 && !IsCountry(part) && !plain);
    if (street || !plain) {
      parts.clear();  // a street or other text: what follows may still be the city
      continue;
    }
    country = country || IsCountry(part) || (part.size() == 2 && StartsUpper(part));
    parts.push_back(part);
  }
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  const bool bare_place = beside_contact && parts.size() <= 3;
  if (!(labelled || postal || (country && parts.size() >= 2) || bare_place)) return std::nullopt;
  for (const auto& p : parts) {
    if (IsCountry(p)) continue;
    if (HasNotNameWord(p) || entry::TitleScore(p) > 0 || entry::OrganisationScore(p) > 0) {
      return std::nullopt;
    }
  }
  if (nlp::ParseDate(seg)) return std::nullopt;  // "März 2019": last, the dearest check
  std::string out;
  for (const auto& p : parts) out.append(out.empty() ? "" : ", ").append(p);
  return out;
}

}  // namespace jc::parsing::contact
