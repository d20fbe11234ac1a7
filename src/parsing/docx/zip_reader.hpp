// ZipReader: read-only access to the parts of a ZIP package (DOCX, ODT) held in memory, with
// hard bounds on what inflating it may cost, whatever the archive claims about itself.
//
// The reader borrows `bytes`: the buffer passed to Open must outlive the reader. It owns the
// libzip handle. Not thread-safe (libzip handles are not); use one reader per thread.
#pragma once

#include <zip.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// The two failures every package extractor reports, with the contract's slugs.
Error UnreadableDocument(std::string message);  // kValidation "unreadable_document"
Error DocumentTooLarge(std::string message);    // kPayloadTooLarge "document_too_large"

class ZipReader {
 public:
  // Opens the archive. Fails with unreadable_document when `bytes` is not a readable ZIP, and
  // with document_too_large when it holds more than limits.max_zip_entries entries.
  static Result<ZipReader> Open(std::string_view bytes, const ExtractLimits& limits);

  ZipReader(ZipReader&&) noexcept = default;
  ZipReader& operator=(ZipReader&&) noexcept = default;

  bool Contains(std::string_view name) const;

  // Inflates one entry. Fails with unreadable_document when the entry is missing (the message
  // names it), encrypted or damaged; with document_too_large when inflating it passes the
  // per-entry ratio bound or the total uncompressed budget shared by all reads.
  Result<std::string> Read(std::string_view name);

 private:
  struct ZipCloser {
    void operator()(zip_t* zip) const { zip_discard(zip); }
  };

  ZipReader(zip_t* zip, const ExtractLimits& limits) : zip_(zip), limits_(limits) {}

  std::unique_ptr<zip_t, ZipCloser> zip_;
  ExtractLimits limits_;
  std::size_t total_inflated_ = 0;
};

}  // namespace jc::parsing
