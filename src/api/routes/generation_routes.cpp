// Document generation routes: a tailored CV, a cover letter, or both, as JSON or (with
// `Accept: text/event-stream`) as Server-Sent Events that show the letter as it is written.
// The local work (tailoring, writing, the truthfulness check, rendering) runs on the CPU pool;
// the LLM's calls run on the I/O thread's executor without blocking it.
#include <chrono>
#include <ctime>

#include "api/cv_parse_job.hpp"
#include "api/document_generation.hpp"
#include "api/dto/generation_dto.hpp"
#include "api/dto/generation_mapping.hpp"
#include "api/dto/job_mapping.hpp"
#include "api/dto/profile_mapping.hpp"
#include "api/llm_refinement.hpp"
#include "api/routes/route_groups.hpp"
#include "http/error_response.hpp"
#include "http/response_stream.hpp"
#include "http/sse.hpp"

namespace jc::api {
namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point started) {
  return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

generation::LetterDate Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

GenerationSettings SettingsFor(const GenerateRequest& req, bool cv, bool letter) {
  auto settings = FromDto(req.options);
  settings.cv = cv;
  settings.cover_letter = letter;
  settings.as_of = CurrentMonth();
  settings.today = Today();
  return settings;
}

std::optional<EngineChoice> Choice(const GenerateRequest& req) {
  return req.options ? req.options->engine : std::nullopt;
}

// What each route answers, from the generated documents.
void Fill(GenerateCvResponse& out, const GeneratedDocuments& g) {
  out.cv = ToDto(*g.cv);
}
void Fill(GenerateCoverLetterResponse& out, const GeneratedDocuments& g) {
  out.coverLetter = ToDto(*g.cover_letter);
}
void Fill(GenerateDocumentsResponse& out, const GeneratedDocuments& g) {
  out.cv = ToDto(*g.cv);
  out.coverLetter = ToDto(*g.cover_letter);
}

template <typename Res>
void Complete(Res& out, const GeneratedDocuments& g, const EngineUse& use,
              const GenerateRequest& req, Clock::time_point started) {
  Fill(out, g);
  out.meta.language = g.language;
  out.meta.warnings = g.warnings;
  use.Fill(out.meta);
  out.meta.template_ =
      req.options && req.options->template_ ? *req.options->template_ : CvTemplate::classic;
  out.meta.durationMs = MillisSince(started);
}

// The JSON answer: the local draft, the LLM's rewrite when one is configured, then the
// truthfulness check and rendering.
template <typename Res>
net::awaitable<Result<Res>> Answer(AppServices& services, const GenerateRequest& req, bool cv,
                                   bool letter) {
  const auto started = Clock::now();
  const auto settings = SettingsFor(req, cv, letter);
  EngineUse use(services.llm, Choice(req));
  JC_CO_RETURN_IF_ERROR(use.Precheck());
  const auto profile = FromDto(req.profileData);
  const auto job = FromDto(req.jobData);
  const auto& skills = services.skills;
  auto draft = co_await services.workers.Run(
      [&] { return PrepareDocuments(profile, job, settings, skills); });
  if (!draft) co_return draft.error();
  JC_CO_RETURN_IF_ERROR(
      co_await RefineDocuments(use, *draft, profile, job, settings, skills, services.workers));
  auto generated = co_await services.workers.Run(
      [&] { return FinishDocuments(std::move(*draft), profile, job, settings, skills); });
  if (!generated) co_return generated.error();
  Res out;
  Complete(out, *generated, use, req, started);
  co_return out;
}

// Event payloads, built outside the coroutines (g++ 12 rejects some braced lists in them).
std::string TokenJson(std::string_view text) {
  return boost::json::serialize(boost::json::object{{"text", text}});
}

std::string MetaJson(std::string_view engine, std::string_view language) {
  return boost::json::serialize(boost::json::object{{"engine", engine}, {"language", language}});
}

// The streamed answer. Events: `meta` ({"engine", "language"}) first; `token` ({"text"}) as the
// letter is written; `done` with the same JSON as the non-streamed answer, after the
// truthfulness check (the letter in `done` is the one to keep: the check may have removed
// sentences the tokens showed); or `error` with the error envelope. Errors before the stream
// starts (validation, a required LLM missing) are the usual JSON errors.
template <typename Res>
net::awaitable<Status> Stream(AppServices& services, http::RequestContext& ctx,
                              const GenerateRequest& req, bool cv, bool letter) {
  const auto started = Clock::now();
  const auto settings = SettingsFor(req, cv, letter);
  EngineUse use(services.llm, Choice(req));
  JC_CO_RETURN_IF_ERROR(use.Precheck());
  const auto profile = FromDto(req.profileData);
  const auto job = FromDto(req.jobData);
  const auto& skills = services.skills;
  auto draft = co_await services.workers.Run(
      [&] { return PrepareDocuments(profile, job, settings, skills); });
  if (!draft) co_return draft.error();

  auto& stream = *ctx.stream;
  const bool begun = co_await stream.Begin(http::bhttp::status::ok, http::kEventStreamType);
  if (!begun) co_return Status{};
  const auto send = [&stream](std::string_view event, std::string data) -> net::awaitable<bool> {
    const bool sent = co_await stream.Write(http::SseEvent(event, data));
    co_return sent;
  };
  const std::string engine =
      use.Try() ? "llm:" + std::string(services.llm->Model()) : std::string("local");
  const bool meta_sent = co_await send("meta", MetaJson(engine, draft->labels->language));
  if (!meta_sent) co_return Status{};

  auto refined = co_await RefineDocuments(use, *draft, profile, job, settings, skills,
                                          services.workers, false);
  if (refined && letter) {
    const std::function<net::awaitable<bool>(std::string_view)> token =
        [&send](std::string_view text) -> net::awaitable<bool> {
      const bool sent = co_await send("token", TokenJson(text));
      co_return sent;
    };
    refined =
        co_await StreamLetter(use, *draft, profile, job, settings, skills, services.workers, token);
  }
  if (!refined) {
    co_await send("error", http::ErrorBody(refined.error(), ctx.request_id));
    co_return Status{};
  }
  auto generated = co_await services.workers.Run(
      [&] { return FinishDocuments(std::move(*draft), profile, job, settings, skills); });
  if (!generated) {
    co_await send("error", http::ErrorBody(generated.error(), ctx.request_id));
    co_return Status{};
  }
  Res out;
  Complete(out, *generated, use, req, started);
  co_await send("done", schema::EncodeJson(out));
  co_return Status{};
}

constexpr std::string_view kEvents =
    "With `Accept: text/event-stream`: `meta` ({\"engine\", \"language\"}), then `token` events "
    "({\"text\"}) carrying the letter as it is written, then one `done` event with the JSON "
    "answer after the truthfulness check (its letter supersedes the tokens), or an `error` event "
    "with the error envelope.";

template <typename Res>
void AddRoute(Registry& r, AppServices& services, std::string path, Operation op, bool cv,
              bool letter) {
  r.PostStreaming<GenerateRequest, Res>(
      std::move(path), op, kEvents,
      [&services, cv, letter](http::RequestContext&,
                              GenerateRequest& req) -> net::awaitable<Result<Res>> {
        co_return co_await Answer<Res>(services, req, cv, letter);
      },
      [&services, cv, letter](http::RequestContext& ctx,
                              GenerateRequest& req) -> net::awaitable<Status> {
        co_return co_await Stream<Res>(services, ctx, req, cv, letter);
      });
}

}  // namespace

void AddGenerationRoutes(Registry& r, AppServices& services) {
  AddRoute<GenerateCvResponse>(
      r, services, "/api/generate-cv",
      {.summary = "Generate a CV tailored to a job",
       .description =
           "Markdown, HTML, PDF and DOCX (only the formats asked for; default markdown), in the "
           "classic or modern template. Tailoring orders the profile's roles, bullets, projects "
           "and skills by relevance to the job and lists every change; it never adds a fact. "
           "The truthfulness check traces every employer, title, degree, institution, date, "
           "skill and number the document states to the profile and removes what it cannot "
           "trace (`truthfulness`).",
       .tag = "generation",
       .errors = {422, 503, 504}},
      true, false);
  AddRoute<GenerateCoverLetterResponse>(
      r, services, "/api/generate-cover-letter",
      {.summary = "Generate a cover letter for a job",
       .description = "Tones: professional, enthusiastic, concise; English or German (default: "
                      "the posting's language). Built from the job's top requirements paired "
                      "with evidence from the profile; 250-400 words by default. With an LLM, "
                      "the model writes it and the truthfulness check removes what the profile "
                      "does not support.",
       .tag = "generation",
       .errors = {422, 503, 504}},
      false, true);
  AddRoute<GenerateDocumentsResponse>(
      r, services, "/api/generate-documents",
      {.summary = "Generate a tailored CV and a cover letter",
       .description = "The same request as generate-cv; answers both documents.",
       .tag = "generation",
       .errors = {422, 503, 504}},
      true, true);
}

}  // namespace jc::api
