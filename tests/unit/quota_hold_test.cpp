// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// FLOWii's quota is the API key's, so a refusal (429 with Retry-After) holds back
// every call of the client, and the adaptive pace learned from it keeps a
// fixed-window quota from refusing a burst each window. Time is fake throughout.
#include "core/pacer.hpp"
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace flowii {
namespace {

using detail::Pacer;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;
using TimePoint = Pacer::TimePoint;

TimePoint const t0 = TimePoint(std::chrono::hours(5));

// `n` requests one after the other from `start`, each answered (admitted) after `each`.
TimePoint admit(Pacer& pacer, TimePoint start, int n, nanoseconds each) {
  for (int i = 0; i < n; ++i) {
    pacer.begin(start);
    pacer.answered(start, start + each, true);
    start += each;
  }
  return start;
}

void refuse(Pacer& pacer, TimePoint at, nanoseconds hold) {
  pacer.begin(at);
  pacer.refused(at, at, hold);
}

// The interval that `window / admitted` at the pacer's margin gives, in ns.
double paced(nanoseconds window, int admitted) {
  return static_cast<double>(window.count()) / admitted / Pacer::kMargin;
}

TEST(QuotaHoldTest, ARefusalHoldsEveryRequestUntilTheTimeFlowiiNamed) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/false);
  refuse(pacer, t0, seconds(2));
  auto const slot = pacer.reserve(t0 + milliseconds(500));
  EXPECT_EQ(slot.wait, milliseconds(1500));
  EXPECT_TRUE(slot.held);
  EXPECT_TRUE(pacer.held(t0 + milliseconds(1999)));
  EXPECT_FALSE(pacer.held(t0 + seconds(2)));
  EXPECT_EQ(pacer.reserve(t0 + seconds(2)).wait, nanoseconds(0));
  EXPECT_FALSE(pacer.reserve(t0 + seconds(2)).held);
  EXPECT_EQ(pacer.learned_interval(), nanoseconds(0));
}

TEST(QuotaHoldTest, TheHoldComesOnTopOfAFixedPace) {
  Pacer pacer(4, milliseconds(1000), /*adaptive=*/false);  // one request every 250 ms
  EXPECT_EQ(pacer.reserve(t0).wait, milliseconds(0));
  refuse(pacer, t0, seconds(1));
  EXPECT_EQ(pacer.reserve(t0).wait, seconds(1));                      // the hold, not 250 ms
  EXPECT_EQ(pacer.reserve(t0).wait, milliseconds(1250));              // then the pace again
  EXPECT_EQ(pacer.reserve(t0 + seconds(5)).wait, milliseconds(0));    // no credit for idle time
  EXPECT_EQ(pacer.reserve(t0 + seconds(5)).wait, milliseconds(250));  // evenly spaced
}

TEST(QuotaHoldTest, RefusalsOfRequestsSentBeforeTheHoldOnlyLengthenIt) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/true);
  auto const t = admit(pacer, t0, 10, milliseconds(10));
  refuse(pacer, t, seconds(1));
  auto const learned = pacer.learned_interval();
  ASSERT_GT(learned.count(), 0);
  // Seven more of the same burst come back refused: the pace learned stays.
  for (int i = 1; i <= 7; ++i) {
    pacer.begin(t - milliseconds(1));
    pacer.refused(t - milliseconds(1), t + milliseconds(i), seconds(1));
  }
  EXPECT_EQ(pacer.learned_interval(), learned);
  EXPECT_TRUE(pacer.held(t + milliseconds(1006)));
  EXPECT_FALSE(pacer.held(t + milliseconds(1007)));
}

TEST(QuotaHoldTest, ANeverRefusedClientIsNeverPaced) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/true);
  auto const t = admit(pacer, t0, 1000, nanoseconds(0));
  for (int i = 0; i < 100; ++i) {
    auto const slot = pacer.reserve(t);
    EXPECT_EQ(slot.wait, nanoseconds(0));
    EXPECT_FALSE(slot.held);
  }
  EXPECT_EQ(pacer.learned_interval(), nanoseconds(0));
}

TEST(QuotaHoldTest, LearnsTheRateTheClientReachedWhenRefused) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/true);
  // 100 requests in 100 ms, then FLOWii refuses for 900 ms: 100 per second.
  auto const t = admit(pacer, t0, 100, milliseconds(1));
  refuse(pacer, t, milliseconds(900));
  EXPECT_NEAR(static_cast<double>(pacer.learned_interval().count()), paced(seconds(1), 100), 1.0);
  // From the end of the hold on, requests start evenly spaced at that pace.
  auto const end = t + milliseconds(900);
  auto const step = pacer.learned_interval();
  EXPECT_EQ(pacer.reserve(t).wait, milliseconds(900));
  EXPECT_EQ(pacer.reserve(t).wait, milliseconds(900) + step);
  EXPECT_EQ(pacer.reserve(end).wait, step * 2);
}

TEST(QuotaHoldTest, TimeWithoutWorkDoesNotDiluteTheRate) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/true);
  auto t = admit(pacer, t0, 50, milliseconds(1));
  t = admit(pacer, t + std::chrono::hours(1), 50, milliseconds(1));  // an hour without calls
  refuse(pacer, t, milliseconds(900));
  EXPECT_NEAR(static_cast<double>(pacer.learned_interval().count()), paced(seconds(1), 100), 1.0);
}

TEST(QuotaHoldTest, AFewAnswersTeachNoPace) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/true);
  auto const t = admit(pacer, t0, Pacer::kMinSample - 1, milliseconds(1));
  refuse(pacer, t, seconds(1));
  EXPECT_EQ(pacer.learned_interval(), nanoseconds(0));
  EXPECT_TRUE(pacer.held(t));  // the hold holds all the same
}

TEST(QuotaHoldTest, ARefusalAtTheLearnedPaceSlowsIt) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/true);
  auto t = admit(pacer, t0, 100, milliseconds(1));
  refuse(pacer, t, milliseconds(900));
  auto const learned = pacer.learned_interval();
  t = admit(pacer, t + seconds(1), 100, milliseconds(9));
  refuse(pacer, t, seconds(1));
  EXPECT_NEAR(static_cast<double>(pacer.learned_interval().count()),
              static_cast<double>(learned.count()) / Pacer::kSlowDown, 1.0);
}

TEST(QuotaHoldTest, QuietStretchesSpeedItUp) {
  Pacer pacer(0, milliseconds(1000), /*adaptive=*/true);
  auto const t = admit(pacer, t0, 100, milliseconds(1));
  refuse(pacer, t, milliseconds(900));
  auto const learned = pacer.learned_interval();
  auto const hold_end = t + milliseconds(900);
  (void)pacer.reserve(hold_end + seconds(Pacer::kProbeAfter) - milliseconds(1));  // window: 1 s
  EXPECT_EQ(pacer.learned_interval(), learned);
  (void)pacer.reserve(hold_end + seconds(Pacer::kProbeAfter));
  EXPECT_NEAR(static_cast<double>(pacer.learned_interval().count()),
              static_cast<double>(learned.count()) / Pacer::kProbeStep, 1.0);
}

// ---- through the client ------------------------------------------------------

/// A sleep for tests with threads: until opened it records each wait and blocks;
/// each sleeper then moves the fake clock to where its own wait ends (never back).
class GatedSleep {
 public:
  explicit GatedSleep(test::FakeClock& clock) : clock_(clock) {}
  void sleep(milliseconds d) {
    std::unique_lock<std::mutex> lock(mu_);
    auto const until = clock_.now() + d;
    waits_.push_back(d);
    cv_.notify_all();
    cv_.wait(lock, [&] { return open_; });
    if (clock_.now() < until) clock_.advance(until - clock_.now());
  }
  /// True once `n` sleeps began (a generous guard turns a hang into a failure).
  bool sleepers(std::size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, seconds(30), [&] { return waits_.size() >= n; });
  }
  void open() {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    cv_.notify_all();
  }
  std::vector<milliseconds> waits() {
    std::lock_guard<std::mutex> lock(mu_);
    return waits_;
  }

 private:
  test::FakeClock& clock_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<milliseconds> waits_;
  bool open_ = false;
};

HttpResponse quota_refusal(int retry_after_seconds) {
  return test::api_error(429, "API calls quota exceeded!", "", "",
                         {{"Retry-After", std::to_string(retry_after_seconds)}});
}

Partner acme(int i) { return Partner().set_name("ACME " + std::to_string(i)).set_partner_type(PartnerType::kCompany); }

TEST(QuotaHoldClientTest, OneRefusalHoldsTheOtherThreadsUntilRetryAfter) {
  test::FakeFlowii fake;
  GatedSleep gate(fake.clock);
  std::mutex mu;
  std::vector<TimePoint> arrivals;
  int refusals = 0;
  fake.on("POST", "/partners", [&](HttpRequest const&) {
    std::lock_guard<std::mutex> lock(mu);
    arrivals.push_back(fake.clock.now());
    if (arrivals.size() == 1) {
      ++refusals;
      return quota_refusal(2);
    }
    return test::ok_json(test::partner_json(std::to_string(arrivals.size())));
  });
  ClientOptions options = fake.options();
  options.sleep = [&](milliseconds d) { gate.sleep(d); };
  options.rate_limit.adaptive = false;  // the hold alone
  Client client(options);
  ASSERT_TRUE(client.session().ok());
  auto const start = fake.clock.now();

  constexpr int kThreads = 8;
  std::vector<Result<Partner>> results(kThreads, Status(ErrorCode::kUnknown, "not run"));
  std::vector<std::thread> threads;
  threads.emplace_back([&] { results[0] = client.partners().create(acme(0)); });
  ASSERT_TRUE(gate.sleepers(1));  // refused, waiting to send again
  for (int i = 1; i < kThreads; ++i) threads.emplace_back([&, i] { results[i] = client.partners().create(acme(i)); });
  bool const all_held = gate.sleepers(kThreads);  // each of the others waits before sending anything
  gate.open();
  for (auto& t : threads) t.join();
  ASSERT_TRUE(all_held);

  for (auto const& r : results) EXPECT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(refusals, 1);
  ASSERT_EQ(arrivals.size(), static_cast<std::size_t>(kThreads + 1));
  EXPECT_EQ(arrivals.front(), start);
  for (std::size_t i = 1; i < arrivals.size(); ++i) EXPECT_GE(arrivals[i], start + seconds(2)) << "request " << i;
  EXPECT_EQ(gate.waits(), std::vector<milliseconds>(kThreads, milliseconds(2000)));
}

TEST(QuotaHoldClientTest, AHoldBeyondMaxRetryAfterFailsTheOtherCallsUnsent) {
  test::FakeFlowii fake;
  fake.on("POST", "/partners", test::in_turn({quota_refusal(600)}));
  ClientOptions options = fake.options();
  Client client(options);
  auto first = client.partners().create(acme(1));
  ASSERT_EQ(first.status().code(), ErrorCode::kRateLimited);
  fake.clock.advance(seconds(100));
  auto second = client.partners().create(acme(2));
  ASSERT_EQ(second.status().code(), ErrorCode::kRateLimited) << second.status().to_string();
  EXPECT_EQ(second.status().retry_after(), seconds(500));
  EXPECT_EQ(second.status().request(), "POST /partners");
  EXPECT_NE(second.status().message().find("not sent"), std::string::npos) << second.status().message();
  EXPECT_EQ(fake.count("POST", "/partners"), 1u);
  EXPECT_TRUE(fake.sleeps.waits().empty());
}

// A fixed-window quota on the fake clock, as the emulator's: `limit` requests per
// second, every request counted (the token and session ones too), the window
// opened by its first request; each request takes 10 ms.
struct WindowQuota {
  test::FakeFlowii& fake;
  int limit;
  TimePoint start{};
  int used = 0;
  int refusals = 0;
  int created = 0;

  Result<HttpResponse> admit(std::function<Result<HttpResponse>()> const& answer) {
    auto const now = fake.clock.now();
    fake.clock.advance(milliseconds(10));
    if (used == 0 || now >= start + seconds(1)) {
      start = now;
      used = 0;
    }
    if (used == limit) {
      ++refusals;
      auto const left = std::chrono::ceil<seconds>(start + seconds(1) - now);
      return quota_refusal(static_cast<int>(left.count()));
    }
    ++used;
    return answer();
  }
};

struct QuotaRun {
  int refusals = 0;
  nanoseconds took{0};
};

QuotaRun create_100_under_quota(bool adaptive) {
  test::FakeFlowii fake;
  WindowQuota quota{fake, 10};
  fake.token_endpoint = [&](HttpRequest const& r) { return quota.admit([&] { return fake.grant(r); }); };
  for (char const* path : {"/companies", "/users/self"}) {
    fake.on("GET", path, [&](HttpRequest const& r) { return quota.admit([&] { return fake.standard(r); }); });
  }
  fake.on("POST", "/partners", [&](HttpRequest const&) {
    return quota.admit([&] { return test::ok_json(test::partner_json(std::to_string(++quota.created))); });
  });
  ClientOptions options = fake.options();
  options.rate_limit.adaptive = adaptive;
  Client client(options);
  auto const start = fake.clock.now();
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(client.partners().create(acme(i)).ok());
  EXPECT_EQ(quota.created, 100);
  return QuotaRun{quota.refusals, fake.clock.now() - start};
}

TEST(QuotaHoldClientTest, AdaptivePacingMeetsAFixedWindowQuotaWithoutARefusalEachWindow) {
  QuotaRun const held = create_100_under_quota(false);
  QuotaRun const adaptive = create_100_under_quota(true);
  EXPECT_GE(held.refusals, 9);      // a refusal in (nearly) every window
  EXPECT_LE(adaptive.refusals, 2);  // the first window's, and at most one when the pace probes upward
  // Not slower to speak of: bursting until refused is as fast as a fixed window allows.
  EXPECT_LE(adaptive.took.count(), held.took.count() * 6 / 5)
      << "adaptive " << adaptive.took.count() << " ns, hold alone " << held.took.count() << " ns";
}

}  // namespace
}  // namespace flowii
