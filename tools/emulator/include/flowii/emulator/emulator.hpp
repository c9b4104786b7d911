// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// FLOWii emulator: a local, stateful and strict fake of the FLOWii REST API.
//
// Run it in-process from tests (`Emulator emu; emu.start();`) or as the
// `flowii-emulator` binary. State lives in memory, is seeded deterministically
// from `Options::seed`, and follows a virtual clock so that token expiry can be
// tested without sleeping. This header is free of third-party includes.
#ifndef FLOWII_EMULATOR_EMULATOR_HPP
#define FLOWII_EMULATOR_EMULATOR_HPP

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

// 2026-12-01T00:00:00 UTC. The demo data is dated relative to this fixed
// instant (or to Options::clock_start when one is given), never to today, so
// that guides and tests can name its dates and they stay true whatever the
// calendar says. A clock that follows real time never starts before it.
inline constexpr std::int64_t demo_epoch = 1796083200;

struct EmulatedCompany {
  std::string id;  // numeric string
  std::string name;
};

// A FLOWii login. The same user id is used in every company it can access.
struct EmulatedUser {
  std::string id;    // numeric string
  std::string name;  // "Surname Firstname", as FLOWii shows users
  std::string username;
  std::string password;
  std::vector<std::string> company_ids;
};

// How a quota error states when to retry: Retry-After as delta-seconds, as an
// HTTP-date, or not at all (whether FLOWii sends it is unknown).
enum class RetryAfterForm { kSeconds, kHttpDate, kNone };
// Error bodies of POST /token: RFC 6749 {"error","error_description"}, or
// JSON:API {"errors":[{"status","code","title","detail"}]} with the OAuth code as `code`.
enum class TokenErrorShape { kOAuth, kJsonApi };

struct Options {
  // Beyond loopback (any host but 127.0.0.0/8, ::1 and "localhost") the
  // emulated API is open to the network, with public demo credentials, and
  // the admin API then needs admin_token.
  std::string host = "127.0.0.1";
  int port = 0;             // 0 = any free port
  std::uint64_t seed = 42;  // drives demo data and token strings
  std::string api_key = "demo-api-key";
  // Empty = the built-in demo set (companies "1" and "2", users
  // demo@flowii.example and solo@flowii.example). Give both or neither.
  std::vector<EmulatedCompany> companies;
  std::vector<EmulatedUser> users;
  std::chrono::seconds token_lifetime{599};  // FLOWii sends expires_in 599
  // Unix seconds the virtual clock starts at; 0 = real time, but no earlier
  // than demo_epoch. The demo data is dated relative to it (0: to demo_epoch).
  std::int64_t clock_start = 0;
  // false: the clock stands still and moves only by advance_clock() (and the
  // admin API), so that tests see time pass only when they make it pass.
  bool clock_follows_real_time = true;
  // How far FLOWii's clock runs ahead of the virtual clock (negative: behind),
  // as a server whose clock is off would: records are stamped (`created`, the
  // edit time the edited-from filters read) and tokens and rate windows timed
  // with it; now(), advance_clock() and the admin clock stay the virtual clock.
  std::chrono::seconds server_clock_skew{0};
  bool send_next_links = false;  // FLOWii's examples show only links.first
  // The other unknowns of FLOWii's behaviour are switches too, so that clients
  // can be tested against every variant; the defaults are the likeliest ones.
  RetryAfterForm retry_after = RetryAfterForm::kSeconds;  // on quota errors
  int quota_status = 429;                                 // 429 or 403 with "quota exceeded"
  TokenErrorShape token_errors = TokenErrorShape::kOAuth;
  // Rate limiting: at most `rate_limit` requests per `rate_window` of the
  // virtual clock per Api-Key value (0 = unlimited); admin calls are free.
  int rate_limit = 0;
  std::chrono::seconds rate_window{60};
  int default_page_size = 20;
  int max_page_size = 1000;
  int worker_threads = 32;  // one per concurrent (keep-alive) connection
  // Requests served on one keep-alive connection before the server closes it.
  int keep_alive_max_requests = 100;
  // Empty = none. Else the data (every company's records and the id sequence)
  // is read from this JSON file at construction when it exists, instead of
  // seeding, and written to it (atomically) by stop(). Tokens, faults, the
  // journal, rate windows and the clock are not kept. A file that cannot be
  // read, is corrupt or has another version makes the constructor throw
  // std::runtime_error and is left untouched.
  std::string state_file;
  // The secret every admin call over HTTP (/_emulator/..., except GET
  // /_emulator/health) must send in the X-Flowii-Emulator-Admin-Token header;
  // else it gets 401. Empty: on a loopback host the admin API is open; on any
  // other host the constructor generates a random 256-bit hex token, which
  // options() then holds. Given: required on every host. Visible ASCII, no
  // spaces (else std::invalid_argument). The C++ API itself needs no token.
  std::string admin_token;
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

  // What a fault does to the connection instead of (or to) a normal answer.
  enum class Breakage {
    kNone,
    // The request is not processed (journal status 0):
    kClose,    // close the connection without a byte of response
    kReset,    // abort it with a TCP RST
    kGarbage,  // send bytes that are not HTTP, then close
    kStall,    // read the request, answer nothing until the client hangs up or `hold` passes, close
    // The request IS processed (a POST creates its record), then:
    kTruncatedBody,  // headers and half of the body (no body: half the status line), close
    kSlowBody,       // the whole answer, its body dribbled out over `hold`
    // As close, reset and stall, but after processing: the write took effect and
    // the client cannot know (its outcome is unknown).
    kCloseAfterProcessing,
    kResetAfterProcessing,
    kStallAfterProcessing,
  };

  // Applies to the next `times` requests whose method matches (empty = any)
  // and whose path starts with `path_prefix`, before routing and auth.
  struct Fault {
    std::string method;
    std::string path_prefix;
    int times = 1;
    int status = 0;                          // e.g. 429 or 503; 0 = no status fault (delay only)
    std::optional<std::string> retry_after;  // Retry-After value verbatim
    std::chrono::milliseconds delay{0};      // added latency before anything else
    bool close_connection = false;           // the same as breakage = Breakage::kClose
    Breakage breakage = Breakage::kNone;
    std::chrono::milliseconds hold{1000};  // slow_body's duration; stall's longest
  };

  // Throws std::invalid_argument for inconsistent options, std::runtime_error
  // when an admin token is due and /dev/urandom cannot be read.
  explicit Emulator(Options options = {});
  ~Emulator();  // stops the server
  Emulator(Emulator const&) = delete;
  Emulator& operator=(Emulator const&) = delete;

  // Returns once the server accepts connections; throws std::runtime_error
  // when it cannot bind. stop() is idempotent; start() may follow stop().
  // After a start(), stop() saves Options::state_file if one is set, and
  // throws std::runtime_error if that fails (the destructor swallows it).
  void start();
  void stop();
  // Writes the data as Options::state_file holds it to `path` (atomically);
  // throws std::runtime_error.
  void save_state(std::string const& path) const;
  bool running() const;

  int port() const;                // the bound port (0 before start)
  std::string base_url() const;    // "http://127.0.0.1:PORT"
  Options const& options() const;  // with the demo defaults (and a generated admin_token) filled in

  std::chrono::system_clock::time_point now() const;  // the virtual clock
  void advance_clock(std::chrono::seconds by);
  // Back to the seeded demo state: data, tokens, faults and journal (also
  // with a state file: the file is read only at construction). The clock
  // keeps running.
  void reset();

  std::vector<JournalEntry> journal() const;  // the latest 100000 requests
  void clear_journal();
  // Journaled requests with this method (empty = any) and path prefix.
  std::size_t count(std::string const& method, std::string const& path_prefix) const;
  // Successful /token grants of a type: "password" or "refresh_token".
  std::size_t token_grants(std::string const& grant_type) const;

  void inject(Fault fault);
  std::size_t faults_fired() const;
  // Every access token issued so far expires now, as if its lifetime ran out
  // mid-run; refresh tokens stay valid. The next call with one gets 401.
  void expire_tokens();

  // TCP connections accepted since construction (not reset by reset()), so a
  // test can prove keep-alive reuse by taking a difference.
  std::size_t connections_accepted() const;
  // Adds `count` synthetic partners (name, type and invoice maturity only, no
  // related records) to a company, for paging at scale; removed by reset().
  // Throws std::invalid_argument for an unknown company.
  void add_partners(std::string const& company_id, std::size_t count);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_EMULATOR_EMULATOR_HPP
