#include "generation/claims.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "generation/claim_numbers.hpp"
#include "generation/claim_words.hpp"
#include "generation/text_fold.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::generation {
namespace {

using words::Tok;

// Abbreviations after which a period does not end a sentence (folded).
constexpr std::string_view kAbbreviations[] = {
    "e g",  "i e", "etc",  "vs",  "approx", "ca",  "bzw", "usw",  "inc",  "ltd",  "lda",  "co",
    "corp", "dr",  "prof", "mr",  "ms",     "mrs", "st",  "nr",   "no",   "mio",  "mrd",  "tsd",
    "dipl", "ing", "jan",  "feb", "mar",    "apr", "jun", "jul",  "aug",  "sep",  "sept", "oct",
    "okt",  "nov", "dec",  "dez", "z b",    "u a", "d h", "resp", "incl", "inkl", "sog",  "ggf"};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whether the period at `dot` closes an abbreviation: a dotted word ("B.Sc."), a single letter
// or a listed abbreviation.
bool AbbreviationBefore(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && !IsSpace(text[b - 1])) --b;
  const std::string_view word = text.substr(b, dot - b);
  if (word.empty()) return false;
  if (word.find('.') != std::string_view::npos) return true;
  const std::string folded = Fold(word);
  if (folded.size() == 1 && std::isalpha(static_cast<unsigned char>(folded[0])) != 0) return true;
  for (const auto a : kAbbreviations) {
    if (folded == a) return true;
  }
  return false;
}

}  // namespace

std::string_view ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kEmployer:
      return "employer";
    case ClaimKind::kTitle:
      return "title";
    case ClaimKind::kDegree:
      return "degree";
    case ClaimKind::kInstitution:
      return "institution";
    case ClaimKind::kDate:
      return "date";
    case ClaimKind::kSkill:
      return "skill";
    case ClaimKind::kNumber:
      return "number";
    case ClaimKind::kCertification:
      return "certification";
    case ClaimKind::kProject:
      return "project";
    case ClaimKind::kContact:
      return "contact";
  }
  return "claim";
}

std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<Span> out;
  std::size_t begin = 0;
  auto flush = [&](std::size_t end) {
    while (begin < end && IsSpace(text[begin])) ++begin;
    std::size_t e = end;
    while (e > begin && IsSpace(text[e - 1])) --e;
    if (e > begin) out.push_back({begin, e});
    begin = end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool ellipsis = text.substr(i).starts_with("\xE2\x80\xA6");  // …
    if (c != '.' && c != '!' && c != '?' && !ellipsis) continue;
    std::size_t after = ellipsis ? i + 3 : i + 1;
    while (after < text.size() && (text[after] == '"' || text[after] == ')')) ++after;
    if (after < text.size() && !IsSpace(text[after])) continue;
    if (c == '.' && AbbreviationBefore(text, i)) {
      // "... at Acme Inc. Then" still ends when a capital follows an abbreviation of a
      // company; a degree or "e.g." keeps going. Keep it simple: never end here.
      continue;
    }
    flush(after);
  }
  flush(text.size());
  return out;
}

std::vector<Claim> ExtractClaims(std::string_view sentence, TextKind kind,
                                 const nlp::SkillMatcher& matcher) {
  std::vector<Claim> claims;
  const std::vector<Tok> toks = words::Tokenize(sentence);
  const std::vector<nlp::SkillMatch> skills = matcher.FindAll(sentence);
  const words::Voices voices = words::ClauseVoices(sentence, toks, kind);
  auto voice_at = [&](std::size_t pos) { return voices.At(pos); };

  // Names and titles first: skills and numbers inside them are part of the name.
  std::vector<Span> names;
  for (const words::NameSpan& n : words::FindOrganisations(sentence, toks, skills, matcher)) {
    Claim c;
    c.kind = n.school ? ClaimKind::kInstitution : ClaimKind::kEmployer;
    c.begin = n.begin;
    c.end = n.end;
    c.text = std::string(sentence.substr(n.begin, n.end - n.begin));
    c.voice = voice_at(n.begin);
    names.push_back({n.begin, n.end});
    claims.push_back(std::move(c));
  }
  for (const words::NameSpan& n : words::FindTitles(sentence, toks)) {
    Claim c;
    c.kind = ClaimKind::kTitle;
    c.begin = n.begin;
    c.end = n.end;
    c.text = std::string(sentence.substr(n.begin, n.end - n.begin));
    c.voice = voice_at(n.begin);
    names.push_back({n.begin, n.end});
    claims.push_back(std::move(c));
  }
  auto inside_name = [&](std::size_t b, std::size_t e) {
    return std::any_of(names.begin(), names.end(),
                       [&](const Span& s) { return b >= s.begin && e <= s.end; });
  };
  for (const words::Degree& d : words::FindDegrees(toks, skills)) {
    Claim c;
    c.kind = ClaimKind::kDegree;
    c.begin = d.begin;
    c.end = d.end;
    c.text = std::string(sentence.substr(d.begin, d.end - d.begin));
    c.level = d.level;
    c.degree_type = d.type;
    c.voice = voice_at(d.begin);
    claims.push_back(std::move(c));
  }
  for (const nlp::SkillMatch& m : skills) {
    // "Monday" is also a tool (monday.com): calendar words are never skill claims.
    // A greeting, subject or recipient names no skills of the candidate.
    if (m.negated || inside_name(m.begin, m.end) || kind == TextKind::kAboutJob ||
        words::IsCalendarWord(Fold(sentence.substr(m.begin, m.end - m.begin)))) {
      continue;
    }
    Claim c;
    c.kind = ClaimKind::kSkill;
    c.begin = m.begin;
    c.end = m.end;
    c.text = std::string(sentence.substr(m.begin, m.end - m.begin));
    c.skill = m.skill;
    c.voice = voice_at(m.begin);
    claims.push_back(std::move(c));
  }
  Quantities q = FindQuantities(sentence);
  for (NumberMention& n : q.numbers) {
    if (inside_name(n.begin, n.end)) continue;
    Claim c;
    c.kind = ClaimKind::kNumber;
    c.begin = n.begin;
    c.end = n.end;
    c.text = std::string(sentence.substr(n.begin, n.end - n.begin));
    c.number = std::move(n.number);
    c.voice = voice_at(n.begin);
    claims.push_back(std::move(c));
  }
  for (const DateMention& d : q.dates) {
    Claim c;
    c.kind = ClaimKind::kDate;
    c.begin = d.begin;
    c.end = d.end;
    c.text = std::string(sentence.substr(d.begin, d.end - d.begin));
    c.date = d.date;
    c.voice = voice_at(d.begin);
    claims.push_back(std::move(c));
  }
  return claims;
}

DegreeLevel DegreeLevelOf(std::string_view text) {
  DegreeLevel best = DegreeLevel::kNone;
  for (const words::Degree& d : words::FindDegrees(words::Tokenize(text), {})) {
    best = std::max(best, d.level);
  }
  return best;
}

bool LooksLikeTitle(std::string_view title) {
  const std::vector<Tok> toks = words::Tokenize(title);
  return !toks.empty() && words::TitleEnd(toks, 0, toks.size(), false) == toks.size();
}

}  // namespace jc::generation
