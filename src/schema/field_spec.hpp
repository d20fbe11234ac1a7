// Documentation and constraints of one model field, declared beside the model:
//
//   struct JobData {
//     static constexpr std::string_view kSchemaName = "JobData";
//     static constexpr std::string_view kDescription = "A job posting.";
//     std::optional<std::string> title;
//     std::string description;
//     static constexpr jc::schema::FieldSpec kFields[] = {
//         {.name = "description", .description = "The full posting text.", .min_length = 1}};
//   };
//   BOOST_DESCRIBE_STRUCT(JobData, (), (title, description))
//
// Decoding (validation with field-level errors), encoding and the JSON Schema of the OpenAPI
// document all read the same declaration, so the docs cannot drift from the code.
// Requiredness follows the C++ type: std::optional<T> is optional and nullable, std::vector<T>
// is optional (default empty), anything else is required unless the spec says `.optional`.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace jc::schema {

struct FieldSpec {
  std::string_view name;
  std::string_view description;
  std::optional<std::size_t> min_length;  // strings (in bytes of UTF-8)
  std::optional<std::size_t> max_length;
  std::optional<double> minimum;  // numbers
  std::optional<double> maximum;
  std::optional<std::size_t> min_items;  // arrays
  std::optional<std::size_t> max_items;
  std::string_view format;   // "partial-date", "byte", "uri", "email", "date-time"
  bool optional = false;     // a non-optional type that may be omitted (keeps default)
  std::string_view example;  // a JSON literal shown in the docs, e.g. "\"Berlin\""
};

}  // namespace jc::schema
