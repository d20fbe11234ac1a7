// Splits a job posting into lines and tags each with the part of the posting it belongs to
// (title, intro, duties, required or preferred qualifications, benefits...), from headings in
// English, German, French, Spanish, Portuguese, Italian and Dutch ("Requirements", "Ihr Profil",
// "Atouts", "Se valorará", "Wat wij vragen"...). A heading may carry content after a colon
// ("Nice to have: Terraform"). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace jc::parsing::job {

enum class PartKind : std::uint8_t {
  kTitle,      // the first line, when it reads like a headline
  kIntro,      // before the first heading: header lines, company and role blurb
  kAbout,      // about the company
  kDuties,     // what you will do
  kRequired,   // requirements, must have, your profile
  kPreferred,  // nice to have, bonus, preferred qualifications
  kBenefits,   // what we offer, compensation
  kOther,      // a heading of no known kind (how to apply, EEO statements...)
};

struct PostingLine {
  std::size_t begin = 0;  // the content's byte range in the posting (bullet and heading removed)
  std::size_t end = 0;
  PartKind part = PartKind::kIntro;
  bool bullet = false;
  bool heading = false;  // a heading line (its content, if any, is what follows the colon)
};

// The part a heading names, or nullopt when `line` is not a heading. `lower` is the line lower-
// cased; `has_content` is set when the line goes on after a colon with text of its own.
std::optional<PartKind> ClassifyJobHeading(std::string_view lower, std::size_t* content_at);

std::vector<PostingLine> SplitPosting(std::string_view text);
// The same, given Lower(text) already.
std::vector<PostingLine> SplitPosting(std::string_view text, std::string_view lower);

}  // namespace jc::parsing::job
