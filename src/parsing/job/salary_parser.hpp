// Base pay in a job posting: range or single figure, ISO 4217 currency (from the symbol, the
// code and the country: "$" in Sydney is AUD), and period (hour, day, week, month, year).
// Handles "€60k–75k", "$45/hour", "60.000 – 75.000 € brutto/Jahr", "£35,000 per annum",
// "CHF 110'000", "₹4,50,000", "32,26 $ de l'heure", "up to"/"bis zu" (min unknown) and
// "from"/"ab" (max unknown). Bonuses, OTE, commission, per-mile rates and shift differentials
// are not base pay and are skipped. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "domain/job.hpp"
#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {

// `country_hint`: text naming the place (jobData.location or the posting), used to tell the
// dollars apart. nullopt when no figure with a currency is found.
std::optional<domain::Salary> ExtractSalary(std::string_view text, std::string_view country_hint);
// The same, given Lower(text) already (ExtractRequirements lowers a posting once).
std::optional<domain::Salary> ExtractSalaryLower(std::string_view lower,
                                                 std::string_view country_hint);
// The same, given CueIndex(Lower(text)) already: the place names that tell the dollars apart
// are looked up in the index instead of scanning the posting for them.
std::optional<domain::Salary> ExtractSalary(const CueIndex& body, std::string_view country_hint);

// A money amount as written ("165,000", "60.000", "5'600", "4,50,000", "32,26", "75k"),
// starting at `pos`; sets `end`. nullopt when no digit is there.
std::optional<double> ParseAmount(std::string_view text, std::size_t pos, std::size_t* end);

}  // namespace jc::parsing::job
