// Maps the generation routes' wire models (generation_dto.hpp) to GenerationSettings and the
// generated documents back to JSON models (PDF and DOCX bytes as base64). Pure functions.
#pragma once

#include "api/document_generation.hpp"
#include "api/dto/generation_dto.hpp"

namespace jc::api {

// Settings from the request's options (defaults: markdown, classic, A4, professional, the
// posting's language); which documents to write is the caller's.
GenerationSettings FromDto(const std::optional<GenerateOptions>& options);

CvDocument ToDto(const GeneratedCv& cv);
CoverLetterDocument ToDto(const GeneratedLetter& letter);
TruthfulnessDto ToDto(const generation::TruthReport& report);

}  // namespace jc::api
