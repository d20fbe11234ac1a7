#include "nlp/taxonomy.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <utility>

#include "nlp/text_normalize.hpp"

namespace jc::nlp {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHeader = "id\tname\tcategory\taliases\timplies\tis_a\trelated\tflags";
constexpr std::size_t kColumns = 8;
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "language", "framework", "library",       "tool", "platform",       "database",
    "method",   "domain",    "certification", "soft", "spoken_language"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> items;
  for (std::string_view part : Split(s, '|')) {
    part = Trim(part);
    if (!part.empty()) items.emplace_back(part);
  }
  return items;
}

bool IsSlug(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Short ALL-CAPS acronyms ("IT", "HR", "AI", "ML") are also ordinary words in lower case.
bool IsShortAcronym(std::string_view raw) {
  if (raw.size() < 2 || raw.size() > 4) return false;
  return std::all_of(raw.begin(), raw.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }) &&
         std::any_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsPlainWord(std::string_view folded) {
  return std::all_of(folded.begin(), folded.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

SurfaceForm NormalizedForm(std::string_view raw, SkillId skill) {
  Term term = NormalizeTerm(raw);
  return {std::move(term.folded), std::move(term.exact), skill};
}

// The generated spellings of one explicit form (text_normalize.hpp); spoken languages get no
// plurals ("Germans" is not a language skill).
std::vector<SurfaceForm> Variants(const SurfaceForm& form, Category category) {
  std::vector<SurfaceForm> out;
  const bool with_plural = category != Category::kSpokenLanguage;
  for (Term& term : SpellingVariants({form.folded, form.exact}, form.exact_case, with_plural)) {
    out.push_back({std::move(term.folded), std::move(term.exact), form.skill, form.exact_case,
                   form.needs_context});
  }
  return out;
}

struct Row {
  std::string where;  // "file.tsv:line"
  std::vector<std::string> implies, is_a, related;
};

}  // namespace

std::string_view CategoryName(Category category) {
  return kCategoryNames.at(static_cast<std::size_t>(category));
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (std::size_t i = 0; i < kCategoryNames.size(); ++i) {
    if (kCategoryNames[i] == name) return static_cast<Category>(i);
  }
  return std::nullopt;
}

// Builds one Taxonomy, collecting every problem instead of stopping at the first.
class TaxonomyBuilder {
 public:
  Result<Taxonomy> Run(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      return Error::Make(ErrorCode::kNotFound, "skill taxonomy directory not found: " + dir);
    }
    std::ifstream version_file(fs::path(dir) / "VERSION");
    if (!version_file) return Error::Make(ErrorCode::kNotFound, "VERSION missing in " + dir);
    std::getline(version_file, tax_.version_);
    tax_.version_ = std::string(Trim(tax_.version_));
    if (tax_.version_.empty()) Problem("VERSION:1", "empty version");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    tax_.forms_.reserve(1 << 15);
    tax_.next_form_.reserve(1 << 15);
    tax_.key_slots_.assign(std::size_t{1} << 16, {});
    if (files.empty()) Problem(dir, "no *.tsv files");
    for (const auto& file : files) ReadFile(file);
    ResolveReferences();
    for (const Skill& skill : tax_.skills_) AddExplicitForms(skill);
    const std::size_t explicit_count = tax_.forms_.size();
    for (std::size_t i = 0; i < explicit_count; ++i) AddVariants(i);
    CheckCyclesAndClose();
    if (!problems_.empty()) {
      std::string message = problems_.front().loc.front() + ": " + problems_.front().msg;
      if (problems_.size() > 1)
        message += " (and " + std::to_string(problems_.size() - 1) + " more)";
      Error error = Error::Make(ErrorCode::kValidation, "invalid skill taxonomy: " + message);
      error.details = std::move(problems_);
      return error;
    }
    return std::move(tax_);
  }

 private:
  void Problem(std::string where, std::string msg) {
    problems_.push_back({{std::move(where)}, std::move(msg), "invalid_taxonomy"});
  }

  void ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const std::string file = path.filename().string();
    const auto lines = Split(text, '\n');
    if (lines.empty() || Trim(lines[0]) != kHeader) {
      Problem(file + ":1", "header must be: " + std::string(kHeader));
      return;
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const std::string_view line = Trim(lines[i]);
      if (line.empty() || line.front() == '#') continue;
      ReadRow(file + ":" + std::to_string(i + 1), Split(line, '\t'));
    }
  }

  void ReadRow(const std::string& where, const std::vector<std::string_view>& cols) {
    if (cols.size() != kColumns) {
      Problem(where, "expected 8 tab-separated columns, found " + std::to_string(cols.size()));
      return;
    }
    Skill skill;
    skill.id = static_cast<SkillId>(tax_.skills_.size());
    skill.slug = std::string(Trim(cols[0]));
    skill.name = std::string(Trim(cols[1]));
    skill.aliases = SplitList(cols[3]);
    skill.source = where;
    if (!IsSlug(skill.slug)) Problem(where, "id '" + skill.slug + "' is not a [a-z0-9_] slug");
    if (skill.name.empty()) Problem(where, "empty name");
    if (auto category = ParseCategory(Trim(cols[2]))) {
      skill.category = *category;
    } else {
      Problem(where, "unknown category '" + std::string(Trim(cols[2])) + "'");
    }
    for (const std::string& flag : SplitList(cols[7])) {
      if (flag == "case_sensitive") {
        skill.flags.case_sensitive = true;
      } else if (flag == "ambiguous") {
        skill.flags.ambiguous = true;
      } else {
        Problem(where, "unknown flag '" + flag + "'");
      }
    }
    auto [it, inserted] = tax_.by_slug_.emplace(skill.slug, skill.id);
    if (!inserted) {
      Problem(where,
              "duplicate id '" + skill.slug + "', first at " + tax_.skills_[it->second].source);
      return;
    }
    rows_.push_back({where, SplitList(cols[4]), SplitList(cols[5]), SplitList(cols[6])});
    tax_.skills_.push_back(std::move(skill));
  }

  void Resolve(const Row& row, SkillId self, const std::vector<std::string>& slugs,
               std::string_view column, std::vector<SkillId>& out) {
    for (const std::string& slug : slugs) {
      const auto it = tax_.by_slug_.find(slug);
      if (it == tax_.by_slug_.end()) {
        Problem(row.where, std::string(column) + " refers to unknown id '" + slug + "'");
      } else if (it->second == self) {
        Problem(row.where, std::string(column) + " refers to the skill itself");
      } else if (std::find(out.begin(), out.end(), it->second) == out.end()) {
        out.push_back(it->second);
      }
    }
  }

  void ResolveReferences() {
    for (Skill& skill : tax_.skills_) {
      const Row& row = rows_[skill.id];
      Resolve(row, skill.id, row.implies, "implies", skill.implies);
      Resolve(row, skill.id, row.is_a, "is_a", skill.is_a);
      Resolve(row, skill.id, row.related, "related", skill.related);
    }
  }

  static SurfaceForm MakeForm(const Skill& skill, std::string_view raw) {
    SurfaceForm form = NormalizedForm(raw, skill.id);
    form.exact_case = skill.flags.case_sensitive || IsShortAcronym(raw);
    form.needs_context = skill.flags.ambiguous && IsPlainWord(form.folded);
    return form;
  }

  // Two forms clash when some text could match both; exact-case forms of different spelling
  // ("Swift" / "SWIFT") can share a folded key.
  static bool Clash(const SurfaceForm& a, const SurfaceForm& b) {
    return !(a.exact_case && b.exact_case && a.exact != b.exact);
  }

  // Adds `form` unless an equal form exists. Returns the clashing form of another skill, if any.
  const SurfaceForm* Add(SurfaceForm form) {
    const std::size_t hash = std::hash<std::string_view>{}(form.folded);
    const std::size_t slot = tax_.SlotOf(form.folded, hash);
    std::uint32_t last = Taxonomy::kNoForm;
    for (std::uint32_t i = tax_.key_slots_[slot].form; i != Taxonomy::kNoForm;
         i = tax_.next_form_[i]) {
      const SurfaceForm& other = tax_.forms_[i];
      if (Clash(form, other)) {
        if (other.skill != form.skill) return &other;
        if (other.exact_case == form.exact_case) return nullptr;
      }
      last = i;
    }
    const auto index = static_cast<std::uint32_t>(tax_.forms_.size());
    tax_.forms_.push_back(std::move(form));
    tax_.next_form_.push_back(Taxonomy::kNoForm);
    if (last != Taxonomy::kNoForm) {
      tax_.next_form_[last] = index;
      return nullptr;
    }
    tax_.key_slots_[slot] = {index, static_cast<std::uint32_t>(hash)};
    if (++keys_ * 2 > tax_.key_slots_.size()) GrowKeySlots();
    return nullptr;
  }

  // Doubles the key table. Re-inserting the forms in order puts each key's first form back at
  // the head of its chain; the chains themselves do not change.
  void GrowKeySlots() {
    tax_.key_slots_.assign(tax_.key_slots_.size() * 2, {});
    for (std::uint32_t i = 0; i < tax_.forms_.size(); ++i) {
      const std::size_t hash = std::hash<std::string_view>{}(tax_.forms_[i].folded);
      const std::size_t slot = tax_.SlotOf(tax_.forms_[i].folded, hash);
      if (tax_.key_slots_[slot].form == Taxonomy::kNoForm) {
        tax_.key_slots_[slot] = {i, static_cast<std::uint32_t>(hash)};
      }
    }
  }

  void AddExplicitForms(const Skill& skill) {
    std::vector<std::string_view> raws{skill.name};
    raws.insert(raws.end(), skill.aliases.begin(), skill.aliases.end());
    for (const std::string_view raw : raws) {
      SurfaceForm form = MakeForm(skill, raw);
      if (form.folded.empty()) {
        Problem(skill.source, "empty alias");
        continue;
      }
      if (const SurfaceForm* other = Add(form)) {
        const Skill& owner = tax_.skills_[other->skill];
        Problem(skill.source, "'" + std::string(raw) + "' also names '" + owner.slug + "' (" +
                                  owner.source + ")");
      }
    }
  }

  // The variants of forms_[index]; taken before any Add, which may move forms_.
  void AddVariants(std::size_t index) {
    const SkillId skill = tax_.forms_[index].skill;
    for (SurfaceForm& variant : Variants(tax_.forms_[index], tax_.skills_[skill].category)) {
      bool taken = false;
      for (std::uint32_t i = tax_.FirstForm(variant.folded); i != Taxonomy::kNoForm && !taken;
           i = tax_.next_form_[i]) {
        taken = tax_.forms_[i].skill != skill && Clash(variant, tax_.forms_[i]);
      }
      if (!taken) Add(std::move(variant));
    }
  }

  // The skills `id` implies or is a kind of: EdgeCount of them, Edge(id, 0) first.
  std::size_t EdgeCount(SkillId id) const {
    return tax_.skills_[id].implies.size() + tax_.skills_[id].is_a.size();
  }
  SkillId Edge(SkillId id, std::size_t k) const {
    const Skill& skill = tax_.skills_[id];
    return k < skill.implies.size() ? skill.implies[k] : skill.is_a[k - skill.implies.size()];
  }

  // Rejects cycles over implies + is_a, then stores each skill's reachable set.
  void CheckCyclesAndClose() {
    const std::size_t n = tax_.skills_.size();
    std::vector<std::uint8_t> color(n, 0);  // 0 new, 1 on stack, 2 done
    std::vector<std::pair<SkillId, std::size_t>> stack;
    for (SkillId root = 0; root < n; ++root) {
      if (color[root] != 0) continue;
      stack.assign(1, {root, 0});
      color[root] = 1;
      while (!stack.empty()) {
        auto& [id, next] = stack.back();
        if (next == EdgeCount(id)) {
          color[id] = 2;
          stack.pop_back();
          continue;
        }
        const SkillId to = Edge(id, next++);
        if (color[to] == 1) {
          Problem(tax_.skills_[id].source, "cycle in implies/is_a: '" + tax_.skills_[id].slug +
                                               "' -> '" + tax_.skills_[to].slug + "'");
        } else if (color[to] == 0) {
          color[to] = 1;
          stack.emplace_back(to, 0);
        }
      }
    }
    if (!problems_.empty()) return;
    tax_.closure_.assign(n, {});
    std::vector<SkillId> todo;
    for (SkillId id = 0; id < n; ++id) {
      auto& seen = tax_.closure_[id];
      todo.clear();
      for (std::size_t k = 0; k < EdgeCount(id); ++k) todo.push_back(Edge(id, k));
      while (!todo.empty()) {
        const SkillId next = todo.back();
        todo.pop_back();
        if (std::find(seen.begin(), seen.end(), next) != seen.end()) continue;
        seen.push_back(next);
        for (std::size_t k = 0; k < EdgeCount(next); ++k) todo.push_back(Edge(next, k));
      }
      std::sort(seen.begin(), seen.end());
    }
  }

  Taxonomy tax_;
  std::size_t keys_ = 0;  // distinct folded keys in tax_.key_slots_
  std::vector<Row> rows_;
  std::vector<ErrorDetail> problems_;
};

Result<Taxonomy> Taxonomy::Load(const std::string& dir) {
  return TaxonomyBuilder().Run(dir);
}

const Skill* Taxonomy::FindByName(std::string_view name_or_alias) const {
  // NormalizeTerm's key, in a per-thread buffer: this runs for every requirement and list item
  // scored. Kept only for names up to kKeepBytes, so one huge input does not pin its memory.
  constexpr std::size_t kKeepBytes = 4096;
  thread_local NormalizedText norm;
  NormalizeInto(name_or_alias, norm);
  std::size_t begin = 0;
  std::size_t end = norm.folded.size();
  while (begin < end && norm.folded[begin] == ' ') ++begin;
  while (end > begin && norm.folded[end - 1] == ' ') --end;
  const std::string_view folded = std::string_view(norm.folded).substr(begin, end - begin);
  const std::string_view exact = std::string_view(norm.exact).substr(begin, end - begin);
  const Skill* found = nullptr;
  if (const std::uint32_t first = FirstForm(folded); first != kNoForm) {
    found = &skills_[forms_[first].skill];
    for (std::uint32_t i = first; i != kNoForm; i = next_form_[i]) {
      if (!forms_[i].exact_case || forms_[i].exact == exact) {
        found = &skills_[forms_[i].skill];
        break;
      }
    }
  }
  if (name_or_alias.size() > kKeepBytes) norm = NormalizedText{};
  return found;
}

std::size_t Taxonomy::SlotOf(std::string_view folded, std::size_t hash) const {
  const std::size_t mask = key_slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash);
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const KeySlot& entry = key_slots_[slot];
    if (entry.form == kNoForm || (entry.hash == tag && forms_[entry.form].folded == folded)) {
      return slot;
    }
  }
}

std::uint32_t Taxonomy::FirstForm(std::string_view folded) const {
  if (key_slots_.empty()) return kNoForm;
  return key_slots_[SlotOf(folded, std::hash<std::string_view>{}(folded))].form;
}

const Skill* Taxonomy::FindBySlug(std::string_view slug) const {
  const auto it = by_slug_.find(std::string(slug));
  return it == by_slug_.end() ? nullptr : &skills_[it->second];
}

bool Taxonomy::Implies(SkillId have, SkillId want) const {
  if (have == want) return have < skills_.size();
  if (have >= closure_.size()) return false;
  return std::binary_search(closure_[have].begin(), closure_[have].end(), want);
}

const std::vector<SkillId>& Taxonomy::Broader(SkillId have) const {
  static const std::vector<SkillId> kNone;
  return have < closure_.size() ? closure_[have] : kNone;
}

bool Taxonomy::Related(SkillId a, SkillId b) const {
  if (a >= skills_.size() || b >= skills_.size() || a == b) return false;
  const auto& ra = skills_[a].related;
  const auto& rb = skills_[b].related;
  return std::find(ra.begin(), ra.end(), b) != ra.end() ||
         std::find(rb.begin(), rb.end(), a) != rb.end();
}

}  // namespace jc::nlp
