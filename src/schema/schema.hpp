// Model binding from one declaration (Boost.Describe + FieldSpec, see field_spec.hpp):
//   Decode<T>(json)  -> T, or a 422 Error with one Pydantic-style detail per bad field;
//   Encode(T)        -> json (absent optionals become null, as the contract asks);
//   SchemaBuilder    -> the JSON Schema (OpenAPI 3.1) of T, with components for nested models.
// Supported member types: std::string, bool, integers, double, std::optional<T>,
// std::vector<T>, std::map<std::string, T>, boost::json::value, described enums and structs.
// Unknown keys in input are ignored (as Pydantic does by default). Stateless; thread-safe.
#pragma once

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/error.hpp"
#include "common/json_text.hpp"
#include "schema/field_spec.hpp"

namespace jc::schema {

namespace json = boost::json;

// ---- type traits -------------------------------------------------------------------------------
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
template <typename T>
struct IsStringMap : std::false_type {};
template <typename T>
struct IsStringMap<std::map<std::string, T>> : std::true_type {};

template <typename T>
concept DescribedStruct = boost::describe::has_describe_members<T>::value && std::is_class_v<T>;
template <typename T>
concept DescribedEnum = boost::describe::has_describe_enumerators<T>::value;

// The JSON name of a member: its C++ name without a trailing '_' (so `template_` is "template").
constexpr std::string_view WireName(std::string_view member) {
  return !member.empty() && member.back() == '_' ? member.substr(0, member.size() - 1) : member;
}

template <typename T>
const FieldSpec* SpecFor(std::string_view name) {
  if constexpr (requires { T::kFields; }) {
    for (const auto& f : T::kFields) {
      if (f.name == name) return &f;
    }
  }
  return nullptr;
}

template <DescribedEnum E>
std::string_view EnumName(E value) {
  std::string_view name;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (d.value == value) name = d.name;
  });
  return name;
}

template <DescribedEnum E>
std::optional<E> EnumFromName(std::string_view name) {
  std::optional<E> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (name == d.name) out = d.value;
  });
  return out;
}

// ---- decoding ----------------------------------------------------------------------------------
struct DecodeContext {
  std::vector<std::string> path;
  std::vector<ErrorDetail> errors;
  void Fail(std::string msg, std::string type) {
    errors.push_back(ErrorDetail{path, std::move(msg), std::move(type)});
  }
};

// Checks string constraints and formats of a spec; adds errors to cx.
void CheckString(const std::string& s, const FieldSpec* spec, DecodeContext& cx);
void CheckNumber(double d, const FieldSpec* spec, DecodeContext& cx);
std::string EnumExpectation(const std::vector<std::string_view>& names);

template <typename T>
void DecodeValue(const json::value& v, T& out, DecodeContext& cx, const FieldSpec* spec);

template <DescribedStruct T>
void DecodeStruct(const json::value& v, T& out, DecodeContext& cx) {
  const json::object* obj = v.if_object();
  if (!obj) {
    cx.Fail("Input should be an object", "model_type");
    return;
  }
  boost::mp11::mp_for_each<boost::describe::describe_members<
      T, boost::describe::mod_public | boost::describe::mod_inherited>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(out.*d.pointer)>;
    const std::string_view name = WireName(d.name);
    const FieldSpec* spec = SpecFor<T>(name);
    const bool may_omit = IsOptional<M>::value || IsVector<M>::value || IsStringMap<M>::value ||
                          (spec && spec->optional);
    cx.path.emplace_back(name);
    const json::value* field = obj->if_contains(name);
    if (!field || (field->is_null() && !IsOptional<M>::value && may_omit)) {
      if (!may_omit) cx.Fail("Field required", "missing");
    } else {
      DecodeValue(*field, out.*d.pointer, cx, spec);
    }
    cx.path.pop_back();
  });
}

template <typename T>
void DecodeValue(const json::value& v, T& out, DecodeContext& cx, const FieldSpec* spec) {
  if constexpr (IsOptional<T>::value) {
    if (v.is_null()) {
      out.reset();
    } else {
      typename T::value_type inner{};
      const auto before = cx.errors.size();
      DecodeValue(v, inner, cx, spec);
      if (cx.errors.size() == before) out = std::move(inner);
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) {
      cx.Fail("Input should be a valid string", "string_type");
      return;
    }
    out.assign(v.get_string().data(), v.get_string().size());
    CheckString(out, spec, cx);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_bool()) {
      cx.Fail("Input should be a valid boolean", "bool_type");
      return;
    }
    out = v.get_bool();
  } else if constexpr (std::is_integral_v<T>) {
    double d = 0;
    if (v.is_int64()) {
      d = static_cast<double>(v.get_int64());
    } else if (v.is_uint64()) {
      d = static_cast<double>(v.get_uint64());
    } else if (v.is_double() &&
               v.get_double() == static_cast<double>(static_cast<long long>(v.get_double()))) {
      d = v.get_double();
    } else {
      cx.Fail("Input should be a valid integer", "int_type");
      return;
    }
    if (d < static_cast<double>(std::numeric_limits<T>::min()) ||
        d > static_cast<double>(std::numeric_limits<T>::max())) {
      cx.Fail("Input is out of range for an integer", "int_range");
      return;
    }
    out = static_cast<T>(d);
    CheckNumber(d, spec, cx);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) {
      cx.Fail("Input should be a valid number", "float_type");
      return;
    }
    out = static_cast<T>(v.to_number<double>());
    CheckNumber(static_cast<double>(out), spec, cx);
  } else if constexpr (IsVector<T>::value) {
    const json::array* arr = v.if_array();
    if (!arr) {
      cx.Fail("Input should be a valid list", "list_type");
      return;
    }
    if (spec && spec->min_items && arr->size() < *spec->min_items) {
      cx.Fail("List should have at least " + std::to_string(*spec->min_items) + " item" +
                  (*spec->min_items == 1 ? "" : "s"),
              "too_short");
      return;
    }
    if (spec && spec->max_items && arr->size() > *spec->max_items) {
      cx.Fail("List should have at most " + std::to_string(*spec->max_items) + " items",
              "too_long");
      return;
    }
    out.clear();
    out.resize(arr->size());
    for (std::size_t i = 0; i < arr->size(); ++i) {
      cx.path.push_back(std::to_string(i));
      DecodeValue((*arr)[i], out[i], cx, spec);
      cx.path.pop_back();
    }
  } else if constexpr (IsStringMap<T>::value) {
    const json::object* obj = v.if_object();
    if (!obj) {
      cx.Fail("Input should be an object", "dict_type");
      return;
    }
    out.clear();
    for (const auto& kv : *obj) {
      cx.path.emplace_back(kv.key());
      DecodeValue(kv.value(), out[std::string(kv.key())], cx, nullptr);
      cx.path.pop_back();
    }
  } else if constexpr (std::is_same_v<T, json::value>) {
    out = v;
  } else if constexpr (DescribedEnum<T>) {
    std::vector<std::string_view> names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>(
        [&](auto d) { names.emplace_back(d.name); });
    const json::string* s = v.if_string();
    auto parsed = s ? EnumFromName<T>(std::string_view(s->data(), s->size())) : std::nullopt;
    if (!parsed) {
      cx.Fail("Input should be " + EnumExpectation(names), "enum");
      return;
    }
    out = *parsed;
  } else if constexpr (DescribedStruct<T>) {
    DecodeStruct(v, out, cx);
  } else {
    static_assert(sizeof(T) == 0, "type not supported by jc::schema");
  }
}

// Decodes a whole model. On failure: kValidation with one detail per problem, each loc starting
// with `root` (e.g. "body").
template <typename T>
Result<T> Decode(const json::value& v, std::string_view root = "body") {
  DecodeContext cx;
  cx.path.emplace_back(root);
  T out{};
  DecodeValue(v, out, cx, nullptr);
  if (!cx.errors.empty()) {
    Error e = Error::Make(
        ErrorCode::kValidation,
        "the request is not valid: " + cx.errors.front().msg + " at " + [&] {
          std::string p;
          for (const auto& s : cx.errors.front().loc) {
            if (!p.empty()) p.push_back('.');
            p.append(s);
          }
          return p;
        }());
    e.details = std::move(cx.errors);
    return e;
  }
  return out;
}

// ---- encoding ----------------------------------------------------------------------------------
template <typename T>
json::value Encode(const T& v) {
  if constexpr (IsOptional<T>::value) {
    return v ? Encode(*v) : json::value(nullptr);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return json::value(json::string_view(v.data(), v.size()));
  } else if constexpr (std::is_same_v<T, bool>) {
    return json::value(v);
  } else if constexpr (std::is_integral_v<T>) {
    return json::value(static_cast<std::int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    return json::value(static_cast<double>(v));
  } else if constexpr (IsVector<T>::value) {
    json::array arr;
    arr.reserve(v.size());
    for (const auto& item : v) arr.push_back(Encode(item));
    return arr;
  } else if constexpr (IsStringMap<T>::value) {
    json::object obj;
    for (const auto& [k, item] : v) obj[k] = Encode(item);
    return obj;
  } else if constexpr (std::is_same_v<T, json::value>) {
    return v;
  } else if constexpr (DescribedEnum<T>) {
    return json::value(json::string_view(EnumName(v)));
  } else if constexpr (DescribedStruct<T>) {
    json::object obj;
    boost::mp11::mp_for_each<boost::describe::describe_members<
        T, boost::describe::mod_public | boost::describe::mod_inherited>>(
        [&](auto d) { obj[WireName(d.name)] = Encode(v.*d.pointer); });
    return obj;
  } else {
    static_assert(sizeof(T) == 0, "type not supported by jc::schema");
  }
}

// Serialises JSON with the shortest round-trip number forms ("12.5", not "1.25E1").
std::string ToJson(const json::value& v);

namespace detail {
void AppendJson(std::string& out, const json::value& v);  // as ToJson
void AppendJsonNumber(std::string& out, double d);        // shortest form; null if not finite
}  // namespace detail

// Appends the JSON text of `v`: the same bytes as ToJson(Encode(v)), written directly, without
// building a json::value first (a third of the cost of answering a CV parse went there).
template <typename T>
void AppendEncoded(std::string& out, const T& v) {
  if constexpr (IsOptional<T>::value) {
    if (v) {
      AppendEncoded(out, *v);
    } else {
      out.append("null");
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    AppendJsonString(out, v);
  } else if constexpr (std::is_same_v<T, bool>) {
    out.append(v ? "true" : "false");
  } else if constexpr (std::is_integral_v<T>) {
    out.append(std::to_string(static_cast<std::int64_t>(v)));
  } else if constexpr (std::is_floating_point_v<T>) {
    detail::AppendJsonNumber(out, static_cast<double>(v));
  } else if constexpr (IsVector<T>::value) {
    out.push_back('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendEncoded(out, v[i]);
    }
    out.push_back(']');
  } else if constexpr (IsStringMap<T>::value) {
    out.push_back('{');
    bool first = true;
    for (const auto& [k, item] : v) {
      if (!first) out.push_back(',');
      first = false;
      AppendJsonString(out, k);
      out.push_back(':');
      AppendEncoded(out, item);
    }
    out.push_back('}');
  } else if constexpr (std::is_same_v<T, json::value>) {
    detail::AppendJson(out, v);
  } else if constexpr (DescribedEnum<T>) {
    AppendJsonString(out, EnumName(v));
  } else if constexpr (DescribedStruct<T>) {
    out.push_back('{');
    bool first = true;
    boost::mp11::mp_for_each<boost::describe::describe_members<
        T, boost::describe::mod_public | boost::describe::mod_inherited>>([&](auto d) {
      if (!first) out.push_back(',');
      first = false;
      AppendJsonString(out, WireName(d.name));
      out.push_back(':');
      AppendEncoded(out, v.*d.pointer);
    });
    out.push_back('}');
  } else {
    static_assert(sizeof(T) == 0, "type not supported by jc::schema");
  }
}

template <typename T>
std::string EncodeJson(const T& v) {
  std::string out;
  AppendEncoded(out, v);
  return out;
}

// ---- JSON Schema -------------------------------------------------------------------------------
// Builds schemas, collecting every described struct it meets into components (by kSchemaName).
class SchemaBuilder {
 public:
  template <typename T>
  json::value SchemaOf() {
    return Decorate(TypeSchema<T>(), nullptr);
  }
  const json::object& Components() const { return components_; }

 private:
  static json::value Decorate(json::value schema, const FieldSpec* spec);
  static json::value Nullable(json::value schema);

  template <typename T>
  json::value TypeSchema() {
    if constexpr (IsOptional<T>::value) {
      return Nullable(TypeSchema<typename T::value_type>());
    } else if constexpr (std::is_same_v<T, std::string>) {
      return json::object{{"type", "string"}};
    } else if constexpr (std::is_same_v<T, bool>) {
      return json::object{{"type", "boolean"}};
    } else if constexpr (std::is_integral_v<T>) {
      return json::object{{"type", "integer"}};
    } else if constexpr (std::is_floating_point_v<T>) {
      return json::object{{"type", "number"}};
    } else if constexpr (IsVector<T>::value) {
      return json::object{{"type", "array"}, {"items", TypeSchema<typename T::value_type>()}};
    } else if constexpr (IsStringMap<T>::value) {
      return json::object{{"type", "object"},
                          {"additionalProperties", TypeSchema<typename T::mapped_type>()}};
    } else if constexpr (std::is_same_v<T, json::value>) {
      return json::object{};
    } else if constexpr (DescribedEnum<T>) {
      json::array names;
      boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>(
          [&](auto d) { names.emplace_back(d.name); });
      return json::object{{"type", "string"}, {"enum", std::move(names)}};
    } else if constexpr (DescribedStruct<T>) {
      const std::string name(T::kSchemaName);
      if (!components_.contains(name)) {
        components_[name] = json::object{};  // placeholder: stops recursion on cyclic models
        components_[name] = StructSchema<T>();
      }
      return json::object{{"$ref", "#/components/schemas/" + name}};
    } else {
      static_assert(sizeof(T) == 0, "type not supported by jc::schema");
    }
  }

  template <DescribedStruct T>
  json::value StructSchema() {
    json::object props;
    json::array required;
    boost::mp11::mp_for_each<boost::describe::describe_members<
        T, boost::describe::mod_public | boost::describe::mod_inherited>>([&](auto d) {
      using M = std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>;
      const std::string_view name = WireName(d.name);
      const FieldSpec* spec = SpecFor<T>(name);
      props[name] = Decorate(TypeSchema<M>(), spec);
      const bool may_omit = IsOptional<M>::value || IsVector<M>::value || IsStringMap<M>::value ||
                            (spec && spec->optional);
      if (!may_omit) required.emplace_back(name);
    });
    json::object s{{"type", "object"}, {"properties", std::move(props)}};
    if (!required.empty()) s["required"] = std::move(required);
    if constexpr (requires { T::kDescription; }) s["description"] = T::kDescription;
    return s;
  }

  json::object components_;
};

// A standalone JSON Schema for structured LLM output (OpenAI's strict json_schema mode): every
// $ref inlined, every object closed (additionalProperties false) with all its properties
// required (optional ones are already nullable), and the keywords strict mode rejects (lengths,
// bounds, patterns, formats, examples) left out. The model's answer is still decoded and
// validated with Decode<T>, which enforces them.
json::object StrictSchema(const json::value& schema, const json::object& components);

template <typename T>
json::object StrictSchemaOf() {
  SchemaBuilder builder;
  const json::value root = builder.SchemaOf<T>();
  return StrictSchema(root, builder.Components());
}

}  // namespace jc::schema
