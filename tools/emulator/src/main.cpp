// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// flowii-emulator: serves the FLOWii emulator until SIGINT/SIGTERM (or stdin
// EOF with --stdin-eof-stops), then saves --state FILE if given. Prints one
// readiness line for scripts to wait for, then the demo credentials (and the
// admin token, when the admin API needs one) as shell exports.
// With `-- COMMAND [ARGS...]` it runs the command with those variables in its
// environment instead, stops when it ends and exits with its exit status.
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <flowii/emulator/emulator.hpp>

namespace {

void usage(std::ostream& out) {
  out << "usage: flowii-emulator [--host H] [--port N] [--seed N] [--api-key KEY]\n"
         "                       [--token-lifetime SECONDS] [--next-links] [--page-size N]\n"
         "                       [--retry-after seconds|http-date|none] [--quota-status 429|403]\n"
         "                       [--token-errors oauth|jsonapi] [--rate-limit N] [--rate-window SECONDS]\n"
         "                       [--server-clock-skew SECONDS] [--state FILE] [--stdin-eof-stops]\n"
         "                       [--admin-token TOKEN]\n"
         "                       [-- COMMAND [ARGS...]]\n"
         "With -- COMMAND it runs the command with FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME,\n"
         "FLOWII_PASSWORD and FLOWII_COMPANY_ID set for this emulator, then stops and exits with\n"
         "the command's status; e.g. flowii-emulator --port 0 -- ./app\n"
         "Beyond loopback (--host 0.0.0.0, ...) the admin API needs a token: --admin-token, else\n"
         "$FLOWII_EMULATOR_ADMIN_TOKEN, else a random one; it is printed as an export line.\n";
}

long long signed_number(char const* flag, char const* text) {
  char* end = nullptr;
  long long const value = std::strtoll(text, &end, 10);
  if (*text == '\0' || *end != '\0') {
    std::cerr << "flowii-emulator: " << flag << " needs an integer, got '" << text << "'\n";
    std::exit(2);
  }
  return value;
}

long long number(char const* flag, char const* text) {
  char* end = nullptr;
  long long const value = std::strtoll(text, &end, 10);
  if (*text == '\0' || *end != '\0' || value < 0) {
    std::cerr << "flowii-emulator: " << flag << " needs a non-negative integer, got '" << text << "'\n";
    std::exit(2);
  }
  return value;
}

// One of a flag's named values, by position in `names`.
template <typename Enum, std::size_t N>
Enum choice(char const* flag, std::string const& text, char const* const (&names)[N], Enum const (&values)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (text == names[i]) return values[i];
  }
  std::cerr << "flowii-emulator: " << flag << " does not accept '" << text << "'\n";
  std::exit(2);
}

// "http://127.0.0.1:PORT", and for a wildcard bind also what it is bound to,
// since a client on this machine cannot use the wildcard address itself.
std::string listening(flowii::emulator::Emulator const& emulator) {
  std::string const& host = emulator.options().host;
  if (host != "0.0.0.0" && host != "::") return emulator.base_url();
  std::string const bound = host == "::" ? "[::]" : host;
  return emulator.base_url() + " (all interfaces, bound to " + bound + ":" + std::to_string(emulator.port()) + ")";
}

// The FLOWII_* variables a client reads, for this emulator.
std::vector<std::pair<std::string, std::string>> client_environment(flowii::emulator::Emulator const& emulator) {
  auto const& o = emulator.options();
  auto const& user = o.users.front();
  std::vector<std::pair<std::string, std::string>> env = {{"FLOWII_API_URL", emulator.base_url()},
                                                          {"FLOWII_API_KEY", o.api_key},
                                                          {"FLOWII_USERNAME", user.username},
                                                          {"FLOWII_PASSWORD", user.password},
                                                          {"FLOWII_COMPANY_ID", user.company_ids.front()}};
  // Last, so that the first lines are the same whether or not the admin API is guarded.
  if (!o.admin_token.empty()) env.emplace_back("FLOWII_EMULATOR_ADMIN_TOKEN", o.admin_token);
  return env;
}

// Runs argv[first..] with the emulator's variables and the stop signals
// unblocked; a SIGINT/SIGTERM sent to the emulator alone is passed on to it.
// Returns the command's exit status as a shell reports it (128 + signal).
int run_command(char** argv, flowii::emulator::Emulator const& emulator, sigset_t const& stop_signals) {
  pid_t const child = fork();
  if (child < 0) {
    std::cerr << "flowii-emulator: cannot start the command: " << std::strerror(errno) << "\n";
    return 1;
  }
  if (child == 0) {
    for (auto const& [name, value] : client_environment(emulator)) setenv(name.c_str(), value.c_str(), 1);
    pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
    execvp(argv[0], argv);
    std::cerr << "flowii-emulator: cannot run '" << argv[0] << "': " << std::strerror(errno) << "\n";
    _exit(127);
  }
  std::thread([child, stop_signals] {
    for (;;) {
      int received = 0;
      if (sigwait(&stop_signals, &received) == 0) kill(child, received);
    }
  }).detach();  // lives until the process exits
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  flowii::emulator::Options options;
  // From the environment first, so that the secret need not show in the process list.
  if (char const* token = std::getenv("FLOWII_EMULATOR_ADMIN_TOKEN")) options.admin_token = token;
  bool stdin_eof_stops = false;
  char** command = nullptr;  // after "--"
  for (int i = 1; i < argc; ++i) {
    std::string const arg = argv[i];
    if (arg == "--") {
      if (i + 1 >= argc) {
        std::cerr << "flowii-emulator: -- needs a command to run\n";
        return 2;
      }
      command = argv + i + 1;
      break;
    }
    auto value = [&]() -> char const* {
      if (i + 1 >= argc) {
        std::cerr << "flowii-emulator: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--host")
      options.host = value();
    else if (arg == "--port")
      options.port = static_cast<int>(number("--port", value()));
    else if (arg == "--seed")
      options.seed = static_cast<std::uint64_t>(number("--seed", value()));
    else if (arg == "--api-key")
      options.api_key = value();
    else if (arg == "--token-lifetime")
      options.token_lifetime = std::chrono::seconds(number("--token-lifetime", value()));
    else if (arg == "--next-links")
      options.send_next_links = true;
    else if (arg == "--page-size")
      options.default_page_size = static_cast<int>(number("--page-size", value()));
    else if (arg == "--retry-after") {
      using F = flowii::emulator::RetryAfterForm;
      options.retry_after =
          choice("--retry-after", value(), {"seconds", "http-date", "none"}, {F::kSeconds, F::kHttpDate, F::kNone});
    } else if (arg == "--quota-status")
      options.quota_status = choice("--quota-status", value(), {"429", "403"}, {429, 403});
    else if (arg == "--token-errors") {
      using S = flowii::emulator::TokenErrorShape;
      options.token_errors = choice("--token-errors", value(), {"oauth", "jsonapi"}, {S::kOAuth, S::kJsonApi});
    } else if (arg == "--rate-limit")
      options.rate_limit = static_cast<int>(number("--rate-limit", value()));
    else if (arg == "--rate-window")
      options.rate_window = std::chrono::seconds(number("--rate-window", value()));
    else if (arg == "--server-clock-skew")
      options.server_clock_skew = std::chrono::seconds(signed_number("--server-clock-skew", value()));
    else if (arg == "--state")
      options.state_file = value();
    else if (arg == "--admin-token")
      options.admin_token = value();
    else if (arg == "--stdin-eof-stops")
      stdin_eof_stops = true;
    else if (arg == "--help" || arg == "-h") {
      usage(std::cout);
      return 0;
    } else {
      usage(std::cerr);
      return 2;
    }
  }

  // Block the stop signals in every thread (the server's threads inherit this
  // mask) and take them synchronously below; ignore SIGPIPE from clients that hang up.
  signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  try {
    flowii::emulator::Emulator emulator(options);
    emulator.start();
    if (command != nullptr) {
      // The command's standard output is its own: the emulator says where it runs on stderr.
      std::cerr << "flowii-emulator running at " << listening(emulator) << std::endl;
      int const status = run_command(command, emulator, stop_signals);
      emulator.stop();
      return status;
    }
    std::cout << "FLOWII_EMULATOR_LISTENING " << listening(emulator) << "\n";
    for (auto const& [name, value] : client_environment(emulator))
      std::cout << "export " << name << "=" << value << "\n";
    std::cout << std::flush;

    if (stdin_eof_stops) {
      std::thread([] {
        char buffer[256];
        while (read(STDIN_FILENO, buffer, sizeof buffer) > 0) {
        }
        kill(getpid(), SIGTERM);
      }).detach();  // blocked in read() until EOF; never joined
    }
    int received = 0;
    sigwait(&stop_signals, &received);
    emulator.stop();
  } catch (std::exception const& e) {
    std::cerr << "flowii-emulator: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
