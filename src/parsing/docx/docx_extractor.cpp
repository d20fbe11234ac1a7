#include "parsing/docx/docx_extractor.hpp"

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "parsing/docx/docx_styles.hpp"
#include "parsing/docx/docx_walker.hpp"
#include "parsing/docx/line_sink.hpp"
#include "parsing/docx/safe_xml.hpp"
#include "parsing/docx/zip_reader.hpp"

namespace jc::parsing {
namespace {

constexpr const char* kDocumentPart = "word/document.xml";
constexpr const char* kStylesPart = "word/styles.xml";
constexpr const char* kRelationshipsPart = "word/_rels/document.xml.rels";
constexpr std::size_t kMaxHeaderParts = 16;

// An XML part and the buffer pugixml parsed in place (the document points into it).
struct XmlPart {
  std::string buffer;
  pugi::xml_document doc;
};

Status LoadPart(ZipReader& zip, const std::string& name, XmlPart& part) {
  auto bytes = zip.Read(name);
  if (!bytes) return std::move(bytes).error();
  part.buffer = std::move(*bytes);
  return ParseSafeXml(part.buffer, part.doc, name);
}

// The part a relationship id points to, as a ZIP entry name; empty when it is external.
std::string RelationshipTarget(const pugi::xml_document& rels, const std::string& id) {
  for (pugi::xml_node rel : rels.child("Relationships").children("Relationship")) {
    if (id != rel.attribute("Id").value()) continue;
    if (std::string_view(rel.attribute("TargetMode").value()) == "External") return {};
    std::string target = rel.attribute("Target").value();
    if (target.starts_with('/')) return target.substr(1);
    return "word/" + target;
  }
  return {};
}

Status WalkHeaderParts(ZipReader& zip, const pugi::xml_document& rels,
                       const std::vector<std::string>& ids, const char* root_name, LineRole role,
                       const DocxStyles& styles, const ExtractLimits& limits, LineSink& sink) {
  std::size_t walked = 0;
  for (const std::string& id : ids) {
    const std::string target = RelationshipTarget(rels, id);
    if (target.empty() || !zip.Contains(target) || ++walked > kMaxHeaderParts) continue;
    XmlPart part;
    JC_RETURN_IF_ERROR(LoadPart(zip, target, part));
    DocxWalker walker(styles, limits, sink, role);
    walker.WalkBlocks(part.doc.child(root_name), 1);
  }
  return {};
}

}  // namespace

Result<Document> ExtractDocx(std::string_view bytes, const ExtractLimits& limits) {
  auto zip = ZipReader::Open(bytes, limits);
  if (!zip) return std::move(zip).error();
  XmlPart document;
  JC_RETURN_IF_ERROR(LoadPart(*zip, kDocumentPart, document));
  const pugi::xml_node body = document.doc.child("w:document").child("w:body");
  if (!body) return UnreadableDocument("word/document.xml has no w:body");

  XmlPart styles_part;
  if (zip->Contains(kStylesPart)) JC_RETURN_IF_ERROR(LoadPart(*zip, kStylesPart, styles_part));
  const DocxStyles styles = DocxStyles::Parse(styles_part.doc.child("w:styles"));

  LineSink sink(limits);
  DocxWalker walker(styles, limits, sink, std::nullopt);
  walker.WalkBlocks(body, 2);

  if (!sink.Failed() && zip->Contains(kRelationshipsPart) &&
      !(walker.header_ids().empty() && walker.footer_ids().empty())) {
    XmlPart rels;
    JC_RETURN_IF_ERROR(LoadPart(*zip, kRelationshipsPart, rels));
    JC_RETURN_IF_ERROR(WalkHeaderParts(*zip, rels.doc, walker.header_ids(), "w:hdr",
                                       LineRole::kHeader, styles, limits, sink));
    JC_RETURN_IF_ERROR(WalkHeaderParts(*zip, rels.doc, walker.footer_ids(), "w:ftr",
                                       LineRole::kFooter, styles, limits, sink));
  }
  return sink.Finish(FileKind::kDocx);
}

}  // namespace jc::parsing
