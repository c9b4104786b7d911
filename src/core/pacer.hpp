// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Client-side request pacing (RateLimitOptions): hands out start times spaced
// `per / max_requests` apart, so requests never burst past the quota.
#ifndef FLOWII_SRC_CORE_PACER_HPP
#define FLOWII_SRC_CORE_PACER_HPP

#include <chrono>
#include <mutex>

namespace flowii::detail {

class Pacer {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  /// max_requests <= 0 turns pacing off; `per` must be positive.
  Pacer(int max_requests, std::chrono::milliseconds per);

  bool enabled() const { return interval_.count() > 0; }
  /// Reserves the next start slot at or after `now`; returns how long the caller
  /// must wait before sending (zero when it may send now).
  std::chrono::nanoseconds reserve(TimePoint now);

 private:
  std::chrono::nanoseconds interval_{0};
  std::mutex mu_;
  TimePoint next_{};  // earliest start of the next request
  bool started_ = false;
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_PACER_HPP
