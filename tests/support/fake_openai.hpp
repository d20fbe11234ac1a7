// FakeOpenAi: a loopback HTTP server that speaks the OpenAI wire protocol (POST
// /v1/chat/completions, JSON and text/event-stream; POST /v1/embeddings) for tests and
// benchmarks. It stands in for the hosted LLM, which cannot be reached here, and nothing else.
//
// Every request it receives is validated against OpenAI's published request schema
// (tests/fixtures/openai/openai-chat-embeddings.schema.json, draft-07, with valijson); a request
// that does not validate is answered 400 in OpenAI's error shape and recorded as invalid, so a
// test can assert InvalidRequests() == 0.
//
// Answers replay scenarios: a queue of Reply values consumed one per valid chat request (the
// last one repeats when the queue runs dry; embeddings and invalid requests consume none). Runs
// its own io_context on its own threads; every public member is thread-safe.
//
// Routes: POST .../chat/completions and POST .../embeddings under any prefix and with any query
// (so Azure's /openai/deployments/<d>/chat/completions?api-version=... works too); anything else
// is a 404 in OpenAI's error shape, recorded as invalid. A streamed answer is HTTP/1.1 chunked
// text/event-stream, one `data: {chunk}` event per HTTP chunk, ending with `data: [DONE]`.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jc::testing {

struct Reply {
  enum class Kind : std::uint8_t {
    kContent,     // 200 chat.completion (or a stream of chunks when the request streams)
    kHttpError,   // `status` with OpenAI's error body; Retry-After when retry_after_seconds
    kHang,        // accept the request and never answer (until the server stops)
    kDropStream,  // stream the first half of `content`, then close the connection (a request
                  // that does not stream gets half of its JSON body under the full length)
    kRawBody,     // 200 with `raw_body` verbatim as application/json (e.g. not JSON at all)
  };
  Kind kind = Kind::kContent;
  std::string content;                 // the assistant message (may be invalid JSON on purpose)
  std::string finish_reason = "stop";  // "length" for truncated output
  unsigned status = 200;               // kHttpError
  std::optional<int> retry_after_seconds;
  std::string raw_body;                // kRawBody
  std::chrono::milliseconds delay{0};  // wait this long before answering (any kind)
  int prompt_tokens = 11;
  int completion_tokens = 7;
};

struct RecordedRequest {
  std::string method;
  std::string target;  // e.g. "/v1/chat/completions?api-version=2024-06-01"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool valid = true;             // validated against the schema of its endpoint
  std::string validation_error;  // the first schema error when !valid
};

class FakeOpenAi {
 public:
  // Starts listening on 127.0.0.1 at `port` (0: a free one), serving on `threads` threads.
  // Throws std::runtime_error when it cannot listen or the schema file cannot be loaded.
  explicit FakeOpenAi(unsigned threads = 2, unsigned short port = 0);
  ~FakeOpenAi();  // stops, closing hung and open connections
  FakeOpenAi(const FakeOpenAi&) = delete;
  FakeOpenAi& operator=(const FakeOpenAi&) = delete;

  unsigned short Port() const;
  std::string BaseUrl() const;  // "http://127.0.0.1:<port>/v1"

  // Replaces the queue of replies for chat completions.
  void SetReplies(std::vector<Reply> replies);
  // The same reply for every request (the bench: a 2 s delay, valid content).
  void SetDefaultReply(Reply reply);
  // Embedding vectors are deterministic per input (a hash), `dimensions` floats each (default
  // 1536; a request's own `dimensions` wins), unit length, base64 when the request asks.
  void SetEmbeddingDimensions(int dimensions);
  // Keeps at most `max_requests` RecordedRequests (the first ones; default: no limit), so a
  // long benchmark does not grow without bound. The counts below still count every request.
  void SetRecordLimit(std::size_t max_requests);

  std::vector<RecordedRequest> Requests() const;
  std::size_t RequestCount() const;
  std::size_t InvalidRequests() const;
  // Waits until at least `count` requests were received (recorded before they are answered, so
  // a hung request counts). Returns false when `timeout` passed first.
  bool WaitForRequests(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jc::testing
