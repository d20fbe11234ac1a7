// Request ids: echo the caller's X-Request-ID when it is sane, else make a new one.
// Thread-safe (generation uses a per-thread random engine).
#pragma once

#include <string>
#include <string_view>

namespace jc::http {

// A new id: 32 lowercase hex characters (128 random bits).
std::string NewRequestId();

// The caller's id when it is 1-128 characters of [A-Za-z0-9._:-]; otherwise a new one, so a
// hostile header can never inject into logs or responses.
std::string AcceptOrNewRequestId(std::string_view header_value);

}  // namespace jc::http
