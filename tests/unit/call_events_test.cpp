// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// ClientOptions::on_event: one event before each retry wait (with the wait that is
// then slept, the attempt that follows and the failure that caused it) and one
// before a lost create is looked for; none when nothing is waited for.
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace flowii {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr char kItem[] = "/partners/7";

class CallEventsTest : public ::testing::Test {
 protected:
  CallEventsTest() {
    options_.on_event = [this](CallEvent const& e) { events_.push_back(e); };
  }
  /// A client whose session is bootstrapped, so only the call under test reports.
  Client client() {
    Client c(options_);
    EXPECT_TRUE(c.session().ok());
    events_.clear();
    return c;
  }

  test::FakeFlowii fake_;
  ClientOptions options_ = fake_.options();
  std::vector<CallEvent> events_;
};

TEST_F(CallEventsTest, ARetryAfterWaitIsReportedBeforeItIsSlept) {
  fake_.on("GET", kItem,
           test::in_turn(
               {test::api_error(429, "Too Many Requests", "API calls quota exceeded!", {}, {{"Retry-After", "20"}}),
                test::ok_json(test::partner_json("7"))}));
  auto c = client();
  ASSERT_TRUE(c.partners().get("7"));
  ASSERT_EQ(events_.size(), 1u);
  auto const& e = events_.front();
  EXPECT_EQ(e.kind, CallEvent::Kind::kRetryWait);
  EXPECT_EQ(e.wait, seconds(20));
  EXPECT_EQ(e.attempt, 2);
  EXPECT_EQ(e.max_attempts, options_.retry.max_attempts);
  EXPECT_EQ(e.cause.code(), ErrorCode::kRateLimited);
  EXPECT_EQ(e.cause.http_status(), 429);
  EXPECT_EQ(e.cause.request(), std::string("GET ") + kItem);
  EXPECT_EQ(fake_.sleeps.waits(), std::vector<milliseconds>{seconds(20)}) << "the reported wait is the one slept";
}

TEST_F(CallEventsTest, EachBackoffIsReportedWithTheAttemptThatFollows) {
  auto const unavailable = test::api_error(503, "Service Unavailable");
  fake_.on("GET", kItem, test::in_turn({unavailable, unavailable, test::ok_json(test::partner_json("7"))}));
  auto c = client();
  ASSERT_TRUE(c.partners().get("7"));
  ASSERT_EQ(events_.size(), 2u);
  auto const waits = fake_.sleeps.waits();
  ASSERT_EQ(waits.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(events_[i].kind, CallEvent::Kind::kRetryWait);
    EXPECT_EQ(events_[i].attempt, static_cast<int>(i) + 2);
    EXPECT_EQ(events_[i].wait, waits[i]);
    EXPECT_EQ(events_[i].cause.code(), ErrorCode::kUnavailable);
  }
}

TEST_F(CallEventsTest, NothingIsReportedWithoutAWait) {
  fake_.on("GET", kItem, test::in_turn({test::api_error(404, "Not Found")}));
  auto c = client();
  EXPECT_FALSE(c.partners().get("7"));
  fake_.on("GET", "/partners/8", test::in_turn({test::ok_json(test::partner_json("8"))}));
  EXPECT_TRUE(c.partners().get("8"));
  EXPECT_TRUE(events_.empty());
}

TEST_F(CallEventsTest, ALostCreateIsReportedBeforeItIsLookedFor) {
  options_.wall_clock = [] { return std::chrono::system_clock::time_point(seconds(1796083200)); };
  fake_.on("POST", "/partners",
           test::in_turn({make_transport_error(TransportFailure::kReceive, ErrorCode::kNetwork, "cut")}));
  fake_.on("GET", "/partners",
           test::in_turn({test::ok_json(
               test::json::array({test::resource("partner", "42", {{"name", "ACME s.r.o."}, {"type", 1}})}))}));
  auto c = client();
  auto created = c.partners().create(Partner().set_name("ACME s.r.o.").set_partner_type(PartnerType::kCompany));
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_EQ(events_.size(), 1u);
  auto const& e = events_.front();
  EXPECT_EQ(e.kind, CallEvent::Kind::kReconcile);
  EXPECT_EQ(e.wait, options_.reconcile.settle);
  EXPECT_EQ(e.attempt, 1);
  EXPECT_EQ(e.cause.code(), ErrorCode::kOutcomeUnknown);
  EXPECT_EQ(e.cause.request(), "POST /partners");
}

}  // namespace
}  // namespace flowii
