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

struct GenerateOptions {
  static constexpr std::string_view kSchemaName = "GenerateOptions";
  std::vector<DocumentFormat> formats;
  std::optional<std::string> language;
  std::optional<std::string> template_;
  std::optional<Tone> tone;
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
       .description = "CV template name, e.g. \"classic\" or \"modern\".",
       .max_length = 64},
      {.name = "tone", .description = "Cover letter tone (default professional)."},
  };
};
// "template" is a C++ keyword: the member is template_, and the trailing '_' is not on the wire.
BOOST_DESCRIBE_STRUCT(GenerateOptions, (), (formats, language, template_, tone))

struct GenerateRequest {
  static constexpr std::string_view kSchemaName = "GenerateRequest";
  Profile profileData;
  JobData jobData;
  std::optional<GenerateOptions> options;
};
BOOST_DESCRIBE_STRUCT(GenerateRequest, (), (profileData, jobData, options))

struct CvDocument {
  static constexpr std::string_view kSchemaName = "CvDocument";
  Profile profile;
  std::optional<std::string> markdown;
  std::optional<std::string> html;
  std::optional<std::string> pdf;
  std::optional<std::string> docx;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "profile", .description = "The tailored profile."},
      {.name = "pdf", .description = "Base64-encoded PDF.", .format = "byte"},
      {.name = "docx", .description = "Base64-encoded DOCX.", .format = "byte"},
  };
};
BOOST_DESCRIBE_STRUCT(CvDocument, (), (profile, markdown, html, pdf, docx))

struct CoverLetterDocument {
  static constexpr std::string_view kSchemaName = "CoverLetterDocument";
  std::string text;
  std::optional<std::string> markdown;
  std::optional<std::string> html;
  std::optional<std::string> pdf;
  std::optional<std::string> docx;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "pdf", .description = "Base64-encoded PDF.", .format = "byte"},
      {.name = "docx", .description = "Base64-encoded DOCX.", .format = "byte"},
  };
};
BOOST_DESCRIBE_STRUCT(CoverLetterDocument, (), (text, markdown, html, pdf, docx))

struct GenerateCvResponse {
  static constexpr std::string_view kSchemaName = "GenerateCvResponse";
  CvDocument cv;
  Meta meta;
};
BOOST_DESCRIBE_STRUCT(GenerateCvResponse, (), (cv, meta))

struct GenerateCoverLetterResponse {
  static constexpr std::string_view kSchemaName = "GenerateCoverLetterResponse";
  CoverLetterDocument coverLetter;
  Meta meta;
};
BOOST_DESCRIBE_STRUCT(GenerateCoverLetterResponse, (), (coverLetter, meta))

struct GenerateDocumentsResponse {
  static constexpr std::string_view kSchemaName = "GenerateDocumentsResponse";
  CvDocument cv;
  CoverLetterDocument coverLetter;
  Meta meta;
};
BOOST_DESCRIBE_STRUCT(GenerateDocumentsResponse, (), (cv, coverLetter, meta))

}  // namespace jc::api
