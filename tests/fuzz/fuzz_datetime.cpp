// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Fuzz target: FLOWii's zone-less dates and date-times. Whatever parses must
// print back to text that parses to the same value.
#include <flowii/datetime.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  if (auto d = flowii::Date::parse(text)) {
    if (flowii::Date::parse(d->to_string()) != d) std::abort();
  }
  if (auto t = flowii::DateTime::parse(text)) {
    if (flowii::DateTime::parse(t->to_string()) != t) std::abort();
    (void)flowii::UnixTime::from(*t);
  }
  return 0;
}
