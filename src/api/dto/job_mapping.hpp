// Maps the domain Job, Requirements, Fit and Suggestion (domain/job.hpp, domain/fit.hpp) to and
// from the contract's JSON models. Pure functions; thread-safe.
#pragma once

#include "api/dto/job_dto.hpp"
#include "domain/fit.hpp"
#include "domain/job.hpp"

namespace jc::api {

domain::Job FromDto(const JobData& job);
Requirements ToDto(const domain::Requirements& requirements);
Fit ToDto(const domain::Fit& fit);
Suggestion ToDto(const domain::Suggestion& suggestion);

}  // namespace jc::api
