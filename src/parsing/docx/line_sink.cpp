#include "parsing/docx/line_sink.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "parsing/docx/zip_reader.hpp"

namespace jc::parsing {
namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

}  // namespace

void FormatSpec::Overlay(const FormatSpec& over) {
  if (over.bold) bold = over.bold;
  if (over.italic) italic = over.italic;
  if (over.caps) caps = over.caps;
  if (over.font_size) font_size = over.font_size;
}

RunFormat FormatSpec::ToRunFormat() const {
  return RunFormat{bold.value_or(false), italic.value_or(false), caps.value_or(false),
                   font_size.value_or(0.0f)};
}

void LineSink::Fail(Error error) {
  if (!error_) error_ = std::move(error);
}

void LineSink::Append(std::string_view raw, const RunFormat& format) {
  if (Failed()) return;
  std::size_t added = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    const bool nbsp =
        c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0;
    if (IsSpace(c) || nbsp) {
      space_pending_ = !current_.empty();
      if (nbsp) ++i;
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;
    if (space_pending_) {
      current_.push_back(' ');
      space_pending_ = false;
    }
    current_.push_back(static_cast<char>(c));
    ++added;
  }
  if (added == 0) return;
  auto it = std::find_if(weights_.begin(), weights_.end(),
                         [&](const auto& weight) { return weight.first == format; });
  if (it == weights_.end()) {
    weights_.emplace_back(format, added);
  } else {
    it->second += added;
  }
  if (chars_ + current_.size() > limits_.max_chars) {
    Fail(DocumentTooLarge("the document has more text than allowed"));
  }
}

void LineSink::FlushCurrent() {
  space_pending_ = false;
  if (current_.empty()) {
    weights_.clear();
    return;
  }
  Line line;
  line.text = std::move(current_);
  current_.clear();
  line.page = page_;
  const auto dominant =
      std::max_element(weights_.begin(), weights_.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  if (dominant != weights_.end()) {
    line.bold = dominant->first.bold;
    line.italic = dominant->first.italic;
    line.all_caps = dominant->first.caps;
    line.font_size = dominant->first.font_size;
  }
  weights_.clear();
  chars_ += line.text.size();
  paragraph_.push_back(std::move(line));
}

void LineSink::BreakLine() {
  FlushCurrent();
}

void LineSink::EndParagraph(const ParagraphInfo& info) {
  FlushCurrent();
  if (paragraph_.empty()) return;
  const int block = row_block_ ? *row_block_ : NewBlock();
  for (Line& line : paragraph_) {
    line.role = info.role;
    line.list_level = info.list_level;
    line.style = info.style;
    line.block = block;
    lines_.push_back(std::move(line));
  }
  paragraph_.clear();
}

Result<Document> LineSink::Finish(FileKind kind) {
  FlushCurrent();
  paragraph_.clear();
  if (error_) return *error_;
  if (page_ > limits_.max_pages) return DocumentTooLarge("the document has too many pages");

  Document doc;
  doc.kind = kind;
  doc.pages = page_;
  doc.lines.reserve(lines_.size());
  std::set<std::string> seen_header, seen_footer;
  for (LineRole pass : {LineRole::kHeader, LineRole::kBody, LineRole::kFooter}) {
    for (Line& line : lines_) {
      const bool header = line.role == LineRole::kHeader;
      const bool footer = line.role == LineRole::kFooter;
      if ((pass == LineRole::kHeader) != header || (pass == LineRole::kFooter) != footer) {
        continue;
      }
      if (header && !seen_header.insert(line.text).second) continue;
      if (footer && !seen_footer.insert(line.text).second) continue;
      if (header) line.page = 1;
      if (footer) line.page = page_;
      doc.lines.push_back(std::move(line));
    }
  }
  lines_.clear();
  std::unordered_map<int, int> renumbered;
  for (Line& line : doc.lines) {
    const auto [it, inserted] = renumbered.try_emplace(line.block, 0);
    if (inserted) it->second = static_cast<int>(renumbered.size()) - 1;
    line.block = it->second;
  }
  if (doc.lines.empty()) {
    return Error::Make(ErrorCode::kValidation, "the document contains no text", "empty_document");
  }
  return doc;
}

LineRole ParagraphRole(std::optional<LineRole> forced, bool in_table, bool heading,
                       int list_level) {
  if (forced) return *forced;
  if (in_table) return LineRole::kTableCell;
  if (heading) return LineRole::kHeading;
  if (list_level > 0) return LineRole::kListItem;
  return LineRole::kBody;
}

}  // namespace jc::parsing
