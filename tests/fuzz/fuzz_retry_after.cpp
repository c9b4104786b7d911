// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Fuzz target: Retry-After values (delta seconds or HTTP-date) and HTTP dates.
#include "http/retry_after.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(1'750'000'000));
  if (auto wait = flowii::detail::parse_retry_after(text, now)) {
    if (wait->count() < 0) std::abort();  // a wait is never negative
  }
  (void)flowii::detail::parse_http_date(text);
  return 0;
}
