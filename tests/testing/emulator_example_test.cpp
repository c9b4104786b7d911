// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Example for docs/testing.md: integration-testing the same user code against
// the in-process emulator, through a real flowii::Client.
#include "find_or_create_partner.hpp"

#include <flowii/testing/emulator_fixture.hpp>

#include <gtest/gtest.h>

namespace {

// Each test gets a fresh emulator seeded with demo data.
class FindOrCreatePartnerWithEmulator : public flowii::testing::EmulatorTest {};

TEST_F(FindOrCreatePartnerWithEmulator, CreatesThePartnerOnceAndFindsItAfterwards) {
  auto client = this->client();

  auto first = example::find_or_create_partner(client.partners(), "ACME s.r.o.", "12345678");
  auto second = example::find_or_create_partner(client.partners(), "ACME s.r.o.", "12345678");

  ASSERT_TRUE(first) << first.status().to_string();
  ASSERT_TRUE(second) << second.status().to_string();
  EXPECT_EQ(*second, *first);
  EXPECT_EQ(emu().count("POST", "/partners"), 1u);  // the emulator's request journal

  auto stored = client.partners().get(*first);
  ASSERT_TRUE(stored) << stored.status().to_string();
  EXPECT_EQ(stored->name(), "ACME s.r.o.");
}

TEST_F(FindOrCreatePartnerWithEmulator, ReportsAnOutageWithoutCreating) {
  // Every GET /partners answers 503; the client retries it, then gives up.
  inject_status("GET", "/partners", 503, std::nullopt, 100);
  auto client = this->client();

  auto id = example::find_or_create_partner(client.partners(), "ACME s.r.o.", "12345678");

  ASSERT_FALSE(id);
  EXPECT_EQ(id.status().code(), flowii::ErrorCode::kUnavailable);
  EXPECT_EQ(emu().count("POST", "/partners"), 0u);
}

}  // namespace
