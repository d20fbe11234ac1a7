// fake_openai_server: FakeOpenAi as a process, for benchmarks and manual runs.
//
//   fake_openai_server [--port N] [--delay-ms N] [--content TEXT | --content-file F]
//                      [--threads N] [--embedding-dimensions N]
//
// Prints "listening on 127.0.0.1:<port>" once it accepts connections and serves until SIGTERM
// or SIGINT. Every chat completion gets the same answer (`--content` after `--delay-ms`); the
// requests are still validated against OpenAI's schema, and the count of invalid ones is
// printed on exit.
#include <signal.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "support/fake_openai.hpp"

namespace {

constexpr std::size_t kRecordLimit = 1000;  // keeps a long benchmark's memory flat

struct Args {
  unsigned short port = 0;
  int delay_ms = 0;
  std::string content = "Hello from FakeOpenAi.";
  unsigned threads = 2;
  int embedding_dimensions = 1536;
};

int Usage(const std::string& problem) {
  std::cerr << "fake_openai_server: " << problem << "\n"
            << "usage: fake_openai_server [--port N] [--delay-ms N] "
               "[--content TEXT | --content-file F] [--threads N] [--embedding-dimensions N]\n";
  return 2;
}

template <typename T>
bool ParseNumber(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Empty on success, else the problem.
std::string Parse(int argc, char** argv, Args& args) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") return "help";
    if (i + 1 >= argc) return "missing value after " + std::string(flag);
    const std::string_view value = argv[++i];
    bool ok = true;
    if (flag == "--port") {
      ok = ParseNumber(value, args.port);
    } else if (flag == "--delay-ms") {
      ok = ParseNumber(value, args.delay_ms) && args.delay_ms >= 0;
    } else if (flag == "--threads") {
      ok = ParseNumber(value, args.threads) && args.threads > 0;
    } else if (flag == "--embedding-dimensions") {
      ok = ParseNumber(value, args.embedding_dimensions) && args.embedding_dimensions > 0;
    } else if (flag == "--content") {
      args.content = value;
    } else if (flag == "--content-file") {
      std::ifstream in{std::string(value), std::ios::binary};
      if (!in) return "cannot read " + std::string(value);
      std::stringstream text;
      text << in.rdbuf();
      args.content = text.str();
    } else {
      return "unknown option " + std::string(flag);
    }
    if (!ok) return "bad value for " + std::string(flag) + ": " + std::string(value);
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (auto problem = Parse(argc, argv, args); !problem.empty()) return Usage(problem);
  // Blocked before the server's threads start, so they inherit the mask and sigwait gets them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    jc::testing::FakeOpenAi server(args.threads, args.port);
    jc::testing::Reply reply;
    reply.content = args.content;
    reply.delay = std::chrono::milliseconds(args.delay_ms);
    server.SetDefaultReply(reply);
    server.SetEmbeddingDimensions(args.embedding_dimensions);
    server.SetRecordLimit(kRecordLimit);
    std::cout << "listening on 127.0.0.1:" << server.Port() << std::endl;
    int signo = 0;
    sigwait(&signals, &signo);
    std::cerr << "fake_openai_server: " << server.RequestCount() << " requests, "
              << server.InvalidRequests() << " invalid\n";
  } catch (const std::exception& e) {
    std::cerr << "fake_openai_server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
