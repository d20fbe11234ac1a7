// Job analysis routes: requirements, fit, suggestions and ranking. The analysis runs on the CPU
// pool (it is text work over validated JSON, so it needs no sandbox).
#include <algorithm>
#include <chrono>

#include "analysis/fit_scorer.hpp"
#include "analysis/suggestions.hpp"
#include "api/cv_parse_job.hpp"
#include "api/dto/job_dto.hpp"
#include "api/dto/job_mapping.hpp"
#include "api/dto/profile_mapping.hpp"
#include "api/llm_refinement.hpp"
#include "api/routes/route_groups.hpp"
#include "parsing/job/requirements_extractor.hpp"

namespace jc::api {
namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point started) {
  return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

// Warnings for input that is valid but too thin to analyse well.
void WarnIfThin(const domain::Requirements& r, std::vector<std::string>& warnings) {
  if (r.required_skills.empty() && r.preferred_skills.empty() && !r.min_years_experience &&
      !r.education_level && !r.seniority) {
    warnings.emplace_back(
        "no requirements were found in the posting text; send the full posting as description");
  }
}

void WarnIfThin(const domain::Profile& p, std::vector<std::string>& warnings) {
  if (p.skills.technical.empty() && p.skills.soft.empty() && p.work_experience.empty() &&
      p.education.empty() && p.certifications.empty() && p.languages.empty()) {
    warnings.emplace_back(
        "the profile has no skills, roles, education, certifications or languages; the score "
        "cannot reflect the candidate");
  }
}

// Ranks fits best first; equal scores keep the request's order.
RankResponse Rank(std::vector<domain::Fit> fits, Clock::time_point started) {
  std::vector<int> order(fits.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&fits](int a, int b) {
    return fits[static_cast<std::size_t>(a)].score > fits[static_cast<std::size_t>(b)].score;
  });
  RankResponse out;
  out.ranking.reserve(fits.size());
  for (const int i : order) out.ranking.push_back({i, ToDto(fits[static_cast<std::size_t>(i)])});
  out.meta.durationMs = MillisSince(started);
  return out;
}

std::optional<EngineChoice> Choice(const std::optional<EngineOptions>& options) {
  return options ? options->engine : std::nullopt;
}

}  // namespace

void AddJobRoutes(Registry& r, AppServices& services) {
  const nlp::SkillMatcher& skills = services.skills;
  http::WorkerPool& workers = services.workers;
  llm::LlmService* llm = services.llm;

  r.Post<AnalyzeJobRequirementsRequest, AnalyzeJobRequirementsResponse>(
      "/api/analyze-job-requirements",
      {.summary = "Extract a job's requirements",
       .description = "Required and preferred skills (canonical names from the skill taxonomy), "
                      "years overall and per skill, education, seniority, employment type, "
                      "workplace, location, salary, responsibilities and keywords.",
       .tag = "jobs"},
      [&skills, &workers, llm](http::RequestContext&, AnalyzeJobRequirementsRequest& req)
          -> net::awaitable<Result<AnalyzeJobRequirementsResponse>> {
        const auto started = Clock::now();
        EngineUse use(llm, Choice(req.options));
        JC_CO_RETURN_IF_ERROR(use.Precheck());
        const auto job = FromDto(req.jobData);
        AnalyzeJobRequirementsResponse out;
        auto requirements =
            co_await workers.Run([&] { return parsing::ExtractRequirements(job, skills); });
        auto refined = co_await RefineRequirements(use, job, std::move(requirements), skills);
        if (!refined) co_return refined.error();
        out.requirements = ToDto(*refined);
        WarnIfThin(*refined, out.meta.warnings);
        use.Fill(out.meta);
        out.meta.durationMs = MillisSince(started);
        co_return out;
      });

  r.Post<AnalyzeJobFitRequest, AnalyzeJobFitResponse>(
      "/api/analyze-job-fit",
      {.summary = "Score how well a profile fits a job",
       .description = "A deterministic score (docs/fit-score.md) with weighted sub-scores, "
                      "matched, related and missing skills, the evidence for every requirement, "
                      "and the reasons.",
       .tag = "jobs"},
      [&skills, &workers, llm](http::RequestContext&, AnalyzeJobFitRequest& req)
          -> net::awaitable<Result<AnalyzeJobFitResponse>> {
        const auto started = Clock::now();
        EngineUse use(llm, Choice(req.options));
        JC_CO_RETURN_IF_ERROR(use.Precheck());
        const auto profile = FromDto(req.profileData);
        const auto job = FromDto(req.jobData);
        AnalyzeJobFitResponse out;
        // The score is always the local engine's, from the local requirements: the same input
        // gives the same score, with or without an LLM. The LLM may only word the explanation.
        auto fit = co_await workers.Run([&] {
          const auto requirements = parsing::ExtractRequirements(job, skills);
          WarnIfThin(requirements, out.meta.warnings);
          return analysis::ScoreFit(profile, requirements, skills, CurrentMonth());
        });
        JC_CO_RETURN_IF_ERROR(co_await RefineFitExplanation(use, fit, skills));
        out.fit = ToDto(fit);
        WarnIfThin(profile, out.meta.warnings);
        use.Fill(out.meta);
        out.meta.durationMs = MillisSince(started);
        co_return out;
      });

  r.Post<SuggestImprovementsRequest, SuggestImprovementsResponse>(
      "/api/suggest-improvements",
      {.summary = "Suggest improvements to a profile",
       .description = "Prioritised, specific and truthful suggestions; with a job, also from the "
                      "fit's gaps (a skill shown only in a bullet: add it to the skills list; a "
                      "skill shown nowhere: a gap to consider learning).",
       .tag = "jobs"},
      [&skills, &workers, llm](http::RequestContext&, SuggestImprovementsRequest& req)
          -> net::awaitable<Result<SuggestImprovementsResponse>> {
        const auto started = Clock::now();
        EngineUse use(llm, Choice(req.options));
        JC_CO_RETURN_IF_ERROR(use.Precheck());
        const auto profile = FromDto(req.profileData);
        std::optional<domain::Job> job;
        if (req.jobData) job = FromDto(*req.jobData);
        SuggestImprovementsResponse out;
        auto suggestions = co_await workers.Run([&] {
          std::optional<domain::Fit> fit;
          if (job) {
            fit = analysis::ScoreFit(profile, parsing::ExtractRequirements(*job, skills), skills,
                                     CurrentMonth());
          }
          return analysis::SuggestImprovements(profile, fit ? &*fit : nullptr);
        });
        JC_CO_RETURN_IF_ERROR(co_await RefineSuggestions(use, suggestions, skills));
        for (const auto& s : suggestions) out.suggestions.push_back(ToDto(s));
        use.Fill(out.meta);
        out.meta.durationMs = MillisSince(started);
        co_return out;
      });

  r.Post<RankJobsRequest, RankResponse>(
      "/api/rank-jobs",
      {.summary = "Rank up to 1,000 jobs for one profile",
       .description = "Scores the profile against every job (as /api/analyze-job-fit does) and "
                      "returns the fits sorted best first; `index` is the job's position in the "
                      "request. Takes bodies up to MAX_UPLOAD_BYTES.",
       .tag = "jobs",
       .upload = true},
      [&skills, &workers](http::RequestContext&,
                          RankJobsRequest& req) -> net::awaitable<Result<RankResponse>> {
        const auto started = Clock::now();
        const auto profile = FromDto(req.profileData);
        auto fits = co_await workers.Run([&] {
          // The profile is indexed once for all the jobs; the jobs are spread over the CPU pool.
          const auto index = analysis::ProfileIndex::Build(profile, skills);
          const auto as_of = CurrentMonth();
          std::vector<domain::Fit> out(req.jobs.size());
          workers.ParallelFor(req.jobs.size(), [&](std::size_t i) {
            out[i] = analysis::ScoreFit(
                index, parsing::ExtractRequirements(FromDto(req.jobs[i]), skills), skills, as_of);
          });
          return out;
        });
        co_return Rank(std::move(fits), started);
      });

  r.Post<RankCandidatesRequest, RankResponse>(
      "/api/rank-candidates",
      {.summary = "Rank up to 1,000 profiles for one job",
       .description = "Extracts the job's requirements once, scores every profile against them "
                      "and returns the fits sorted best first; `index` is the profile's position "
                      "in the request. Takes bodies up to MAX_UPLOAD_BYTES.",
       .tag = "jobs",
       .upload = true},
      [&skills, &workers](http::RequestContext&,
                          RankCandidatesRequest& req) -> net::awaitable<Result<RankResponse>> {
        const auto started = Clock::now();
        auto fits = co_await workers.Run([&] {
          const auto requirements = parsing::ExtractRequirements(FromDto(req.jobData), skills);
          const auto as_of = CurrentMonth();
          std::vector<domain::Fit> out(req.profiles.size());
          workers.ParallelFor(req.profiles.size(), [&](std::size_t i) {
            out[i] = analysis::ScoreFit(FromDto(req.profiles[i]), requirements, skills, as_of);
          });
          return out;
        });
        co_return Rank(std::move(fits), started);
      });
}

}  // namespace jc::api
