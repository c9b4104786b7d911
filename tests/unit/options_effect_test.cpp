// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Options take effect: a per-call timeout reaches the transport on every attempt, a
// non-default token_refresh_margin moves the renewal, and RetryOptions::multiplier
// shapes the backoff waits (all on the fake clock, nothing sleeps).
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace flowii {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using test::FakeFlowii;

constexpr char kItem[] = "/partners/7";

Result<HttpResponse> unavailable() { return test::api_error(503, "Service Unavailable"); }
Result<HttpResponse> item_ok() { return test::ok_json(test::partner_json("7")); }

// ---- CallOptions::timeout --------------------------------------------------------

struct TimeoutCase {
  char const* operation;
  char const* method;
  char const* path;
  std::function<Result<HttpResponse>()> answer;  ///< the success answer of the operation
  std::function<Status(Client&, CallOptions const&)> call;
};

void PrintTo(TimeoutCase const& c, std::ostream* os) { *os << c.operation; }

class CallTimeout : public ::testing::TestWithParam<TimeoutCase> {
 protected:
  /// The timeouts of the requests the operation sent, answered first by a 503 (so that
  /// the retry is seen too), then by its success answer.
  std::vector<milliseconds> sent_timeouts(CallOptions call) {
    auto const& c = GetParam();
    fake_.on(c.method, c.path, test::in_turn({unavailable(), c.answer()}));
    Client client(fake_.options());
    EXPECT_TRUE(client.session().ok());  // the session's own requests are not the call's
    call.idempotent = true;              // so that a POST is retried too
    auto status = c.call(client, call);
    EXPECT_TRUE(status.ok()) << status.to_string();
    std::vector<milliseconds> out;
    for (auto const& r : fake_.requests_to(c.method, c.path)) out.push_back(r.timeout);
    return out;
  }

  FakeFlowii fake_;
};

TEST_P(CallTimeout, ReachesTheTransportOnEveryAttempt) {
  CallOptions call;
  call.timeout = milliseconds(1234);
  EXPECT_EQ(sent_timeouts(call), (std::vector<milliseconds>{milliseconds(1234), milliseconds(1234)}));
}

TEST_P(CallTimeout, UnsetMeansZeroForTheTransportDefault) {
  EXPECT_EQ(sent_timeouts(CallOptions()), (std::vector<milliseconds>{milliseconds(0), milliseconds(0)}));
}

INSTANTIATE_TEST_SUITE_P(
    Operations, CallTimeout,
    ::testing::Values(
        TimeoutCase{"Get", "GET", kItem, item_ok,
                    [](Client& c, CallOptions const& o) { return c.partners().get("7", o).status(); }},
        TimeoutCase{"ListPage", "GET", "/partners", [] { return test::ok_json(test::json::array()); },
                    [](Client& c, CallOptions const& o) { return c.partners().list_page(PartnerQuery(), o).status(); }},
        TimeoutCase{"Create", "POST", "/partners", [] { return test::ok_json(test::resource("partner", "8")); },
                    [](Client& c, CallOptions const& o) {
                      return c.partners().create(Partner().set_name("ACME"), o).status();
                    }},
        TimeoutCase{"Remove", "DELETE", kItem, [] { return Result<HttpResponse>(test::empty_response(204)); },
                    [](Client& c, CallOptions const& o) { return c.partners().remove("7", o); }},
        TimeoutCase{
            "Download", "GET", "/partners/export/pohoda",
            [] { return Result<HttpResponse>(test::json_response(200, "<export/>")); },
            [](Client& c, CallOptions const& o) { return c.partners().export_pohoda(PartnerQuery(), o).status(); }}),
    [](::testing::TestParamInfo<TimeoutCase> const& info) { return std::string(info.param.operation); });

TEST(CallTimeoutScope, AppliesToItsOwnCallOnly) {
  FakeFlowii fake;
  fake.on("GET", kItem, [](HttpRequest const&) { return item_ok(); });
  Client client(fake.options());
  CallOptions call;
  call.timeout = milliseconds(250);
  ASSERT_TRUE(client.partners().get("7", call).ok());
  ASSERT_TRUE(client.partners().get("7").ok());
  auto const sent = fake.requests_to("GET", kItem);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].timeout, milliseconds(250));
  EXPECT_EQ(sent[1].timeout, milliseconds(0));
}

// ---- ClientOptions::token_refresh_margin -----------------------------------------

struct MarginCase {
  seconds margin;
  seconds renewal;  ///< after the first token, with FLOWii's 599 s lifetime
};

void PrintTo(MarginCase const& c, std::ostream* os) { *os << c.margin.count() << " s margin"; }

class RefreshMargin : public ::testing::TestWithParam<MarginCase> {};

TEST_P(RefreshMargin, RenewsExactlyAtExpiryMinusTheMargin) {
  FakeFlowii fake;
  fake.expires_in = 599;
  fake.on("GET", kItem, [](HttpRequest const&) { return item_ok(); });
  auto options = fake.options();
  options.token_refresh_margin = GetParam().margin;
  Client client(options);
  /// The bearer token a fresh GET is sent with.
  auto bearer = [&] {
    EXPECT_TRUE(client.partners().get("7").ok());
    auto const sent = fake.requests_to("GET", kItem);
    return sent.empty() ? std::string() : test::header(sent.back(), "Authorization");
  };
  EXPECT_EQ(bearer(), "Bearer access-1-tkn");
  fake.clock.advance(GetParam().renewal - milliseconds(1));
  EXPECT_EQ(bearer(), "Bearer access-1-tkn");  // a millisecond before: not yet
  EXPECT_EQ(fake.token_requests().size(), 1u);
  fake.clock.advance(milliseconds(1));
  EXPECT_EQ(bearer(), "Bearer access-2-tkn");  // at expiry - margin: renewed, ahead of any 401
  ASSERT_EQ(fake.token_requests().size(), 2u);
  EXPECT_EQ(fake.token_form(1)["grant_type"], "refresh_token");
}

INSTANTIATE_TEST_SUITE_P(NonDefault, RefreshMargin,
                         ::testing::Values(MarginCase{seconds(100), seconds(499)}, MarginCase{seconds(5), seconds(594)},
                                           MarginCase{seconds(0), seconds(599)},
                                           // More than half the lifetime is capped at half (599 / 2 = 299 s).
                                           MarginCase{seconds(400), seconds(300)}));

// ---- RetryOptions::multiplier ------------------------------------------------------

struct BackoffCase {
  double multiplier;
  milliseconds initial;
  std::vector<milliseconds> waits;
};

void PrintTo(BackoffCase const& c, std::ostream* os) { *os << "x" << c.multiplier; }

class BackoffMultiplier : public ::testing::TestWithParam<BackoffCase> {};

TEST_P(BackoffMultiplier, EachWaitIsThePreviousTimesTheMultiplier) {
  FakeFlowii fake;
  fake.on("GET", kItem, test::in_turn({unavailable()}));
  auto options = fake.options();  // no jitter, so the waits are exact
  options.retry.max_attempts = 5;
  options.retry.multiplier = GetParam().multiplier;
  options.retry.initial_backoff = GetParam().initial;
  Client client(options);
  auto p = client.partners().get("7");
  EXPECT_EQ(p.status().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(p.status().attempts(), 5);
  EXPECT_EQ(fake.sleeps.waits(), GetParam().waits);
}

INSTANTIATE_TEST_SUITE_P(
    NonDefault, BackoffMultiplier,
    ::testing::Values(
        BackoffCase{
            3.0, milliseconds(200), {milliseconds(200), milliseconds(600), milliseconds(1800), milliseconds(5400)}},
        BackoffCase{
            1.5, milliseconds(1000), {milliseconds(1000), milliseconds(1500), milliseconds(2250), milliseconds(3375)}},
        BackoffCase{
            1.0, milliseconds(400), {milliseconds(400), milliseconds(400), milliseconds(400), milliseconds(400)}}));

}  // namespace
}  // namespace flowii
