// `jobcopilot generate CV_FILE JOB_FILE --out DIR`: writes a CV tailored to a job and a cover
// letter, as the generation API would, into DIR: cv.{md,html,pdf,docx},
// cover-letter.{md,html,pdf,docx,txt} and report.json (the tailored profile, the tailoring
// changes and both truthfulness reports). CV_FILE is a CV in any format the parser reads, or a
// profile as JSON (a Profile, or {"profileData": Profile}); JOB_FILE is the posting as text, or
// JobData as JSON (or {"jobData": JobData}).
#pragma once

#include <string>

namespace jc::app {

// Options: --template classic|modern, --tone professional|enthusiastic|concise,
// --language en|de, --page-size a4|letter, --title TEXT, --company TEXT, --as-of YYYY-MM.
// Exit code: 0 written (a summary on stdout), 1 parse/generation error (the error envelope on
// stderr), 2 bad arguments or unreadable files.
int RunGenerateCommand(int argc, char** argv, const std::string& data_dir);

}  // namespace jc::app
