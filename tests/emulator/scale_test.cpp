// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Connection counting, keep-alive limits and bulk partners: what the
// benchmarks (bench/) rely on to count connections and page at scale.
#include <stdexcept>

#include "support.hpp"

namespace emu_test {
namespace {

using Scale = EmulatorTest;

std::size_t partner_count(Api& api) {
  auto const reply = api.get("/partners", {{"page[size]", "1000"}});
  EXPECT_EQ(reply.status, 200) << reply.body;
  return reply.doc["data"].size();
}

// Connections the emulator accepted for `requests` requests from one keep-alive client.
std::size_t connections_for_keep_alive_requests(flowii::emulator::Emulator& emu, int requests) {
  httplib::Client reused("127.0.0.1", emu.port());
  reused.set_keep_alive(true);
  auto const before = emu.connections_accepted();
  for (int i = 0; i < requests; ++i) EXPECT_TRUE(reused.Get("/_emulator/health"));
  return emu.connections_accepted() - before;
}

TEST_F(Scale, CountsEveryAcceptedConnection) {
  auto const before = emu().connections_accepted();
  httplib::Client fresh("127.0.0.1", emu().port());  // no keep-alive: one connection per request
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(fresh.Get("/_emulator/health"));
  EXPECT_EQ(emu().connections_accepted() - before, 3u);
}

TEST_F(Scale, KeepAliveRequestsShareOneConnection) { EXPECT_EQ(connections_for_keep_alive_requests(emu(), 5), 1u); }

TEST_F(Scale, AdminApiReportsTheConnectionCount) {
  auto const reply = api().send("GET", "/_emulator/connections", {});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.doc["accepted"].get<std::size_t>(), emu().connections_accepted());
  EXPECT_GE(emu().connections_accepted(), 1u);
}

class ShortKeepAlive : public EmulatorTest {
  void configure(flowii::emulator::Options& options) override { options.keep_alive_max_requests = 2; }
};

TEST_F(ShortKeepAlive, ClosesAConnectionAfterItsRequestLimit) {
  EXPECT_EQ(connections_for_keep_alive_requests(emu(), 4), 2u);
}

TEST(ScaleOptions, RejectsANonPositiveKeepAliveLimit) {
  flowii::emulator::Options options;
  options.keep_alive_max_requests = 0;
  EXPECT_THROW(flowii::emulator::Emulator{options}, std::invalid_argument);
}

TEST_F(Scale, AddPartnersAppendsListablePartnersUntilReset) {
  auto const demo = partner_count(api());
  emu().add_partners("1", 250);
  ASSERT_EQ(partner_count(api()), demo + 250);
  auto const last = api().get("/partners", {{"page[size]", "1000"}}).doc["data"].back();
  EXPECT_EQ(last["type"], "partner");
  EXPECT_EQ(last["attributes"]["name"], "Synthetic partner " + last["id"].get<std::string>() + " s.r.o.");
  auto const one = api().get("/partners/" + last["id"].get<std::string>());
  EXPECT_EQ(one.status, 200) << one.body;
  emu().reset();
  Api after_reset(emu());  // reset() also forgets the tokens
  EXPECT_EQ(partner_count(after_reset), demo);
}

TEST_F(Scale, AddPartnersStaysInItsCompany) {
  Api other(emu(), "2", "demo@flowii.example", "demo-password");
  auto const before = partner_count(other);
  emu().add_partners("1", 10);
  EXPECT_EQ(partner_count(other), before);
  EXPECT_THROW(emu().add_partners("999", 1), std::invalid_argument);
}

TEST_F(Scale, AdminApiAddsPartners) {
  auto const demo = partner_count(api());
  auto const reply =
      api().send("POST", "/_emulator/partners", {}, R"({"company_id":"1","count":7})", "application/json");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.doc["added"], 7);
  EXPECT_EQ(partner_count(api()), demo + 7);
}

TEST_F(Scale, AdminApiRejectsBadPartnerRequests) {
  for (char const* body : {R"({"company_id":"1"})", R"({"company_id":1,"count":3})", R"({"company_id":"1","count":-1})",
                           R"({"company_id":"999","count":3})"}) {
    auto const reply = api().send("POST", "/_emulator/partners", {}, body, "application/json");
    EXPECT_EQ(reply.status, 400) << body;
  }
}

}  // namespace
}  // namespace emu_test
