// A multipart/form-data (RFC 7578 / RFC 2046) parser for whole, already-buffered request bodies.
//
// The input is hostile: every function bounds its reads by the buffer it was given, runs in time
// linear in the body size, and reports malformed input as a Result error, never by throwing.
// Ownership: each MultipartPart::data is a view into the body passed to ParseMultipart, so the
// body must outlive the parts; the other fields are owned copies (they may be unescaped/decoded).
// Thread-safety: the functions are stateless and may be called concurrently.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace jc::http {

struct MultipartPart {
  std::string name;          // form field name from Content-Disposition: form-data; name="..."
  std::string filename;      // filename="..." or decoded RFC 5987 filename*; empty if absent
  std::string content_type;  // the part's Content-Type, empty when absent
  std::string_view data;     // the part's bytes: a view into the body given to ParseMultipart
};

// The boundary from a Content-Type header value like `multipart/form-data; boundary="abc"`.
// Errors: kUnsupportedMediaType (slug "unsupported_media_type") when the type is not
// multipart/form-data (case-insensitive); kBadRequest (slug "malformed_multipart") when the
// boundary is missing, empty, longer than 70 chars (RFC 2046) or otherwise invalid.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Parses a whole multipart/form-data body. Errors: kBadRequest, slug "malformed_multipart", with a
// specific human message (no closing delimiter, part without Content-Disposition, header block too
// large (> 8 KiB per part), etc.); kPayloadTooLarge slug "too_many_parts" past max_parts.
// Filenames are the client's bytes, unvalidated: never use them as filesystem paths.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  std::size_t max_parts = 64);

// The first part named `name`, or nullptr.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace jc::http
