// Compose: turns a Document into a Flow for one template: the header (name, headline, contact
// line), then the CV's sections or the letter's parts. Every string goes through CleanText;
// text reaches pango as plain text with attributes, never as markup. Internal to the PDF
// renderer; each call builds its own Flow, so concurrent calls on distinct contexts are safe.
#pragma once

#include <pango/pango.h>

#include "generation/document.hpp"
#include "generation/pdf/pdf_flow.hpp"
#include "generation/pdf/pdf_style.hpp"

namespace jc::generation::pdf {

// Appends the boxes of doc to flow. content_width: the text column in points.
void Compose(const Document& doc, const Style& style, PangoContext* context, double content_width,
             Flow& flow);

}  // namespace jc::generation::pdf
