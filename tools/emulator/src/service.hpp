// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The request pipeline behind the HTTP server: admin API, faults, routing,
// authentication, the generic engine, and the journal. Thread-safe: GET
// requests hold the data lock shared and run in parallel; every other request
// holds it alone, so a reader never sees half a write. The journal, faults and
// rate windows have locks of their own; fault delays run outside every lock.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_SERVICE_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_SERVICE_HPP

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <flowii/emulator/emulator.hpp>

#include "catalog.hpp"
#include "context.hpp"
#include "http_types.hpp"
#include "read_write_lock.hpp"
#include "router.hpp"

namespace flowii::emulator {

class Service {
 public:
  // Fills in the demo defaults, validates (std::invalid_argument) and seeds.
  explicit Service(Options options);

  HttpReply handle(InboundRequest const& request);
  // Not for the switches while requests may change them: see switches().
  Options const& options() const { return options_; }
  // A copy of the options, the switches as they are now.
  Options switches() const;
  // Used for links when a request carries no Host header.
  void set_base_url(std::string base_url);

  std::int64_t now() const;
  void advance_clock(std::chrono::seconds by);
  void reset();
  std::vector<Emulator::JournalEntry> journal() const;
  void clear_journal();
  std::size_t count(std::string const& method, std::string const& path_prefix) const;
  std::size_t token_grants(std::string const& grant_type) const;
  void inject(Emulator::Fault fault);
  std::size_t faults_fired() const;
  void expire_tokens();
  std::vector<Emulator::Fault> pending_faults() const;
  // Takes the switches (send_next_links ... rate_window) from `next` and restarts
  // the rate windows; std::invalid_argument when they are inconsistent.
  void set_switches(Options const& next);
  void note_connection() { ++connections_; }
  std::size_t connections_accepted() const { return connections_.load(); }
  // Throws std::invalid_argument for an unknown company.
  void add_partners(std::string const& company_id, std::size_t count);
  // The store to a state file; std::runtime_error when it cannot be written.
  void save_state(std::string const& path) const;

 private:
  HttpReply handle_api(InboundRequest const& request);
  // Rate limit, routing and the handler, then the journal entry (with data_ held).
  HttpReply serve(InboundRequest const& request);
  HttpReply dispatch(InboundRequest const& request);  // with data_ held
  // The quota error when the request's Api-Key is over the rate limit (with data_ held).
  std::optional<HttpReply> over_quota(InboundRequest const& request);
  void seed();  // with data_ held alone

  Options options_;  // the switches change with data_ held alone
  Catalog catalog_;
  Router router_;
  mutable ReadWriteLock data_;
  State state_;
  std::string base_url_;
  std::atomic<std::uint64_t> next_request_id_{1};
  std::atomic<std::size_t> connections_{0};
};

// /_emulator/...: health, journal, reset, clock, faults... Not journaled; with
// Options::admin_token set, every call but GET /_emulator/health needs it in
// admin_token_header (else 401).
HttpReply handle_admin(Service& service, InboundRequest const& request);

inline constexpr char const* admin_token_header = "X-Flowii-Emulator-Admin-Token";
// 127.0.0.0/8, ::1 (also v4-mapped) or "localhost". Any other name may be reachable from elsewhere.
bool is_loopback_host(std::string const& host);
// Checks an explicit Options::admin_token (std::invalid_argument) or, for a
// host beyond loopback, generates one (std::runtime_error without randomness).
void resolve_admin_token(Options& options);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_SERVICE_HPP
