#include "llm/prompt_library.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace jc::llm {
namespace {

namespace fs = std::filesystem;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string TrimBlock(const std::string& s) {
  const auto first = s.find_first_not_of("\n\r ");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of("\n\r ");
  return s.substr(first, last - first + 1);
}

Result<Prompt> ParsePrompt(const std::string& text, const std::string& file) {
  Prompt p;
  std::string* part = nullptr;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const std::string_view l = Trim(line);
    if (l.substr(0, 10) == "# prompt: ") {
      p.name = std::string(Trim(l.substr(10)));
    } else if (l.substr(0, 11) == "# version: ") {
      p.version = std::atoi(std::string(Trim(l.substr(11))).c_str());
    } else if (l == "## system") {
      part = &p.system;
    } else if (l == "## user") {
      part = &p.user;
    } else if (part != nullptr) {
      *part += line;
      *part += '\n';
    }
  }
  p.system = TrimBlock(p.system);
  p.user = TrimBlock(p.user);
  if (p.name.empty() || p.system.empty() || p.user.empty() || p.version < 1) {
    return Error::Make(ErrorCode::kInternal, "prompt file " + file +
                                                 " needs '# prompt:', '# version:', '## system' "
                                                 "and '## user'");
  }
  return p;
}

}  // namespace

Result<PromptLibrary> PromptLibrary::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error::Make(ErrorCode::kNotFound, "prompt folder " + dir + " not found");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".md" && entry.path().filename() != "README.md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  PromptLibrary library;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    auto prompt = ParsePrompt(ss.str(), path.filename().string());
    if (!prompt) return prompt.error();
    if (library.prompts_.contains(prompt->name)) {
      return Error::Make(ErrorCode::kInternal, "prompt '" + prompt->name + "' is defined twice");
    }
    library.prompts_.emplace(prompt->name, std::move(*prompt));
  }
  return library;
}

const Prompt* PromptLibrary::Find(std::string_view name) const {
  const auto it = prompts_.find(name);
  return it == prompts_.end() ? nullptr : &it->second;
}

std::string PromptLibrary::DataBlock(std::string_view name, std::string_view text) {
  std::string body(text);
  // A closing tag inside the data must not end the block early.
  for (std::size_t at = 0; (at = body.find("</data", at)) != std::string::npos; at += 7) {
    body.replace(at, 6, "< /data");
  }
  std::string out = "<data name=\"" + std::string(name) + "\">\n";
  out += body;
  out += "\n</data>";
  return out;
}

std::vector<Message> PromptLibrary::Render(
    const Prompt& prompt, const std::vector<std::pair<std::string, PromptValue>>& values) {
  const auto fill = [&](const std::string& frame) {
    std::string out;
    std::size_t i = 0;
    while (i < frame.size()) {
      const auto open = frame.find("{{", i);
      if (open == std::string::npos) break;
      const auto close = frame.find("}}", open + 2);
      if (close == std::string::npos) break;
      out.append(frame, i, open - i);
      const std::string key = frame.substr(open + 2, close - open - 2);
      const auto it =
          std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == key; });
      if (it == values.end()) {
        out += DataBlock(key, "");
      } else if (it->second.data) {
        out += DataBlock(key, it->second.text);
      } else {
        out += it->second.text;
      }
      i = close + 2;
    }
    out.append(frame, i, std::string::npos);
    return out;
  };
  return {{"system", fill(prompt.system)}, {"user", fill(prompt.user)}};
}

}  // namespace jc::llm
