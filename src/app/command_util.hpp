// Small helpers shared by the command-line commands (parse, analyze, generate): flags, files,
// the error envelope on stderr. Pure functions, except for the file reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/partial_date.hpp"

namespace jc::app {

// The value following `flag` in argv[from..], or "" when absent.
std::string FlagValue(int argc, char** argv, int from, std::string_view flag);

// {"error": {"code", "message"}} as one line of JSON.
std::string ErrorJson(const Error& e);

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> ReadWholeFile(const char* path);

// The --as-of value, today when absent; nullopt when malformed.
std::optional<domain::PartialDate> AsOf(int argc, char** argv, int from);

}  // namespace jc::app
