// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "blueprint/blueprint.hpp"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace flowii::test {
namespace {

std::size_t indent_of(std::string const& line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool blank(std::string const& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

std::string rstrip(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

std::vector<BlueprintAction> parse_blueprint(std::string const& text) {
  static std::regex const kGroup(R"(^# Group (.+)$)");
  static std::regex const kResource(R"(^## (.+) \[([^\]]+)\]$)");
  static std::regex const kAction(R"(^### (.+) \[(GET|POST|PATCH|PUT|DELETE)\]$)");
  static std::regex const kRequest(R"(^\+ Request(?: \(([^)]*)\))?)");
  static std::regex const kResponse(R"(^\+ Response (\d+)(?: \(([^)]*)\))?)");

  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(rstrip(line));
  }
  std::vector<BlueprintAction> actions;
  std::string group, resource, uri;
  BlueprintExample* current = nullptr;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string const& line = lines[i];
    std::smatch m;
    if (std::regex_match(line, m, kGroup)) {
      group = m[1];
      current = nullptr;
    } else if (std::regex_match(line, m, kResource)) {
      resource = m[1];
      uri = m[2];
      current = nullptr;
    } else if (std::regex_match(line, m, kAction)) {
      BlueprintAction a;
      a.group = group;
      a.resource = resource;
      a.title = m[1];
      a.method = m[2];
      a.uri_template = uri;
      a.path = uri.substr(0, uri.find("{?"));
      actions.push_back(std::move(a));
      current = nullptr;
    } else if (!actions.empty() && std::regex_search(line, m, kRequest) && indent_of(line) == 0) {
      actions.back().examples.push_back(BlueprintExample{false, 0, m[1], {}});
      current = &actions.back().examples.back();
    } else if (!actions.empty() && std::regex_search(line, m, kResponse) && indent_of(line) == 0) {
      actions.back().examples.push_back(BlueprintExample{true, std::stoi(m[1]), m[2], {}});
      current = &actions.back().examples.back();
    } else if (current != nullptr && line.find("+ Body") != std::string::npos &&
               line.find_first_not_of(' ') == line.find("+ Body")) {
      // The body is the following block indented deeper than the "+ Body" line.
      std::size_t base = indent_of(line);
      std::size_t j = i + 1;
      std::vector<std::string> block;
      for (; j < lines.size(); ++j) {
        if (!blank(lines[j]) && indent_of(lines[j]) <= base) break;
        block.push_back(lines[j]);
      }
      while (!block.empty() && blank(block.back())) block.pop_back();
      std::size_t strip = std::string::npos;
      for (auto const& b : block) {
        if (!blank(b)) strip = std::min(strip, indent_of(b));
      }
      std::string body;
      for (auto const& b : block) body += (b.size() >= strip ? b.substr(strip) : std::string()) + "\n";
      current->body = body;
      i = j - 1;
    }
  }
  return actions;
}

std::string reference_dir() {
  char const* dir = std::getenv("FLOWII_REFERENCE_DIR");
  return dir != nullptr && *dir != '\0' ? std::string(dir) : std::string(FLOWII_REFERENCE_DIR);
}

bool in_ci() {
  char const* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

std::optional<std::string> read_reference_file(std::string const& name) {
  std::ifstream in(reference_dir() + "/" + name, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool path_matches(std::string const& path_template, std::string const& concrete_path) {
  std::string pattern = "^";
  for (std::size_t i = 0; i < path_template.size(); ++i) {
    char c = path_template[i];
    if (c == '{') {
      auto close = path_template.find('}', i);
      pattern += "[^/]+";
      i = close;
    } else if (std::string("\\^$.|?*+()[]").find(c) != std::string::npos) {
      pattern += '\\';
      pattern += c;
    } else {
      pattern += c;
    }
  }
  pattern += "/?$";
  return std::regex_match(concrete_path, std::regex(pattern));
}

}  // namespace flowii::test
