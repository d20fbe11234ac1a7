// Text folding for the truthfulness check (truthfulness.hpp): names, titles and free text are
// compared after folding, so "Café Société SAS", "cafe societe" and "CAFÉ SOCIÉTÉ" agree.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jc::generation {

// Lower case, Latin accents stripped (ß -> ss), every run of non-letters and non-digits one
// space, no leading or trailing space: "Müller-Łukasiewicz, Zoë" -> "muller lukasiewicz zoe".
std::string Fold(std::string_view text);

// The words of Fold(text).
std::vector<std::string> FoldWords(std::string_view text);

// Whether `needle` (already folded, non-empty) occurs in `folded` at word boundaries.
bool ContainsFolded(std::string_view folded, std::string_view needle);

// Whether the code point starting at text[i] is an upper-case letter (ASCII, Latin-1, Latin
// Extended-A, Greek, Cyrillic).
bool IsUpperAt(std::string_view text, std::size_t i);

// Whether the text starts with a letter (any case).
bool StartsWithLetter(std::string_view text);

}  // namespace jc::generation
