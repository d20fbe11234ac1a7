#include "parsing/docx/zip_reader.hpp"

#include <algorithm>
#include <cstdint>

namespace jc::parsing {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
// Small XML parts legitimately compress better than the ratio bound (a 20 KB run of markup
// can shrink 300:1); the ratio only applies past this many inflated bytes.
constexpr std::size_t kRatioFloorBytes = 1 << 20;

}  // namespace

Error UnreadableDocument(std::string message) {
  return Error::Make(ErrorCode::kValidation, std::move(message), "unreadable_document");
}

Error DocumentTooLarge(std::string message) {
  return Error::Make(ErrorCode::kPayloadTooLarge, std::move(message), "document_too_large");
}

Result<ZipReader> ZipReader::Open(std::string_view bytes, const ExtractLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return UnreadableDocument("the file is not a readable ZIP package");
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    return UnreadableDocument("the file is not a readable ZIP package");
  }
  ZipReader reader(zip, limits);
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0) return UnreadableDocument("the ZIP directory is damaged");
  if (static_cast<std::uint64_t>(entries) > limits.max_zip_entries) {
    return DocumentTooLarge("the package has too many entries");
  }
  return reader;
}

bool ZipReader::Contains(std::string_view name) const {
  return zip_name_locate(zip_.get(), std::string(name).c_str(), 0) >= 0;
}

Result<std::string> ZipReader::Read(std::string_view name) {
  const std::string part(name);
  const zip_int64_t index = zip_name_locate(zip_.get(), part.c_str(), 0);
  if (index < 0) return UnreadableDocument("the package has no part " + part);
  const auto entry = static_cast<zip_uint64_t>(index);

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_.get(), entry, 0, &stat) != 0) {
    return UnreadableDocument("the package part " + part + " is damaged");
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
    return UnreadableDocument("the package part " + part + " is encrypted");
  }
  const std::size_t budget = limits_.max_uncompressed_bytes - total_inflated_;
  // The declared size may refuse early; it never allows: the loop below counts real bytes.
  if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > budget) {
    return DocumentTooLarge("the package part " + part + " is too large");
  }
  std::uint64_t ratio_cap = kRatioFloorBytes;
  if ((stat.valid & ZIP_STAT_COMP_SIZE) != 0 && stat.comp_size != 0 &&
      stat.comp_size <= UINT64_MAX / std::max<std::uint64_t>(limits_.max_compression_ratio, 1)) {
    ratio_cap = std::max(ratio_cap, stat.comp_size * limits_.max_compression_ratio);
  }
  const std::size_t entry_cap =
      static_cast<std::size_t>(std::min<std::uint64_t>(budget, ratio_cap));

  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_.get(), entry, 0),
                                                         &zip_fclose);
  if (file == nullptr) return UnreadableDocument("the package part " + part + " is unreadable");

  std::string out;
  if ((stat.valid & ZIP_STAT_SIZE) != 0) {
    out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(stat.size, entry_cap)));
  }
  for (;;) {
    const std::size_t used = out.size();
    // One byte past the cap tells "exactly at the cap" from "over it".
    const std::size_t want = std::min(kChunkBytes, entry_cap + 1 - used);
    out.resize(used + want);
    const zip_int64_t got = zip_fread(file.get(), out.data() + used, want);
    if (got < 0) return UnreadableDocument("the package part " + part + " is damaged");
    out.resize(used + static_cast<std::size_t>(got));
    if (out.size() > entry_cap) {
      return DocumentTooLarge("the package part " + part + " inflates past the allowed size");
    }
    if (got == 0) break;
  }
  total_inflated_ += out.size();
  return out;
}

}  // namespace jc::parsing
