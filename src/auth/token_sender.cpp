// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "auth/token_sender.hpp"

#include "http/http_error.hpp"

#include <algorithm>
#include <utility>

namespace flowii::detail {
namespace {

std::string const kWhere = "POST /token";

// A grant only issues another token, so the token request is repeated whenever
// FLOWii may not have answered it: any failure but an oversized answer, and the
// statuses a repeatable call retries (408, 429 and a quota 403, 500, 502-504).
bool retryable(Attempt const& attempt) {
  if (!attempt.result) {
    auto const kind = transport_failure(attempt.result.status());
    return kind && *kind != TransportFailure::kTooLarge;
  }
  return is_retryable_status(status_meaning(attempt.error, attempt.result->status), /*idempotent=*/true);
}

}  // namespace

Result<HttpResponse> TokenSender::post(std::string const& form) {
  auto const& retry = wire_.retry();
  auto const deadline = wire_.now() + retry.total_timeout;
  int const max_attempts = std::max(1, retry.max_attempts);
  static std::string const kContentType = "application/x-www-form-urlencoded";
  HttpRequest const request{"POST", wire_.base_url() + "/token",
                            wire_.headers("application/vnd.api+json", &kContentType), form,
                            std::chrono::milliseconds{0}};
  for (int attempts = 1;; ++attempts) {
    Attempt attempt = wire_.send(request, kWhere, deadline, {attempts, attempts - 1});
    if (!attempt.sent) return Status(attempt.result.status()).with_attempts(attempts - 1);
    bool const answered = attempt.result.ok();
    Status last = answered ? attempt.error : attempt.result.status();
    last.with_attempts(attempts);
    if (!retryable(attempt)) return answered ? std::move(attempt.result) : Result<HttpResponse>(std::move(last));
    if (auto ra = last.retry_after(); answered && ra && *ra > retry.max_retry_after) {
      return retry_after_too_long(std::move(last), retry.max_retry_after);
    }
    if (attempts >= max_attempts)
      return answered ? std::move(attempt.result) : Result<HttpResponse>(gave_up(last, attempts));
    auto const backoff = wire_.backoff(attempts);  // drawn even when FLOWii said how long: one jitter sequence
    auto waited =
        wire_.wait_to_retry(last, attempt.wait.value_or(backoff), kWhere, attempts + 1, max_attempts, deadline);
    if (!waited.ok()) return waited;
  }
}

}  // namespace flowii::detail
