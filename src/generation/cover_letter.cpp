#include "generation/cover_letter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

#include "generation/cv_document.hpp"
#include "nlp/measurable.hpp"

namespace jc::generation {
namespace {

struct Evidence;

// One bullet of the profile offered as evidence, with the requirement it shows.
struct Evidence {
  std::size_t role = 0;
  std::size_t bullet = 0;
  std::string skill;  // the requirement, or empty for a bullet chosen for its result alone
};

std::optional<std::pair<std::size_t, std::size_t>> HighlightOf(std::string_view pointer) {
  constexpr std::string_view kRoles = "/workExperience/";
  if (pointer.substr(0, kRoles.size()) != kRoles) return std::nullopt;
  pointer.remove_prefix(kRoles.size());
  std::size_t role = 0;
  std::size_t i = 0;
  while (i < pointer.size() && std::isdigit(static_cast<unsigned char>(pointer[i])) != 0) {
    role = role * 10 + static_cast<std::size_t>(pointer[i++] - '0');
  }
  constexpr std::string_view kHighlights = "/highlights/";
  if (i == 0 || pointer.substr(i, kHighlights.size()) != kHighlights) return std::nullopt;
  i += kHighlights.size();
  std::size_t bullet = 0;
  const std::size_t digits = i;
  while (i < pointer.size() && std::isdigit(static_cast<unsigned char>(pointer[i])) != 0) {
    bullet = bullet * 10 + static_cast<std::size_t>(pointer[i++] - '0');
  }
  if (i == digits || i != pointer.size()) return std::nullopt;
  return std::pair{role, bullet};
}

bool Used(const std::vector<Evidence>& chosen, std::size_t role, std::size_t bullet) {
  return std::any_of(chosen.begin(), chosen.end(),
                     [&](const Evidence& e) { return e.role == role && e.bullet == bullet; });
}

// Bullets that show the job's requirements (required first, measurable results preferred),
// then, to fill the letter, the bullets of the three most recent roles, measurable ones first.
std::vector<Evidence> ChooseEvidence(const domain::Profile& p, const domain::Fit& fit) {
  std::vector<Evidence> out;
  for (const auto& req : fit.requirements) {
    if (req.kind != domain::MatchKind::kExact && req.kind != domain::MatchKind::kImplied) continue;
    std::optional<std::pair<std::size_t, std::size_t>> pick;
    for (const auto& ev : req.evidence) {
      const auto at = HighlightOf(ev.field);
      if (!at || at->first >= p.work_experience.size() ||
          at->second >= p.work_experience[at->first].highlights.size() ||
          Used(out, at->first, at->second)) {
        continue;
      }
      const auto& text = p.work_experience[at->first].highlights[at->second];
      if (!pick || nlp::IsMeasurable(text)) pick = at;
      if (nlp::IsMeasurable(text)) break;
    }
    if (pick) out.push_back({pick->first, pick->second, req.skill});
  }
  for (const bool measurable : {true, false}) {
    for (std::size_t r = 0; r < p.work_experience.size() && r < 3; ++r) {
      const auto& role = p.work_experience[r];
      for (std::size_t b = 0; b < role.highlights.size(); ++b) {
        if (nlp::IsMeasurable(role.highlights[b]) == measurable && !Used(out, r, b)) {
          out.push_back({r, b, ""});
        }
      }
    }
  }
  return out;
}

// Whether an English bullet opens with a past-tense verb ("Led", "Reduced"), so that "I" can
// stand before it.
bool OpensWithPastVerb(std::string_view bullet) {
  std::size_t end = 0;
  while (end < bullet.size() && std::isalpha(static_cast<unsigned char>(bullet[end])) != 0) ++end;
  if (end < 3 || std::isupper(static_cast<unsigned char>(bullet[0])) == 0) return false;
  std::string word;
  for (std::size_t i = 0; i < end; ++i) {
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(bullet[i])));
  }
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(bullet[i])) != 0) return false;  // "IBMed"
  }
  static constexpr std::array<std::string_view, 28> kIrregular = {
      "led",     "built",   "ran",     "grew",       "cut",     "won",     "made",
      "drove",   "wrote",   "set",     "took",       "began",   "brought", "taught",
      "sold",    "kept",    "held",    "met",        "oversaw", "spent",   "found",
      "shipped", "rebuilt", "rewrote", "overhauled", "saw",     "gave",    "chose"};
  if (word.size() > 3 && word.ends_with("ed")) return true;
  return std::find(kIrregular.begin(), kIrregular.end(), word) != kIrregular.end();
}

std::string Sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == ';' || text.back() == ',')) {
    text.pop_back();
  }
  if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') {
    text += '.';
  }
  return text;
}

// How an evidence sentence refers to its employer: first mention ("As Senior Engineer at Acme,
// I reduced ..."), named before ("At Acme, I also ..."), or the previous sentence's ("There, I
// also ...").
enum class Mention : std::uint8_t { kFirst, kNamed, kPrevious };

std::string EvidenceSentence(const domain::WorkExperience& role, std::string bullet,
                             Mention mention, const LetterFrames& f, const Labels& labels) {
  const std::string company = role.company.value_or("");
  const std::string title = role.title.value_or("");
  if (company.empty()) return Sentence(std::move(bullet));
  const bool german = labels.language == "de";
  const bool verb = !german && OpensWithPastVerb(bullet);
  if (verb) bullet[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(bullet[0])));
  const std::vector<std::pair<std::string_view, std::string>> values = {
      {"title", title}, {"company", company}, {"bullet", Sentence(bullet)}};
  switch (mention) {
    case Mention::kPrevious:
      return Fill(verb ? f.evidence_again : f.evidence_again_plain, values);
    case Mention::kNamed:
      return Fill(verb ? f.evidence_named : f.evidence_again_plain, values);
    case Mention::kFirst:
      break;
  }
  if (!title.empty() && (german || verb)) return Fill(f.evidence_verb, values);
  return Fill(f.evidence_plain, values);
}

// Whether evidence before used[i] named the same employer through another role.
bool SameEmployerNamed(const domain::Profile& p, const std::vector<Evidence>& used, std::size_t i) {
  const auto& company = p.work_experience[used[i].role].company;
  for (std::size_t j = 0; j < i; ++j) {
    if (used[j].role != used[i].role && p.work_experience[used[j].role].company == company) {
      return true;
    }
  }
  return false;
}

const domain::WorkExperience* LatestTitled(const domain::Profile& p) {
  for (const auto& role : p.work_experience) {
    if (role.title && !role.title->empty()) return &role;
  }
  return nullptr;
}

int Years(const domain::Profile& p, LetterDate date) {
  if (p.total_years_experience) return static_cast<int>(std::floor(*p.total_years_experience));
  std::vector<domain::DateRange> ranges;
  for (const auto& role : p.work_experience) ranges.push_back(role.dates);
  return static_cast<int>(std::floor(domain::MergedYears(ranges, {date.year, date.month})));
}

std::string FirstParagraph(const domain::Profile& p, const LetterFrames& f,
                           std::string_view role_phrase, std::string_view company,
                           LetterDate date) {
  std::string out = Fill(
      f.opening, {{"role_phrase", std::string(role_phrase)}, {"company", std::string(company)}});
  const auto* latest = LatestTitled(p);
  if (latest == nullptr) return out;
  const int years = Years(p, date);
  const std::string& title = *latest->title;
  const std::vector<std::pair<std::string_view, std::string>> values = {
      {"title", title},
      {"article", std::string(IndefiniteArticle(title))},
      {"years", std::to_string(years)}};
  out += ' ';
  out += Fill(years > 0 ? f.intro_years : f.intro, values);
  if (latest->company && !latest->company->empty()) {
    const bool describe = latest->dates.current && latest->description &&
                          !latest->description->empty() && !f.current_role.empty();
    out += ' ';
    out += describe ? Fill(f.current_role, {{"company", *latest->company},
                                            {"description", Sentence(*latest->description)}})
                    : Fill(f.latest, {{"company", *latest->company}});
  }
  // The two roles before, by title and employer.
  std::vector<std::string> before;
  for (const auto& role : p.work_experience) {
    if (&role <= latest || before.size() == 2) continue;
    if (!role.title || role.title->empty() || !role.company || role.company->empty()) continue;
    before.push_back(Fill(f.role_at, {{"title", *role.title}, {"company", *role.company}}));
  }
  if (!before.empty()) {
    out += ' ';
    out += Fill(f.before, {{"roles", JoinList(before, f.conjunction)}});
  }
  return out;
}

// The skills the job asks for that the profile names itself (not only implies), beyond those
// already shown by the evidence.
std::vector<std::string> MoreSkills(const domain::Fit& fit, const std::vector<Evidence>& shown) {
  std::vector<std::string> out;
  for (const auto& req : fit.requirements) {
    if (req.kind != domain::MatchKind::kExact || out.size() == 6) continue;
    const bool already = std::any_of(shown.begin(), shown.end(),
                                     [&](const Evidence& e) { return e.skill == req.skill; });
    if (!already) out.push_back(req.skill);
  }
  return out;
}

// Education, a certification, languages and the location: facts a letter may close its
// middle with. The degree only when the job asks for one; the rest unless the tone is concise.
std::string CredentialsSentences(const domain::Profile& p, const domain::Requirements& r,
                                 const domain::Fit& fit, const LetterFrames& f, bool concise) {
  std::string out;
  const auto add = [&out](const std::string& s) {
    if (!out.empty()) out += ' ';
    out += s;
  };
  if (r.education_level) {
    for (const auto& ed : p.education) {
      if (!ed.degree || ed.degree->empty() || !ed.institution || ed.institution->empty()) continue;
      std::string degree = *ed.degree;
      if (ed.field && !ed.field->empty() && degree.find(*ed.field) == std::string::npos) {
        degree += (f.conjunction == "und" ? " " : " in ") + *ed.field;
      }
      add(Fill(f.degree, {{"degree", degree},
                          {"article", std::string(IndefiniteArticle(degree))},
                          {"institution", *ed.institution}}));
      break;
    }
  }
  if (!p.certifications.empty() && !p.certifications.front().name.empty() &&
      (fit.breakdown.certifications.applies || !concise)) {
    add(Fill(f.certification, {{"name", p.certifications.front().name}}));
  }
  if (!p.languages.empty() && (fit.breakdown.languages.applies || !concise)) {
    std::vector<std::string> spoken;
    for (const auto& l : p.languages) {
      if (l.language.empty()) continue;
      spoken.push_back(l.proficiency && !l.proficiency->empty()
                           ? l.language + " (" + *l.proficiency + ")"
                           : l.language);
    }
    if (!spoken.empty()) add(Fill(f.languages, {{"languages", JoinList(spoken, f.conjunction)}}));
  }
  if (!concise && p.location && !p.location->empty()) {
    add(Fill(f.based_in, {{"location", *p.location}}));
  }
  return out;
}

// Whether an extracted posting title reads as a job title rather than a sentence.
bool LooksLikeTitle(std::string_view title) {
  if (title.empty() || title.size() > 80) return false;
  const char last = title.back();
  if (last == '.' || last == '!' || last == '?' || last == ':') return false;
  return CountWords(title) <= 8;
}

}  // namespace

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool word_char =
        std::isalnum(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) >= 0x80);
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

std::string LetterText(const Document& d) {
  const auto& l = d.letter;
  std::string out;
  if (!l.salutation.empty()) out += l.salutation + "\n\n";
  for (const auto& p : l.paragraphs) {
    if (!p.empty()) out += p + "\n\n";
  }
  if (!l.closing.empty()) out += l.closing + "\n";
  out += l.signature;
  return out;
}

CoverLetter WriteCoverLetter(const domain::Profile& p, const domain::Job& job,
                             const domain::Requirements& r, const domain::Fit& fit, LetterTone tone,
                             const Labels& labels, LetterDate date) {
  const LetterFrames& f = FramesFor(labels, tone);
  std::optional<std::string> role;
  if (job.title && LooksLikeTitle(*job.title)) {
    role = *job.title;
  } else if (r.title && LooksLikeTitle(*r.title)) {
    role = *r.title;
  }
  const std::string role_phrase =
      role ? Fill(f.role_phrase, {{"role", *role}}) : std::string(f.any_role_phrase);
  const std::string company =
      job.company && !job.company->empty() ? *job.company : std::string(f.any_company);
  const bool concise = tone == LetterTone::kConcise;

  CoverLetter out;
  Document& d = out.document;
  d.kind = DocumentKind::kCoverLetter;
  d.language = std::string(labels.language);
  FillHeader(p, labels.cover_letter, d);
  d.headline.clear();
  auto& l = d.letter;
  l.recipient.emplace_back(f.hiring_team);
  if (job.company && !job.company->empty()) l.recipient.push_back(*job.company);
  if (job.location && !job.location->empty()) l.recipient.push_back(*job.location);
  l.date = FormatLetterDate(date.year, date.month, date.day, labels);
  l.subject = role ? Fill(f.subject, {{"role", *role}}) : std::string(f.any_subject);
  l.salutation = f.salutation;
  l.closing = f.closing;
  l.signature = p.full_name.value_or("");

  const int min_words = concise ? 120 : 280;
  const int max_words = concise ? 230 : 390;
  const std::size_t max_evidence = concise ? 2 : 8;

  const std::string first = FirstParagraph(p, f, role_phrase, company, date);
  std::string last = Fill(f.closing_paragraph, {{"company", company}});
  if (!f.motivation.empty() && LatestTitled(p) != nullptr) {
    last = Fill(f.motivation, {{"company", company}}) + " " + last;
  }
  const std::string credentials = CredentialsSentences(p, r, fit, f, concise);
  std::string skills_sentences;
  if (!concise) {
    std::vector<Evidence> none;
    if (const auto more = MoreSkills(fit, none); !more.empty()) {
      skills_sentences = Fill(f.more_skills, {{"skills", JoinList(more, f.conjunction)}});
    }
  }
  int words =
      CountWords(first) + CountWords(last) + CountWords(credentials) + CountWords(skills_sentences);

  // Evidence until the letter is long enough, never past its limit; then told role by role.
  std::vector<Evidence> used;
  for (const auto& ev : ChooseEvidence(p, fit)) {
    if (used.size() == max_evidence || (used.size() >= 2 && words >= min_words)) break;
    const int n = CountWords(p.work_experience[ev.role].highlights[ev.bullet]) + 5;
    if (words + n > max_words) continue;
    words += n;
    used.push_back(ev);
  }
  std::stable_sort(used.begin(), used.end(),
                   [](const Evidence& a, const Evidence& b) { return a.role < b.role; });
  std::vector<std::string> sentences;
  std::vector<std::size_t> role_of;
  for (std::size_t i = 0; i < used.size(); ++i) {
    const auto& ev = used[i];
    const auto& employer = p.work_experience[ev.role];
    const Mention mention = i > 0 && used[i - 1].role == ev.role ? Mention::kPrevious
                            : SameEmployerNamed(p, used, i)      ? Mention::kNamed
                                                                 : Mention::kFirst;
    sentences.push_back(
        EvidenceSentence(employer, employer.highlights[ev.bullet], mention, f, labels));
    role_of.push_back(ev.role);
  }
  words = CountWords(first) + CountWords(last) + CountWords(credentials);
  for (const auto& sentence : sentences) words += CountWords(sentence);
  if (!concise) {
    // The skills sentence names only what the evidence has not shown yet.
    const auto more = MoreSkills(fit, used);
    skills_sentences =
        more.empty() ? "" : Fill(f.more_skills, {{"skills", JoinList(more, f.conjunction)}});
    if (!p.skills.soft.empty() && words < min_words) {
      std::vector<std::string> soft(
          p.skills.soft.begin(),
          p.skills.soft.begin() +
              static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, p.skills.soft.size())));
      for (auto& s : soft) {
        if (labels.language != "de" && !s.empty() &&
            std::isupper(static_cast<unsigned char>(s[0])) != 0 &&
            (s.size() < 2 || std::islower(static_cast<unsigned char>(s[1])) != 0)) {
          s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
        }
      }
      skills_sentences += (skills_sentences.empty() ? "" : " ") +
                          Fill(f.soft_skills, {{"skills", JoinList(soft, f.conjunction)}});
    }
  }
  std::vector<std::string> asked;
  for (const auto& ev : used) {
    if (!ev.skill.empty() && asked.size() < 3 &&
        std::find(asked.begin(), asked.end(), ev.skill) == asked.end()) {
      asked.push_back(ev.skill);
    }
  }

  const auto join = [](std::string& into, const std::string& s) {
    if (s.empty()) return;
    if (!into.empty()) into += ' ';
    into += s;
  };
  l.paragraphs.push_back(first);
  std::string middle;
  if (!asked.empty()) middle = Fill(f.asks, {{"skills", JoinList(asked, f.conjunction)}});
  // The second paragraph ends where the first role's evidence does (at most 3 sentences).
  std::size_t split = 0;
  while (split < sentences.size() && split < 3 && role_of[split] == role_of[0]) ++split;
  if (split < 2 && sentences.size() > 2) split = 2;
  for (std::size_t i = 0; i < split; ++i) join(middle, sentences[i]);
  if (!middle.empty()) l.paragraphs.push_back(middle);
  std::string third;
  for (std::size_t i = split; i < sentences.size(); ++i) join(third, sentences[i]);
  join(third, skills_sentences);
  if (!third.empty()) l.paragraphs.push_back(third);
  if (!credentials.empty()) l.paragraphs.push_back(credentials);
  l.paragraphs.push_back(last);

  out.text = LetterText(d);
  for (const auto& para : l.paragraphs) out.words += CountWords(para);
  return out;
}

}  // namespace jc::generation
