// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The one error model of the SDK: every call returns a Status (no value) or a
// Result<T> (value or Status). See docs/adr/0001-errors-as-values.md.
#ifndef FLOWII_STATUS_HPP
#define FLOWII_STATUS_HPP

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowii {

enum class TransportFailure;  // defined in <flowii/http.hpp>

/// Canonical error categories. HTTP statuses and transport failures map onto these.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,   ///< bad input detected before sending, or HTTP 400/422
  kUnauthenticated,   ///< HTTP 401, or the token endpoint rejected the credentials
  kPermissionDenied,  ///< HTTP 403 (e.g. a company outside the access list)
  kNotFound,          ///< HTTP 404
  kMethodNotAllowed,  ///< HTTP 405
  kConflict,          ///< HTTP 409
  kRateLimited,       ///< HTTP 429 (FLOWii: "quota exceeded")
  kInternal,          ///< HTTP 500 and other unexpected 5xx
  kUnavailable,       ///< HTTP 502/503/504
  kTimeout,           ///< connect or total timeout, or the retry deadline ran out
  kNetwork,           ///< connection refused/reset, DNS, TLS and other transport failures
  kInvalidResponse,   ///< the server answered with something we cannot parse
  kCompanySelection,  ///< the company could not be chosen (none, unknown or ambiguous)
  /// A write (POST, PATCH) may have reached FLOWii but no complete answer came back
  /// (answer cut, connection reset or closed after sending, timeout after sending,
  /// 502/504 from a proxy): the change may have taken effect. Never repeat it blindly;
  /// look first (see docs/errors-and-retries.md, "Outcome unknown").
  kOutcomeUnknown,
  /// The call was never started: Batch::cancel() dropped it from the queue. Nothing
  /// was sent for it, so it may simply be submitted again.
  kCancelled,
  kUnknown,
};

/// Short, stable name of an ErrorCode ("not-found", "rate-limited", ...).
char const* to_string(ErrorCode code) noexcept;

/// One JSON:API error object (https://jsonapi.org/format/#error-objects).
struct ApiError {
  std::string id;
  std::string status;
  std::string code;
  std::string title;
  std::string detail;
  std::string source_pointer;    ///< e.g. "/data/attributes/name"
  std::string source_parameter;  ///< e.g. "companyId"
};

/// Success, or everything known about a failure. Cheap to copy when ok().
class Status {
 public:
  Status() = default;  ///< OK
  Status(ErrorCode code, std::string message);

  bool ok() const noexcept { return code_ == ErrorCode::kOk; }
  explicit operator bool() const noexcept { return ok(); }

  ErrorCode code() const noexcept { return code_; }
  /// Human-readable text that says what happened and what to do. Never holds secrets.
  std::string const& message() const noexcept { return message_; }
  /// HTTP status of the last response, 0 when no response was received.
  int http_status() const noexcept { return http_status_; }
  /// JSON:API `errors[]` of the response body, if any.
  std::vector<ApiError> const& errors() const noexcept { return errors_; }
  /// OAuth `error` / `error_description` from the token endpoint, if any.
  std::string const& oauth_error() const noexcept { return oauth_error_; }
  std::string const& oauth_error_description() const noexcept { return oauth_error_description_; }
  /// The server's Retry-After, converted to a duration (both header forms are understood).
  std::optional<std::chrono::seconds> retry_after() const noexcept { return retry_after_; }
  /// Request id header of the response (X-Request-Id / Request-Id), if the server sent one.
  std::string const& request_id() const noexcept { return request_id_; }
  /// How many HTTP attempts the call made (retries included).
  int attempts() const noexcept { return attempts_; }
  /// Method and path of the failed request, without query values ("GET /partners/12").
  std::string const& request() const noexcept { return request_; }
  /// A short excerpt of an unparseable body (secrets masked), for diagnostics.
  std::string const& body_excerpt() const noexcept { return body_excerpt_; }

  /// "not-found (HTTP 404) GET /partners/9: message [title: detail]"
  std::string to_string() const;

  // Builders, used by the SDK and by fakes in tests.
  Status& with_http_status(int s) {
    http_status_ = s;
    return *this;
  }
  Status& with_errors(std::vector<ApiError> e) {
    errors_ = std::move(e);
    return *this;
  }
  Status& with_oauth_error(std::string e, std::string d) {
    oauth_error_ = std::move(e);
    oauth_error_description_ = std::move(d);
    return *this;
  }
  Status& with_retry_after(std::optional<std::chrono::seconds> r) {
    retry_after_ = r;
    return *this;
  }
  Status& with_request_id(std::string id) {
    request_id_ = std::move(id);
    return *this;
  }
  Status& with_attempts(int n) {
    attempts_ = n;
    return *this;
  }
  Status& with_request(std::string r) {
    request_ = std::move(r);
    return *this;
  }
  Status& with_body_excerpt(std::string b) {
    body_excerpt_ = std::move(b);
    return *this;
  }
  Status& with_message(std::string m) {
    message_ = std::move(m);
    return *this;
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  int http_status_ = 0;
  std::vector<ApiError> errors_;
  std::string oauth_error_;
  std::string oauth_error_description_;
  std::optional<std::chrono::seconds> retry_after_;
  std::string request_id_;
  int attempts_ = 0;
  std::string request_;
  std::string body_excerpt_;
  // Set only by make_transport_error(); read by transport_failure() (flowii/http.hpp).
  std::optional<TransportFailure> transport_failure_;

  friend std::optional<TransportFailure> transport_failure(Status const& status);
  friend Status make_transport_error(TransportFailure kind, ErrorCode code, std::string message);
};

/// The exception thrown by Result<T>::value() (and Status-returning helpers) for
/// callers who prefer exceptions. what() is Status::to_string().
class Error : public std::runtime_error {
 public:
  explicit Error(Status status);
  Status const& status() const noexcept { return status_; }

 private:
  Status status_;
};

/// Throws Error if !status.ok().
void throw_if_error(Status const& status);

}  // namespace flowii

#endif  // FLOWII_STATUS_HPP
