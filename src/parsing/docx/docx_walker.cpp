#include "parsing/docx/docx_walker.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parsing/docx/safe_xml.hpp"
#include "parsing/docx/zip_reader.hpp"
#include "parsing/text/text_util.hpp"

namespace jc::parsing {
namespace {

constexpr std::size_t kMaxOpenFields = 64;

bool IsAny(const pugi::xml_node& node, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const char* name) { return IsNamed(node, name); });
}

// Encodes a code point as UTF-8; symbol-font glyphs (private use area) have no meaning as text.
std::string SymbolText(std::string_view hex) {
  const unsigned long code = std::strtoul(std::string(hex).c_str(), nullptr, 16);
  std::string out;
  if (code < 0x20 || (code >= 0xE000 && code <= 0xF8FF) || code > 0xFFFF) return out;
  AppendUtf8(out, static_cast<char32_t>(code));
  return out;
}

}  // namespace

pugi::xml_node ChooseAlternative(pugi::xml_node alternate_content) {
  const pugi::xml_node choice = alternate_content.child("mc:Choice");
  if (choice && choice.first_child()) return choice;
  return alternate_content.child("mc:Fallback");
}

bool DocxWalker::Enter(std::size_t depth) {
  if (sink_.Failed()) return false;
  if (depth > limits_.max_xml_depth) {
    sink_.Fail(DocumentTooLarge("the document is nested too deeply"));
    return false;
  }
  return true;
}

void DocxWalker::WalkBlocks(pugi::xml_node parent, std::size_t depth) {
  if (!Enter(depth)) return;
  for (pugi::xml_node child : parent.children()) {
    if (sink_.Failed()) return;
    if (IsNamed(child, "w:p")) {
      Paragraph(child, depth + 1);
    } else if (IsNamed(child, "w:tbl")) {
      Table(child, depth + 1);
    } else if (IsAny(child, {"w:sdt", "w:sdtContent", "w:customXml", "w:ins", "w:moveTo"})) {
      WalkBlocks(IsNamed(child, "w:sdt") ? child.child("w:sdtContent") : child, depth + 1);
    } else if (IsNamed(child, "mc:AlternateContent")) {
      WalkBlocks(ChooseAlternative(child), depth + 1);
    } else if (IsNamed(child, "w:sectPr")) {
      SectionReferences(child);
    }
  }
}

void DocxWalker::Paragraph(pugi::xml_node p, std::size_t depth) {
  if (!Enter(depth)) return;
  const pugi::xml_node ppr = p.child("w:pPr");
  const DocxStyle& style = styles_.Paragraph(ppr.child("w:pStyle").attribute("w:val").value());
  const pugi::xml_node break_before = ppr.child("w:pageBreakBefore");
  if (break_before && break_before.attribute("w:val").as_bool(true) && !sink_.HasPendingText()) {
    sink_.NextPage();
  }
  if (const pugi::xml_node sect = ppr.child("w:sectPr")) SectionReferences(sect);

  FormatSpec base = styles_.defaults();
  base.Overlay(style.format);
  std::vector<std::pair<pugi::xml_node, std::size_t>> outer_boxes;
  outer_boxes.swap(text_boxes_);
  Inline(p, base, depth + 1);

  ParagraphInfo info;
  info.style = style.name;
  info.list_level = style.list_level;
  if (const pugi::xml_node num = ppr.child("w:numPr")) {
    const bool off = std::string_view(num.child("w:numId").attribute("w:val").value()) == "0";
    info.list_level =
        off ? 0 : 1 + std::clamp(num.child("w:ilvl").attribute("w:val").as_int(0), 0, 8);
  }
  bool heading = style.heading;
  if (const pugi::xml_node level = ppr.child("w:outlineLvl")) {
    const int value = level.attribute("w:val").as_int(9);
    heading = value >= 0 && value <= 8;
  }
  info.role = ParagraphRole(role_, table_depth_ > 0, heading, info.list_level);
  sink_.EndParagraph(info);

  // Text boxes anchored in the paragraph read after it, as blocks of their own.
  std::vector<std::pair<pugi::xml_node, std::size_t>> boxes;
  boxes.swap(text_boxes_);
  text_boxes_ = std::move(outer_boxes);
  for (const auto& [box, box_depth] : boxes) WalkBlocks(box, box_depth);
}

void DocxWalker::Inline(pugi::xml_node parent, const FormatSpec& base, std::size_t depth) {
  if (!Enter(depth)) return;
  for (pugi::xml_node child : parent.children()) {
    if (IsNamed(child, "w:r")) {
      Run(child, base, depth + 1);
    } else if (IsAny(child, {"w:hyperlink", "w:ins", "w:moveTo", "w:fldSimple", "w:smartTag",
                             "w:customXml", "w:sdtContent", "w:dir", "w:bdo"})) {
      Inline(child, base, depth + 1);
    } else if (IsNamed(child, "w:sdt")) {
      Inline(child.child("w:sdtContent"), base, depth + 1);
    } else if (IsNamed(child, "mc:AlternateContent")) {
      Inline(ChooseAlternative(child), base, depth + 1);
    }
  }
}

bool DocxWalker::InFieldInstruction() const {
  return std::find(fields_.begin(), fields_.end(), true) != fields_.end();
}

void DocxWalker::Run(pugi::xml_node run, const FormatSpec& base, std::size_t depth) {
  if (!Enter(depth)) return;
  FormatSpec spec = base;
  const pugi::xml_node rpr = run.child("w:rPr");
  if (const DocxStyle* char_style =
          styles_.Find(rpr.child("w:rStyle").attribute("w:val").value())) {
    spec.Overlay(char_style->format);
  }
  spec.Overlay(ReadRunProperties(rpr));
  const RunFormat format = spec.ToRunFormat();
  for (pugi::xml_node child : run.children()) {
    const bool visible = !InFieldInstruction();
    if (IsNamed(child, "w:t")) {
      if (visible) sink_.Append(child.text().get(), format);
    } else if (IsAny(child, {"w:tab", "w:ptab"})) {
      if (visible) sink_.Append(" ", format);
    } else if (IsNamed(child, "w:noBreakHyphen")) {
      if (visible) sink_.Append("-", format);
    } else if (IsNamed(child, "w:sym")) {
      if (visible) sink_.Append(SymbolText(child.attribute("w:char").value()), format);
    } else if (IsNamed(child, "w:cr")) {
      sink_.BreakLine();
    } else if (IsNamed(child, "w:br")) {
      sink_.BreakLine();
      if (std::string_view(child.attribute("w:type").value()) == "page") sink_.NextPage();
    } else if (IsNamed(child, "w:fldChar")) {
      const std::string_view type = child.attribute("w:fldCharType").value();
      if (type == "begin" && fields_.size() < kMaxOpenFields) {
        fields_.push_back(true);
      } else if (type == "separate" && !fields_.empty()) {
        fields_.back() = false;
      } else if (type == "end" && !fields_.empty()) {
        fields_.pop_back();
      }
    } else if (IsAny(child, {"w:drawing", "w:pict", "w:object", "mc:AlternateContent"})) {
      CollectTextBoxes(child, depth + 1);
    }
  }
}

void DocxWalker::CollectTextBoxes(pugi::xml_node node, std::size_t depth) {
  if (!Enter(depth)) return;
  if (IsNamed(node, "w:txbxContent")) {
    text_boxes_.emplace_back(node, depth);
    return;
  }
  if (IsNamed(node, "mc:AlternateContent")) {
    CollectTextBoxes(ChooseAlternative(node), depth + 1);
    return;
  }
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) CollectTextBoxes(child, depth + 1);
  }
}

void DocxWalker::Table(pugi::xml_node table, std::size_t depth) {
  if (!Enter(depth)) return;
  ++table_depth_;
  const std::optional<int> outer_row = sink_.row_block();
  Rows(table, depth + 1);
  sink_.SetRowBlock(outer_row);
  --table_depth_;
}

void DocxWalker::Rows(pugi::xml_node parent, std::size_t depth) {
  if (!Enter(depth)) return;
  for (pugi::xml_node child : parent.children()) {
    if (IsNamed(child, "w:tr")) {
      sink_.SetRowBlock(sink_.NewBlock());
      Cells(child, depth + 1);
    } else if (IsAny(child, {"w:sdt", "w:sdtContent", "w:customXml", "w:ins"})) {
      Rows(IsNamed(child, "w:sdt") ? child.child("w:sdtContent") : child, depth + 1);
    }
  }
}

void DocxWalker::Cells(pugi::xml_node row, std::size_t depth) {
  if (!Enter(depth)) return;
  for (pugi::xml_node child : row.children()) {
    if (IsNamed(child, "w:tc")) {
      WalkBlocks(child, depth + 1);
    } else if (IsAny(child, {"w:sdt", "w:sdtContent", "w:customXml"})) {
      Cells(IsNamed(child, "w:sdt") ? child.child("w:sdtContent") : child, depth + 1);
    }
  }
}

void DocxWalker::SectionReferences(pugi::xml_node sect_pr) {
  for (pugi::xml_node child : sect_pr.children()) {
    std::vector<std::string>* ids = IsNamed(child, "w:headerReference")   ? &header_ids_
                                    : IsNamed(child, "w:footerReference") ? &footer_ids_
                                                                          : nullptr;
    if (ids == nullptr) continue;
    std::string id = child.attribute("r:id").value();
    if (!id.empty() && std::find(ids->begin(), ids->end(), id) == ids->end()) {
      ids->push_back(std::move(id));
    }
  }
}

}  // namespace jc::parsing
