// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Client-side request pacing, shared by every thread and copy of one Client
// (docs/adr/0012-concurrent-calls.md):
//  * a fixed pace (RateLimitOptions::max_requests per `per`): start times spaced
//    `per / max_requests` apart, so requests never burst past the quota;
//  * a hold: when FLOWii refuses a call for its quota (429, or 403 "quota
//    exceeded") with Retry-After, no request of the client starts before then;
//  * an adaptive pace (RateLimitOptions::adaptive): from a refusal on, requests are
//    spaced at the rate the client had achieved when FLOWii said stop, so a
//    fixed-window quota is met evenly instead of by a burst and a refusal per
//    thread each window. A later refusal slows it by 10 %; each quiet stretch
//    speeds it up by 5 % (additive-increase/multiplicative-decrease in spirit).
#ifndef FLOWII_SRC_CORE_PACER_HPP
#define FLOWII_SRC_CORE_PACER_HPP

#include <chrono>
#include <cstdint>
#include <mutex>

namespace flowii::detail {

class Pacer {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Duration = std::chrono::nanoseconds;

  /// max_requests <= 0: no fixed pace; `per` must then be positive. `adaptive`:
  /// learn a pace from quota refusals.
  Pacer(int max_requests, std::chrono::milliseconds per, bool adaptive = false);

  /// Whether a fixed pace is set.
  bool enabled() const { return fixed_.count() > 0; }

  struct Slot {
    Duration wait{0};   ///< how long to wait before sending (zero: send now)
    bool held = false;  ///< the wait is a hold FLOWii asked for, not only pacing
  };
  /// Reserves the next start slot at or after `now` and after any hold.
  Slot reserve(TimePoint now);
  /// Whether a hold forbids starting a request at `now` (one set while a caller slept).
  bool held(TimePoint now) const;

  /// Bracket every request: begin() before reserving its slot, then exactly one of
  /// abandoned() (never sent), answered() or refused(). `sent` is when it went out.
  void begin(TimePoint now);
  void abandoned(TimePoint now);
  /// `admitted`: FLOWii answered (any status but a quota refusal); false for a
  /// transport failure, which says nothing about the quota.
  void answered(TimePoint sent, TimePoint now, bool admitted);
  /// FLOWii refused it for its quota and asked (Retry-After, else the backoff) to
  /// wait `hold`: every request of the client waits until now + hold.
  void refused(TimePoint sent, TimePoint now, Duration hold);

  /// The learned spacing of request starts (zero: none learned), for tests.
  Duration learned_interval() const;

  /// A pace is learned only from this many requests answered since the last hold:
  /// fewer say too little about the quota.
  static constexpr int kMinSample = 4;
  /// Pace at this share of the measured rate, for the jitter of real threads.
  static constexpr double kMargin = 0.95;
  /// A refusal at the learned pace lowers it to this share.
  static constexpr double kSlowDown = 0.9;
  /// After this many measured windows without a refusal the pace rises by kProbeStep,
  /// so an estimate that came out low does not slow the client for good.
  static constexpr int kProbeAfter = 8;
  static constexpr double kProbeStep = 1.05;

 private:
  void end_activity(TimePoint now);  // mu_ held
  Duration interval(TimePoint now);  // mu_ held

  Duration const fixed_{0};
  bool const adaptive_;
  mutable std::mutex mu_;
  TimePoint next_{};  // earliest start of the next request
  bool started_ = false;

  TimePoint hold_until_{};  // no request starts before this
  TimePoint hold_set_{};    // when the hold was set: refusals of earlier requests add nothing new
  bool hold_seen_ = false;

  // Adaptive: since the last hold ended (the epoch), the requests answered and the
  // time the client was busy (some request begun and not yet ended), so that time
  // it had no work does not dilute the measured rate.
  Duration learned_{0};
  Duration window_{0};  // the epoch's length when the pace was learned
  TimePoint probe_at_{};
  TimePoint epoch_start_{};
  std::int64_t admitted_ = 0;
  Duration busy_{0};
  TimePoint busy_since_{};
  int active_ = 0;
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_PACER_HPP
