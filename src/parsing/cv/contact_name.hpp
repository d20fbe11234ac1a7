// Finds the person's name among a CV's first lines. Each candidate (the first item of a line)
// is cleaned of what CVs add to a name (a nickname in parentheses or quotes, the name again
// in a CJK script, a "Name:" label), joined with its next line when a narrow column wrapped
// it, and scored from general features: name shape, position, type size, weight, the section
// it stands in, and title or organisation words against it. A name written surname first
// under a "Surname / First name" label (Europass) is put in natural order, split where the
// e-mail address says the given name starts. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsing/cv/contact_extractor.hpp"

namespace jc::parsing::contact {

// The best name candidate of the document, or nullopt when no line reads like a name.
// `email` is the person's address (may be empty); it only decides the order of a name whose
// label says it is written surname first.
std::optional<Found> FindFullName(const Document& doc, const std::vector<Section>& sections,
                                  std::string_view email);

// "Margaret (Maggie) Okafor" -> "Margaret Okafor"; "Wang Xiaoming 王小明" -> "Wang Xiaoming";
// "Yuki Sato (佐藤 由紀)" -> "Yuki Sato". A text with nothing else left is returned trimmed.
std::string CleanNameText(std::string_view text);

// Whether a field label ("Cognome / Nome", "Surname(s) / First name(s)", "Name, Vorname")
// puts the family name before the given name.
bool LabelSaysSurnameFirst(std::string_view label);

// "Romano Francesca" + "francesca.romano@..." -> "Francesca Romano"; "Martín García Lucía" +
// "lucia.martin@..." -> "Lucía Martín García". Without e-mail evidence the last word is taken
// as the given name.
std::string SurnameFirstToNatural(std::string_view name, std::string_view email);

}  // namespace jc::parsing::contact
