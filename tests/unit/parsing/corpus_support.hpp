// Helpers shared by the extractor tests that read the labelled CV corpus (tests/corpus/cvs).
// Text-side helpers are defined in text_extractor_test.cpp, ZIP/DOCX-side ones in
// docx_extractor_test.cpp; each lives in the test binary of its extractors.
#pragma once

#include <string>
#include <vector>

#include "parsing/document.hpp"

namespace jc::parsing::testing {

// --- text_extractor_test.cpp (unit_parsing_text) ---
std::string ReadCorpusFile(const std::string& name);
std::vector<std::string> CorpusFiles(const std::string& extension);
// The gold fullName, email, titles and companies appear in the document, in order.
void ExpectGoldContent(const Document& doc, const std::string& file_name);

// --- docx_extractor_test.cpp (unit_parsing_docx) ---
struct ZipEntry {
  std::string name;
  std::string data;
};
std::string BuildZip(const std::vector<ZipEntry>& entries);  // an in-memory ZIP archive
std::string ReadFile(const std::string& path);
struct GoldFacts {
  std::string full_name, email;
  std::vector<std::string> titles, companies;
};
GoldFacts ReadGold(const std::string& path);
std::vector<std::vector<std::string>> ReadManifest();
void ExpectGoldInOrder(const Document& doc, const GoldFacts& gold, const std::string& file);

}  // namespace jc::parsing::testing
