// How the routes use the LLM: each capability's local result is the base, and the LLM may
// refine it. Every refinement is checked before it is used:
// - CV parsing: the model's corrections replace a local value only where the CV's text
//   supports them (profile_corrections.hpp); what was applied and refused is reported;
// - requirements: a skill the model names must be named in the posting text; years must be a
//   number the posting states; levels the local engine found are kept;
// - fit explanation: sentences with numbers or skills the analysis does not hold are dropped
//   (the score itself always stays local and deterministic, scored on the local requirements);
// - suggestions: a rewritten message may not name a skill its original does not;
// - CV bullets and the cover letter: the truthfulness check (generation/truthfulness.hpp) runs
//   on what the model wrote, in FinishDocuments.
// A failed or unusable answer leaves the local result, with a warning, unless the request
// required the LLM (options.engine "llm": then 503, or 504 on a timeout).
//
// The truthfulness checks of what the model wrote are CPU work and run on the WorkerPool; only
// the LLM calls run on the caller's I/O executor.
//
// EngineUse tracks one request's choice and what the LLM calls cost, for meta. Not thread-safe
// (one per request); the functions are coroutines on the caller's executor.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/document_generation.hpp"
#include "api/dto/common_dto.hpp"
#include "api/dto/cv_dto.hpp"
#include "domain/fit.hpp"
#include "domain/job.hpp"
#include "http/worker_pool.hpp"
#include "llm/llm_service.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::api {

class EngineUse {
 public:
  EngineUse(llm::LlmService* llm, std::optional<EngineChoice> choice);

  // Whether to ask the LLM at all (configured and not "local").
  bool Try() const { return llm_ != nullptr && choice_ != EngineChoice::local; }
  llm::LlmService& Service() { return *llm_; }

  // 503 when the request requires the LLM and none is configured.
  Status Precheck() const;

  // After a call: on success records its cost; on failure either returns the error to answer
  // with (the LLM was required) or records a warning naming `what` fell back to local.
  void Used(const llm::CallInfo& info);
  Status Failed(const Error& error, std::string_view what);

  // meta.engine ("llm:<model>" when an LLM answer was used), meta.llm and the warnings.
  void Fill(Meta& meta) const;

 private:
  llm::LlmService* llm_;
  std::optional<EngineChoice> choice_;
  bool used_ = false;
  LlmMeta usage_;
  std::vector<std::string> warnings_;
};

// Reviews a parse: the model gets the extracted text and the local profile; its corrections are
// applied on the pool (profile_corrections.hpp) and listed in response.refinement. Provenance and
// the normalised phone of a corrected field are dropped: they described the local value.
boost::asio::awaitable<Status> RefineProfile(EngineUse& use, ParseCvResponse& response,
                                             std::string_view cv_text,
                                             const nlp::SkillMatcher& skills,
                                             http::WorkerPool& workers, domain::PartialDate as_of);

boost::asio::awaitable<Result<domain::Requirements>> RefineRequirements(
    EngineUse& use, const domain::Job& job, domain::Requirements local,
    const nlp::SkillMatcher& skills);

boost::asio::awaitable<Status> RefineFitExplanation(EngineUse& use, domain::Fit& fit,
                                                    const nlp::SkillMatcher& skills);

boost::asio::awaitable<Status> RefineSuggestions(EngineUse& use,
                                                 std::vector<domain::Suggestion>& suggestions,
                                                 const nlp::SkillMatcher& skills);

// Rewrites the tailored CV's bullets and (unless `letter` is false: StreamLetter writes it)
// the letter's paragraphs in `draft`; FinishDocuments then checks them for truthfulness.
boost::asio::awaitable<Status> RefineDocuments(EngineUse& use, GenerationDraft& draft,
                                               const domain::Profile& original,
                                               const domain::Job& job,
                                               const GenerationSettings& settings,
                                               const nlp::SkillMatcher& skills,
                                               http::WorkerPool& workers, bool letter = true);

// The letter for a streamed answer: `write` receives the text as it is written (the model's,
// or the local letter's paragraphs at once) and returns false once the client is gone. At the
// end the model's letter goes through the same checks as in RefineDocuments; what the stream
// showed is then superseded by the checked letter in the final event.
boost::asio::awaitable<Status> StreamLetter(
    EngineUse& use, GenerationDraft& draft, const domain::Profile& original, const domain::Job& job,
    const GenerationSettings& settings, const nlp::SkillMatcher& skills, http::WorkerPool& workers,
    const std::function<boost::asio::awaitable<bool>(std::string_view)>& write);

}  // namespace jc::api
