#include "schema/schema.hpp"

#include <gtest/gtest.h>

#include "schema/json_body.hpp"

namespace jc::schema::test {

enum class Color { red, dark_blue };
BOOST_DESCRIBE_ENUM(Color, red, dark_blue)

struct Inner {
  static constexpr std::string_view kSchemaName = "Inner";
  std::string name;
  std::optional<std::string> since;
  static constexpr FieldSpec kFields[] = {{.name = "name", .min_length = 1, .max_length = 5},
                                          {.name = "since", .format = "partial-date"}};
};
BOOST_DESCRIBE_STRUCT(Inner, (), (name, since))

struct Outer {
  static constexpr std::string_view kSchemaName = "Outer";
  static constexpr std::string_view kDescription = "A test model.";
  std::string title;
  int count = 0;
  double ratio = 0;
  bool flag = false;
  std::optional<Color> color;
  std::vector<Inner> items;
  std::optional<Inner> extra;
  std::map<std::string, int> tally;
  std::optional<std::string> template_;
  static constexpr FieldSpec kFields[] = {
      {.name = "title", .description = "The title."},
      {.name = "count", .minimum = 0, .maximum = 10},
      {.name = "flag", .optional = true},
      {.name = "items", .max_items = 2},
  };
};
BOOST_DESCRIBE_STRUCT(Outer, (), (title, count, ratio, flag, color, items, extra, tally, template_))

std::vector<std::string> Locs(const Error& e) {
  std::vector<std::string> out;
  for (const auto& d : e.details) {
    std::string p;
    for (const auto& s : d.loc) p += (p.empty() ? "" : ".") + s;
    out.push_back(p + ":" + d.type);
  }
  return out;
}

TEST(SchemaDecodeTest, DecodesAValidDocument) {
  const auto r = Decode<Outer>(json::parse(R"({
      "title": "t", "count": 3, "ratio": 0.5, "color": "dark_blue",
      "items": [{"name": "ab", "since": "2019-03"}], "extra": null, "tally": {"a": 1},
      "template": "modern", "unknown": "ignored"})"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->title, "t");
  EXPECT_EQ(r->count, 3);
  EXPECT_EQ(r->ratio, 0.5);
  EXPECT_FALSE(r->flag);
  EXPECT_EQ(r->color, Color::dark_blue);
  ASSERT_EQ(r->items.size(), 1u);
  EXPECT_EQ(r->items[0].since, "2019-03");
  EXPECT_FALSE(r->extra);
  EXPECT_EQ(r->tally.at("a"), 1);
  EXPECT_EQ(r->template_, "modern");
}

TEST(SchemaDecodeTest, ReportsEveryProblemWithItsLocation) {
  const auto r = Decode<Outer>(json::parse(R"({
      "count": 11, "ratio": "x", "flag": 1, "color": "green",
      "items": [{"name": ""}, {"name": "toolong", "since": "2019-13"}],
      "tally": {"a": "b"}})"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  EXPECT_EQ(Locs(r.error()), (std::vector<std::string>{
                                 "body.title:missing",
                                 "body.count:less_than_equal",
                                 "body.ratio:float_type",
                                 "body.flag:bool_type",
                                 "body.color:enum",
                                 "body.items.0.name:string_too_short",
                                 "body.items.1.name:string_too_long",
                                 "body.items.1.since:partial_date",
                                 "body.tally.a:int_type",
                             }));
}

TEST(SchemaDecodeTest, IntegersAcceptWholeDoublesOnly) {
  EXPECT_TRUE(Decode<Outer>(json::parse(R"({"title": "t", "count": 2.0, "ratio": 1})")));
  EXPECT_FALSE(Decode<Outer>(json::parse(R"({"title": "t", "count": 2.5, "ratio": 1})")));
  EXPECT_FALSE(Decode<Outer>(json::parse(R"({"title": "t", "count": 1e300, "ratio": 1})")));
}

TEST(SchemaDecodeTest, ListLimitsAndNullForRequired) {
  auto r = Decode<Outer>(json::parse(
      R"({"title": "t", "count": 1, "ratio": 1, "items": [{"name":"a"},{"name":"b"},{"name":"c"}]})"));
  ASSERT_FALSE(r);
  EXPECT_EQ(Locs(r.error()), std::vector<std::string>{"body.items:too_long"});
  r = Decode<Outer>(json::parse(R"({"title": null, "count": 1, "ratio": 1})"));
  ASSERT_FALSE(r);
  EXPECT_EQ(Locs(r.error()), std::vector<std::string>{"body.title:string_type"});
  r = Decode<Outer>(json::parse(
      R"({"title": "\u00e9t\u00e9", "count": 1, "ratio": 1, "items": null, "flag": null})"));
  EXPECT_TRUE(r) << "null for an omittable list or flag keeps the default";
}

TEST(SchemaDecodeTest, RejectsInvalidUtf8) {
  json::value v = json::object{{"title", json::string("bad\xff")}, {"count", 1}, {"ratio", 1}};
  const auto r = Decode<Outer>(v);
  ASSERT_FALSE(r);
  EXPECT_EQ(Locs(r.error()), std::vector<std::string>{"body.title:string_unicode"});
}

TEST(SchemaEncodeTest, EncodesWithNullsAndWireNames) {
  Outer o;
  o.title = "t";
  o.ratio = 12.5;
  o.color = Color::red;
  o.items.push_back({"n", std::nullopt});
  const auto text = EncodeJson(o);
  EXPECT_EQ(text,
            R"({"title":"t","count":0,"ratio":12.5,"flag":false,"color":"red",)"
            R"("items":[{"name":"n","since":null}],"extra":null,"tally":{},"template":null})");
  const auto back = Decode<Outer>(json::parse(text));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->ratio, 12.5);
}

struct Everything {
  std::string text;
  std::optional<std::string> missing;
  bool yes = true;
  int small = -7;
  long long big = 9'000'000'000'000;
  unsigned count = 3;
  double ratio = 0.1;
  double nan = std::numeric_limits<double>::quiet_NaN();
  float single = 2.5F;
  std::vector<std::optional<int>> holes;
  std::map<std::string, std::vector<std::string>> groups;
  json::value any;
  Color color = Color::dark_blue;
  std::optional<Outer> nested;
  std::vector<Inner> inners;
};
BOOST_DESCRIBE_STRUCT(Everything, (),
                      (text, missing, yes, small, big, count, ratio, nan, single, holes, groups,
                       any, color, nested, inners))

// The direct writer behind EncodeJson gives the bytes of ToJson(Encode(v)), kind by kind.
TEST(SchemaEncodeTest, TheDirectWriterMatchesTheValueTree) {
  Everything e;
  e.text = "quote \" slash \\ tab \t nul " + std::string(1, '\0') + " bad \xff \u00e9 \U0001F4BC";
  e.holes = {1, std::nullopt, -2};
  e.groups = {{"b", {"x", "\n"}}, {"a", {}}};
  e.any = json::parse(R"({"k": [1, 2.5, -0.0, 1e300, "s", null, true, {"z": {}}]})");
  Outer o;
  o.title = "t";
  o.ratio = 1e-7;
  o.items.push_back({"n", "2019-03"});
  o.extra = Inner{"m", std::nullopt};
  o.tally = {{"a", 1}, {"b", 2}};
  o.template_ = "classic";
  e.nested = o;
  e.inners = {{"p", "2020"}, {"q", std::nullopt}};
  EXPECT_EQ(EncodeJson(e), ToJson(Encode(e)));
  EXPECT_EQ(EncodeJson(Everything{}), ToJson(Encode(Everything{})));
  EXPECT_EQ(EncodeJson(std::vector<Everything>{e, {}}),
            ToJson(Encode(std::vector<Everything>{e, {}})));
}

TEST(SchemaEncodeTest, NumbersUseShortestPlainForms) {
  EXPECT_EQ(ToJson(json::array{0.1, 7.0, 1e21, -3, 2.5e-7}), "[0.1,7,1e+21,-3,2.5e-07]");
  EXPECT_EQ(ToJson(json::value(std::numeric_limits<double>::infinity())), "null");
}

TEST(SchemaBuildTest, DerivesJsonSchemaFromTheDeclaration) {
  SchemaBuilder b;
  EXPECT_EQ(b.SchemaOf<Outer>(), json::parse(R"({"$ref": "#/components/schemas/Outer"})"));
  const auto& outer = b.Components().at("Outer").as_object();
  EXPECT_EQ(outer.at("required"), json::parse(R"(["title", "count", "ratio"])"));
  EXPECT_EQ(outer.at("description"), "A test model.");
  const auto& p = outer.at("properties").as_object();
  EXPECT_EQ(p.at("title"), json::parse(R"({"type": "string", "description": "The title."})"));
  EXPECT_EQ(p.at("count"), json::parse(R"({"type": "integer", "minimum": 0, "maximum": 10})"));
  EXPECT_EQ(p.at("color"),
            json::parse(R"({"type": ["string", "null"], "enum": ["red", "dark_blue", null]})"));
  EXPECT_EQ(p.at("items"), json::parse(R"({"type": "array", "maxItems": 2,
                                          "items": {"$ref": "#/components/schemas/Inner"}})"));
  EXPECT_EQ(p.at("extra"), json::parse(R"({"anyOf": [{"$ref": "#/components/schemas/Inner"},
                                                     {"type": "null"}]})"));
  EXPECT_EQ(p.at("tally"),
            json::parse(R"({"type": "object", "additionalProperties": {"type": "integer"}})"));
  EXPECT_TRUE(p.contains("template"));
  const auto& inner = b.Components().at("Inner").as_object().at("properties").as_object();
  EXPECT_EQ(inner.at("since").at("pattern"), "^[0-9]{4}(-(0[1-9]|1[0-2]))?$");
  EXPECT_EQ(inner.at("name").at("minLength"), 1);
}

struct Lines {
  static constexpr std::string_view kSchemaName = "Lines";
  std::vector<std::string> lines;
  std::optional<Inner> inner;
  // A description beside item constraints on an array field.
  static constexpr FieldSpec kFields[] = {
      {.name = "lines", .description = "Some lines.", .min_length = 1, .max_items = 3}};
};
BOOST_DESCRIBE_STRUCT(Lines, (), (lines, inner))

TEST(SchemaBuildTest, ArrayFieldsTakeItemConstraintsAndADescription) {
  SchemaBuilder b;
  b.SchemaOf<Lines>();
  EXPECT_EQ(b.Components().at("Lines").at("properties").at("lines"),
            json::parse(R"({"type": "array", "items": {"type": "string", "minLength": 1},
                           "description": "Some lines.", "maxItems": 3})"));
}

// The schema sent to an LLM for structured output: standalone, closed, all fields required.
TEST(SchemaBuildTest, StrictSchemaInlinesAndClosesEveryObject) {
  const auto strict = StrictSchemaOf<Lines>();
  EXPECT_EQ(strict.at("additionalProperties"), false);
  EXPECT_EQ(strict.at("required"), json::parse(R"(["lines", "inner"])"));
  const auto& props = strict.at("properties").as_object();
  EXPECT_EQ(props.at("lines"), json::parse(R"({"type": "array", "items": {"type": "string"},
                                               "description": "Some lines."})"));
  // The optional nested model is inlined, nullable, closed, with every field required.
  const auto& inner = props.at("inner").at("anyOf").as_array();
  ASSERT_EQ(inner.size(), 2u);
  EXPECT_EQ(inner[0].at("additionalProperties"), false);
  EXPECT_EQ(inner[0].at("required"), json::parse(R"(["name", "since"])"));
  EXPECT_FALSE(inner[0].at("properties").at("since").as_object().contains("pattern"));
  EXPECT_EQ(inner[1], json::parse(R"({"type": "null"})"));
  EXPECT_EQ(json::serialize(strict).find("$ref"), std::string::npos);
}

TEST(JsonBodyTest, ChecksMediaTypeSyntaxAndShape) {
  EXPECT_TRUE(IsJsonMediaType("application/json"));
  EXPECT_TRUE(IsJsonMediaType("Application/JSON; charset=utf-8"));
  EXPECT_TRUE(IsJsonMediaType("application/merge-patch+json"));
  EXPECT_FALSE(IsJsonMediaType("text/json"));
  EXPECT_FALSE(IsJsonMediaType(""));
  EXPECT_EQ(ParseJsonBody("{}", "text/plain").error().code, ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(ParseJsonBody("{", "application/json").error().slug, "malformed_json");
  EXPECT_EQ(ParseJsonBody("[]", "application/json").error().code, ErrorCode::kValidation);
  EXPECT_EQ(
      ParseJsonBody(std::string(100, '[') + std::string(100, ']'), "application/json").error().slug,
      "malformed_json");
  EXPECT_TRUE(ParseJsonBody(" {\"a\": 1} \n", "application/json"));
}

}  // namespace jc::schema::test
