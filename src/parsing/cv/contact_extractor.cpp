#include "parsing/cv/contact_extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "parsing/cv/contact_location.hpp"
#include "parsing/cv/contact_name.hpp"
#include "parsing/cv/contact_text.hpp"

namespace jc::parsing {
namespace {

using contact::Lower;
using contact::Segments;
using contact::Trim;
using contact::Words;

bool IsAsciiAlnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `text` continues at `i` with `label` (lower case), ASCII case ignored.
bool HasAt(std::string_view text, std::size_t i, std::string_view label) {
  if (text.size() - i < label.size()) return false;
  for (std::size_t k = 0; k < label.size(); ++k) {
    if (AsciiLower(text[i + k]) != label[k]) return false;
  }
  return true;
}

// A phone label anywhere in the line, ASCII case ignored. Every line is asked, so the line is
// scanned once, without a folded copy. "tel" also finds "telefon", "teléfono" and
// "telemóvel"; "mobil" finds "mobile"; "cell" finds "cellulare".
bool HasPhoneLabel(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    bool found = false;
    switch (AsciiLower(line[i])) {
      case 't':
        found = HasAt(line, i, "tel") || HasAt(line, i, "tél");
        break;
      case 'p':
        found = HasAt(line, i, "phone") || HasAt(line, i, "portable");
        break;
      case 'm':
        found = HasAt(line, i, "mobil") || HasAt(line, i, "móvil");
        break;
      case 'c':
        found = HasAt(line, i, "cell") || HasAt(line, i, "celular");
        break;
      case 'h':
        found = HasAt(line, i, "handy");
        break;
      case '\xE2':
        found = HasAt(line, i, "☎");
        break;
      case '\xF0':
        found = HasAt(line, i, "📞");
        break;
      default:
        break;
    }
    if (found) return true;
  }
  return false;
}

bool LooksLikeYear(std::string_view digits) {
  if (digits.size() != 4) return false;
  return (digits[0] == '1' && digits[1] == '9') || (digits[0] == '2' && digits[1] == '0');
}

// A phone-number candidate run: digits, spaces and the separators phones use.
bool IsPhoneChar(char c) {
  return IsDigit(c) || c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

// "jane.dev", "bramvisser.example.com/portfolio": a host written without scheme or "www.",
// in lower case, whose last label is a plausible top-level domain (letters, not a file or
// code extension such as ".js" or ".pdf").
bool LooksLikeBareDomain(std::string_view url) {
  const auto host = url.substr(0, url.find('/'));
  if (host.size() < 4 || host.size() > 80) return false;
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= host.size(); ++i) {
    if (i < host.size() && host[i] != '.') {
      const char c = host[i];
      if (!((c >= 'a' && c <= 'z') || IsDigit(c) || c == '-')) return false;
      continue;
    }
    const auto label = host.substr(start, i - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    labels.push_back(label);
    start = i + 1;
  }
  if (labels.size() < 2 || labels.front().size() < 2) return false;
  const auto tld = labels.back();
  if (tld.size() < 2 || tld.size() > 6 ||
      !std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  static constexpr std::string_view kExtensions[] = {
      "js",  "ts",   "jsx",  "tsx",  "py",   "rb",  "md",   "txt",   "pdf", "doc", "docx",
      "xls", "xlsx", "ppt",  "pptx", "png",  "jpg", "jpeg", "gif",   "svg", "exe", "sh",
      "css", "scss", "html", "htm",  "json", "xml", "yml",  "yaml",  "csv", "zip", "java",
      "cpp", "hpp",  "cs",   "go",   "rs",   "php", "kt",   "swift", "sql", "vue", "ipynb"};
  return std::find(std::begin(kExtensions), std::end(kExtensions), tld) == std::end(kExtensions);
}

// "Belo Horizonte – MG": a region code the item separator cut off the city is put back, with
// the dash as written.
void AppendRegionCode(std::string_view line, const std::vector<std::string_view>& segments,
                      std::size_t k, std::string& place) {
  if (k + 1 >= segments.size()) return;
  const auto code = segments[k + 1];
  if (code.size() < 2 || code.size() > 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return;
  }
  const auto from = static_cast<std::size_t>(segments[k].data() + segments[k].size() - line.data());
  const auto to = static_cast<std::size_t>(code.data() - line.data());
  if (to <= from || to > line.size()) return;
  const auto between = Trim(line.substr(from, to - from), " ");
  if (between != "–" && between != "—") return;
  place.append(" ").append(between).append(" ").append(code);
}

// The person's location: the first place found in the contact block (the preamble and
// contact sections); only when there is none, an early line outside the body sections.
// A bare place name counts only beside contact data: another item of its line, or the line
// before or after it in the same column.
std::optional<Found> FindLocation(const Document& doc, const std::vector<bool>& in_header,
                                  const std::vector<bool>& in_body,
                                  const std::vector<bool>& contact_line,
                                  const std::optional<Found>& name) {
  const std::size_t n = doc.lines.size();
  const auto near_contact = [&](std::size_t i) {
    for (const std::size_t j : {i - 1, i + 1}) {
      if (j >= n || !contact_line[j]) continue;  // i - 1 wraps around for the first line
      const Line& a = doc.lines[i];
      const Line& b = doc.lines[j];
      if (a.page == b.page && a.column == b.column && in_header[i] == in_header[j]) return true;
    }
    return false;
  };
  const auto holds_contact = [](std::string_view seg) {
    return !FindEmails(seg).empty() || !FindPhones(seg).empty() || !FindUrls(seg, true).empty();
  };
  // Stages, each over the whole region: a place that says so (a label, a postcode, a country
  // or region), then a bare place name beside contact data on its own line, then one on the
  // line next to a contact line. A headline between the name and the contact line must not
  // win over the city written on the contact line.
  for (int pass = 0; pass < 2; ++pass) {
    for (int stage = 0; stage < 3; ++stage) {
      for (std::size_t i = 0; i < n; ++i) {
        if (pass == 0 ? !in_header[i] : (in_header[i] || in_body[i] || i >= 15)) continue;
        const Line& line = doc.lines[i];
        // The name's own line (or the second line of a wrapped name) is not a place.
        if (name && i >= name->line && i <= name->line + 1 &&
            name->value.find(Trim(line.text)) != std::string::npos) {
          continue;
        }
        const auto segments = Segments(line.text);
        if (stage == 2 && (segments.size() != 1 || !near_contact(i))) continue;
        for (std::size_t k = 0; k < segments.size(); ++k) {
          // The name repeated in a page header beside the e-mail is not a place either.
          if (name && contact::CleanNameText(segments[k]) == name->value) continue;
          if (stage == 0) {
            if (auto place = contact::LocationFromSegment(segments[k], false)) {
              return Found{std::move(*place), in_header[i] ? 0.75 : 0.6, line.page, i};
            }
            continue;
          }
          bool beside = stage == 2;
          for (std::size_t m = 0; m < segments.size() && !beside; ++m) {
            beside = m != k && holds_contact(segments[m]);
          }
          if (!beside) continue;
          if (auto place = contact::LocationFromSegment(segments[k], true)) {
            AppendRegionCode(line.text, segments, k, *place);
            return Found{std::move(*place), 0.65, line.page, i};
          }
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> FindEmails(std::string_view text) {
  std::vector<std::string> out;
  for (auto at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && (IsAsciiAlnum(text[b - 1]) ||
                     std::string_view("._%+-").find(text[b - 1]) != std::string_view::npos)) {
      --b;
    }
    std::size_t e = at + 1;
    while (e < text.size() && (IsAsciiAlnum(text[e]) || text[e] == '.' || text[e] == '-')) ++e;
    while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    const auto local = text.substr(b, at - b);
    const auto domain = text.substr(at + 1, e - at - 1);
    const auto dot = domain.rfind('.');
    if (local.empty() || dot == std::string_view::npos || dot == 0 || domain.size() - dot < 3) {
      continue;
    }
    out.emplace_back(Trim(local, ".")).append("@").append(domain);
  }
  return out;
}

std::vector<std::string> FindPhones(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const bool plus = text[i] == '+';
    if (!plus && !IsDigit(text[i]) && text[i] != '(') {
      ++i;
      continue;
    }
    // Digits glued to letters are an identifier, not a phone ("ID2019", "A4").
    if (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) {
      do {
        ++i;
      } while (i < text.size() && IsAsciiAlnum(text[i]));
      continue;
    }
    std::size_t e = i + (plus ? 1 : 0);
    while (e < text.size() && IsPhoneChar(text[e])) ++e;
    std::string_view run = Trim(text.substr(i, e - i), " -./");
    if (!run.empty() && run.back() == ')' && run.find('(') == std::string_view::npos) {
      run.remove_suffix(1);
    }
    if (!run.empty() && run.front() == '(' && run.find(')') == std::string_view::npos) {
      run.remove_prefix(1);
    }
    std::string digits;
    std::vector<std::string> groups(1);
    for (const char c : run) {
      if (IsDigit(c)) {
        digits.push_back(c);
        groups.back().push_back(c);
      } else if (!groups.back().empty()) {
        groups.emplace_back();
      }
    }
    if (groups.back().empty()) groups.pop_back();
    // Runs of years and day/month pairs are dates; pairs alone make a phone only when there
    // are enough of them ("06 12 34 56 78").
    const bool has_year =
        std::any_of(groups.begin(), groups.end(), [](const auto& g) { return LooksLikeYear(g); });
    const bool dates = !plus && (has_year || digits.size() < 9) &&
                       std::all_of(groups.begin(), groups.end(),
                                   [](const auto& g) { return LooksLikeYear(g) || g.size() <= 2; });
    if (digits.size() >= 7 && digits.size() <= 15 && !dates) out.emplace_back(run);
    i = e > i ? e : i + 1;
  }
  return out;
}

std::vector<std::string> FindUrls(std::string_view text, bool bare_domains) {
  std::vector<std::string> out;
  for (const auto word : Words(text)) {
    if (word.find('.') == std::string_view::npos) continue;  // every URL has a dot
    const auto w = Trim(word, " ,;()<>[]\"'");
    const std::string l = Lower(w);
    if (l.find('@') != std::string::npos) continue;
    const bool scheme = l.starts_with("http://") || l.starts_with("https://");
    const bool www = l.starts_with("www.");
    bool known_host = false;
    for (std::string_view host : {"linkedin.com/", "github.com/", "gitlab.com/", "behance.net/",
                                  "dribbble.com/", "xing.com/", "stackoverflow.com/"}) {
      known_host = known_host || l.find(host) != std::string::npos;
    }
    std::string url(Trim(w, ".,;:"));
    if (!scheme && !www && !known_host && !(bare_domains && LooksLikeBareDomain(url))) continue;
    if (!scheme) url = "https://" + url;
    out.push_back(std::move(url));
  }
  return out;
}

LinkKind ClassifyLink(std::string_view url) {
  std::string host = Lower(url);
  if (const auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  const auto is = [&](std::string_view domain) {
    return host == domain || host.ends_with("." + std::string(domain));
  };
  if (is("linkedin.com")) return LinkKind::kLinkedIn;
  if (is("github.com")) return LinkKind::kGitHub;
  for (std::string_view social :
       {"twitter.com", "x.com", "xing.com", "facebook.com", "instagram.com", "stackoverflow.com",
        "gitlab.com", "behance.net", "dribbble.com", "medium.com", "youtube.com", "kaggle.com"}) {
    if (is(social)) return LinkKind::kOther;
  }
  return LinkKind::kWebsite;
}

ContactInfo ExtractContact(const Document& doc, const std::vector<Section>& sections) {
  ContactInfo info;
  const std::size_t n = doc.lines.size();
  // The contact block: the preamble and contact sections. Body sections (experience,
  // projects...) hold company places and project URLs that are not the person's.
  std::vector<bool> in_header(n, false), in_body(n, false);
  for (const auto& s : sections) {
    const bool header = s.kind == SectionKind::kHeader || s.kind == SectionKind::kContact;
    const bool body = !header && s.kind != SectionKind::kOther && s.kind != SectionKind::kSummary;
    for (std::size_t i = s.begin; i < s.end && i < n; ++i) {
      in_header[i] = header;
      in_body[i] = body;
    }
  }

  // Lines that carry contact data: an e-mail, a phone or a URL.
  std::vector<bool> contact_line(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const Line& line = doc.lines[i];
    const auto found = [&](std::string value, double confidence) {
      return Found{std::move(value), confidence, line.page, i};
    };
    const auto emails = FindEmails(line.text);
    if (!emails.empty()) {
      contact_line[i] = true;
      if (!info.email) info.email = found(emails[0], 0.95);
    }
    const bool phone_label = HasPhoneLabel(line.text);
    if (in_header[i] || phone_label) {
      if (auto phones = FindPhones(line.text); !phones.empty()) {
        contact_line[i] = true;
        if (!info.phone) {
          const bool sure = phone_label || phones[0].front() == '+';
          info.phone = found(phones[0], sure ? 0.9 : 0.6);
        }
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Line& line = doc.lines[i];
    // A URL belongs to the person when it stands in the contact block, a page header/footer
    // or a line with other contact data; elsewhere it is a project's or an employer's.
    const bool contact_place = in_header[i] || contact_line[i] || line.role == LineRole::kHeader ||
                               line.role == LineRole::kFooter;
    if (!contact_place && in_body[i]) continue;
    auto urls = FindUrls(line.text, contact_place);
    if (!urls.empty() && contact_place) contact_line[i] = true;
    for (auto& url : urls) {
      const bool dup = std::any_of(info.links.begin(), info.links.end(),
                                   [&](const FoundLink& l) { return l.url.value == url; });
      if (!dup) {
        info.links.push_back(
            {ClassifyLink(url), Found{std::move(url), contact_place ? 0.9 : 0.6, line.page, i}});
      }
    }
  }

  info.full_name = contact::FindFullName(doc, sections, info.email ? info.email->value : "");
  info.location = FindLocation(doc, in_header, in_body, contact_line, info.full_name);
  return info;
}

}  // namespace jc::parsing
