// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "failure.hpp"

namespace flowii::cli {

int exit_code_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kOk:
      return kExitOk;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kPermissionDenied:
      return kExitAuth;
    case ErrorCode::kNotFound:
      return kExitNotFound;
    case ErrorCode::kInvalidArgument:
      return kExitValidation;
    case ErrorCode::kRateLimited:
    case ErrorCode::kUnavailable:
    case ErrorCode::kTimeout:
    case ErrorCode::kNetwork:
      return kExitTransient;
    case ErrorCode::kCompanySelection:
      return kExitUsage;
    default:
      return kExitOther;
  }
}

namespace {
char const* advice(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUnauthenticated:
      return "check FLOWII_API_KEY, FLOWII_USERNAME and the password (see `flowii login`)";
    case ErrorCode::kPermissionDenied:
      return "your FLOWii user may not do this here; check --company (see `flowii companies`)";
    case ErrorCode::kNotFound:
      return "check the id (the `list` command shows the ids)";
    case ErrorCode::kInvalidArgument:
      return "fix the data named above and try again";
    case ErrorCode::kRateLimited:
      return "FLOWii's quota is used up; wait and try again";
    case ErrorCode::kUnavailable:
    case ErrorCode::kTimeout:
    case ErrorCode::kNetwork:
      return "check FLOWII_API_URL and the network, then try again";
    case ErrorCode::kCompanySelection:
      return "choose one with --company ID (see `flowii companies`)";
    default:
      return "";
  }
}
}  // namespace

void fail(Status const& status) {
  std::string message = status.to_string();
  std::string const hint = advice(status.code());
  if (!hint.empty()) message += "\n  hint: " + hint;
  throw Failure(exit_code_for(status.code()), message);
}

}  // namespace flowii::cli
