// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// How the command reports a failure: an exit code and a message that says what
// to do. Thrown from deep inside a command, caught once in run().
#ifndef FLOWII_CLI_FAILURE_HPP
#define FLOWII_CLI_FAILURE_HPP

#include <flowii/cli/run.hpp>
#include <flowii/status.hpp>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace flowii::cli {

class Failure : public std::runtime_error {
 public:
  Failure(int exit_code, std::string const& message) : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const noexcept { return exit_code_; }

 private:
  int exit_code_;
};

/// The exit code for a failed SDK call (docs/cli.md, "Exit codes"): by its code,
/// and for invalid arguments by whether FLOWii or the SDK refused them.
int exit_code_for(Status const& status) noexcept;

/// One rewrite of SDK text for the command line: the SDK's messages name C++
/// options (ClientOptions::company_id); the CLI's users set flags and variables.
struct Rewrite {
  char const* sdk;  ///< text as the SDK's messages contain it
  char const* cli;  ///< what the command line says instead
};

/// Every rewrite, applied in order (tests/cli/messages_test.cpp checks that they
/// cover every C++ name in the SDK's message text).
std::vector<Rewrite> const& sdk_rewrites();

/// `text` with every rewrite of sdk_rewrites() applied.
std::string rewrite_sdk_text(std::string text);

/// The SDK's message of `status` as the command line shows it: rewritten, with
/// any C++ name the table misses removed, and FLOWii's requested wait spelled out.
std::string sdk_message(Status const& status);

/// What the command says about a failed SDK call: what failed, the SDK's message
/// (which never holds secrets), FLOWii's error objects one per line, and what to
/// do next.
std::string failure_message(Status const& status);

/// Throws a Failure with failure_message() and exit_code_for() of `status`.
[[noreturn]] void fail(Status const& status);

/// Throws when `status` is not ok.
inline void check(Status const& status) {
  if (!status.ok()) fail(status);
}

/// The value of `result`, or a Failure.
template <typename R>
auto take(R&& result) {
  if (!result) fail(result.status());
  return std::forward<R>(result).value();
}

}  // namespace flowii::cli

#endif  // FLOWII_CLI_FAILURE_HPP
