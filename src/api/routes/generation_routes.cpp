// Document generation routes: tailored CV, cover letter, both. Validated now; generation lands
// with the document engine.
#include "api/dto/generation_dto.hpp"
#include "api/routes/route_groups.hpp"

namespace jc::api {

void AddGenerationRoutes(Registry& r, AppServices&) {
  r.Post<GenerateRequest, GenerateCvResponse>(
      "/api/generate-cv",
      {.summary = "Generate a CV tailored to a job",
       .description = "Markdown, HTML, PDF and DOCX (only the formats asked for; default "
                      "markdown). Never states anything the profile does not support.",
       .tag = "generation",
       .errors = {501}},
      [](http::RequestContext&, GenerateRequest&) -> net::awaitable<Result<GenerateCvResponse>> {
        co_return NotImplemented("CV generation");
      });
  r.Post<GenerateRequest, GenerateCoverLetterResponse>(
      "/api/generate-cover-letter",
      {.summary = "Generate a cover letter for a job",
       .description = "Tones: professional, enthusiastic, concise. Built only from facts in the "
                      "profile.",
       .tag = "generation",
       .errors = {501}},
      [](http::RequestContext&,
         GenerateRequest&) -> net::awaitable<Result<GenerateCoverLetterResponse>> {
        co_return NotImplemented("Cover letter generation");
      });
  r.Post<GenerateRequest, GenerateDocumentsResponse>(
      "/api/generate-documents",
      {.summary = "Generate a tailored CV and a cover letter",
       .description = "The same request as generate-cv; answers both documents.",
       .tag = "generation",
       .errors = {501}},
      [](http::RequestContext&,
         GenerateRequest&) -> net::awaitable<Result<GenerateDocumentsResponse>> {
        co_return NotImplemented("Document generation");
      });
}

}  // namespace jc::api
