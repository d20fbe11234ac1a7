#include "api/profile_corrections.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>
#include <string>

#include "generation/clean_text.hpp"
#include "generation/cover_letter.hpp"
#include "nlp/date_parser.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::api {
namespace {

using domain::PartialDate;

constexpr std::size_t kMaxShortValue = 200;  // a name, title, company, degree...
constexpr std::size_t kMaxLongValue = 2000;  // a summary or a role's description
constexpr std::size_t kMaxFreeSkillBytes = 50;
constexpr int kMaxFreeSkillWords = 4;
constexpr std::size_t kMinPhoneDigits = 6;

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The matcher's folding (case, accents, spacing, hyphens), without outer spaces.
std::string Fold(std::string_view text) {
  return std::string(TrimSpaces(nlp::Normalize(text).folded));
}

std::string Digits(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) out += c;
  }
  return out;
}

// Pieces of a line between separators: "Jane Doe | Berlin · jane@x.org" has three.
std::vector<std::string_view> Segments(std::string_view line) {
  static constexpr std::string_view kSeparators[] = {
      "|", "\xC2\xB7", "\xE2\x80\xA2", ",", ";", "\t", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
  std::vector<std::string_view> out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t matched = 0;
    for (const auto sep : kSeparators) {
      if (line.substr(i, sep.size()) == sep) {
        matched = sep.size();
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    out.push_back(line.substr(start, i - start));
    i += matched;
    start = i;
  }
  out.push_back(line.substr(start));
  return out;
}

// What the CV's text shows: its folded text, the separated segments of its lines, the digits
// of each line, the dates it writes and the skills it names.
class Evidence {
 public:
  Evidence(std::string_view text, const nlp::SkillMatcher& skills, PartialDate as_of)
      : folded_(nlp::Normalize(text).folded) {
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      AddLine(text.substr(start, end - start), as_of);
      start = end + 1;
    }
    for (const auto& m : skills.FindAll(text)) {
      if (!m.negated) skills_.insert(m.skill);
    }
  }

  // The value appears in the text between word boundaries.
  bool Contains(std::string_view value) const {
    const std::string v = Fold(value);
    if (v.empty()) return false;
    for (auto pos = folded_.find(v); pos != std::string::npos; pos = folded_.find(v, pos + 1)) {
      if (!nlp::IsWordCharBefore(folded_, pos) && !nlp::IsWordCharAt(folded_, pos + v.size())) {
        return true;
      }
    }
    return false;
  }
  bool IsSegment(std::string_view value) const { return segments_.contains(Fold(value)); }
  bool HasPhone(std::string_view value) const {
    const std::string d = Digits(value);
    if (d.size() < kMinPhoneDigits) return false;
    return std::any_of(line_digits_.begin(), line_digits_.end(),
                       [&](const std::string& line) { return line.find(d) != std::string::npos; });
  }
  bool HasDate(PartialDate d) const {
    return std::any_of(dates_.begin(), dates_.end(), [&](PartialDate x) {
      return x.year == d.year && (!d.HasMonth() || x.month == d.month);
    });
  }
  bool HasOpenRange() const { return open_range_; }
  bool NamesSkill(nlp::SkillId id) const { return skills_.contains(id); }

 private:
  void AddLine(std::string_view line, PartialDate as_of) {
    if (line.empty()) return;
    for (const auto segment : Segments(line)) {
      if (auto folded = Fold(segment); !folded.empty()) segments_.insert(std::move(folded));
    }
    if (auto digits = Digits(line); digits.size() >= kMinPhoneDigits) {
      line_digits_.push_back(std::move(digits));
    }
    const auto ranges = nlp::FindDateRanges(line, as_of);
    for (const auto& r : ranges) {
      if (r.range.start) dates_.push_back(*r.range.start);
      if (r.range.end) dates_.push_back(*r.range.end);
      open_range_ = open_range_ || r.range.current;
    }
    if (ranges.empty()) {
      if (const auto date = nlp::ParseDate(line, as_of)) dates_.push_back(*date);
    }
  }

  std::string folded_;
  std::set<std::string> segments_;
  std::vector<std::string> line_digits_;
  std::vector<PartialDate> dates_;
  bool open_range_ = false;
  std::set<nlp::SkillId> skills_;
};

enum class Kind : std::uint8_t { kText, kName, kEmail, kPhone, kStartDate, kEndDate };

// One field of the profile a pointer names.
struct Slot {
  Kind kind = Kind::kText;
  std::optional<std::string>* text = nullptr;
  std::string* name = nullptr;  // a certification's name, never absent
  std::size_t max_length = kMaxShortValue;
  // Dates: a role's range, or an education entry's start and end.
  domain::DateRange* role_dates = nullptr;
  std::optional<PartialDate>* start = nullptr;
  std::optional<PartialDate>* end = nullptr;
  bool work_dates = false;
};

std::vector<std::string_view> Tokens(std::string_view pointer) {
  std::vector<std::string_view> out;
  if (pointer.empty() || pointer.front() != '/') return out;
  pointer.remove_prefix(1);
  for (;;) {
    const auto slash = pointer.find('/');
    out.push_back(pointer.substr(0, slash));
    if (slash == std::string_view::npos) break;
    pointer.remove_prefix(slash + 1);
  }
  return out;
}

std::optional<std::size_t> Index(std::string_view token) {
  std::size_t i = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return i;
}

Slot Text(std::optional<std::string>& field, std::size_t max_length = kMaxShortValue) {
  return {.kind = Kind::kText, .text = &field, .max_length = max_length};
}

std::nullopt_t NoSuchEntry(std::string& reason) {
  reason = "no such entry: the model may correct entries, not add them";
  return std::nullopt;
}

// The slot a pointer names, or the reason it names none.
std::optional<Slot> Resolve(domain::Profile& p, std::string_view pointer, std::string& reason) {
  const auto t = Tokens(pointer);
  reason = "not a field that can be corrected";
  if (t.size() == 1) {
    if (t[0] == "fullName") return Slot{.kind = Kind::kName, .text = &p.full_name};
    if (t[0] == "email") return Slot{.kind = Kind::kEmail, .text = &p.email};
    if (t[0] == "phone") return Slot{.kind = Kind::kPhone, .text = &p.phone};
    if (t[0] == "location") return Text(p.location);
    if (t[0] == "headline") return Text(p.headline);
    if (t[0] == "summary") return Text(p.summary, kMaxLongValue);
    return std::nullopt;
  }
  if (t.size() != 3) return std::nullopt;
  const auto index = Index(t[1]);
  if (!index) return std::nullopt;
  const std::string_view f = t[2];
  if (t[0] == "workExperience") {
    if (*index >= p.work_experience.size()) return NoSuchEntry(reason);
    auto& role = p.work_experience[*index];
    if (f == "title") return Text(role.title);
    if (f == "company") return Text(role.company);
    if (f == "location") return Text(role.location);
    if (f == "description") return Text(role.description, kMaxLongValue);
    if (f == "startDate" || f == "endDate") {
      return Slot{.kind = f == "startDate" ? Kind::kStartDate : Kind::kEndDate,
                  .role_dates = &role.dates,
                  .work_dates = true};
    }
  } else if (t[0] == "education") {
    if (*index >= p.education.size()) return NoSuchEntry(reason);
    auto& entry = p.education[*index];
    if (f == "institution") return Text(entry.institution);
    if (f == "degree") return Text(entry.degree);
    if (f == "field") return Text(entry.field);
    if (f == "grade") return Text(entry.grade);
    if (f == "startDate" || f == "endDate") {
      return Slot{.kind = f == "startDate" ? Kind::kStartDate : Kind::kEndDate,
                  .start = &entry.start,
                  .end = &entry.end};
    }
  } else if (t[0] == "certifications") {
    if (*index >= p.certifications.size()) return NoSuchEntry(reason);
    auto& cert = p.certifications[*index];
    if (f == "name") return Slot{.kind = Kind::kText, .name = &cert.name};
    if (f == "issuer") return Text(cert.issuer);
  }
  return std::nullopt;
}

std::optional<std::string> Previous(const Slot& s) {
  if (s.name != nullptr) return *s.name;
  if (s.text != nullptr) return *s.text;
  if (s.role_dates != nullptr) {
    if (s.kind == Kind::kStartDate) {
      return s.role_dates->start ? std::optional(s.role_dates->start->ToString()) : std::nullopt;
    }
    if (s.role_dates->current) return "present";
    return s.role_dates->end ? std::optional(s.role_dates->end->ToString()) : std::nullopt;
  }
  const auto& date = s.kind == Kind::kStartDate ? *s.start : *s.end;
  return date ? std::optional(date->ToString()) : std::nullopt;
}

// Whether `end` comes before `start`, comparing months only when both dates have one.
bool Before(PartialDate end, PartialDate start) {
  if (end.year != start.year) return end.year < start.year;
  return end.HasMonth() && start.HasMonth() && end.month < start.month;
}

// Sets a date slot to `value` ("present" or a contract date) when the text writes it; returns
// the reason when it does not.
std::optional<std::string> SetDate(const Slot& s, std::string_view value, const Evidence& text) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "present") {
    if (s.kind != Kind::kEndDate) return "only an end date can be \"present\"";
    if (!text.HasOpenRange()) return "the CV has no period that runs to the present";
    if (s.role_dates != nullptr) {
      s.role_dates->end.reset();
      s.role_dates->current = true;
    } else {
      s.end->reset();
    }
    return std::nullopt;
  }
  const auto date = PartialDate::Parse(value);
  if (!date) return "not a date in the form YYYY-MM or YYYY";
  if (!text.HasDate(*date)) return "the CV does not write this date";
  auto& start = s.role_dates != nullptr ? s.role_dates->start : *s.start;
  auto& end = s.role_dates != nullptr ? s.role_dates->end : *s.end;
  auto& target = s.kind == Kind::kStartDate ? start : end;
  if (target && target->year == date->year && target->HasMonth() && !date->HasMonth()) {
    return "less precise than the local value";
  }
  if (s.kind == Kind::kStartDate ? (end && Before(*end, *date))
                                 : (start && Before(*date, *start))) {
    return "the end would come before the start";
  }
  target = *date;
  if (s.role_dates != nullptr && s.kind == Kind::kEndDate) s.role_dates->current = false;
  return std::nullopt;
}

// Sets a text slot when the text supports the value; returns the reason when it does not.
std::optional<std::string> SetText(const Slot& s, const std::string& value, const Evidence& text) {
  if (value.size() > s.max_length) return "too long for this field";
  switch (s.kind) {
    case Kind::kName:
      if (!text.IsSegment(value)) return "not a line or a separated part of a line in the CV";
      break;
    case Kind::kEmail:
      if (value.find('@') == std::string::npos || !text.Contains(value)) {
        return "not an email address the CV writes";
      }
      break;
    case Kind::kPhone:
      if (!text.HasPhone(value) && !text.Contains(value)) return "not a number the CV writes";
      break;
    default:
      if (!text.Contains(value)) return "the CV's text does not contain this value";
  }
  if (s.name != nullptr) {
    *s.name = value;
  } else {
    *s.text = value;
  }
  return std::nullopt;
}

void AddSkills(domain::Profile& profile, const std::vector<std::string>& proposed,
               const Evidence& text, const nlp::SkillMatcher& skills, ProfileRefinement& out) {
  const auto& taxonomy = skills.taxonomy();
  std::set<std::string> have_names;
  std::set<nlp::SkillId> have_ids;
  const auto remember = [&](const std::string& name) {
    have_names.insert(Fold(name));
    if (const auto* s = taxonomy.FindByName(name)) have_ids.insert(s->id);
  };
  for (const auto& s : profile.skills.technical) remember(s);
  for (const auto& s : profile.skills.soft) remember(s);

  for (const auto& raw : proposed) {
    const std::string value(TrimSpaces(generation::CleanText(raw)));
    if (value.empty()) continue;
    const auto* known = taxonomy.FindByName(value);
    if (have_names.contains(Fold(value)) || (known != nullptr && have_ids.contains(known->id))) {
      continue;  // already listed
    }
    const bool soft = known != nullptr && known->category == nlp::Category::kSoft;
    const std::string field = soft ? "/skills/soft/-" : "/skills/technical/-";
    const char* reason = nullptr;
    if (known != nullptr && known->category == nlp::Category::kSpokenLanguage) {
      reason = "a spoken language, not a skill";
    } else if (known != nullptr) {
      if (!text.NamesSkill(known->id)) reason = "the CV does not name this skill";
    } else if (value.size() < 2 || value.size() > kMaxFreeSkillBytes ||
               generation::CountWords(value) > kMaxFreeSkillWords) {
      reason = "not a skill name";
    } else if (!text.Contains(value)) {
      reason = "the CV does not name this skill";
    }
    if (reason != nullptr) {
      out.rejected.push_back({field, value, reason});
      continue;
    }
    (soft ? profile.skills.soft : profile.skills.technical).push_back(value);
    remember(value);
    out.applied.push_back({field, std::nullopt, value});
  }
}

}  // namespace

ProfileRefinement ApplyProfileCorrections(domain::Profile& profile, std::string_view cv_text,
                                          const ProfileCorrectionsAnswer& answer,
                                          const nlp::SkillMatcher& skills,
                                          domain::PartialDate as_of) {
  const Evidence text(cv_text, skills, as_of);
  ProfileRefinement out;
  std::set<std::string> seen;
  bool work_dates_changed = false;
  for (const auto& c : answer.corrections) {
    const std::string value(TrimSpaces(generation::CleanText(c.value)));
    std::string reason;
    const auto slot = Resolve(profile, c.field, reason);
    if (!slot) {
      out.rejected.push_back({c.field, value, reason});
      continue;
    }
    if (!seen.insert(c.field).second) {
      out.rejected.push_back({c.field, value, "corrected twice"});
      continue;
    }
    auto previous = Previous(*slot);
    if (value.empty() || previous == value) continue;
    const bool is_date = slot->kind == Kind::kStartDate || slot->kind == Kind::kEndDate;
    const auto refused = is_date ? SetDate(*slot, value, text) : SetText(*slot, value, text);
    if (refused) {
      out.rejected.push_back({c.field, value, *refused});
      continue;
    }
    work_dates_changed = work_dates_changed || slot->work_dates;
    out.applied.push_back({c.field, std::move(previous), value});
  }
  AddSkills(profile, answer.missingSkills, text, skills, out);

  if (work_dates_changed) {
    profile.total_years_experience = domain::TotalYearsExperience(profile.work_experience, as_of);
  }
  return out;
}

}  // namespace jc::api
