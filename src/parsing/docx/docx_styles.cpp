#include "parsing/docx/docx_styles.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "parsing/docx/safe_xml.hpp"

namespace jc::parsing {
namespace {

constexpr int kMaxChain = 16;  // basedOn chains are short; a longer one is a loop or hostile

struct RawStyle {
  std::string name;
  std::string based_on;
  std::optional<int> outline_level;
  std::optional<int> list_level;  // 0 = numbering switched off (numId 0)
  FormatSpec format;
};

std::optional<bool> OnOff(pugi::xml_node node) {
  if (!node) return std::nullopt;
  const std::string_view val = node.attribute("w:val").value();
  return !(val == "0" || val == "false" || val == "off" || val == "none");
}

std::optional<int> ReadNumbering(pugi::xml_node ppr) {
  const pugi::xml_node num = ppr.child("w:numPr");
  if (!num) return std::nullopt;
  const pugi::xml_node id = num.child("w:numId");
  if (id && std::string_view(id.attribute("w:val").value()) == "0") return 0;
  return 1 + std::clamp(num.child("w:ilvl").attribute("w:val").as_int(0), 0, 8);
}

}  // namespace

FormatSpec ReadRunProperties(pugi::xml_node rpr) {
  FormatSpec spec;
  if (!rpr) return spec;
  spec.bold = OnOff(rpr.child("w:b"));
  spec.italic = OnOff(rpr.child("w:i"));
  spec.caps = OnOff(rpr.child("w:caps"));
  if (const pugi::xml_node sz = rpr.child("w:sz")) {
    const int half_points = sz.attribute("w:val").as_int(0);
    if (half_points > 0 && half_points < 4000) spec.font_size = static_cast<float>(half_points) / 2;
  }
  return spec;
}

bool IsHeadingStyleName(std::string_view name) {
  std::string lower;
  for (char c : name) {
    if (c != ' ') lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (lower == "title") return true;
  return lower.size() == 8 && lower.starts_with("heading") &&
         std::isdigit(static_cast<unsigned char>(lower[7])) != 0;
}

DocxStyles DocxStyles::Parse(pugi::xml_node styles) {
  DocxStyles table;
  std::map<std::string, RawStyle, std::less<>> raw;
  std::string default_id;
  table.defaults_ =
      ReadRunProperties(styles.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"));
  for (pugi::xml_node node : styles.children("w:style")) {
    RawStyle style;
    const std::string id = node.attribute("w:styleId").value();
    style.name = node.child("w:name").attribute("w:val").value();
    if (style.name.empty()) style.name = id;
    style.based_on = node.child("w:basedOn").attribute("w:val").value();
    const pugi::xml_node ppr = node.child("w:pPr");
    if (const pugi::xml_node level = ppr.child("w:outlineLvl")) {
      style.outline_level = level.attribute("w:val").as_int(9);
    }
    style.list_level = ReadNumbering(ppr);
    style.format = ReadRunProperties(node.child("w:rPr"));
    if (std::string_view(node.attribute("w:type").value()) == "paragraph" &&
        node.attribute("w:default").as_bool()) {
      default_id = id;
    }
    raw.emplace(id, std::move(style));
  }
  for (const auto& [id, start] : raw) {
    DocxStyle resolved;
    resolved.name = start.name;
    std::optional<int> outline, list;
    bool named_heading = false;
    const RawStyle* chain[kMaxChain];
    int length = 0;
    for (const RawStyle* at = &start; at != nullptr && length < kMaxChain;) {
      chain[length++] = at;
      named_heading = named_heading || IsHeadingStyleName(at->name);
      if (!outline) outline = at->outline_level;
      if (!list) list = at->list_level;
      const auto next = raw.find(at->based_on);
      at = next == raw.end() ? nullptr : &next->second;
    }
    for (int i = length - 1; i >= 0; --i) resolved.format.Overlay(chain[i]->format);
    resolved.heading = named_heading || (outline && *outline >= 0 && *outline <= 8);
    resolved.list_level = list.value_or(0);
    table.styles_.emplace(id, std::move(resolved));
  }
  if (const DocxStyle* found = table.Find(default_id)) table.default_paragraph_ = *found;
  table.default_paragraph_.name.clear();
  return table;
}

const DocxStyle& DocxStyles::Paragraph(std::string_view id) const {
  const DocxStyle* found = Find(id);
  return found != nullptr ? *found : default_paragraph_;
}

const DocxStyle* DocxStyles::Find(std::string_view id) const {
  if (id.empty()) return nullptr;
  const auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

}  // namespace jc::parsing
