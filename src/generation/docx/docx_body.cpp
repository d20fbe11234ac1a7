#include "generation/docx/docx_body.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "generation/clean_text.hpp"
#include "generation/docx/docx_parts.hpp"

namespace jc::generation::docx {
namespace {

// Word refuses hyperlinks longer than about 2,080 characters; keep well below.
constexpr std::size_t kMaxLinkLength = 2000;
constexpr std::string_view kContactSeparator = " · ";
constexpr std::size_t kSeparatorChars = 3;

// CleanText, then trimmed: a string of spaces is as empty as "" and must not yield a paragraph.
std::string Clean(std::string_view text) {
  std::string out = CleanText(text);
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out.erase(out.find_last_not_of(' ') + 1);
  out.erase(0, first);
  return out;
}

std::size_t CodePoints(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool IsHex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

class BodyWriter {
 public:
  BodyWriter(std::string& out, std::size_t contact_line_chars)
      : out_(out), contact_line_chars_(contact_line_chars) {}

  void Header(const Document& doc) {
    TextParagraph(kStyleTitle, Clean(doc.name));
    TextParagraph(kStyleSubtitle, Clean(doc.headline));
    ContactLine(doc.contact);
  }

  void Cv(const Document& doc) {
    std::string blocks;
    for (const Section& section : doc.sections) {
      // Blocks first, into a scratch buffer: a section whose blocks are all empty gets no
      // heading.
      blocks.clear();
      BodyWriter inner(blocks, contact_line_chars_);
      for (const Block& block : section.blocks) inner.CvBlock(block);
      if (blocks.empty()) continue;
      TextParagraph(kStyleHeading1, Clean(section.title));
      out_ += blocks;
      paragraphs_ += inner.paragraphs_;
    }
  }

  void Letter(const generation::Letter& letter) {
    bool first = true;
    for (const std::string& line : letter.recipient) {
      const std::string text = Clean(line);
      if (text.empty()) continue;
      TextParagraph({}, text, {}, first ? R"(<w:spacing w:before="240" w:after="0"/>)" : "");
      first = false;
    }
    TextParagraph({}, Clean(letter.date), {}, R"(<w:spacing w:before="360" w:after="240"/>)");
    TextParagraph({}, Clean(letter.subject), "<w:b/><w:bCs/>", R"(<w:spacing w:after="240"/>)");
    TextParagraph({}, Clean(letter.salutation), {}, R"(<w:spacing w:after="160"/>)");
    for (const std::string& paragraph : letter.paragraphs) {
      TextParagraph(kStyleBodyText, Clean(paragraph));
    }
    TextParagraph({}, Clean(letter.closing), {}, R"(<w:keepNext/><w:spacing w:before="80"/>)");
    TextParagraph({}, Clean(letter.signature), {}, R"(<w:spacing w:before="480"/>)");
  }

  bool wrote_paragraph() const { return paragraphs_ > 0; }

 private:
  void CvBlock(const Block& block) {
    switch (block.kind) {
      case BlockKind::kParagraph:
        LabelledParagraph(Clean(block.label), Clean(block.text));
        return;
      case BlockKind::kBullets:
        for (const std::string& item : block.items) TextParagraph(kStyleListBullet, Clean(item));
        return;
      case BlockKind::kEntry:
        EntryBlock(block.entry);
        return;
    }
  }

  void EntryBlock(const Entry& entry) {
    const std::string heading = Clean(entry.heading);
    const std::string dates = Clean(entry.dates);
    if (!heading.empty() || !dates.empty()) {
      OpenParagraph(kStyleHeading2, {});
      Run(heading, {});
      if (!dates.empty()) {
        // The dates sit at the right-aligned tab stop of Heading 2, in regular weight.
        out_ += R"(<w:r><w:rPr><w:b w:val="0"/><w:bCs w:val="0"/></w:rPr><w:tab/></w:r>)";
        Run(dates, R"(<w:b w:val="0"/><w:bCs w:val="0"/>)");
      }
      CloseParagraph();
    }
    TextParagraph(kStyleEntryDetails, Clean(entry.subheading));
    for (const std::string& paragraph : entry.paragraphs) TextParagraph({}, Clean(paragraph));
    for (const std::string& bullet : entry.bullets) {
      TextParagraph(kStyleListBullet, Clean(bullet));
    }
  }

  void LabelledParagraph(const std::string& label, const std::string& text) {
    if (text.empty()) return;  // a lead-in without text says nothing
    OpenParagraph({}, {});
    if (!label.empty()) Run(label + ": ", "<w:b/><w:bCs/>");
    Run(text, {});
    CloseParagraph();
  }

  // The items joined by " · ". When they would not fit on one line, the line breaks between
  // items rather than inside one (Word would split "github.com/jane-" at the hyphen).
  void ContactLine(const std::vector<ContactItem>& items) {
    bool open = false;
    std::size_t line_chars = 0;
    for (const ContactItem& item : items) {
      const std::string text = Clean(item.text);
      if (text.empty()) continue;
      const std::size_t chars = CodePoints(text);
      if (open && line_chars + kSeparatorChars + chars > contact_line_chars_) {
        out_ += "<w:r><w:br/></w:r>";
        line_chars = chars;
      } else if (open) {
        Run(kContactSeparator, {});
        line_chars += kSeparatorChars + chars;
      } else {
        line_chars = chars;
        OpenParagraph(kStyleContact, {});
        open = true;
      }
      const std::optional<std::string> target = item.url ? SafeLinkTarget(*item.url) : std::nullopt;
      if (target) {
        Hyperlink(*target, text);
      } else {
        Run(text, {});
      }
    }
    if (open) CloseParagraph();
  }

  // A HYPERLINK field rather than a w:hyperlink element: Word and LibreOffice show a link
  // either way, but text extractors that read only a paragraph's direct runs (python-docx and
  // the ATS tools built on it) see the field result and would miss a w:hyperlink's text.
  void Hyperlink(const std::string& target, const std::string& text) {
    out_ += R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r>)"
            R"(<w:r><w:instrText xml:space="preserve"> HYPERLINK ")";
    AppendEscaped(out_, target);
    out_ += R"(" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>)";
    Run(text, R"(<w:rStyle w:val="Hyperlink"/>)");
    out_ += R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)";
  }

  // One paragraph of one run; nothing at all when text is empty.
  void TextParagraph(std::string_view style, const std::string& text, std::string_view rpr = {},
                     std::string_view extra_ppr = {}) {
    if (text.empty()) return;
    OpenParagraph(style, extra_ppr);
    Run(text, rpr);
    CloseParagraph();
  }

  void OpenParagraph(std::string_view style, std::string_view extra_ppr) {
    ++paragraphs_;
    out_ += "<w:p>";
    if (style.empty() && extra_ppr.empty()) return;
    out_ += "<w:pPr>";
    if (!style.empty()) {
      out_ += R"(<w:pStyle w:val=")";
      out_ += style;
      out_ += R"("/>)";
    }
    out_ += extra_ppr;
    out_ += "</w:pPr>";
  }

  void CloseParagraph() { out_ += "</w:p>"; }

  void Run(std::string_view text, std::string_view rpr) {
    if (text.empty()) return;
    out_ += "<w:r>";
    if (!rpr.empty()) {
      out_ += "<w:rPr>";
      out_ += rpr;
      out_ += "</w:rPr>";
    }
    out_ += R"(<w:t xml:space="preserve">)";
    AppendEscaped(out_, text);
    out_ += "</w:t></w:r>";
  }

  std::string& out_;
  std::size_t contact_line_chars_;  // about what fits on one line of the contact paragraph
  int paragraphs_ = 0;
};

void SectionProperties(std::string& out, const PageGeometry& page) {
  const std::string margin = std::to_string(page.margin);
  out += R"(<w:sectPr><w:pgSz w:w=")" + std::to_string(page.width) + R"(" w:h=")" +
         std::to_string(page.height) + R"("/><w:pgMar w:top=")" + margin + R"(" w:right=")" +
         margin + R"(" w:bottom=")" + margin + R"(" w:left=")" + margin +
         R"(" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>)";
}

}  // namespace

std::optional<std::string> SafeLinkTarget(std::string_view url) {
  const std::string clean = Clean(url);
  static constexpr std::array<std::string_view, 4> kSchemes = {
      "https:", "http:", "mailto:", "tel:"};
  const bool allowed = std::any_of(kSchemes.begin(), kSchemes.end(), [&](std::string_view s) {
    if (clean.size() <= s.size()) return false;
    return std::equal(s.begin(), s.end(), clean.begin(), [](char a, char b) {
      return a == std::tolower(static_cast<unsigned char>(b));
    });
  });
  if (!allowed) return std::nullopt;
  static constexpr std::string_view kUnsafe = " \"<>\\^`{|}";
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(clean.size());
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const auto c = static_cast<unsigned char>(clean[i]);
    const bool valid_escape =
        c == '%' && i + 2 < clean.size() && IsHex(clean[i + 1]) && IsHex(clean[i + 2]);
    if (c < 0x21 || c >= 0x7F || kUnsafe.find(static_cast<char>(c)) != std::string_view::npos ||
        (c == '%' && !valid_escape)) {
      out += '%';
      out += kHexDigits[c >> 4];
      out += kHexDigits[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (out.size() > kMaxLinkLength) return std::nullopt;
  return out;
}

std::string WriteBody(const Document& doc, const Theme& theme, const PageGeometry& page) {
  std::string out;
  out.reserve(16 * 1024);
  out += kXmlDeclaration;
  out += R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
         R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
         R"(<w:body>)";
  // Characters per contact line: text width over the mean glyph advance at the contact size
  // (half-points * 10 = twips per em).
  const auto advance = static_cast<std::size_t>(theme.contact_size) * 10 *
                       static_cast<std::size_t>(theme.average_advance) / 1000;
  BodyWriter writer(out,
                    static_cast<std::size_t>(page.TextWidth()) / std::max<std::size_t>(advance, 1));
  writer.Header(doc);
  switch (doc.kind) {
    case DocumentKind::kCv:
      writer.Cv(doc);
      break;
    case DocumentKind::kCoverLetter:
      writer.Letter(doc.letter);
      break;
  }
  // Word wants at least one paragraph before the section properties.
  if (!writer.wrote_paragraph()) out += "<w:p/>";
  SectionProperties(out, page);
  out += "</w:body></w:document>";
  return out;
}

}  // namespace jc::generation::docx
