// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the retry rules of docs/adr/0005-retries-and-idempotency.md as one pure
// function: what to do after one attempt of a call. The pipeline's loop
// (src/core/pipeline.cpp) sends, classifies and waits; nothing here sends or sleeps.
#ifndef FLOWII_SRC_CORE_RETRY_POLICY_HPP
#define FLOWII_SRC_CORE_RETRY_POLICY_HPP

#include <flowii/status.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace flowii::detail {

/// How one attempt ended.
struct Outcome {
  int http_status = 0;  ///< the answer's status; 0: no answer came and `error` is the transport's failure
  Status error;         ///< the transport's failure, or a non-2xx answer as a Status
  std::optional<std::chrono::milliseconds> wait;  ///< FLOWii's Retry-After, or the hold after a quota refusal
};

/// Where the call stands after that attempt.
struct Progress {
  std::string_view where;       ///< "POST /partners", for messages
  bool idempotent = true;       ///< repeating the call is safe
  bool is_delete = false;       ///< the call is a DELETE
  bool can_renew = false;       ///< a 401 may still renew the token (authenticated, not renewed yet)
  bool may_have_acted = false;  ///< an earlier attempt reached FLOWii and its outcome is unknown
  int attempts = 1;             ///< HTTP requests sent, this one included
  int retries_used = 0;         ///< retries spent before this attempt (the 401 renewal is not one)
  int max_attempts = 1;         ///< RetryOptions::max_attempts or the call's own
  std::chrono::seconds max_retry_after{0};
};

struct Decision {
  enum class Action {
    kSucceed,         ///< a 2xx answer: return it
    kTreatAsDeleted,  ///< a DELETE's 404 after an attempt that may have deleted it: done
    kRenewToken,      ///< a 401: drop the token, renew it and repeat (not a retry)
    kRetry,           ///< wait `wait` (none: the backoff), then repeat
    kFail,            ///< return `status`
    kOutcomeUnknown,  ///< return `status` (kOutcomeUnknown): the write may have happened
  };
  Action action = Action::kFail;
  Status status;  ///< kFail, kOutcomeUnknown: the call's error; kRetry: the attempt's, for CallEvent
  std::optional<std::chrono::milliseconds> wait;
  bool may_have_acted = false;  ///< Progress::may_have_acted for the next attempt
};

/// The decision after one attempt. Pure: the same inputs give the same decision.
Decision classify(Outcome const& outcome, Progress const& progress);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_RETRY_POLICY_HPP
