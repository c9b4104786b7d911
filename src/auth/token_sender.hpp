// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the token request's own short path. POST /token goes out through the
// wire (headers with the Api-Key, pacing, logging) with a retry rule of its own,
// never through the request pipeline, which needs a token before it sends
// anything (docs/adr/0002-auth-renewal.md).
#ifndef FLOWII_SRC_AUTH_TOKEN_SENDER_HPP
#define FLOWII_SRC_AUTH_TOKEN_SENDER_HPP

#include <flowii/http.hpp>

#include "core/wire.hpp"

#include <string>

namespace flowii::detail {

class TokenSender {
 public:
  explicit TokenSender(Wire& wire) : wire_(wire) {}

  /// Sends one form-encoded POST /token. FLOWii's answer comes back as it is,
  /// whatever its status, for the TokenManager to read; an error only when no
  /// answer came or a retry could not be waited for.
  Result<HttpResponse> post(std::string const& form);

 private:
  Wire& wire_;
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_AUTH_TOKEN_SENDER_HPP
