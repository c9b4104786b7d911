// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Goals 1 and 6: `get` of one partner through the SDK and through the raw
// libcurl + nlohmann baseline, sequentially and from 8 threads (one shared
// Client against one handle per thread), all against the same emulator.
#include "support.hpp"

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

namespace flowii::bench {
namespace {

struct Shared {
  Target target;
  std::unique_ptr<Client> client;
  std::string id;
  std::string token;
};

Shared& shared() {
  static Shared s = [] {
    Shared out;
    out.target = target_of(shared_emulator());
    out.client = std::make_unique<Client>(client_options(out.target));
    out.id = some_partner_id(*out.client);
    out.token = RawClient(out.target).token();
    return out;
  }();
  return s;
}

void BM_GetSdk(benchmark::State& state) {
  Shared& s = shared();
  if (!s.client->partners().get(s.id)) state.SkipWithError("warm-up get failed");  // this thread's connection
  for (auto _ : state) {
    auto partner = s.client->partners().get(s.id);
    if (!partner) {
      state.SkipWithError(partner.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(partner);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_GetRaw(benchmark::State& state) {
  Shared& s = shared();
  RawClient raw(s.target, s.token);
  std::string const path = "/partners/" + s.id;
  if (!raw.get(path)) state.SkipWithError("warm-up get failed");
  for (auto _ : state) {
    if (!raw.get(path)) {
      state.SkipWithError("raw get failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_GetSdk)->UseRealTime();
BENCHMARK(BM_GetRaw)->UseRealTime();
BENCHMARK(BM_GetSdk)->Threads(8)->UseRealTime();
BENCHMARK(BM_GetRaw)->Threads(8)->UseRealTime();

}  // namespace
}  // namespace flowii::bench
