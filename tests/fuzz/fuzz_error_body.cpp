// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Fuzz target: an error response body (JSON:API errors[], OAuth error, .NET
// message or garbage) through the error parser.
#include "core/jsonapi.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  auto const errors = flowii::detail::parse_error_body(std::string_view(reinterpret_cast<char const*>(data), size));
  for (auto const& e : errors.errors) (void)e.detail.size();
  return 0;
}
