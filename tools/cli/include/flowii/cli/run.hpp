// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The `flowii` command line as a library call, so that tests run it in-process
// with their own streams and environment (see docs/cli.md).
#ifndef FLOWII_CLI_RUN_HPP
#define FLOWII_CLI_RUN_HPP

#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace flowii {
struct ClientOptions;
}  // namespace flowii

namespace flowii::cli {

/// What the process environment gives the command, injected so that nothing
/// else (no getenv, no isatty, no std::cin) is read by run().
struct Environment {
  std::map<std::string, std::string> variables;  ///< FLOWII_*, HOME, XDG_* (`flowii help environment`)
  std::istream* in = nullptr;                    ///< for --password-stdin
  bool err_is_terminal = false;                  ///< progress lines on stderr by default
  /// Changes the client's options last, before the client is made: tests give it
  /// their virtual time (ClientOptions::clock, sleep, wall_clock). Empty: none.
  std::function<void(ClientOptions&)> adjust_client;
};

/// Exit codes (documented in docs/cli.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitOther = 1,
  kExitUsage = 2,
  kExitAuth = 3,
  kExitNotFound = 4,
  kExitValidation = 5,
  kExitTransient = 6,
  /// A change may or may not have been made (ErrorCode::kOutcomeUnknown): never
  /// "try again" — look first.
  kExitOutcomeUnknown = 7,
  /// Ctrl-C (SIGINT) or SIGTERM stopped an import before every record was sent;
  /// its state file lets the same command resume (128 + SIGINT, as shells report it).
  kExitStopped = 130,
};

/// Runs `flowii args...` (args without the program name); returns the exit code.
/// Binary output (`--out -`) is written to `out` unchanged.
int run(std::vector<std::string> args, std::ostream& out, std::ostream& err, Environment const& env);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_RUN_HPP
