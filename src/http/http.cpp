// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/http.hpp>

#include "http/redact.hpp"

namespace flowii {

std::string const* find_header(HttpHeaders const& headers, std::string const& name) {
  for (auto const& header : headers) {
    if (detail::iequals(header.first, name)) return &header.second;
  }
  return nullptr;
}

std::optional<TransportFailure> transport_failure(Status const& status) {
  if (status.ok()) return std::nullopt;
  return status.transport_failure_;
}

Status make_transport_error(TransportFailure kind, ErrorCode code, std::string message) {
  // A failure must not look like success, whatever the caller passed.
  Status status(code == ErrorCode::kOk ? ErrorCode::kNetwork : code, std::move(message));
  status.transport_failure_ = kind;
  return status;
}

}  // namespace flowii
