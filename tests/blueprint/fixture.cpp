// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "blueprint/fixture.hpp"

#include <string>

namespace flowii::test {

void BlueprintTest::SetUp() {
  auto text = read_reference_file("flowii-api.apib");
  if (!text) {
    std::string const missing = "flowii-api.apib (FLOWii's official API Blueprint) not found in " + reference_dir() +
                                "; configure with -DFLOWII_REFERENCE_DIR=<folder holding it> or set the "
                                "FLOWII_REFERENCE_DIR environment variable";
    if (in_ci()) FAIL() << missing << " (CI=true: the contract tests must run in CI)";
    GTEST_SKIP() << missing;
  }
  actions_ = parse_blueprint(*text);
}

}  // namespace flowii::test
