#include "support/openai_schema_validator.hpp"

#include <boost/json/parse.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace jc::testing {

struct OpenAiSchemaValidator::Impl {
  std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> schemas;
};

std::string OpenAiSchemaValidator::DefaultSchemaPath() {
  return JC_OPENAI_SCHEMA_PATH;
}

OpenAiSchemaValidator::OpenAiSchemaValidator(const std::string& schema_path)
    : impl_(std::make_unique<Impl>()) {
  std::ifstream in(schema_path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + schema_path);
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(text.str(), ec);
  if (ec || !doc.is_object()) throw std::runtime_error(schema_path + " is not a JSON object");
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  for (const auto& [name, sub] : doc.as_object()) {
    auto schema = std::make_unique<valijson::Schema>();
    try {
      parser.populateSchema(valijson::adapters::BoostJsonAdapter(sub), *schema);
    } catch (const std::exception& e) {
      throw std::runtime_error("schema " + std::string(name) + ": " + e.what());
    }
    impl_->schemas.emplace(std::string(name), std::move(schema));
  }
}

OpenAiSchemaValidator::~OpenAiSchemaValidator() = default;

std::optional<std::string> OpenAiSchemaValidator::Validate(std::string_view name,
                                                           const boost::json::value& value) const {
  const auto it = impl_->schemas.find(name);
  if (it == impl_->schemas.end()) {
    throw std::invalid_argument("no schema named " + std::string(name));
  }
  // A Validator caches compiled regexes, so it is made per call: the Schema is shared read-only.
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(*it->second, valijson::adapters::BoostJsonAdapter(value), &results)) {
    return std::nullopt;
  }
  valijson::ValidationResults::Error error;
  if (!results.popError(error)) return "does not validate";
  std::string path;
  for (const auto& part : error.context) path += part;
  return path + ": " + error.description;
}

}  // namespace jc::testing
