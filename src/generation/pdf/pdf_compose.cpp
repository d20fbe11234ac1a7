#include "generation/pdf/pdf_compose.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generation/pdf/pdf_text.hpp"

namespace jc::generation::pdf {
namespace {

constexpr std::string_view kContactSeparator = " \u00B7 ";
// Between an entry's subheading and its dates on one line: "Acme GmbH, Berlin | Mar 2019 – ...".
constexpr std::string_view kDatesSeparator = "  |  ";

struct AttrListUnref {
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;

double Pt(int pango_units) {
  return pango_units_to_double(pango_units);
}

FontSpec Bold(FontSpec font) {
  font.weight = PANGO_WEIGHT_BOLD;
  return font;
}

class Composer {
 public:
  Composer(const Style& style, PangoContext* context, double width, Flow& flow)
      : style_(style), context_(context), width_(width), flow_(flow) {}

  void Header(const Document& doc);
  void Cv(const Document& doc);
  void LetterBody(const Letter& letter);

 private:
  PangoLayout* Layout(const std::string& text, const FontSpec& font, double width,
                      PangoAlignment align, double line_spacing = 0);
  double Width(const std::string& text, const FontSpec& font);
  void ContactLine(const std::vector<ContactItem>& contact);
  void Text(const std::string& text, const FontSpec& font, Rgb color,
            PangoAttrList* attrs = nullptr, const std::vector<LinkSpan>& links = {});
  void Space(double points) { pending_ = std::max(pending_, points); }
  double TakeSpace() { return std::exchange(pending_, 0.0); }

  void SectionHeading(const std::string& title);
  void EntryBlock(const Entry& entry);
  void Paragraph(const std::string& label, const std::string& text);
  void Bullet(const std::string& text);

  const Style& style_;
  PangoContext* context_;
  double width_;
  Flow& flow_;
  double pending_ = 0;  // space before the next box; spaces asked for in a row collapse
  PangoAlignment header_align_ = PANGO_ALIGN_LEFT;
};

PangoLayout* Composer::Layout(const std::string& text, const FontSpec& font, double width,
                              PangoAlignment align, double line_spacing) {
  PangoLayout* layout = flow_.Adopt(pango_layout_new(context_));
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family_static(desc, font.family);
  pango_font_description_set_size(desc, pango_units_from_double(font.size));
  pango_font_description_set_weight(desc, font.weight);
  pango_font_description_set_style(desc, font.style);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  if (width > 0) {
    pango_layout_set_width(layout, pango_units_from_double(width));
    // WORD_CHAR: a word longer than the line (a URL, 10,000 x's) still wraps.
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout, align);
  if (line_spacing > 0) pango_layout_set_line_spacing(layout, static_cast<float>(line_spacing));
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  return layout;
}

double Composer::Width(const std::string& text, const FontSpec& font) {
  PangoRectangle logical;
  pango_layout_get_extents(Layout(text, font, -1, PANGO_ALIGN_LEFT), nullptr, &logical);
  return Pt(logical.width);
}

void Composer::Text(const std::string& text, const FontSpec& font, Rgb color, PangoAttrList* attrs,
                    const std::vector<LinkSpan>& links) {
  PangoLayout* layout = Layout(text, font, width_, PANGO_ALIGN_LEFT, style_.line_spacing);
  if (attrs != nullptr) pango_layout_set_attributes(layout, attrs);
  flow_.AddLines(layout, 0, color, TakeSpace(), links);
}

void Composer::Header(const Document& doc) {
  header_align_ = style_.centre_header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
  bool drawn = false;
  if (const std::string name = Visible(doc.name); !name.empty()) {
    flow_.AddLines(Layout(name, style_.name, width_, header_align_), 0, style_.accent, 0);
    drawn = true;
  }
  if (const std::string headline = Visible(doc.headline); !headline.empty()) {
    Space(2);
    flow_.AddLines(Layout(headline, style_.headline, width_, header_align_), 0, style_.muted,
                   TakeSpace());
    drawn = true;
  }
  if (std::any_of(doc.contact.begin(), doc.contact.end(),
                  [](const ContactItem& item) { return !Visible(item.text).empty(); })) {
    Space(5);
    ContactLine(doc.contact);
    drawn = true;
  }
  if (drawn) Space(style_.header_gap);
}

// Items joined by " · ", wrapping only between items (an item breaks only when it alone is
// wider than the column); items with a safe URL become link areas.
void Composer::ContactLine(const std::vector<ContactItem>& contact) {
  const double separator_width = Width(std::string(kContactSeparator), style_.contact);
  std::string line;
  std::vector<LinkSpan> links;
  double line_width = 0;
  for (const ContactItem& item : contact) {
    const std::string text = Visible(item.text);
    if (text.empty()) continue;
    const double width = Width(text, style_.contact);
    if (!line.empty() && line_width + separator_width + width > width_) {
      line += '\n';
      line_width = 0;
    } else if (!line.empty()) {
      line += kContactSeparator;
      line_width += separator_width;
    }
    const int start = static_cast<int>(line.size());
    line += text;
    line_width += width;
    if (item.url && SafeUri(*item.url)) {
      links.push_back({start, static_cast<int>(line.size()), *item.url});
    }
  }
  PangoLayout* layout = Layout(line, style_.contact, width_, header_align_, style_.line_spacing);
  flow_.AddLines(layout, 0, style_.muted, TakeSpace(), links);
}

void Composer::Cv(const Document& doc) {
  for (const Section& section : doc.sections) {
    if (std::none_of(section.blocks.begin(), section.blocks.end(),
                     [](const Block& b) { return HasContent(b); })) {
      continue;
    }
    Space(style_.section_gap);
    SectionHeading(Visible(section.title));
    bool first = true;
    for (const Block& block : section.blocks) {
      if (!HasContent(block)) continue;
      if (!first) Space(style_.paragraph_gap * 2);
      first = false;
      switch (block.kind) {
        case BlockKind::kParagraph:
          Paragraph(Visible(block.label), Visible(block.text));
          break;
        case BlockKind::kBullets:
          for (const std::string& item : block.items) Bullet(Visible(item));
          break;
        case BlockKind::kEntry:
          EntryBlock(block.entry);
          break;
      }
    }
  }
}

void Composer::SectionHeading(const std::string& title) {
  if (title.empty()) return;
  std::string text = title;
  if (style_.uppercase_headings) {
    gchar* upper = g_utf8_strup(title.data(), static_cast<gssize>(title.size()));
    text = upper;
    g_free(upper);
  }
  AttrListPtr attrs;
  if (style_.heading_letter_spacing > 0) {
    attrs.reset(pango_attr_list_new());
    pango_attr_list_insert(
        attrs.get(),
        pango_attr_letter_spacing_new(pango_units_from_double(style_.heading_letter_spacing)));
  }
  Text(text, style_.heading, style_.accent, attrs.get());
  if (style_.heading_rule > 0) {
    constexpr double kRuleGap = 1.5;
    Piece rule;
    rule.kind = Piece::Kind::kRule;
    rule.dy = flow_.LastHeight() + kRuleGap;
    rule.width = width_;
    rule.height = style_.heading_rule;
    rule.color = style_.accent;
    flow_.AttachToLast(rule, kRuleGap + style_.heading_rule);
  }
  flow_.KeepLastWithNext();
  Space(style_.heading_gap);
}

// The heading in bold, then the subheading and the dates on one line below it. The dates sit
// right after the text they belong to, not in a right-hand column, so that text extraction
// (pdftotext, applicant tracking systems, our own parser) reads them in order.
void Composer::EntryBlock(const Entry& entry) {
  Space(style_.entry_gap);
  const std::string heading = Visible(entry.heading);
  const std::string dates = Visible(entry.dates);
  const std::string sub = Visible(entry.subheading);
  const bool has_body = AnyVisible(entry.paragraphs) || AnyVisible(entry.bullets);
  const std::string second = sub.empty()     ? dates
                             : dates.empty() ? sub
                                             : sub + std::string(kDatesSeparator) + dates;
  if (!heading.empty()) {
    Text(heading, style_.entry_title, style_.text);
    if (!second.empty() || has_body) flow_.KeepLastWithNext();
  }
  if (!second.empty()) {
    Text(second, style_.entry_sub, style_.muted);
    if (has_body) flow_.KeepLastWithNext();
  }
  for (const std::string& raw : entry.paragraphs) {
    const std::string text = Visible(raw);
    if (text.empty()) continue;
    Space(style_.paragraph_gap);
    Text(text, style_.body, style_.text);
  }
  for (const std::string& raw : entry.bullets) Bullet(Visible(raw));
}

void Composer::Paragraph(const std::string& label, const std::string& text) {
  if (label.empty()) {
    Text(text, style_.body, style_.text);
    return;
  }
  const std::string lead = label + ": ";
  AttrListPtr attrs(pango_attr_list_new());
  PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
  bold->start_index = 0;
  bold->end_index = static_cast<guint>(lead.size());
  pango_attr_list_insert(attrs.get(), bold);
  Text(lead + text, style_.body, style_.text, attrs.get());
}

// "•", a tab to the text column, and a negative indent: wrapped lines hang under the text.
void Composer::Bullet(const std::string& text) {
  if (text.empty()) return;
  const double hang = style_.bullet_text_x - style_.bullet_x;
  const std::string item = "\u2022\t" + text;
  PangoLayout* layout =
      Layout(item, style_.body, width_ - style_.bullet_x, PANGO_ALIGN_LEFT, style_.line_spacing);
  pango_layout_set_indent(layout, -pango_units_from_double(hang));
  PangoTabArray* tabs =
      pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT, pango_units_from_double(hang));
  pango_layout_set_tabs(layout, tabs);
  pango_tab_array_free(tabs);
  Space(style_.paragraph_gap * 0.5);
  flow_.AddLines(layout, style_.bullet_x, style_.text, TakeSpace());
}

void Composer::LetterBody(const Letter& letter) {
  Space(style_.letter_gap * 1.5);
  for (const std::string& raw : letter.recipient) {
    if (const std::string line = Visible(raw); !line.empty()) Text(line, style_.body, style_.text);
  }
  Space(style_.letter_gap);
  if (const std::string date = Visible(letter.date); !date.empty()) {
    Text(date, style_.body, style_.text);
    Space(style_.letter_gap);
  }
  if (const std::string subject = Visible(letter.subject); !subject.empty()) {
    Text(subject, Bold(style_.body), style_.text);
    flow_.KeepLastWithNext();
    Space(style_.letter_gap);
  }
  if (const std::string salutation = Visible(letter.salutation); !salutation.empty()) {
    Text(salutation, style_.body, style_.text);
    flow_.KeepLastWithNext();
    Space(style_.letter_gap * 0.75);
  }
  for (const std::string& raw : letter.paragraphs) {
    const std::string text = Visible(raw);
    if (text.empty()) continue;
    Text(text, style_.body, style_.text);
    Space(style_.letter_gap * 0.75);
  }
  Space(style_.letter_gap);
  const std::string closing = Visible(letter.closing);
  const std::string signature = Visible(letter.signature);
  if (!closing.empty()) {
    Text(closing, style_.body, style_.text);
    if (!signature.empty()) flow_.KeepLastWithNext();
  }
  if (!signature.empty()) {
    Space(style_.letter_gap * 2);
    Text(signature, style_.body, style_.text);
  }
}

}  // namespace

void Compose(const Document& doc, const Style& style, PangoContext* context, double content_width,
             Flow& flow) {
  Composer composer(style, context, content_width, flow);
  composer.Header(doc);
  switch (doc.kind) {
    case DocumentKind::kCv:
      composer.Cv(doc);
      break;
    case DocumentKind::kCoverLetter:
      composer.LetterBody(doc.letter);
      break;
  }
}

}  // namespace jc::generation::pdf
