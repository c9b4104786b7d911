// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Fuzz target: a response body through the JSON:API document parser and then
// through every typed model's field decoders (what list/get calls do with it).
#include "core/jsonapi.hpp"
#include "fuzz_models.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const body(reinterpret_cast<char const*>(data), size);
  auto doc = flowii::detail::parse_document(body);
  if (!doc) return 0;
  (void)flowii::detail::link(*doc, "next");
  for (auto const& resource : doc->data) {
    flowii::fuzz::decode_with_every_model(resource);
    (void)flowii::detail::single_document(resource);  // what a read-modify-write sends back
  }
  return 0;
}
