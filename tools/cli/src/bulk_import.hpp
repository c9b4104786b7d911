// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// `flowii RESOURCE create --from-file FILE`: many records at once, each through
// the SDK's create (never sent twice by it), several at a time (flowii::Batch),
// with a result line per record and a state file that lets a stopped import
// resume without creating anything twice (docs/cli.md, "Bulk import").
#ifndef FLOWII_CLI_BULK_IMPORT_HPP
#define FLOWII_CLI_BULK_IMPORT_HPP

#include "output.hpp"
#include "resource_command.hpp"

#include <flowii/client.hpp>

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>

namespace flowii::cli {

/// What an import takes from the command line.
struct ImportFlags {
  std::string from_file;   ///< "-" = standard input
  std::string format;      ///< "jsonl", "csv"; empty = from the file name
  int parallel = 1;        ///< creates at once
  std::string state_file;  ///< empty = FILE.state
};

/// What the command around it gives an import.
struct ImportContext {
  std::function<Client&()> client;
  Format format = Format::kTable;
  bool progress = false;       ///< progress lines on standard error
  std::istream* in = nullptr;  ///< standard input, for --from-file -
  /// Writes a message line to standard error (shared with the SDK's event lines).
  std::function<void(std::string const&)> say;
  /// Writes to standard output and checks that it arrived (Command::write).
  std::function<void(std::function<void(std::ostream&)> const&)> write;
};

/// Adds --from-file, --format, --parallel and --state to `create`; `data` is its
/// --data, which excludes --from-file.
void add_import_options(CLI::App& create, ImportFlags& flags, CLI::Option* data);

/// Creates every record of flags.from_file as `rc` (under `parent`). Throws
/// Failure when any record failed (after every other was done), when a stop
/// signal ended it early (kExitStopped, the state saved), or when it cannot start.
void import_records(ResourceCommand const& rc, std::string const& parent, ImportFlags const& flags,
                    ImportContext const& context);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_BULK_IMPORT_HPP
