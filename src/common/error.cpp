#include "common/error.hpp"

#include <stdexcept>

namespace jc {

Error Error::Make(ErrorCode code, std::string message, std::string slug) {
  Error e;
  e.code = code;
  e.slug = slug.empty() ? std::string(DefaultSlug(code)) : std::move(slug);
  e.message = std::move(message);
  return e;
}

unsigned HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kHeadersTooLarge:
      return 431;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kValidation:
      return 422;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kNotImplemented:
      return 501;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kUpstreamTimeout:
      return 504;
  }
  return 500;  // unreachable for valid enumerators
}

std::string_view DefaultSlug(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return "bad_request";
    case ErrorCode::kUnauthenticated:
      return "not_authenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kHeadersTooLarge:
      return "headers_too_large";
    case ErrorCode::kUnsupportedMediaType:
      return "unsupported_media_type";
    case ErrorCode::kValidation:
      return "validation_error";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kInternal:
      return "internal_error";
    case ErrorCode::kNotImplemented:
      return "not_implemented";
    case ErrorCode::kUnavailable:
      return "service_unavailable";
    case ErrorCode::kUpstreamTimeout:
      return "upstream_timeout";
  }
  return "internal_error";
}

void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw std::logic_error("Result accessed without a value: " + e.message);
}

}  // namespace jc
