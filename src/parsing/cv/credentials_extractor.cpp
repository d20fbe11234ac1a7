#include "parsing/cv/credentials_extractor.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "nlp/date_parser.hpp"
#include "nlp/text_normalize.hpp"
#include "parsing/cv/contact_extractor.hpp"
#include "parsing/cv/list_items.hpp"

namespace jc::parsing {
namespace {

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t WordCount(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// A date standing alone: "(05/2016)", "2019", "Mar 2018", "Issued 05/2021". Short, with digits.
std::optional<domain::PartialDate> LoneDate(std::string_view text, domain::PartialDate as_of) {
  text = TrimText(text, " \t,;|–-()");
  if (text.empty() || !HasDigit(text) || WordCount(text) > 4) return std::nullopt;
  return nlp::ParseDate(text, as_of);
}

// The position of the last top-level occurrence of any of `seps` in `text`, or npos.
std::pair<std::size_t, std::size_t> LastTopLevel(std::string_view text,
                                                 std::initializer_list<std::string_view> seps) {
  int depth = 0;
  std::pair<std::size_t, std::size_t> best{std::string_view::npos, 0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(' || text[i] == '[') ++depth;
    if ((text[i] == ')' || text[i] == ']') && depth > 0) --depth;
    if (depth > 0) continue;
    for (const auto sep : seps) {
      if (text.compare(i, sep.size(), sep) == 0) best = {i, sep.size()};
    }
  }
  return best;
}

domain::Certification ParseCertification(std::string_view text, domain::PartialDate as_of) {
  domain::Certification cert;
  std::optional<std::string> paren_issuer;
  text = TrimText(text, " \t,;|");
  // A leading date: "05/2016 Six Sigma Green Belt".
  if (const auto sp = text.find(' ');
      sp != std::string_view::npos && HasDigit(text.substr(0, sp))) {
    if (auto d = LoneDate(text.substr(0, sp), as_of)) {
      cert.date = d;
      text = TrimText(text.substr(sp), " \t,;|–-");
    }
  }
  // A trailing bracket with the date, maybe with the issuer: "(Amazon Web Services, 2022)".
  if (!cert.date && text.ends_with(")")) {
    int depth = 0;
    std::size_t open = std::string_view::npos;
    for (std::size_t i = text.size(); i-- > 0;) {
      if (text[i] == ')') ++depth;
      if (text[i] == '(' && --depth == 0) {
        open = i;
        break;
      }
    }
    if (open != std::string_view::npos) {
      const auto inner = text.substr(open + 1, text.size() - open - 2);
      const auto [at, len] = LastTopLevel(inner, {",", ";", " – ", " - "});
      const auto date_part = at == std::string_view::npos ? inner : inner.substr(at + len);
      if (auto d = LoneDate(date_part, as_of)) {
        cert.date = d;
        if (at != std::string_view::npos) {
          paren_issuer = std::string(TrimText(inner.substr(0, at)));
        }
        text = TrimText(text.substr(0, open), " \t,;|");
      }
    }
  }
  // A trailing ", 2019" or " – 2019".
  if (!cert.date) {
    const auto [at, len] = LastTopLevel(text, {",", "|", " – ", " - ", ";"});
    if (at != std::string_view::npos) {
      if (auto d = LoneDate(text.substr(at + len), as_of)) {
        cert.date = d;
        text = TrimText(text.substr(0, at), " \t,;|");
      }
    }
  }
  const auto [at, len] = LastTopLevel(text, {", ", " | ", "; "});
  if (at != std::string_view::npos && !paren_issuer) {
    cert.name = std::string(TrimText(text.substr(0, at)));
    cert.issuer = std::string(TrimText(text.substr(at + len)));
  } else {
    cert.name = std::string(text);
    cert.issuer = paren_issuer;
  }
  if (cert.issuer && cert.issuer->empty()) cert.issuer.reset();
  return cert;
}

// Certification entries: a list item with its wrapped continuation lines.
std::vector<LogicalLine> Entries(std::vector<LogicalLine> lines) {
  std::vector<LogicalLine> out;
  for (auto& line : lines) {
    if (!out.empty() && !line.list_item && out.back().list_item && out.back().block == line.block) {
      out.back().text += ' ';
      out.back().text += line.text;
      continue;
    }
    out.push_back(std::move(line));
  }
  return out;
}

bool IsTechLabel(std::string_view label) {
  static constexpr std::array<std::string_view, 22> kLabels = {
      "technologies", "technology",     "tech",         "stack",         "tech stack",
      "built with",   "tools",          "technologien", "technologie",   "werkzeuge",
      "outils",       "tecnologías",    "tecnologias",  "tecnologia",    "tecnologie",
      "herramientas", "ferramentas",    "strumenti",    "technologieën", "narzędzia",
      "technologie",  "stack technique"};
  const auto folded = nlp::Normalize(TrimText(label)).folded;
  return std::find(kLabels.begin(), kLabels.end(), folded) != kLabels.end();
}

// A line that is only a URL ("github.com/x/y", "https://...").
std::optional<std::string> UrlLine(std::string_view text) {
  text = TrimText(text, " \t()<>");
  if (text.empty() || text.find(' ') != std::string_view::npos) return std::nullopt;
  std::string url;
  if (const auto urls = FindUrls(text); !urls.empty()) {
    url = urls.front();
  } else {
    // A host with a dot and a path: "portfolio.example.com/work".
    const auto slash = text.find('/');
    const auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || slash == std::string_view::npos ||
        dot > slash || text.find('@') != std::string_view::npos) {
      return std::nullopt;
    }
    url = std::string(text);
  }
  if (url.find("://") == std::string::npos) url = "https://" + url;
  return url;
}

void Projects(const std::vector<LogicalLine>& lines, CredentialsResult& out) {
  domain::Project* current = nullptr;
  bool has_body = false;
  auto field = [&out](std::string_view f) {
    return "/projects/" + std::to_string(out.projects.size() - 1) + "/" + std::string(f);
  };
  for (const auto& line : lines) {
    const std::string_view text = line.text;
    if (current != nullptr) {
      if (auto url = UrlLine(text); url && !current->url) {
        current->url = std::move(*url);
        out.sources.push_back({field("url"), 0.85, line.line});
        has_body = true;
        continue;
      }
      const auto colon = InlineLabelEnd(text);
      if (colon != std::string_view::npos && IsTechLabel(text.substr(0, colon))) {
        for (auto& t : SplitItems(text.substr(colon + 1))) current->technologies.push_back(t);
        out.sources.push_back({field("technologies"), 0.85, line.line});
        has_body = true;
        continue;
      }
    }
    const bool title = current == nullptr || line.bold || (has_body && line.list_item) ||
                       (has_body && current->technologies.size() > 0);
    if (title) {
      out.projects.emplace_back();
      current = &out.projects.back();
      has_body = false;
      std::string name = line.text;
      // "Name – description" or "Name: description" on one line.
      for (const std::string_view sep : {" – ", " — ", " - ", ": "}) {
        const auto at = name.find(sep);
        if (at != std::string::npos && at > 0 && WordCount(name.substr(0, at)) <= 8) {
          auto rest = std::string(TrimText(std::string_view(name).substr(at + sep.size())));
          name.resize(at);
          if (auto url = UrlLine(rest)) {
            current->url = std::move(*url);
          } else if (!rest.empty()) {
            current->description = std::move(rest);
          }
          break;
        }
      }
      current->name = std::string(TrimText(name));
      out.sources.push_back({field("name"), 0.8, line.line});
      continue;
    }
    if (current->description) {
      *current->description += ' ';
      *current->description += text;
    } else {
      current->description = std::string(text);
      out.sources.push_back({field("description"), 0.75, line.line});
    }
    has_body = true;
  }
}

}  // namespace

CredentialsResult ExtractCredentials(const Document& doc, const std::vector<Section>& sections,
                                     domain::PartialDate as_of) {
  return ExtractCredentialsInRegions(doc, FindRegions(doc, sections), as_of);
}

CredentialsResult ExtractCredentialsInRegions(const Document& doc,
                                              const std::vector<Region>& regions,
                                              domain::PartialDate as_of) {
  CredentialsResult out;
  for (const auto& region : regions) {
    if (region.kind == LabelKind::kProjects) {
      Projects(LogicalLines(doc, region.begin, region.end), out);
      continue;
    }
    if (region.kind != LabelKind::kCertifications) continue;
    for (const auto& entry : Entries(LogicalLines(doc, region.begin, region.end))) {
      auto cert = ParseCertification(entry.text, as_of);
      if (cert.name.empty()) continue;
      const auto i = std::to_string(out.certifications.size());
      out.sources.push_back({"/certifications/" + i + "/name", 0.8, entry.line});
      if (cert.issuer) out.sources.push_back({"/certifications/" + i + "/issuer", 0.7, entry.line});
      if (cert.date) out.sources.push_back({"/certifications/" + i + "/date", 0.8, entry.line});
      out.certifications.push_back(std::move(cert));
    }
  }
  return out;
}

}  // namespace jc::parsing
