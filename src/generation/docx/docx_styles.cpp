// styles.xml. Style ids and names follow Word's built-ins ("heading 1", "List Bullet", "Title")
// so Word, LibreOffice and python-docx show them as heading and list styles, and the navigation
// pane and ATS parsers see the outline. Child elements follow the schema order (CT_Style, CT_PPr,
// CT_RPr): Word rejects a part whose elements are out of order.
#include <string>

#include "generation/docx/docx_parts.hpp"

namespace jc::generation::docx {
namespace {

struct StyleSpec {
  std::string_view id;
  std::string_view name;
  std::string_view based_on = "Normal";
  std::string_view next;
  int ui_priority = 0;
  std::string_view ppr;  // inner XML of w:pPr, in schema order
  std::string rpr;       // inner XML of w:rPr, in schema order
};

void AppendStyle(std::string& out, const StyleSpec& s) {
  out += R"(<w:style w:type="paragraph" w:styleId=")";
  out += s.id;
  out += R"("><w:name w:val=")";
  out += s.name;
  out += R"("/>)";
  if (!s.based_on.empty()) {
    out += R"(<w:basedOn w:val=")";
    out += s.based_on;
    out += R"("/>)";
  }
  if (!s.next.empty()) {
    out += R"(<w:next w:val=")";
    out += s.next;
    out += R"("/>)";
  }
  if (s.ui_priority > 0) {
    out += R"(<w:uiPriority w:val=")";
    out += std::to_string(s.ui_priority);
    out += R"("/>)";
  }
  out += "<w:qFormat/>";
  if (!s.ppr.empty()) {
    out += "<w:pPr>";
    out += s.ppr;
    out += "</w:pPr>";
  }
  if (!s.rpr.empty()) {
    out += "<w:rPr>";
    out += s.rpr;
    out += "</w:rPr>";
  }
  out += "</w:style>";
}

std::string Color(std::string_view rgb) {
  return std::string(R"(<w:color w:val=")") + std::string(rgb) + R"("/>)";
}

std::string Size(int half_points) {
  const std::string v = std::to_string(half_points);
  return R"(<w:sz w:val=")" + v + R"("/><w:szCs w:val=")" + v + R"("/>)";
}

}  // namespace

std::string StylesXml(const Theme& theme, const PageGeometry& page, std::string_view language) {
  std::string out;
  out.reserve(6000);
  out += kXmlDeclaration;
  out += R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
  out += R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=")";
  out += theme.font;
  out += R"(" w:hAnsi=")";
  out += theme.font;
  out += R"(" w:cs=")";
  out += theme.font;
  out += R"("/>)";
  out += Size(theme.body_size);
  out += R"(<w:lang w:val=")";
  AppendEscaped(out, language);
  out += R"("/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>)"
         R"(<w:spacing w:after="0" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault>)"
         R"(</w:docDefaults>)";

  out += R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
         R"(<w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr>)";
  out += "<w:rPr>" + Color("1A1A1A") + "</w:rPr></w:style>";
  out += R"(<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">)"
         R"(<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>)"
         R"(<w:unhideWhenUsed/></w:style>)";
  out += R"(<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>)"
         R"(<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>)"
         R"(<w:rPr>)" +
         Color(theme.muted) + R"(<w:u w:val="none"/></w:rPr></w:style>)";

  const std::string_view align = theme.centred_header ? R"(<w:jc w:val="center"/>)" : "";
  const std::string title_ppr = R"(<w:keepNext/><w:spacing w:after="40"/>)" + std::string(align);
  AppendStyle(out, {"Title", "Title", "Normal", "Normal", 10, title_ppr,
                    std::string(theme.centred_header ? "" : "<w:b/>") + Color(theme.accent) +
                        (theme.centred_header ? R"(<w:spacing w:val="10"/>)" : "") +
                        Size(theme.name_size)});
  const std::string subtitle_ppr = R"(<w:keepNext/><w:spacing w:after="40"/>)" + std::string(align);
  AppendStyle(out, {"Subtitle", "Subtitle", "Normal", "Normal", 11, subtitle_ppr,
                    Color(theme.muted) + Size(theme.body_size + 3)});
  const std::string contact_ppr = R"(<w:spacing w:after="120"/>)" + std::string(align);
  AppendStyle(out, {"ContactInfo", "Contact Info", "Normal", "Normal", 12, contact_ppr,
                    Color(theme.muted) + Size(theme.contact_size)});

  std::string h1_ppr = "<w:keepNext/><w:keepLines/>";
  if (!theme.rule.empty()) {
    h1_ppr += R"(<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color=")";
    h1_ppr += theme.rule;
    h1_ppr += R"("/></w:pBdr>)";
  }
  h1_ppr += R"(<w:spacing w:before="220" w:after="80"/><w:outlineLvl w:val="0"/>)";
  AppendStyle(out,
              {"Heading1", "heading 1", "Normal", "Normal", 9, h1_ppr,
               std::string("<w:b/><w:bCs/>") + (theme.caps_headings ? "<w:caps/>" : "") +
                   Color(theme.accent) + (theme.caps_headings ? R"(<w:spacing w:val="14"/>)" : "") +
                   Size(theme.heading_size)});

  const std::string h2_ppr = R"(<w:keepNext/><w:keepLines/><w:tabs><w:tab w:val="right" w:pos=")" +
                             std::to_string(page.TextWidth()) +
                             R"("/></w:tabs><w:spacing w:before="140" w:after="0"/>)"
                             R"(<w:outlineLvl w:val="1"/>)";
  AppendStyle(out, {"Heading2", "heading 2", "Normal", "EntryDetails", 9, h2_ppr,
                    "<w:b/><w:bCs/>" + Color("1A1A1A") + Size(theme.body_size + 1)});
  AppendStyle(out,
              {"EntryDetails", "Entry Details", "Normal", "Normal", 12,
               R"(<w:keepNext/><w:spacing w:after="40"/>)", "<w:i/><w:iCs/>" + Color(theme.muted)});
  AppendStyle(out, {"ListBullet", "List Bullet", "Normal", "", 36,
                    R"(<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>)"
                    R"(<w:spacing w:after="20"/><w:ind w:left="284" w:hanging="227"/>)",
                    ""});
  AppendStyle(out, {"BodyText", "Body Text", "Normal", "BodyText", 99,
                    R"(<w:spacing w:after="160" w:line="264" w:lineRule="auto"/>)", ""});
  out += "</w:styles>";
  return out;
}

}  // namespace jc::generation::docx
