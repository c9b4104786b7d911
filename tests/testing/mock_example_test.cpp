// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Example for docs/testing.md: unit-testing user code with the gMock mocks.
// No network and no server: the mock answers what the test scripts.
#include "find_or_create_partner.hpp"

#include <flowii/testing/mocks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::_;
using ::testing::Property;
using ::testing::Return;

/// A page holding the given partners (the last one of the listing).
flowii::Page<flowii::Partner> page_of(std::vector<flowii::Partner> partners) {
  flowii::Page<flowii::Partner> page;
  page.items = std::move(partners);
  return page;
}

/// A partner with an id, and an IČO unless `ico` is empty.
flowii::Partner partner(std::string const& id, std::string const& ico) {
  flowii::Partner p;
  p.set_id(id);
  if (!ico.empty()) p.set_ico(ico);
  return p;
}

TEST(FindOrCreatePartnerWithMocks, ReturnsTheExistingPartner) {
  flowii::testing::MockPartnersApi partners;
  // The listing shows no IČO; the function reads the candidate for it.
  EXPECT_CALL(partners, list_page(_, _)).WillOnce(Return(page_of({partner("7", "")})));
  EXPECT_CALL(partners, get("7", _)).WillOnce(Return(partner("7", "12345678")));
  EXPECT_CALL(partners, create(_, _)).Times(0);

  auto id = example::find_or_create_partner(partners, "ACME s.r.o.", "12345678");

  ASSERT_TRUE(id) << id.status().to_string();
  EXPECT_EQ(*id, "7");
}

TEST(FindOrCreatePartnerWithMocks, CreatesTheMissingPartner) {
  flowii::testing::MockPartnersApi partners;
  // A partner found by the search text but with another IČO does not count.
  EXPECT_CALL(partners, list_page(_, _)).WillOnce(Return(page_of({partner("7", "")})));
  EXPECT_CALL(partners, get("7", _)).WillOnce(Return(partner("7", "123456789")));
  EXPECT_CALL(partners, create(Property(&flowii::Partner::ico, std::optional<std::string>("12345678")), _))
      .WillOnce(Return(partner("42", "12345678")));

  auto id = example::find_or_create_partner(partners, "ACME s.r.o.", "12345678");

  ASSERT_TRUE(id) << id.status().to_string();
  EXPECT_EQ(*id, "42");
}

TEST(FindOrCreatePartnerWithMocks, ReportsAFailedSearchWithoutCreating) {
  flowii::testing::MockPartnersApi partners;
  EXPECT_CALL(partners, list_page(_, _))
      .WillOnce(Return(flowii::Status(flowii::ErrorCode::kUnavailable, "FLOWii is down")));
  EXPECT_CALL(partners, create(_, _)).Times(0);

  auto id = example::find_or_create_partner(partners, "ACME s.r.o.", "12345678");

  ASSERT_FALSE(id);
  EXPECT_EQ(id.status().code(), flowii::ErrorCode::kUnavailable);
}

}  // namespace
