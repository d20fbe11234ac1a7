// DocxWalker: walks WordprocessingML block content (a body, a table cell, a text box, a header)
// and feeds a LineSink paragraph by paragraph. Recursion is bounded by max_xml_depth.
//
// Borrows the styles and the sink; one walker per part, not thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "parsing/docx/docx_styles.hpp"
#include "parsing/docx/line_sink.hpp"

namespace jc::parsing {

class DocxWalker {
 public:
  // `role` overrides every line's role (kHeader, kFooter); nullopt for the body.
  DocxWalker(const DocxStyles& styles, const ExtractLimits& limits, LineSink& sink,
             std::optional<LineRole> role)
      : styles_(styles), limits_(limits), sink_(sink), role_(role) {}

  void WalkBlocks(pugi::xml_node parent, std::size_t depth);

  // r:ids of headers and footers referenced by the section properties seen so far, in order.
  const std::vector<std::string>& header_ids() const { return header_ids_; }
  const std::vector<std::string>& footer_ids() const { return footer_ids_; }

 private:
  bool Enter(std::size_t depth);
  void Paragraph(pugi::xml_node p, std::size_t depth);
  void Inline(pugi::xml_node parent, const FormatSpec& base, std::size_t depth);
  void Run(pugi::xml_node run, const FormatSpec& base, std::size_t depth);
  void Table(pugi::xml_node table, std::size_t depth);
  void Rows(pugi::xml_node parent, std::size_t depth);
  void Cells(pugi::xml_node row, std::size_t depth);
  void CollectTextBoxes(pugi::xml_node node, std::size_t depth);
  void SectionReferences(pugi::xml_node sect_pr);
  bool InFieldInstruction() const;

  const DocxStyles& styles_;
  const ExtractLimits& limits_;
  LineSink& sink_;
  std::optional<LineRole> role_;
  int table_depth_ = 0;
  std::vector<bool> fields_;  // open complex fields; true while in the instruction part
  std::vector<std::pair<pugi::xml_node, std::size_t>> text_boxes_;  // of the open paragraph
  std::vector<std::string> header_ids_, footer_ids_;
};

// The alternative of an mc:AlternateContent to read: the first mc:Choice, else mc:Fallback.
pugi::xml_node ChooseAlternative(pugi::xml_node alternate_content);

}  // namespace jc::parsing
