// Requests and responses of the document generation routes.
#pragma once

#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/dto/common_dto.hpp"
#include "api/dto/job_dto.hpp"
#include "api/dto/profile_dto.hpp"

namespace jc::api {

enum class DocumentFormat { markdown, html, pdf, docx };
BOOST_DESCRIBE_ENUM(DocumentFormat, markdown, html, pdf, docx)
enum class Tone { professional, enthusiastic, concise };
BOOST_DESCRIBE_ENUM(Tone, professional, enthusiastic, concise)
enum class CvTemplate { classic, modern };
BOOST_DESCRIBE_ENUM(CvTemplate, classic, modern)
enum class PageSizeName { a4, letter };
BOOST_DESCRIBE_ENUM(PageSizeName, a4, letter)
enum class ChangeType { reordered, omitted, composed, rephrased };
BOOST_DESCRIBE_ENUM(ChangeType, reordered, omitted, composed, rephrased)
enum class ClaimType {
  employer,
  title,
  degree,
  institution,
  date,
  skill,
  number,
  certification,
  project,
  contact
};
BOOST_DESCRIBE_ENUM(ClaimType, employer, title, degree, institution, date, skill, number,
                    certification, project, contact)

struct GenerateOptions {
  static constexpr std::string_view kSchemaName = "GenerateOptions";
  std::vector<DocumentFormat> formats;
  std::optional<std::string> language;
  std::optional<CvTemplate> template_;
  std::optional<Tone> tone;
  std::optional<PageSizeName> pageSize;
  std::optional<EngineChoice> engine;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "formats",
       .description = "Formats to return (default [\"markdown\"]).",
       .max_items = 4},
      {.name = "language",
       .description = "ISO 639-1 code (default: the posting's language).",
       .min_length = 2,
       .max_length = 8,
       .example = R"("en")"},
      {.name = "template",
       .description = "The look of the CV and the letter (default classic). Both are one "
                      "column, real text and standard headings, for applicant tracking systems."},
      {.name = "tone", .description = "Cover letter tone (default professional)."},
      {.name = "pageSize", .description = "Paper for PDF, DOCX and HTML print (default a4)."},
      {.name = "engine",
       .description = "\"local\": the local engine only; \"llm\": the LLM must write (503 when "
                      "none is configured or it is down, 504 on timeout). Absent: the LLM writes "
                      "when configured, with the local documents as the fallback."},
  };
};
// "template" is a C++ keyword: the member is template_, and the trailing '_' is not on the wire.
BOOST_DESCRIBE_STRUCT(GenerateOptions, (), (formats, language, template_, tone, pageSize, engine))

struct GenerateRequest {
  static constexpr std::string_view kSchemaName = "GenerateRequest";
  Profile profileData;
  JobData jobData;
  std::optional<GenerateOptions> options;
};
BOOST_DESCRIBE_STRUCT(GenerateRequest, (), (profileData, jobData, options))

struct ChangeDto {
  static constexpr std::string_view kSchemaName = "TailoringChange";
  static constexpr std::string_view kDescription =
      "One change tailoring made to the profile, for a person to review.";
  ChangeType type = ChangeType::reordered;
  std::string section;
  std::string message;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "section",
       .description = "A JSON Pointer into the original profileData.",
       .example = R"("/skills/technical")"},
  };
};
BOOST_DESCRIBE_STRUCT(ChangeDto, (), (type, section, message))

struct ViolationDto {
  static constexpr std::string_view kSchemaName = "TruthViolation";
  static constexpr std::string_view kDescription =
      "A claim about the candidate that the profile does not support; it was removed.";
  ClaimType kind = ClaimType::skill;
  std::string claim;
  std::string location;
  std::string text;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "claim", .description = "The unsupported claim as written.", .example = R"("Rust")"},
      {.name = "location", .description = "Where it was, e.g. \"coverLetter/paragraphs/2\"."},
      {.name = "text", .description = "The sentence or item that was removed."},
  };
};
BOOST_DESCRIBE_STRUCT(ViolationDto, (), (kind, claim, location, text))

struct TruthfulnessDto {
  static constexpr std::string_view kSchemaName = "Truthfulness";
  static constexpr std::string_view kDescription =
      "The truthfulness check run on the generated document: every employer, title, degree, "
      "institution, date, skill and number it states about the candidate is traced to the "
      "profile; what cannot be traced is removed and listed.";
  int claimsChecked = 0;
  int removed = 0;
  std::vector<ViolationDto> violations;
};
BOOST_DESCRIBE_STRUCT(TruthfulnessDto, (), (claimsChecked, removed, violations))

struct CvDocument {
  static constexpr std::string_view kSchemaName = "CvDocument";
  Profile profile;
  std::optional<std::string> markdown;
  std::optional<std::string> html;
  std::optional<std::string> pdf;
  std::optional<std::string> docx;
  std::vector<ChangeDto> changes;
  TruthfulnessDto truthfulness;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "profile", .description = "The tailored profile."},
      {.name = "pdf", .description = "Base64-encoded PDF.", .format = "byte"},
      {.name = "docx", .description = "Base64-encoded DOCX.", .format = "byte"},
      {.name = "changes", .description = "What tailoring reordered, left out or composed."},
  };
};
BOOST_DESCRIBE_STRUCT(CvDocument, (), (profile, markdown, html, pdf, docx, changes, truthfulness))

struct CoverLetterDocument {
  static constexpr std::string_view kSchemaName = "CoverLetterDocument";
  std::string text;
  std::optional<std::string> markdown;
  std::optional<std::string> html;
  std::optional<std::string> pdf;
  std::optional<std::string> docx;
  int words = 0;
  TruthfulnessDto truthfulness;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "text", .description = "The letter as plain text, from salutation to signature."},
      {.name = "pdf", .description = "Base64-encoded PDF.", .format = "byte"},
      {.name = "docx", .description = "Base64-encoded DOCX.", .format = "byte"},
      {.name = "words", .description = "Words in the letter's paragraphs."},
  };
};
BOOST_DESCRIBE_STRUCT(CoverLetterDocument, (),
                      (text, markdown, html, pdf, docx, words, truthfulness))

struct GenerationMeta : Meta {
  static constexpr std::string_view kSchemaName = "GenerationMeta";
  std::string language = "en";
  CvTemplate template_ = CvTemplate::classic;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "language", .description = "ISO 639-1 code of the language written."},
  };
};
BOOST_DESCRIBE_STRUCT(GenerationMeta, (Meta), (language, template_))

struct GenerateCvResponse {
  static constexpr std::string_view kSchemaName = "GenerateCvResponse";
  CvDocument cv;
  GenerationMeta meta;
};
BOOST_DESCRIBE_STRUCT(GenerateCvResponse, (), (cv, meta))

struct GenerateCoverLetterResponse {
  static constexpr std::string_view kSchemaName = "GenerateCoverLetterResponse";
  CoverLetterDocument coverLetter;
  GenerationMeta meta;
};
BOOST_DESCRIBE_STRUCT(GenerateCoverLetterResponse, (), (coverLetter, meta))

struct GenerateDocumentsResponse {
  static constexpr std::string_view kSchemaName = "GenerateDocumentsResponse";
  CvDocument cv;
  CoverLetterDocument coverLetter;
  GenerationMeta meta;
};
BOOST_DESCRIBE_STRUCT(GenerateDocumentsResponse, (), (cv, coverLetter, meta))

}  // namespace jc::api
