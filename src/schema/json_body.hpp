// Reading a JSON request body: media type check (415), syntax (400, with the position), bounded
// nesting depth, then Decode<T> (422 with field-level details). Stateless; thread-safe.
#pragma once

#include <string_view>

#include "common/error.hpp"
#include "schema/schema.hpp"

namespace jc::schema {

// True for application/json and application/*+json, with any parameters.
bool IsJsonMediaType(std::string_view content_type);

// Parses a body that must be a JSON object. Errors: kUnsupportedMediaType when the content type
// is not JSON; kBadRequest (slug "malformed_json") for invalid JSON or too deep nesting;
// kValidation when the top level is not an object.
Result<json::value> ParseJsonBody(std::string_view body, std::string_view content_type);

template <typename T>
Result<T> DecodeJsonBody(std::string_view body, std::string_view content_type) {
  auto parsed = ParseJsonBody(body, content_type);
  if (!parsed) return parsed.error();
  return Decode<T>(*parsed);
}

}  // namespace jc::schema
