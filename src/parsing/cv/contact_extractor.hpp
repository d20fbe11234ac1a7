// Finds a CV's contact data: the person's name, email, phone, links and location.
// Every field is scored from general features (position, type size, weight, shape of the text,
// labels such as "Tel." or "Adresse"), not from lists of known values. Pure functions over a
// Document and its sections; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// A value found in the document, with how sure we are and where it came from.
struct Found {
  std::string value;
  double confidence = 0;  // 0-1
  int page = 1;
  std::size_t line = 0;  // index into Document::lines
};

enum class LinkKind : std::uint8_t { kLinkedIn, kGitHub, kWebsite, kOther };

struct FoundLink {
  LinkKind kind = LinkKind::kOther;
  Found url;  // normalised to start with https:// when the CV omits the scheme
};

struct ContactInfo {
  std::optional<Found> full_name;
  std::optional<Found> email;
  std::optional<Found> phone;
  std::optional<Found> location;
  std::vector<FoundLink> links;
};

ContactInfo ExtractContact(const Document& doc, const std::vector<Section>& sections);

// Building blocks, exposed for tests.
std::vector<std::string> FindEmails(std::string_view text);
// Phone numbers as written (trimmed of labels and separators around them); never date ranges,
// years or postal codes.
std::vector<std::string> FindPhones(std::string_view text);
// URLs with a scheme, "www." or a known profile host (linkedin.com/in/...), made absolute with
// https://. `bare_domains` also takes hosts written without either ("jane.dev/portfolio"):
// only safe on contact lines, where "Next.js" or "B.Sc." do not stand.
std::vector<std::string> FindUrls(std::string_view text, bool bare_domains = false);
LinkKind ClassifyLink(std::string_view url);
// 0-1: how much a line looks like a person's name (two to four capitalised words, letters).
double NameScore(std::string_view text);

}  // namespace jc::parsing
