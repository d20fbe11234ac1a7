// FieldSource: where a parsed value came from and how sure the parser is of it. The CV parser
// reports one per value it fills, so a client can ask the person to confirm the doubtful ones.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace jc::parsing {

struct FieldSource {
  // A JSON Pointer into the contract's Profile: "/fullName", "/workExperience/2/company",
  // "/skills/technical/4", "/languages/0/proficiency".
  std::string field;
  double confidence = 0;  // 0-1
  std::size_t line = 0;   // index into Document::lines of the line that holds the value
};

using FieldSources = std::vector<FieldSource>;

}  // namespace jc::parsing
