// Maps the domain Profile and Feedback (domain/profile.hpp) to the contract's JSON models and
// back. The contract carries dates as "YYYY-MM" / "YYYY" strings; the request validation has
// already checked their format (schema format "partial-date"), so FromDto drops nothing valid.
// Pure functions; thread-safe.
#pragma once

#include "api/dto/profile_dto.hpp"
#include "domain/profile.hpp"

namespace jc::api {

Profile ToDto(const domain::Profile& profile);
Feedback ToDto(const domain::Feedback& feedback);
domain::Profile FromDto(const Profile& profile);

}  // namespace jc::api
