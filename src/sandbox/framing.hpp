// Framing: length-prefixed messages between the service and its sandbox workers.
//
// A frame is an 8-byte little-endian length followed by that many bytes. A job frame carries the
// raw input; a reply frame carries a tag byte and either the payload or an encoded jc::Error.
// The functions own no state and take the fd by number (the caller keeps ownership); they
// survive partial reads/writes, EINTR and non-blocking fds, and never raise SIGPIPE on sockets.
// On sockets they try the call first and poll() only when it would block, so a frame that is
// already there costs no extra system call.
// Thread safety: free functions; concurrent use of one fd from two threads is the caller's bug.
#pragma once

#include <boost/system/result.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace jc::sandbox {

using Clock = std::chrono::steady_clock;
inline constexpr Clock::time_point kNoDeadline = Clock::time_point::max();

// Why moving a frame failed. Transport-level only: the pool turns these into API errors.
enum class FrameError : std::uint8_t {
  kEof,        // the peer closed before the first byte of a frame (a clean end)
  kTimeout,    // the deadline passed
  kTooLarge,   // the announced length exceeds the caller's maximum
  kIo,         // read/write failed (EPIPE, ECONNRESET...)
  kMalformed,  // truncated frame or undecodable reply
};

template <typename T>
using FrameResult = boost::system::result<T, FrameError>;
using FrameStatus = boost::system::result<void, FrameError>;

std::string_view FrameErrorName(FrameError error);
// Lets FrameResult<T>::value() throw when misused (a programmer error).
[[noreturn]] void throw_exception_from_error(const FrameError& error,
                                             const boost::source_location& loc);

// Writes one frame. Success: every byte was handed to the kernel before `deadline`.
FrameStatus WriteFrame(int fd, std::string_view payload, Clock::time_point deadline = kNoDeadline);

// Reads one frame of at most `max_bytes` payload bytes. Fails with kEof on a clean close,
// kTooLarge without reading the body, kTimeout when `deadline` passes first.
FrameResult<std::string> ReadFrame(int fd, std::size_t max_bytes,
                                   Clock::time_point deadline = kNoDeadline);

// A reply is what the job function returned: a payload or an Error (code, slug, message,
// details, retry_after_seconds), encoded so that DecodeReply(EncodeReply(r)) == r.
std::string EncodeReply(const Result<std::string>& reply);
// kMalformed when the bytes are not a reply (wrong tag, truncated, unknown ErrorCode).
FrameResult<Result<std::string>> DecodeReply(std::string_view frame);
// The same, reusing the frame's buffer for a payload.
FrameResult<Result<std::string>> DecodeReply(std::string&& frame);
// WriteFrame(fd, EncodeReply(reply)) without copying a payload into the frame.
FrameStatus WriteReply(int fd, const Result<std::string>& reply,
                       Clock::time_point deadline = kNoDeadline);

}  // namespace jc::sandbox
