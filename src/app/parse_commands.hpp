// The parsing commands of the binary: `parse-worker`, the sandboxed worker process the service
// starts (it answers parse jobs on stdin/stdout, see api/cv_parse_job.hpp); `parse FILE`,
// which parses one CV in-process and prints the same JSON as POST /api/parse-cv; and `analyze`,
// which also scores the CV against a job posting.
#pragma once

#include <string>

namespace jc::app {

// The folder of the engine's data (skills/...): DATA_DIR, else ./data, else <binary>/../../data.
std::string FindDataDir(const std::string& configured);

// `jobcopilot parse-worker --data-dir DIR`. Exit code: 0 when the service closes the channel,
// 1 on a broken channel or when the data cannot be loaded.
int RunParseWorker(int argc, char** argv);

// `jobcopilot parse CV_FILE [--as-of YYYY-MM] [--type pdf|docx|...]`. Prints the response JSON
// on stdout (exit 0), or the error envelope on stderr (exit 1; 2 for bad arguments).
int RunParseCommand(int argc, char** argv, const std::string& data_dir);

// `jobcopilot analyze CV_FILE JOB_FILE [--as-of YYYY-MM]`: parses the CV (in-process), extracts
// the job's requirements from the posting (a text file), and prints
// {"profileData", "requirements", "fit", "suggestions"} as JSON, as the API would answer them.
int RunAnalyzeCommand(int argc, char** argv, const std::string& data_dir);

}  // namespace jc::app
