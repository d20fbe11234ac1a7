#include "parsing/cv/contact_name.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "parsing/cv/contact_text.hpp"
#include "parsing/cv/entry_lines.hpp"

namespace jc::parsing {

using contact::IsNameParticle;
using contact::IsNameWordChars;
using contact::IsNotNameWord;
using contact::Lower;
using contact::StartsUpper;
using contact::Trim;
using contact::Words;

double NameScore(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > 60) return 0;
  // Digits and these marks never stand in a name: a table of them, as every line is asked.
  static constexpr auto kNotInNames = [] {
    std::array<bool, 256> table{};
    for (const char c : std::string_view("0123456789@/:|,;()&+")) {
      table[static_cast<unsigned char>(c)] = true;
    }
    return table;
  }();
  for (const char c : text) {
    if (kNotInNames[static_cast<unsigned char>(c)]) return 0;
  }
  const auto words = Words(text);
  if (words.empty() || words.size() > 5) return 0;
  std::size_t capitalised = 0;
  for (const auto w : words) {
    if (!IsNameWordChars(w)) return 0;
    const std::string lw = Lower(w);
    if (IsNotNameWord(lw)) return 0;
    if (StartsUpper(w)) {
      ++capitalised;
    } else if (!IsNameParticle(lw)) {
      return 0;
    }
  }
  if (capitalised == 0) return 0;
  // Last: the heading vocabularies cost more than the checks above, which most lines fail.
  if (ClassifyHeadingText(text)) return 0;
  return words.size() == 1 ? 0.1 : (words.size() <= 4 ? 0.6 : 0.4);
}

namespace contact {
namespace {

// Words of a label's text, folded, split on anything that is not a letter.
std::vector<std::string> LabelWords(std::string_view label) {
  std::vector<std::string> out(1);
  for (const char c : FoldAscii(label)) {
    if (c >= 'a' && c <= 'z') {
      out.back().push_back(c);
    } else if (!out.back().empty()) {
      out.emplace_back();
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsGivenNameWord(std::string_view w) {
  return OneOf(
      w, {"first", "given", "forename", "forenames", "nome", "nomi", "nombre", "nombres", "vorname",
          "vornamen", "prenom", "prenoms", "voornaam", "voornamen", "imie", "imiona"});
}
bool IsFamilyNameWord(std::string_view w) {
  return OneOf(w, {"surname", "surnames", "last", "family", "cognome", "cognomi", "apellido",
                   "apellidos", "nachname", "familienname", "achternaam", "nazwisko", "sobrenome",
                   "apelido", "apelidos"});
}
// "Name" alone names the whole name; before a given-name word it means the family name
// ("Name, Vorname", "Nom / Prénom").
bool IsGenericNameWord(std::string_view w) {
  return OneOf(w, {"name", "names", "nom", "noms", "naam", "nomen"});
}

// A short field label naming a name ("Name:", "Cognome / Nome", "Nom et prénom").
bool IsNameLabel(std::string_view text) {
  const auto words = LabelWords(text);
  if (words.empty() || words.size() > 6) return false;
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return IsGivenNameWord(w) || IsFamilyNameWord(w) || IsGenericNameWord(w);
  });
}

struct Candidate {
  std::string text;   // cleaned
  std::string label;  // the field label in front of it, if any
};

// The next line continues a name a narrow column wrapped: same place and style, just below.
bool ContinuesName(const Line& cur, const Line& next) {
  if (cur.font_size <= 0 || next.page != cur.page || next.column != cur.column) return false;
  if (next.bold != cur.bold || std::fabs(next.font_size - cur.font_size) > 0.05f * cur.font_size) {
    return false;
  }
  const float gap = next.y0 - cur.y0;
  if (gap <= 0 || gap > 2.0f * cur.font_size) return false;
  const bool left = std::fabs(next.x0 - cur.x0) < 2.0f;
  const bool centred = std::fabs((next.x0 + next.x1) - (cur.x0 + cur.x1)) < 4.0f;
  return left || centred;
}

std::optional<Candidate> CandidateAt(const Document& doc, std::size_t i) {
  const Line& line = doc.lines[i];
  std::string_view seg = contact::FirstSegment(line.text);  // only a first item can be a name
  if (seg.empty()) return std::nullopt;
  Candidate c;
  if (const auto colon = seg.find(':'); colon != std::string_view::npos) {
    const auto label = seg.substr(0, colon);
    if (!IsNameLabel(label)) return std::nullopt;
    c.label = std::string(label);
    seg = Trim(seg.substr(colon + 1), " \t");
  } else if (i > 0 && doc.lines[i - 1].block == line.block &&
             doc.lines[i - 1].role == LineRole::kTableCell && IsNameLabel(doc.lines[i - 1].text)) {
    c.label = doc.lines[i - 1].text;  // a label/value table row (Europass)
  }
  c.text = CleanNameText(seg);
  if (c.text.empty()) return std::nullopt;
  if (i + 1 < doc.lines.size() && ContinuesName(line, doc.lines[i + 1]) &&
      Words(c.text).size() <= 3) {
    const std::string next = CleanNameText(doc.lines[i + 1].text);
    std::string joined = c.text + " " + next;
    if (!next.empty() && Words(joined).size() <= 4 && NameScore(next) > 0 &&
        NameScore(joined) > 0 && entry::TitleScore(next) == 0 &&
        entry::OrganisationScore(next) == 0) {
      c.text = std::move(joined);
    }
  }
  return c;
}

// Whether the local part of `email` spells a word of `name` (three letters or more), as a
// token ("maya.thompson") or inside it ("mthompson", "marloes.vanthof").
bool EmailSpells(std::string_view email, std::string_view name) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string local;
  for (const char c : FoldAscii(email.substr(0, at))) {
    if (c >= 'a' && c <= 'z') local.push_back(c);
  }
  if (local.size() < 3) return false;
  for (const auto w : Words(name)) {
    std::string folded;
    for (const char c : FoldAscii(w)) {
      if (c >= 'a' && c <= 'z') folded.push_back(c);
    }
    if (folded.size() >= 3 && local.find(folded) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string CleanNameText(std::string_view text) {
  std::string out;
  // Without brackets, quotes or characters from U+2000 on (CJK, typographic quotes, full-width
  // brackets), no word is dropped: the words are joined as they are, one space apart.
  const bool plain = std::none_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c == '(' || c == '"' || c == '\'' || c >= 0xE2;
  });
  if (plain) {
    out.reserve(text.size());
    for (const char c : text) {
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(c);
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return std::string(Trim(out, " \t,;|-"));
  }
  int depth = 0;
  for (const auto w : Words(text)) {
    std::string_view word = w;
    // Parenthesised parts (a nickname, the name in another script) are dropped.
    const bool opens = word.starts_with("(") || word.starts_with("（");
    if (opens) ++depth;
    const bool closes = word.ends_with(")") || word.ends_with("）");
    const bool skip = depth > 0;
    if (closes && depth > 0) --depth;
    if (skip) continue;
    // A quoted nickname: "Maggie", “Maggie”, 'Maggie'.
    if ((word.starts_with("\"") || word.starts_with("“") || word.starts_with("'")) &&
        word.size() > 2) {
      continue;
    }
    if (IsCjkWord(word)) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(word);
  }
  return std::string(Trim(out, " \t,;|-"));
}

bool LabelSaysSurnameFirst(std::string_view label) {
  const auto words = LabelWords(label);
  std::size_t family = words.size(), given = words.size();
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (given == words.size() && IsGivenNameWord(words[k])) given = k;
    if (family == words.size() && (IsFamilyNameWord(words[k]) || IsGenericNameWord(words[k]))) {
      family = k;
    }
  }
  return family < given && given < words.size();
}

std::string SurnameFirstToNatural(std::string_view name, std::string_view email) {
  const auto words = Words(name);
  if (words.size() < 2) return std::string(name);
  std::size_t split = words.size() - 1;  // default: the last word is the given name
  const auto at = email.find('@');
  const auto local = FoldAscii(email.substr(0, at == std::string_view::npos ? 0 : at));
  const auto first_token = local.substr(0, local.find_first_of("._-+0123456789"));
  if (first_token.size() >= 2) {
    for (std::size_t k = 1; k < words.size(); ++k) {
      if (FoldAscii(words[k]) == first_token) {
        split = k;
        break;
      }
    }
  }
  std::string out;
  for (std::size_t k = split; k < words.size(); ++k)
    out.append(out.empty() ? "" : " ").append(words[k]);
  for (std::size_t k = 0; k < split; ++k) out.append(" ").append(words[k]);
  return out;
}

std::optional<Found> FindFullName(const Document& doc, const std::vector<Section>& sections,
                                  std::string_view email) {
  float max_font = 0;
  for (const auto& line : doc.lines) {
    if (line.page == 1) max_font = std::max(max_font, line.font_size);
  }
  // Where each line stands: the preamble and contact sections favour a name, the body
  // sections (experience, projects...) hold company, people and project names.
  const std::size_t limit = std::min<std::size_t>(doc.lines.size(), 40);
  std::vector<int> zone(limit, 0);  // 1: preamble/contact, -1: a body section
  for (const auto& s : sections) {
    const int z = (s.kind == SectionKind::kHeader || s.kind == SectionKind::kContact) ? 1 : -1;
    for (std::size_t i = s.begin; i < s.end && i < limit; ++i) zone[i] = z;
  }

  std::optional<Found> best;
  std::string best_label;
  double best_score = 0;
  for (std::size_t i = 0; i < limit; ++i) {
    const Line& line = doc.lines[i];
    if (line.page != 1 || line.role == LineRole::kFooter) continue;
    auto candidate = CandidateAt(doc, i);
    if (!candidate) continue;
    double score = NameScore(candidate->text);
    if (score == 0) continue;
    // Without type sizes (HTML, text) the document's title style marks the name instead.
    const bool title_style = line.role == LineRole::kHeading &&
                             (line.style == "h1" || line.style == "Title" || line.style == "title");
    const bool largest =
        (max_font > 0 && line.font_size >= max_font * 0.95) || (max_font <= 0 && title_style);
    // The e-mail address usually spells the name ("marloes.vanthof@"): a candidate it spells
    // wins over a city or a title that merely stands higher or in the contact block, also when
    // a sidebar read first put the name under another section.
    const bool spelled = EmailSpells(email, candidate->text);
    if (spelled) score += 0.4;
    if (zone[i] > 0) score += 0.1;
    if (zone[i] < 0 && !largest && !spelled) score -= 0.3;
    if (largest) score += 0.3;
    if (line.bold || line.role == LineRole::kHeading || line.style == "Title") score += 0.05;
    score -= 0.3 * (entry::TitleScore(candidate->text) + entry::OrganisationScore(candidate->text));
    score -= 0.01 * static_cast<double>(i);
    if (score > best_score) {
      best_score = score;
      best = Found{std::move(candidate->text), std::min(score, 1.0), line.page, i};
      best_label = std::move(candidate->label);
    }
  }
  if (best && !best_label.empty() && LabelSaysSurnameFirst(best_label)) {
    best->value = SurnameFirstToNatural(best->value, email);
  }
  return best;
}

}  // namespace contact
}  // namespace jc::parsing
