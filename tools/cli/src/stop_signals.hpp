// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Ctrl-C (SIGINT) and SIGTERM as a request to stop: a command that runs until
// stopped (`flowii watch`) finishes what it is doing and saves its state,
// instead of dying in the middle of it.
#ifndef FLOWII_CLI_STOP_SIGNALS_HPP
#define FLOWII_CLI_STOP_SIGNALS_HPP

#include <atomic>
#include <functional>
#include <thread>

#include <signal.h>

namespace flowii::cli {

/// While it exists, SIGINT and SIGTERM call `on_stop` on a thread of its own.
/// The handler only writes the signal's number into a pipe (a self-pipe: it
/// works whatever the signal masks of the process's other threads); the thread
/// reads it and does the rest, outside the handler. A second signal ends the
/// process at once, as if nothing caught it. One at a time per process; the
/// previous handlers are back when it is destroyed.
class StopSignals {
 public:
  explicit StopSignals(std::function<void()> on_stop);
  ~StopSignals();
  StopSignals(StopSignals const&) = delete;
  StopSignals& operator=(StopSignals const&) = delete;

  /// Whether a signal asked to stop.
  bool stopped() const { return stopped_; }

 private:
  void watch();

  std::function<void()> on_stop_;
  int read_fd_ = -1;
  int write_fd_ = -1;
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
  std::atomic<bool> stopped_{false};
  std::thread thread_;
};

}  // namespace flowii::cli

#endif  // FLOWII_CLI_STOP_SIGNALS_HPP
