// Whether a phrase asks for a skill as required or as a plus: item-level cues ("must",
// "required", "you have", "nice to have", "a plus", "ideally", "von Vorteil", "wünschenswert",
// "un plus", "serait un atout", "se valorará", "deseable", "è gradita", "pluspunt"...) and
// whether a prose sentence states a requirement at all. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jc::parsing::job {

enum class Need : std::uint8_t { kNone, kRequired, kPreferred };

// The need that the cues of the clause around `pos` in `lower` (a lower-cased line) give to a
// mention at [pos, end): the nearest cue that reaches it (cues before it that govern what
// follows, "ideally X"; cues after it that govern what precedes, "X is a plus"), looking first
// inside the parentheses around the mention. kNone when no cue reaches it.
Need NeedAt(std::string_view lower, std::size_t pos, std::size_t end);

// Whether a prose sentence (lower-cased) states what a candidate must bring ("you have", "3+
// years of experience in", "Kenntnisse in", "maîtrise de", "experiencia en") rather than
// what the job involves.
bool AsksForQualification(std::string_view lower_sentence);

// Whether the sentence marks what it names as optional (the preferred cues above).
bool HasPreferredCue(std::string_view lower_sentence);

}  // namespace jc::parsing::job
