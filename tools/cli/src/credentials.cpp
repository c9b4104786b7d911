// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "credentials.hpp"

#include "failure.hpp"

#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <istream>
#include <map>
#include <optional>
#include <string>

namespace flowii::cli {
namespace {

/// One setting: its config-file key and its environment variable.
struct Setting {
  char const* key;
  char const* variable;
};
constexpr std::array<Setting, 5> kSettings{{{"api_url", "FLOWII_API_URL"},
                                            {"api_key", "FLOWII_API_KEY"},
                                            {"username", "FLOWII_USERNAME"},
                                            {"password", "FLOWII_PASSWORD"},
                                            {"company_id", "FLOWII_COMPANY_ID"}}};

using Values = std::map<std::string, std::string>;

/// The config file to read, and whether the user named it (then it must exist).
std::pair<std::string, bool> config_location(CredentialFlags const& flags, Environment const& env) {
  if (!flags.config_path.empty()) return {flags.config_path, true};
  if (auto xdg = variable(env, "XDG_CONFIG_HOME")) return {*xdg + "/flowii/config", false};
  if (auto home = variable(env, "HOME")) return {*home + "/.config/flowii/config", false};
  return {{}, false};
}

std::string trim(std::string const& s) {
  auto const first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool known_key(std::string const& key) {
  for (auto const& s : kSettings) {
    if (key == s.key) return true;
  }
  return false;
}

/// `key = value` lines; blank lines and lines starting with # are skipped.
Values parse_config(std::istream& in, std::string const& path) {
  Values values;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string const text = trim(line);
    if (text.empty() || text[0] == '#') continue;
    auto const eq = text.find('=');
    std::string const key = eq == std::string::npos ? text : trim(text.substr(0, eq));
    if (eq == std::string::npos || !known_key(key)) {
      throw Failure(kExitUsage, path + ":" + std::to_string(number) +
                                    ": expected `key = value` with key api_url, api_key, username, "
                                    "password or company_id");
    }
    values[key] = trim(text.substr(eq + 1));
  }
  return values;
}

/// A password file others can read is refused, as ssh refuses such key files.
void check_permissions(std::string const& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) == 0) return;
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  throw Failure(kExitUsage, "config file " + path + " holds a password but its permissions (" + mode +
                                ") let other users read it; run `chmod 600 " + path +
                                "` or move the password to FLOWII_PASSWORD");
}

Values read_config(CredentialFlags const& flags, Environment const& env) {
  auto const [path, explicit_path] = config_location(flags, env);
  if (path.empty()) return {};
  std::ifstream in(path);
  if (!in) {
    if (explicit_path) throw Failure(kExitUsage, "cannot read config file " + path + " (--config)");
    return {};
  }
  Values values = parse_config(in, path);
  if (values.count("password") != 0) check_permissions(path);
  return values;
}

std::string read_password_line(Environment const& env) {
  std::string line;
  if (env.in == nullptr || !std::getline(*env.in, line)) {
    throw Failure(kExitUsage, "--password-stdin: no password on standard input");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

std::optional<std::string> variable(Environment const& env, std::string const& name) {
  auto it = env.variables.find(name);
  if (it == env.variables.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

ClientOptions client_options(CredentialFlags const& flags, Environment const& env) {
  if (!flags.password.empty() && !flags.allow_password_arg) {
    throw Failure(kExitUsage,
                  "--password puts the password where other users can see it (ps, shell history); "
                  "use FLOWII_PASSWORD, the config file or --password-stdin, or add "
                  "--insecure-password-arg to accept the risk");
  }
  Values values = read_config(flags, env);
  for (auto const& s : kSettings) {
    if (auto v = variable(env, s.variable)) values[s.key] = *v;
  }
  if (flags.password_stdin) values["password"] = read_password_line(env);
  if (!flags.password.empty()) values["password"] = flags.password;
  if (!flags.company.empty()) values["company_id"] = flags.company;

  std::string missing;
  for (auto const& s : kSettings) {
    bool const optional = std::string(s.key) == "api_url" || std::string(s.key) == "company_id";
    if (!optional && values[s.key].empty()) missing += std::string(missing.empty() ? "" : ", ") + s.variable;
  }
  if (!missing.empty()) {
    throw Failure(kExitUsage, "missing credentials: " + missing +
                                  "; set them in the environment or in the config file (see docs/cli.md)");
  }
  ClientOptions options;
  if (!values["api_url"].empty()) options.base_url = values["api_url"];
  options.credentials = Credentials{values["api_key"], values["username"], values["password"]};
  options.company_id = values["company_id"];
  return options;
}

}  // namespace flowii::cli
