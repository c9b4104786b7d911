// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// flowii-bench: the Google Benchmark cases, or with a mode as first argument one
// of the measurements that are counts or whole-process figures (scenarios.cpp).
#include "support.hpp"

#include <benchmark/benchmark.h>

int main(int argc, char** argv) {
  if (argc > 1 && argv[1][0] != '-') return flowii::bench::run_scenario(argc - 1, argv + 1);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
