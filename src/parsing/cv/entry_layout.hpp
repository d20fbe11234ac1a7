// The layout of an entry section (experience, education): which lines head an entry (title,
// company, dates...) and which are its body (bullets, their wrapped continuations, prose), and
// how heading lines group into entries. The grouping is inferred from the whole section, since
// a CV lays out all its entries alike: the position of the date line in the first entry (first
// line, second line...) places the entry boundaries of every multi-entry block.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/partial_date.hpp"
#include "parsing/cv/entry_lines.hpp"

namespace jc::parsing::entry {

// One heading text of an entry (a line without its dates, or part of one).
struct Unit {
  std::string text;
  std::size_t line = 0;      // Document line index
  bool directional = false;  // split off by "at" / "bei" / "chez": this part is the title
};

struct Entry {
  std::vector<Unit> units;  // heading texts in order, dates removed
  std::optional<domain::DateRange> dates;
  std::size_t dates_line = 0;
  std::string location;  // written after the dates behind a "|"
  std::size_t location_line = 0;
  std::vector<std::size_t> body;  // positions in the lines vector
  std::optional<std::string> description;
  std::vector<std::string> highlights;
  std::vector<std::size_t> highlight_lines;  // Document line indexes
};

std::vector<Entry> GroupEntries(const std::vector<EntryLine>& lines);

// "Title at Company" (directional: title first), "A – B", "A | B", "A, B" (order left to the
// caller); nullopt when the unit holds one thing.
std::optional<std::vector<Unit>> SplitUnit(const Unit& unit);

}  // namespace jc::parsing::entry
