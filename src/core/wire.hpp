// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: one attempt on the wire, shared by the token request (src/auth) and
// the request pipeline (src/core/pipeline.hpp): the common headers, pacing, the
// transport, logging with redaction, what the answer means (http/http_error.hpp)
// and the wait before another attempt. It decides nothing about retrying.
// The layers (docs/adr/0004-transport.md): transport <- wire <- token <- pipeline
// <- session <- Core.
#ifndef FLOWII_SRC_CORE_WIRE_HPP
#define FLOWII_SRC_CORE_WIRE_HPP

#include <flowii/http.hpp>
#include <flowii/options.hpp>

#include "core/pacer.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>

namespace flowii::detail {

/// What one attempt came to.
struct Attempt {
  bool sent = false;  ///< false: pacing kept it from being sent and `result` says why
  /// The answer (any status), or the transport's failure with its request set.
  Result<HttpResponse> result;
  Status error;  ///< a non-2xx answer as a Status (error_from_response)
  /// How long FLOWii asked to wait: the hold after a quota refusal (Retry-After,
  /// else the backoff), else a Retry-After.
  std::optional<std::chrono::milliseconds> wait;
};

class Wire {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  /// `options` are Core's, with clock, sleep and wall_clock set; they outlive the Wire.
  explicit Wire(ClientOptions const& options);

  /// Api-Key, Accept, User-Agent, and Content-Type when `content_type` is not null.
  HttpHeaders headers(std::string const& accept, std::string const* content_type) const;
  /// Which attempt of a call this is: `attempt` counts the HTTP requests (for the log);
  /// `retries_used` the retries spent, which pick the backoff a quota refusal holds for.
  struct Count {
    int attempt = 1;
    int retries_used = 0;
  };
  /// Waits for the request's slot (pacing, holds), sends it, logs it and tells the pacer.
  /// `where` ("GET /partners/7") names it in errors.
  Attempt send(HttpRequest const& request, std::string const& where, TimePoint deadline, Count count);
  /// Waits `delay` before attempt `next` of `max_attempts`, telling on_event; `last`
  /// with a note instead when the wait would pass `deadline`.
  Status wait_to_retry(Status const& last, std::chrono::milliseconds delay, std::string const& where, int next,
                       int max_attempts, TimePoint deadline);
  /// The exponential backoff with jitter before retry number `attempt` (1-based).
  std::chrono::milliseconds backoff(int attempt);

  TimePoint now() const { return options_.clock(); }
  RetryOptions const& retry() const { return options_.retry; }
  std::string const& base_url() const { return options_.base_url; }
  void notify(CallEvent const& event) const {
    if (options_.on_event) options_.on_event(event);
  }
  void log(LogLevel level, std::string const& message) const;
  /// Whether log(level, ...) would reach the sink: callers skip building messages otherwise.
  bool logs(LogLevel level) const;

 private:
  Status pace(std::string const& where, TimePoint deadline);
  Status held_off(std::string const& where, std::chrono::milliseconds wait, bool past_deadline) const;
  void settle(Attempt& attempt, TimePoint started, TimePoint answered, std::string const& where, int retries_used);
  using Duration = TimePoint::duration;
  void log_answer(HttpRequest const& request, Attempt const& attempt, int number, Duration elapsed) const;

  ClientOptions const& options_;
  std::shared_ptr<HttpTransport> transport_;
  std::string user_agent_;
  Pacer pacer_;
  std::mutex rng_mu_;
  std::mt19937_64 rng_;
};

/// `last` when the call's attempts are used up: it says so when there was more than one.
Status gave_up(Status last, int attempts);
/// `last` when FLOWii asked to wait longer than RetryOptions::max_retry_after.
Status retry_after_too_long(Status last, std::chrono::seconds max_retry_after);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_WIRE_HPP
