// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/status.hpp>

namespace flowii {

char const* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kOk:
      return "ok";
    case ErrorCode::kInvalidArgument:
      return "invalid-argument";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission-denied";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kMethodNotAllowed:
      return "method-not-allowed";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kRateLimited:
      return "rate-limited";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kTimeout:
      return "timeout";
    case ErrorCode::kNetwork:
      return "network";
    case ErrorCode::kInvalidResponse:
      return "invalid-response";
    case ErrorCode::kCompanySelection:
      return "company-selection";
    case ErrorCode::kOutcomeUnknown:
      return "outcome-unknown";
    case ErrorCode::kCancelled:
      return "cancelled";
    case ErrorCode::kUnknown:
      break;
  }
  return "unknown";
}

Status::Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

std::string Status::to_string() const {
  if (ok()) return "ok";
  std::string out = flowii::to_string(code_);
  if (http_status_ != 0) out += " (HTTP " + std::to_string(http_status_) + ")";
  if (!request_.empty()) out += " " + request_;
  out += ": " + message_;
  for (auto const& e : errors_) {
    // Any member may be missing; no dangling separators ("[: detail]").
    std::string item = e.title.empty() ? e.code : e.title;
    if (!e.detail.empty()) item += (item.empty() ? "" : ": ") + e.detail;
    if (!e.source_pointer.empty()) item += (item.empty() ? "at " : " at ") + e.source_pointer;
    if (!e.source_parameter.empty()) {
      item += item.empty() ? "parameter " + e.source_parameter : " (parameter " + e.source_parameter + ")";
    }
    out += " [" + item + "]";
  }
  if (!request_id_.empty()) out += " request-id=" + request_id_;
  return out;
}

Error::Error(Status status) : std::runtime_error(status.to_string()), status_(std::move(status)) {}

void throw_if_error(Status const& status) {
  if (!status.ok()) throw Error(status);
}

}  // namespace flowii
