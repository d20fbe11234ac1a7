#include "generation/docx/docx_xml.hpp"

#include <algorithm>

namespace jc::generation::docx {

void AppendEscaped(std::string& out, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      default:
        continue;
    }
    out.append(text.substr(start, i - start));
    out.append(entity);
    start = i + 1;
  }
  out.append(text.substr(start));
}

Theme ThemeFor(TemplateId id) {
  Theme theme;
  switch (id) {
    case TemplateId::kClassic:
      theme.font = "Times New Roman";
      theme.font_family = "roman";
      theme.alt_font = "Liberation Serif";
      theme.accent = "1A1A1A";
      theme.rule = "404040";
      theme.muted = "404040";
      theme.centred_header = true;
      theme.caps_headings = true;
      theme.body_size = 21;
      theme.name_size = 44;
      theme.heading_size = 23;
      theme.contact_size = 20;
      theme.average_advance = 480;
      break;
    case TemplateId::kModern:
      theme.font = "Arial";
      theme.font_family = "swiss";
      theme.alt_font = "Liberation Sans";
      theme.accent = "1F4E79";
      theme.rule = "";
      theme.muted = "555555";
      theme.centred_header = false;
      theme.caps_headings = false;
      theme.body_size = 20;
      theme.name_size = 44;
      theme.heading_size = 24;
      theme.contact_size = 18;
      theme.average_advance = 530;
      break;
  }
  return theme;
}

PageGeometry GeometryFor(PageSize size) {
  PageGeometry page;
  switch (size) {
    case PageSize::kA4:
      page.width = 11906;
      page.height = 16838;
      break;
    case PageSize::kLetter:
      page.width = 12240;
      page.height = 15840;
      break;
  }
  return page;
}

std::string LanguageTag(std::string_view language) {
  const bool valid = !language.empty() && language.size() <= 35 &&
                     std::all_of(language.begin(), language.end(),
                                 [](char c) {
                                   return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                          (c >= '0' && c <= '9') || c == '-';
                                 }) &&
                     language.front() != '-' && language.back() != '-';
  return valid ? std::string(language) : std::string("en");
}

}  // namespace jc::generation::docx
