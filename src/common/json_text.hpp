// Small helpers for writing JSON text by hand on hot paths (the logger, the error envelope),
// where building a boost::json::value would cost allocations. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jc {

// Appends `s` as a quoted JSON string. Invalid UTF-8 bytes become U+FFFD so output stays valid.
void AppendJsonString(std::string& out, std::string_view s);

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace jc
