// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/retry_policy.hpp"

#include "core/wire.hpp"
#include "http/http_error.hpp"

#include <flowii/http.hpp>

#include <string>
#include <utility>

namespace flowii::detail {
namespace {

using Action = Decision::Action;

Decision fail(Status status) { return {Action::kFail, std::move(status), std::nullopt, false}; }

// A write whose request may have reached FLOWii without a complete answer coming
// back: the caller must not take it for a failure to retry (a second invoice is a
// legal document). `what` says what happened; the original error stays visible.
Decision outcome_unknown(Status const& cause, std::string const& what) {
  Status s(ErrorCode::kOutcomeUnknown,
           what +
               "; the change may have taken effect in FLOWii. Do not repeat it blindly: look for the record "
               "first (for a create, list with a created-from filter; for an update, read the record) (" +
               to_string(cause.code()) + ": " + cause.message() + ")");
  s.with_request(cause.request()).with_attempts(cause.attempts());
  if (cause.http_status() != 0) s.with_http_status(cause.http_status());
  if (!cause.request_id().empty()) s.with_request_id(cause.request_id());
  return {Action::kOutcomeUnknown, std::move(s), std::nullopt, false};
}

Decision retry_unless_spent(Status last, std::optional<std::chrono::milliseconds> wait, Progress const& p,
                            bool may_have_acted) {
  if (p.retries_used + 1 >= p.max_attempts) return fail(gave_up(std::move(last), p.attempts));
  return {Action::kRetry, std::move(last), wait, may_have_acted};
}

// No answer: retry only when the request cannot have been processed, or repeating it is safe.
Decision classify_failure(Outcome const& o, Progress const& p) {
  Status last = o.error;
  last.with_attempts(p.attempts);
  auto const kind = transport_failure(last);
  bool const reached = kind && (*kind == TransportFailure::kSend || *kind == TransportFailure::kReceive);
  if (reached && !p.idempotent) {
    return outcome_unknown(last, std::string(p.where) + " was sent but no complete answer came back");
  }
  if (!kind || !(*kind == TransportFailure::kConnect || (p.idempotent && reached))) return fail(std::move(last));
  return retry_unless_spent(std::move(last), std::nullopt, p, p.may_have_acted || *kind != TransportFailure::kConnect);
}

// A non-2xx answer other than the 401 to renew on.
Decision classify_answer(Outcome const& o, Progress const& p) {
  Status last = o.error;
  last.with_attempts(p.attempts);
  int const meaning = status_meaning(last, o.http_status);  // a 403 quota refusal is a 429
  if (!is_retryable_status(meaning, p.idempotent) || !(p.idempotent || is_explicit_refusal(meaning))) {
    // 502 and 504 come from a gateway in front of FLOWii, which may have passed
    // the write on before it lost the answer.
    if (!p.idempotent && (meaning == 502 || meaning == 504)) {
      return outcome_unknown(
          last, std::string(p.where) + " got " + std::to_string(meaning) + " from a gateway in front of FLOWii");
    }
    return fail(std::move(last));
  }
  if (auto ra = last.retry_after(); ra && *ra > p.max_retry_after) {
    return fail(retry_after_too_long(std::move(last), p.max_retry_after));
  }
  return retry_unless_spent(std::move(last), o.wait, p, p.may_have_acted || !is_explicit_refusal(meaning));
}

}  // namespace

Decision classify(Outcome const& outcome, Progress const& progress) {
  int const status = outcome.http_status;
  if (status == 0) return classify_failure(outcome, progress);
  if (status >= 200 && status < 300) return {Action::kSucceed, Status(), std::nullopt, progress.may_have_acted};
  if (status == 404 && progress.is_delete && progress.may_have_acted) {
    return {Action::kTreatAsDeleted, Status(), std::nullopt, true};
  }
  // The token expired or was revoked: FLOWii refused the request before processing
  // it, so repeating it is safe even for a POST.
  if (status == 401 && progress.can_renew)
    return {Action::kRenewToken, Status(), std::nullopt, progress.may_have_acted};
  return classify_answer(outcome, progress);
}

}  // namespace flowii::detail
