// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Example for docs/testing.md: code that takes a whole flowii::Client, unit-tested
// with a Client made of mocks (flowii::testing::make_client); and the Pager's
// hold on the client, which outlives the Client object.
#include <flowii/testing/fake_transport.hpp>
#include <flowii/testing/mocks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::_;
using ::testing::Return;

/// "User code": the name of an order's partner, through two modules of a Client.
flowii::Result<std::string> partner_name_of_order(flowii::Client& client, std::string const& order_id) {
  auto order = client.orders().get(order_id);
  if (!order) return order.status();
  auto partner_id = order->partner();
  if (!partner_id) return flowii::Status(flowii::ErrorCode::kNotFound, "order " + order_id + " has no partner");
  auto partner = client.partners().get(partner_id->id);
  if (!partner) return partner.status();
  return partner->name().value_or("");
}

TEST(MakeClient, HandsOutTheMocks) {
  flowii::testing::ModuleMocks mocks;
  flowii::Client client = flowii::testing::make_client(mocks);
  EXPECT_EQ(&client.partners(), &mocks.partners);
  EXPECT_EQ(&client.tasks().communications(), &mocks.tasks.mock_communications);
  EXPECT_EQ(&client.account().users(), &mocks.account.mock_users);
  EXPECT_EQ(&client.raw(), &mocks.raw);
  flowii::Client copy = client;  // copies share the mocks
  EXPECT_EQ(&copy.invoicing(), &mocks.invoicing);
}

TEST(MakeClient, RunsCodeThatTakesAClient) {
  flowii::testing::ModuleMocks mocks;
  flowii::Client client = flowii::testing::make_client(mocks);
  flowii::Order order;
  order.set_partner("7").set_id("5");
  flowii::Partner partner;
  partner.set_name("ACME s.r.o.").set_id("7");
  EXPECT_CALL(mocks.orders, get("5", _)).WillOnce(Return(order));
  EXPECT_CALL(mocks.partners, get("7", _)).WillOnce(Return(partner));

  auto name = partner_name_of_order(client, "5");

  ASSERT_TRUE(name) << name.status().to_string();
  EXPECT_EQ(*name, "ACME s.r.o.");
}

TEST(MakeClient, ListsPageThroughTheMockedPage) {
  flowii::testing::ModuleMocks mocks;
  flowii::Client client = flowii::testing::make_client(mocks);
  flowii::Page<flowii::Partner> first;
  first.items.resize(2);
  first.last = false;
  EXPECT_CALL(mocks.partners, list_page(_, _))
      .WillOnce(Return(first))
      .WillOnce(Return(flowii::Page<flowii::Partner>{}));
  int seen = 0;
  for (auto const& p : client.partners().list()) {
    ASSERT_TRUE(p) << p.status().to_string();
    ++seen;
  }
  EXPECT_EQ(seen, 2);
}

TEST(MakeClient, ItsOwnCallsFailWithAnErrorSayingSo) {
  flowii::testing::ModuleMocks mocks;
  flowii::Client client = flowii::testing::make_client(mocks);
  auto session = client.session();
  ASSERT_FALSE(session);
  EXPECT_NE(session.status().message().find("mock"), std::string::npos) << session.status().to_string();
  EXPECT_FALSE(client.companies());
}

// A Pager holds the client's core, not the module object: it keeps working after
// the Client that made it is gone (ReadApi::list).
TEST(PagerLifetime, OutlivesTheClient) {
  auto transport = flowii::testing::FakeTransport::with_session();
  transport->on("GET", "/partners", [](flowii::HttpRequest const& request) {
    bool const first = request.url.find("page%5Bnumber%5D=0") != std::string::npos ||
                       request.url.find("page[number]=0") != std::string::npos;
    return flowii::testing::json_response(
        200, first ? R"({"data":[{"type":"partner","id":"1"}],"links":{"next":"/partners?page[number]=1"}})"
                   : R"({"data":[]})");
  });
  std::optional<flowii::Pager<flowii::Partner, flowii::PartnerQuery>> pager;
  {
    flowii::Client client(transport->client_options());
    pager.emplace(client.partners().list());
  }
  std::vector<std::string> ids;
  for (auto const& p : *pager) {
    ASSERT_TRUE(p) << p.status().to_string();
    ids.push_back(p->id());
  }
  EXPECT_EQ(ids, std::vector<std::string>{"1"});
}

}  // namespace
