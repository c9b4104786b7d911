// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Fuzz target: the body of a POST /token answer (as 200 and as 400) through
// the token manager, which must turn anything into a token or a typed error.
#include "auth/token_manager.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string const body(reinterpret_cast<char const*>(data), size);
  for (int status : {200, 400}) {
    flowii::detail::TokenManager tokens(
        flowii::Credentials{"fuzz-key", "fuzz-user", "fuzz-password"},
        [&](std::string const&) -> flowii::Result<flowii::HttpResponse> {
          return flowii::HttpResponse{status, {{"Content-Type", "application/json"}}, body};
        },
        [] { return std::chrono::steady_clock::time_point(std::chrono::hours(1)); }, std::chrono::seconds(60));
    auto token = tokens.token();
    if (token) (void)token->size();
  }
  return 0;
}
