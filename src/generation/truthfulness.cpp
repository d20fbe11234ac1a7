#include "generation/truthfulness.hpp"

#include <utility>

namespace jc::generation {

std::string CheckText(std::string_view text, std::string_view location, const FactBase& facts,
                      TruthReport& report, TextKind kind) {
  std::string out;
  std::size_t kept_end = 0;  // end of the last kept sentence in `text`
  bool removed_any = false;  // since the last kept sentence
  bool changed = false;
  for (const Span& s : SplitSentences(text)) {
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    bool ok = true;
    for (const Claim& claim : ExtractClaims(sentence, kind, facts.matcher())) {
      ++report.claims_checked;
      if (facts.Supports(claim)) continue;
      ok = false;
      report.violations.push_back(
          {claim.kind, claim.text, std::string(location), std::string(sentence)});
    }
    if (!ok) {
      ++report.removed;
      removed_any = changed = true;
      continue;
    }
    // Keep the original spacing between kept sentences; a single space where one was removed.
    if (!out.empty()) {
      out +=
          removed_any ? std::string(" ") : std::string(text.substr(kept_end, s.begin - kept_end));
    }
    out += sentence;
    kept_end = s.end;
    removed_any = false;
  }
  return changed ? out : std::string(text);
}

}  // namespace jc::generation
