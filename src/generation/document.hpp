// Document: what every renderer draws (Markdown, HTML, PDF, DOCX). A CV or a cover letter laid
// out as a header (name, headline, contact line) and titled sections of blocks, or as a letter.
// All text is final (localised, dates formatted) and plain: renderers escape it for their format
// and never add words of their own. Built by generation/cv_document and generation/cover_letter.
//
// Plain values; safe to copy and share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jc::generation {

enum class TemplateId : std::uint8_t {
  kClassic,  // serif body, centred name, ruled section headings
  kModern,   // sans-serif, left-aligned name, accent-coloured headings
};

enum class PageSize : std::uint8_t { kA4, kLetter };

struct RenderOptions {
  TemplateId template_id = TemplateId::kClassic;
  PageSize page_size = PageSize::kA4;
};

// One item of the contact line: "jane@example.com", "+49 30 1234567", "Berlin, Germany",
// "linkedin.com/in/jane". url is set for items that link somewhere (mailto:, tel:, https:).
struct ContactItem {
  std::string text;
  std::optional<std::string> url;
};

// A role, a degree, a project or a certification.
//   heading     "Senior Backend Engineer"            (bold)
//   subheading  "Acme GmbH, Berlin"                   (may be empty)
//   dates       "Mar 2019 – Present"                  (right-aligned or after the heading; may be
//                                                      empty)
//   paragraphs  prose under the entry (description)
//   bullets     highlights, in order
struct Entry {
  std::string heading;
  std::string subheading;
  std::string dates;
  std::vector<std::string> paragraphs;
  std::vector<std::string> bullets;
};

enum class BlockKind : std::uint8_t {
  kParagraph,  // text, with an optional bold lead-in label: "Technical: Python, SQL"
  kBullets,    // items
  kEntry,      // entry
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string label;               // kParagraph: bold lead-in, without the colon; may be empty
  std::string text;                // kParagraph
  std::vector<std::string> items;  // kBullets
  Entry entry;                     // kEntry
};

struct Section {
  std::string id;     // stable, not shown: "summary", "experience", "education", "skills"...
  std::string title;  // the localised heading: "Experience", "Berufserfahrung"
  std::vector<Block> blocks;
};

// The parts of a letter, after the shared header. Rendered in this order.
struct Letter {
  std::vector<std::string> recipient;  // "Hiring team", "Acme GmbH", "Berlin"; may be empty
  std::string date;                    // localised: "27 November 2026", "27. November 2026"
  std::string subject;                 // "Application for Senior Backend Engineer"
  std::string salutation;              // "Dear Hiring Manager,"
  std::vector<std::string> paragraphs;
  std::string closing;    // "Kind regards,"
  std::string signature;  // the candidate's name
};

enum class DocumentKind : std::uint8_t { kCv, kCoverLetter };

struct Document {
  DocumentKind kind = DocumentKind::kCv;
  std::string language = "en";  // BCP 47 primary tag; the document's lang attribute / metadata
  std::string title;            // metadata title: "Jane Doe – CV"
  std::string author;           // metadata author: the candidate's name (may be empty)
  // Header, shared by both kinds.
  std::string name;      // the candidate's name, large; may be empty
  std::string headline;  // under the name; may be empty
  std::vector<ContactItem> contact;
  // kCv: the sections in order. kCoverLetter: letter (sections empty).
  std::vector<Section> sections;
  Letter letter;
};

}  // namespace jc::generation
