// The answers the service asks an LLM for, declared like the API models: the JSON Schema sent
// as structured output (schema::StrictSchemaOf) and the validation of the answer (schema::Decode)
// both come from these declarations. Also meta.llm, the usage a response reports.
#pragma once

#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/dto/job_dto.hpp"
#include "schema/field_spec.hpp"

namespace jc::api {

struct LetterAnswer {
  static constexpr std::string_view kSchemaName = "LetterAnswer";
  std::vector<std::string> paragraphs;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "paragraphs",
       .description = "The letter's body, one string per paragraph, without salutation, closing "
                      "or signature.",
       .min_length = 1,
       .max_length = 3000,
       .min_items = 1,
       .max_items = 8},
  };
};
BOOST_DESCRIBE_STRUCT(LetterAnswer, (), (paragraphs))

struct RequirementsAnswer {
  static constexpr std::string_view kSchemaName = "RequirementsAnswer";
  std::vector<std::string> requiredSkills;
  std::vector<std::string> preferredSkills;
  std::optional<double> minYearsExperience;
  std::optional<EducationLevel> educationLevel;
  std::optional<Seniority> seniority;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "requiredSkills", .max_length = 120, .max_items = 60},
      {.name = "preferredSkills", .max_length = 120, .max_items = 60},
      {.name = "minYearsExperience", .minimum = 0, .maximum = 50},
  };
};
BOOST_DESCRIBE_STRUCT(RequirementsAnswer, (),
                      (requiredSkills, preferredSkills, minYearsExperience, educationLevel,
                       seniority))

struct FitExplanationAnswer {
  static constexpr std::string_view kSchemaName = "FitExplanationAnswer";
  std::vector<std::string> explanation;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "explanation", .min_length = 1, .max_length = 400, .min_items = 1, .max_items = 8},
  };
};
BOOST_DESCRIBE_STRUCT(FitExplanationAnswer, (), (explanation))

struct SuggestionsAnswer {
  static constexpr std::string_view kSchemaName = "SuggestionsAnswer";
  std::vector<std::string> messages;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "messages",
       .description = "One rewritten message per suggestion, in the same order.",
       .min_length = 1,
       .max_length = 600,
       .max_items = 40},
  };
};
BOOST_DESCRIBE_STRUCT(SuggestionsAnswer, (), (messages))

struct BulletRewrite {
  static constexpr std::string_view kSchemaName = "BulletRewrite";
  std::string id;
  std::string text;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "id", .max_length = 20},
      {.name = "text", .min_length = 1, .max_length = 600},
  };
};
BOOST_DESCRIBE_STRUCT(BulletRewrite, (), (id, text))

struct BulletRewriteAnswer {
  static constexpr std::string_view kSchemaName = "BulletRewriteAnswer";
  std::vector<BulletRewrite> bullets;
  static constexpr schema::FieldSpec kFields[] = {{.name = "bullets", .max_items = 80}};
};
BOOST_DESCRIBE_STRUCT(BulletRewriteAnswer, (), (bullets))

struct ProfileCorrection {
  static constexpr std::string_view kSchemaName = "ProfileCorrection";
  std::string field;
  std::string value;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "field",
       .description = "A JSON Pointer into the extracted profile, e.g. /workExperience/0/company.",
       .max_length = 80},
      {.name = "value",
       .description = "The value as the CV writes it; dates as YYYY-MM or YYYY, or \"present\".",
       .min_length = 1,
       .max_length = 2000},
  };
};
BOOST_DESCRIBE_STRUCT(ProfileCorrection, (), (field, value))

struct ProfileCorrectionsAnswer {
  static constexpr std::string_view kSchemaName = "ProfileCorrectionsAnswer";
  std::vector<ProfileCorrection> corrections;
  std::vector<std::string> missingSkills;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "corrections", .max_items = 60},
      {.name = "missingSkills",
       .description = "Skills the CV names that the extraction's skills lists lack.",
       .max_length = 120,
       .max_items = 60},
  };
};
BOOST_DESCRIBE_STRUCT(ProfileCorrectionsAnswer, (), (corrections, missingSkills))

}  // namespace jc::api
