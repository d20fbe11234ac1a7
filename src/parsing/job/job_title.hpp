// The job title and location of a posting. Titles are cleaned per the corpus conventions:
// gender markers ("(m/w/d)", "(H/F)", "*in") and employment conditions (contract type and
// length, hours, shift, start date, location) removed; seniority, team/domain suffixes and
// level markers kept; all-caps headlines in title case. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jc::parsing::job {

// `raw` is a headline or jobData.title; `location` (may be empty) names the place, whose city
// is dropped when it trails the title.
std::string CleanTitle(std::string_view raw, std::string_view location);

// The headline of a posting: its first line, or the role named in a first sentence ("... is
// hiring a Registered Nurse – Home Health", "We are hiring a Data Engineer to ...").
std::string HeadlineOf(std::string_view first_line);

// A location stated in the text ("Location: Austin, TX", "Standort: München", a LinkedIn-style
// "Company · City, Country · Full-time" line); nullopt when none.
std::optional<std::string> LocationFromText(std::string_view text);
// The same, given Lower(text) already.
std::optional<std::string> LocationFromText(std::string_view text, std::string_view lower);

}  // namespace jc::parsing::job
