#include "parsing/docx/odt_extractor.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_support.hpp"

namespace jc::parsing::testing {

namespace {

constexpr const char* kNamespaces =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" )"
    R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")";

std::string Odt(const std::string& text, const std::string& automatic_styles = {},
                const std::string& styles_xml = {}, const std::string& doctype = {}) {
  std::vector<ZipEntry> entries{
      {"mimetype", "application/vnd.oasis.opendocument.text"},
      {"content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype +
                          "<office:document-content " + kNamespaces + "><office:automatic-styles>" +
                          automatic_styles +
                          "</office:automatic-styles><office:body><office:text>" + text +
                          "</office:text></office:body></office:document-content>"}};
  if (!styles_xml.empty()) entries.push_back({"styles.xml", styles_xml});
  return BuildZip(entries);
}

std::string P(const std::string& text) {
  return "<text:p>" + text + "</text:p>";
}

Document Extract(const std::string& bytes) {
  auto doc = ExtractOdt(bytes, {});
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().slug + ": " + doc.error().message);
  return doc ? *doc : Document{};
}

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Line& line : doc.lines) out.push_back(line.text);
  return out;
}

void ExpectError(const Result<Document>& doc, ErrorCode code, const std::string& slug) {
  ASSERT_FALSE(doc.has_value()) << "extracted " << doc->lines.size() << " lines";
  EXPECT_EQ(doc.error().code, code) << doc.error().message;
  EXPECT_EQ(doc.error().slug, slug) << doc.error().message;
}

TEST(OdtCorpusTest, EveryOdtHoldsItsGoldFactsInOrder) {
  int checked = 0;
  for (const auto& row : ReadManifest()) {
    if (row[3] != "odt") continue;
    const std::string dir = std::string(JC_SOURCE_DIR) + "/tests/corpus/cvs/";
    auto doc = ExtractOdt(ReadFile(dir + row[1]), {});
    ASSERT_TRUE(doc.has_value()) << row[1] << ": " << doc.error().message;
    EXPECT_EQ(doc->kind, FileKind::kOdt);
    ExpectGoldInOrder(*doc, ReadGold(dir + row[2]), row[1]);
    if (row[4] == "table") {
      EXPECT_TRUE(std::any_of(doc->lines.begin(), doc->lines.end(), [](const Line& line) {
        return line.role == LineRole::kTableCell;
      })) << row[1];
    }
    ++checked;
  }
  EXPECT_EQ(checked, 2);
}

TEST(OdtExtractorTest, ReadsHeadingsSpansSpacesTabsAndLineBreaks) {
  const Document doc = Extract(Odt(
      "<text:h text:outline-level=\"1\">Work <text:span>Experience</text:span></text:h>"
      "<text:p text:style-name=\"P1\"><text:span text:style-name=\"T1\">Engineer</text:span>"
      "<text:s text:c=\"5\"/>at<text:tab/>ACME<text:line-break/>2019 – 2021"
      "<text:a xlink:href=\"https://x\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"> link</text:a>"
      "<text:note><text:note-body>" +
          P("footnote") +
          "</text:note-body></text:note></text:p>"
          "<text:p/><text:tracked-changes><text:changed-region><text:deletion>" +
          P("deleted") + "</text:deletion></text:changed-region></text:tracked-changes>",
      "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
      "fo:font-weight=\"bold\" fo:font-size=\"14pt\"/></style:style>"
      "<style:style style:name=\"P1\" style:family=\"paragraph\"><style:text-properties "
      "fo:font-style=\"italic\"/></style:style>"));
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"Work Experience", "Engineer at ACME", "2019 – 2021 link"}));
  EXPECT_EQ(doc.lines[0].role, LineRole::kHeading);
  EXPECT_EQ(doc.lines[1].role, LineRole::kBody);
  EXPECT_TRUE(doc.lines[1].bold);  // "Engineer" outweighs "at ACME"
  EXPECT_FLOAT_EQ(doc.lines[1].font_size, 14);
  EXPECT_TRUE(doc.lines[2].italic);
  EXPECT_EQ(doc.lines[1].block, doc.lines[2].block);
}

TEST(OdtExtractorTest, ReadsNestedListsTablesAndFrames) {
  const Document doc = Extract(
      Odt("<text:list><text:list-item>" + P("Top") + "<text:list><text:list-item>" + P("Nested") +
          "</text:list-item></text:list></text:list-item></text:list>"
          "<table:table><table:table-column/><table:table-header-rows><table:table-row>"
          "<table:table-cell>" +
          P("Contact") + P("jane@example.com") +
          "</table:table-cell>"
          "<table:table-cell>" +
          P("Experience") +
          "</table:table-cell></table:table-row>"
          "</table:table-header-rows><table:table-row><table:table-cell>" +
          P("Skills") +
          "</table:table-cell><table:covered-table-cell/></table:table-row></table:table>"
          "<text:p>Anchor<draw:frame><draw:text-box>" +
          P("Boxed") + "</draw:text-box></draw:frame></text:p>"));
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Top", "Nested", "Contact", "jane@example.com",
                                                  "Experience", "Skills", "Anchor", "Boxed"}));
  EXPECT_EQ(doc.lines[0].role, LineRole::kListItem);
  EXPECT_EQ(doc.lines[0].list_level, 1);
  EXPECT_EQ(doc.lines[1].list_level, 2);
  EXPECT_EQ(doc.lines[2].role, LineRole::kTableCell);
  EXPECT_EQ(doc.lines[2].block, doc.lines[4].block);
  EXPECT_NE(doc.lines[4].block, doc.lines[5].block);
  EXPECT_EQ(doc.lines[7].role, LineRole::kBody);
}

TEST(OdtExtractorTest, PlacesMasterPageHeadersFirstAndFootersLast) {
  const std::string styles =
      "<office:document-styles " + std::string(kNamespaces) +
      "><office:styles><style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" "
      "style:family=\"paragraph\" style:default-outline-level=\"1\"/></office:styles>"
      "<office:master-styles><style:master-page style:name=\"Standard\"><style:header>" +
      P("Jane Doe – CV") + "</style:header><style:footer>" + P("Page 1") +
      "</style:footer></style:master-page></office:master-styles></office:document-styles>";
  const Document doc = Extract(Odt("<text:p text:style-name=\"P1\">Profile</text:p>" + P("Body"),
                                   "<style:style style:name=\"P1\" style:family=\"paragraph\" "
                                   "style:parent-style-name=\"Heading_20_1\"/>",
                                   styles));
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Jane Doe – CV", "Profile", "Body", "Page 1"}));
  EXPECT_EQ(doc.lines[0].role, LineRole::kHeader);
  EXPECT_EQ(doc.lines[1].role, LineRole::kHeading);
  EXPECT_EQ(doc.lines[1].style, "Heading 1");
  EXPECT_EQ(doc.lines[3].role, LineRole::kFooter);
}

TEST(OdtHostileTest, RefusesMissingContentDeepNestingAndEmptyText) {
  ExpectError(ExtractOdt(BuildZip({{"mimetype", "application/vnd.oasis.opendocument.text"}}), {}),
              ErrorCode::kValidation, "unreadable_document");
  ExpectError(ExtractOdt("not a zip", {}), ErrorCode::kValidation, "unreadable_document");
  std::string deep;
  for (int i = 0; i < 10'000; ++i) deep += "<text:section>";
  deep += P("deep");
  for (int i = 0; i < 10'000; ++i) deep += "</text:section>";
  ExpectError(ExtractOdt(Odt(deep), {}), ErrorCode::kPayloadTooLarge, "document_too_large");
  ExpectError(ExtractOdt(Odt(P(" ") + "<text:p/>"), {}), ErrorCode::kValidation, "empty_document");
}

TEST(OdtHostileTest, NeverExpandsEntities) {
  const std::string doctype =
      "<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
  const Document doc = Extract(Odt(P("Hello &xxe; &b;"), {}, {}, doctype));
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_EQ(doc.lines[0].text.find("root:"), std::string::npos);
  EXPECT_EQ(doc.lines[0].text.find("aaaa"), std::string::npos);
}

}  // namespace
}  // namespace jc::parsing::testing
