#include "parsing/docx/safe_xml.hpp"

#include "parsing/docx/zip_reader.hpp"

namespace jc::parsing {

Status ParseSafeXml(std::string& buffer, pugi::xml_document& doc, const std::string& part) {
  const pugi::xml_parse_result result =
      doc.load_buffer_inplace(buffer.data(), buffer.size(), kSafeXmlFlags, pugi::encoding_auto);
  if (!result) return UnreadableDocument("the package part " + part + " is not valid XML");
  return {};
}

}  // namespace jc::parsing
