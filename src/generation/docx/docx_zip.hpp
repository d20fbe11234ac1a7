// Writes named parts into a ZIP archive in memory with libzip (no temporary files) and returns
// the archive bytes. Each call owns its own libzip objects; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace jc::generation::docx {

struct ZipPart {
  const char* name;       // path inside the archive, UTF-8, no leading slash
  std::string_view data;  // must stay alive for the duration of the call
};

// The archive with the parts in the given order (small parts stored, larger ones deflated at a
// fast level), with a fixed timestamp so equal input gives equal bytes. ErrorCode::kInternal when
// libzip fails.
Result<std::string> WriteZip(std::span<const ZipPart> parts);

}  // namespace jc::generation::docx
