// flowii-emulator: serves the FLOWii emulator until SIGINT/SIGTERM (or stdin
// EOF with --stdin-eof-stops), then saves --state FILE if given. Prints one
// readiness line for scripts to wait for, then the demo credentials (and the
// admin token, when the admin API needs one) as shell exports.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include <flowii/emulator/emulator.hpp>

namespace {

void usage(std::ostream& out) {
  out << "usage: flowii-emulator [--host H] [--port N] [--seed N] [--api-key KEY]\n"
         "                       [--token-lifetime SECONDS] [--next-links] [--page-size N]\n"
         "                       [--retry-after seconds|http-date|none] [--quota-status 429|403]\n"
         "                       [--token-errors oauth|jsonapi] [--rate-limit N] [--rate-window SECONDS]\n"
         "                       [--state FILE] [--stdin-eof-stops] [--admin-token TOKEN]\n"
         "Beyond loopback (--host 0.0.0.0, ...) the admin API needs a token: --admin-token, else\n"
         "$FLOWII_EMULATOR_ADMIN_TOKEN, else a random one; it is printed as an export line.\n";
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

}  // namespace

int main(int argc, char** argv) {
  flowii::emulator::Options options;
  // From the environment first, so that the secret need not show in the process list.
  if (char const* token = std::getenv("FLOWII_EMULATOR_ADMIN_TOKEN")) options.admin_token = token;
  bool stdin_eof_stops = false;
  for (int i = 1; i < argc; ++i) {
    std::string const arg = argv[i];
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
          choice("--retry-after", value(), {"seconds", "http-date", "none"}, {F::seconds, F::http_date, F::none});
    } else if (arg == "--quota-status")
      options.quota_status = choice("--quota-status", value(), {"429", "403"}, {429, 403});
    else if (arg == "--token-errors") {
      using S = flowii::emulator::TokenErrorShape;
      options.token_errors = choice("--token-errors", value(), {"oauth", "jsonapi"}, {S::oauth, S::jsonapi});
    } else if (arg == "--rate-limit")
      options.rate_limit = static_cast<int>(number("--rate-limit", value()));
    else if (arg == "--rate-window")
      options.rate_window = std::chrono::seconds(number("--rate-window", value()));
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
    auto const& o = emulator.options();
    auto const& user = o.users.front();
    std::cout << "FLOWII_EMULATOR_LISTENING " << listening(emulator) << "\n"
              << "export FLOWII_API_URL=" << emulator.base_url() << "\n"
              << "export FLOWII_API_KEY=" << o.api_key << "\n"
              << "export FLOWII_USERNAME=" << user.username << "\n"
              << "export FLOWII_PASSWORD=" << user.password << "\n"
              << "export FLOWII_COMPANY_ID=" << user.company_ids.front() << "\n";
    // Last, so that the first six lines are the same whether or not the admin API is guarded.
    if (!o.admin_token.empty()) std::cout << "export FLOWII_EMULATOR_ADMIN_TOKEN=" << o.admin_token << "\n";
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
