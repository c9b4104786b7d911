// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Virtual clock and the date formats FLOWii uses.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_CLOCK_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_CLOCK_HPP

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowii::emulator {

// A start instant plus whatever tests add with advance(), plus the real
// (steady) time since construction when it follows real time; so tokens
// expire on demand without sleeping. Not thread-safe on its own: the
// service's data lock guards it (now() is const and changes nothing, so
// concurrent readers may call it).
class VirtualClock {
 public:
  // 0 = the real time now, but not before `earliest`.
  VirtualClock(std::int64_t start_unix, std::int64_t earliest, bool follows_real_time);
  std::int64_t now() const;  // unix seconds, the server's: the virtual time plus the skew
  std::int64_t virtual_now() const { return now() - skew_.count(); }
  void advance(std::chrono::seconds by);
  void set_skew(std::chrono::seconds skew) { skew_ = skew; }

 private:
  std::int64_t start_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::seconds offset_{0};
  std::chrono::seconds skew_{0};  // Options::server_clock_skew
  bool follows_real_time_;
};

// "Fri, 06 Oct 2017 12:01:36 GMT" (RFC 1123), as in the token's .issued/.expires.
std::string format_http_date(std::int64_t unix_seconds);
// "2017-10-06T12:01:36": FLOWii's zone-less date-time (the emulator uses UTC).
std::string format_local(std::int64_t unix_seconds);
// Accepts "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (optional fraction), no zone.
std::optional<std::int64_t> parse_local(std::string_view text);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_CLOCK_HPP
