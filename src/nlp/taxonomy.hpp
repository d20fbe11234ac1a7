// The skill taxonomy: every skill the service recognises, loaded once from data/skills/*.tsv.
//
// Taxonomy::Load reads, validates and indexes the files and returns a self-contained value. After
// Load nothing mutates it, so one instance may be shared by any number of threads (const access
// only). SkillId is a dense index into Skills(); ids are only stable within one loaded instance,
// slugs are the stable names. Forms and lookups use Normalize() (text_normalize.hpp) like the
// matcher, so a name found here is a name SkillMatcher finds in text, and the other way round.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"

namespace jc::nlp {

using SkillId = std::uint32_t;

enum class Category : std::uint8_t {
  kLanguage,  // programming language
  kFramework,
  kLibrary,
  kTool,
  kPlatform,
  kDatabase,
  kMethod,  // practice or methodology (Scrum, TDD, Six Sigma)
  kDomain,  // field of knowledge (accounting, patient care)
  kCertification,
  kSoft,
  kSpokenLanguage,
};
inline constexpr std::size_t kCategoryCount = 11;

std::string_view CategoryName(Category category);  // the TSV spelling, e.g. "spoken_language"
std::optional<Category> ParseCategory(std::string_view name);

struct SkillFlags {
  bool case_sensitive = false;  // every form must appear with exactly the case written
  bool ambiguous = false;       // single-word forms are also ordinary words: need context
};

struct Skill {
  SkillId id = 0;
  std::string slug;  // stable id from the data, e.g. "postgresql"
  std::string name;  // canonical display name, e.g. "PostgreSQL"
  Category category = Category::kDomain;
  std::vector<std::string> aliases;
  std::vector<SkillId> implies;  // having this skill shows these
  std::vector<SkillId> is_a;     // broader skills this one is a kind of
  std::vector<SkillId> related;  // similar but different skills
  SkillFlags flags;
  std::string source;  // "file.tsv:line", for messages
};

// One way a skill may be written, normalised. Built at load from names and aliases plus safe
// spelling variants (node.js -> nodejs / node js, front end -> frontend, plurals, no accents).
struct SurfaceForm {
  std::string folded;  // Normalize(form).folded: the matching key
  std::string exact;   // same bytes before case folding, compared when exact_case
  SkillId skill = 0;
  bool exact_case = false;     // case_sensitive skill, or a short ALL-CAPS acronym ("IT", "ML")
  bool needs_context = false;  // ambiguous skill and a single plain word ("Go", "Excel")
};

class Taxonomy {
 public:
  // Loads every *.tsv in `dir` (sorted by name) and VERSION. Failure: kNotFound when the directory
  // or VERSION is missing; kValidation listing every problem as "file:line: what" in details (the
  // message names the first), for malformed rows, unknown categories or flags, duplicate ids,
  // dangling references, alias collisions and cycles in is_a/implies.
  static Result<Taxonomy> Load(const std::string& dir);

  std::string_view Version() const { return version_; }
  std::size_t Size() const { return skills_.size(); }
  const Skill& Get(SkillId id) const { return skills_.at(id); }
  const std::vector<Skill>& Skills() const { return skills_; }
  const std::vector<SurfaceForm>& Forms() const { return forms_; }

  // By name or alias, normalised like the matcher ("Node.js" == "nodejs" == "node js", "C#" !=
  // "C"). Exact-case forms win; otherwise the lookup is lenient about case. nullptr if unknown.
  const Skill* FindByName(std::string_view name_or_alias) const;
  const Skill* FindBySlug(std::string_view slug) const;

  // True when having `have` shows `want`: the same skill, or reachable over implies and is_a
  // (PostgreSQL -> SQL database; Django -> Python).
  bool Implies(SkillId have, SkillId want) const;
  // Every skill that having `have` shows, itself excepted: the ids reachable over implies and
  // is_a, sorted. Empty for an unknown id.
  const std::vector<SkillId>& Broader(SkillId have) const;
  // True when either lists the other as related (symmetric, not transitive).
  bool Related(SkillId a, SkillId b) const;

 private:
  friend class TaxonomyBuilder;

  std::string version_;
  std::vector<Skill> skills_;
  std::vector<SurfaceForm> forms_;
  std::unordered_map<std::string, SkillId> by_slug_;
  // forms_ by folded key, flat so that loading allocates per form, not per key: key_slots_ is
  // an open-addressing table (power-of-two size, at most half full) holding the first form of
  // each key (kNoForm: empty) and that key's hash, so probes rarely touch the strings;
  // next_form_[i] is the next form with the key of forms_[i], in order.
  static constexpr std::uint32_t kNoForm = 0xFFFFFFFF;
  struct KeySlot {
    std::uint32_t form = kNoForm;
    std::uint32_t hash = 0;  // low 32 bits of the key's hash
  };
  std::vector<KeySlot> key_slots_;
  std::vector<std::uint32_t> next_form_;
  std::vector<std::vector<SkillId>> closure_;  // sorted ids reachable over implies + is_a

  // The slot of `folded` (whose hash is `hash`) in key_slots_: the one holding its first form,
  // or the empty one where it would go. key_slots_ must not be empty.
  std::size_t SlotOf(std::string_view folded, std::size_t hash) const;
  // The first form with this key, kNoForm if none.
  std::uint32_t FirstForm(std::string_view folded) const;
};

}  // namespace jc::nlp
