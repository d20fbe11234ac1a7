// Profiles and postings for the generation tests and benchmarks: synthetic people in several
// professions and countries, each with a posting it fits partly. No real person's data.
#pragma once

#include "domain/job.hpp"
#include "domain/profile.hpp"

namespace jc::testing {

// A backend engineer in Berlin: 4 roles with measurable bullets, 2 degrees, skills, languages,
// a certification, a project. ~9 years of experience.
domain::Profile EngineerProfile();
// A posting for a senior backend engineer (Go, Kubernetes, PostgreSQL required; Kafka
// preferred), in English.
domain::Job EngineerJob();
// The same kind of posting in German.
domain::Job EngineerJobGerman();

// An intensive-care nurse in Lyon; a posting for a critical care nurse.
domain::Profile NurseProfile();
domain::Job NurseJob();

}  // namespace jc::testing
