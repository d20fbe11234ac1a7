// Wire models shared by every route group: the response meta and the error envelope.
// DTO members carry their JSON (camelCase) names, and wire enums their wire values, because
// Boost.Describe takes the names from the declarations.
#pragma once

#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

#include "schema/field_spec.hpp"

namespace jc::api {

struct LlmMeta {
  static constexpr std::string_view kSchemaName = "LlmMeta";
  static constexpr std::string_view kDescription =
      "What the LLM calls behind a response cost: every call of the request added up.";
  std::string model;
  std::vector<std::string> prompts;  // "cover_letter@1"
  int calls = 0;
  int cachedCalls = 0;
  int promptTokens = 0;
  int completionTokens = 0;
  double latencyMs = 0;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "prompts", .description = "The prompts used, as name@version."},
      {.name = "cachedCalls", .description = "Calls answered from the response cache."},
      {.name = "latencyMs",
       .description = "Time spent waiting for the provider, retries included."},
  };
};
BOOST_DESCRIBE_STRUCT(LlmMeta, (),
                      (model, prompts, calls, cachedCalls, promptTokens, completionTokens,
                       latencyMs))

struct Meta {
  static constexpr std::string_view kSchemaName = "Meta";
  static constexpr std::string_view kDescription =
      "How the answer was produced. Present on every analysis and generation response.";
  std::string engine = "local";
  double durationMs = 0;
  std::vector<std::string> warnings;
  std::optional<LlmMeta> llm;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "engine",
       .description = "What produced the result: \"local\" or \"llm:<model>\".",
       .example = R"("local")"},
      {.name = "durationMs", .description = "Server-side processing time in milliseconds."},
      {.name = "warnings", .description = "Things the caller should know, e.g. a fallback."},
      {.name = "llm", .description = "LLM usage, when an LLM contributed to the answer."},
  };
};
BOOST_DESCRIBE_STRUCT(Meta, (), (engine, durationMs, warnings, llm))

enum class EngineChoice { local, llm };
BOOST_DESCRIBE_ENUM(EngineChoice, local, llm)

// Per-request options of the analysis routes.
struct EngineOptions {
  static constexpr std::string_view kSchemaName = "EngineOptions";
  std::optional<EngineChoice> engine;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "engine",
       .description = "\"local\": the local engine only; \"llm\": the LLM is required (503 when "
                      "none is configured or it is down, 504 when it times out). Absent: the LLM "
                      "refines the local result when one is configured, and any LLM failure "
                      "falls back to the local result with a warning."},
  };
};
BOOST_DESCRIBE_STRUCT(EngineOptions, (), (engine))

struct ErrorDetailDto {
  static constexpr std::string_view kSchemaName = "ErrorDetail";
  std::vector<std::string> loc;
  std::string msg;
  std::string type;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "loc", .description = "Where: e.g. [\"body\", \"jobData\", \"description\"]."},
      {.name = "msg", .description = "What is wrong, for a person."},
      {.name = "type", .description = "A stable machine-readable kind, e.g. \"missing\"."},
  };
};
BOOST_DESCRIBE_STRUCT(ErrorDetailDto, (), (loc, msg, type))

struct ErrorBodyDto {
  static constexpr std::string_view kSchemaName = "ErrorBody";
  std::string code;
  std::string message;
  std::vector<ErrorDetailDto> details;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "code",
       .description = "A stable error code, e.g. \"validation_error\".",
       .example = R"("validation_error")"},
      {.name = "message", .description = "A sentence a person understands."},
  };
};
BOOST_DESCRIBE_STRUCT(ErrorBodyDto, (), (code, message, details))

struct ErrorResponseDto {
  static constexpr std::string_view kSchemaName = "ErrorResponse";
  static constexpr std::string_view kDescription = "The one shape of every 4xx and 5xx answer.";
  ErrorBodyDto error;
  std::string requestId;
};
BOOST_DESCRIBE_STRUCT(ErrorResponseDto, (), (error, requestId))

}  // namespace jc::api
