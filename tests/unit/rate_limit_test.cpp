// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Client-side pacing (ClientOptions::rate_limit): requests are spaced evenly,
// token requests count, threads share one budget, the deadline is respected and
// bad settings are refused. Time is fake: waits are recorded, never slept.
#include "core/pacer.hpp"
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

namespace flowii {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

TEST(PacerTest, OffByDefault) {
  detail::Pacer pacer(0, milliseconds(1000));
  EXPECT_FALSE(pacer.enabled());
  auto const now = std::chrono::steady_clock::time_point(std::chrono::hours(5));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(pacer.reserve(now).wait, nanoseconds(0));
}

TEST(PacerTest, SpacesABurstEvenly) {
  detail::Pacer pacer(4, milliseconds(1000));  // one request every 250 ms
  auto const now = std::chrono::steady_clock::time_point(std::chrono::hours(5));
  EXPECT_EQ(pacer.reserve(now).wait, milliseconds(0));
  EXPECT_EQ(pacer.reserve(now).wait, milliseconds(250));
  EXPECT_EQ(pacer.reserve(now).wait, milliseconds(500));
  // Later callers are served in order of arrival, also when some time passed.
  EXPECT_EQ(pacer.reserve(now + milliseconds(100)).wait, milliseconds(650));
}

TEST(PacerTest, IdleTimeIsNotSavedUpForABurst) {
  detail::Pacer pacer(2, milliseconds(1000));
  auto const t0 = std::chrono::steady_clock::time_point(std::chrono::hours(5));
  EXPECT_EQ(pacer.reserve(t0).wait, milliseconds(0));
  auto const later = t0 + std::chrono::minutes(10);
  EXPECT_EQ(pacer.reserve(later).wait, milliseconds(0));
  EXPECT_EQ(pacer.reserve(later).wait, milliseconds(500));  // not a second free request
}

class RateLimitTest : public ::testing::Test {
 protected:
  RateLimitTest() {
    fake_.on("GET", "/partners/7", [](HttpRequest const&) { return test::ok_json(test::partner_json("7")); });
    options_.rate_limit.max_requests = 5;
    options_.rate_limit.per = milliseconds(1000);
  }

  test::FakeFlowii fake_;
  ClientOptions options_ = fake_.options();
};

TEST(PacerTest, ThreadsGetDistinctSlots) {
  detail::Pacer pacer(10, milliseconds(1000));  // one slot every 100 ms
  auto const now = std::chrono::steady_clock::time_point(std::chrono::hours(5));
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::vector<nanoseconds>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) got[t].push_back(pacer.reserve(now).wait);
    });
  }
  for (auto& t : threads) t.join();
  // All threads at the same instant: every slot 0, 100 ms, 200 ms ... handed out exactly once.
  std::vector<nanoseconds> all;
  for (auto const& g : got) all.insert(all.end(), g.begin(), g.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], milliseconds(100) * static_cast<int>(i));
}

TEST_F(RateLimitTest, EveryRequestIncludingTheBootstrapIsPaced) {
  Client client(options_);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(client.partners().get("7").ok());
  // POST /token, GET /companies, GET /users/self, then 4 GETs: 7 requests, the
  // first immediate and each later one 200 ms after the one before.
  EXPECT_EQ(fake_.count("POST", "/token"), 1u);
  EXPECT_EQ(fake_.count("GET", "/partners/7"), 4u);
  std::vector<milliseconds> const expected(6, milliseconds(200));
  EXPECT_EQ(fake_.sleeps.waits(), expected);
}

TEST_F(RateLimitTest, NoWaitsWithoutALimit) {
  options_.rate_limit = {};
  Client client(options_);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(client.partners().get("7").ok());
  EXPECT_TRUE(fake_.sleeps.waits().empty());
}

TEST_F(RateLimitTest, CopiesShareOneBudget) {
  Client client(options_);
  ASSERT_TRUE(client.session().ok());  // 3 requests: waits of 200 ms after the first
  Client copy = client;
  ASSERT_TRUE(client.partners().get("7").ok());
  ASSERT_TRUE(copy.partners().get("7").ok());
  ASSERT_TRUE(client.partners().get("7").ok());
  std::vector<milliseconds> const expected(5, milliseconds(200));
  EXPECT_EQ(fake_.sleeps.waits(), expected);
}

TEST_F(RateLimitTest, AWaitPastTheDeadlineFailsWithoutSending) {
  options_.rate_limit.max_requests = 1;
  options_.rate_limit.per = std::chrono::seconds(600);
  options_.retry.total_timeout = std::chrono::seconds(60);
  Client client(options_);
  auto r = client.partners().get("7");  // POST /token is the first request; the next would wait 10 min
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTimeout);
  EXPECT_NE(r.status().message().find("rate_limit"), std::string::npos) << r.status().message();
  EXPECT_EQ(fake_.count("GET", "/companies"), 0u);
  EXPECT_EQ(fake_.count("GET", "/partners/7"), 0u);
}

TEST_F(RateLimitTest, InvalidSettingsAreRefused) {
  options_.rate_limit.max_requests = -1;
  auto r = Client(options_).partners().get("7");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(fake_.count("POST", "/token"), 0u);

  options_.rate_limit.max_requests = 3;
  options_.rate_limit.per = milliseconds(0);
  EXPECT_EQ(Client(options_).partners().get("7").status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace flowii
