// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Goal 4: the bytes of a 1,000-partner page turned into typed models the way
// list_page does it, against a plain nlohmann::json::parse of the same bytes.
#include "support.hpp"

#include "core/jsonapi.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <string>

namespace flowii::bench {
namespace {

constexpr int kItems = 1000;

std::string const& page_bytes() {
  static std::string const bytes = [] {
    auto& emu = shared_emulator();
    emu.add_partners("1", kItems);  // the demo company alone has fewer
    RawClient raw(target_of(emu));
    if (!raw.get("/partners", "page[size]=" + std::to_string(kItems))) fail("cannot fetch a page of partners");
    return raw.body();
  }();
  return bytes;
}

void BM_DecodeTyped(benchmark::State& state) {
  std::string const& bytes = page_bytes();
  for (auto _ : state) {
    auto doc = detail::parse_document(bytes);
    if (!doc || doc->data.size() != kItems) {
      state.SkipWithError("unexpected page");
      break;
    }
    Page<Resource> page;
    page.items = std::move(doc->data);
    page.included = doc->included;
    auto typed = typed_page<Partner>(std::move(page));
    benchmark::DoNotOptimize(typed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_DecodeJson(benchmark::State& state) {
  std::string const& bytes = page_bytes();
  for (auto _ : state) {
    auto doc = nlohmann::json::parse(bytes);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

BENCHMARK(BM_DecodeTyped)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DecodeJson)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace flowii::bench
