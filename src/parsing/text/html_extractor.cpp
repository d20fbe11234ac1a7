#include "parsing/text/html_extractor.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <array>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "parsing/text/text_util.hpp"

namespace jc::parsing {
namespace {

void IgnoreGenericError(void*, const char*, ...) {}
void IgnoreStructuredError(void*, xmlErrorPtr) {}

// libxml2 keeps its error handlers per thread; silence them for one call, then restore.
class QuietLibxml {
 public:
  QuietLibxml()
      : generic_(xmlGenericError),
        generic_ctx_(xmlGenericErrorContext),
        structured_(xmlStructuredError),
        structured_ctx_(xmlStructuredErrorContext) {
    xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
    xmlSetStructuredErrorFunc(nullptr, IgnoreStructuredError);
  }
  ~QuietLibxml() {
    xmlSetGenericErrorFunc(generic_ctx_, generic_);
    xmlSetStructuredErrorFunc(structured_ctx_, structured_);
  }
  QuietLibxml(const QuietLibxml&) = delete;
  QuietLibxml& operator=(const QuietLibxml&) = delete;

 private:
  xmlGenericErrorFunc generic_;
  void* generic_ctx_;
  xmlStructuredErrorFunc structured_;
  void* structured_ctx_;
};

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

enum class Kind : std::uint8_t {
  kInline,
  kSkip,
  kBlock,
  kBreak,
  kList,
  kItem,
  kHeading,
  kRow,
  kCell
};

Kind Classify(std::string_view name) {
  constexpr std::array<std::string_view, 11> kSkipped = {"script",   "style", "head",   "template",
                                                         "noscript", "svg",   "iframe", "object",
                                                         "select",   "math",  "title"};
  constexpr std::array<std::string_view, 27> kBlocks = {
      "p",      "div",        "section",    "header", "footer",  "article", "main",
      "aside",  "nav",        "blockquote", "pre",    "address", "dl",      "dt",
      "dd",     "table",      "thead",      "tbody",  "tfoot",   "form",    "fieldset",
      "figure", "figcaption", "hr",         "center", "caption", "body"};
  for (auto s : kSkipped)
    if (name == s) return Kind::kSkip;
  for (auto s : kBlocks)
    if (name == s) return Kind::kBlock;
  if (name == "br") return Kind::kBreak;
  if (name == "ul" || name == "ol" || name == "menu") return Kind::kList;
  if (name == "li") return Kind::kItem;
  if (name == "tr") return Kind::kRow;
  if (name == "td" || name == "th") return Kind::kCell;
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return Kind::kHeading;
  return Kind::kInline;
}

class HtmlWalker {
 public:
  explicit HtmlWalker(const ExtractLimits& limits) : limits_(limits), builder_(limits.max_chars) {}

  Status Visit(xmlNode* node, std::size_t depth) {
    if (depth > limits_.max_xml_depth) return TooLarge("elements nested too deeply");
    for (xmlNode* child = node; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        if (child->content != nullptr)
          JC_RETURN_IF_ERROR(Text(reinterpret_cast<const char*>(child->content)));
      } else if (child->type == XML_ELEMENT_NODE) {
        JC_RETURN_IF_ERROR(VisitElement(child, depth));
      }
    }
    return {};
  }

  Document Finish() && {
    doc_.kind = FileKind::kHtml;
    return std::move(doc_);
  }

  Status FlushLine() {
    Line proto;
    proto.block = block_;
    if (!context_.empty()) {
      proto.role = context_.back().role;
      proto.style = context_.back().style;
      proto.list_level = context_.back().level;
    }
    std::size_t before = doc_.lines.size();
    JC_RETURN_IF_ERROR(builder_.Flush(std::move(proto), doc_));
    if (doc_.lines.size() > before) PromoteTypedBullet(doc_.lines.back());
    return {};
  }

 private:
  struct Context {
    LineRole role = LineRole::kBody;
    std::string style;
    int level = 0;
  };

  // Inside <pre> a newline ends the line; elsewhere it is just whitespace.
  Status Text(std::string_view text) {
    while (pre_ > 0 && !text.empty()) {
      std::size_t newline = text.find('\n');
      if (newline == std::string_view::npos) break;
      builder_.Append(text.substr(0, newline), bold_ > 0, italic_ > 0);
      JC_RETURN_IF_ERROR(FlushLine());
      text.remove_prefix(newline + 1);
    }
    builder_.Append(text, bold_ > 0, italic_ > 0);
    return {};
  }

  // Ends the line and, outside a table row, starts a new block when the old one has lines.
  Status EndBlock() {
    JC_RETURN_IF_ERROR(FlushLine());
    if (rows_ == 0 && doc_.lines.size() > block_start_) {
      ++block_;
      block_start_ = doc_.lines.size();
    }
    return {};
  }

  Status VisitElement(xmlNode* el, std::size_t depth) {
    std::string_view name = el->name ? reinterpret_cast<const char*>(el->name) : "";
    Kind kind = Classify(name);
    if (kind == Kind::kSkip) return {};
    if (kind == Kind::kBreak) return FlushLine();
    bool bold = name == "b" || name == "strong" || name == "th";
    bool italic = name == "i" || name == "em";
    bool pre = name == "pre";
    pre_ += pre;
    bold_ += bold;
    italic_ += italic;
    bool pushed = true;
    switch (kind) {
      case Kind::kItem:
        context_.push_back({LineRole::kListItem, "ListItem", std::max(lists_, 1)});
        break;
      case Kind::kHeading:
        context_.push_back({LineRole::kHeading, std::string(name), 0});
        break;
      case Kind::kCell:
        context_.push_back({LineRole::kTableCell, std::string(name), 0});
        break;
      default:
        pushed = false;
        break;
    }
    if (kind != Kind::kInline) JC_RETURN_IF_ERROR(EndBlock());
    if (kind == Kind::kList) ++lists_;
    if (kind == Kind::kRow) ++rows_;
    JC_RETURN_IF_ERROR(Visit(el->children, depth + 1));
    if (kind == Kind::kCell || kind == Kind::kItem || kind == Kind::kHeading)
      JC_RETURN_IF_ERROR(FlushLine());
    if (pushed) context_.pop_back();
    if (kind == Kind::kList) --lists_;
    if (kind == Kind::kRow) --rows_;
    if (kind != Kind::kInline) JC_RETURN_IF_ERROR(EndBlock());
    bold_ -= bold;
    italic_ -= italic;
    pre_ -= pre;
    return {};
  }

  const ExtractLimits& limits_;
  LineBuilder builder_;
  Document doc_;
  std::vector<Context> context_;
  int block_ = 0;
  std::size_t block_start_ = 0;
  int lists_ = 0;
  int rows_ = 0;
  int bold_ = 0;
  int italic_ = 0;
  int pre_ = 0;
};

// Without a declared charset, invalid UTF-8 means a legacy Windows page.
const char* EncodingHint(std::string_view bytes) {
  std::string head(bytes.substr(0, 2048));
  for (char& c : head) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (head.find("charset") != std::string::npos) return nullptr;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return nullptr;
  for (std::size_t pos = 0; pos < bytes.size();) {
    std::size_t before = pos;
    if (NextCodepoint(bytes, pos) == kReplacementChar && bytes.substr(before, 3) != "\xEF\xBF\xBD")
      return "windows-1252";
  }
  return nullptr;
}

}  // namespace

Result<Document> ExtractHtml(std::string_view bytes, const ExtractLimits& limits) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return TooLarge("the HTML file is too big");
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  QuietLibxml quiet;
  constexpr int kOptions = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocDeleter> tree(htmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, EncodingHint(bytes), kOptions));
  if (!tree)
    return Error::Make(ErrorCode::kUnsupportedMediaType, "the HTML file could not be read",
                       "unsupported_file_type");
  HtmlWalker walker(limits);
  JC_RETURN_IF_ERROR(walker.Visit(xmlDocGetRootElement(tree.get()), 0));
  JC_RETURN_IF_ERROR(walker.FlushLine());
  Document doc = std::move(walker).Finish();
  if (doc.lines.empty()) return EmptyDocument();
  return doc;
}

}  // namespace jc::parsing
