// OpenAiSchemaValidator: checks JSON values against OpenAI's published chat-completions and
// embeddings schemas (tests/fixtures/openai/openai-chat-embeddings.schema.json, draft-07).
//
// This is the only translation unit that includes valijson (about 17 s to compile one), so the
// rest of the tests use it through this small interface. The schemas are parsed once, in the
// constructor; Validate() is const and safe to call from many threads at once.
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace jc::testing {

class OpenAiSchemaValidator {
 public:
  // The schema names this validator knows (the top-level keys of the schema file).
  static constexpr std::string_view kChatRequest = "CreateChatCompletionRequest";
  static constexpr std::string_view kChatResponse = "CreateChatCompletionResponse";
  static constexpr std::string_view kChatChunk = "CreateChatCompletionStreamResponse";
  static constexpr std::string_view kEmbeddingRequest = "CreateEmbeddingRequest";
  static constexpr std::string_view kEmbeddingResponse = "CreateEmbeddingResponse";
  static constexpr std::string_view kErrorResponse = "ErrorResponse";

  // The copy of the schema file in the source tree.
  static std::string DefaultSchemaPath();

  // Loads and parses every schema of the file. Throws std::runtime_error when the file cannot
  // be read or a schema does not parse.
  explicit OpenAiSchemaValidator(const std::string& schema_path = DefaultSchemaPath());
  ~OpenAiSchemaValidator();
  OpenAiSchemaValidator(const OpenAiSchemaValidator&) = delete;
  OpenAiSchemaValidator& operator=(const OpenAiSchemaValidator&) = delete;

  // nullopt when `value` validates against the schema `name`; otherwise the first error, as
  // "<json path>: <description>". Throws std::invalid_argument for an unknown schema name.
  std::optional<std::string> Validate(std::string_view name, const boost::json::value& value) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jc::testing
