#include "api/llm_refinement.hpp"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <set>
#include <tuple>

#include "api/dto/job_mapping.hpp"
#include "api/dto/llm_dto.hpp"
#include "api/dto/profile_mapping.hpp"
#include "api/profile_corrections.hpp"
#include "generation/clean_text.hpp"
#include "generation/cover_letter.hpp"
#include "generation/truthfulness.hpp"
#include "http/worker_pool.hpp"
#include "schema/schema.hpp"

namespace jc::api {
namespace {

using llm::PromptValue;

template <typename Dto>
std::string JsonOf(const Dto& dto) {
  return boost::json::serialize(schema::Encode(dto));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The distinct taxonomy skills a text names (negated mentions aside).
std::set<nlp::SkillId> SkillsIn(std::string_view text, const nlp::SkillMatcher& skills) {
  std::set<nlp::SkillId> out;
  for (const auto& m : skills.FindAll(text)) {
    if (!m.negated) out.insert(m.skill);
  }
  return out;
}

// The runs of digits in a text ("5+ years", "3,000" -> "5", "3", "000").
std::vector<std::string> Numbers(std::string_view text) {
  std::vector<std::string> out;
  std::string run;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      run += c;
    } else if (!run.empty()) {
      out.push_back(std::move(run));
      run.clear();
    }
  }
  if (!run.empty()) out.push_back(std::move(run));
  return out;
}

// The model's skills the posting names, by canonical name, without duplicates.
std::vector<std::string> SupportedSkills(const std::vector<std::string>& proposed,
                                         const std::set<nlp::SkillId>& in_posting,
                                         const std::string& posting_lower,
                                         const nlp::SkillMatcher& skills,
                                         std::set<std::string>& taken) {
  std::vector<std::string> out;
  for (const auto& raw : proposed) {
    const std::string name = generation::CleanText(raw);
    std::string canonical;
    if (const auto* s = skills.taxonomy().FindByName(name)) {
      if (!in_posting.contains(s->id)) continue;
      canonical = s->name;
    } else {
      if (name.size() < 2 || posting_lower.find(Lower(name)) == std::string::npos) continue;
      canonical = name;
    }
    if (taken.insert(Lower(canonical)).second) out.push_back(canonical);
  }
  return out;
}

// The CV text a prompt carries: whole lines, at most kMaxPromptText bytes (a CV is far shorter;
// the checks still see the whole text).
constexpr std::size_t kMaxPromptText = 40'000;

std::string PromptText(std::string_view text) {
  if (text.size() <= kMaxPromptText) return std::string(text);
  const auto cut = text.rfind('\n', kMaxPromptText);
  return std::string(text.substr(0, cut == std::string_view::npos ? kMaxPromptText : cut + 1));
}

}  // namespace

EngineUse::EngineUse(llm::LlmService* llm, std::optional<EngineChoice> choice)
    : llm_(llm), choice_(choice) {}

Status EngineUse::Precheck() const {
  if (choice_ == EngineChoice::llm && llm_ == nullptr) {
    return Error::Make(ErrorCode::kUnavailable,
                       "options.engine is \"llm\" but no LLM is configured (set OPENAI_API_KEY "
                       "or OPENAI_BASE_URL)");
  }
  return {};
}

void EngineUse::Used(const llm::CallInfo& info) {
  used_ = true;
  usage_.model = info.model.empty() ? std::string(llm_->Model()) : info.model;
  if (std::find(usage_.prompts.begin(), usage_.prompts.end(), info.prompt) ==
      usage_.prompts.end()) {
    usage_.prompts.push_back(info.prompt);
  }
  usage_.calls += info.cached ? 0 : (info.repaired ? 2 : 1);
  usage_.cachedCalls += info.cached ? 1 : 0;
  usage_.promptTokens += info.usage.prompt_tokens;
  usage_.completionTokens += info.usage.completion_tokens;
  usage_.latencyMs += info.latency_ms;
}

Status EngineUse::Failed(const Error& error, std::string_view what) {
  if (choice_ == EngineChoice::llm) {
    if (error.code == ErrorCode::kUpstreamTimeout) return error;
    Error unavailable =
        Error::Make(ErrorCode::kUnavailable,
                    "the LLM could not produce the " + std::string(what) + ": " + error.message);
    unavailable.retry_after_seconds = error.retry_after_seconds;
    return unavailable;
  }
  warnings_.push_back("the LLM could not refine the " + std::string(what) + " (" + error.message +
                      "); the local engine's result is returned");
  return {};
}

void EngineUse::Fill(Meta& meta) const {
  meta.engine = used_ ? "llm:" + usage_.model : "local";
  if (used_) meta.llm = usage_;
  meta.warnings.insert(meta.warnings.end(), warnings_.begin(), warnings_.end());
}

boost::asio::awaitable<Status> RefineProfile(EngineUse& use, ParseCvResponse& response,
                                             std::string_view cv_text,
                                             const nlp::SkillMatcher& skills,
                                             http::WorkerPool& workers, domain::PartialDate as_of) {
  if (!use.Try()) co_return Status{};
  const llm::PromptValues values = {{"cv", PromptValue{PromptText(cv_text)}},
                                    {"local", PromptValue{JsonOf(response.profileData)}}};
  auto answer = co_await use.Service().Ask<ProfileCorrectionsAnswer>("cv_refine", values);
  if (!answer) co_return use.Failed(answer.error(), "CV parse");
  co_await workers.Run([&] {
    auto profile = FromDto(response.profileData);
    auto refinement = ApplyProfileCorrections(profile, cv_text, answer->value, skills, as_of);
    response.profileData = ToDto(profile);
    for (const auto& applied : refinement.applied) {
      std::erase_if(response.fieldDetails,
                    [&](const FieldDetail& d) { return d.field == applied.field; });
      if (applied.field == "/phone") response.normalized = {};
    }
    response.refinement = std::move(refinement);
  });
  use.Used(answer->info);
  co_return Status{};
}

boost::asio::awaitable<Result<domain::Requirements>> RefineRequirements(
    EngineUse& use, const domain::Job& job, domain::Requirements local,
    const nlp::SkillMatcher& skills) {
  if (!use.Try()) co_return local;
  const std::string posting = job.title.value_or("") + "\n" + job.description;
  const llm::PromptValues values = {{"posting", PromptValue{posting}},
                                    {"local", PromptValue{JsonOf(ToDto(local))}}};
  auto answer = co_await use.Service().Ask<RequirementsAnswer>("requirements", values);
  if (!answer) {
    if (auto failed = use.Failed(answer.error(), "job requirements"); !failed) {
      co_return failed.error();
    }
    co_return local;
  }
  const auto& a = answer->value;
  const auto in_posting = SkillsIn(posting, skills);
  const std::string posting_lower = Lower(posting);
  std::set<std::string> taken;
  auto required = SupportedSkills(a.requiredSkills, in_posting, posting_lower, skills, taken);
  auto preferred = SupportedSkills(a.preferredSkills, in_posting, posting_lower, skills, taken);
  if (required.empty() && preferred.empty()) {
    if (auto failed = use.Failed(Error::Make(ErrorCode::kUnavailable,
                                             "none of the model's skills is named in the posting"),
                                 "job requirements");
        !failed) {
      co_return failed.error();
    }
    co_return local;
  }
  local.required_skills = std::move(required);
  local.preferred_skills = std::move(preferred);
  if (a.minYearsExperience) {
    const auto stated = Numbers(posting);
    const auto years = std::to_string(static_cast<int>(*a.minYearsExperience));
    if (std::find(stated.begin(), stated.end(), years) != stated.end()) {
      local.min_years_experience = *a.minYearsExperience;
    }
  }
  if (!local.education_level && a.educationLevel) {
    local.education_level = static_cast<domain::EducationLevel>(*a.educationLevel);
  }
  if (!local.seniority && a.seniority) {
    local.seniority = static_cast<domain::Seniority>(*a.seniority);
  }
  std::erase_if(local.skill_years, [&](const domain::SkillYears& sy) {
    return std::find(local.required_skills.begin(), local.required_skills.end(), sy.skill) ==
               local.required_skills.end() &&
           std::find(local.preferred_skills.begin(), local.preferred_skills.end(), sy.skill) ==
               local.preferred_skills.end();
  });
  use.Used(answer->info);
  co_return local;
}

boost::asio::awaitable<Status> RefineFitExplanation(EngineUse& use, domain::Fit& fit,
                                                    const nlp::SkillMatcher& skills) {
  if (!use.Try()) co_return Status{};
  const std::string fit_json = JsonOf(ToDto(fit));
  const llm::PromptValues values = {{"fit", PromptValue{fit_json}}};
  auto answer = co_await use.Service().Ask<FitExplanationAnswer>("fit_explanation", values);
  if (!answer) co_return use.Failed(answer.error(), "fit explanation");
  // A sentence may only use the numbers the local explanation, the score and the years hold
  // (not a sub-score: "rated 100" is not a fact about this fit), and skills the analysis names.
  std::string facts = std::to_string(static_cast<int>(fit.score)) + " " + std::to_string(fit.score);
  for (const auto& line : fit.explanation) facts += " " + line;
  if (fit.required_years) facts += " " + std::to_string(*fit.required_years);
  if (fit.candidate_years) facts += " " + std::to_string(*fit.candidate_years);
  const auto known_numbers = Numbers(facts);
  const auto known_skills = SkillsIn(fit_json, skills);
  std::vector<std::string> kept;
  for (const auto& raw : answer->value.explanation) {
    const std::string sentence = generation::CleanText(raw);
    bool ok = !sentence.empty();
    for (const auto& n : Numbers(sentence)) {
      ok = ok && std::find(known_numbers.begin(), known_numbers.end(), n) != known_numbers.end();
    }
    for (const auto id : SkillsIn(sentence, skills)) ok = ok && known_skills.contains(id);
    if (ok) kept.push_back(sentence);
  }
  if (kept.empty()) {
    co_return use.Failed(Error::Make(ErrorCode::kUnavailable,
                                     "every sentence named a number or skill the analysis does "
                                     "not hold"),
                         "fit explanation");
  }
  fit.explanation = std::move(kept);
  use.Used(answer->info);
  co_return Status{};
}

boost::asio::awaitable<Status> RefineSuggestions(EngineUse& use,
                                                 std::vector<domain::Suggestion>& suggestions,
                                                 const nlp::SkillMatcher& skills) {
  if (!use.Try() || suggestions.empty()) co_return Status{};
  boost::json::array list;
  for (const auto& s : suggestions) list.push_back(schema::Encode(ToDto(s)));
  const llm::PromptValues values = {{"suggestions", PromptValue{boost::json::serialize(list)}}};
  auto answer = co_await use.Service().Ask<SuggestionsAnswer>("suggestions", values);
  if (!answer) co_return use.Failed(answer.error(), "suggestions");
  const auto& messages = answer->value.messages;
  if (messages.size() != suggestions.size()) {
    co_return use.Failed(
        Error::Make(ErrorCode::kUnavailable,
                    "the answer had " + std::to_string(messages.size()) + " messages for " +
                        std::to_string(suggestions.size()) + " suggestions"),
        "suggestions");
  }
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const std::string message = generation::CleanText(messages[i]);
    const auto before = SkillsIn(suggestions[i].message, skills);
    const auto after = SkillsIn(message, skills);
    const bool adds_a_skill = std::any_of(after.begin(), after.end(),
                                          [&](nlp::SkillId id) { return !before.contains(id); });
    if (!message.empty() && !adds_a_skill) suggestions[i].message = message;
  }
  use.Used(answer->info);
  co_return Status{};
}

namespace {

boost::asio::awaitable<Status> RewriteBullets(EngineUse& use, GenerationDraft& draft,
                                              const generation::FactBase& facts,
                                              http::WorkerPool& workers) {
  auto& roles = draft.tailored.profile.work_experience;
  boost::json::array bullets;
  for (std::size_t r = 0; r < roles.size(); ++r) {
    for (std::size_t b = 0; b < roles[r].highlights.size(); ++b) {
      bullets.push_back(
          boost::json::object{{"id", "r" + std::to_string(r) + "b" + std::to_string(b)},
                              {"role", roles[r].title.value_or("")},
                              {"text", roles[r].highlights[b]}});
    }
  }
  if (bullets.empty()) co_return Status{};
  const llm::PromptValues values = {
      {"requirements", PromptValue{JsonOf(ToDto(draft.requirements))}},
      {"bullets", PromptValue{boost::json::serialize(bullets)}}};
  auto answer = co_await use.Service().Ask<BulletRewriteAnswer>("bullet_rewrite", values);
  if (!answer) co_return use.Failed(answer.error(), "CV wording");
  // The checks are CPU work: on the pool, not on this I/O thread.
  co_await workers.Run([&] {
    for (const auto& rewrite : answer->value.bullets) {
      std::size_t r = 0;
      std::size_t b = 0;
      if (std::sscanf(rewrite.id.c_str(), "r%zub%zu", &r, &b) != 2 || r >= roles.size() ||
          b >= roles[r].highlights.size()) {
        continue;
      }
      const std::string location =
          "cv/experience/" + std::to_string(r) + "/bullets/" + std::to_string(b);
      // A rewrite with a claim the profile does not support is dropped: the bullet keeps its
      // original words, and the report lists what the model invented.
      const std::string text = generation::CleanText(rewrite.text);
      const std::string checked = generation::CheckText(text, location, facts, draft.cv_truth);
      if (checked != text || checked.empty()) continue;
      roles[r].highlights[b] = checked;
      draft.tailored.changes.push_back(
          {generation::ChangeKind::kRephrased,
           "/workExperience/" + std::to_string(r) + "/highlights/" + std::to_string(b),
           "Reworded this bullet for the job; its facts are unchanged."});
    }
  });
  use.Used(answer->info);
  co_return Status{};
}

llm::PromptValues LetterValues(const GenerationDraft& draft, const domain::Job& job,
                               const GenerationSettings& settings) {
  static constexpr std::string_view kTones[] = {"professional", "enthusiastic", "concise"};
  return {{"language", PromptValue{std::string(draft.labels->language), false}},
          {"tone", PromptValue{std::string(kTones[static_cast<int>(settings.tone)]), false}},
          {"role", PromptValue{job.title.value_or(draft.requirements.title.value_or(""))}},
          {"company", PromptValue{job.company.value_or("")}},
          {"profile", PromptValue{JsonOf(ToDto(draft.tailored.profile))}},
          {"posting", PromptValue{job.description}},
          {"draft", PromptValue{draft.letter->text}}};
}

// Puts the model's paragraphs in the letter once the truthfulness check has removed what the
// profile does not support; what it removed goes into the report. A letter the check had to
// gut is not used: the local letter stays.
Status AdoptLetter(EngineUse& use, GenerationDraft& draft,
                   const std::vector<std::string>& paragraphs, const GenerationSettings& settings,
                   const generation::FactBase& facts, const llm::CallInfo& info) {
  generation::Document candidate = draft.letter->document;
  candidate.letter.paragraphs.clear();
  for (const auto& p : paragraphs) {
    if (auto clean = generation::CleanText(p); !clean.empty()) {
      candidate.letter.paragraphs.push_back(std::move(clean));
    }
  }
  generation::TruthReport report;
  generation::CheckDocument(candidate, facts, report);
  int words = 0;
  for (const auto& p : candidate.letter.paragraphs) words += generation::CountWords(p);
  draft.letter_truth.claims_checked += report.claims_checked;
  draft.letter_truth.removed += report.removed;
  draft.letter_truth.violations.insert(draft.letter_truth.violations.end(),
                                       report.violations.begin(), report.violations.end());
  if (words < (settings.tone == generation::LetterTone::kConcise ? 80 : 150)) {
    return use.Failed(Error::Make(ErrorCode::kUnavailable,
                                  "the model's letter kept only " + std::to_string(words) +
                                      " words after the truthfulness check"),
                      "cover letter");
  }
  draft.letter->document = std::move(candidate);
  draft.letter->text = generation::LetterText(draft.letter->document);
  use.Used(info);
  return {};
}

boost::asio::awaitable<Status> RewriteLetter(EngineUse& use, GenerationDraft& draft,
                                             const domain::Job& job,
                                             const GenerationSettings& settings,
                                             const generation::FactBase& facts,
                                             http::WorkerPool& workers) {
  const auto values = LetterValues(draft, job, settings);
  auto answer = co_await use.Service().Ask<LetterAnswer>("cover_letter", values);
  if (!answer) co_return use.Failed(answer.error(), "cover letter");
  co_return co_await workers.Run([&] {
    return AdoptLetter(use, draft, answer->value.paragraphs, settings, facts, answer->info);
  });
}

// The paragraphs of a plain-text letter: blocks separated by empty lines.
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += ' ';
      current += line;
    }
    start = end + 1;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace

boost::asio::awaitable<Status> RefineDocuments(EngineUse& use, GenerationDraft& draft,
                                               const domain::Profile& original,
                                               const domain::Job& job,
                                               const GenerationSettings& settings,
                                               const nlp::SkillMatcher& skills,
                                               http::WorkerPool& workers, bool letter) {
  if (!use.Try()) co_return Status{};
  // (Run needs a default-constructible result: the FactBase comes back in a unique_ptr.)
  const auto facts_ptr = co_await workers.Run([&] {
    return std::make_unique<generation::FactBase>(original, &job, skills, settings.as_of);
  });
  const generation::FactBase& facts = *facts_ptr;
  if (settings.cv) {
    auto rewritten = co_await RewriteBullets(use, draft, facts, workers);
    if (!rewritten) co_return rewritten;
  }
  if (letter && draft.letter) {
    auto rewritten = co_await RewriteLetter(use, draft, job, settings, facts, workers);
    if (!rewritten) co_return rewritten;
  }
  co_return Status{};
}

boost::asio::awaitable<Status> StreamLetter(
    EngineUse& use, GenerationDraft& draft, const domain::Profile& original, const domain::Job& job,
    const GenerationSettings& settings, const nlp::SkillMatcher& skills, http::WorkerPool& workers,
    const std::function<boost::asio::awaitable<bool>(std::string_view)>& write) {
  if (!draft.letter) co_return Status{};
  // (g++ 12 miscompiles `!co_await` inside a condition: await into a local first.)
  const auto send_local = [&]() -> boost::asio::awaitable<void> {
    for (const auto& p : draft.letter->document.letter.paragraphs) {
      const bool sent = co_await write(p + "\n\n");
      if (!sent) co_return;
    }
  };
  if (!use.Try()) {
    co_await send_local();
    co_return Status{};
  }
  // The client calls on_delta on this coroutine's executor; a one-slot channel wakes the
  // writer, which sends everything that arrived since its last write as one event.
  using Channel = boost::asio::experimental::channel<void(boost::system::error_code)>;
  auto executor = co_await boost::asio::this_coro::executor;
  Channel wake(executor, 1);
  std::string pending;
  bool client_gone = false;
  const auto values = LetterValues(draft, job, settings);
  auto produce = [&]() -> boost::asio::awaitable<Result<llm::TextAnswer>> {
    auto answer = co_await use.Service().StreamText("cover_letter_stream", values,
                                                    [&](std::string_view delta) {
                                                      pending += delta;
                                                      wake.try_send(boost::system::error_code{});
                                                    });
    wake.close();
    co_return answer;
  };
  auto consume = [&]() -> boost::asio::awaitable<void> {
    for (;;) {
      auto [ec] = co_await wake.async_receive(boost::asio::as_tuple(boost::asio::use_awaitable));
      if (!pending.empty() && !client_gone) {
        const bool sent = co_await write(std::exchange(pending, {}));
        client_gone = !sent;
      }
      if (ec) co_return;
    }
  };
  using boost::asio::experimental::awaitable_operators::operator&&;
  auto [answer] = std::tuple{co_await (produce() && consume())};
  if (!answer) {
    // The model failed mid-way: the local letter is the answer.
    JC_CO_RETURN_IF_ERROR(use.Failed(answer.error(), "cover letter"));
    co_return Status{};
  }
  co_return co_await workers.Run([&] {
    const generation::FactBase facts(original, &job, skills, settings.as_of);
    return AdoptLetter(use, draft, Paragraphs(answer->text), settings, facts, answer->info);
  });
}

}  // namespace jc::api
