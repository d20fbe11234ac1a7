#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace jc::http {
namespace {

using namespace std::string_literals;

constexpr std::string_view kB = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

// "--B\r\n<headers>\r\n\r\n<data>\r\n": one part, framed the way browsers send it.
std::string Part(std::string_view headers, std::string_view data) {
  return "--" + std::string(kB) + "\r\n" + std::string(headers) + "\r\n\r\n" + std::string(data) +
         "\r\n";
}

std::string Close() {
  return "--" + std::string(kB) + "--\r\n";
}

std::string Field(std::string_view name) {
  return "Content-Disposition: form-data; name=\"" + std::string(name) + "\"";
}

// A body of `n` small text fields named f0, f1, ...
std::string Fields(std::size_t n) {
  std::string body;
  for (std::size_t i = 0; i < n; ++i) body += Part(Field("f" + std::to_string(i)), "v");
  return body + Close();
}

template <typename T>
void ExpectError(const Result<T>& result, ErrorCode code, std::string_view slug,
                 std::string_view message_part) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().slug, slug);
  EXPECT_NE(result.error().message.find(message_part), std::string::npos)
      << "message: " << result.error().message << "\nexpected to contain: " << message_part;
}

void ExpectMalformed(const Result<std::vector<MultipartPart>>& result,
                     std::string_view message_part) {
  ExpectError(result, ErrorCode::kBadRequest, "malformed_multipart", message_part);
}

bool ViewsInto(std::string_view data, std::string_view body) {
  return data.data() >= body.data() && data.data() + data.size() <= body.data() + body.size();
}

// ---- MultipartBoundary --------------------------------------------------------------------------

TEST(MultipartBoundaryTest, ExtractsBoundary) {
  const std::string seventy(70, 'b');
  struct Case {
    std::string content_type;
    std::string boundary;
  };
  const std::vector<Case> cases = {
      {"multipart/form-data; boundary=abc123", "abc123"},
      {"multipart/form-data;boundary=abc123", "abc123"},
      {"Multipart/Form-Data; BOUNDARY=abc123", "abc123"},
      {"multipart/form-data; boundary=\"quoted value:with'specials\"",
       "quoted value:with'specials"},
      {R"(multipart/form-data; boundary="esc\aped")", "escaped"},
      {"multipart/form-data; charset=utf-8; boundary=" + std::string(kB), std::string(kB)},
      {"multipart/form-data; boundary=abc; charset=utf-8", "abc"},
      {"  multipart/form-data ; boundary = abc ", "abc"},
      // A ';' inside a quoted value does not start a parameter, so "evil" is not a boundary.
      {R"(multipart/form-data; x="a;boundary=evil"; boundary=good)", "good"},
      {"multipart/form-data; boundary=" + seventy, seventy},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.content_type);
    const auto boundary = MultipartBoundary(c.content_type);
    ASSERT_TRUE(boundary.has_value()) << boundary.error().message;
    EXPECT_EQ(*boundary, c.boundary);
  }
}

TEST(MultipartBoundaryTest, RejectsOtherMediaTypesWith415) {
  for (std::string_view content_type :
       {"application/json", "multipart/mixed; boundary=abc", "", "text/plain; boundary=abc",
        "multipart/form-datax; boundary=abc", "multipart/form-data garbage; boundary=abc"}) {
    SCOPED_TRACE(content_type);
    ExpectError(MultipartBoundary(content_type), ErrorCode::kUnsupportedMediaType,
                "unsupported_media_type", "multipart/form-data");
  }
}

TEST(MultipartBoundaryTest, RejectsMissingOrInvalidBoundaryWith400) {
  struct Case {
    std::string content_type;
    std::string_view message_part;
  };
  const std::vector<Case> cases = {
      {"multipart/form-data", "no boundary"},
      {"multipart/form-data; charset=utf-8", "no boundary"},
      {R"(multipart/form-data; boundary="")", "empty"},
      {"multipart/form-data; boundary=", "malformed Content-Type parameters"},
      {"multipart/form-data; boundary=" + std::string(71, 'b'), "longer than 70"},
      {"multipart/form-data; boundary=abc{}", "characters"},
      {R"(multipart/form-data; boundary="abc ")", "characters"},  // may not end with a space
      {R"(multipart/form-data; boundary="abc)", "malformed Content-Type parameters"},
      {R"(multipart/form-data; boundary="abc"junk)", "malformed Content-Type parameters"},
      {"multipart/form-data; =abc", "malformed Content-Type parameters"},
      {"multipart/form-data; boundary=a; boundary=b", "more than one boundary"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.content_type);
    ExpectError(MultipartBoundary(c.content_type), ErrorCode::kBadRequest, "malformed_multipart",
                c.message_part);
  }
}

// ---- ParseMultipart: accepted shapes ------------------------------------------------------------

TEST(ParseMultipartTest, ParsesTextFieldAndFileField) {
  const std::string body =
      Part(Field("jobTitle"), "Senior C++ Engineer") +
      Part(
          "Content-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n"
          "Content-Type: application/pdf",
          "%PDF-1.7 fake") +
      Close();
  const auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "jobTitle");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].content_type, "");
  EXPECT_EQ((*parts)[0].data, "Senior C++ Engineer");
  EXPECT_EQ((*parts)[1].name, "cv");
  EXPECT_EQ((*parts)[1].filename, "cv.pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].data, "%PDF-1.7 fake");
  for (const MultipartPart& part : *parts) EXPECT_TRUE(ViewsInto(part.data, body));
}

TEST(ParseMultipartTest, DecodesNamesAndFilenames) {
  struct Case {
    std::string disposition;
    std::string name;
    std::string filename;
  };
  const std::vector<Case> cases = {
      {R"(form-data; name="file"; filename="a \"quoted\" \\ name.txt")", "file",
       R"(a "quoted" \ name.txt)"},
      {"form-data; name=\"file\"; filename*=UTF-8''%E2%82%AC%20rates.txt", "file",
       "\xE2\x82\xAC rates.txt"},
      // RFC 6266: filename* wins over filename whichever comes first.
      {"form-data; name=\"f\"; filename=\"fallback.txt\"; filename*=utf-8'en'na%C3%AFve.txt", "f",
       "na\xC3\xAFve.txt"},
      {"form-data; filename*=UTF-8''na%c3%afve.txt; filename=\"fallback.txt\"; name=\"f\"", "f",
       "na\xC3\xAFve.txt"},
      {"form-data; name=\"f\"; filename*=ISO-8859-1''%A3%20rates.txt", "f", "\xC2\xA3 rates.txt"},
      {"form-data; name=\"f\"; filename=\"fallback.txt\"; filename*=KOI8-R''%C1", "f",
       "fallback.txt"},
      {"FORM-DATA; NAME=field; FILENAME=plain.txt", "field", "plain.txt"},
      {"form-data; name=\"caf\xC3\xA9\"; filename=\"r\xC3\xA9sum\xC3\xA9.pdf\"", "caf\xC3\xA9",
       "r\xC3\xA9sum\xC3\xA9.pdf"},
      {R"(form-data; name="a;b"; filename="x;y=z")", "a;b", "x;y=z"},
      {R"(form-data;name="x";;)", "x", ""},
      {R"(form-data; name="")", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.disposition);
    const std::string body = Part("Content-Disposition: " + c.disposition, "x") + Close();
    const auto parts = ParseMultipart(body, kB);
    ASSERT_TRUE(parts.has_value()) << parts.error().message;
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].name, c.name);
    EXPECT_EQ((*parts)[0].filename, c.filename);
  }
}

TEST(ParseMultipartTest, KeepsBinaryDataWithNulAndBoundaryLookalikes) {
  const std::string b(kB);
  const std::string binary = "\0\x01\xFF"s + "--" + b +                       // no CRLF before it
                             "\r\n--" + b.substr(0, b.size() - 1) + "\r\n" +  // partial boundary
                             "\r\n--" + b + "X\r\n" +                         // longer boundary
                             "\r\n--" + b + "-x\r\n" +  // one dash is not a close
                             "\n--" + b + "\r\n" +      // bare LF: the delimiter needs CRLF
                             "\r\n-\r\n--\0"s + "\r";   // ends with a lone CR
  const std::string body = Part(Field("blob"), binary) + Part(Field("after"), "\r\n") + Close();
  const auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].data, binary);
  EXPECT_EQ((*parts)[1].name, "after");
  EXPECT_EQ((*parts)[1].data, "\r\n");
}

TEST(ParseMultipartTest, AcceptsLfOnlyHeadersAndCaseInsensitiveNames) {
  const std::string b(kB);
  const std::string body = "--" + b + "\ncontent-DISPOSITION: form-data; name=\"a\"\n" +
                           "CONTENT-TYPE:text/plain; charset=utf-8  \nX-Unknown: ignored\n\n" +
                           "hello\r\n--" + b + " \t\r\n" +  // transport padding after a boundary
                           Field("b") + "\r\n\r\nworld\r\n--" + b + "--";
  const auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "a");
  EXPECT_EQ((*parts)[0].content_type, "text/plain; charset=utf-8");
  EXPECT_EQ((*parts)[0].data, "hello");
  EXPECT_EQ((*parts)[1].name, "b");
  EXPECT_EQ((*parts)[1].data, "world");
}

TEST(ParseMultipartTest, IgnoresPreambleAndEpilogue) {
  const std::string b(kB);
  const std::string body = "--" + b + "X is not a delimiter\r\nThis is the preamble.\r\n" +
                           Part(Field("kept"), "yes") + Close() + "epilogue\r\n" +
                           Part(Field("ignored"), "no") + Close();
  const auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "kept");
  EXPECT_EQ((*parts)[0].data, "yes");
}

TEST(ParseMultipartTest, AcceptsZeroParts) {
  const std::string b(kB);
  for (const std::string& body :
       {"--" + b + "--", "--" + b + "--\r\n", "preamble\r\n--" + b + "--\r\nepilogue"}) {
    SCOPED_TRACE(body);
    const auto parts = ParseMultipart(body, kB);
    ASSERT_TRUE(parts.has_value()) << parts.error().message;
    EXPECT_TRUE(parts->empty());
  }
}

TEST(ParseMultipartTest, AcceptsEmptyData) {
  // The second form has no CRLF after the blank line: RFC 2046 lets the blank line's CRLF be the
  // delimiter's.
  const std::string b(kB);
  for (const std::string& body : {Part(Field("empty"), "") + Close(),
                                  "--" + b + "\r\n" + Field("empty") + "\r\n\r\n--" + b + "--"}) {
    SCOPED_TRACE(body);
    const auto parts = ParseMultipart(body, kB);
    ASSERT_TRUE(parts.has_value()) << parts.error().message;
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].name, "empty");
    EXPECT_TRUE((*parts)[0].data.empty());
    EXPECT_TRUE(ViewsInto((*parts)[0].data, body));
  }
}

TEST(ParseMultipartTest, ParsesTwoMebibyteRandomBinaryPart) {
  std::mt19937 rng(20240517);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string blob(2u << 20, '\0');
  for (char& c : blob) c = static_cast<char>(byte(rng));
  const std::string body =
      Part(Field("before"), "1") +
      Part(R"(Content-Disposition: form-data; name="blob"; filename="random.bin")"
           "\r\nContent-Type: application/octet-stream",
           blob) +
      Part(Field("after"), "2") + Close();
  const auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 3u);
  const MultipartPart* part = FindPart(*parts, "blob");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->filename, "random.bin");
  EXPECT_EQ(part->content_type, "application/octet-stream");
  ASSERT_EQ(part->data.size(), blob.size());
  EXPECT_TRUE(part->data == blob);  // EXPECT_EQ would print 2 MiB on failure
  EXPECT_TRUE(ViewsInto(part->data, body));
  EXPECT_EQ((*parts)[2].data, "2");
}

// Each lookalike costs one failed match; a parser that rescanned from the part start after every
// lookalike would be quadratic here and time out.
TEST(ParseMultipartTest, StaysLinearOnLookalikeFlood) {
  const std::string lookalike = "\r\n--" + std::string(kB) + "X";
  std::string data;
  while (data.size() < (8u << 20)) data += lookalike;
  const std::string body = Part(Field("flood"), data) + Close();
  const auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].data.size(), data.size());
}

// ---- ParseMultipart: rejected shapes ------------------------------------------------------------

TEST(ParseMultipartTest, RejectsEmptyTruncatedAndUnterminatedBodies) {
  const std::string b(kB);
  const std::string head = "--" + b + "\r\n" + Field("f") + "\r\n\r\n";
  struct Case {
    std::string label;
    std::string body;
    std::string_view message_part;
  };
  const std::vector<Case> cases = {
      {"empty body", "", "empty"},
      {"no delimiter", "just some text", "no multipart boundary delimiter"},
      {"lookalike only", "--" + b + "X\r\n", "no multipart boundary delimiter"},
      {"only an opening delimiter", "--" + b, "final \"--\""},
      {"opening delimiter line", "--" + b + "\r\n", "final \"--\""},
      {"data without any closing delimiter", head + "data", "no closing delimiter"},
      {"data then partial delimiter", head + "data\r\n--" + b.substr(0, 5), "no closing delimiter"},
      {"close with one dash", head + "data\r\n--" + b + "-", "no closing delimiter"},
      {"missing final --", head + "data\r\n--" + b, "final \"--\""},
      {"missing final -- with CRLF", head + "data\r\n--" + b + "\r\n", "final \"--\""},
      {"missing final -- with CR", head + "data\r\n--" + b + "  \r", "final \"--\""},
      {"cut inside headers", "--" + b + "\r\nContent-Disposition: form-da",
       "inside a part's headers"},
      {"no blank line", "--" + b + "\r\n" + Field("f") + "\r\n", "inside a part's headers"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    ExpectMalformed(ParseMultipart(c.body, kB), c.message_part);
  }
}

TEST(ParseMultipartTest, RejectsMalformedPartHeaders) {
  struct Case {
    std::string headers;
    std::string_view message_part;
  };
  const std::vector<Case> cases = {
      {"Content-Type: text/plain", "part without Content-Disposition"},
      {"", "part without Content-Disposition"},
      {"Content-Disposition form-data; name=\"f\"", "malformed part header line"},
      {"Content-Disposition : form-data; name=\"f\"", "malformed part header line"},
      {Field("f") + "\r\n folded=\"continuation\"", "malformed part header line"},
      {"Content-Disposition: form-data; name=\"f\0\""s, "malformed part header line"},
      {"Content-Disposition: form-data; name=\"f\rx\"", "malformed part header line"},
      {Field("f") + "\r\n" + Field("g"), "repeats the header Content-Disposition"},
      {Field("f") + "\r\nContent-Type: a/b\r\ncontent-type: c/d",
       "repeats the header Content-Type"},
      {"Content-Disposition: attachment; name=\"f\"", "not form-data"},
      {"Content-Disposition: form-data name=\"f\"", "not form-data"},
      {"Content-Disposition: form-data; filename=\"f.txt\"", "no name parameter"},
      {"Content-Disposition: form-data; name=\"f\"; NAME=\"g\"", "repeats the parameter name"},
      {"Content-Disposition: form-data; name=f; filename=a; filename=b",
       "repeats the parameter filename"},
      {"Content-Disposition: form-data; name=\"unterminated", "malformed part Content-Disposition"},
      {"Content-Disposition: form-data; name=\"f\" junk", "malformed part Content-Disposition"},
      {"Content-Disposition: form-data; name=f; filename*=UTF-8''%E2%8", "malformed filename*"},
      {"Content-Disposition: form-data; name=f; filename*=UTF-8''%ZZ", "malformed filename*"},
      {"Content-Disposition: form-data; name=f; filename*=UTF-8''%+1", "malformed filename*"},
      {"Content-Disposition: form-data; name=f; filename*=no-quotes", "malformed filename*"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.headers);
    ExpectMalformed(ParseMultipart(Part(c.headers, "x") + Close(), kB), c.message_part);
  }
}

TEST(ParseMultipartTest, RejectsInvalidBoundaryArgument) {
  const std::string body = Part(Field("f"), "x") + Close();
  ExpectMalformed(ParseMultipart(body, ""), "empty");
  ExpectMalformed(ParseMultipart(body, std::string(71, 'b')), "longer than 70");
  ExpectMalformed(ParseMultipart(body, "a\r\nb"), "characters");
}

TEST(ParseMultipartTest, EnforcesMaxParts) {
  struct Case {
    std::size_t parts;
    std::size_t max_parts;
    bool ok;
  };
  for (const Case& c :
       std::vector<Case>{{2, 2, true}, {3, 2, false}, {0, 0, true}, {1, 0, false}}) {
    SCOPED_TRACE(std::to_string(c.parts) + " parts, max " + std::to_string(c.max_parts));
    const auto parts = ParseMultipart(Fields(c.parts), kB, c.max_parts);
    if (c.ok) {
      ASSERT_TRUE(parts.has_value()) << parts.error().message;
      EXPECT_EQ(parts->size(), c.parts);
    } else {
      ExpectError(parts, ErrorCode::kPayloadTooLarge, "too_many_parts", "more than");
    }
  }
  const auto sixty_four = ParseMultipart(Fields(64), kB);
  ASSERT_TRUE(sixty_four.has_value()) << sixty_four.error().message;
  EXPECT_EQ(sixty_four->size(), 64u);
  ExpectError(ParseMultipart(Fields(65), kB), ErrorCode::kPayloadTooLarge, "too_many_parts",
              "more than 64 parts");
}

TEST(ParseMultipartTest, LimitsEachHeaderBlockTo8KiB) {
  // The block runs from after the delimiter line through the blank line: Field + CRLF, the filler
  // line, then CRLF.
  const auto body_with_block = [](std::size_t block_size) {
    const std::size_t fixed = Field("f").size() + 2 + std::string_view("X-Filler: \r\n").size() + 2;
    return Part(Field("f") + "\r\nX-Filler: " + std::string(block_size - fixed, 'a'), "x") +
           Close();
  };
  const std::string at_limit_body = body_with_block(8192);  // must outlive the parts' views
  const auto at_limit = ParseMultipart(at_limit_body, kB);
  ASSERT_TRUE(at_limit.has_value()) << at_limit.error().message;
  ASSERT_EQ(at_limit->size(), 1u);
  EXPECT_EQ((*at_limit)[0].data, "x");
  ExpectMalformed(ParseMultipart(body_with_block(8193), kB), "larger than 8 KiB");

  const std::string endless =
      "--" + std::string(kB) + "\r\nX-Endless: " + std::string(1u << 20, 'a');
  ExpectMalformed(ParseMultipart(endless, kB), "larger than 8 KiB");
}

// ---- Robustness: inputs cut or corrupted anywhere -----------------------------------------------

// Each prefix is copied into a heap block of exactly its size so AddressSanitizer flags any read
// past the end (a view into the full body would hide it).
TEST(ParseMultipartTest, EveryTruncationFailsCleanly) {
  const std::string body =
      "preamble\r\n" + Part(Field("a"), "alpha") +
      Part(
          "Content-Disposition: form-data; name=\"b\"; filename*=UTF-8''%C3%A9.bin\r\n"
          "Content-Type: application/octet-stream",
          "\0\r\n--\r"s) +
      Close();
  const auto full = ParseMultipart(body, kB);
  ASSERT_TRUE(full.has_value()) << full.error().message;
  for (std::size_t n = 0; n < body.size(); ++n) {
    SCOPED_TRACE(n);
    const auto block = std::make_unique<char[]>(n == 0 ? 1 : n);
    std::copy_n(body.data(), n, block.get());
    const std::string_view prefix(block.get(), n);
    const auto parts = ParseMultipart(prefix, kB);
    if (parts.has_value()) {  // only cuts inside the final "\r\n" after the close still parse
      ASSERT_EQ(parts->size(), full->size());
      EXPECT_EQ((*parts)[1].data, (*full)[1].data);
    } else {
      EXPECT_EQ(parts.error().code, ErrorCode::kBadRequest);
      EXPECT_EQ(parts.error().slug, "malformed_multipart");
    }
  }
}

TEST(ParseMultipartTest, RandomCorruptionNeverEscapesTheBody) {
  const std::string original =
      Fields(3) + Part(Field("tail") + "\r\nContent-Type: x/y", "zz") + Close();
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pos(0, original.size() - 1);
  const std::string alphabet = "\r\n-\"\\;=: \0a"s + std::string(kB);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 5000; ++round) {
    std::string body = original;
    for (int edits = 0; edits < 3; ++edits) body[pos(rng)] = alphabet[pick(rng)];
    const auto parts = ParseMultipart(body, kB, 4);
    if (parts.has_value()) {
      for (const MultipartPart& part : *parts) ASSERT_TRUE(ViewsInto(part.data, body));
    } else {
      const ErrorCode code = parts.error().code;
      ASSERT_TRUE(code == ErrorCode::kBadRequest || code == ErrorCode::kPayloadTooLarge);
      ASSERT_EQ(parts.error().slug,
                code == ErrorCode::kBadRequest ? "malformed_multipart" : "too_many_parts");
    }
  }
}

// ---- FindPart -----------------------------------------------------------------------------------

TEST(FindPartTest, ReturnsFirstMatchOrNull) {
  const std::string body = Part(Field("dup"), "first") + Part(Field("dup"), "second") +
                           Part(Field("other"), "x") + Close();
  const auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  const MultipartPart* dup = FindPart(*parts, "dup");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->data, "first");
  EXPECT_EQ(FindPart(*parts, "missing"), nullptr);
  EXPECT_EQ(FindPart(*parts, "DUP"), nullptr);  // field names are case-sensitive
  EXPECT_EQ(FindPart({}, "dup"), nullptr);
}

}  // namespace
}  // namespace jc::http
