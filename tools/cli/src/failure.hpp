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

namespace flowii::cli {

class Failure : public std::runtime_error {
 public:
  Failure(int exit_code, std::string const& message) : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const noexcept { return exit_code_; }

 private:
  int exit_code_;
};

/// The exit code for an SDK error (docs/cli.md, "Exit codes").
int exit_code_for(ErrorCode code) noexcept;

/// Throws a Failure for a failed SDK call: the SDK's message (which never holds
/// secrets) plus advice on what to do next.
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
