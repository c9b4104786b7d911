// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The GoogleTest fixture of the contract tests. Kept apart from the blueprint
// reader (blueprint.hpp), which tools without GoogleTest (the fuzz seed-corpus
// generator) link too.
#ifndef FLOWII_TESTS_BLUEPRINT_FIXTURE_HPP
#define FLOWII_TESTS_BLUEPRINT_FIXTURE_HPP

#include <gtest/gtest.h>

#include <vector>

#include "blueprint/blueprint.hpp"

namespace flowii::test {

/// Base of the tests over the official blueprint: parses it into actions_. Without
/// it the test is skipped (a developer clone without the reference folder), but in
/// CI it fails, so that a lost reference folder cannot turn the contract green.
class BlueprintTest : public ::testing::Test {
 protected:
  void SetUp() override;
  std::vector<BlueprintAction> actions_;
};

}  // namespace flowii::test

#endif  // FLOWII_TESTS_BLUEPRINT_FIXTURE_HPP
