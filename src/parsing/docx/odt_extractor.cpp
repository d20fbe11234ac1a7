#include "parsing/docx/odt_extractor.hpp"

#include <algorithm>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "parsing/docx/docx_styles.hpp"
#include "parsing/docx/line_sink.hpp"
#include "parsing/docx/odt_styles.hpp"
#include "parsing/docx/safe_xml.hpp"
#include "parsing/docx/zip_reader.hpp"

namespace jc::parsing {
namespace {

// Containers whose children are ordinary block content (sections, indexes).
bool IsBlockContainer(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  return name == "text:section" || name == "text:index-body" || name == "text:table-of-content" ||
         name == "text:illustration-index" || name == "text:alphabetical-index" ||
         name == "text:user-index" || name == "text:bibliography" || name == "text:object-index" ||
         name == "text:table-index";
}

class OdtWalker {
 public:
  using Frames = std::vector<std::pair<pugi::xml_node, std::size_t>>;

  OdtWalker(const OdtStyles& styles, const ExtractLimits& limits, LineSink& sink,
            std::optional<LineRole> role)
      : styles_(styles), limits_(limits), sink_(sink), role_(role) {}

  void WalkBlocks(pugi::xml_node parent, std::size_t depth) {
    if (!Enter(depth)) return;
    for (pugi::xml_node child : parent.children()) {
      if (sink_.Failed()) return;
      if (IsNamed(child, "text:p") || IsNamed(child, "text:h")) {
        Paragraph(child, depth + 1);
      } else if (IsNamed(child, "text:list")) {
        ++list_level_;
        for (pugi::xml_node item : child.children()) {
          if (IsNamed(item, "text:list-item") || IsNamed(item, "text:list-header")) {
            WalkBlocks(item, depth + 2);
          }
        }
        --list_level_;
      } else if (IsNamed(child, "table:table")) {
        Table(child, depth + 1);
      } else if (IsBlockContainer(child)) {
        WalkBlocks(child, depth + 1);
      } else if (std::string_view(child.name()).starts_with("draw:")) {
        Frames outer;
        outer.swap(frames_);
        CollectFrames(child, depth + 1);
        WalkFrames(std::move(outer));
      }
    }
  }

 private:
  bool Enter(std::size_t depth) {
    if (sink_.Failed()) return false;
    if (depth > limits_.max_xml_depth) {
      sink_.Fail(DocumentTooLarge("the document is nested too deeply"));
      return false;
    }
    return true;
  }

  void Paragraph(pugi::xml_node p, std::size_t depth) {
    if (!Enter(depth)) return;
    const OdtStyle* style = styles_.Find("paragraph", p.attribute("text:style-name").value());
    if (style != nullptr && style->break_before && !sink_.HasPendingText()) sink_.NextPage();
    FormatSpec base = styles_.defaults();
    if (style != nullptr) base.Overlay(style->format);
    Frames outer;
    outer.swap(frames_);
    Inline(p, base, depth + 1);

    ParagraphInfo info;
    if (style != nullptr) info.style = style->name;
    info.list_level = list_level_;
    const bool heading = IsNamed(p, "text:h") || (style != nullptr && style->outline_level > 0) ||
                         IsHeadingStyleName(info.style);
    info.role = ParagraphRole(role_, table_depth_ > 0, heading, list_level_);
    sink_.EndParagraph(info);
    WalkFrames(std::move(outer));
  }

  void Inline(pugi::xml_node parent, const FormatSpec& base, std::size_t depth) {
    if (!Enter(depth)) return;
    const RunFormat format = base.ToRunFormat();
    for (pugi::xml_node child : parent.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        sink_.Append(child.value(), format);
        continue;
      }
      const std::string_view name = child.name();
      if (name == "text:s" || name == "text:tab") {
        sink_.Append(" ", format);
      } else if (name == "text:line-break") {
        sink_.BreakLine();
      } else if (name == "text:span") {
        FormatSpec spec = base;
        if (const OdtStyle* span =
                styles_.Find("text", child.attribute("text:style-name").value())) {
          spec.Overlay(span->format);
        }
        Inline(child, spec, depth + 1);
      } else if (name.starts_with("draw:")) {
        CollectFrames(child, depth + 1);
      } else if (name == "text:note" || name == "office:annotation" ||
                 name == "text:tracked-changes" || name == "text:ruby-text") {
        continue;
      } else if (name.starts_with("text:")) {
        Inline(child, base, depth + 1);  // links, fields, meta: their text is their content
      }
    }
  }

  // Frames, text boxes and shapes with text read after the paragraph that anchors them.
  void CollectFrames(pugi::xml_node node, std::size_t depth) {
    if (!Enter(depth)) return;
    if (IsNamed(node, "draw:text-box") || node.child("text:p") || node.child("text:list")) {
      frames_.emplace_back(node, depth);
      return;
    }
    for (pugi::xml_node child : node.children()) {
      if (std::string_view(child.name()).starts_with("draw:")) CollectFrames(child, depth + 1);
    }
  }

  // Walks the frames collected since `outer` was set aside, then restores `outer`.
  void WalkFrames(Frames outer) {
    Frames frames;
    frames.swap(frames_);
    frames_ = std::move(outer);
    for (const auto& [frame, depth] : frames) WalkBlocks(frame, depth);
  }

  void Table(pugi::xml_node table, std::size_t depth) {
    if (!Enter(depth)) return;
    ++table_depth_;
    const std::optional<int> outer_row = sink_.row_block();
    Rows(table, depth + 1);
    sink_.SetRowBlock(outer_row);
    --table_depth_;
  }

  void Rows(pugi::xml_node parent, std::size_t depth) {
    if (!Enter(depth)) return;
    for (pugi::xml_node child : parent.children()) {
      const std::string_view name = child.name();
      if (name == "table:table-row") {
        sink_.SetRowBlock(sink_.NewBlock());
        for (pugi::xml_node cell : child.children("table:table-cell")) WalkBlocks(cell, depth + 2);
      } else if (name == "table:table-header-rows" || name == "table:table-rows" ||
                 name == "table:table-row-group") {
        Rows(child, depth + 1);
      }
    }
  }

  const OdtStyles& styles_;
  const ExtractLimits& limits_;
  LineSink& sink_;
  std::optional<LineRole> role_;
  int list_level_ = 0;
  int table_depth_ = 0;
  Frames frames_;  // collected in the open paragraph
};

struct XmlPart {
  std::string buffer;
  pugi::xml_document doc;
};

Status LoadPart(ZipReader& zip, const char* name, XmlPart& part) {
  auto bytes = zip.Read(name);
  if (!bytes) return std::move(bytes).error();
  part.buffer = std::move(*bytes);
  return ParseSafeXml(part.buffer, part.doc, name);
}

}  // namespace

Result<Document> ExtractOdt(std::string_view bytes, const ExtractLimits& limits) {
  auto zip = ZipReader::Open(bytes, limits);
  if (!zip) return std::move(zip).error();
  XmlPart content;
  JC_RETURN_IF_ERROR(LoadPart(*zip, "content.xml", content));
  const pugi::xml_node root = content.doc.child("office:document-content");
  const pugi::xml_node text = root.child("office:body").child("office:text");
  if (!text) return UnreadableDocument("content.xml has no office:text");

  XmlPart styles_part;
  if (zip->Contains("styles.xml")) JC_RETURN_IF_ERROR(LoadPart(*zip, "styles.xml", styles_part));
  const pugi::xml_node styles_root = styles_part.doc.child("office:document-styles");
  OdtStyles body_styles, page_styles;
  body_styles.Add(styles_root.child("office:styles"), false);
  page_styles.Add(styles_root.child("office:styles"), false);
  body_styles.Add(root.child("office:automatic-styles"), true);
  page_styles.Add(styles_root.child("office:automatic-styles"), true);
  body_styles.Resolve();
  page_styles.Resolve();

  LineSink sink(limits);
  OdtWalker(body_styles, limits, sink, std::nullopt).WalkBlocks(text, 3);
  for (pugi::xml_node page : styles_root.child("office:master-styles").children()) {
    for (pugi::xml_node part : page.children()) {
      const std::string_view name = part.name();
      if (name.starts_with("style:header")) {
        OdtWalker(page_styles, limits, sink, LineRole::kHeader).WalkBlocks(part, 3);
      } else if (name.starts_with("style:footer")) {
        OdtWalker(page_styles, limits, sink, LineRole::kFooter).WalkBlocks(part, 3);
      }
    }
  }
  return sink.Finish(FileKind::kOdt);
}

}  // namespace jc::parsing
