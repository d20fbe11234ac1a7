// Server-Sent Events framing (WHATWG HTML, "server-sent events"): the text a streaming handler
// writes with ResponseStream::Write, and the Accept check that decides whether a client wants
// a stream. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jc::http {

inline constexpr std::string_view kEventStreamType = "text/event-stream";

// One event: "event: <name>\n", then one "data: <line>\n" per line of `data` ("data:" for an
// empty line), then "\n". `data` is split on every line end the format knows (LF, CRLF, CR), so
// the client's EventSource gets `data` back with LF line ends; the output never holds a CR.
// An empty `name` leaves out the event line (the client sees a "message" event). CR and LF in
// `name` are dropped. Bytes are passed through as they are (UTF-8 stays UTF-8).
std::string SseEvent(std::string_view name, std::string_view data);

// A comment line clients ignore: keeps proxies from timing out an idle stream and lets the
// handler find out (by a failed write) that the client is gone.
std::string_view SsePing();

// True when `content_type` is text/event-stream (parameters and case ignored).
bool IsEventStream(std::string_view content_type);

// True when an Accept header value lists text/event-stream with a non-zero quality. "*/*" alone
// does not count: a client must ask for the stream explicitly.
bool AcceptsEventStream(std::string_view accept);

}  // namespace jc::http
