// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The retry rules as a pure function (core/retry_policy.hpp): one row per branch of
// docs/adr/0005-retries-and-idempotency.md, without a client, a transport or a clock.
#include "core/retry_policy.hpp"

#include <flowii/http.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace flowii::detail {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Action = Decision::Action;

constexpr int kNoAnswer = 0;

Status transport(TransportFailure kind) {
  return Status(make_transport_error(kind, ErrorCode::kNetwork, "simulated")).with_request("POST /partners");
}

Status answer(int http_status, ErrorCode code, std::optional<seconds> retry_after = std::nullopt) {
  return Status(code, "from FLOWii").with_http_status(http_status).with_retry_after(retry_after);
}

Progress progress(bool idempotent, int attempts = 1, int retries_used = 0) {
  Progress p;
  p.where = idempotent ? "GET /partners/7" : "POST /partners";
  p.idempotent = idempotent;
  p.attempts = attempts;
  p.retries_used = retries_used;
  p.max_attempts = 4;
  p.max_retry_after = seconds(60);
  return p;
}

struct Row {
  char const* name;
  Outcome outcome;
  Progress progress;
  Action action;
  ErrorCode code;       // of Decision::status (kOk when there is none)
  bool may_have_acted;  // afterwards, for kRetry
};

std::string describe(Row const& r) { return r.name; }

class ClassifyTable : public ::testing::TestWithParam<Row> {};

TEST_P(ClassifyTable, DecidesAsTheAdrSays) {
  Row const& row = GetParam();
  Decision d = classify(row.outcome, row.progress);
  EXPECT_EQ(d.action, row.action);
  EXPECT_EQ(d.status.code(), row.code) << d.status.to_string();
  if (row.action == Action::kRetry) {
    EXPECT_EQ(d.may_have_acted, row.may_have_acted);
  }
  if (row.action == Action::kFail || row.action == Action::kOutcomeUnknown) {
    EXPECT_EQ(d.status.attempts(), row.progress.attempts);
  }
}

Progress renewable(bool idempotent) {
  auto p = progress(idempotent);
  p.can_renew = true;
  return p;
}

Progress delete_after_lost_answer() {
  auto p = progress(true, 2, 1);
  p.is_delete = true;
  p.may_have_acted = true;
  return p;
}

Progress delete_first_try() {
  auto p = progress(true);
  p.is_delete = true;
  return p;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ClassifyTable,
    ::testing::Values(Row{"Ok200", {200, Status(), {}}, progress(false), Action::kSucceed, ErrorCode::kOk, false},
                      Row{"Created201", {201, Status(), {}}, progress(false), Action::kSucceed, ErrorCode::kOk, false},
                      // Transport failures.
                      Row{"ConnectFailedGet",
                          {kNoAnswer, transport(TransportFailure::kConnect), {}},
                          progress(true),
                          Action::kRetry,
                          ErrorCode::kNetwork,
                          false},
                      Row{"ConnectFailedPost",
                          {kNoAnswer, transport(TransportFailure::kConnect), {}},
                          progress(false),
                          Action::kRetry,
                          ErrorCode::kNetwork,
                          false},
                      Row{"SendFailedGet",
                          {kNoAnswer, transport(TransportFailure::kSend), {}},
                          progress(true),
                          Action::kRetry,
                          ErrorCode::kNetwork,
                          true},
                      Row{"ReceiveFailedGet",
                          {kNoAnswer, transport(TransportFailure::kReceive), {}},
                          progress(true),
                          Action::kRetry,
                          ErrorCode::kNetwork,
                          true},
                      Row{"SendFailedPost",
                          {kNoAnswer, transport(TransportFailure::kSend), {}},
                          progress(false),
                          Action::kOutcomeUnknown,
                          ErrorCode::kOutcomeUnknown,
                          false},
                      Row{"ReceiveFailedPost",
                          {kNoAnswer, transport(TransportFailure::kReceive), {}},
                          progress(false),
                          Action::kOutcomeUnknown,
                          ErrorCode::kOutcomeUnknown,
                          false},
                      Row{"TooLargeGet",
                          {kNoAnswer, transport(TransportFailure::kTooLarge), {}},
                          progress(true),
                          Action::kFail,
                          ErrorCode::kNetwork,
                          false},
                      Row{"RefusedBeforeSending",
                          {kNoAnswer, Status(ErrorCode::kInvalidArgument, "CR in a header"), {}},
                          progress(true),
                          Action::kFail,
                          ErrorCode::kInvalidArgument,
                          false},
                      Row{"ConnectFailedLastAttempt",
                          {kNoAnswer, transport(TransportFailure::kConnect), {}},
                          progress(true, 4, 3),
                          Action::kFail,
                          ErrorCode::kNetwork,
                          false},
                      // 401: renew once, then it is final.
                      Row{"Unauthorized",
                          {401, answer(401, ErrorCode::kUnauthenticated), {}},
                          renewable(false),
                          Action::kRenewToken,
                          ErrorCode::kOk,
                          false},
                      Row{"UnauthorizedAgain",
                          {401, answer(401, ErrorCode::kUnauthenticated), {}},
                          progress(false),
                          Action::kFail,
                          ErrorCode::kUnauthenticated,
                          false},
                      // DELETE's 404 after an attempt that may have deleted it.
                      Row{"DeleteNotFoundAfterLostAnswer",
                          {404, answer(404, ErrorCode::kNotFound), {}},
                          delete_after_lost_answer(),
                          Action::kTreatAsDeleted,
                          ErrorCode::kOk,
                          true},
                      Row{"DeleteNotFoundFirstTry",
                          {404, answer(404, ErrorCode::kNotFound), {}},
                          delete_first_try(),
                          Action::kFail,
                          ErrorCode::kNotFound,
                          false},
                      // Explicit refusals: retried for every method, and nothing happened.
                      Row{"TooManyRequestsPost",
                          {429, answer(429, ErrorCode::kRateLimited), milliseconds(500)},
                          progress(false),
                          Action::kRetry,
                          ErrorCode::kRateLimited,
                          false},
                      Row{"QuotaForbiddenPost",
                          {403, answer(403, ErrorCode::kRateLimited), milliseconds(500)},
                          progress(false),
                          Action::kRetry,
                          ErrorCode::kRateLimited,
                          false},
                      Row{"UnavailablePost",
                          {503, answer(503, ErrorCode::kUnavailable), {}},
                          progress(false),
                          Action::kRetry,
                          ErrorCode::kUnavailable,
                          false},
                      Row{"RetryAfterTooLong",
                          {429, answer(429, ErrorCode::kRateLimited, seconds(61)), milliseconds(61000)},
                          progress(true),
                          Action::kFail,
                          ErrorCode::kRateLimited,
                          false},
                      Row{"RateLimitedLastAttempt",
                          {429, answer(429, ErrorCode::kRateLimited), {}},
                          progress(true, 4, 3),
                          Action::kFail,
                          ErrorCode::kRateLimited,
                          false},
                      // Statuses only a repeatable call retries; a gateway's loses a write's outcome.
                      Row{"BadGatewayGet",
                          {502, answer(502, ErrorCode::kUnavailable), {}},
                          progress(true),
                          Action::kRetry,
                          ErrorCode::kUnavailable,
                          true},
                      Row{"GatewayTimeoutGet",
                          {504, answer(504, ErrorCode::kUnavailable), {}},
                          progress(true),
                          Action::kRetry,
                          ErrorCode::kUnavailable,
                          true},
                      Row{"RequestTimeoutGet",
                          {408, answer(408, ErrorCode::kTimeout), {}},
                          progress(true),
                          Action::kRetry,
                          ErrorCode::kTimeout,
                          true},
                      Row{"InternalGet",
                          {500, answer(500, ErrorCode::kInternal), {}},
                          progress(true),
                          Action::kRetry,
                          ErrorCode::kInternal,
                          true},
                      Row{"BadGatewayPost",
                          {502, answer(502, ErrorCode::kUnavailable), {}},
                          progress(false),
                          Action::kOutcomeUnknown,
                          ErrorCode::kOutcomeUnknown,
                          false},
                      Row{"GatewayTimeoutPost",
                          {504, answer(504, ErrorCode::kUnavailable), {}},
                          progress(false),
                          Action::kOutcomeUnknown,
                          ErrorCode::kOutcomeUnknown,
                          false},
                      Row{"RequestTimeoutPost",
                          {408, answer(408, ErrorCode::kTimeout), {}},
                          progress(false),
                          Action::kFail,
                          ErrorCode::kTimeout,
                          false},
                      Row{"InternalPost",
                          {500, answer(500, ErrorCode::kInternal), {}},
                          progress(false),
                          Action::kFail,
                          ErrorCode::kInternal,
                          false},
                      // Other 4xx are final.
                      Row{"BadRequest",
                          {400, answer(400, ErrorCode::kInvalidArgument), {}},
                          progress(true),
                          Action::kFail,
                          ErrorCode::kInvalidArgument,
                          false},
                      Row{"Forbidden",
                          {403, answer(403, ErrorCode::kPermissionDenied), {}},
                          progress(true),
                          Action::kFail,
                          ErrorCode::kPermissionDenied,
                          false},
                      Row{"NotFound",
                          {404, answer(404, ErrorCode::kNotFound), {}},
                          progress(true),
                          Action::kFail,
                          ErrorCode::kNotFound,
                          false},
                      Row{"Unprocessable",
                          {422, answer(422, ErrorCode::kInvalidArgument), {}},
                          progress(false),
                          Action::kFail,
                          ErrorCode::kInvalidArgument,
                          false}),
    [](::testing::TestParamInfo<Row> const& info) { return describe(info.param); });

TEST(Classify, ARetryCarriesFlowiisWaitAndTheAttemptsError) {
  auto d = classify({429, answer(429, ErrorCode::kRateLimited, seconds(3)), milliseconds(3000)}, progress(false, 2, 1));
  ASSERT_EQ(d.action, Action::kRetry);
  EXPECT_EQ(d.wait, milliseconds(3000));
  EXPECT_EQ(d.status.attempts(), 2);
  EXPECT_EQ(d.status.http_status(), 429);
}

TEST(Classify, WithoutFlowiisWaitTheLoopBacksOff) {
  auto d = classify({kNoAnswer, transport(TransportFailure::kConnect), std::nullopt}, progress(true));
  ASSERT_EQ(d.action, Action::kRetry);
  EXPECT_FALSE(d.wait.has_value());
}

TEST(Classify, AnEarlierAttemptThatMayHaveActedIsRemembered) {
  auto p = progress(false, 2, 1);
  p.may_have_acted = true;
  auto d = classify({429, answer(429, ErrorCode::kRateLimited), std::nullopt}, p);
  ASSERT_EQ(d.action, Action::kRetry);
  EXPECT_TRUE(d.may_have_acted);
}

TEST(Classify, GivingUpSaysHowManyAttempts) {
  auto d = classify({503, answer(503, ErrorCode::kUnavailable), std::nullopt}, progress(true, 4, 3));
  ASSERT_EQ(d.action, Action::kFail);
  EXPECT_NE(d.status.message().find("(gave up after 4 attempts)"), std::string::npos) << d.status.message();
}

TEST(Classify, OneAllowedAttemptAddsNothingToTheError) {
  auto p = progress(true);
  p.max_attempts = 1;
  auto d = classify({503, answer(503, ErrorCode::kUnavailable), std::nullopt}, p);
  ASSERT_EQ(d.action, Action::kFail);
  EXPECT_EQ(d.status.message(), "from FLOWii");
}

TEST(Classify, ARetryAfterBeyondTheLimitSaysSo) {
  auto d = classify({429, answer(429, ErrorCode::kRateLimited, seconds(120)), milliseconds(120000)}, progress(true));
  ASSERT_EQ(d.action, Action::kFail);
  EXPECT_NE(d.status.message().find("FLOWii asked to wait 120 s, more than RetryOptions::max_retry_after (60 s)"),
            std::string::npos)
      << d.status.message();
}

TEST(Classify, AnUnknownOutcomeKeepsTheCauseVisible) {
  auto d = classify({kNoAnswer, transport(TransportFailure::kReceive), std::nullopt}, progress(false, 1));
  ASSERT_EQ(d.action, Action::kOutcomeUnknown);
  EXPECT_EQ(d.status.request(), "POST /partners");
  EXPECT_NE(d.status.message().find("POST /partners was sent but no complete answer came back"), std::string::npos);
  EXPECT_NE(d.status.message().find("simulated"), std::string::npos);
}

}  // namespace
}  // namespace flowii::detail
