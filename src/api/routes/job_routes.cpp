// Job analysis routes: requirements, fit, suggestions and ranking. Validated now; the analysis
// itself lands with the job-analysis engine.
#include "api/dto/job_dto.hpp"
#include "api/routes/route_groups.hpp"

namespace jc::api {

void AddJobRoutes(Registry& r, AppServices&) {
  r.Post<AnalyzeJobRequirementsRequest, AnalyzeJobRequirementsResponse>(
      "/api/analyze-job-requirements",
      {.summary = "Extract a job's requirements",
       .description = "Required and preferred skills, years, education, seniority, employment "
                      "type, workplace, location, salary, responsibilities and keywords.",
       .tag = "jobs",
       .errors = {501}},
      [](http::RequestContext&,
         AnalyzeJobRequirementsRequest&) -> net::awaitable<Result<AnalyzeJobRequirementsResponse>> {
        co_return NotImplemented("Job requirement extraction");
      });
  r.Post<AnalyzeJobFitRequest, AnalyzeJobFitResponse>(
      "/api/analyze-job-fit",
      {.summary = "Score how well a profile fits a job",
       .description = "A deterministic score with a breakdown, matched and missing skills, and "
                      "the reasons.",
       .tag = "jobs",
       .errors = {501}},
      [](http::RequestContext&,
         AnalyzeJobFitRequest&) -> net::awaitable<Result<AnalyzeJobFitResponse>> {
        co_return NotImplemented("Job fit analysis");
      });
  r.Post<SuggestImprovementsRequest, SuggestImprovementsResponse>(
      "/api/suggest-improvements",
      {.summary = "Suggest improvements to a profile",
       .description = "Prioritised, specific suggestions, for a job when one is given.",
       .tag = "jobs",
       .errors = {501}},
      [](http::RequestContext&,
         SuggestImprovementsRequest&) -> net::awaitable<Result<SuggestImprovementsResponse>> {
        co_return NotImplemented("Improvement suggestions");
      });
  r.Post<RankJobsRequest, RankResponse>(
      "/api/rank-jobs",
      {.summary = "Rank up to 1,000 jobs for one profile",
       .description = "Returns the fits sorted best first.",
       .tag = "jobs",
       .errors = {501}},
      [](http::RequestContext&, RankJobsRequest&) -> net::awaitable<Result<RankResponse>> {
        co_return NotImplemented("Job ranking");
      });
  r.Post<RankCandidatesRequest, RankResponse>(
      "/api/rank-candidates",
      {.summary = "Rank up to 1,000 profiles for one job",
       .description = "Returns the fits sorted best first.",
       .tag = "jobs",
       .errors = {501}},
      [](http::RequestContext&, RankCandidatesRequest&) -> net::awaitable<Result<RankResponse>> {
        co_return NotImplemented("Candidate ranking");
      });
}

}  // namespace jc::api
