#include "sandbox/framing.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <new>
#include <stdexcept>
#include <string>
#include <thread>

#include "sandbox/worker_loop.hpp"

namespace jc::sandbox {
namespace {

using std::chrono::milliseconds;

// Owns both ends of a pipe (or a socketpair) for one test.
struct FdPair {
  int read_fd = -1;
  int write_fd = -1;
  static FdPair Pipe() {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    return {fds[0], fds[1]};
  }
  static FdPair Socket() {
    int fds[2];
    EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    return {fds[0], fds[1]};
  }
  void CloseWrite() {
    if (write_fd >= 0) close(write_fd);
    write_fd = -1;
  }
  void CloseRead() {
    if (read_fd >= 0) close(read_fd);
    read_fd = -1;
  }
  ~FdPair() {
    CloseRead();
    CloseWrite();
  }
};

std::string Header(std::uint64_t size) {
  std::string h;
  for (int i = 0; i < 8; ++i) h.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
  return h;
}

TEST(FramingTest, RoundTripsPayloads) {
  FdPair p = FdPair::Pipe();
  const std::string binary("a\0b\xff", 4);
  for (const std::string& payload : {std::string(), std::string("hello"), binary}) {
    ASSERT_TRUE(WriteFrame(p.write_fd, payload));
    auto got = ReadFrame(p.read_fd, 1024);
    ASSERT_TRUE(got);
    EXPECT_EQ(*got, payload);
  }
}

TEST(FramingTest, SurvivesPartialWritesAndReads) {
  FdPair p = FdPair::Pipe();  // 64 KiB of pipe buffer forces many partial writes
  std::string payload(std::size_t{3} << 20, '\0');
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<char>(i * 7);
  std::thread writer([&] { EXPECT_TRUE(WriteFrame(p.write_fd, payload)); });
  auto got = ReadFrame(p.read_fd, payload.size());
  writer.join();
  ASSERT_TRUE(got);
  EXPECT_TRUE(*got == payload);
}

TEST(FramingTest, ReadsAFrameWrittenOneByteAtATime) {
  FdPair p = FdPair::Pipe();
  const std::string bytes = Header(11) + "hello world";
  std::thread writer([&] {
    for (char c : bytes) {
      EXPECT_EQ(write(p.write_fd, &c, 1), 1);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  auto got = ReadFrame(p.read_fd, 64, Clock::now() + std::chrono::seconds(10));
  writer.join();
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, "hello world");
}

TEST(FramingTest, RefusesFramesOverTheMaximum) {
  FdPair p = FdPair::Pipe();
  ASSERT_TRUE(WriteFrame(p.write_fd, std::string(100, 'x')));
  auto got = ReadFrame(p.read_fd, 99);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error(), FrameError::kTooLarge);
}

TEST(FramingTest, ReadTimesOutAtTheDeadline) {
  FdPair p = FdPair::Pipe();
  auto got = ReadFrame(p.read_fd, 64, Clock::now() + milliseconds(50));
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error(), FrameError::kTimeout);
}

TEST(FramingTest, ReadTimesOutOnAStalledFrame) {
  FdPair p = FdPair::Pipe();
  const std::string partial = Header(10) + "abc";
  ASSERT_EQ(write(p.write_fd, partial.data(), partial.size()),
            static_cast<ssize_t>(partial.size()));
  auto got = ReadFrame(p.read_fd, 64, Clock::now() + milliseconds(50));
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error(), FrameError::kTimeout);
}

TEST(FramingTest, CleanCloseIsEofAndTruncationIsMalformed) {
  FdPair clean = FdPair::Pipe();
  clean.CloseWrite();
  auto eof = ReadFrame(clean.read_fd, 64);
  ASSERT_FALSE(eof);
  EXPECT_EQ(eof.error(), FrameError::kEof);

  FdPair cut = FdPair::Pipe();
  const std::string partial = Header(10) + "abc";
  ASSERT_EQ(write(cut.write_fd, partial.data(), partial.size()),
            static_cast<ssize_t>(partial.size()));
  cut.CloseWrite();
  auto truncated = ReadFrame(cut.read_fd, 64);
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error(), FrameError::kMalformed);
}

TEST(FramingTest, WriteToAClosedSocketFailsWithoutSigpipe) {
  FdPair s = FdPair::Socket();
  s.CloseRead();
  auto sent = WriteFrame(s.write_fd, "anyone there?");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error(), FrameError::kIo);
}

TEST(FramingTest, RepliesRoundTripPayloadsAndErrors) {
  auto ok = DecodeReply(EncodeReply(Result<std::string>(std::string("text\0", 5))));
  ASSERT_TRUE(ok);
  ASSERT_TRUE(*ok);
  EXPECT_EQ(**ok, std::string("text\0", 5));

  Error e = Error::Make(ErrorCode::kRateLimited, "slow down", "too_fast");
  e.retry_after_seconds = 7;
  e.details.push_back({{"body", "file"}, "is empty", "empty"});
  e.details.push_back({{}, "", ""});
  auto bad = DecodeReply(EncodeReply(Result<std::string>(e)));
  ASSERT_TRUE(bad);
  ASSERT_FALSE(*bad);
  const Error& got = bad->error();
  EXPECT_EQ(got.code, ErrorCode::kRateLimited);
  EXPECT_EQ(got.slug, "too_fast");
  EXPECT_EQ(got.message, "slow down");
  EXPECT_EQ(got.retry_after_seconds, 7);
  ASSERT_EQ(got.details.size(), 2u);
  EXPECT_EQ(got.details[0].loc, (std::vector<std::string>{"body", "file"}));
  EXPECT_EQ(got.details[0].msg, "is empty");
  EXPECT_EQ(got.details[0].type, "empty");
  EXPECT_TRUE(got.details[1].loc.empty());
}

TEST(FramingTest, RejectsMalformedReplies) {
  const std::string valid =
      EncodeReply(Result<std::string>(Error::Make(ErrorCode::kNotFound, "x")));
  std::string unknown_code = valid;
  unknown_code[1] = static_cast<char>(200);
  for (const std::string& bytes : {std::string(), std::string("\x07", 1), unknown_code,
                                   valid.substr(0, valid.size() - 1), valid + "trailing"}) {
    auto got = DecodeReply(bytes);
    ASSERT_FALSE(got) << "size " << bytes.size();
    EXPECT_EQ(got.error(), FrameError::kMalformed);
  }
}

TEST(WorkerLoopTest, AnswersEachJobAndMapsExceptions) {
  FdPair jobs = FdPair::Pipe();
  FdPair replies = FdPair::Pipe();
  int exit_code = -1;
  std::thread worker([&] {
    exit_code = RunWorkerLoop(
        [](std::string_view input) -> Result<std::string> {
          if (input == "oom") throw std::bad_alloc();
          if (input == "throw") throw std::runtime_error("leaks the input");
          return std::string(input) + "!";
        },
        jobs.read_fd, replies.write_fd);
  });
  auto ask = [&](std::string_view job) {
    EXPECT_TRUE(WriteFrame(jobs.write_fd, job));
    auto frame = ReadFrame(replies.read_fd, 1024, Clock::now() + std::chrono::seconds(10));
    EXPECT_TRUE(frame);
    auto reply = DecodeReply(frame ? *frame : std::string());
    EXPECT_TRUE(reply);
    return reply ? *reply : Result<std::string>(Error::Make(ErrorCode::kBadRequest, "no reply"));
  };
  auto echoed = ask("hi");
  ASSERT_TRUE(echoed);
  EXPECT_EQ(*echoed, "hi!");
  auto oom = ask("oom");
  ASSERT_FALSE(oom);
  EXPECT_EQ(oom.error().code, ErrorCode::kValidation);
  EXPECT_EQ(oom.error().slug, "parse_resource_limit");
  auto thrown = ask("throw");
  ASSERT_FALSE(thrown);
  EXPECT_EQ(thrown.error().code, ErrorCode::kInternal);
  EXPECT_EQ(thrown.error().message.find("input"), std::string::npos);
  jobs.CloseWrite();
  worker.join();
  EXPECT_EQ(exit_code, 0);
}

TEST(WorkerLoopTest, ReturnsNonZeroOnATruncatedJob) {
  FdPair jobs = FdPair::Pipe();
  FdPair replies = FdPair::Pipe();
  const std::string partial = Header(10) + "abc";
  ASSERT_EQ(write(jobs.write_fd, partial.data(), partial.size()),
            static_cast<ssize_t>(partial.size()));
  jobs.CloseWrite();
  EXPECT_EQ(RunWorkerLoop([](std::string_view) { return Result<std::string>(std::string()); },
                          jobs.read_fd, replies.write_fd),
            1);
}

}  // namespace
}  // namespace jc::sandbox
