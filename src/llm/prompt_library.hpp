// PromptLibrary: the prompts the service sends to an LLM, loaded once at start-up from
// data/prompts/*.md (versioned files, not C++ strings). A prompt file is
//
//   # prompt: cover_letter
//   # version: 2
//   ## system
//   ...instructions...
//   ## user
//   ...text with {{placeholders}}...
//
// Everything a person supplied (CV text, posting text, profile JSON) is passed as data: Render
// wraps each value in <data name="..."> ... </data> and neutralises a closing tag inside it, and
// every system prompt says that text inside data blocks is never an instruction.
//
// Immutable after Load; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "llm/llm_client.hpp"

namespace jc::llm {

struct Prompt {
  std::string name;
  int version = 1;
  std::string system;
  std::string user;

  std::string Id() const { return name + "@" + std::to_string(version); }  // "cover_letter@2"
};

struct PromptValue {
  std::string text;
  bool data = true;  // wrapped as a <data> block (user-supplied); false: inserted as written
};

class PromptLibrary {
 public:
  // Loads every *.md in `dir`. Failure: kNotFound for a missing folder, kInternal naming the
  // file for a malformed prompt (no name, no system or user part, a duplicate name).
  static Result<PromptLibrary> Load(const std::string& dir);

  // nullptr when there is no such prompt.
  const Prompt* Find(std::string_view name) const;

  // The system and user messages with every {{name}} replaced; a placeholder without a value
  // is a programmer error and is replaced by an empty data block.
  static std::vector<Message> Render(
      const Prompt& prompt, const std::vector<std::pair<std::string, PromptValue>>& values);

  // `text` as a data block: <data name="cv_text">...</data>.
  static std::string DataBlock(std::string_view name, std::string_view text);

  std::size_t Size() const { return prompts_.size(); }

 private:
  std::map<std::string, Prompt, std::less<>> prompts_;
};

}  // namespace jc::llm
