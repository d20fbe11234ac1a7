// Document generation routes: a tailored CV, a cover letter, or both. The work (tailoring,
// writing, the truthfulness check, rendering) runs on the CPU pool.
#include <chrono>
#include <ctime>

#include "api/cv_parse_job.hpp"
#include "api/document_generation.hpp"
#include "api/dto/generation_dto.hpp"
#include "api/dto/generation_mapping.hpp"
#include "api/dto/job_mapping.hpp"
#include "api/dto/profile_mapping.hpp"
#include "api/routes/route_groups.hpp"

namespace jc::api {
namespace {

using Clock = std::chrono::steady_clock;

generation::LetterDate Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

// Runs the generation for one request on the CPU pool and fills meta.
net::awaitable<Result<GeneratedDocuments>> Generate(http::WorkerPool& workers,
                                                    const nlp::SkillMatcher& skills,
                                                    const GenerateRequest& req, bool cv,
                                                    bool letter, GenerationMeta& meta) {
  auto settings = FromDto(req.options);
  settings.cv = cv;
  settings.cover_letter = letter;
  settings.as_of = CurrentMonth();
  settings.today = Today();
  const auto profile = FromDto(req.profileData);
  const auto job = FromDto(req.jobData);
  auto generated =
      co_await workers.Run([&] { return GenerateDocuments(profile, job, settings, skills); });
  if (generated) {
    meta.language = generated->language;
    meta.warnings = generated->warnings;
  }
  meta.template_ =
      req.options && req.options->template_ ? *req.options->template_ : CvTemplate::classic;
  co_return generated;
}

double MillisSince(Clock::time_point started) {
  return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

}  // namespace

void AddGenerationRoutes(Registry& r, AppServices& services) {
  const nlp::SkillMatcher& skills = services.skills;
  http::WorkerPool& workers = services.workers;

  r.Post<GenerateRequest, GenerateCvResponse>(
      "/api/generate-cv",
      {.summary = "Generate a CV tailored to a job",
       .description =
           "Markdown, HTML, PDF and DOCX (only the formats asked for; default "
           "markdown), in the classic or modern template. Tailoring orders the "
           "profile's roles, bullets, projects and skills by relevance to the job and "
           "lists every change; it never adds a fact. The truthfulness check traces every "
           "employer, title, degree, institution, date, skill and number the document "
           "states to the profile and removes what it cannot trace (`truthfulness`).",
       .tag = "generation",
       .errors = {422}},
      [&skills, &workers](http::RequestContext&,
                          GenerateRequest& req) -> net::awaitable<Result<GenerateCvResponse>> {
        const auto started = Clock::now();
        GenerateCvResponse out;
        auto generated = co_await Generate(workers, skills, req, true, false, out.meta);
        if (!generated) co_return generated.error();
        out.cv = ToDto(*generated->cv);
        out.meta.durationMs = MillisSince(started);
        co_return out;
      });
  r.Post<GenerateRequest, GenerateCoverLetterResponse>(
      "/api/generate-cover-letter",
      {.summary = "Generate a cover letter for a job",
       .description = "Tones: professional, enthusiastic, concise; English or German (default: "
                      "the posting's language). Built from the job's top requirements paired "
                      "with evidence from the profile; 250-400 words by default.",
       .tag = "generation",
       .errors = {422}},
      [&skills, &workers](http::RequestContext&, GenerateRequest& req)
          -> net::awaitable<Result<GenerateCoverLetterResponse>> {
        const auto started = Clock::now();
        GenerateCoverLetterResponse out;
        auto generated = co_await Generate(workers, skills, req, false, true, out.meta);
        if (!generated) co_return generated.error();
        out.coverLetter = ToDto(*generated->cover_letter);
        out.meta.durationMs = MillisSince(started);
        co_return out;
      });
  r.Post<GenerateRequest, GenerateDocumentsResponse>(
      "/api/generate-documents",
      {.summary = "Generate a tailored CV and a cover letter",
       .description = "The same request as generate-cv; answers both documents.",
       .tag = "generation",
       .errors = {422}},
      [&skills, &workers](http::RequestContext&, GenerateRequest& req)
          -> net::awaitable<Result<GenerateDocumentsResponse>> {
        const auto started = Clock::now();
        GenerateDocumentsResponse out;
        auto generated = co_await Generate(workers, skills, req, true, true, out.meta);
        if (!generated) co_return generated.error();
        out.cv = ToDto(*generated->cv);
        out.coverLetter = ToDto(*generated->cover_letter);
        out.meta.durationMs = MillisSince(started);
        co_return out;
      });
}

}  // namespace jc::api
