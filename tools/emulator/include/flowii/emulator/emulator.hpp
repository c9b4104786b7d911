// FLOWii emulator: a local, stateful and strict fake of the FLOWii REST API.
//
// Run it in-process from tests (`Emulator emu; emu.start();`) or as the
// `flowii-emulator` binary. State lives in memory, is seeded deterministically
// from `Options::seed`, and follows a virtual clock so that token expiry can be
// tested without sleeping. This header is free of third-party includes.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowii::emulator {

// Sent in the X-Flowii-Emulator-Version header of every response.
inline constexpr char const* version = "0.1.0";

struct Company {
  std::string id;  // numeric string
  std::string name;
};

// A FLOWii login. The same user id is used in every company it can access.
struct User {
  std::string id;    // numeric string
  std::string name;  // "Surname Firstname", as FLOWii shows users
  std::string username;
  std::string password;
  std::vector<std::string> company_ids;
};

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;  // 0 = any free port
  std::uint64_t seed = 42;  // drives demo data and token strings
  std::string api_key = "demo-api-key";
  // Empty = the built-in demo set (companies "1" and "2", users
  // demo@flowii.example and solo@flowii.example). Give both or neither.
  std::vector<Company> companies;
  std::vector<User> users;
  std::chrono::seconds token_lifetime{599};  // FLOWii sends expires_in 599
  std::int64_t clock_start = 0;  // unix seconds the virtual clock starts at; 0 = real time
  bool send_next_links = false;  // FLOWii's examples show only links.first
  int default_page_size = 20;
  int max_page_size = 1000;
  int worker_threads = 32;  // one per concurrent (keep-alive) connection
};

class Emulator {
 public:
  // One handled API request. Admin calls (/_emulator/...) are not journaled,
  // and /token form bodies never are.
  struct JournalEntry {
    std::string method;
    std::string path;
    std::string query;  // raw query string as received
    int status = 0;     // 0 = connection dropped by a fault
  };

  // Applies to the next `times` requests whose method matches (empty = any)
  // and whose path starts with `path_prefix`, before routing and auth.
  struct Fault {
    std::string method;
    std::string path_prefix;
    int times = 1;
    int status = 0;  // e.g. 429 or 503; 0 = no status fault (delay only)
    std::optional<std::string> retry_after;  // Retry-After value verbatim
    std::chrono::milliseconds delay{0};
    bool close_connection = false;  // drop the connection without a response
  };

  // Throws std::invalid_argument for inconsistent options.
  explicit Emulator(Options options = {});
  ~Emulator();  // stops the server
  Emulator(Emulator const&) = delete;
  Emulator& operator=(Emulator const&) = delete;

  // Returns once the server accepts connections; throws std::runtime_error
  // when it cannot bind. stop() is idempotent; start() may follow stop().
  void start();
  void stop();
  bool running() const;

  int port() const;              // the bound port (0 before start)
  std::string base_url() const;  // "http://127.0.0.1:PORT"
  Options const& options() const;  // with the demo defaults filled in

  std::chrono::system_clock::time_point now() const;  // the virtual clock
  void advance_clock(std::chrono::seconds by);
  // Back to the seeded demo state: data, tokens, faults and journal. The
  // clock keeps running.
  void reset();

  std::vector<JournalEntry> journal() const;
  void clear_journal();
  // Journaled requests with this method (empty = any) and path prefix.
  std::size_t count(std::string const& method, std::string const& path_prefix) const;
  // Successful /token grants of a type: "password" or "refresh_token".
  std::size_t token_grants(std::string const& grant_type) const;

  void inject(Fault fault);
  std::size_t faults_fired() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flowii::emulator
