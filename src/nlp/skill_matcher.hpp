// SkillMatcher: finds the skills of a Taxonomy in free text (CVs, job postings) in one pass.
//
// Built once from a Taxonomy, which must outlive it. FindAll is const and keeps its scratch in
// thread-local buffers, so one matcher may serve any number of threads. Every form starts at a
// word boundary, so matching walks the words of the Normalize()d text and looks each one up in
// a hash table of the forms' first words, then checks the rest of the form, word boundaries,
// exact case where a form needs it, context for ambiguous words ("Go" the language, not "ready
// to go") and negation on the original text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/taxonomy.hpp"
#include "nlp/text_normalize.hpp"  // Normalize, IsWordCharAt: part of this interface

namespace jc::nlp {

struct SkillMatch {
  SkillId skill = 0;
  std::size_t begin = 0;  // byte offsets into the text given to FindAll
  std::size_t end = 0;
  bool negated = false;  // "no Java experience needed", "keine Java-Kenntnisse erforderlich"

  bool operator==(const SkillMatch&) const = default;
};

class SkillMatcher {
 public:
  explicit SkillMatcher(const Taxonomy& taxonomy);

  // Every skill mention, ordered by position, never overlapping: where forms overlap the
  // leftmost, then longest, wins ("Amazon Web Services" over "Amazon"; "C++" over "C"). The same
  // skill may appear many times. Empty when nothing matches; never fails.
  std::vector<SkillMatch> FindAll(std::string_view text) const;

  const Taxonomy& taxonomy() const { return *taxonomy_; }

 private:
  // Forms are grouped by their key: the bytes up to the end of their first word, with any
  // non-word bytes before it (".net" for ".NET Core"). A word of the text (with up to
  // max_lead_ bytes before it) is looked up by its own key in slots_, an open-addressing table
  // (power-of-two size, at most half full) of the groups' hashes; a group's entries_ then need
  // only the rest of their bytes compared. Forms without a word character (CJK names) are
  // searched for directly. The table and entries are small enough to stay in cache, unlike an
  // automaton with a node per byte of every form.
  struct Candidate {
    std::size_t begin = 0;  // in the normalised text
    std::size_t end = 0;
    std::uint32_t form = 0;
  };
  // What matching needs of a form, kept beside the table so that a candidate is judged without
  // reading the taxonomy's form itself unless its case must be compared.
  struct Entry {
    std::uint32_t form = 0;    // index into taxonomy_->Forms()
    std::uint32_t bytes = 0;   // offset of its folded text in pool_
    std::uint32_t length = 0;  // of its folded text
    // Up to four bytes after its key, packed by Pack, and the mask of the bytes it has: most
    // entries of a group are told apart by these without comparing strings.
    std::uint32_t next = 0;
    std::uint32_t next_mask = 0;
    bool ends_in_word = false;  // its last character is a word character
    bool exact_case = false;
  };
  struct Group {
    std::uint32_t key = 0;  // offset of the key in pool_
    std::uint32_t key_length = 0;
    std::uint32_t begin = 0;  // [begin, end) in entries_
    std::uint32_t end = 0;
  };
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t group = kEmpty;
  };

  // FNV-1a, a byte at a time.
  static constexpr std::uint32_t kHashBasis = 2166136261U;
  static std::uint32_t HashStep(std::uint32_t h, char c) {
    return (h ^ static_cast<unsigned char>(c)) * 16777619U;
  }
  static std::uint32_t Hash(std::string_view key);
  // The first min(4, s.size()) bytes of s in one word, the rest zero.
  static std::uint32_t Pack(std::string_view s);
  // The group whose key is `key` (whose Hash is `hash`), nullptr if none.
  const Group* Lookup(std::string_view key) const;
  const Group* Lookup(std::string_view key, std::uint32_t hash) const;
  // Adds `entry` as a candidate at `begin` if the text holds it there; the first `known` bytes
  // are known to match.
  void Collect(const NormalizedText& text, std::size_t begin, std::size_t known, const Entry& entry,
               std::vector<Candidate>& out) const;

  const Taxonomy* taxonomy_;
  std::string pool_;  // every form's folded text
  std::vector<Entry> entries_;
  std::vector<Group> groups_;
  std::vector<Slot> slots_;
  // Bit (hash >> 16) of every key's hash: most words of a text are no key, and this says so
  // from 8 KB that stay in the fastest cache.
  static constexpr std::size_t kFilterBits = 65536;
  std::array<std::uint64_t, kFilterBits / 64> filter_{};
  std::vector<Entry> wordless_;         // forms without a word character
  std::size_t max_lead_ = 0;            // most non-word bytes before a form's first word
  std::array<bool, 256> lead_first_{};  // the first bytes of forms that start with a non-word
};

}  // namespace jc::nlp
