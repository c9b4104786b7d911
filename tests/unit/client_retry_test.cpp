// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Retries through a Client: which answers and transport failures are retried for
// which methods, the backoff waits, Retry-After, the overall deadline and attempts().
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

namespace flowii {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Waits = std::vector<milliseconds>;

constexpr char kItem[] = "/partners/7";

Result<HttpResponse> failure(TransportFailure kind) {
  return make_transport_error(kind, ErrorCode::kNetwork, "simulated transport failure");
}

HttpResponse with_retry_after(int status, std::string const& value) {
  return test::api_error(status, "Too Many Requests", "API calls quota exceeded!", {}, {{"Retry-After", value}});
}

Result<HttpResponse> item_ok() { return test::ok_json(test::partner_json("7")); }
Result<HttpResponse> created_ok() { return test::ok_json(test::resource("partner", "8")); }
Result<HttpResponse> status(int code) { return test::api_error(code, "Error " + std::to_string(code)); }

/// "Sun, 06 Nov 1994 08:49:37 GMT" for a point in time.
std::string http_date(std::chrono::system_clock::time_point tp) {
  std::time_t t = std::chrono::system_clock::to_time_t(tp);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

class RetryTest : public ::testing::Test {
 protected:
  RetryTest() { options_.retry.max_attempts = 4; }

  /// GET /partners/7 and POST /partners answer `answers` in turn.
  void answer_get(std::vector<Result<HttpResponse>> answers) {
    fake_.on("GET", kItem, test::in_turn(std::move(answers)));
  }
  void answer_post(std::vector<Result<HttpResponse>> answers) {
    fake_.on("POST", "/partners", test::in_turn(std::move(answers)));
  }

  /// A client whose session is already bootstrapped, so only the call under test is counted.
  Client client() {
    Client c(options_);
    EXPECT_TRUE(c.session().ok());
    return c;
  }
  Result<Partner> get(CallOptions const& call = {}) { return client().partners().get("7", call); }
  Result<Partner> create(CallOptions const& call = {}) {
    return client().partners().create(Partner().set_name("ACME"), call);
  }
  std::size_t gets() const { return fake_.count("GET", kItem); }
  std::size_t posts() const { return fake_.count("POST", "/partners"); }
  Waits waits() const { return fake_.sleeps.waits(); }

  test::FakeFlowii fake_;
  ClientOptions options_ = fake_.options();
};

// ---- GET ------------------------------------------------------------------------

TEST_F(RetryTest, GetIsRetriedOnTransientStatuses) {
  for (int code : {503, 502, 504, 429, 408}) {
    SCOPED_TRACE(code);
    test::FakeFlowii fake;
    fake.on("GET", kItem, test::in_turn({status(code), status(code), item_ok()}));
    Client c(fake.options());
    auto p = c.partners().get("7");
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    EXPECT_EQ(fake.count("GET", kItem), 3u);
    EXPECT_EQ(fake.sleeps.waits(), (Waits{milliseconds(500), milliseconds(1000)}));
  }
}

TEST_F(RetryTest, GetIsRetriedOnConnectSendAndReceiveFailures) {
  for (auto kind : {TransportFailure::kConnect, TransportFailure::kSend, TransportFailure::kReceive}) {
    SCOPED_TRACE(static_cast<int>(kind));
    test::FakeFlowii fake;
    fake.on("GET", kItem, test::in_turn({failure(kind), item_ok()}));
    Client c(fake.options());
    auto p = c.partners().get("7");
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    EXPECT_EQ(fake.count("GET", kItem), 2u);
  }
}

TEST_F(RetryTest, BackoffDoublesUpToMaxAttempts) {
  answer_get({status(503)});
  auto p = get();
  EXPECT_EQ(p.status().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(p.status().attempts(), 4);
  EXPECT_EQ(gets(), 4u);
  EXPECT_EQ(waits(), (Waits{milliseconds(500), milliseconds(1000), milliseconds(2000)}));
  EXPECT_NE(p.status().message().find("gave up after 4 attempts"), std::string::npos) << p.status().message();
}

TEST_F(RetryTest, BackoffIsCappedAtMaxBackoff) {
  options_.retry.max_attempts = 6;
  options_.retry.max_backoff = milliseconds(1500);
  answer_get({failure(TransportFailure::kConnect)});
  auto p = get();
  EXPECT_EQ(p.status().code(), ErrorCode::kNetwork);
  EXPECT_EQ(p.status().attempts(), 6);
  EXPECT_EQ(p.status().request(), "GET /partners/7");
  EXPECT_EQ(waits(),
            (Waits{milliseconds(500), milliseconds(1000), milliseconds(1500), milliseconds(1500), milliseconds(1500)}));
}

TEST_F(RetryTest, JitterStaysWithinItsBand) {
  options_.retry.jitter = 0.2;
  options_.jitter_seed = 7;
  answer_get({status(503)});
  (void)get();
  auto w = waits();
  ASSERT_EQ(w.size(), 3u);
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto base = 500 << i;
    EXPECT_GE(w[i].count(), base * 8 / 10) << i;
    EXPECT_LE(w[i].count(), base * 12 / 10) << i;
  }
}

TEST_F(RetryTest, ClientErrorsAreNotRetried) {
  for (int code : {400, 403, 404, 409, 422}) {
    SCOPED_TRACE(code);
    test::FakeFlowii fake;
    fake.on("GET", kItem, test::in_turn({status(code), item_ok()}));
    Client c(fake.options());
    auto p = c.partners().get("7");
    EXPECT_FALSE(p.ok());
    EXPECT_EQ(p.status().attempts(), 1);
    EXPECT_EQ(fake.count("GET", kItem), 1u);
    EXPECT_TRUE(fake.sleeps.waits().empty());
  }
}

TEST_F(RetryTest, ResponseTooLargeIsNotRetried) {
  answer_get({make_transport_error(TransportFailure::kTooLarge, ErrorCode::kInvalidResponse, "too large"), item_ok()});
  auto p = get();
  EXPECT_EQ(p.status().code(), ErrorCode::kInvalidResponse);
  EXPECT_EQ(gets(), 1u);
}

// ---- Retry-After --------------------------------------------------------------

TEST_F(RetryTest, ForbiddenQuotaRefusalIsARateLimit) {
  // FLOWii's quota answer may come as 403: known by its title, it is retried like
  // a 429, also for a POST (the server refused it).
  auto quota =
      test::api_error(403, "API calls quota exceeded! maximum admitted 60 per 1m.", {}, {}, {{"Retry-After", "2"}});
  answer_post({quota, created_ok()});
  ASSERT_TRUE(create().ok());
  EXPECT_EQ(posts(), 2u);
  EXPECT_EQ(waits(), (Waits{milliseconds(2000)}));

  answer_get({quota, quota, quota, quota});
  auto limited = get();
  EXPECT_EQ(limited.status().code(), ErrorCode::kRateLimited);
  EXPECT_EQ(limited.status().http_status(), 403);
  EXPECT_EQ(gets(), 4u);
}

TEST_F(RetryTest, PlainForbiddenIsFinal) {
  answer_get({test::api_error(403, "Forbidden", "no access to this company")});
  auto denied = get();
  EXPECT_EQ(denied.status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(gets(), 1u);
}

TEST_F(RetryTest, RetryAfterSecondsIsTheWait) {
  answer_get({with_retry_after(429, "3"), with_retry_after(503, "0"), item_ok()});
  ASSERT_TRUE(get().ok());
  EXPECT_EQ(waits(), (Waits{milliseconds(3000), milliseconds(0)}));
  EXPECT_EQ(gets(), 3u);
}

TEST_F(RetryTest, RetryAfterHttpDateIsTheWait) {
  // The calendar clock is injected and stands still, so the wait is exact.
  auto const now = std::chrono::system_clock::time_point(seconds(1796083200));
  options_.wall_clock = [now] { return now; };
  answer_get({with_retry_after(429, http_date(now + seconds(20))), with_retry_after(429, http_date(now - seconds(60))),
              item_ok()});
  ASSERT_TRUE(get().ok());
  EXPECT_EQ(waits(), (Waits{milliseconds(20'000), milliseconds(0)}));  // a date in the past: no wait
}

TEST_F(RetryTest, RetryAfterAboveTheLimitFailsAtOnce) {
  answer_get({with_retry_after(429, "120"), item_ok()});
  auto p = get();
  EXPECT_EQ(p.status().code(), ErrorCode::kRateLimited);
  EXPECT_EQ(p.status().retry_after(), seconds(120));
  EXPECT_EQ(p.status().http_status(), 429);
  EXPECT_EQ(p.status().attempts(), 1);
  EXPECT_EQ(gets(), 1u);
  EXPECT_TRUE(waits().empty());
  EXPECT_NE(p.status().message().find("max_retry_after"), std::string::npos) << p.status().message();
  ASSERT_EQ(p.status().errors().size(), 1u);
  EXPECT_EQ(p.status().errors()[0].detail, "API calls quota exceeded!");
}

TEST_F(RetryTest, RetryAfterLimitIsConfigurable) {
  options_.retry.max_retry_after = seconds(300);
  answer_get({with_retry_after(429, "120"), item_ok()});
  ASSERT_TRUE(get().ok());
  EXPECT_EQ(waits(), (Waits{milliseconds(120'000)}));
}

// ---- POST -----------------------------------------------------------------------

TEST_F(RetryTest, PostIsNotRetriedWhenTheServerMayHaveActed) {
  struct Case {
    Result<HttpResponse> answer;
    ErrorCode code;
  };
  // FLOWii failed (500, 408), or the answer was lost (502/504 from a gateway, a cut
  // answer): never sent again; a lost answer is kOutcomeUnknown. Reconciliation,
  // which would look the record up, is off here (ReconcileTest covers it).
  for (auto const& c : std::vector<Case>{{status(500), ErrorCode::kInternal},
                                         {status(502), ErrorCode::kOutcomeUnknown},
                                         {status(504), ErrorCode::kOutcomeUnknown},
                                         {status(408), ErrorCode::kTimeout},
                                         {failure(TransportFailure::kReceive), ErrorCode::kOutcomeUnknown},
                                         {failure(TransportFailure::kSend), ErrorCode::kOutcomeUnknown}}) {
    test::FakeFlowii fake;
    fake.on("POST", "/partners", test::in_turn({c.answer, created_ok()}));
    auto options = fake.options();
    options.reconcile.enabled = false;
    Client client(options);
    auto r = client.partners().create(Partner().set_name("ACME"));
    EXPECT_EQ(r.status().code(), c.code) << r.status().to_string();
    EXPECT_EQ(r.status().attempts(), 1);
    EXPECT_EQ(fake.count("POST", "/partners"), 1u) << r.status().to_string();
    EXPECT_TRUE(fake.sleeps.waits().empty());
  }
}

TEST_F(RetryTest, PostIsRetriedWhenTheServerProvablyDidNotAct) {
  for (auto const& first : {failure(TransportFailure::kConnect), status(429), status(503)}) {
    test::FakeFlowii fake;
    fake.on("POST", "/partners", test::in_turn({first, created_ok()}));
    Client client(fake.options());
    auto r = client.partners().create(Partner().set_name("ACME"));
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->id(), "8");
    EXPECT_EQ(fake.count("POST", "/partners"), 2u);
  }
}

TEST_F(RetryTest, IdempotentCallOptionMakesAPostRetryable) {
  answer_post({status(502), failure(TransportFailure::kReceive), created_ok()});
  CallOptions call;
  call.idempotent = true;
  auto r = create(call);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(posts(), 3u);
}

TEST_F(RetryTest, NonIdempotentCallOptionStopsGetRetries) {
  answer_get({status(502), item_ok()});
  CallOptions call;
  call.idempotent = false;
  EXPECT_EQ(get(call).status().code(), ErrorCode::kOutcomeUnknown);  // declared a write: it may have acted
  EXPECT_EQ(gets(), 1u);
}

TEST_F(RetryTest, PatchIsNotRetriedDeleteIs) {
  fake_.on("PATCH", kItem, test::in_turn({status(502), test::empty_response(204)}));
  fake_.on("DELETE", kItem, test::in_turn({status(502), test::empty_response(204)}));
  auto c = client();
  Partner p;
  p.set_id("7");
  EXPECT_EQ(c.partners().update(p).code(), ErrorCode::kOutcomeUnknown);
  EXPECT_EQ(fake_.count("PATCH", kItem), 1u);
  EXPECT_TRUE(c.partners().remove("7").ok());
  EXPECT_EQ(fake_.count("DELETE", kItem), 2u);
}

TEST_F(RetryTest, DeleteFindingNothingAfterALostAnswerHasDeleted) {
  // The first DELETE reached FLOWii but its answer was lost; the retry finds
  // nothing left to delete, which is what the caller asked for.
  fake_.on("DELETE", kItem,
           test::in_turn({failure(TransportFailure::kReceive), status(404), status(502), status(404)}));
  auto c = client();
  EXPECT_TRUE(c.partners().remove("7").ok());
  EXPECT_EQ(fake_.count("DELETE", kItem), 2u);
  EXPECT_TRUE(c.partners().remove("7").ok());  // a 502 may hide a deletion too
  EXPECT_EQ(fake_.count("DELETE", kItem), 4u);
}

TEST_F(RetryTest, DeleteOfAMissingRecordIsNotFound) {
  // Without an earlier attempt that may have acted, a 404 is the caller's error;
  // nor does a refusal (503: FLOWii did nothing) make a later 404 a success.
  fake_.on("DELETE", kItem,
           test::in_turn({status(404), failure(TransportFailure::kConnect), status(503), status(404)}));
  auto c = client();
  EXPECT_EQ(c.partners().remove("7").code(), ErrorCode::kNotFound);
  EXPECT_EQ(c.partners().remove("7").code(), ErrorCode::kNotFound);
  EXPECT_EQ(fake_.count("DELETE", kItem), 4u);
}

TEST_F(RetryTest, RawPostIsNotRetriedRawGetIs) {
  fake_.on("POST", "/things", test::in_turn({status(502), created_ok()}));
  fake_.on("GET", "/things", test::in_turn({status(502), test::ok_json(test::json::array())}));
  auto c = client();
  EXPECT_EQ(c.raw().send("POST", "/things", {}, "{}").status().code(), ErrorCode::kOutcomeUnknown);
  EXPECT_EQ(fake_.count("POST", "/things"), 1u);
  auto got = c.raw().send("GET", "/things");
  ASSERT_TRUE(got.ok()) << got.status().to_string();
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(fake_.count("GET", "/things"), 2u);
}

// ---- limits ---------------------------------------------------------------------

TEST_F(RetryTest, CallOptionMaxAttempts) {
  answer_get({status(503)});
  CallOptions call;
  call.max_attempts = 2;
  auto p = get(call);
  EXPECT_EQ(p.status().attempts(), 2);
  EXPECT_EQ(gets(), 2u);
  call.max_attempts = 1;
  EXPECT_EQ(get(call).status().attempts(), 1);
  EXPECT_EQ(gets(), 3u);
}

TEST_F(RetryTest, TotalTimeoutStopsRetrying) {
  options_.retry.total_timeout = milliseconds(1200);
  answer_get({status(503)});
  auto p = get();
  EXPECT_EQ(p.status().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(waits(), (Waits{milliseconds(500)}));  // 500 + 1000 would pass 1200
  EXPECT_EQ(gets(), 2u);
  EXPECT_EQ(p.status().attempts(), 2);
  EXPECT_NE(p.status().message().find("total_timeout"), std::string::npos) << p.status().message();
}

TEST_F(RetryTest, TotalTimeoutCountsSlowAnswersToo) {
  options_.retry.total_timeout = seconds(15);
  fake_.on("GET", kItem, [this](HttpRequest const&) -> Result<HttpResponse> {
    fake_.clock.advance(seconds(10));  // each answer takes 10 s
    return status(503);
  });
  auto p = get();
  EXPECT_EQ(gets(), 2u);  // 10 s, wait 0.5 s, 10 s: another wait would pass 15 s
  EXPECT_EQ(p.status().attempts(), 2);
}

TEST_F(RetryTest, RetryAfterPastTheDeadlineIsNotWaitedFor) {
  options_.retry.total_timeout = seconds(10);
  answer_get({with_retry_after(503, "30"), item_ok()});
  auto p = get();
  EXPECT_EQ(p.status().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(p.status().retry_after(), seconds(30));
  EXPECT_TRUE(waits().empty());
  EXPECT_EQ(gets(), 1u);
}

TEST_F(RetryTest, TokenRenewalDoesNotCountAsAnAttempt) {
  options_.retry.max_attempts = 1;
  fake_.on("GET", kItem, [](HttpRequest const&) { return test::ok_json(test::partner_json("7")); });
  auto c = client();
  fake_.revoke_tokens();
  auto p = c.partners().get("7");
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(gets(), 2u);
}

TEST_F(RetryTest, TokenRequestIsRetriedOnUnavailable) {
  std::atomic<int> calls{0};
  fake_.token_endpoint = [&](HttpRequest const& r) -> Result<HttpResponse> {
    if (++calls == 1) return test::api_error(503, "Service Unavailable");
    return fake_.grant(r);
  };
  answer_get({item_ok()});
  auto p = get();
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(fake_.token_requests().size(), 2u);
  EXPECT_EQ(waits(), (Waits{milliseconds(500)}));
}

TEST_F(RetryTest, TokenEndpointUnavailableIsReportedAsUnavailable) {
  fake_.token_endpoint = [](HttpRequest const&) { return test::api_error(503, "Service Unavailable"); };
  Client c(options_);
  auto s = c.session().status();
  EXPECT_EQ(s.code(), ErrorCode::kUnavailable);
  EXPECT_EQ(s.http_status(), 503);
  EXPECT_EQ(fake_.token_requests().size(), 4u);
}

}  // namespace
}  // namespace flowii
