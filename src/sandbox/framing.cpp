#include "sandbox/framing.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <span>
#include <stdexcept>

namespace jc::sandbox {
namespace {

constexpr std::size_t kHeaderBytes = 8;
constexpr char kTagOk = 0;
constexpr char kTagError = 1;
constexpr auto kLastErrorCode = static_cast<std::uint32_t>(ErrorCode::kUpstreamTimeout);

// Milliseconds left for poll(): -1 waits forever, rounded up so we never spin at 0 early.
int PollTimeout(Clock::time_point deadline) {
  if (deadline == kNoDeadline) return -1;
  const auto left = deadline - Clock::now();
  if (left <= Clock::duration::zero()) return 0;
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
  return ms > 1'000'000 ? 1'000'000 : static_cast<int>(ms);
}

// Waits until fd is ready for `events`. POLLHUP/POLLERR count as ready: the next read/write
// reports what happened.
FrameStatus WaitReady(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd pfd{fd, events, 0};
    const int timeout = PollTimeout(deadline);
    const int n = poll(&pfd, 1, timeout);
    if (n > 0) return {};
    if (n == 0) {
      if (timeout == 0 || Clock::now() >= deadline) return FrameError::kTimeout;
      continue;
    }
    if (errno != EINTR) return FrameError::kIo;
  }
}

// Writes every byte of `parts` (gathered, so a frame usually leaves in one system call). Tries
// first and waits only when the kernel's buffer is full: sockets are written with MSG_DONTWAIT,
// whatever the fd's own mode; pipes fall back to poll() before each write().
FrameStatus WriteAll(int fd, std::span<iovec> parts, Clock::time_point deadline) {
  bool is_socket = true;
  while (!parts.empty()) {
    if (parts.front().iov_len == 0) {
      parts = parts.subspan(1);
      continue;
    }
    ssize_t n;
    if (is_socket) {
      msghdr msg{};
      msg.msg_iov = parts.data();
      msg.msg_iovlen = parts.size();
      n = sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && errno == ENOTSOCK) {
        is_socket = false;
        continue;
      }
    } else {
      JC_RETURN_IF_ERROR(WaitReady(fd, POLLOUT, deadline));
      n = writev(fd, parts.data(), static_cast<int>(parts.size()));
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        JC_RETURN_IF_ERROR(WaitReady(fd, POLLOUT, deadline));
        continue;
      }
      return FrameError::kIo;
    }
    auto done = static_cast<std::size_t>(n);
    while (done > 0) {
      const std::size_t step = std::min(done, parts.front().iov_len);
      parts.front().iov_base = static_cast<char*>(parts.front().iov_base) + step;
      parts.front().iov_len -= step;
      done -= step;
      if (parts.front().iov_len == 0) parts = parts.subspan(1);
    }
  }
  return {};
}

// Reads exactly `size` bytes. Returns the number read before a clean EOF (< size) or an error.
// Like WriteAll, it tries first (MSG_DONTWAIT on sockets) and polls only when nothing is there.
FrameResult<std::size_t> ReadAll(int fd, char* data, std::size_t size, Clock::time_point deadline) {
  std::size_t done = 0;
  bool is_socket = true;
  while (done < size) {
    ssize_t n;
    if (is_socket) {
      n = recv(fd, data + done, size - done, MSG_DONTWAIT);
      if (n < 0 && errno == ENOTSOCK) {
        is_socket = false;
        continue;
      }
    } else {
      JC_RETURN_IF_ERROR(WaitReady(fd, POLLIN, deadline));
      n = read(fd, data + done, size - done);
    }
    if (n == 0) return done;
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        JC_RETURN_IF_ERROR(WaitReady(fd, POLLIN, deadline));
        continue;
      }
      return FrameError::kIo;
    }
    done += static_cast<std::size_t>(n);
  }
  return done;
}

void PutU64(char* out, std::uint64_t v) {
  for (std::size_t i = 0; i < 8; ++i) out[i] = static_cast<char>((v >> (8 * i)) & 0xFFu);
}

iovec Part(const void* data, std::size_t size) {
  return {const_cast<void*>(data), size};  // iovec is shared by reads and writes: never written
}

void PutU32(std::string& out, std::uint32_t v) {
  for (std::size_t i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}

void PutString(std::string& out, std::string_view s) {
  PutU32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

std::uint64_t GetU64(const char* p) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    v |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  return v;
}

// Bounds-checked reader over a reply body; every Get fails once the input is exhausted.
class Cursor {
 public:
  explicit Cursor(std::string_view in) : in_(in) {}

  FrameResult<std::uint32_t> U32() {
    if (in_.size() < 4) return FrameError::kMalformed;
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      v |= std::uint32_t{static_cast<unsigned char>(in_[i])} << (8 * i);
    }
    in_.remove_prefix(4);
    return v;
  }

  FrameResult<std::string> String() {
    auto size = U32();
    if (!size) return size.error();
    if (in_.size() < *size) return FrameError::kMalformed;
    std::string s(in_.substr(0, *size));
    in_.remove_prefix(*size);
    return s;
  }

  bool Done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

FrameResult<Error> DecodeError(Cursor& in) {
  auto code = in.U32();
  if (!code) return code.error();
  if (*code > kLastErrorCode) return FrameError::kMalformed;
  Error e;
  e.code = static_cast<ErrorCode>(*code);
  auto slug = in.String();
  auto message = in.String();
  auto retry = in.U32();
  auto count = in.U32();
  if (!slug || !message || !retry || !count) return FrameError::kMalformed;
  e.slug = std::move(*slug);
  e.message = std::move(*message);
  e.retry_after_seconds = static_cast<int>(*retry);
  for (std::uint32_t i = 0; i < *count; ++i) {
    ErrorDetail d;
    auto locs = in.U32();
    if (!locs) return locs.error();
    for (std::uint32_t j = 0; j < *locs; ++j) {
      auto loc = in.String();
      if (!loc) return loc.error();
      d.loc.push_back(std::move(*loc));
    }
    auto msg = in.String();
    auto type = in.String();
    if (!msg || !type) return FrameError::kMalformed;
    d.msg = std::move(*msg);
    d.type = std::move(*type);
    e.details.push_back(std::move(d));
  }
  if (!in.Done()) return FrameError::kMalformed;
  return e;
}

}  // namespace

std::string_view FrameErrorName(FrameError error) {
  switch (error) {
    case FrameError::kEof:
      return "eof";
    case FrameError::kTimeout:
      return "timeout";
    case FrameError::kTooLarge:
      return "too_large";
    case FrameError::kIo:
      return "io";
    case FrameError::kMalformed:
      return "malformed";
  }
  return "unknown";
}

void throw_exception_from_error(const FrameError& error, const boost::source_location&) {
  throw std::runtime_error("sandbox frame error: " + std::string(FrameErrorName(error)));
}

FrameStatus WriteFrame(int fd, std::string_view payload, Clock::time_point deadline) {
  char header[kHeaderBytes];
  PutU64(header, payload.size());
  std::array<iovec, 2> parts{Part(header, sizeof header), Part(payload.data(), payload.size())};
  return WriteAll(fd, parts, deadline);
}

FrameStatus WriteReply(int fd, const Result<std::string>& reply, Clock::time_point deadline) {
  if (!reply) return WriteFrame(fd, EncodeReply(reply), deadline);
  // The payload goes out as it is, behind the header and the tag: no copy of a large reply.
  char header[kHeaderBytes + 1];
  PutU64(header, reply->size() + 1);
  header[kHeaderBytes] = kTagOk;
  std::array<iovec, 2> parts{Part(header, sizeof header), Part(reply->data(), reply->size())};
  return WriteAll(fd, parts, deadline);
}

FrameResult<std::string> ReadFrame(int fd, std::size_t max_bytes, Clock::time_point deadline) {
  char header[kHeaderBytes];
  auto got = ReadAll(fd, header, kHeaderBytes, deadline);
  if (!got) return got.error();
  if (*got == 0) return FrameError::kEof;
  if (*got < kHeaderBytes) return FrameError::kMalformed;
  const std::uint64_t size = GetU64(header);
  if (size > max_bytes) return FrameError::kTooLarge;
  std::string body(static_cast<std::size_t>(size), '\0');
  got = ReadAll(fd, body.data(), body.size(), deadline);
  if (!got) return got.error();
  if (*got < body.size()) return FrameError::kMalformed;
  return body;
}

std::string EncodeReply(const Result<std::string>& reply) {
  std::string out;
  if (reply) {
    out.reserve(1 + reply->size());
    out.push_back(kTagOk);
    out.append(*reply);
    return out;
  }
  const Error& e = reply.error();
  out.push_back(kTagError);
  PutU32(out, static_cast<std::uint32_t>(e.code));
  PutString(out, e.slug);
  PutString(out, e.message);
  PutU32(out, static_cast<std::uint32_t>(e.retry_after_seconds));
  PutU32(out, static_cast<std::uint32_t>(e.details.size()));
  for (const ErrorDetail& d : e.details) {
    PutU32(out, static_cast<std::uint32_t>(d.loc.size()));
    for (const std::string& loc : d.loc) PutString(out, loc);
    PutString(out, d.msg);
    PutString(out, d.type);
  }
  return out;
}

FrameResult<Result<std::string>> DecodeReply(std::string&& frame) {
  if (!frame.empty() && frame.front() == kTagOk) {
    frame.erase(0, 1);
    return Result<std::string>(std::move(frame));
  }
  return DecodeReply(std::string_view(frame));
}

FrameResult<Result<std::string>> DecodeReply(std::string_view frame) {
  if (frame.empty()) return FrameError::kMalformed;
  const char tag = frame.front();
  frame.remove_prefix(1);
  if (tag == kTagOk) return Result<std::string>(std::string(frame));
  if (tag != kTagError) return FrameError::kMalformed;
  Cursor in(frame);
  auto e = DecodeError(in);
  if (!e) return e.error();
  return Result<std::string>(std::move(*e));
}

}  // namespace jc::sandbox
