// A small gazetteer of the larger cities of the countries whose CVs the parser reads (Europe,
// the Americas, India, East Asia, Oceania, Africa and the Gulf): the city names as CVs write
// them (in English, in the local language, with and without accents) and the ISO 3166-1
// alpha-2 region(s) of the country they stand in. Names that several countries share ("London",
// "Cambridge", "Córdoba") list each country, the likelier first. Compiled in (no data file to
// load); pure functions over constant tables: thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace jc::parsing {

// The regions of the city `place` names, likeliest first; empty when the gazetteer does not
// know it. `place` is one comma part of a location ("Manchester", "Frankfurt am Main",
// "Montréal (Québec)", "Dublin 8"); case, accents as written and a trailing district number or
// parenthesised region are ignored.
std::vector<std::string_view> RegionsOfCity(std::string_view place);

}  // namespace jc::parsing
