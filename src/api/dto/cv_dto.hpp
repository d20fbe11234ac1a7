// Requests and responses of the CV parsing routes.
#pragma once

#include <boost/describe.hpp>
#include <optional>
#include <string>

#include "api/dto/common_dto.hpp"
#include "api/dto/profile_dto.hpp"

namespace jc::api {

enum class FileType { pdf, docx, odt, rtf, html, txt };
BOOST_DESCRIBE_ENUM(FileType, pdf, docx, odt, rtf, html, txt)

struct ParseCvRequest {
  static constexpr std::string_view kSchemaName = "ParseCvRequest";
  std::string fileData;
  std::optional<FileType> fileType;
  std::optional<std::string> fileName;
  std::optional<std::string> asOf;
  std::optional<EngineOptions> options;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "fileData",
       .description = "The CV file, base64-encoded.",
       .min_length = 1,
       .format = "byte"},
      {.name = "fileType",
       .description = "Optional: the real type is sniffed from the bytes; a declared type that "
                      "contradicts them is a 415."},
      {.name = "fileName", .max_length = 255, .example = R"("cv.pdf")"},
      {.name = "asOf",
       .description = "Reference date for \"present\" when computing years of experience "
                      "(default: today).",
       .format = "partial-date"},
  };
};
BOOST_DESCRIBE_STRUCT(ParseCvRequest, (), (fileData, fileType, fileName, asOf, options))

struct ParseMeta : Meta {
  static constexpr std::string_view kSchemaName = "ParseMeta";
  std::optional<FileType> fileType;
  std::optional<int> pages;
  std::optional<std::string> language;
  std::optional<int> textChars;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "language", .description = "ISO 639-1 code of the CV's language."},
  };
};
BOOST_DESCRIBE_STRUCT(ParseMeta, (Meta), (fileType, pages, language, textChars))

struct FieldDetail {
  static constexpr std::string_view kSchemaName = "FieldDetail";
  static constexpr std::string_view kDescription =
      "Where one value of profileData came from and how sure the parser is of it.";
  std::string field;
  double confidence = 0;
  int page = 1;
  int line = 1;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "field",
       .description = "A JSON Pointer into profileData.",
       .example = R"("/workExperience/0/company")"},
      {.name = "confidence",
       .description = "0-1; ask the person to confirm values below about 0.6.",
       .minimum = 0,
       .maximum = 1},
      {.name = "page", .description = "1-based page of the source line.", .minimum = 1},
      {.name = "line",
       .description = "1-based line on that page, counting text lines in reading order.",
       .minimum = 1},
  };
};
BOOST_DESCRIBE_STRUCT(FieldDetail, (), (field, confidence, page, line))

struct NormalizedContact {
  static constexpr std::string_view kSchemaName = "NormalizedContact";
  static constexpr std::string_view kDescription =
      "Contact data in standard forms, beside profileData's values as written.";
  std::optional<std::string> phoneE164;
  std::optional<std::string> phoneRegion;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "phoneE164",
       .description = "profileData.phone in E.164 (libphonenumber), when its country is known "
                      "from the number, the location or the CV's language and the number is "
                      "valid there; else null.",
       .example = R"("+493012345678")"},
      {.name = "phoneRegion",
       .description = "ISO 3166-1 alpha-2 country of the phone number.",
       .example = R"("DE")"},
  };
};
BOOST_DESCRIBE_STRUCT(NormalizedContact, (), (phoneE164, phoneRegion))

struct AppliedCorrection {
  static constexpr std::string_view kSchemaName = "AppliedCorrection";
  std::string field;
  std::optional<std::string> previous;
  std::string value;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "field",
       .description = "A JSON Pointer into profileData (/skills/technical/- for an added skill).",
       .example = R"("/workExperience/0/company")"},
      {.name = "previous", .description = "The local engine's value; null when it had none."},
  };
};
BOOST_DESCRIBE_STRUCT(AppliedCorrection, (), (field, previous, value))

struct RejectedCorrection {
  static constexpr std::string_view kSchemaName = "RejectedCorrection";
  std::string field;
  std::string value;
  std::string reason;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "reason", .description = "Why the local value was kept, for a person."},
  };
};
BOOST_DESCRIBE_STRUCT(RejectedCorrection, (), (field, value, reason))

struct ProfileRefinement {
  static constexpr std::string_view kSchemaName = "ProfileRefinement";
  static constexpr std::string_view kDescription =
      "What the LLM proposed to change in the local engine's profile. A value is applied only "
      "when the CV's text supports it; otherwise the local value stays.";
  std::vector<AppliedCorrection> applied;
  std::vector<RejectedCorrection> rejected;
};
BOOST_DESCRIBE_STRUCT(ProfileRefinement, (), (applied, rejected))

struct ParseCvResponse {
  static constexpr std::string_view kSchemaName = "ParseCvResponse";
  Profile profileData;
  Feedback feedback;
  std::vector<FieldDetail> fieldDetails;
  NormalizedContact normalized;
  std::optional<ProfileRefinement> refinement;
  ParseMeta meta;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "fieldDetails",
       .description = "Confidence and provenance (page, line) of each value in profileData.",
       .optional = true},
      {.name = "normalized", .optional = true},
      {.name = "refinement",
       .description = "Present when an LLM reviewed the parse (meta.engine \"llm:<model>\")."},
  };
};
BOOST_DESCRIBE_STRUCT(ParseCvResponse, (),
                      (profileData, feedback, fieldDetails, normalized, refinement, meta))

}  // namespace jc::api
