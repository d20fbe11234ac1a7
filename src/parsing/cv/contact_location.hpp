// Reads the person's location out of one item of a contact line: the city, plus the region or
// country when the CV writes them, with street and postcode dropped ("Lindenstraße 12, 10969
// Berlin" -> "Berlin"). An item is a place when a label ("Adresse:", "📍"), a postcode or a
// country says so, or, beside contact data (a phone, an e-mail, a URL on the same line or the
// next), when it is shaped like a place name: one to three comma parts of capitalised words,
// with no title, organisation, date or digits in them. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jc::parsing::contact {

// `beside_contact`: the item stands in a contact line or next to one, so a bare place name
// ("Lyon", "Pune, Maharashtra", "Ciudad de México") is enough. nullopt: not a place.
std::optional<std::string> LocationFromSegment(std::string_view segment, bool beside_contact);

}  // namespace jc::parsing::contact
