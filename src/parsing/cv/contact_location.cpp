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

// Words before a number that make it part of an address, not a postal district.
bool IsAddressUnitWord(std::string_view lower_word) {
  static constexpr std::string_view k[] = {
      "unit", "flat",   "suite", "apt",   "apt.",  "apartment", "room", "floor", "box",   "no",
      "no.",  "nr",     "nr.",   "house", "block", "lot",       "bus",  "app",   "piso",  "etage",
      "top",  "stiege", "porta", "n.",    "nº",    "num",       "dpto", "depto", "andar", "sala"};
  return std::find(std::begin(k), std::end(k), lower_word) != std::end(k);
}

// A street name's word: "Lindenstraße", "Keizersgracht", "Rue", "Via", "Road".
bool IsStreetWord(std::string_view word) {
  const std::string w = FoldAscii(word);
  static constexpr std::string_view kEnds[] = {"strasse", "strase", "str.",     "weg",    "gasse",
                                               "platz",   "allee",  "chaussee", "damm",   "ring",
                                               "ufer",    "laan",   "straat",   "gracht", "plein",
                                               "kade",    "dijk",   "steeg",    "singel"};
  for (const auto e : kEnds) {
    if (w.size() > e.size() && w.ends_with(e)) return true;
  }
  static constexpr std::string_view kWords[] = {
      "rue",      "via",   "calle", "rua",    "avenida",  "avenue",    "road",   "street",
      "lane",     "st",    "rd",    "ave",    "viale",    "corso",     "piazza", "largo",
      "travessa", "plaza", "paseo", "carrer", "strada",   "boulevard", "bd",     "chemin",
      "impasse",  "drive", "way",   "close",  "crescent", "place",     "square"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
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
    // A city's postal district after its name: "Dublin 8", "Lyon 3e".
    const auto last = words.back();
    // Only as the last part (or before a country): "Lindenstraße 12, Berlin" is a street.
    const auto after = i < seg.size() ? Trim(seg.substr(i + 1)) : std::string_view{};
    const bool district =
        words.size() >= 2 && words.size() <= 4 && last.size() <= 3 && IsDigit(last.front()) &&
        last.size() - (last.back() == 'e' ? 1 : 0) <= 2 &&
        std::all_of(last.begin(), last.end(), [](char c) { return IsDigit(c) || c == 'e'; }) &&
        (after.empty() || IsCountry(after)) && !IsAddressUnitWord(Lower(words[words.size() - 2])) &&
        std::none_of(words.begin(), words.end(), IsStreetWord) && StartsUpper(words.front()) &&
        std::all_of(words.begin(), words.end() - 1, IsPlaceWord);
    // Two names of one place: "Donostia / San Sebastián".
    const bool bilingual = [&] {
      const auto at = part.find(" / ");
      if (at == std::string::npos || part.find(" / ", at + 3) != std::string::npos) return false;
      for (const auto side :
           {std::string_view(part).substr(0, at), std::string_view(part).substr(at + 3)}) {
        const auto ws = Words(side);
        if (ws.empty() || ws.size() > 3 || !StartsUpper(ws.front()) ||
            !std::all_of(ws.begin(), ws.end(), IsPlaceWord)) {
          return false;
        }
      }
      return true;
    }();
    const bool plain = district || bilingual ||
                       (words.size() <= 4 && StartsUpper(words.front()) &&
                        std::all_of(words.begin(), words.end(), IsPlaceWord));
    const bool street = (!district && std::any_of(part.begin(), part.end(), IsDigit)) ||
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
