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
  struct Node {
    std::uint32_t fail = 0;        // longest proper suffix that is also a trie node
    std::uint32_t dict = 0;        // nearest node on the fail chain with outputs (0: none)
    std::uint32_t edge_begin = 0;  // children in edge_bytes_/edge_targets_, sorted by byte
    std::uint32_t edge_end = 0;
    std::uint32_t out_begin = 0;  // forms ending here, in outputs_
    std::uint32_t out_end = 0;
  };
  struct Candidate {
    std::size_t begin = 0;  // in the normalised text
    std::size_t end = 0;
    std::uint32_t form = 0;
  };

  std::uint32_t Step(std::uint32_t state, unsigned char byte) const;
  void Collect(const NormalizedText& text, std::size_t end, std::uint32_t node,
               std::vector<Candidate>& out) const;

  const Taxonomy* taxonomy_;
  std::vector<Node> nodes_;
  std::vector<unsigned char> edge_bytes_;
  std::vector<std::uint32_t> edge_targets_;
  std::array<std::uint32_t, 256> root_{};  // dense transitions out of the root
  std::vector<std::uint32_t> outputs_;     // indices into taxonomy_->Forms()
};

}  // namespace jc::nlp
