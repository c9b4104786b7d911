// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
// Builds against an installed flowii::testing and runs: a mock and a client on
// the fake transport, the two ways a user's unit tests use the kit.
#include <flowii/flowii.hpp>
#include <flowii/testing/fake_transport.hpp>
#include <flowii/testing/mocks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::_;
using ::testing::Return;

TEST(InstalledTestingKit, MocksAModule) {
  flowii::testing::MockGoodsApi goods;
  flowii::GoodsApi& api = goods;
  EXPECT_CALL(goods, get("7", _)).WillOnce(Return(flowii::Status(flowii::ErrorCode::kNotFound, "no good 7")));
  EXPECT_EQ(api.get("7").status().code(), flowii::ErrorCode::kNotFound);
}

TEST(InstalledTestingKit, RunsAClientOnTheFakeTransport) {
  auto fake = flowii::testing::FakeTransport::with_session();
  flowii::Client client(fake->client_options());
  auto session = client.session();
  ASSERT_TRUE(session) << session.status().to_string();
  EXPECT_EQ(session->company_id, "1");
  EXPECT_EQ(fake->requests().size(), 3u) << fake->transcript();
}

}  // namespace
