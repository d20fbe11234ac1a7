#include "support/fake_openai.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "support/fake_openai_bodies.hpp"
#include "support/openai_schema_validator.hpp"

namespace jc::testing {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = net::ip::tcp;

namespace {

constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);
constexpr std::uint64_t kMaxBodyBytes = 64ULL << 20U;  // prompts carry whole documents

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

enum class Route : std::uint8_t { kChat, kEmbeddings, kNone };

Route RouteOf(const Request& req) {
  if (req.method() != http::verb::post) return Route::kNone;
  std::string_view path = req.target();
  path = path.substr(0, path.find('?'));
  if (path.ends_with("/chat/completions")) return Route::kChat;
  if (path.ends_with("/embeddings")) return Route::kEmbeddings;
  return Route::kNone;
}

Response JsonResponse(const Request& req, http::status status, std::string body) {
  Response res{status, req.version()};
  res.set(http::field::content_type, "application/json");
  res.set("x-request-id", "req_fake_openai");
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

RecordedRequest Record(const Request& req) {
  RecordedRequest rec;
  rec.method = std::string(req.method_string());
  rec.target = std::string(req.target());
  for (const auto& field : req) {
    rec.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  rec.body = req.body();
  return rec;
}

bool StreamRequested(const json::object& body, bool& include_usage) {
  const auto* stream = body.if_contains("stream");
  if (!stream || !stream->is_bool() || !stream->get_bool()) return false;
  const auto* options = body.if_contains("stream_options");
  if (options && options->is_object()) {
    const auto* usage = options->get_object().if_contains("include_usage");
    include_usage = usage && usage->is_bool() && usage->get_bool();
  }
  return true;
}

void Close(tcp::socket& socket) {
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

}  // namespace

struct FakeOpenAi::Impl {
  Impl(unsigned thread_count, unsigned short port);
  ~Impl();

  // Records `rec`; for a valid chat request also takes the next reply under the same lock, so
  // replies go out in the order the requests were recorded.
  std::optional<Reply> Remember(RecordedRequest rec, bool takes_reply);
  std::string NextId();

  net::awaitable<void> AcceptLoop();
  net::awaitable<void> Session(tcp::socket socket);
  // Answers one request; false when the connection must not be reused.
  net::awaitable<bool> Answer(tcp::socket& socket, Request& req);
  net::awaitable<bool> AnswerChat(tcp::socket& socket, Request& req, const json::object& body,
                                  const Reply& reply);
  net::awaitable<bool> Stream(tcp::socket& socket, Request& req, const openai_wire::StreamEvents& s,
                              std::size_t count);

  // Declared before the io_context, so coroutine frames that the io_context destroys last
  // never outlive what they point to.
  OpenAiSchemaValidator validator;
  mutable std::mutex mu;
  mutable std::condition_variable received;
  std::deque<Reply> replies;  // never empty: the front is next, the last one repeats
  int embedding_dimensions = 1536;
  std::size_t record_limit = std::numeric_limits<std::size_t>::max();
  std::vector<RecordedRequest> requests;
  std::size_t request_count = 0;
  std::size_t invalid_count = 0;
  std::uint64_t next_id = 0;

  net::io_context ioc;
  tcp::acceptor acceptor;
  unsigned short bound_port = 0;
  std::vector<std::thread> threads;
};

FakeOpenAi::Impl::Impl(unsigned thread_count, unsigned short port)
    : ioc(static_cast<int>(std::max(1U, thread_count))), acceptor(ioc) {
  Reply hello;
  hello.content = "Hello from FakeOpenAi.";
  replies.push_back(std::move(hello));
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
  beast::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("FakeOpenAi cannot listen: " + ec.message());
  bound_port = acceptor.local_endpoint().port();
  net::co_spawn(ioc, AcceptLoop(), net::detached);
  for (unsigned i = 0; i < std::max(1U, thread_count); ++i)
    threads.emplace_back([this] { ioc.run(); });
}

FakeOpenAi::Impl::~Impl() {
  // Stopping abandons every connection where it stands (hung ones included); destroying the
  // io_context then destroys their coroutine frames, which closes the sockets.
  ioc.stop();
  for (auto& t : threads) t.join();
}

std::optional<Reply> FakeOpenAi::Impl::Remember(RecordedRequest rec, bool takes_reply) {
  std::optional<Reply> reply;
  {
    std::lock_guard lock(mu);
    ++request_count;
    if (!rec.valid) ++invalid_count;
    if (requests.size() < record_limit) requests.push_back(std::move(rec));
    if (takes_reply) {
      reply = replies.front();
      if (replies.size() > 1) replies.pop_front();
    }
  }
  received.notify_all();
  return reply;
}

std::string FakeOpenAi::Impl::NextId() {
  std::lock_guard lock(mu);
  return "chatcmpl-fake" + std::to_string(++next_id);
}

net::awaitable<void> FakeOpenAi::Impl::AcceptLoop() {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(kUseTuple);
    if (ec == net::error::operation_aborted) co_return;
    if (ec) {
      // Out of descriptors and similar: back off instead of spinning.
      net::steady_timer pause(ioc, std::chrono::milliseconds(20));
      co_await pause.async_wait(kUseTuple);
      continue;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    net::co_spawn(ioc, Session(std::move(socket)), net::detached);
  }
}

net::awaitable<void> FakeOpenAi::Impl::Session(tcp::socket socket) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(kMaxBodyBytes);
    auto [ec, n] = co_await http::async_read_header(socket, buffer, parser, kUseTuple);
    if (ec) break;
    // libcurl waits a second for this before sending a body over 1 KiB.
    if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      std::tie(ec, n) = co_await net::async_write(socket, net::buffer(kContinue), kUseTuple);
      if (ec) break;
    }
    std::tie(ec, n) = co_await http::async_read(socket, buffer, parser, kUseTuple);
    if (ec) break;
    Request req = parser.release();
    if (!co_await Answer(socket, req)) break;
  }
  Close(socket);
}

net::awaitable<bool> FakeOpenAi::Impl::Answer(tcp::socket& socket, Request& req) {
  RecordedRequest rec = Record(req);
  const Route route = RouteOf(req);
  std::optional<Response> res;
  json::value body;
  if (route == Route::kNone) {
    rec.valid = false;
    rec.validation_error = "no such endpoint: " + rec.method + " " + rec.target;
    res = JsonResponse(
        req, http::status::not_found,
        openai_wire::ErrorBody("Unknown request URL: " + rec.method + " " + rec.target + ".",
                               "invalid_request_error", std::nullopt, "unknown_url"));
  } else {
    beast::error_code ec;
    body = json::parse(req.body(), ec);
    if (ec || !body.is_object()) {
      rec.valid = false;
      rec.validation_error =
          ec ? "the body is not JSON: " + ec.message() : "the body is not an object";
    } else if (auto error = validator.Validate(route == Route::kChat
                                                   ? OpenAiSchemaValidator::kChatRequest
                                                   : OpenAiSchemaValidator::kEmbeddingRequest,
                                               body)) {
      rec.valid = false;
      rec.validation_error = *error;
    }
    if (!rec.valid) {
      res =
          JsonResponse(req, http::status::bad_request,
                       openai_wire::ErrorBody("Invalid request: " + rec.validation_error,
                                              "invalid_request_error", std::nullopt, std::nullopt));
    }
  }
  const auto reply = Remember(std::move(rec), !res && route == Route::kChat);
  if (reply) co_return co_await AnswerChat(socket, req, body.get_object(), *reply);
  if (!res) {
    int dimensions = 0;
    {
      std::lock_guard lock(mu);
      dimensions = embedding_dimensions;
    }
    res = JsonResponse(req, http::status::ok,
                       openai_wire::EmbeddingsBody(body.get_object(), dimensions));
  }
  auto [ec, n] = co_await http::async_write(socket, *res, kUseTuple);
  co_return !ec && res->keep_alive();
}

net::awaitable<bool> FakeOpenAi::Impl::AnswerChat(tcp::socket& socket, Request& req,
                                                  const json::object& body, const Reply& reply) {
  net::steady_timer timer(socket.get_executor());
  if (reply.delay.count() > 0) {
    timer.expires_after(reply.delay);
    co_await timer.async_wait(kUseTuple);
  }
  if (reply.kind == Reply::Kind::kHang) {
    // Released only when the server stops (the io_context destroys this frame).
    timer.expires_at(net::steady_timer::time_point::max());
    co_await timer.async_wait(kUseTuple);
    co_return false;
  }
  if (reply.kind == Reply::Kind::kHttpError) {
    Response res = JsonResponse(req, static_cast<http::status>(reply.status),
                                openai_wire::HttpErrorBody(reply.status));
    if (reply.retry_after_seconds) {
      res.set(http::field::retry_after, std::to_string(*reply.retry_after_seconds));
    }
    auto [ec, n] = co_await http::async_write(socket, res, kUseTuple);
    co_return !ec && res.keep_alive();
  }
  if (reply.kind == Reply::Kind::kRawBody) {
    Response res = JsonResponse(req, http::status::ok, reply.raw_body);
    auto [ec, n] = co_await http::async_write(socket, res, kUseTuple);
    co_return !ec && res.keep_alive();
  }
  const auto* model = body.if_contains("model");
  const openai_wire::Completion completion{
      NextId(), model && model->is_string() ? std::string(model->get_string()) : "",
      static_cast<std::int64_t>(std::time(nullptr))};
  const bool drop = reply.kind == Reply::Kind::kDropStream;
  bool include_usage = false;
  if (StreamRequested(body, include_usage)) {
    const auto events = openai_wire::ChatStreamEvents(reply, completion, include_usage);
    co_return co_await Stream(socket, req, events, drop ? events.half : events.events.size());
  }
  Response res =
      JsonResponse(req, http::status::ok, openai_wire::ChatCompletionBody(reply, completion));
  if (!drop) {
    auto [ec, n] = co_await http::async_write(socket, res, kUseTuple);
    co_return !ec && res.keep_alive();
  }
  // Announce the whole body, send half of it, hang up.
  http::response_serializer<http::string_body> head(res);
  co_await http::async_write_header(socket, head, kUseTuple);
  const std::string& text = res.body();
  co_await net::async_write(socket, net::buffer(text.data(), text.size() / 2), kUseTuple);
  Close(socket);
  co_return false;
}

net::awaitable<bool> FakeOpenAi::Impl::Stream(tcp::socket& socket, Request& req,
                                              const openai_wire::StreamEvents& s,
                                              std::size_t count) {
  http::response<http::empty_body> res{http::status::ok, req.version()};
  res.set(http::field::content_type, "text/event-stream; charset=utf-8");
  res.set(http::field::cache_control, "no-cache");
  res.set("x-request-id", "req_fake_openai");
  res.keep_alive(req.keep_alive());
  res.chunked(true);
  http::response_serializer<http::empty_body> head(res);
  auto [ec, n] = co_await http::async_write_header(socket, head, kUseTuple);
  for (std::size_t i = 0; i < count && !ec; ++i) {
    std::tie(ec, n) =
        co_await net::async_write(socket, http::make_chunk(net::buffer(s.events[i])), kUseTuple);
  }
  if (ec) co_return false;
  if (count < s.events.size()) {
    Close(socket);
    co_return false;
  }
  std::tie(ec, n) = co_await net::async_write(socket, http::make_chunk_last(), kUseTuple);
  co_return !ec && res.keep_alive();
}

FakeOpenAi::FakeOpenAi(unsigned threads, unsigned short port)
    : impl_(std::make_unique<Impl>(threads, port)) {}

FakeOpenAi::~FakeOpenAi() = default;

unsigned short FakeOpenAi::Port() const {
  return impl_->bound_port;
}

std::string FakeOpenAi::BaseUrl() const {
  return "http://127.0.0.1:" + std::to_string(impl_->bound_port) + "/v1";
}

void FakeOpenAi::SetReplies(std::vector<Reply> replies) {
  if (replies.empty()) throw std::invalid_argument("SetReplies needs at least one Reply");
  std::lock_guard lock(impl_->mu);
  impl_->replies.assign(std::make_move_iterator(replies.begin()),
                        std::make_move_iterator(replies.end()));
}

void FakeOpenAi::SetDefaultReply(Reply reply) {
  std::lock_guard lock(impl_->mu);
  impl_->replies.clear();
  impl_->replies.push_back(std::move(reply));
}

void FakeOpenAi::SetEmbeddingDimensions(int dimensions) {
  if (dimensions < 1) throw std::invalid_argument("embedding dimensions must be positive");
  std::lock_guard lock(impl_->mu);
  impl_->embedding_dimensions = dimensions;
}

void FakeOpenAi::SetRecordLimit(std::size_t max_requests) {
  std::lock_guard lock(impl_->mu);
  impl_->record_limit = max_requests;
}

std::vector<RecordedRequest> FakeOpenAi::Requests() const {
  std::lock_guard lock(impl_->mu);
  return impl_->requests;
}

std::size_t FakeOpenAi::RequestCount() const {
  std::lock_guard lock(impl_->mu);
  return impl_->request_count;
}

std::size_t FakeOpenAi::InvalidRequests() const {
  std::lock_guard lock(impl_->mu);
  return impl_->invalid_count;
}

bool FakeOpenAi::WaitForRequests(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(impl_->mu);
  return impl_->received.wait_for(lock, timeout, [&] { return impl_->request_count >= count; });
}

}  // namespace jc::testing
