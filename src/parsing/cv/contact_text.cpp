#include "parsing/cv/contact_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <vector>

namespace jc::parsing::contact {
namespace {

// ASCII base letters of U+00C0-U+017F ('_' where there is none: x and ÷).
constexpr std::string_view kFoldLatin =
    "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssss"
    "ssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Lower-case words inside family names: "van 't Hof", "dos Santos", "bin Rashid", "ibn Sina".
constexpr std::string_view kParticles[] = {
    "van", "von",   "der", "den", "de",   "da",  "di",  "del", "della", "la",  "le",
    "dos", "das",   "du",  "bin", "bint", "ibn", "al",  "el",  "ten",   "ter", "y",
    "e",   "zu",    "'t",  "’t",  "het",  "op",  "vom", "zum", "zur",   "dal", "dalla",
    "dei", "degli", "ben", "des", "do",   "af",  "av",  "st."};

constexpr std::string_view kNotNameWords[] = {
    "engineer", "developer", "manager", "consultant", "analyst", "designer", "nurse", "teacher",
    "accountant", "director", "specialist", "assistant", "technician", "officer", "architect",
    "scientist", "lead", "head", "chef", "electrician", "welder", "driver", "lawyer", "attorney",
    "paralegal", "pharmacist", "representative", "coordinator", "administrator", "executive",
    "intern", "student", "senior", "junior", "curriculum", "vitae", "resume", "résumé",
    "lebenslauf", "cv", "ingenieur", "entwickler", "berater", "leiter", "kaufmann", "kauffrau",
    "krankenschwester", "pflegefachkraft", "lehrer", "ingénieur", "développeur", "infirmier",
    "infirmière", "comptable", "ingeniero", "desarrollador", "enfermero", "enfermera", "contador",
    "profesor", "engenheiro", "desenvolvedor", "enfermeiro", "ingegnere", "sviluppatore",
    "infermiere", "insegnante", "ontwikkelaar", "verpleegkundige", "docent", "street", "straße",
    "strasse", "avenue", "road", "rue", "calle", "rua", "via", "gmbh", "inc", "ltd", "university",
    "universität",
    // Title words and qualifiers of a headline.
    "licensed", "registered", "certified", "chartered", "qualified", "accredited", "freelance",
    "salesperson", "hygienist", "plumber", "agent", "captain", "pilot", "operator", "worker",
    "broker", "realtor", "midwife", "librarian", "journalist", "therapist", "physician", "surgeon",
    "dentist", "veterinarian", "mechanic", "barista", "receptionist", "secretary", "editor",
    "researcher", "professor", "lecturer", "tutor", "trainer", "recruiter", "auditor", "controller",
    "planner", "associate", "supervisor", "inspector", "surveyor", "paramedic", "firefighter",
    "caregiver", "gasfitter", "machinist", "verloskundige", "sozialarbeiter", "sozialarbeiterin",
    "architektin", "busfahrer", "fahrer", "bediener", "mechaniker", "erzieher", "erzieherin",
    "ärztin", "arzt", "journaliste", "vétérinaire", "veterinario", "veterinaria", "médecin",
    "avocat", "avocate", "abogado", "abogada", "médico", "médica", "enfermeira", "analista",
    "asesor", "asesora", "gerente", "técnico", "técnica", "auxiliar", "assistente", "bibliotecaria",
    "bibliotecária", "architecte", "arquitecto", "arquiteta", "psicólogo", "psicóloga",
    "medewerker", "adviseur", "werker", "verpleger"};

std::uint32_t DecodeAt(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  std::uint32_t cp = extra == 3   ? (c & 0x07u)
                     : extra == 2 ? (c & 0x0Fu)
                     : extra == 1 ? (c & 0x1Fu)
                                  : c;
  ++i;
  for (; extra > 0 && i < s.size(); --extra, ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
  }
  return cp;
}

std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) ++words;
  }
  return words;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string FoldAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(std::tolower(c)));
      ++i;
      continue;
    }
    const std::size_t start = i;
    const std::uint32_t cp = DecodeAt(s, i);
    if (cp >= 0xC0 && cp < 0x180 && kFoldLatin[cp - 0xC0] != '_') {
      out.push_back(kFoldLatin[cp - 0xC0]);
    } else if (cp < 0x300 || cp >= 0x370) {  // combining marks (U+0300-U+036F) are dropped
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

std::string_view Trim(std::string_view s, std::string_view chars) {
  const auto b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(chars) - b + 1);
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  out.reserve(CountWords(s));  // one allocation: lines are split by the thousand
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

namespace {

// Calls segment(s) for each trimmed, non-empty segment of `line` until it returns true.
template <typename Segment>
void ForEachSegment(std::string_view line, const Segment& segment) {
  static constexpr std::array<std::string_view, 8> kSeparators = {"|", "•",   "·",   "◆",
                                                                  "▪", " – ", " — ", ";"};
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size();) {
    // Every separator starts with one of these bytes: skip the rest cheaply.
    const auto c = static_cast<unsigned char>(line[i]);
    // A space only opens " – " and " — ".
    const bool dash_follows =
        i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xE2;
    if (c != '|' && c != ';' && !(c == ' ' && dash_follows) && c != 0xC2 && c != 0xE2) {
      ++i;
      continue;
    }
    bool split = false;
    for (const auto sep : kSeparators) {
      if (line.compare(i, sep.size(), sep) == 0) {
        if (auto seg = Trim(line.substr(start, i - start)); !seg.empty() && segment(seg)) return;
        i += sep.size();
        start = i;
        split = true;
        break;
      }
    }
    if (!split) ++i;
  }
  if (auto seg = Trim(line.substr(start)); !seg.empty()) segment(seg);
}

}  // namespace

std::vector<std::string_view> Segments(std::string_view line) {
  std::vector<std::string_view> out;
  ForEachSegment(line, [&](std::string_view seg) {
    out.push_back(seg);
    return false;
  });
  return out;
}

std::string_view FirstSegment(std::string_view line) {
  std::string_view first;
  ForEachSegment(line, [&](std::string_view seg) {
    first = seg;
    return true;
  });
  return first;
}

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

bool IsCjkWord(std::string_view w) {
  for (std::size_t i = 0; i < w.size();) {
    const std::uint32_t cp = DecodeAt(w, i);
    if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) || cp >= 0x20000) {
      return true;
    }
  }
  return false;
}

bool IsNameParticle(std::string_view lower_word) {
  return std::find(std::begin(kParticles), std::end(kParticles), lower_word) !=
         std::end(kParticles);
}

bool IsNotNameWord(std::string_view lower_word) {
  static const std::vector<std::string_view> kSorted = [] {
    std::vector<std::string_view> v(std::begin(kNotNameWords), std::end(kNotNameWords));
    std::sort(v.begin(), v.end());
    return v;
  }();
  return std::binary_search(kSorted.begin(), kSorted.end(), lower_word);
}

}  // namespace jc::parsing::contact
