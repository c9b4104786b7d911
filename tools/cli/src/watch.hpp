// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// `flowii watch RESOURCE`: the changes of one resource as they happen, one line
// each, through the SDK's change feeds (change_feed.hpp). FLOWii has no
// webhooks, so it polls; a cursor file makes a later run resume where this one
// stopped, and Ctrl-C stops it between two records with the cursor saved.
#ifndef FLOWII_CLI_WATCH_HPP
#define FLOWII_CLI_WATCH_HPP

#include "output.hpp"

#include <flowii/client.hpp>
#include <flowii/logging.hpp>

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace flowii::cli {

/// What `flowii watch` takes from the command line.
struct WatchFlags {
  std::string resource;
  std::string since;        ///< a date or date-time without a zone; empty = from now
  std::string cursor_file;  ///< empty = none
  bool once = false;
  int interval = 30;  ///< seconds between polls
};

/// What the command around it gives `flowii watch`.
struct WatchContext {
  std::function<Client&()> client;
  Format format = Format::kTable;
  LogOptions log;  ///< its progress lines, at info level (--verbose, FLOWII_LOG)
  /// Writes to standard output and checks that it arrived (Command::write).
  std::function<void(std::function<void(std::ostream&)> const&)> write;
};

/// The resources `flowii watch` can follow: those whose FLOWii list has an
/// edited-from or created-from filter, in help order.
std::vector<std::string> watchable_resources();

/// Adds the arguments and options of `flowii watch`, and its examples, to `sub`.
void add_watch_options(CLI::App& sub, WatchFlags& flags);

/// Runs `flowii watch`; throws Failure when it fails. A stop signal (SIGINT,
/// SIGTERM) ends it with success, the cursor saved.
void watch(WatchFlags const& flags, WatchContext const& context);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_WATCH_HPP
