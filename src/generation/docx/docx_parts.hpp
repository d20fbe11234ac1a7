// The parts of a DOCX package other than the body: content types, relationships, styles,
// numbering, settings, font table and the document properties. Each function returns one
// complete XML part. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "generation/docx/docx_xml.hpp"

namespace jc::generation::docx {

// Style ids the body refers to; the names Word and LibreOffice show are in styles.xml.
inline constexpr std::string_view kStyleTitle = "Title";
inline constexpr std::string_view kStyleSubtitle = "Subtitle";
inline constexpr std::string_view kStyleContact = "ContactInfo";
inline constexpr std::string_view kStyleHeading1 = "Heading1";
inline constexpr std::string_view kStyleHeading2 = "Heading2";
inline constexpr std::string_view kStyleEntryDetails = "EntryDetails";
inline constexpr std::string_view kStyleListBullet = "ListBullet";
inline constexpr std::string_view kStyleBodyText = "BodyText";
inline constexpr std::string_view kStyleHyperlink = "Hyperlink";
inline constexpr int kBulletNumId = 1;

// Part names, as stored in the ZIP (no leading slash).
inline constexpr const char* kPartContentTypes = "[Content_Types].xml";
inline constexpr const char* kPartRels = "_rels/.rels";
inline constexpr const char* kPartDocument = "word/document.xml";
inline constexpr const char* kPartDocumentRels = "word/_rels/document.xml.rels";
inline constexpr const char* kPartStyles = "word/styles.xml";
inline constexpr const char* kPartNumbering = "word/numbering.xml";
inline constexpr const char* kPartSettings = "word/settings.xml";
inline constexpr const char* kPartFontTable = "word/fontTable.xml";
inline constexpr const char* kPartCore = "docProps/core.xml";
inline constexpr const char* kPartApp = "docProps/app.xml";

std::string_view ContentTypesXml();
std::string_view PackageRelsXml();
std::string_view NumberingXml();
std::string_view AppXml();
// The document relationships: styles, numbering, settings, font table.
std::string_view DocumentRelsXml();

// styles.xml: document defaults (font, size, language) and the paragraph styles of the template.
std::string StylesXml(const Theme& theme, const PageGeometry& page, std::string_view language);
std::string SettingsXml(std::string_view language);
std::string FontTableXml(const Theme& theme);
// core.xml: title and creator are raw document text (cleaned and escaped here).
std::string CoreXml(std::string_view title, std::string_view creator, std::string_view language);

}  // namespace jc::generation::docx
