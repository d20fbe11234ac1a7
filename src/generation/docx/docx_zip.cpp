#include "generation/docx/docx_zip.hpp"

#include <zip.h>

#include <memory>

namespace jc::generation::docx {
namespace {

// Parts under kStoreBelow bytes are stored: each deflated entry costs about 80 us of zlib set-up
// (measured: the sample CV takes 0.9 ms with every part deflated, 0.17 ms with only the parts
// of 4 KB and more, 0.06 ms with none) while the boilerplate parts save a few hundred bytes each.
// Larger parts deflate at level 1: the body XML shrinks about 7:1 already.
constexpr std::size_t kStoreBelow = 4096;
constexpr zip_uint32_t kDeflateLevel = 1;
// 1980-01-01 00:00 in MS-DOS format: the earliest representable time, as reproducible builds use.
constexpr zip_uint16_t kDosTime = 0;
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;

Error ZipFailure(std::string_view what, zip_error_t* error) {
  std::string message = "could not build the DOCX package: ";
  message += what;
  if (error != nullptr) {
    message += ": ";
    message += zip_error_strerror(error);
  }
  return Error::Make(ErrorCode::kInternal, std::move(message));
}

struct SourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

struct ArchiveDiscarder {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDiscarder>;

Status AddPart(zip_t* zip, const ZipPart& part) {
  zip_source_t* source = zip_source_buffer(zip, part.data.data(), part.data.size(), 0);
  if (source == nullptr) return ZipFailure(part.name, zip_get_error(zip));
  const zip_int64_t index = zip_file_add(zip, part.name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    return ZipFailure(part.name, zip_get_error(zip));
  }
  const auto entry = static_cast<zip_uint64_t>(index);
  const bool store = part.data.size() < kStoreBelow;
  if (zip_set_file_compression(zip, entry, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                               store ? 0 : kDeflateLevel) != 0 ||
      zip_file_set_dostime(zip, entry, kDosTime, kDosDate, 0) != 0) {
    return ZipFailure(part.name, zip_get_error(zip));
  }
  return {};
}

Result<std::string> ReadBack(zip_source_t* source) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(source, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    return ZipFailure("stat", zip_source_error(source));
  }
  if (zip_source_open(source) != 0) return ZipFailure("open", zip_source_error(source));
  std::string bytes(stat.size, '\0');
  const zip_int64_t read = zip_source_read(source, bytes.data(), stat.size);
  zip_source_close(source);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return ZipFailure("read", zip_source_error(source));
  }
  return bytes;
}

}  // namespace

Result<std::string> WriteZip(std::span<const ZipPart> parts) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) {
    Error failure = ZipFailure("buffer", &error);
    zip_error_fini(&error);
    return failure;
  }
  ArchivePtr zip(zip_open_from_source(buffer.get(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!zip) {
    Error failure = ZipFailure("open", &error);
    zip_error_fini(&error);
    return failure;
  }
  zip_error_fini(&error);
  // The archive takes a reference on success; keep ours to read the finished bytes back.
  zip_source_keep(buffer.get());

  for (const ZipPart& part : parts) JC_RETURN_IF_ERROR(AddPart(zip.get(), part));
  if (zip_close(zip.get()) != 0) return ZipFailure("close", zip_get_error(zip.get()));
  static_cast<void>(zip.release());  // closed: zip_close freed it
  return ReadBack(buffer.get());
}

}  // namespace jc::generation::docx
