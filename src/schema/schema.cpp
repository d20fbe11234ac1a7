#include "schema/schema.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/json_text.hpp"

namespace jc::schema {
namespace {

constexpr std::string_view kPartialDatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2]))?$";

bool IsDigits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// "YYYY" or "YYYY-MM" with a month from 01 to 12.
bool IsPartialDate(std::string_view s) {
  if (s.size() == 4) return IsDigits(s);
  if (s.size() != 7 || s[4] != '-' || !IsDigits(s.substr(0, 4)) || !IsDigits(s.substr(5))) {
    return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

std::string FormatNumber(double d) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

void Write(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      out.append("null");
      break;
    case json::kind::bool_:
      out.append(v.get_bool() ? "true" : "false");
      break;
    case json::kind::int64:
      out.append(std::to_string(v.get_int64()));
      break;
    case json::kind::uint64:
      out.append(std::to_string(v.get_uint64()));
      break;
    case json::kind::double_: {
      const double d = v.get_double();
      out.append(std::isfinite(d) ? FormatNumber(d) : "null");
      break;
    }
    case json::kind::string:
      AppendJsonString(out, std::string_view(v.get_string().data(), v.get_string().size()));
      break;
    case json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        Write(out, item);
      }
      out.push_back(']');
      break;
    }
    case json::kind::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out.push_back(',');
        first = false;
        AppendJsonString(out, std::string_view(kv.key().data(), kv.key().size()));
        out.push_back(':');
        Write(out, kv.value());
      }
      out.push_back('}');
      break;
    }
  }
}

// Integral bounds print as integers in the schema ("maximum": 10, not 1E1).
json::value Number(double d) {
  if (d == std::floor(d) && std::fabs(d) < 9e15) return json::value(static_cast<std::int64_t>(d));
  return json::value(d);
}

}  // namespace

void CheckString(const std::string& s, const FieldSpec* spec, DecodeContext& cx) {
  if (!IsValidUtf8(s)) {
    cx.Fail("Input should be valid UTF-8 text", "string_unicode");
    return;
  }
  if (!spec) return;
  if (spec->min_length && s.size() < *spec->min_length) {
    cx.Fail("String should have at least " + std::to_string(*spec->min_length) + " character" +
                (*spec->min_length == 1 ? "" : "s"),
            "string_too_short");
  }
  if (spec->max_length && s.size() > *spec->max_length) {
    cx.Fail("String should have at most " + std::to_string(*spec->max_length) + " characters",
            "string_too_long");
  }
  if (spec->format == "partial-date" && !IsPartialDate(s)) {
    cx.Fail("Input should be a date like \"2019-03\" or \"2019\"", "partial_date");
  }
}

void CheckNumber(double d, const FieldSpec* spec, DecodeContext& cx) {
  if (!spec) return;
  if (spec->minimum && d < *spec->minimum) {
    cx.Fail("Input should be greater than or equal to " + FormatNumber(*spec->minimum),
            "greater_than_equal");
  }
  if (spec->maximum && d > *spec->maximum) {
    cx.Fail("Input should be less than or equal to " + FormatNumber(*spec->maximum),
            "less_than_equal");
  }
}

std::string EnumExpectation(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out.append(i + 1 == names.size() ? " or " : ", ");
    out.append("'").append(names[i]).append("'");
  }
  return out;
}

std::string ToJson(const json::value& v) {
  std::string out;
  Write(out, v);
  return out;
}

namespace detail {

void AppendJson(std::string& out, const json::value& v) {
  Write(out, v);
}

void AppendJsonNumber(std::string& out, double d) {
  out.append(std::isfinite(d) ? FormatNumber(d) : "null");
}

}  // namespace detail

json::value SchemaBuilder::Nullable(json::value schema) {
  json::object& s = schema.as_object();
  if (auto* type = s.if_contains("type"); type && type->is_string()) {
    json::array types{*type, "null"};
    s["type"] = std::move(types);
    if (auto* e = s.if_contains("enum")) e->as_array().emplace_back(nullptr);
    return schema;
  }
  return json::object{{"anyOf", json::array{std::move(schema), json::object{{"type", "null"}}}}};
}

json::value SchemaBuilder::Decorate(json::value schema, const FieldSpec* spec) {
  if (!spec) return schema;
  json::object& s = schema.as_object();
  // Constraints apply to the items of an array field.
  // `target` points into `s`: everything written through it comes before any insertion into
  // `s`, which may move its elements.
  json::object* target = &s;
  if (auto* items = s.if_contains("items")) target = &items->as_object();
  if (spec->min_length) (*target)["minLength"] = *spec->min_length;
  if (spec->max_length) (*target)["maxLength"] = *spec->max_length;
  if (spec->minimum) (*target)["minimum"] = Number(*spec->minimum);
  if (spec->maximum) (*target)["maximum"] = Number(*spec->maximum);
  if (spec->format == "partial-date") {
    (*target)["pattern"] = kPartialDatePattern;
  } else if (!spec->format.empty()) {
    (*target)["format"] = spec->format;
  }
  if (!spec->description.empty()) s["description"] = spec->description;
  if (spec->min_items) s["minItems"] = *spec->min_items;
  if (spec->max_items) s["maxItems"] = *spec->max_items;
  if (!spec->example.empty()) {
    boost::system::error_code ec;
    auto example = json::parse(spec->example, ec);
    if (!ec) s["examples"] = json::array{std::move(example)};
  }
  return schema;
}

namespace {

json::value Strictify(const json::value& node, const json::object& components, int depth) {
  if (depth > 32 || !node.is_object()) return node;  // our models are not recursive
  const json::object& in = node.as_object();
  if (const auto* ref = in.if_contains("$ref"); ref && ref->is_string()) {
    constexpr std::string_view kPrefix = "#/components/schemas/";
    std::string_view target = ref->as_string();
    if (target.substr(0, kPrefix.size()) == kPrefix) target.remove_prefix(kPrefix.size());
    if (const auto* component = components.if_contains(target)) {
      return Strictify(*component, components, depth + 1);
    }
    return json::object{};
  }
  static constexpr std::string_view kDropped[] = {"examples",
                                                  "minLength",
                                                  "maxLength",
                                                  "pattern",
                                                  "format",
                                                  "minimum",
                                                  "maximum",
                                                  "minItems",
                                                  "maxItems",
                                                  "required",
                                                  "additionalProperties"};
  json::object out;
  for (const auto& [key, value] : in) {
    if (std::find(std::begin(kDropped), std::end(kDropped), key) != std::end(kDropped)) continue;
    if (key == "properties" && value.is_object()) {
      json::object props;
      json::array required;
      for (const auto& [name, prop] : value.as_object()) {
        props[name] = Strictify(prop, components, depth + 1);
        required.emplace_back(name);
      }
      out["properties"] = std::move(props);
      out["required"] = std::move(required);
      out["additionalProperties"] = false;
    } else if (key == "items") {
      out[key] = Strictify(value, components, depth + 1);
    } else if (key == "anyOf" && value.is_array()) {
      json::array branches;
      for (const auto& branch : value.as_array()) {
        branches.push_back(Strictify(branch, components, depth + 1));
      }
      out["anyOf"] = std::move(branches);
    } else {
      out[key] = value;
    }
  }
  return out;
}

}  // namespace

json::object StrictSchema(const json::value& schema, const json::object& components) {
  json::value strict = Strictify(schema, components, 0);
  if (!strict.is_object()) return json::object{};
  return std::move(strict.as_object());
}

}  // namespace jc::schema
