// Error and Result: expected failures as values.
//
// Every fallible operation returns Result<T>; the ErrorCode set is closed and mirrors the
// statuses of the API contract, so mapping a code to HTTP is a switch the compiler checks.
// Error values are plain data: cheap to move, safe to share between threads once built.
#pragma once

#include <boost/system/result.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jc {

enum class ErrorCode : std::uint8_t {
  kBadRequest,            // 400 malformed request (bad JSON, bad framing)
  kUnauthenticated,       // 401
  kForbidden,             // 403
  kNotFound,              // 404
  kMethodNotAllowed,      // 405
  kPayloadTooLarge,       // 413
  kHeadersTooLarge,       // 431 request headers past the configured limit
  kUnsupportedMediaType,  // 415
  kValidation,            // 422 well-formed but invalid, with field-level details
  kRateLimited,           // 429
  kInternal,              // 500 never leaks internals
  kNotImplemented,        // 501 routed and validated; the capability lands in a later issue
  kUnavailable,           // 503 a dependency is down
  kUpstreamTimeout,       // 504 the LLM did not answer in time
};

// One field-level problem, in the shape Pydantic uses: where, what, which kind.
struct ErrorDetail {
  std::vector<std::string> loc;  // e.g. {"body", "jobData", "description"}
  std::string msg;               // a sentence a person understands
  std::string type;              // a stable machine-readable kind, e.g. "missing"
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string slug;     // the contract's error.code, e.g. "validation_error"
  std::string message;  // safe to show to the caller
  std::vector<ErrorDetail> details;
  int retry_after_seconds = 0;  // for kRateLimited / kUnavailable; 0 = no header

  static Error Make(ErrorCode code, std::string message, std::string slug = {});
};

// HTTP status for a code. Exhaustive switch: adding a code without a status fails the build.
unsigned HttpStatus(ErrorCode code);
// The default contract slug for a code ("validation_error", "not_found"...).
std::string_view DefaultSlug(ErrorCode code);

template <typename T>
using Result = boost::system::result<T, Error>;
using Status = boost::system::result<void, Error>;

// Lets boost::system::result<T, Error>::value() throw when misused (a programmer error).
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

}  // namespace jc

// Propagate an error from an expression returning Result<T> / Status.
#define JC_RETURN_IF_ERROR(expr)                           \
  do {                                                     \
    auto jc_status_ = (expr);                              \
    if (!jc_status_) return std::move(jc_status_).error(); \
  } while (false)

// The same inside a coroutine.
#define JC_CO_RETURN_IF_ERROR(expr)                           \
  do {                                                        \
    auto jc_status_ = (expr);                                 \
    if (!jc_status_) co_return std::move(jc_status_).error(); \
  } while (false)
