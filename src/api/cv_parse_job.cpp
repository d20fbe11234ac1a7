#include "api/cv_parse_job.hpp"

#include <charconv>
#include <chrono>

#include "api/dto/cv_dto.hpp"
#include "api/dto/profile_mapping.hpp"
#include "parsing/extract.hpp"
#include "schema/schema.hpp"

namespace jc::api {
namespace {

// A job is a text header, one field per line, then the bytes:
//   "jc-parse-2\n<declared type>\n<as of YYYY-MM>\n<max pages>\n<text: 0|1>\n" <file bytes>
constexpr std::string_view kMagic = "jc-parse-2";

struct DecodedJob {
  std::string_view bytes;
  std::string_view declared_type;
  domain::PartialDate as_of;
  int max_pages = 50;
  bool with_text = false;
};

std::optional<std::string_view> NextLine(std::string_view& rest) {
  const auto nl = rest.find('\n');
  if (nl == std::string_view::npos) return std::nullopt;
  const auto line = rest.substr(0, nl);
  rest.remove_prefix(nl + 1);
  return line;
}

std::optional<DecodedJob> DecodeParseJob(std::string_view in) {
  DecodedJob job;
  const auto magic = NextLine(in);
  const auto type = NextLine(in);
  const auto as_of = NextLine(in);
  const auto pages = NextLine(in);
  const auto with_text = NextLine(in);
  if (!magic || *magic != kMagic || !type || !as_of || !pages || !with_text ||
      (*with_text != "0" && *with_text != "1")) {
    return std::nullopt;
  }
  const auto date = domain::PartialDate::Parse(*as_of);
  if (!date) return std::nullopt;
  const auto [end, ec] =
      std::from_chars(pages->data(), pages->data() + pages->size(), job.max_pages);
  if (ec != std::errc() || end != pages->data() + pages->size() || job.max_pages < 1) {
    return std::nullopt;
  }
  job.declared_type = *type;
  job.with_text = *with_text == "1";
  job.as_of = *date;
  job.bytes = in;
  return job;
}

std::optional<FileType> ToFileType(parsing::FileKind kind) {
  switch (kind) {
    case parsing::FileKind::kPdf:
      return FileType::pdf;
    case parsing::FileKind::kDocx:
      return FileType::docx;
    case parsing::FileKind::kOdt:
      return FileType::odt;
    case parsing::FileKind::kRtf:
      return FileType::rtf;
    case parsing::FileKind::kHtml:
      return FileType::html;
    case parsing::FileKind::kText:
      return FileType::txt;
  }
  return std::nullopt;
}

}  // namespace

std::string EncodeParseJob(const ParseJob& job) {
  std::string out;
  out.reserve(job.bytes.size() + 64);
  out += kMagic;
  out += '\n';
  out += job.declared_type;
  out += '\n';
  out += job.as_of.ToString();
  out += '\n';
  out += std::to_string(job.max_pages);
  out += '\n';
  out += job.with_text ? '1' : '0';
  out += '\n';
  out += job.bytes;
  return out;
}

CvParseEngine::CvParseEngine(const nlp::Taxonomy& taxonomy, std::string dictionary_dir)
    : matcher_(taxonomy), spelling_(std::move(dictionary_dir)), parser_(matcher_, &spelling_) {}

Result<std::string> CvParseEngine::Run(std::string_view encoded_job) {
  const auto job = DecodeParseJob(encoded_job);
  if (!job) {
    return Error::Make(ErrorCode::kValidation, "the parse job could not be decoded",
                       "bad_parse_job");
  }
  parsing::ExtractLimits limits;
  limits.max_pages = job->max_pages;
  auto doc = parsing::ExtractDocument(job->bytes, job->declared_type, limits);
  if (!doc) return doc.error();

  const auto parsed = parser_.Parse(*doc, {.as_of = job->as_of});
  ParseCvResponse response;
  response.profileData = ToDto(parsed.profile);
  response.feedback = ToDto(parsed.feedback);
  response.fieldDetails.reserve(parsed.fields.size());
  for (const auto& f : parsed.fields) {
    response.fieldDetails.push_back({f.field, f.confidence, f.page, f.line});
  }
  if (parsed.phone) {
    response.normalized.phoneE164 = parsed.phone->e164;
    response.normalized.phoneRegion = parsed.phone->region;
  }
  response.meta.fileType = ToFileType(doc->kind);
  response.meta.pages = doc->pages;
  if (!parsed.language.empty()) response.meta.language = parsed.language;
  response.meta.textChars = static_cast<int>(doc->TextChars());
  response.meta.warnings = doc->warnings;
  std::string reply = schema::EncodeJson(response);
  if (job->with_text) {
    reply.reserve(reply.size() + 1 + doc->TextChars() + doc->lines.size());
    reply += '\0';
    for (const auto& line : doc->lines) {
      reply += line.text;
      reply += '\n';
    }
  }
  return reply;
}

ParseReply SplitParseReply(std::string_view reply) {
  const auto nul = reply.find('\0');
  if (nul == std::string_view::npos) return {reply, {}};
  return {reply.substr(0, nul), reply.substr(nul + 1)};
}

domain::PartialDate CurrentMonth() {
  const auto today = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return {static_cast<int>(today.year()), static_cast<int>(static_cast<unsigned>(today.month()))};
}

}  // namespace jc::api
