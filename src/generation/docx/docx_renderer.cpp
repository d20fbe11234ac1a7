#include "generation/docx/docx_renderer.hpp"

#include <array>

#include "generation/docx/docx_body.hpp"
#include "generation/docx/docx_parts.hpp"
#include "generation/docx/docx_zip.hpp"

namespace jc::generation {

Result<std::string> RenderDocx(const Document& doc, const RenderOptions& options) {
  const docx::Theme theme = docx::ThemeFor(options.template_id);
  const docx::PageGeometry page = docx::GeometryFor(options.page_size);
  const std::string language = docx::LanguageTag(doc.language);

  const std::string body = docx::WriteBody(doc, theme, page);
  const std::string styles = docx::StylesXml(theme, page, language);
  const std::string settings = docx::SettingsXml(language);
  const std::string fonts = docx::FontTableXml(theme);
  const std::string core = docx::CoreXml(doc.title, doc.author, language);

  // [Content_Types].xml first, as Word writes it: some readers sniff the first entry.
  const std::array<docx::ZipPart, 10> parts = {{
      {docx::kPartContentTypes, docx::ContentTypesXml()},
      {docx::kPartRels, docx::PackageRelsXml()},
      {docx::kPartDocument, body},
      {docx::kPartDocumentRels, docx::DocumentRelsXml()},
      {docx::kPartStyles, styles},
      {docx::kPartNumbering, docx::NumberingXml()},
      {docx::kPartSettings, settings},
      {docx::kPartFontTable, fonts},
      {docx::kPartCore, core},
      {docx::kPartApp, docx::AppXml()},
  }};
  return docx::WriteZip(parts);
}

}  // namespace jc::generation
