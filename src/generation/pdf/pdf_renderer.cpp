#include "generation/pdf/pdf_renderer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <new>
#include <string_view>

#include "generation/clean_text.hpp"
#include "generation/pdf/pdf_compose.hpp"
#include "generation/pdf/pdf_flow.hpp"
#include "generation/pdf/pdf_style.hpp"

namespace jc::generation {
namespace {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct ObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using ContextPtr = std::unique_ptr<PangoContext, ObjectUnref>;

std::size_t TextBytes(const Document& doc) {
  std::size_t n = doc.title.size() + doc.author.size() + doc.name.size() + doc.headline.size() +
                  doc.language.size();
  for (const ContactItem& item : doc.contact) n += item.text.size() + item.url.value_or("").size();
  for (const Section& section : doc.sections) {
    n += section.title.size();
    for (const Block& block : section.blocks) {
      n += block.label.size() + block.text.size();
      for (const std::string& item : block.items) n += item.size();
      const Entry& e = block.entry;
      n += e.heading.size() + e.subheading.size() + e.dates.size();
      for (const std::string& p : e.paragraphs) n += p.size();
      for (const std::string& b : e.bullets) n += b.size();
    }
  }
  const Letter& letter = doc.letter;
  n += letter.date.size() + letter.subject.size() + letter.salutation.size() +
       letter.closing.size() + letter.signature.size();
  for (const std::string& r : letter.recipient) n += r.size();
  for (const std::string& p : letter.paragraphs) n += p.size();
  return n;
}

// cairo's write callback: a C function, so nothing may throw through it.
cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_NO_MEMORY;
  }
}

Error CairoError(cairo_status_t status) {
  return Error::Make(ErrorCode::kInternal,
                     std::string("PDF rendering failed: ") + cairo_status_to_string(status));
}

void SetMetadata(cairo_surface_t* surface, const Document& doc) {
  if (const std::string title = CleanText(doc.title); !title.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  }
  if (const std::string author = CleanText(doc.author); !author.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author.c_str());
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Job Copilot");
}

// A pango context for cr at PDF resolution: 72 dpi, so a font size in points is a size in
// PDF units (pango assumes 96), and unrounded glyph positions, since PDF is not pixel-bound.
ContextPtr MakeContext(cairo_t* cr, const Document& doc) {
  ContextPtr context(pango_cairo_create_context(cr));
  pango_cairo_context_set_resolution(context.get(), 72);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  // The language picks script variants and fallback fonts (Japanese vs Chinese glyphs).
  if (const std::string language = CleanText(doc.language); !language.empty()) {
    pango_context_set_language(context.get(), pango_language_from_string(language.c_str()));
  }
  return context;
}

}  // namespace

Result<std::string> RenderPdf(const Document& doc, const RenderOptions& options) {
  if (TextBytes(doc) > kMaxPdfTextBytes) {
    return Error::Make(ErrorCode::kValidation,
                       "The document has too much text to render as a PDF (more than " +
                           std::to_string(kMaxPdfTextBytes / (1024 * 1024)) + " MiB).");
  }
  const pdf::Style& style = pdf::StyleFor(options.template_id);
  const pdf::PageGeometry page = pdf::GeometryFor(options.page_size, style);

  std::string pdf;
  SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(AppendToString, &pdf, page.width, page.height));
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    return CairoError(status);
  }
  SetMetadata(surface.get(), doc);
  CairoPtr cr(cairo_create(surface.get()));
  ContextPtr context = MakeContext(cr.get(), doc);

  // The flow owns the layouts: keep it until the surface is finished and written.
  pdf::Flow flow;
  pdf::Compose(doc, style, context.get(), page.ContentWidth(), flow);
  // A structure root makes cairo 1.16 write the structure tree its link annotations refer to;
  // without it the PDF has dangling object references.
  cairo_tag_begin(cr.get(), "Document", nullptr);
  flow.Render(cr.get(), page);
  cairo_tag_end(cr.get(), "Document");
  if (auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) {
    return CairoError(status);
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    return CairoError(status);
  }
  return pdf;
}

}  // namespace jc::generation
