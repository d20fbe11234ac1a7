#include "parsing/extract.hpp"

#include "parsing/docx/docx_extractor.hpp"
#include "parsing/docx/odt_extractor.hpp"
#include "parsing/pdf/pdf_extractor.hpp"
#include "parsing/sniff.hpp"
#include "parsing/text/html_extractor.hpp"
#include "parsing/text/rtf_extractor.hpp"
#include "parsing/text/text_extractor.hpp"

namespace jc::parsing {

Result<Document> ExtractDocument(std::string_view bytes, std::string_view declared_type,
                                 const ExtractLimits& limits) {
  auto sniffed = Sniff(bytes);
  if (!sniffed) return sniffed.error();
  if (!declared_type.empty()) JC_RETURN_IF_ERROR(CheckDeclaredType(declared_type, *sniffed));
  switch (sniffed->kind) {
    case FileKind::kPdf:
      return ExtractPdf(bytes, limits);
    case FileKind::kDocx:
      return ExtractDocx(bytes, limits);
    case FileKind::kOdt:
      return ExtractOdt(bytes, limits);
    case FileKind::kRtf:
      return ExtractRtf(bytes, limits);
    case FileKind::kHtml:
      return ExtractHtml(bytes, limits);
    case FileKind::kText:
      return ExtractText(bytes, sniffed->encoding, limits);
  }
  return Error::Make(ErrorCode::kUnsupportedMediaType, "unsupported file type",
                     "unsupported_file_type");
}

}  // namespace jc::parsing
