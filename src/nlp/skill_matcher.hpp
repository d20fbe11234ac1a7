// SkillMatcher: finds the skills of a Taxonomy in free text (CVs, job postings) in one pass.
//
// Built once from a Taxonomy, which must outlive it. FindAll is const and keeps its scratch in
// thread-local buffers, so one matcher may serve any number of threads. Matching runs Aho-Corasick
// over the Normalize()d text, then checks word boundaries, exact case where a form needs it,
// context for ambiguous words ("Go" the language, not "ready to go") and negation on the original
// text.
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
  // The automaton is one array of uint32 words, a record per node, so that a step reads one
  // node's data from one place (matching is bound by memory reads, not by arithmetic):
  //   [kFail] offset of the longest proper suffix that is also a node
  //   [kDict] offset of the nearest node on the fail chain with outputs (0: none)
  //   [kOutBegin], [kOutEnd] the forms ending here, in outputs_
  //   [kEdgeCount] number of children, then one word per child, sorted by byte:
  //   the byte in the top 8 bits, the child's offset in the low 24.
  // A node is named by its record's offset; the root's is 0.
  static constexpr std::uint32_t kFail = 0, kDict = 1, kOutBegin = 2, kOutEnd = 3, kEdgeCount = 4,
                                 kHeader = 5;
  static constexpr std::uint32_t kTargetMask = 0xFFFFFF;
  struct Candidate {
    std::size_t begin = 0;  // in the normalised text
    std::size_t end = 0;
    std::uint32_t form = 0;
  };

  std::uint32_t Step(std::uint32_t state, unsigned char byte) const;
  void Collect(const NormalizedText& text, std::size_t end, std::uint32_t node,
               std::vector<Candidate>& out) const;

  const Taxonomy* taxonomy_;
  std::vector<std::uint32_t> automaton_;   // the node records
  std::array<std::uint32_t, 256> root_{};  // dense transitions out of the root
  // What Collect needs of a form, kept beside the automaton so that a candidate is judged
  // without reading the form itself (most candidates fail at a word boundary).
  struct Output {
    std::uint32_t form = 0;     // index into taxonomy_->Forms()
    std::uint32_t length = 0;   // of its folded text
    bool ends_in_word = false;  // its last character is a word character
    bool exact_case = false;
  };
  std::vector<Output> outputs_;
};

}  // namespace jc::nlp
