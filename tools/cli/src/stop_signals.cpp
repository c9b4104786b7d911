// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "stop_signals.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <utility>

namespace flowii::cli {
namespace {

// The pipe the handler writes to; -1 when no StopSignals exists. A lock-free
// atomic is safe to read in a signal handler.
std::atomic<int> g_signal_pipe{-1};
static_assert(std::atomic<int>::is_always_lock_free);

// Async-signal-safe: one write(2) of one byte, errno kept.
extern "C" void on_stop_signal(int signal) {
  int const saved = errno;
  int const fd = g_signal_pipe.load();
  if (fd >= 0) {
    auto const byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] auto const written = ::write(fd, &byte, 1);  // a full pipe has a stop request already
  }
  errno = saved;
}

}  // namespace

StopSignals::StopSignals(std::function<void()> on_stop) : on_stop_(std::move(on_stop)) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("cannot create a pipe for the stop signals");
  read_fd_ = fds[0];
  write_fd_ = fds[1];
  ::fcntl(write_fd_, F_SETFL, O_NONBLOCK);  // the handler never blocks
  int expected = -1;
  if (!g_signal_pipe.compare_exchange_strong(expected, write_fd_)) {
    ::close(read_fd_);
    ::close(write_fd_);
    throw std::logic_error("StopSignals exists already");
  }
  thread_ = std::thread([this] { watch(); });
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // other system calls carry on
  ::sigaction(SIGINT, &action, &previous_int_);
  ::sigaction(SIGTERM, &action, &previous_term_);
}

StopSignals::~StopSignals() {
  ::sigaction(SIGINT, &previous_int_, nullptr);
  ::sigaction(SIGTERM, &previous_term_, nullptr);
  g_signal_pipe = -1;
  unsigned char const quit = 0;  // no signal has number 0
  while (::write(write_fd_, &quit, 1) < 0 && errno == EINTR) {
  }
  thread_.join();
  ::close(read_fd_);
  ::close(write_fd_);
}

void StopSignals::watch() {
  bool first = true;
  while (true) {
    unsigned char signal = 0;
    ssize_t const n = ::read(read_fd_, &signal, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || signal == 0) return;
    if (first) {
      first = false;
      stopped_ = true;
      on_stop_();
      continue;
    }
    // A second signal: whoever sent it does not want to wait.
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    ::sigaction(signal, &fallback, nullptr);
    ::kill(::getpid(), signal);
  }
}

}  // namespace flowii::cli
