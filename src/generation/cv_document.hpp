// BuildCvDocument: lays a profile out as a CV Document (generation/document.hpp) in one
// language. It adds no facts: every string comes from the profile, the labels (section titles,
// "Present", month names) or punctuation. Tailoring (choosing and ordering content) happens
// before, on the profile; this only presents it.
//
// Section ids and entry meanings, which the truthfulness check relies on:
//   "summary"        one paragraph
//   "experience"     entries: heading = title (or the company when there is no title),
//                    subheading = "Company, Location", dates, paragraphs = description,
//                    bullets = highlights
//   "education"      entries: heading = degree (with the field), subheading = institution,
//                    dates, paragraphs = "Grade: ..."
//   "skills"         paragraphs labelled Technical / Soft skills
//   "languages"      one paragraph: "German (native), English (C2)"
//   "certifications" bullets: "Name – Issuer, Mar 2021"
//   "projects"       entries: heading = name, subheading = url, paragraphs = description and
//                    "Technologies: ..."
//
// Pure function; thread-safe.
#pragma once

#include "domain/profile.hpp"
#include "generation/document.hpp"
#include "generation/labels.hpp"

namespace jc::generation {

Document BuildCvDocument(const domain::Profile& profile, const Labels& labels);

// The header shared by the CV and the cover letter: name, headline, contact items (email,
// phone, location, links without their scheme), title and author metadata.
void FillHeader(const domain::Profile& profile, std::string_view document_name, Document& document);

}  // namespace jc::generation
