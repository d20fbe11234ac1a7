// Runs a shell command for tests that check generated files with real tools (qpdf, pdftotext,
// python3-docx, libreoffice) or run the jobcopilot binary. Blocking; thread-safe.
#pragma once

#include <string>

namespace jc::testing {

struct ShellResult {
  int exit_code = -1;  // -1 when the command could not run or was killed by a signal
  std::string out;     // stdout and stderr, interleaved
};

ShellResult Shell(const std::string& command);

// A fresh directory under the system temp dir, e.g. /tmp/jc-test-pdf-XXXXXX.
std::string MakeTempDir(const std::string& prefix);

// Writes bytes to a file; false on failure.
bool WriteBytes(const std::string& path, const std::string& bytes);

}  // namespace jc::testing
