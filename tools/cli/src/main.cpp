// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The `flowii` binary: the process environment handed to flowii::cli::run.
#include <flowii/cli/run.hpp>

#include <unistd.h>

#include <cstring>
#include <iostream>

extern char** environ;

int main(int argc, char** argv) {
  flowii::cli::Environment env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    char const* eq = std::strchr(*e, '=');
    if (eq != nullptr) env.variables.emplace(std::string(*e, static_cast<std::size_t>(eq - *e)), std::string(eq + 1));
  }
  env.in = &std::cin;
  env.err_is_terminal = isatty(STDERR_FILENO) == 1;
  std::ios::sync_with_stdio(false);
  return flowii::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr, env);
}
