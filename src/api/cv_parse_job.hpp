// The CV parse job: what the service sends a sandboxed parse worker and what it answers.
//
// The service encodes a job (the file's bytes, the declared type, the reference date, the page
// limit) with EncodeParseJob and hands it to the sandbox::ProcessPool; the worker process
// (`jobcopilot parse-worker`) runs CvParseEngine::Run on it: extraction (poppler, libzip,
// pugixml, libxml2), the CV parser and the feedback, and answers the JSON of a ParseCvResponse
// whose meta.durationMs and meta.engine the service fills in. A job may also ask for the
// extracted text (for the LLM's refinement): the answer is then the JSON, a NUL byte, and the
// text, one document line per line (SplitParseReply takes it apart; the JSON never holds a raw
// NUL). `jobcopilot parse FILE` runs the same engine in-process.
//
// Thread safety: EncodeParseJob is pure. A CvParseEngine is used by one thread at a time (the
// worker loop); it owns its matcher and spell checker and borrows the Taxonomy.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/partial_date.hpp"
#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/cv/cv_parser.hpp"
#include "parsing/cv/spell_checker.hpp"

namespace jc::api {

struct ParseJob {
  std::string_view bytes;          // the file
  std::string_view declared_type;  // "pdf", "docx"... or "" (sniffed only)
  domain::PartialDate as_of;
  int max_pages = 50;
  bool with_text = false;  // also answer the extracted text
};

std::string EncodeParseJob(const ParseJob& job);

// A worker's answer taken apart: the ParseCvResponse JSON, and the text when the job asked.
struct ParseReply {
  std::string_view json;
  std::string_view text;
};
ParseReply SplitParseReply(std::string_view reply);

class CvParseEngine {
 public:
  explicit CvParseEngine(const nlp::Taxonomy& taxonomy,
                         std::string dictionary_dir = "/usr/share/hunspell");

  // Decodes a job, parses the file and answers the ParseCvResponse JSON; or the extraction's
  // error (415 unsupported/mismatched type, 422 unreadable/encrypted/no text layer/empty,
  // 413 too large), or 422 "bad_parse_job" for a job that does not decode.
  Result<std::string> Run(std::string_view encoded_job);

 private:
  nlp::SkillMatcher matcher_;
  parsing::SpellChecker spelling_;
  parsing::CvParser parser_;
};

// Today's month (UTC), the default reference date of a parse.
domain::PartialDate CurrentMonth();

}  // namespace jc::api
