#include "http/multipart.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <functional>
#include <optional>
#include <utility>

namespace jc::http {
namespace {

constexpr std::size_t kMaxBoundaryLength = 70;                  // RFC 2046 section 5.1.1
constexpr std::size_t kMaxHeaderBlock = std::size_t{8} * 1024;  // per part, blank line included
constexpr std::string_view kOws = " \t";

using Searcher = std::boyer_moore_horspool_searcher<std::string_view::const_iterator>;

Error Malformed(std::string message) {
  return Error::Make(ErrorCode::kBadRequest, std::move(message), "malformed_multipart");
}

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool IEquals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, {}, AsciiLower, AsciiLower);
}

std::string_view Trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(kOws);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kOws) - first + 1);
}

bool In(std::string_view set, char c) {
  return set.find(c) != std::string_view::npos;
}
bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (AsciiLower(c) >= 'a' && AsciiLower(c) <= 'z');
}
bool IsTchar(char c) {
  return IsAlnum(c) || In("!#$%&'*+-.^_`|~", c);
}
bool IsCtl(char c) {
  return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f;
}

// Empty when `b` is a valid RFC 2046 boundary, otherwise why it is not.
std::string_view BoundaryProblem(std::string_view b) {
  if (b.empty()) return "multipart boundary is empty";
  if (b.size() > kMaxBoundaryLength) return "multipart boundary is longer than 70 characters";
  const auto bchar = [](char c) { return IsAlnum(c) || In("'()+_,-./:=? ", c); };
  if (!std::ranges::all_of(b, bchar) || b.back() == ' ') {
    return "multipart boundary contains characters RFC 2046 does not allow";
  }
  return {};
}

struct Param {
  std::string name;  // lower-cased: parameter names are case-insensitive
  std::string value;
};

// Parses `*( OWS ";" OWS name OWS "=" OWS ( token | quoted-string ) ) OWS`. Unquoted values are
// accepted leniently (anything but separators and controls); callers validate what they keep.
std::optional<std::vector<Param>> ParseParams(std::string_view s) {
  std::vector<Param> params;
  std::size_t i = 0;
  const auto skip_ows = [&] { i = std::min(s.find_first_not_of(kOws, i), s.size()); };
  for (;;) {
    skip_ows();
    if (i == s.size()) return params;
    if (s[i++] != ';') return std::nullopt;
    skip_ows();
    if (i == s.size() || s[i] == ';') continue;  // tolerate empty parameters, as browsers do
    Param p;
    while (i < s.size() && IsTchar(s[i])) p.name += AsciiLower(s[i++]);
    skip_ows();
    if (p.name.empty() || i == s.size() || s[i++] != '=') return std::nullopt;
    skip_ows();
    if (i < s.size() && s[i] == '"') {
      for (++i;; ++i) {
        if (i == s.size()) return std::nullopt;
        if (s[i] == '"') break;
        if (s[i] == '\\' && ++i == s.size()) return std::nullopt;
        p.value += s[i];
      }
      ++i;
    } else {
      const std::size_t end = std::min(s.find_first_of("; \t\"", i), s.size());
      p.value = s.substr(i, end - i);
      if (p.value.empty() || std::ranges::any_of(p.value, IsCtl)) return std::nullopt;
      i = end;
    }
    params.push_back(std::move(p));
  }
}

// Decodes an RFC 5987 ext-value (charset'language'pct-encoded) to UTF-8. Returns "" for a charset
// other than the two RFC 5987 mandates, so the caller falls back to the plain parameter.
std::optional<std::string> DecodeExtValue(std::string_view s) {
  const std::size_t q1 = s.find('\'');
  const std::size_t q2 = q1 == std::string_view::npos ? q1 : s.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  const bool latin1 = IEquals(s.substr(0, q1), "iso-8859-1");
  if (!latin1 && !IEquals(s.substr(0, q1), "utf-8")) return std::string();
  std::string out;
  for (std::size_t i = q2 + 1; i < s.size(); ++i) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (s[i] == '%') {
      const char* hex = s.data() + i + 1;
      if (s.size() - i < 3 || std::from_chars(hex, hex + 2, byte, 16).ptr != hex + 2) {
        return std::nullopt;
      }
      i += 2;
    }
    if (latin1 && byte >= 0x80) {
      out += static_cast<char>(0xC0 | (byte >> 6));
      byte = static_cast<unsigned char>(0x80 | (byte & 0x3F));
    }
    out += static_cast<char>(byte);
  }
  return out;
}

// Stores `value` in `out` unless the parameter was already seen: a duplicate is ambiguous, and
// two parsers disagreeing on which copy wins is how validation gets bypassed.
bool TakeOnce(bool& seen, std::string& out, std::string& value) {
  if (seen) return false;
  seen = true;
  out = std::move(value);
  return true;
}

Status ParseDisposition(std::string_view value, MultipartPart& part) {
  const std::size_t semi = std::min(value.find(';'), value.size());
  if (!IEquals(Trim(value.substr(0, semi)), "form-data")) {
    return Malformed("part Content-Disposition is not form-data");
  }
  auto params = ParseParams(value.substr(semi));
  if (!params) return Malformed("malformed part Content-Disposition parameters");
  bool has_name = false, has_filename = false, has_ext = false;
  std::string ext;
  for (Param& p : *params) {
    bool ok = true;
    if (p.name == "name") ok = TakeOnce(has_name, part.name, p.value);
    if (p.name == "filename") ok = TakeOnce(has_filename, part.filename, p.value);
    if (p.name == "filename*") ok = TakeOnce(has_ext, ext, p.value);
    if (!ok) return Malformed("part Content-Disposition repeats the parameter " + p.name);
  }
  if (!has_name) return Malformed("part Content-Disposition has no name parameter");
  if (has_ext) {
    auto decoded = DecodeExtValue(ext);
    if (!decoded) return Malformed("part Content-Disposition has a malformed filename*");
    if (!decoded->empty()) part.filename = std::move(*decoded);  // RFC 6266: filename* wins
  }
  return {};
}

struct PartHead {
  MultipartPart part;
  std::size_t blank_line = 0;  // where the empty line ending the headers starts
  std::size_t data = 0;        // just past that empty line
};

// Reads the header block starting at `begin`. Only the first 8 KiB are ever scanned, which keeps
// the whole parse linear however many parts there are.
Result<PartHead> ParsePartHead(std::string_view body, std::size_t begin) {
  const std::string_view window =
      body.substr(0, begin + std::min(kMaxHeaderBlock, body.size() - begin));
  PartHead head;
  bool has_disposition = false, has_type = false;
  for (std::size_t pos = begin;;) {
    const std::size_t nl = window.find('\n', pos);
    if (nl == std::string_view::npos) {
      return Malformed(window.size() < body.size() ? "part header block is larger than 8 KiB"
                                                   : "body ends inside a part's headers");
    }
    std::string_view line = window.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!has_disposition) return Malformed("part without Content-Disposition");
      head.blank_line = pos;
      head.data = nl + 1;
      return head;
    }
    pos = nl + 1;
    // A folded (obs-fold) line starts with whitespace, so it fails the field-name check too.
    const std::size_t colon = line.find(':');
    const std::string_view name = line.substr(0, colon);
    if (colon == std::string_view::npos || name.empty() || !std::ranges::all_of(name, IsTchar) ||
        std::ranges::any_of(line, IsCtl)) {
      return Malformed("malformed part header line (no colon, bad name, folding or control byte)");
    }
    const std::string_view value = Trim(line.substr(colon + 1));
    if (IEquals(name, "content-disposition")) {
      if (has_disposition) return Malformed("part repeats the header Content-Disposition");
      has_disposition = true;
      JC_RETURN_IF_ERROR(ParseDisposition(value, head.part));
    } else if (IEquals(name, "content-type")) {
      if (has_type) return Malformed("part repeats the header Content-Type");
      has_type = true;
      head.part.content_type = value;
    }
  }
}

struct Delimiter {
  std::size_t begin = std::string_view::npos;  // npos: no delimiter found
  std::size_t end = 0;                         // just past the delimiter line
  bool close = false;                          // "--boundary--": no parts follow
};

// Classifies what follows a "--boundary" ending at `after`: "--" closes; transport padding then
// a line break (CRLF or LF) opens a part; the end of the body is reported as an open delimiter
// with end == body.size(). Anything else means the match was data that merely looks like one.
std::optional<Delimiter> Classify(std::string_view body, std::size_t after) {
  if (body.substr(after, 2) == "--") return Delimiter{0, after + 2, true};
  const std::size_t p = std::min(body.find_first_not_of(kOws, after), body.size());
  if (p == body.size() || body.substr(p) == "\r") return Delimiter{0, body.size(), false};
  if (body[p] == '\n') return Delimiter{0, p + 1, false};
  if (body.substr(p, 2) == "\r\n") return Delimiter{0, p + 2, false};
  return std::nullopt;
}

// The next "\r\n--boundary" delimiter at or after `from`. Lookalike matches are skipped; since
// the pattern starts with CRLF and a boundary holds none, matches never overlap: linear overall.
Delimiter FindDelimiter(std::string_view body, std::size_t from, const Searcher& searcher,
                        std::size_t delimiter_size) {
  while (from < body.size()) {
    const auto match = searcher(body.begin() + static_cast<std::ptrdiff_t>(from), body.end()).first;
    if (match == body.end()) break;
    const auto at = static_cast<std::size_t>(match - body.begin());
    if (auto d = Classify(body, at + delimiter_size)) {
      d->begin = at;
      return *d;
    }
    from = at + 2;
  }
  return {};
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  const std::size_t semi = std::min(content_type.find(';'), content_type.size());
  if (!IEquals(Trim(content_type.substr(0, semi)), "multipart/form-data")) {
    return Error::Make(ErrorCode::kUnsupportedMediaType, "Content-Type must be multipart/form-data",
                       "unsupported_media_type");
  }
  auto params = ParseParams(content_type.substr(semi));
  if (!params) return Malformed("malformed Content-Type parameters");
  std::string boundary;
  bool has_boundary = false;
  for (Param& p : *params) {
    if (p.name == "boundary" && !TakeOnce(has_boundary, boundary, p.value)) {
      return Malformed("Content-Type has more than one boundary parameter");
    }
  }
  if (!has_boundary) return Malformed("Content-Type has no boundary parameter");
  if (auto problem = BoundaryProblem(boundary); !problem.empty()) {
    return Malformed(std::string(problem));
  }
  return boundary;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  std::size_t max_parts) {
  if (auto problem = BoundaryProblem(boundary); !problem.empty()) {
    return Malformed(std::string(problem));
  }
  if (body.empty()) return Malformed("multipart body is empty");
  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::string_view pattern = delimiter;
  const Searcher searcher(pattern.begin(), pattern.end());
  const std::string_view dash_boundary = pattern.substr(2);

  // The first delimiter may open the body without the CRLF that precedes all the others.
  Delimiter d;
  if (body.starts_with(dash_boundary)) {
    if (auto first = Classify(body, dash_boundary.size())) d = *first;
  }
  if (d.end == 0) d = FindDelimiter(body, 0, searcher, delimiter.size());
  if (d.begin == std::string_view::npos) {
    return Malformed("body contains no multipart boundary delimiter");
  }

  std::vector<MultipartPart> parts;
  while (!d.close) {
    if (d.end == body.size()) {
      return Malformed("multipart body ends without the final \"--\" delimiter");
    }
    if (parts.size() >= max_parts) {
      return Error::Make(ErrorCode::kPayloadTooLarge,
                         "multipart body has more than " + std::to_string(max_parts) + " parts",
                         "too_many_parts");
    }
    auto head = ParsePartHead(body, d.end);
    if (!head) return std::move(head).error();
    // Searching from the blank line lets its CRLF double as the next delimiter's, which is how
    // RFC 2046 spells a part with headers and no body.
    const Delimiter next = FindDelimiter(body, head->blank_line, searcher, delimiter.size());
    if (next.begin == std::string_view::npos) {
      return Malformed("multipart body has no closing delimiter (truncated?)");
    }
    const std::size_t size = next.begin >= head->data ? next.begin - head->data : 0;
    head->part.data = body.substr(head->data, size);
    parts.push_back(std::move(head->part));
    d = next;
  }
  return parts;
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name) {
  const auto it = std::find_if(parts.begin(), parts.end(),
                               [&](const MultipartPart& p) { return p.name == name; });
  return it == parts.end() ? nullptr : &*it;
}

}  // namespace jc::http
