// bench/llm: N concurrent generation requests against a service whose LLM (the loopback
// fake_openai_server) answers after a delay, while a probe measures GET /health/live latency
// every 10 ms. Issue 6's bar: with a 2 s LLM, 500 concurrent requests all complete and the
// probe's p99 stays under 10 ms.
//
// Usage: llm_load --port PORT --body FILE [--requests 500] [--route /api/generate-cover-letter]
// Prints completed/failed requests, engines seen, wall time, and the probe's p50/p99/max.
// The probe runs on its own thread and io_context, so its figures are the service's latency,
// not the time this process takes to read 500 answers. Only 127.0.0.1 is used.
#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Stats {
  int ok = 0;
  int failed = 0;
  std::map<std::string, int> engines;
  std::vector<double> probe_ms;
  std::atomic<bool> done = false;
};

std::string Flag(int argc, char** argv, const std::string& name, std::string fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
}

// The value of "engine" in the meta of a JSON answer, without a full parse.
std::string EngineOf(const std::string& body) {
  const auto at = body.rfind("\"engine\":\"");
  if (at == std::string::npos) return "?";
  const auto start = at + 10;
  return body.substr(start, body.find('"', start) - start);
}

net::awaitable<void> Generate(tcp::endpoint ep, std::string route, const std::string& body,
                              Stats& stats) {
  beast::tcp_stream stream(co_await net::this_coro::executor);
  auto [ec] = co_await stream.async_connect(ep, net::as_tuple(net::use_awaitable));
  if (ec) {
    ++stats.failed;
    co_return;
  }
  http::request<http::string_body> req{http::verb::post, route, 11};
  req.set(http::field::host, "127.0.0.1");
  req.set(http::field::content_type, "application/json");
  req.body() = body;
  req.prepare_payload();
  stream.expires_after(std::chrono::seconds(120));
  auto [wec, wn] = co_await http::async_write(stream, req, net::as_tuple(net::use_awaitable));
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  auto [rec, rn] =
      co_await http::async_read(stream, buffer, res, net::as_tuple(net::use_awaitable));
  if (wec || rec || res.result_int() != 200) {
    ++stats.failed;
    co_return;
  }
  ++stats.ok;
  ++stats.engines[EngineOf(res.body())];
}

net::awaitable<void> Probe(tcp::endpoint ep, Stats& stats) {
  beast::tcp_stream stream(co_await net::this_coro::executor);
  co_await stream.async_connect(ep, net::use_awaitable);
  net::steady_timer timer(co_await net::this_coro::executor);
  while (!stats.done) {
    http::request<http::empty_body> req{http::verb::get, "/health/live", 11};
    req.set(http::field::host, "127.0.0.1");
    const auto start = Clock::now();
    co_await http::async_write(stream, req, net::use_awaitable);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    co_await http::async_read(stream, buffer, res, net::use_awaitable);
    stats.probe_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    timer.expires_after(std::chrono::milliseconds(10));
    co_await timer.async_wait(net::use_awaitable);
  }
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  const auto port = static_cast<unsigned short>(std::stoi(Flag(argc, argv, "--port", "0")));
  const int requests = std::stoi(Flag(argc, argv, "--requests", "500"));
  const std::string route = Flag(argc, argv, "--route", "/api/generate-cover-letter");
  std::ifstream in(Flag(argc, argv, "--body", ""));
  std::stringstream body;
  body << in.rdbuf();
  if (port == 0 || body.str().empty()) {
    std::cerr << "usage: llm_load --port PORT --body FILE [--requests N] [--route PATH]\n";
    return 2;
  }
  net::io_context ioc;
  const tcp::endpoint ep(net::ip::make_address("127.0.0.1"), port);
  Stats stats;
  const auto started = Clock::now();
  const std::string payload = body.str();
  int finished = 0;
  for (int i = 0; i < requests; ++i) {
    net::co_spawn(ioc, Generate(ep, route, payload, stats), [&](std::exception_ptr) {
      if (++finished == requests) stats.done = true;
    });
  }
  net::io_context probe_ioc;
  net::co_spawn(probe_ioc, Probe(ep, stats), net::detached);
  std::thread prober([&probe_ioc] { probe_ioc.run(); });
  ioc.run();
  prober.join();
  const double wall = std::chrono::duration<double>(Clock::now() - started).count();
  std::cout << "requests " << requests << ": ok " << stats.ok << ", failed " << stats.failed
            << ", wall " << wall << " s\n";
  for (const auto& [engine, n] : stats.engines)
    std::cout << "  engine " << engine << ": " << n << "\n";
  std::cout << "/health/live during the load: " << stats.probe_ms.size() << " probes, p50 "
            << Percentile(stats.probe_ms, 0.5) << " ms, p99 " << Percentile(stats.probe_ms, 0.99)
            << " ms, max " << Percentile(stats.probe_ms, 1.0) << " ms\n";
  return stats.failed == 0 ? 0 : 1;
}
