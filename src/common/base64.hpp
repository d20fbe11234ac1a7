// Base64 (RFC 4648, standard alphabet) for file payloads. Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jc {

// Decodes base64, tolerating line breaks and spaces (as mail and some clients wrap it) and a
// missing final padding. Returns nullopt for any other byte or an impossible length.
std::optional<std::string> Base64Decode(std::string_view in);

std::string Base64Encode(std::string_view in);

}  // namespace jc
