// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What `flowii --help` and `flowii help TOPIC` say beyond CLI11's option lists:
// examples at every level, the environment variables and the exit codes. The
// tables here are the one source of both the help text and docs/cli.md, which
// tests/cli/help_test.cpp compares with them.
#ifndef FLOWII_CLI_HELP_HPP
#define FLOWII_CLI_HELP_HPP

#include "resource_command.hpp"

#include <flowii/cli/run.hpp>

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace flowii::cli {

/// One row of docs/cli.md's "Exit codes" table; text in Markdown, as the guide has it.
struct ExitCodeRow {
  int code;
  char const* meaning;
  char const* remedy;  ///< "" when there is nothing to do
};
std::vector<ExitCodeRow> const& exit_code_table();

/// One row of docs/cli.md's "Environment" table: the variables (comma-separated,
/// plain) and what they do (Markdown).
struct VariableRow {
  char const* names;
  char const* meaning;
};
/// Every environment variable the command reads, directly or through libcurl.
std::vector<VariableRow> const& environment_table();

/// The topics of `flowii help TOPIC`.
std::vector<std::string> help_topics();
/// Writes a topic as plain text; false for an unknown one.
bool write_help_topic(std::ostream& out, std::string const& topic);

/// The examples below `flowii --help`: command lines that work against the
/// emulator's demo data (run by a test).
std::vector<std::string> top_level_examples();
/// The text after `flowii --help`'s option list.
std::string top_level_footer();

/// One example command line per action of `rc`, in help order: {action, line}.
std::vector<std::pair<std::string, std::string>> action_examples(ResourceCommand const& rc);
/// "Examples:" and the lines, as the text after a help's option list.
std::string examples_footer(std::vector<std::string> const& lines);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_HELP_HPP
