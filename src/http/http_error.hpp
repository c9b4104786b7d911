// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: what an HTTP answer means — the one mapping from a status and its
// error body to a Status, for business calls and for POST /token alike, and the
// facts about statuses the retry rules are built from
// (docs/adr/0005-retries-and-idempotency.md). Pure functions.
#ifndef FLOWII_SRC_HTTP_HTTP_ERROR_HPP
#define FLOWII_SRC_HTTP_HTTP_ERROR_HPP

#include <flowii/http.hpp>
#include <flowii/status.hpp>

#include <chrono>
#include <string>

namespace flowii::detail {

ErrorCode code_for_http(int status);
/// What the status means and what to do about it, for Status::message().
std::string advice_for_http(int status);

/// The Status for a non-2xx answer to `request` ("GET /partners/7"): code, advice,
/// the error body's errors, Retry-After (an HTTP-date is read against `now`) and the
/// request id. A 403 whose title says "quota exceeded" is the kRateLimited it means.
Status error_from_response(HttpResponse const& response, std::string const& request,
                           std::chrono::system_clock::time_point now);
/// The Status for a refused POST /token: which credential FLOWii refused, from the
/// OAuth error (or the same code in a JSON:API errors[0].code).
Status token_error_from_response(HttpResponse const& response);

/// The status the retry rules go by: 429 for a quota refusal (`error` is
/// error_from_response's Status for it), else the HTTP status.
int status_meaning(Status const& error, int http_status);
/// 408, 429, 502, 503, 504; 500 only when repeating the call is safe.
bool is_retryable_status(int meaning, bool idempotent);
/// 429 and 503: FLOWii says it did not process the request at all, so even a POST
/// may be sent again.
bool is_explicit_refusal(int meaning);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_HTTP_HTTP_ERROR_HPP
