#include "generation/html/html_renderer.hpp"

#include <string_view>

#include "generation/clean_text.hpp"
#include "generation/html/html_styles.hpp"

namespace jc::generation {
namespace {

std::string Esc(std::string_view raw) {
  const std::string text = CleanText(raw);
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool SafeUrl(std::string_view url) {
  for (const std::string_view scheme : {"https://", "http://", "mailto:", "tel:"}) {
    if (url.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

void Header(const Document& d, std::string& out) {
  if (d.name.empty() && d.headline.empty() && d.contact.empty()) return;
  out += "<header>\n";
  if (!d.name.empty()) out += "<h1>" + Esc(d.name) + "</h1>\n";
  if (!d.headline.empty()) out += "<p class=\"headline\">" + Esc(d.headline) + "</p>\n";
  std::string items;
  for (const auto& item : d.contact) {
    if (item.text.empty()) continue;
    items += "<li>";
    if (item.url && SafeUrl(*item.url)) {
      items += "<a href=\"" + Esc(*item.url) + "\">" + Esc(item.text) + "</a>";
    } else {
      items += Esc(item.text);
    }
    items += "</li>";
  }
  if (!items.empty()) out += "<ul class=\"contact\">" + items + "</ul>\n";
  out += "</header>\n";
}

void List(const std::vector<std::string>& items, std::string& out) {
  std::string li;
  for (const auto& item : items) {
    if (!item.empty()) li += "<li>" + Esc(item) + "</li>\n";
  }
  if (!li.empty()) out += "<ul>\n" + li + "</ul>\n";
}

void EntryHtml(const Entry& e, std::string& out) {
  out += "<article class=\"entry\">\n<div class=\"entry-head\">";
  out += "<h3>" + Esc(e.heading) + "</h3>";
  if (!e.dates.empty()) out += "<span class=\"dates\">" + Esc(e.dates) + "</span>";
  out += "</div>\n";
  if (!e.subheading.empty()) out += "<p class=\"sub\">" + Esc(e.subheading) + "</p>\n";
  for (const auto& p : e.paragraphs) {
    if (!p.empty()) out += "<p>" + Esc(p) + "</p>\n";
  }
  List(e.bullets, out);
  out += "</article>\n";
}

void SectionHtml(const Section& s, std::string& out) {
  std::string body;
  for (const auto& b : s.blocks) {
    switch (b.kind) {
      case BlockKind::kParagraph:
        if (b.text.empty()) break;
        body += "<p>";
        if (!b.label.empty()) body += "<strong>" + Esc(b.label) + ":</strong> ";
        body += Esc(b.text) + "</p>\n";
        break;
      case BlockKind::kBullets:
        List(b.items, body);
        break;
      case BlockKind::kEntry:
        if (!b.entry.heading.empty() || !b.entry.subheading.empty()) EntryHtml(b.entry, body);
        break;
    }
  }
  if (body.empty()) return;
  out += "<section class=\"" + Esc(s.id) + "\">\n";
  if (!s.title.empty()) out += "<h2>" + Esc(s.title) + "</h2>\n";
  out += body + "</section>\n";
}

void LetterHtml(const Letter& l, std::string& out) {
  out += "<main class=\"letter\">\n";
  std::string recipient;
  for (const auto& line : l.recipient) {
    if (line.empty()) continue;
    if (!recipient.empty()) recipient += "<br>";
    recipient += Esc(line);
  }
  if (!recipient.empty()) out += "<p class=\"recipient\">" + recipient + "</p>\n";
  if (!l.date.empty()) out += "<p class=\"date\">" + Esc(l.date) + "</p>\n";
  if (!l.subject.empty())
    out += "<p class=\"subject\"><strong>" + Esc(l.subject) + "</strong></p>\n";
  if (!l.salutation.empty()) out += "<p>" + Esc(l.salutation) + "</p>\n";
  for (const auto& p : l.paragraphs) {
    if (!p.empty()) out += "<p>" + Esc(p) + "</p>\n";
  }
  if (!l.closing.empty() || !l.signature.empty()) {
    out += "<p class=\"closing\">" + Esc(l.closing);
    if (!l.closing.empty() && !l.signature.empty()) out += "<br>";
    out += Esc(l.signature) + "</p>\n";
  }
  out += "</main>\n";
}

}  // namespace

std::string RenderHtml(const Document& d, const RenderOptions& options) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + Esc(d.language) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  if (!d.author.empty()) out += "<meta name=\"author\" content=\"" + Esc(d.author) + "\">\n";
  out += "<meta name=\"generator\" content=\"Job Copilot\">\n";
  out += "<title>" + Esc(d.title) + "</title>\n<style>\n";
  out += HtmlStyles(options);
  out += "</style>\n</head>\n<body>\n";
  Header(d, out);
  if (d.kind == DocumentKind::kCoverLetter) {
    LetterHtml(d.letter, out);
  } else {
    out += "<main>\n";
    for (const auto& s : d.sections) SectionHtml(s, out);
    out += "</main>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace jc::generation
