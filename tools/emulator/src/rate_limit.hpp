// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Rate limiting per API key, and the "quota exceeded" replies FLOWii sends
// when a client calls too often (status and Retry-After form are switches).
#ifndef FLOWII_TOOLS_EMULATOR_SRC_RATE_LIMIT_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_RATE_LIMIT_HPP

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <flowii/emulator/emulator.hpp>

#include "http_types.hpp"

namespace flowii::emulator {

// The title one FLOWii client recognises throttling by ("quota exceeded").
inline constexpr char const* quota_title = "API calls quota exceeded!";

// Fixed windows per key, opened by the key's first request and measured on the
// virtual clock, so tests move past a window with advance_clock(). Thread-safe
// on its own: concurrent reads count against the windows too.
class RateLimiter {
 public:
  // Counts a request of `key`; when it is over `limit`, it is not counted and
  // the result is the unix second at which the key's window ends.
  std::optional<std::int64_t> admit(std::string const& key, std::int64_t now, int limit, std::int64_t window);
  void clear();

 private:
  struct Window {
    std::int64_t start = 0;
    int used = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

// Retry-After for a wait until `until`, in the configured form (nullopt for none).
std::optional<std::string> retry_after_value(RetryAfterForm form, std::int64_t until, std::int64_t now);
// The quota error: options.quota_status, JSON:API errors[0].title = quota_title.
HttpReply quota_reply(Options const& options, std::int64_t window_end, std::int64_t now);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_RATE_LIMIT_HPP
