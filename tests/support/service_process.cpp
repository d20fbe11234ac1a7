#include "support/service_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace jc::testing {
namespace {

std::string MakeTempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "jc-it-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

// Builds the child's environment: the parent's minus our variables, plus `env`.
std::vector<std::string> ChildEnv(const std::map<std::string, std::string>& env) {
  std::vector<std::string> out;
  for (char** e = environ; *e; ++e) {
    const std::string kv = *e;
    const auto key = kv.substr(0, kv.find('='));
    if (!env.contains(key)) out.push_back(kv);
  }
  for (const auto& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

pid_t Spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            const std::string& out_path, const std::string& cwd) {
  auto env_strings = ChildEnv(env);
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  // Child: only async-signal-safe work from here in a multi-threaded parent, plus exec.
  const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd >= 0) {
    ::dup2(fd, 1);
    ::dup2(fd, 2);
  }
  if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(JC_BINARY_PATH));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  ::execve(JC_BINARY_PATH, argv.data(), envp.data());
  ::_exit(127);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<int> WaitExit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return WIFEXITED(status) ? std::optional<int>(WEXITSTATUS(status)) : std::nullopt;
    if (r < 0) return std::nullopt;
    if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

ServiceProcess::ServiceProcess(std::map<std::string, std::string> env) {
  dir_ = MakeTempDir();
  log_path_ = dir_ + "/stdout.log";
  std::map<std::string, std::string> full = {
      {"HOST", "127.0.0.1"},
      {"PORT", "0"},
      {"DATABASE_URL", "sqlite://" + dir_ + "/test.db"},
      {"WEB_ROOT", std::string(JC_SOURCE_DIR) + "/web"},
      {"DATA_DIR", std::string(JC_SOURCE_DIR) + "/data"},
      {"DEBUG", "false"},
  };
  for (auto& [k, v] : env) full[k] = v;
  pid_ = Spawn({"serve"}, full, log_path_, dir_);
  // Wait for {"message":"listening",...,"port":N}.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline && port_ == 0) {
    std::istringstream lines(ReadAll(log_path_));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.find("\"listening\"") == std::string::npos) continue;
      boost::system::error_code ec;
      auto v = boost::json::parse(line, ec);
      if (!ec && v.is_object() && v.as_object().contains("port")) {
        port_ = static_cast<unsigned short>(v.as_object().at("port").to_number<int>());
      }
    }
    if (port_ == 0) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
}

ServiceProcess::~ServiceProcess() {
  if (pid_ > 0 && !Stop(SIGTERM, std::chrono::seconds(15))) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::optional<int> ServiceProcess::Stop(int signo, std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return std::nullopt;
  ::kill(pid_, signo);
  auto code = WaitExit(pid_, timeout);
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != 0 || code) pid_ = -1;
  return code;
}

bool ServiceProcess::Running() {
  return pid_ > 0 && ::kill(pid_, 0) == 0;
}

std::string ServiceProcess::Log() const {
  return ReadAll(log_path_);
}

RunResult RunBinary(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env) {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/out.log";
  const pid_t pid = Spawn(args, env, out, dir);
  RunResult r;
  r.exit_code = WaitExit(pid, std::chrono::seconds(30)).value_or(-1);
  r.output = ReadAll(out);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return r;
}

}  // namespace jc::testing
