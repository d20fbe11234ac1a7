// Hostile uploads through the HTTP API, against the real binary and its sandboxed parse
// workers: decompression bombs, object loops, oversized, damaged and mislabelled files each get
// a specific error within a bound on the answer time (a bound on the service's behaviour, not a
// benchmark), the service keeps serving and parsing, its memory returns to where it was, and a
// worker killed in the middle of a parse costs that one request and is replaced.
//
// The workers run with a 3 s wall-clock budget and 512 MiB of address space (set below), so a
// parse that has to be stopped is stopped well inside the 5 s bound. Under ASan the budget is
// 10 s and the bound 15 s (see kSanitized).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/types.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

#include "common/base64.hpp"
#include "support/hostile_files.hpp"
#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

namespace hf = hostile;
using bhttp::verb;
using Clock = std::chrono::steady_clock;

#if defined(__SANITIZE_ADDRESS__)
// ASan makes poppler, zlib and the CV parser several times slower, so the parse budget and the
// answer bound are wider; its workers run without RLIMIT_AS (see app.cpp), so which limit stops
// a runaway parse depends on the slowdown, and the workers' memory bound is not checked; its
// quarantine keeps up to 256 MiB of freed memory, so the service's RSS gets that much slack.
constexpr bool kSanitized = true;
constexpr int kParseTimeoutMs = 10'000;
constexpr std::chrono::seconds kAnswerBound{15};
constexpr long kServiceRssSlackKb = 320 * 1024;
#else
constexpr bool kSanitized = false;
constexpr int kParseTimeoutMs = 3'000;
constexpr std::chrono::seconds kAnswerBound{5};
// The service's own RSS may grow this much over a hostile series (allocator caches, buffers).
constexpr long kServiceRssSlackKb = 64 * 1024;
#endif

constexpr std::uint64_t kGiB = std::uint64_t{1} << 30;
constexpr long kWorkerMemoryMb = 512;
// What an idle worker may hold after the series: its libraries, taxonomy and dictionaries
// (~40 MiB) plus allocator caches.
constexpr long kIdleWorkerRssKb = 128 * 1024;

// ---- /proc ------------------------------------------------------------------------------------

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A "VmRSS:  1234 kB" style field of /proc/<pid>/status, in kB; -1 when the process is gone.
long StatusKb(pid_t pid, const std::string& key) {
  std::istringstream lines(ReadText("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
  }
  return -1;
}

// Fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime.
std::vector<std::string> StatFields(pid_t pid) {
  const std::string stat = ReadText("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return {};
  std::istringstream rest(stat.substr(close + 1));
  std::vector<std::string> fields;
  for (std::string f; rest >> f;) fields.push_back(f);
  return fields;
}

// The service's parse-worker children.
std::vector<pid_t> ParseWorkers(pid_t service) {
  std::vector<pid_t> out;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(name));
    const auto fields = StatFields(pid);
    if (fields.size() < 13 || fields[1] != std::to_string(service)) continue;
    if (ReadText(entry.path() / "cmdline").find("parse-worker") == std::string::npos) continue;
    out.push_back(pid);
  }
  return out;
}

long CpuTicks(pid_t pid) {
  const auto fields = StatFields(pid);
  return fields.size() < 13 ? -1 : std::stol(fields[11]) + std::stol(fields[12]);
}

// An idle worker does not keep what a hostile parse took (a fresh one holds ~40 MiB).
void ExpectIdleWorkersSmall(pid_t service) {
  for (pid_t w : ParseWorkers(service)) {
    const long kb = StatusKb(w, "VmRSS");
    std::cout << "[ memory   ] idle worker " << w << " VmRSS " << kb / 1024 << " MiB\n";
    EXPECT_LE(kb, kIdleWorkerRssKb) << "worker " << w;
  }
}

// Samples the RSS of every parse worker in the background and keeps the largest seen.
class WorkerRssSampler {
 public:
  explicit WorkerRssSampler(pid_t service)
      : thread_([this, service](std::stop_token stop) {
          while (!stop.stop_requested()) {
            for (pid_t w : ParseWorkers(service)) {
              const long kb = StatusKb(w, "VmRSS");
              long seen = max_kb_.load();
              while (kb > seen && !max_kb_.compare_exchange_weak(seen, kb)) {
              }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
          }
        }) {}
  long MaxKb() const { return max_kb_.load(); }

 private:
  std::atomic<long> max_kb_{0};
  std::jthread thread_;
};

// ---- requests ---------------------------------------------------------------------------------

const std::map<std::string, std::string> kForm = {
    {"Content-Type", "multipart/form-data; boundary=JcH0stileB0undary"}};

std::string Multipart(const std::string& filename, const std::string& content_type,
                      const std::string& data) {
  return "--JcH0stileB0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
         filename + "\"\r\nContent-Type: " + content_type + "\r\n\r\n" + data +
         "\r\n--JcH0stileB0undary--\r\n";
}

// How a case is sent: multipart with this file name and part type, or base64 JSON with this
// fileName (empty: none).
enum class Via { kMultipart, kBase64 };

struct Case {
  std::string name;
  std::function<std::string()> make;
  Via via = Via::kMultipart;
  std::string file_name;
  std::string content_type = "application/octet-stream";
  unsigned status = 0;
  std::string code;                                            // the error code; empty for a 200
  std::function<void(const boost::json::object&)> check = {};  // more checks of a 200's body
  // Only a sandbox limit stops it (the clock, the CPU or the address space). Which limit comes
  // first depends on the machine's speed and load (and ASan), so any of their answers
  // (parse_timeout, parse_resource_limit, document_too_large) is accepted: all are specific.
  bool sandbox_stops = false;
  // Only RLIMIT_AS stops it. ASan-built workers run without it (see kSanitized), so there the
  // parse may also finish inside the clock and answer a 200 with the document's profile.
  bool needs_address_limit = false;
};

const std::vector<std::string>& SmallCvLines() {
  static const std::vector<std::string> lines = {
      "Jane Example",
      "jane.example@example.com",
      "",
      "EXPERIENCE",
      "Welder, Steelworks Example GmbH, Jan 2020 - Present",
      "- Welded 300 frames a month"};
  return lines;
}

std::string SmallCvText() {
  std::string out;
  for (const auto& line : SmallCvLines()) out += line + "\n";
  return out;
}

// Every hostile file, with what the service answers for it.
std::vector<Case> HostileCases() {
  return {
      // The content stream inflates to 1 GiB of whitespace: poppler streams it (memory stays
      // flat) but needs ~9 s of CPU, so the wall-clock budget stops it.
      {.name = "pdf content-stream flate bomb (1 GiB)",
       .make = [] { return hf::PdfContentBomb(kGiB); },
       .via = Via::kBase64,
       .file_name = "cv.pdf",
       .content_type = "",
       .status = 422,
       .code = "parse_timeout",
       .sandbox_stops = true},
      // Text output never decodes images: the bomb is not inflated, and there is no text.
      {"pdf image XObject flate bomb (1 GiB)", [] { return hf::PdfImageBomb(kGiB); },
       Via::kMultipart, "cv.pdf", "application/pdf", 422, "no_text_layer"},
      // Poppler reads a whole Type 1 font file into memory: RLIMIT_AS stops it (bad_alloc,
      // reported as too large).
      {.name = "pdf embedded-font flate bomb (1 GiB)",
       .make = [] { return hf::PdfFontBomb(kGiB); },
       .file_name = "cv.pdf",
       .content_type = "application/pdf",
       .status = 413,
       .code = "document_too_large",
       .sandbox_stops = true,
       .needs_address_limit = true},
      // /Count says 1 but the only page is a loop: poppler finds no page to read.
      {"pdf page tree whose /Kids holds itself", [] { return hf::PdfSelfReferencingKids(); },
       Via::kMultipart, "cv.pdf", "application/pdf", 422, "no_text_layer"},
      {"pdf /Contents reference cycle", [] { return hf::PdfContentsReferenceCycle(); },
       Via::kMultipart, "cv.pdf", "application/pdf", 422, "no_text_layer"},
      {"pdf 10,000 pages", [] { return hf::PdfManyPages(10'000); }, Via::kBase64, "cv.pdf", "", 413,
       "document_too_large"},
      // Over 800,000 characters on one page: past max_chars (500,000), and hundreds of MiB for
      // poppler's
      // text page, so with 512 MiB of address space the allocation may fail first.
      {.name = "pdf 14400x14400 page past max_chars",
       .make = [] { return hf::PdfHugePage(120'000); },
       .file_name = "cv.pdf",
       .content_type = "application/pdf",
       .status = 413,
       .code = "document_too_large",
       .sandbox_stops = true},
      {"pdf image only", [] { return hf::PdfImageOnly(); }, Via::kMultipart, "scan.pdf",
       "application/pdf", 422, "no_text_layer"},
      {"pdf truncated at 40%", [] { return hf::PdfTruncated(40); }, Via::kBase64, "cv.pdf", "", 422,
       "unreadable_document"},
      {"pdf header then random bytes", [] { return hf::PdfCorrupt(256 << 10, 7); }, Via::kMultipart,
       "cv.pdf", "application/pdf", 422, "unreadable_document"},
      {"pdf declared as docx", [] { return hf::PdfWithText(SmallCvLines()); }, Via::kMultipart,
       "cv.docx", "application/octet-stream", 415, "file_type_mismatch"},
      {"docx named .pdf", [] { return hf::DocxWithText(SmallCvLines()); }, Via::kBase64, "cv.pdf",
       "", 415, "file_type_mismatch"},
      {"docx zip bomb (1 GiB, ratio ~1000)", [] { return hf::DocxZipBomb(kGiB); }, Via::kBase64,
       "cv.docx", "", 413, "document_too_large"},
      {"docx zip bomb declaring 1000 bytes", [] { return hf::DocxZipBomb(kGiB, 1000); },
       Via::kMultipart, "cv.docx", "application/octet-stream", 413, "document_too_large"},
      {"docx with 100,000 entries", [] { return hf::DocxManyEntries(100'000); }, Via::kMultipart,
       "cv.docx", "application/octet-stream", 413, "document_too_large"},
      {"odt zip bomb (1 GiB)", [] { return hf::OdtZipBomb(kGiB); }, Via::kMultipart, "cv.odt",
       "application/octet-stream", 413, "document_too_large"},
      {"zip that is not a document", [] { return hf::ZipNotDocument(); }, Via::kMultipart, "cv.zip",
       "application/zip", 415, "unsupported_file_type"},
  };
}

class ParseHostileTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    return {{"MAX_UPLOAD_BYTES", std::to_string(16 << 20)},
            {"MAX_JSON_BODY_BYTES", std::to_string(32 << 20)},
            {"PARSE_WORKERS", "2"},
            {"PARSE_TIMEOUT_MS", std::to_string(kParseTimeoutMs)},
            {"PARSE_CPU_SECONDS", "5"},
            {"PARSE_MEMORY_MB", std::to_string(kWorkerMemoryMb)}};
  }

  struct Timed {
    Response res;
    Clock::duration took;
  };

  Timed Post(const Case& c, const std::string& bytes) {
    const auto started = Clock::now();
    Response res;
    if (c.via == Via::kMultipart) {
      res = client_->Send(verb::post, "/api/parse-cv-file",
                          Multipart(c.file_name, c.content_type, bytes), kForm);
    } else {
      std::string body = R"({"fileData": ")" + Base64Encode(bytes) + "\"";
      if (!c.file_name.empty()) body += R"(, "fileName": ")" + c.file_name + "\"";
      res = client_->PostJson("/api/parse-cv", body + "}");
    }
    return {std::move(res), Clock::now() - started};
  }

  Response ParseSmallCv() {
    return client_->PostJson("/api/parse-cv",
                             R"({"fileData": ")" + Base64Encode(SmallCvText()) + "\"}");
  }

  // The service answers and parses a valid CV.
  void ExpectServing(const std::string& after) {
    EXPECT_EQ(client_->Get("/health/live").result_int(), 200u) << "after " << after;
    const auto res = ParseSmallCv();
    ASSERT_EQ(res.result_int(), 200u) << "after " << after << ": " << res.body();
    EXPECT_EQ(JsonOf(res).at("profileData").at("fullName"), "Jane Example") << after;
  }

  // Sends one hostile case and checks its answer (unless `check_answer` is false), its time and
  // the service after it.
  void Run(const Case& c, bool check_answer = true) {
    SCOPED_TRACE(c.name);
    const std::string bytes = c.make();
    const Timed t = Post(c, bytes);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.took).count();
    std::cout << "[ hostile  ] " << c.name << " (" << bytes.size()
              << " bytes): " << t.res.result_int() << " " << ErrorCodeOf(t.res) << " in " << ms
              << " ms\n";
    if (!check_answer || (kSanitized && c.needs_address_limit && t.res.result_int() == 200)) {
      EXPECT_GE(t.res.result_int(), 200u);
      EXPECT_LT(t.res.result_int(), 500u) << t.res.body();
    } else if (c.code.empty()) {
      ASSERT_EQ(t.res.result_int(), c.status) << t.res.body();
      if (c.check) c.check(JsonOf(t.res).as_object());
    } else if (c.sandbox_stops) {
      const std::string code = ErrorCodeOf(t.res);
      ExpectError(t.res, code == "document_too_large" ? 413u : 422u, code);
      EXPECT_TRUE(code == "parse_timeout" || code == "parse_resource_limit" ||
                  code == "document_too_large")
          << t.res.body();
    } else {
      ExpectError(t.res, c.status, c.code);
    }
    EXPECT_LT(t.took, kAnswerBound) << ms << " ms";
    ExpectServing(c.name);
  }

  static std::string ErrorCodeOf(const Response& res) {
    boost::system::error_code ec;
    const auto v = boost::json::parse(res.body(), ec);
    if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
    const auto* code = v.at("error").as_object().if_contains("code");
    return code && code->is_string() ? std::string(code->as_string()) : "";
  }

  // A few ordinary parses of real CVs of each kind.
  void ParseNormalCvs() {
    const std::string dir = std::string(JC_SOURCE_DIR) + "/tests/corpus/cvs/";
    for (const char* file : {"001-maya-thompson-frontend.pdf", "034-jordan-reyes-devops.docx",
                             "046-jonas-becker-frontend.odt", "053-nathan-price-devops.txt"}) {
      const auto res = client_->PostJson(
          "/api/parse-cv", R"({"fileData": ")" + Base64Encode(ReadText(dir + file)) + "\"}");
      EXPECT_EQ(res.result_int(), 200u) << file << ": " << res.body();
    }
    EXPECT_EQ(ParseSmallCv().result_int(), 200u);
  }
};

TEST_F(ParseHostileTest, EachHostileFileGetsItsSpecificErrorInTime) {
  for (const Case& c : HostileCases()) Run(c);
}

TEST_F(ParseHostileTest, HostileFilesWhoseTextIsReadableParseToTheirRealText) {
  const auto is_jane = [](const boost::json::object& body) {
    EXPECT_EQ(body.at("profileData").at("fullName"), "Jane Example");
    EXPECT_EQ(body.at("profileData").at("email"), "jane.example@example.com");
  };
  // A stream /Length that is a reference cycle: poppler finds the stream's end by its keyword.
  Run({"pdf /Length reference cycle", [] { return hf::PdfLengthReferenceCycle(); }, Via::kMultipart,
       "cv.pdf", "application/pdf", 200, "", is_jane});
  // Entities are never expanded: the 10^9 "lol"s stay one unexpanded reference.
  Run({"docx billion laughs", [] { return hf::DocxBillionLaughs(); }, Via::kBase64, "cv.docx", "",
       200, "",
       [&](const boost::json::object& body) {
         is_jane(body);
         EXPECT_LT(body.at("meta").at("textChars").as_int64(), 2'000);
       }});
  // A single page of the PDF maximum size with ~150,000 characters of text.
  Run({"pdf 14400x14400 page with 20,000 words", [] { return hf::PdfHugePage(20'000); },
       Via::kBase64, "cv.pdf", "", 200, "",
       [](const boost::json::object& body) {
         EXPECT_EQ(body.at("meta").at("pages"), 1);
         EXPECT_GT(body.at("meta").at("textChars").as_int64(), 100'000);
       }});
}

// A worker that ran out of address space is not left holding it, to fail the next parse: the
// same files, sent again, get the same answers. The CPU budget is raised so that, on a slow
// machine, the CPU limit cannot end the worker before it runs out of address space.
class ParseOutOfMemoryTest : public ParseHostileTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    auto env = ParseHostileTest::ExtraEnv();
    env["PARSE_CPU_SECONDS"] = "30";
    return env;
  }
};

TEST_F(ParseOutOfMemoryTest, AParseThatRanOutOfMemoryDoesNotFailTheNextOne) {
  const Case font_bomb = HostileCases()[2];
  const Case huge_page = HostileCases()[6];
  ASSERT_EQ(font_bomb.name, "pdf embedded-font flate bomb (1 GiB)");
  ASSERT_EQ(huge_page.name, "pdf 14400x14400 page past max_chars");
  for (int round = 0; round < 2; ++round) {
    Run(font_bomb);
    if (!kSanitized) ExpectIdleWorkersSmall(service_->Pid());
    Run(huge_page);
    Run(huge_page);
  }
}

TEST_F(ParseHostileTest, MemoryReturnsToBaselineAfterTheHostileSeries) {
  const pid_t pid = service_->Pid();
  ParseNormalCvs();  // warm up: both workers, the allocator, the connection
  ParseNormalCvs();
  const long baseline_kb = StatusKb(pid, "VmRSS");
  ASSERT_GT(baseline_kb, 0);

  long worker_max_kb = 0;
  {
    WorkerRssSampler sampler(pid);
    // The answers are checked by EachHostileFileGetsItsSpecificErrorInTime.
    for (const Case& c : HostileCases()) Run(c, /*check_answer=*/false);
    worker_max_kb = sampler.MaxKb();
  }
  ParseNormalCvs();
  const long after_kb = StatusKb(pid, "VmRSS");
  std::cout << "[ memory   ] service VmRSS " << baseline_kb / 1024 << " MiB before, "
            << after_kb / 1024 << " MiB after (VmHWM " << StatusKb(pid, "VmHWM") / 1024
            << " MiB); largest worker VmRSS seen " << worker_max_kb / 1024 << " MiB\n";
  EXPECT_LE(after_kb, baseline_kb + kServiceRssSlackKb);
  if (!kSanitized) {
    // While parsing, a worker never exceeds its address space...
    EXPECT_GT(worker_max_kb, 0);
    EXPECT_LE(worker_max_kb, kWorkerMemoryMb * 1024);
    ExpectIdleWorkersSmall(pid);
  }
}

// The same service, with budgets long enough that only the test's SIGKILL ends the slow parse.
class ParseWorkerKillTest : public ParseHostileTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    auto env = ParseHostileTest::ExtraEnv();
    env["PARSE_TIMEOUT_MS"] = "60000";
    env["PARSE_CPU_SECONDS"] = "120";
    return env;
  }
};

// CPU ticks (1/100 s) each parse worker uses over `window`.
std::map<pid_t, long> CpuUse(pid_t service, std::chrono::milliseconds window) {
  std::map<pid_t, long> before;
  for (pid_t w : ParseWorkers(service)) before[w] = CpuTicks(w);
  std::this_thread::sleep_for(window);
  std::map<pid_t, long> used;
  for (const auto& [w, ticks] : before) {
    const long now = CpuTicks(w);
    if (ticks >= 0 && now >= 0) used[w] = now - ticks;
  }
  return used;
}

// Waits until the service has `count` workers and none of them is working (a fresh worker
// spends a few hundred ms loading its taxonomy and dictionaries).
bool WaitForIdleWorkers(pid_t service, std::size_t count) {
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < deadline) {
    const auto used = CpuUse(service, std::chrono::milliseconds(300));
    if (used.size() == count &&
        std::all_of(used.begin(), used.end(), [](const auto& u) { return u.second == 0; })) {
      return true;
    }
  }
  return false;
}

// The one worker that keeps using CPU (two windows in a row) while the others sleep; -1 when
// none does before `deadline` or the request has already been answered.
pid_t BusyWorker(pid_t service, Clock::time_point deadline, const std::atomic<bool>& done) {
  pid_t candidate = -1;
  while (Clock::now() < deadline && !done) {
    pid_t busy = -1;
    for (const auto& [w, ticks] : CpuUse(service, std::chrono::milliseconds(100))) {
      if (ticks >= 3) busy = busy == -1 ? w : -2;  // -2: more than one is busy
    }
    if (busy > 0 && busy == candidate) return busy;
    candidate = busy;
  }
  return -1;
}

TEST_F(ParseWorkerKillTest, AWorkerKilledMidParseCostsThatRequestAndIsReplaced) {
  const pid_t pid = service_->Pid();
  const std::string slow = hf::PdfContentBomb(kGiB);  // ~9 s of CPU for poppler
  const unsigned short port = service_->Port();
  bool killed = false;
  for (int attempt = 0; attempt < 3 && !killed; ++attempt) {
    ASSERT_TRUE(WaitForIdleWorkers(pid, 2)) << "the parse workers never settled";
    std::atomic<bool> done{false};
    Response res;
    Clock::duration took{};
    std::thread request([&] {
      HttpClient own(port);
      const auto started = Clock::now();
      res = own.Send(verb::post, "/api/parse-cv-file",
                     Multipart("slow.pdf", "application/pdf", slow), kForm);
      took = Clock::now() - started;
      done = true;
    });
    const pid_t busy = BusyWorker(pid, Clock::now() + std::chrono::seconds(20), done);
    if (busy > 0 && !done) killed = ::kill(busy, SIGKILL) == 0;
    const auto killed_at = Clock::now();
    request.join();
    if (!killed) continue;  // the parse ended before the kill: try again
    ExpectError(res, 422, "parse_failed");
    EXPECT_LT(Clock::now() - killed_at, kAnswerBound) << "the killed parse was not answered";
    std::cout << "[ kill     ] worker " << busy << " killed; answered " << res.result_int()
              << " after " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
              << " ms\n";

    // The pool replaced it: two live workers again, the killed one not among them.
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    std::vector<pid_t> workers;
    do {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      workers = ParseWorkers(pid);
    } while (workers.size() != 2 && Clock::now() < deadline);
    EXPECT_EQ(workers.size(), 2u);
    EXPECT_EQ(std::count(workers.begin(), workers.end(), busy), 0);
  }
  ASSERT_TRUE(killed) << "no busy parse worker was found to kill";
  for (int i = 0; i < 3; ++i) ExpectServing("the killed worker");
}

}  // namespace
}  // namespace jc::testing
