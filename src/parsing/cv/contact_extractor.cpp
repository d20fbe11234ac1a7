#include "parsing/cv/contact_extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "nlp/date_parser.hpp"

namespace jc::parsing {
namespace {

bool IsAsciiAlnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Trims ASCII characters only: a multi-byte character's bytes must never be cut apart.
std::string_view Trim(std::string_view s, std::string_view chars = " \t,;|") {
  const auto b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(chars) - b + 1);
}

// Splits a contact line on the separators CVs put between items ("Berlin | +49 ... | a@b.c").
std::vector<std::string_view> Segments(std::string_view line) {
  static constexpr std::array<std::string_view, 6> kSeparators = {"|", "•", "·", "◆", "▪", " – "};
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size();) {
    bool split = false;
    for (const auto sep : kSeparators) {
      if (line.compare(i, sep.size(), sep) == 0) {
        if (auto seg = Trim(line.substr(start, i - start)); !seg.empty()) out.push_back(seg);
        i += sep.size();
        start = i;
        split = true;
        break;
      }
    }
    if (!split) ++i;
  }
  if (auto seg = Trim(line.substr(start)); !seg.empty()) out.push_back(seg);
  return out;
}

// An upper-case letter at the start of `w`: ASCII, or a Latin-1/Latin Extended-A capital.
bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c == 0xC3 && w.size() > 1) {
    const auto d = static_cast<unsigned char>(w[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  if ((c == 0xC4 || c == 0xC5) && w.size() > 1) {
    // Latin Extended-A alternates capital/small; the parity flips in U+0139-U+0148 and from
    // U+0179 on.
    const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(w[1]) & 0x3Fu);
    const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
    return cp == 0x178 || (cp % 2 == 1) == odd_capitals;
  }
  return c >= 0xC6;  // other scripts: no case to judge by
}

bool IsNameWordChars(std::string_view w) {
  for (const char ch : w) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) continue;
    if (!std::isalpha(c) && c != '-' && c != '\'' && c != '.') return false;
  }
  return true;
}

const std::vector<std::string_view>& NameParticles() {
  static const std::vector<std::string_view> k = {"van", "von",   "der", "den", "de",  "da",  "di",
                                                  "del", "della", "la",  "le",  "dos", "das", "du",
                                                  "bin", "al",    "ten", "ter", "y",   "e",   "zu"};
  return k;
}

// Words that make a line a job title, a document title or an address rather than a name.
const std::vector<std::string_view>& NotNameWords() {
  static const std::vector<std::string_view> k = {"engineer",
                                                  "developer",
                                                  "manager",
                                                  "consultant",
                                                  "analyst",
                                                  "designer",
                                                  "nurse",
                                                  "teacher",
                                                  "accountant",
                                                  "director",
                                                  "specialist",
                                                  "assistant",
                                                  "technician",
                                                  "officer",
                                                  "architect",
                                                  "scientist",
                                                  "lead",
                                                  "head",
                                                  "chef",
                                                  "electrician",
                                                  "welder",
                                                  "driver",
                                                  "lawyer",
                                                  "attorney",
                                                  "paralegal",
                                                  "pharmacist",
                                                  "representative",
                                                  "coordinator",
                                                  "administrator",
                                                  "executive",
                                                  "intern",
                                                  "student",
                                                  "senior",
                                                  "junior",
                                                  "curriculum",
                                                  "vitae",
                                                  "resume",
                                                  "résumé",
                                                  "lebenslauf",
                                                  "cv",
                                                  "ingenieur",
                                                  "entwickler",
                                                  "berater",
                                                  "leiter",
                                                  "kaufmann",
                                                  "kauffrau",
                                                  "krankenschwester",
                                                  "pflegefachkraft",
                                                  "lehrer",
                                                  "ingénieur",
                                                  "développeur",
                                                  "infirmier",
                                                  "infirmière",
                                                  "comptable",
                                                  "ingeniero",
                                                  "desarrollador",
                                                  "enfermero",
                                                  "enfermera",
                                                  "contador",
                                                  "profesor",
                                                  "engenheiro",
                                                  "desenvolvedor",
                                                  "enfermeiro",
                                                  "ingegnere",
                                                  "sviluppatore",
                                                  "infermiere",
                                                  "insegnante",
                                                  "ontwikkelaar",
                                                  "verpleegkundige",
                                                  "docent",
                                                  "street",
                                                  "straße",
                                                  "strasse",
                                                  "avenue",
                                                  "road",
                                                  "rue",
                                                  "calle",
                                                  "rua",
                                                  "via",
                                                  "gmbh",
                                                  "inc",
                                                  "ltd",
                                                  "university",
                                                  "universität"};
  return k;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool HasPhoneLabel(std::string_view line) {
  const std::string l = Lower(line);
  for (std::string_view label : {"tel", "phone", "mobile", "cell", "telefon", "handy", "mobil",
                                 "tél", "portable", "teléfono", "móvil", "celular", "telemóvel",
                                 "telefone", "cellulare", "telefono", "☎", "📞"}) {
    if (l.find(label) != std::string::npos) return true;
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

const std::vector<std::string_view>& LocationLabels() {
  static const std::vector<std::string_view> k = {
      "address",   "adresse",   "anschrift",  "wohnort",  "location",    "ort",       "dirección",
      "direccion", "ubicación", "domicilio",  "endereço", "localização", "morada",    "indirizzo",
      "residenza", "adres",     "woonplaats", "based in", "lives in",    "residence", "📍"};
  return k;
}

// Country names in English and in their own languages, and a few common abbreviations.
bool IsCountry(std::string_view part) {
  static const std::vector<std::string_view> k = {"germany",
                                                  "deutschland",
                                                  "france",
                                                  "spain",
                                                  "españa",
                                                  "italy",
                                                  "italia",
                                                  "netherlands",
                                                  "the netherlands",
                                                  "nederland",
                                                  "portugal",
                                                  "brazil",
                                                  "brasil",
                                                  "uk",
                                                  "united kingdom",
                                                  "england",
                                                  "scotland",
                                                  "wales",
                                                  "usa",
                                                  "us",
                                                  "united states",
                                                  "canada",
                                                  "india",
                                                  "poland",
                                                  "polska",
                                                  "austria",
                                                  "österreich",
                                                  "switzerland",
                                                  "schweiz",
                                                  "suisse",
                                                  "svizzera",
                                                  "belgium",
                                                  "belgië",
                                                  "belgique",
                                                  "ireland",
                                                  "mexico",
                                                  "méxico",
                                                  "argentina",
                                                  "colombia",
                                                  "chile",
                                                  "peru",
                                                  "perú",
                                                  "china",
                                                  "japan",
                                                  "singapore",
                                                  "australia",
                                                  "new zealand",
                                                  "denmark",
                                                  "danmark",
                                                  "sweden",
                                                  "sverige",
                                                  "norway",
                                                  "norge",
                                                  "finland",
                                                  "suomi",
                                                  "czech republic",
                                                  "czechia",
                                                  "greece",
                                                  "turkey",
                                                  "türkiye",
                                                  "romania",
                                                  "hungary",
                                                  "nigeria",
                                                  "south africa",
                                                  "kenya",
                                                  "egypt",
                                                  "morocco",
                                                  "uae",
                                                  "united arab emirates",
                                                  "israel",
                                                  "south korea",
                                                  "korea",
                                                  "vietnam",
                                                  "philippines",
                                                  "indonesia",
                                                  "malaysia",
                                                  "pakistan",
                                                  "bangladesh",
                                                  "ukraine",
                                                  "luxembourg",
                                                  "croatia",
                                                  "slovenia",
                                                  "slovakia"};
  const std::string l = Lower(part);
  return std::find(k.begin(), k.end(), l) != k.end();
}

bool IsPostalCode(std::string_view w) {
  if (w.size() < 4 || w.size() > 6) return false;
  if (w.size() == 4 && (w.starts_with("19") || w.starts_with("20"))) return false;  // a year
  std::size_t digits = 0;
  for (const char c : w) digits += IsDigit(c) ? 1 : 0;
  return digits >= 4 && (digits == w.size() || (w.size() == 6 && w[4] == '-'));
}

// "10115 Berlin, Germany" -> "Berlin, Germany"; street lines and other text -> nullopt.
std::optional<std::string> LocationFromSegment(std::string_view segment) {
  std::string_view seg = Trim(segment);
  bool labelled = false;
  const std::string lower = Lower(seg);
  for (const auto label : LocationLabels()) {
    if (lower.rfind(label, 0) == 0) {
      seg = Trim(seg.substr(label.size()), " :-\t");
      labelled = true;
      break;
    }
  }
  if (seg.empty() || seg.find('@') != std::string_view::npos ||
      Lower(seg).find("http") != std::string::npos || !FindPhones(seg).empty() ||
      nlp::ParseDate(seg)) {
    return std::nullopt;
  }
  bool postal = false, country = false;
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= seg.size(); ++i) {
    if (i < seg.size() && seg[i] != ',') continue;
    std::string part;
    for (const auto w : Words(Trim(seg.substr(start, i - start)))) {
      if (IsPostalCode(w)) {
        postal = true;
        continue;
      }
      if (!part.empty()) part.push_back(' ');
      part.append(w);
    }
    start = i + 1;
    if (part.empty()) continue;
    const auto words = Words(part);
    const bool plain =
        words.size() <= 4 && std::all_of(words.begin(), words.end(), [](auto w) {
          return IsNameWordChars(w) && (StartsUpper(w) || w == "am" || w == "an" || w == "upon");
        });
    const bool street = std::any_of(part.begin(), part.end(), IsDigit) ||
                        (NameScore(part) == 0 && !IsCountry(part) && !plain);
    if (street || !plain) {
      parts.clear();  // a street or other text: what follows may still be the city
      continue;
    }
    country = country || IsCountry(part) || (part.size() == 2 && StartsUpper(part));
    parts.push_back(part);
  }
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  if (!(labelled || postal || (country && parts.size() >= 2) ||
        (parts.size() == 1 && IsCountry(parts[0]) && labelled))) {
    return std::nullopt;
  }
  for (const auto& p : parts) {
    for (const auto bad : NotNameWords()) {
      if (Lower(p).find(bad) != std::string::npos && !IsCountry(p)) return std::nullopt;
    }
  }
  std::string out;
  for (const auto& p : parts) out.append(out.empty() ? "" : ", ").append(p);
  return out;
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
    const bool dates = !plus && std::all_of(groups.begin(), groups.end(), [](const auto& g) {
      return LooksLikeYear(g) || g.size() <= 2;
    });
    if (digits.size() >= 7 && digits.size() <= 15 && !dates) out.emplace_back(run);
    i = e > i ? e : i + 1;
  }
  return out;
}

std::vector<std::string> FindUrls(std::string_view text) {
  std::vector<std::string> out;
  for (const auto word : Words(text)) {
    const auto w = Trim(word, " ,;()<>[]\"'");
    const std::string l = Lower(w);
    if (l.find('@') != std::string::npos) continue;
    const bool scheme = l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
    const bool www = l.rfind("www.", 0) == 0;
    bool known_host = false;
    for (std::string_view host : {"linkedin.com/", "github.com/", "gitlab.com/", "behance.net/",
                                  "dribbble.com/", "xing.com/", "stackoverflow.com/"}) {
      known_host = known_host || l.find(host) != std::string::npos;
    }
    if (!scheme && !www && !known_host) continue;
    std::string url(Trim(w, ".,;:"));
    if (!scheme) url = "https://" + url;
    out.push_back(std::move(url));
  }
  return out;
}

LinkKind ClassifyLink(std::string_view url) {
  const std::string l = Lower(url);
  if (l.find("linkedin.com") != std::string::npos) return LinkKind::kLinkedIn;
  if (l.find("github.com") != std::string::npos) return LinkKind::kGitHub;
  for (std::string_view social : {"twitter.com", "x.com/", "xing.com", "facebook.com",
                                  "instagram.com", "stackoverflow.com", "gitlab.com"}) {
    if (l.find(social) != std::string::npos) return LinkKind::kOther;
  }
  return LinkKind::kWebsite;
}

double NameScore(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 60) return 0;
  for (const char c : text) {
    if (IsDigit(c) || std::string_view("@/:|,;()&+").find(c) != std::string_view::npos) return 0;
  }
  if (ClassifyHeadingText(text)) return 0;
  const auto words = Words(text);
  if (words.empty() || words.size() > 5) return 0;
  std::size_t capitalised = 0;
  for (const auto w : words) {
    if (!IsNameWordChars(w)) return 0;
    const std::string lw = Lower(w);
    for (const auto bad : NotNameWords()) {
      if (lw == bad) return 0;
    }
    const bool particle =
        std::find(NameParticles().begin(), NameParticles().end(), lw) != NameParticles().end();
    if (StartsUpper(w)) {
      ++capitalised;
    } else if (!particle) {
      return 0;
    }
  }
  if (capitalised == 0) return 0;
  return words.size() == 1 ? 0.1 : (words.size() <= 4 ? 0.6 : 0.4);
}

ContactInfo ExtractContact(const Document& doc, const std::vector<Section>& sections) {
  ContactInfo info;
  // Contact data lives in the preamble, a contact section or a sidebar, but a CV may put it in
  // a footer too: look everywhere, and prefer what appears early.
  float max_font = 0;
  for (const auto& line : doc.lines) {
    if (line.page == 1) max_font = std::max(max_font, line.font_size);
  }
  std::vector<bool> in_header(doc.lines.size(), false);
  for (const auto& s : sections) {
    if (s.kind != SectionKind::kHeader && s.kind != SectionKind::kContact) continue;
    for (std::size_t i = s.begin; i < s.end && i < doc.lines.size(); ++i) in_header[i] = true;
  }

  double best_name = 0;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    const auto found = [&](std::string value, double confidence) {
      return Found{std::move(value), confidence, line.page, i};
    };
    if (!info.email) {
      if (auto emails = FindEmails(line.text); !emails.empty()) info.email = found(emails[0], 0.95);
    }
    if (!info.phone && (in_header[i] || HasPhoneLabel(line.text))) {
      if (auto phones = FindPhones(line.text); !phones.empty()) {
        const bool sure = HasPhoneLabel(line.text) || phones[0].front() == '+';
        info.phone = found(phones[0], sure ? 0.9 : 0.6);
      }
    }
    if (!info.location && (in_header[i] || i < 15)) {
      for (const auto segment : Segments(line.text)) {
        if (auto location = LocationFromSegment(segment)) {
          info.location = found(std::move(*location), in_header[i] ? 0.75 : 0.6);
          break;
        }
      }
    }
    for (auto& url : FindUrls(line.text)) {
      const bool dup = std::any_of(info.links.begin(), info.links.end(),
                                   [&](const FoundLink& l) { return l.url.value == url; });
      if (!dup) info.links.push_back({ClassifyLink(url), found(std::move(url), 0.9)});
    }
    // The name: early on page 1, in the preamble, large and bold type help.
    if (line.page == 1 && i < 40 && line.role != LineRole::kFooter) {
      for (const auto segment : Segments(line.text)) {
        double score = NameScore(segment);
        if (score == 0) continue;
        if (in_header[i]) score += 0.1;
        if (max_font > 0 && line.font_size >= max_font * 0.95) score += 0.3;
        if (line.bold || line.role == LineRole::kHeading || line.style == "Title") score += 0.05;
        score -= 0.01 * static_cast<double>(i);
        if (score > best_name) {
          best_name = score;
          info.full_name = found(std::string(segment), std::min(score, 1.0));
        }
        break;  // only the first segment of a line can be a name
      }
    }
  }
  return info;
}

}  // namespace jc::parsing
