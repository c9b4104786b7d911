// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The flowii binary as a child process, for the tests that stop it with Ctrl-C
// as a user would (watch_test.cpp, import_test.cpp).
#ifndef FLOWII_TESTS_CLI_FLOWII_PROCESS_HPP
#define FLOWII_TESTS_CLI_FLOWII_PROCESS_HPP

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowii::cli::test {

/// How long a helper below waits for the child's next output before it gives up:
/// a bound, so that a missing line fails the test instead of hanging it.
inline constexpr int kPatienceMs = 30000;

/// The flowii binary as a child process, its standard streams piped, started
/// with posix_spawn (safe beside the emulator's threads) and with SIGINT and
/// SIGTERM at their defaults whatever the test runner set.
class FlowiiProcess {
 public:
  FlowiiProcess(std::vector<std::string> const& args, std::map<std::string, std::string> const& variables) {
    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    std::vector<std::string> words{FLOWII_CLI_BINARY};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<std::string> environment;
    for (auto const& [name, value] : variables) environment.push_back(name + "=" + value);
    std::vector<char*> argv;
    std::vector<char*> envp;
    for (auto& w : words) argv.push_back(w.data());
    for (auto& e : environment) envp.push_back(e.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    int const spawned = posix_spawn(&pid_, FLOWII_CLI_BINARY, &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(out[1]);
    ::close(err[1]);
    stdout_ = out[0];
    stderr_ = err[0];
    if (spawned != 0) pid_ = -1;
  }
  ~FlowiiProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(stdout_);
    ::close(stderr_);
  }
  FlowiiProcess(FlowiiProcess const&) = delete;
  FlowiiProcess& operator=(FlowiiProcess const&) = delete;

  bool started() const { return pid_ > 0; }

  /// Its next line of standard output, without the line end; "" at its end.
  std::string line() { return line_of(stdout_); }
  /// Reads its standard error up to the first line that holds `text`, which it
  /// returns; "" when its standard error ends first.
  std::string error_line_with(std::string const& text) {
    for (std::string line = line_of(stderr_);; line = line_of(stderr_)) {
      if (line.empty() || line.find(text) != std::string::npos) return line;
    }
  }

  /// Sends `signal` and waits until it has ended: its exit code; -1 when a
  /// signal ended it, or when it still wrote or held its output open after the
  /// helper's patience ran out (then it is killed).
  int stop(int signal) {
    ::kill(pid_, signal);
    char buffer[256];
    pollfd output{stdout_, POLLIN, 0};
    bool ended = false;
    while (!ended && ::poll(&output, 1, kPatienceMs) == 1) ended = ::read(stdout_, buffer, sizeof buffer) <= 0;
    if (!ended) ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return ended && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  static std::string line_of(int fd) {
    std::string text;
    char c = 0;
    pollfd output{fd, POLLIN, 0};
    while (::poll(&output, 1, kPatienceMs) == 1 && ::read(fd, &c, 1) == 1) {
      if (c == '\n') return text;
      text += c;
    }
    return {};
  }

  pid_t pid_ = -1;
  int stdout_ = -1;
  int stderr_ = -1;
};

}  // namespace flowii::cli::test

#endif  // FLOWII_TESTS_CLI_FLOWII_PROCESS_HPP
