// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The mutable emulator state and the per-call context handlers receive.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_CONTEXT_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_CONTEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <flowii/emulator/emulator.hpp>

#include "auth.hpp"
#include "clock.hpp"
#include "faults.hpp"
#include "http_types.hpp"
#include "journal.hpp"
#include "rate_limit.hpp"
#include "rng.hpp"
#include "store.hpp"

namespace flowii::emulator {

class Catalog;

// The service's state. The store, clock, tokens and token_rng are guarded by
// the service's data lock: requests that only read (GET) hold it shared, all
// others hold it alone. The journal, faults and rate windows change on reads
// too, so each has a lock of its own.
struct State {
  explicit State(Options const& options)
      : clock(options.clock_start, demo_epoch, options.clock_follows_real_time), token_rng(token_seed(options.seed)) {
    clock.set_skew(options.server_clock_skew);
  }
  // The instant the demo data is dated from: fixed, never "today" (see demo_epoch).
  static std::int64_t seed_epoch(Options const& options) {
    return options.clock_start != 0 ? options.clock_start : demo_epoch;
  }
  static std::uint64_t token_seed(std::uint64_t seed) { return seed ^ 0x746F6B656E73ull; }

  Store store;
  VirtualClock clock;
  TokenStore tokens;
  Rng token_rng;  // separate stream: demo data changes must not change tokens
  Journal journal;
  FaultQueue faults;
  RateLimiter rate;
};

struct Ctx {
  InboundRequest const& request;
  std::vector<std::string> path_params;  // the {…} segments of the route, in order
  Options const& options;
  Catalog const& catalog;
  State& state;
  std::string base_url;                // "http://host:port", from the Host header
  std::string company;                 // set by authorize_company
  EmulatedUser const* user = nullptr;  // set by authenticate

  RecordView view() const { return {state.store, company}; }
  std::int64_t now() const { return state.clock.now(); }
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_CONTEXT_HPP
