// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/wire.hpp"

#include "http/http_error.hpp"
#include "http/redact.hpp"

#include <flowii/version.hpp>

#include <algorithm>
#include <cmath>

namespace flowii::detail {

Status gave_up(Status last, int attempts) {
  if (attempts == 1) return last;  // retries were not allowed: nothing to add
  return last.with_message(last.message() + " (gave up after " + std::to_string(attempts) + " attempts)");
}

Status retry_after_too_long(Status last, std::chrono::seconds max_retry_after) {
  auto const asked = last.retry_after().value_or(std::chrono::seconds{0});
  return last.with_message(last.message() + " FLOWii asked to wait " + std::to_string(asked.count()) +
                           " s, more than RetryOptions::max_retry_after (" + std::to_string(max_retry_after.count()) +
                           " s); not waiting.");
}

Wire::Wire(ClientOptions const& options)
    : options_(options),
      transport_(options.transport ? options.transport : make_curl_transport(options.transport_options)),
      user_agent_(std::string("flowii-cpp/") + version_string()),
      pacer_(options.rate_limit.max_requests, options.rate_limit.per, options.rate_limit.adaptive),
      rng_(options.jitter_seed != 0 ? options.jitter_seed : std::random_device{}()) {
  if (!options_.user_agent_suffix.empty()) user_agent_ += " " + options_.user_agent_suffix;
}

bool Wire::logs(LogLevel level) const {
  auto const& l = options_.log;
  return l.sink && l.level != LogLevel::kOff && level >= l.level;
}

void Wire::log(LogLevel level, std::string const& message) const {
  if (logs(level)) options_.log.sink(level, message);
}

HttpHeaders Wire::headers(std::string const& accept, std::string const* content_type) const {
  HttpHeaders h;
  h.reserve(5);  // with the caller's Authorization: no reallocation
  h.emplace_back("Api-Key", options_.credentials.api_key);
  h.emplace_back("Accept", accept);
  h.emplace_back("User-Agent", user_agent_);
  if (content_type != nullptr) h.emplace_back("Content-Type", *content_type);
  return h;
}

std::chrono::milliseconds Wire::backoff(int attempt) {
  auto const& r = options_.retry;
  double base = static_cast<double>(r.initial_backoff.count()) * std::pow(std::max(r.multiplier, 1.0), attempt - 1);
  base = std::min(base, static_cast<double>(r.max_backoff.count()));
  double jitter = std::clamp(r.jitter, 0.0, 1.0);
  double factor = 1.0;
  if (jitter > 0) {
    std::lock_guard<std::mutex> lk(rng_mu_);
    factor = std::uniform_real_distribution<double>(1.0 - jitter, 1.0 + jitter)(rng_);
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(base * factor));
}

Attempt Wire::send(HttpRequest const& request, std::string const& where, TimePoint deadline, Count count) {
  if (auto paced = pace(where, deadline); !paced.ok()) return Attempt{false, std::move(paced), {}, {}};
  auto const started = options_.clock();
  if (logs(LogLevel::kDebug)) {  // the hot path: no message is built when nobody reads it
    log(LogLevel::kDebug, "request " + request.method + " " + loggable_url(request.url) +
                              " headers: " + loggable_headers(request.headers));
  }
  Attempt attempt{true, transport_->send(request), {}, {}};
  auto const answered = options_.clock();
  settle(attempt, started, answered, where, count.retries_used);
  log_answer(request, attempt, count.attempt, answered - started);
  return attempt;
}

// Names the failure's request, maps a non-2xx answer, and tells the pacer how the
// attempt ended: the quota is the API key's, not this call's, so after a quota
// refusal every call of the client waits as long as this one will.
void Wire::settle(Attempt& attempt, TimePoint started, TimePoint answered, std::string const& where, int retries_used) {
  if (!attempt.result) {
    Status failure = attempt.result.status();
    attempt.result = std::move(failure.with_request(where));
    pacer_.answered(started, answered, /*admitted=*/false);
    return;
  }
  HttpResponse const& response = *attempt.result;
  if (response.status >= 200 && response.status < 300) {
    pacer_.answered(started, answered, /*admitted=*/true);
    return;
  }
  attempt.error = error_from_response(response, where, options_.wall_clock());
  if (auto ra = attempt.error.retry_after()) attempt.wait = std::chrono::milliseconds(*ra);
  if (status_meaning(attempt.error, response.status) != 429) {
    pacer_.answered(started, answered, /*admitted=*/true);
    return;
  }
  if (!attempt.wait) attempt.wait = backoff(retries_used + 1);
  pacer_.refused(started, answered, *attempt.wait);
}

void Wire::log_answer(HttpRequest const& request, Attempt const& attempt, int number, Duration elapsed) const {
  if (!logs(attempt.result ? LogLevel::kInfo : LogLevel::kWarn)) return;
  auto const ms = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count());
  std::string const what = request.method + " " + loggable_url(request.url);
  if (!attempt.result) {
    log(LogLevel::kWarn, what + " failed after " + ms + " ms: " + attempt.result.status().message());
    return;
  }
  log(LogLevel::kInfo, what + " -> " + std::to_string(attempt.result->status) + " in " + ms + " ms (attempt " +
                           std::to_string(number) + ")");
  if (logs(LogLevel::kDebug)) log(LogLevel::kDebug, "response headers: " + loggable_headers(attempt.result->headers));
}

Status Wire::pace(std::string const& where, TimePoint deadline) {
  pacer_.begin(options_.clock());
  while (true) {
    auto const slot = pacer_.reserve(options_.clock());
    if (slot.wait.count() <= 0) return Status();
    auto const wait = std::chrono::ceil<std::chrono::milliseconds>(slot.wait);
    auto const past_deadline = options_.clock() + wait > deadline;
    // Sending after a hold too long to wait would only collect a refusal of its own.
    bool const refused = slot.held && (past_deadline || wait > options_.retry.max_retry_after);
    if (refused || past_deadline) {
      pacer_.abandoned(options_.clock());
      if (refused) return held_off(where, wait, past_deadline);
      return Status(ErrorCode::kTimeout, where +
                                             ": the client-side rate limit (ClientOptions::rate_limit) "
                                             "would delay this call past RetryOptions::total_timeout");
    }
    options_.sleep(wait);
    // Another call may have been refused while this one slept: then wait for FLOWii too.
    if (!pacer_.held(options_.clock())) return Status();
  }
}

Status Wire::held_off(std::string const& where, std::chrono::milliseconds wait, bool past_deadline) const {
  auto const seconds = std::chrono::ceil<std::chrono::seconds>(wait);
  std::string const why = past_deadline ? "(the retry deadline RetryOptions::total_timeout would pass)"
                                        : "more than RetryOptions::max_retry_after (" +
                                              std::to_string(options_.retry.max_retry_after.count()) + " s)";
  return Status(ErrorCode::kRateLimited,
                std::string("not sent: FLOWii's request quota is used up and it asked another call of this client ") +
                    "to wait " + std::to_string(seconds.count()) + " s, " + why + ".")
      .with_request(where)
      .with_retry_after(seconds);
}

Status Wire::wait_to_retry(Status const& last, std::chrono::milliseconds delay, std::string const& where, int next,
                           int max_attempts, TimePoint deadline) {
  if (options_.clock() + delay > deadline) {
    return Status(last).with_message(last.message() + " (the retry deadline RetryOptions::total_timeout would pass)");
  }
  log(LogLevel::kInfo, "retrying " + where + " in " + std::to_string(delay.count()) + " ms");
  notify(CallEvent{CallEvent::Kind::kRetryWait, last, delay, next, max_attempts});
  options_.sleep(delay);
  return Status();
}

}  // namespace flowii::detail
