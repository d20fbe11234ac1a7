#include "generation/docx/docx_renderer.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "support/sample_documents.hpp"
#include "support/shell.hpp"

namespace jc::generation {
namespace {

namespace fs = std::filesystem;

// python-docx is a Debian package (python3-docx); the pyenv python first in PATH lacks it.
constexpr const char* kPython = "/usr/bin/python3";

using Command = testing::ShellResult;

std::string Quote(const fs::path& path) {
  return "'" + path.string() + "'";
}

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "jc-docx-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

fs::path WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string Render(const Document& doc, RenderOptions options = {}) {
  Result<std::string> bytes = RenderDocx(doc, options);
  EXPECT_TRUE(bytes.has_value()) << (bytes ? "" : bytes.error().message);
  return bytes ? *bytes : std::string();
}

// The parts of a ZIP archive read with libzip, in archive order.
std::vector<std::pair<std::string, std::string>> Unzip(const std::string& bytes) {
  std::vector<std::pair<std::string, std::string>> parts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (zip == nullptr) {
    if (source) zip_source_free(source);
    ADD_FAILURE() << "not a readable ZIP archive";
    return parts;
  }
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t stat;
    zip_stat_init(&stat);
    zip_file_t* file = zip_fopen_index(zip, index, 0);
    if (zip_stat_index(zip, index, 0, &stat) != 0 || file == nullptr) {
      ADD_FAILURE() << "unreadable entry " << i;
      if (file) zip_fclose(file);
      continue;
    }
    std::string data(stat.size, '\0');
    const zip_int64_t read = zip_fread(file, data.data(), stat.size);
    zip_fclose(file);
    EXPECT_EQ(read, static_cast<zip_int64_t>(stat.size)) << stat.name;
    parts.emplace_back(stat.name, std::move(data));
  }
  zip_close(zip);
  return parts;
}

std::optional<std::string> Part(const std::string& docx, const std::string& name) {
  for (auto& [part, data] : Unzip(docx)) {
    if (part == name) return data;
  }
  return std::nullopt;
}

// Parses an XML part; a parse failure fails the calling test.
pugi::xml_document ParseXml(const std::string& xml, const std::string& what) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  EXPECT_TRUE(parsed) << what << ": " << parsed.description() << " at " << parsed.offset;
  return doc;
}

pugi::xml_document PartXml(const std::string& docx, const std::string& name) {
  const std::optional<std::string> part = Part(docx, name);
  EXPECT_TRUE(part.has_value()) << "missing part " << name;
  return ParseXml(part.value_or(""), name);
}

// Every part named in [Content_Types].xml exists, every part has a content type, every XML
// part parses and every internal relationship target exists.
void ExpectValidPackage(const std::string& docx, const std::string& what) {
  SCOPED_TRACE(what);
  const auto parts = Unzip(docx);
  ASSERT_FALSE(parts.empty());
  EXPECT_EQ(parts.front().first, "[Content_Types].xml");
  std::vector<std::string> names;
  for (const auto& [name, data] : parts) {
    names.push_back(name);
    ParseXml(data, name);
  }
  const auto has = [&](const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  const pugi::xml_document types = PartXml(docx, "[Content_Types].xml");
  std::vector<std::string> overrides, defaults;
  for (pugi::xml_node node : types.child("Types").children("Override")) {
    const std::string part = node.attribute("PartName").value();
    ASSERT_FALSE(part.empty());
    EXPECT_TRUE(has(part.substr(1))) << "listed but missing: " << part;
    overrides.push_back(part.substr(1));
  }
  for (pugi::xml_node node : types.child("Types").children("Default")) {
    defaults.push_back(node.attribute("Extension").value());
  }
  EXPECT_GE(overrides.size(), 7u);
  for (const std::string& name : names) {
    if (name == "[Content_Types].xml") continue;
    const std::string extension = name.substr(name.rfind('.') + 1);
    const bool typed = std::find(overrides.begin(), overrides.end(), name) != overrides.end() ||
                       std::find(defaults.begin(), defaults.end(), extension) != defaults.end();
    EXPECT_TRUE(typed) << "no content type for " << name;
  }
  for (const auto& [rels, base] : {std::pair<std::string, std::string>{"_rels/.rels", ""},
                                   {"word/_rels/document.xml.rels", "word/"}}) {
    const pugi::xml_document doc = PartXml(docx, rels);
    for (pugi::xml_node rel : doc.child("Relationships").children("Relationship")) {
      if (std::string_view(rel.attribute("TargetMode").value()) == "External") continue;
      EXPECT_TRUE(has(base + rel.attribute("Target").value()))
          << rels << " -> " << rel.attribute("Target").value();
    }
  }
}

// The paragraphs of a DOCX as python-docx reads them: style name and text ("\t" for tabs,
// "\n" for line breaks), plus core title and author as two first lines.
struct PythonView {
  int exit_code = -1;
  std::string title, author;
  std::vector<std::pair<std::string, std::string>> paragraphs;
  std::string raw;
};

constexpr const char* kDumpScript = R"(import sys
import docx
sys.stdout.reconfigure(encoding="utf-8")
d = docx.Document(sys.argv[1])
print(d.core_properties.title + "\x1f" + d.core_properties.author)
for p in d.paragraphs:
    print(p.style.name + "\x1f" + p.text.replace("\n", "\x1e"))
)";

PythonView ReadWithPythonDocx(const fs::path& dir, const fs::path& docx) {
  const fs::path script = WriteFile(dir / "dump.py", kDumpScript);
  // python's warnings on stderr must not mix with the dump.
  const Command run = testing::Shell("{ " + std::string(kPython) + " " + Quote(script) + " " +
                                     Quote(docx) + " 2>/dev/null; }");
  PythonView view;
  view.exit_code = run.exit_code;
  view.raw = run.out;
  std::istringstream lines(run.out);
  bool first = true;
  for (std::string line; std::getline(lines, line);) {
    const auto sep = line.find('\x1f');
    if (sep == std::string::npos) continue;
    std::string left = line.substr(0, sep), right = line.substr(sep + 1);
    for (char& c : right) {
      if (c == '\x1e') c = '\n';
    }
    if (first) {
      view.title = left;
      view.author = right;
      first = false;
    } else {
      view.paragraphs.emplace_back(std::move(left), std::move(right));
    }
  }
  return view;
}

// What python-docx should read for SampleCv: built from the Document, the layout the renderer
// promises (contact items joined by " · " or a line break, "heading\tdates", "Label: text").
std::vector<std::pair<std::string, std::string>> ExpectedCvParagraphs(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> out = {{"Title", doc.name},
                                                          {"Subtitle", doc.headline}};
  std::string contact;
  for (const ContactItem& item : doc.contact) contact += (contact.empty() ? "" : " · ") + item.text;
  out.emplace_back("Contact Info", contact);
  for (const Section& section : doc.sections) {
    out.emplace_back("Heading 1", section.title);
    for (const Block& block : section.blocks) {
      switch (block.kind) {
        case BlockKind::kParagraph:
          out.emplace_back("Normal",
                           block.label.empty() ? block.text : block.label + ": " + block.text);
          break;
        case BlockKind::kBullets:
          for (const std::string& item : block.items) out.emplace_back("List Bullet", item);
          break;
        case BlockKind::kEntry: {
          const Entry& e = block.entry;
          out.emplace_back("Heading 2", e.dates.empty() ? e.heading : e.heading + "\t" + e.dates);
          out.emplace_back("Entry Details", e.subheading);
          for (const std::string& p : e.paragraphs) out.emplace_back("Normal", p);
          for (const std::string& b : e.bullets) out.emplace_back("List Bullet", b);
          break;
        }
      }
    }
  }
  return out;
}

std::string ContactAsOneLine(std::string text) {
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
    text.replace(at, 1, " · ");
  }
  return text;
}

class DocxTemplateTest : public ::testing::TestWithParam<TemplateId> {};

INSTANTIATE_TEST_SUITE_P(Templates, DocxTemplateTest,
                         ::testing::Values(TemplateId::kClassic, TemplateId::kModern),
                         [](const auto& param_info) {
                           return param_info.param == TemplateId::kClassic ? std::string("Classic")
                                                                           : std::string("Modern");
                         });

TEST_P(DocxTemplateTest, SampleCvIsAValidPackage) {
  ExpectValidPackage(Render(testing::SampleCv(), {GetParam(), PageSize::kA4}), "SampleCv");
  ExpectValidPackage(Render(testing::SampleLetter(), {GetParam(), PageSize::kLetter}),
                     "SampleLetter");
}

TEST_P(DocxTemplateTest, PythonDocxReadsParagraphsStylesAndProperties) {
  TempDir dir;
  const Document cv = testing::SampleCv();
  const fs::path file = WriteFile(dir.path() / "cv.docx", Render(cv, {GetParam()}));
  const PythonView view = ReadWithPythonDocx(dir.path(), file);
  ASSERT_EQ(view.exit_code, 0) << view.raw;
  EXPECT_EQ(view.title, cv.title);
  EXPECT_EQ(view.author, cv.author);

  const auto expected = ExpectedCvParagraphs(cv);
  ASSERT_EQ(view.paragraphs.size(), expected.size()) << view.raw;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("paragraph " + std::to_string(i));
    EXPECT_EQ(view.paragraphs[i].first, expected[i].first);
    const std::string text = expected[i].first == "Contact Info"
                                 ? ContactAsOneLine(view.paragraphs[i].second)
                                 : view.paragraphs[i].second;
    EXPECT_EQ(text, expected[i].second);
  }
}

TEST(DocxRenderer, PythonDocxOpensTheLetterAndEveryHostileDocument) {
  TempDir dir;
  std::vector<std::pair<std::string, Document>> docs = testing::HostileDocuments();
  docs.emplace_back("sample_letter", testing::SampleLetter());
  for (const auto& [name, doc] : docs) {
    for (TemplateId id : {TemplateId::kClassic, TemplateId::kModern}) {
      SCOPED_TRACE(name);
      const std::string bytes = Render(doc, {id});
      ExpectValidPackage(bytes, name);
      const fs::path file = WriteFile(
          dir.path() / (name + (id == TemplateId::kClassic ? "_classic" : "_modern") + ".docx"),
          bytes);
      const PythonView view = ReadWithPythonDocx(dir.path(), file);
      EXPECT_EQ(view.exit_code, 0) << view.raw;
      EXPECT_FALSE(view.paragraphs.empty());
    }
  }
}

TEST(DocxRenderer, LetterParagraphsInOrder) {
  TempDir dir;
  const Document letter = testing::SampleLetter();
  const fs::path file = WriteFile(dir.path() / "letter.docx", Render(letter));
  const PythonView view = ReadWithPythonDocx(dir.path(), file);
  ASSERT_EQ(view.exit_code, 0) << view.raw;
  std::vector<std::string> expected = letter.letter.recipient;
  expected.push_back(letter.letter.date);
  expected.push_back(letter.letter.subject);
  expected.push_back(letter.letter.salutation);
  expected.insert(expected.end(), letter.letter.paragraphs.begin(), letter.letter.paragraphs.end());
  expected.push_back(letter.letter.closing);
  expected.push_back(letter.letter.signature);
  ASSERT_EQ(view.paragraphs.size(), expected.size() + 3) << view.raw;
  EXPECT_EQ(view.paragraphs[0].second, letter.name);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(view.paragraphs[i + 3].second, expected[i]) << i;
  }
}

TEST(DocxRenderer, PageSizeFollowsOptions) {
  for (const auto& [size, width, height] :
       {std::tuple{PageSize::kA4, 11906, 16838}, std::tuple{PageSize::kLetter, 12240, 15840}}) {
    const pugi::xml_document body =
        PartXml(Render(testing::SampleCv(), {TemplateId::kClassic, size}), "word/document.xml");
    const pugi::xml_node sect = body.child("w:document").child("w:body").child("w:sectPr");
    EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), width);
    EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), height);
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) {
      const int margin = sect.child("w:pgMar").attribute(side).as_int();
      EXPECT_GE(margin, 1020) << side;  // 18 mm
      EXPECT_LE(margin, 1134) << side;  // 20 mm
    }
  }
}

TEST(DocxRenderer, LanguageGoesToStylesSettingsAndCore) {
  Document doc = testing::SampleCv();
  doc.language = "de";
  const std::string bytes = Render(doc);
  const pugi::xml_document styles = PartXml(bytes, "word/styles.xml");
  EXPECT_STREQ(styles.select_node("//w:docDefaults/w:rPrDefault/w:rPr/w:lang")
                   .node()
                   .attribute("w:val")
                   .value(),
               "de");
  const pugi::xml_document core = PartXml(bytes, "docProps/core.xml");
  EXPECT_STREQ(core.select_node("//dc:language").node().text().get(), "de");

  doc.language = "de\"><evil/>";
  const pugi::xml_document fallback = PartXml(Render(doc), "docProps/core.xml");
  EXPECT_STREQ(fallback.select_node("//dc:language").node().text().get(), "en");
}

TEST(DocxRenderer, CoreAndAppProperties) {
  Document doc = testing::SampleCv();
  doc.title = "Jane <Doe> & \"Co\" – CV";
  const std::string bytes = Render(doc);
  const pugi::xml_document core = PartXml(bytes, "docProps/core.xml");
  EXPECT_EQ(std::string(core.select_node("//dc:title").node().text().get()), doc.title);
  EXPECT_EQ(std::string(core.select_node("//dc:creator").node().text().get()), doc.author);
  const pugi::xml_document app = PartXml(bytes, "docProps/app.xml");
  EXPECT_STREQ(app.child("Properties").child_value("Application"), "Job Copilot");
}

TEST(DocxRenderer, StylesAreRealHeadingAndBulletListStyles) {
  const std::string bytes = Render(testing::SampleCv());
  const pugi::xml_document styles = PartXml(bytes, "word/styles.xml");
  const auto style = [&](const char* id) {
    return styles.select_node((std::string("//w:style[@w:styleId='") + id + "']").c_str()).node();
  };
  EXPECT_STREQ(style("Heading1").child("w:name").attribute("w:val").value(), "heading 1");
  EXPECT_STREQ(style("Heading1").child("w:pPr").child("w:outlineLvl").attribute("w:val").value(),
               "0");
  EXPECT_STREQ(style("Heading2").child("w:name").attribute("w:val").value(), "heading 2");
  EXPECT_STREQ(style("Title").child("w:name").attribute("w:val").value(), "Title");
  EXPECT_STREQ(style("Subtitle").child("w:name").attribute("w:val").value(), "Subtitle");
  EXPECT_STREQ(style("Normal").attribute("w:default").value(), "1");
  const pugi::xml_node bullet = style("ListBullet");
  EXPECT_STREQ(bullet.child("w:name").attribute("w:val").value(), "List Bullet");
  const std::string num_id =
      bullet.child("w:pPr").child("w:numPr").child("w:numId").attribute("w:val").value();
  ASSERT_FALSE(num_id.empty());

  const pugi::xml_document numbering = PartXml(bytes, "word/numbering.xml");
  const pugi::xml_node num =
      numbering.select_node(("//w:num[@w:numId='" + num_id + "']").c_str()).node();
  ASSERT_TRUE(num);
  const std::string abstract_id = num.child("w:abstractNumId").attribute("w:val").value();
  const pugi::xml_node level =
      numbering
          .select_node(("//w:abstractNum[@w:abstractNumId='" + abstract_id + "']/w:lvl").c_str())
          .node();
  EXPECT_STREQ(level.child("w:numFmt").attribute("w:val").value(), "bullet");
  EXPECT_STREQ(level.child("w:pStyle").attribute("w:val").value(), "ListBullet");

  // Every style a paragraph or run uses is defined.
  const pugi::xml_document body = PartXml(bytes, "word/document.xml");
  for (const pugi::xpath_node& used : body.select_nodes("//w:pStyle | //w:rStyle")) {
    const char* id = used.node().attribute("w:val").value();
    EXPECT_TRUE(style(id)) << id;
  }
}

TEST(DocxRenderer, TemplatesDiffer) {
  const pugi::xml_document classic =
      PartXml(Render(testing::SampleCv(), {TemplateId::kClassic}), "word/styles.xml");
  const pugi::xml_document modern =
      PartXml(Render(testing::SampleCv(), {TemplateId::kModern}), "word/styles.xml");
  const char* font = "//w:docDefaults/w:rPrDefault/w:rPr/w:rFonts";
  EXPECT_STREQ(classic.select_node(font).node().attribute("w:ascii").value(), "Times New Roman");
  EXPECT_STREQ(modern.select_node(font).node().attribute("w:ascii").value(), "Arial");
  const char* title_jc = "//w:style[@w:styleId='Title']/w:pPr/w:jc";
  EXPECT_STREQ(classic.select_node(title_jc).node().attribute("w:val").value(), "center");
  EXPECT_FALSE(modern.select_node(title_jc));
  const char* caps = "//w:style[@w:styleId='Heading1']/w:rPr/w:caps";
  EXPECT_TRUE(classic.select_node(caps));
  EXPECT_FALSE(modern.select_node(caps));
  const char* rule = "//w:style[@w:styleId='Heading1']/w:pPr/w:pBdr/w:bottom";
  EXPECT_TRUE(classic.select_node(rule));
}

TEST(DocxRenderer, EmptyStringsAndEmptySectionsProduceNothing) {
  Document doc;
  doc.name = "Jane Doe";
  doc.sections.push_back({"experience", "Experience", {}});
  Block empty_paragraph;
  empty_paragraph.label = "Technical";
  empty_paragraph.text = "  ";
  Block empty_bullets;
  empty_bullets.kind = BlockKind::kBullets;
  empty_bullets.items = {"", " ", "\t"};
  Block empty_entry;
  empty_entry.kind = BlockKind::kEntry;
  empty_entry.entry.paragraphs = {""};
  doc.sections.push_back({"skills", "Skills", {empty_paragraph, empty_bullets, empty_entry}});
  Block real;
  real.text = "Go";
  doc.sections.push_back({"tools", "", {real}});  // no title: the content stays, no heading
  const pugi::xml_document body = PartXml(Render(doc), "word/document.xml");
  EXPECT_FALSE(body.select_node("//w:pStyle[@w:val='Heading1']"));
  std::vector<std::string> texts;
  for (const pugi::xpath_node& p : body.select_nodes("//w:p")) {
    std::string text;
    for (const pugi::xpath_node& t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
    texts.push_back(text);
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"Jane Doe", "Go"}));
}

TEST(DocxRenderer, EntryHeadingCarriesDatesAtARightTabAtTheTextWidth) {
  const std::string bytes = Render(testing::SampleCv(), {TemplateId::kModern, PageSize::kLetter});
  const pugi::xml_document body = PartXml(bytes, "word/document.xml");
  const pugi::xml_node entry = body.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading2']").node();
  ASSERT_TRUE(entry);
  EXPECT_TRUE(entry.select_node(".//w:tab"));
  const pugi::xml_document styles = PartXml(bytes, "word/styles.xml");
  const pugi::xml_node tab =
      styles.select_node("//w:style[@w:styleId='Heading2']/w:pPr/w:tabs/w:tab").node();
  EXPECT_STREQ(tab.attribute("w:val").value(), "right");
  const pugi::xml_node margins = body.select_node("//w:sectPr/w:pgMar").node();
  EXPECT_EQ(tab.attribute("w:pos").as_int(),
            12240 - margins.attribute("w:left").as_int() - margins.attribute("w:right").as_int());
}

TEST(DocxRenderer, MarkupInTextIsEscaped) {
  Document doc = testing::SampleCv();
  const std::string hostile = "<script>alert('x')</script> & \"q\" ]]> <w:p/>";
  doc.sections[0].blocks[0].text = hostile;
  const pugi::xml_document body = PartXml(Render(doc), "word/document.xml");
  bool found = false;
  for (const pugi::xpath_node& t : body.select_nodes("//w:t")) {
    found = found || std::string(t.node().text().get()) == hostile;
  }
  EXPECT_TRUE(found);
}

TEST(DocxRenderer, ContactLinksAreHyperlinkFieldsOnlyForSafeUrls) {
  Document doc;
  doc.name = "Jane Doe";
  doc.contact = {{"jane@example.com", "mailto:jane@example.com"},
                 {"evil", "javascript:alert(1)"},
                 {"site", "https://example.com/a b\"c<d>%zz"},
                 {"Berlin", std::nullopt}};
  const pugi::xml_document body = PartXml(Render(doc), "word/document.xml");
  std::vector<std::string> fields;
  for (const pugi::xpath_node& node : body.select_nodes("//w:instrText")) {
    fields.emplace_back(node.node().text().get());
  }
  EXPECT_EQ(fields, (std::vector<std::string>{
                        " HYPERLINK \"mailto:jane@example.com\" ",
                        " HYPERLINK \"https://example.com/a%20b%22c%3Cd%3E%25zz\" ",
                    }));
}

TEST(DocxRenderer, OutputIsDeterministicAndThreadSafe) {
  const Document cv = testing::SampleCv();
  const std::string expected = Render(cv);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(Render(cv), expected);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int& count : mismatches) {
    threads.emplace_back([&cv, &expected, &count] {
      for (int i = 0; i < 20; ++i) {
        Result<std::string> bytes = RenderDocx(cv, {});
        if (!bytes || *bytes != expected) ++count;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(DocxRenderer, HostileDocumentsKeepTheirText) {
  for (const auto& [name, doc] : testing::HostileDocuments()) {
    SCOPED_TRACE(name);
    const std::string bytes = Render(doc);
    ExpectValidPackage(bytes, name);
    if (name == "long_bullets") {
      const std::optional<std::string> body = Part(bytes, "word/document.xml");
      ASSERT_TRUE(body);
      EXPECT_NE(body->find(std::string(10'000, 'x')), std::string::npos);
    }
    if (name == "two_hundred_roles") {
      const pugi::xml_document body = PartXml(bytes, "word/document.xml");
      EXPECT_EQ(body.select_nodes("//w:pStyle[@w:val='Heading2']").size(), 200u + 3u);
    }
  }
}

// LibreOffice is slow (about 1.5 s per conversion): one conversion per template.
TEST_P(DocxTemplateTest, LibreOfficeConvertsToPdf) {
  TempDir dir;
  const PageSize size = GetParam() == TemplateId::kClassic ? PageSize::kA4 : PageSize::kLetter;
  const Document cv = testing::SampleCv();
  const fs::path file = WriteFile(dir.path() / "cv.docx", Render(cv, {GetParam(), size}));
  const fs::path profile = dir.path() / "lo-profile";
  const Command convert = testing::Shell(
      "libreoffice -env:UserInstallation=file://" + profile.string() +
      " --headless --convert-to pdf --outdir " + Quote(dir.path()) + " " + Quote(file));
  ASSERT_EQ(convert.exit_code, 0) << convert.out;
  const fs::path pdf = dir.path() / "cv.pdf";
  ASSERT_TRUE(fs::exists(pdf)) << convert.out;
  const Command text = testing::Shell("pdftotext -enc UTF-8 " + Quote(pdf) + " -");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find(cv.name), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Junior Software Engineer"), std::string::npos);
  EXPECT_NE(text.out.find("Nordlicht Logistics GmbH"), std::string::npos);
  const Command info = testing::Shell("pdfinfo " + Quote(pdf));
  EXPECT_NE(info.out.find(size == PageSize::kA4 ? "(A4)" : "(letter)"), std::string::npos)
      << info.out;
}

}  // namespace
}  // namespace jc::generation
