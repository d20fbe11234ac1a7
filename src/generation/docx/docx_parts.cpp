#include "generation/docx/docx_parts.hpp"

#include "generation/clean_text.hpp"

namespace jc::generation::docx {

std::string_view ContentTypesXml() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
         R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
         R"(<Default Extension="xml" ContentType="application/xml"/>)"
         R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
         R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
         R"(<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>)"
         R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
         R"(<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>)"
         R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
         R"(<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>)"
         R"(</Types>)";
}

std::string_view PackageRelsXml() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
         R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
         R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>)"
         R"(</Relationships>)";
}

std::string_view NumberingXml() {
  // One single-level bullet list, linked to the List Bullet paragraph style. The bullet is
  // U+2022 in the body font rather than a Symbol-font private-use glyph, so text extraction
  // (ours included) sees a real character.
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
         R"(<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>)"
         R"(<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>)"
         R"(<w:pStyle w:val="ListBullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>)"
         R"(<w:pPr><w:tabs><w:tab w:val="num" w:pos="284"/></w:tabs>)"
         R"(<w:ind w:left="284" w:hanging="227"/></w:pPr></w:lvl></w:abstractNum>)"
         R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
}

std::string_view AppXml() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" )"
         R"(xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">)"
         R"(<Application>Job Copilot</Application><DocSecurity>0</DocSecurity>)"
         R"(</Properties>)";
}

std::string_view DocumentRelsXml() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
         R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
         R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
         R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>)"
         R"(</Relationships>)";
}

std::string SettingsXml(std::string_view language) {
  std::string out;
  out.reserve(700);
  out += kXmlDeclaration;
  out +=
      R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>)"
      R"(<w:characterSpacingControl w:val="doNotCompress"/><w:compat>)"
      R"(<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>)"
      R"(</w:compat><w:themeFontLang w:val=")";
  AppendEscaped(out, language);
  out += R"("/></w:settings>)";
  return out;
}

std::string FontTableXml(const Theme& theme) {
  std::string out;
  out.reserve(500);
  out += kXmlDeclaration;
  out += R"(<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
  out += R"(<w:font w:name=")";
  out += theme.font;
  out += R"("><w:altName w:val=")";
  out += theme.alt_font;
  out += R"("/><w:family w:val=")";
  out += theme.font_family;
  out += R"("/><w:pitch w:val="variable"/></w:font></w:fonts>)";
  return out;
}

std::string CoreXml(std::string_view title, std::string_view creator, std::string_view language) {
  std::string out;
  out.reserve(700 + title.size() + creator.size());
  out += kXmlDeclaration;
  out +=
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
      R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" )"
      R"(xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)";
  const std::string clean_title = CleanText(title);
  const std::string clean_creator = CleanText(creator);
  if (!clean_title.empty()) {
    out += "<dc:title>";
    AppendEscaped(out, clean_title);
    out += "</dc:title>";
  }
  if (!clean_creator.empty()) {
    out += "<dc:creator>";
    AppendEscaped(out, clean_creator);
    out += "</dc:creator>";
  }
  out += "<dc:language>";
  AppendEscaped(out, language);
  out += "</dc:language></cp:coreProperties>";
  return out;
}

}  // namespace jc::generation::docx
