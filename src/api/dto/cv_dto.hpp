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
BOOST_DESCRIBE_STRUCT(ParseCvRequest, (), (fileData, fileType, fileName, asOf))

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

struct ParseCvResponse {
  static constexpr std::string_view kSchemaName = "ParseCvResponse";
  Profile profileData;
  Feedback feedback;
  ParseMeta meta;
};
BOOST_DESCRIBE_STRUCT(ParseCvResponse, (), (profileData, feedback, meta))

}  // namespace jc::api
