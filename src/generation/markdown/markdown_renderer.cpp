#include "generation/markdown/markdown_renderer.hpp"

#include <cctype>
#include <string_view>

#include "generation/clean_text.hpp"

namespace jc::generation {
namespace {

bool StartsEntity(std::string_view text, std::size_t amp) {
  std::size_t k = amp + 1;
  if (k < text.size() && text[k] == '#') ++k;
  const std::size_t first = k;
  while (k < text.size() && std::isalnum(static_cast<unsigned char>(text[k])) != 0) ++k;
  return k > first && k < text.size() && text[k] == ';';
}

// Escapes CommonMark's inline punctuation, and what would open a block at the start of a line
// ("# ", "- ", "1. ", "> ").
std::string Escape(std::string_view raw, bool line_start = false) {
  const std::string text = CleanText(raw);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
      case '~':
        out += '\\';
        break;
      case '-':
      case '+':
      case '=':
        if (i == 0 && line_start) out += '\\';
        break;
      case '.':
      case ')':
        if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1])) != 0) {
          std::size_t k = i;
          while (k > 0 && std::isdigit(static_cast<unsigned char>(text[k - 1])) != 0) --k;
          if (k == 0 && line_start) out += '\\';
        }
        break;
      case '&':  // only where it would start an entity ("&amp;"): "R&D" stays as written
        if (StartsEntity(text, i)) out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

// A link destination in angle brackets, so spaces and parentheses need no escaping.
std::string Link(std::string_view text, std::string_view url) {
  std::string dest;
  for (const char c : CleanText(url)) {
    if (c == '<' || c == '>' || c == ' ') continue;
    dest += c;
  }
  return "[" + Escape(text) + "](<" + dest + ">)";
}

void Header(const Document& d, std::string& out) {
  if (!d.name.empty()) out += "# " + Escape(d.name) + "\n\n";
  if (!d.headline.empty()) out += "**" + Escape(d.headline) + "**\n\n";
  std::string contact;
  for (const auto& item : d.contact) {
    if (item.text.empty()) continue;
    if (!contact.empty()) contact += " · ";
    contact += item.url ? Link(item.text, *item.url) : Escape(item.text);
  }
  if (!contact.empty()) out += contact + "\n\n";
}

void Bullets(const std::vector<std::string>& items, std::string& out) {
  bool any = false;
  for (const auto& item : items) {
    if (item.empty()) continue;
    out += "- " + Escape(item, true) + "\n";
    any = true;
  }
  if (any) out += "\n";
}

void EntryMd(const Entry& e, std::string& out) {
  if (!e.heading.empty()) out += "### " + Escape(e.heading) + "\n\n";
  std::string line;
  if (!e.subheading.empty()) line += "*" + Escape(e.subheading) + "*";
  if (!e.dates.empty()) line += (line.empty() ? "" : " · ") + Escape(e.dates);
  if (!line.empty()) out += line + "\n\n";
  for (const auto& p : e.paragraphs) {
    if (!p.empty()) out += Escape(p, true) + "\n\n";
  }
  Bullets(e.bullets, out);
}

void SectionMd(const Section& s, std::string& out) {
  std::string body;
  for (const auto& b : s.blocks) {
    switch (b.kind) {
      case BlockKind::kParagraph:
        if (b.text.empty()) break;
        body += b.label.empty() ? "" : "**" + Escape(b.label) + ":** ";
        body += Escape(b.text, b.label.empty()) + "\n\n";
        break;
      case BlockKind::kBullets:
        Bullets(b.items, body);
        break;
      case BlockKind::kEntry:
        EntryMd(b.entry, body);
        break;
    }
  }
  if (body.empty()) return;
  if (!s.title.empty()) out += "## " + Escape(s.title) + "\n\n";
  out += body;
}

void LetterMd(const Letter& l, std::string& out) {
  for (const auto& line : l.recipient) {
    if (!line.empty()) out += Escape(line, true) + "  \n";
  }
  if (!l.recipient.empty()) out += "\n";
  if (!l.date.empty()) out += Escape(l.date, true) + "\n\n";
  if (!l.subject.empty()) out += "**" + Escape(l.subject) + "**\n\n";
  if (!l.salutation.empty()) out += Escape(l.salutation, true) + "\n\n";
  for (const auto& p : l.paragraphs) {
    if (!p.empty()) out += Escape(p, true) + "\n\n";
  }
  if (!l.closing.empty()) out += Escape(l.closing, true) + "  \n";
  if (!l.signature.empty()) out += Escape(l.signature, true) + "\n";
}

}  // namespace

std::string RenderMarkdown(const Document& d) {
  std::string out;
  Header(d, out);
  if (d.kind == DocumentKind::kCoverLetter) {
    LetterMd(d.letter, out);
  } else {
    for (const auto& s : d.sections) SectionMd(s, out);
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace jc::generation
