// OpenAiClient::Call: the state of one call shared by the client's admission code
// (openai_client.cpp) and its attempt loop (openai_attempts.cpp). Internal to the llm module.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "llm/openai_client.hpp"
#include "llm/stream_collector.hpp"

namespace jc::llm {

struct OpenAiClient::Call {
  const char* op = "";
  std::string_view model;
  const std::string* path = nullptr;
  std::string body;
  bool stream = false;
  const std::function<void(std::string_view)>* on_delta = nullptr;  // stream only
  // Decodes a 2xx answer (for a stream: finishes `collector`); an error is an attempt failure.
  std::function<Status(HttpResponse&)> accept;
  StreamCollector* collector = nullptr;  // the current attempt's, for streams

  std::chrono::steady_clock::time_point deadline, started, finished;
  int attempts = 0;
  unsigned last_status = 0;
  Usage usage;
};

// Whole seconds for a Retry-After / retry_after_seconds, at least 1.
inline int CeilSeconds(Millis ms) {
  return std::max(1, static_cast<int>((ms.count() + 999) / 1000));
}

}  // namespace jc::llm
