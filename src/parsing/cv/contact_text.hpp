// Text primitives the contact extractor's parts share: trimming, word and segment splitting
// ("Berlin | +49 ... | a@b.c"), capital letters and name-word shapes in UTF-8, accent folding,
// and the generic vocabularies (name particles, words that make a line a title or an address).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jc::parsing::contact {

std::string Lower(std::string_view s);  // ASCII only
// Lower-cased, with Latin-1 and Latin Extended-A letters folded to their ASCII base letter
// ("Lucía" -> "lucia", "Łukasz" -> "lukasz"); other bytes are kept.
std::string FoldAscii(std::string_view s);

// Trims ASCII characters only: a multi-byte character's bytes are never cut apart.
std::string_view Trim(std::string_view s, std::string_view chars = " \t,;|");
std::vector<std::string_view> Words(std::string_view s);
// The items of a contact line, split on the separators CVs put between them (| • · ; – ...).
std::vector<std::string_view> Segments(std::string_view line);
// Segments(line).front() without splitting the rest of the line; empty when there is none.
std::string_view FirstSegment(std::string_view line);

// An upper-case letter at the start of `w`: ASCII, or a Latin-1/Latin Extended-A capital;
// letters of scripts without case count as capitals.
bool StartsUpper(std::string_view w);
// Letters, hyphens, apostrophes and dots only (any non-ASCII byte counts as a letter).
bool IsNameWordChars(std::string_view w);
// A word written in a CJK script (Han, kana, Hangul, full-width forms).
bool IsCjkWord(std::string_view w);

bool IsNameParticle(std::string_view lower_word);  // "van", "de", "da", "von"...
// Job-title, document-title, address and organisation words ("engineer", "lebenslauf",
// "straße", "gmbh") in the supported languages.
bool IsNotNameWord(std::string_view lower_word);

}  // namespace jc::parsing::contact
