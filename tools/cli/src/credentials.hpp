// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Where the command's FLOWii credentials come from: flags, then FLOWII_*
// variables, then the config file (docs/cli.md, "Credentials").
#ifndef FLOWII_CLI_CREDENTIALS_HPP
#define FLOWII_CLI_CREDENTIALS_HPP

#include <flowii/cli/run.hpp>
#include <flowii/options.hpp>

#include <optional>
#include <string>

namespace flowii::cli {

/// The credential-related command-line flags.
struct CredentialFlags {
  std::string config_path;  ///< --config; empty = the default location
  std::string company;      ///< --company
  bool password_stdin = false;
  std::string password;  ///< --password, honoured only with allow_password_arg
  bool allow_password_arg = false;
};

/// An environment variable's value; nullopt when it is unset or empty. Every
/// variable the command reads is listed in help.cpp's environment_table().
std::optional<std::string> variable(Environment const& env, std::string const& name);

/// Client options for the flags and environment. Throws Failure (exit 2) when
/// something is missing or the config file is unsafe.
ClientOptions client_options(CredentialFlags const& flags, Environment const& env);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_CREDENTIALS_HPP
