// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "http/retry_after.hpp"

#include <gtest/gtest.h>

#include <string>

namespace flowii::detail {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

/// 1994-11-06T08:49:37Z, the RFC 7231 example.
system_clock::time_point const kExample = system_clock::time_point(seconds(784111777));

TEST(HttpDate, ParsesAllThreeForms) {
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), kExample);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), kExample);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), kExample);
}

TEST(HttpDate, IsLenientAboutCaseAndSurroundingSpace) {
  EXPECT_EQ(parse_http_date("  sun, 06 NOV 1994 08:49:37 gmt\t"), kExample);
}

TEST(HttpDate, KnownInstants) {
  EXPECT_EQ(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), system_clock::time_point());
  EXPECT_EQ(parse_http_date("Tue, 29 Feb 2000 23:59:59 GMT"), system_clock::time_point(seconds(951868799)));
  EXPECT_EQ(parse_http_date("Wed, 01 Jan 2025 00:00:00 GMT"), system_clock::time_point(seconds(1735689600)));
  EXPECT_EQ(parse_http_date("Thu Mar 13 14:15:16 2025"), system_clock::time_point(seconds(1741875316)));
  EXPECT_EQ(parse_http_date("Thursday, 13-Mar-25 14:15:16 GMT"), system_clock::time_point(seconds(1741875316)));
  EXPECT_EQ(parse_http_date("Sat, 31 Dec 2016 23:59:60 GMT"), system_clock::time_point(seconds(1483228800)));
}

TEST(HttpDate, RejectsMalformedAndImpossibleDates) {
  for (auto const* text :
       {"", "garbage", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 31 Nov 1994 08:49:37 GMT",
        "Mon, 29 Feb 2100 00:00:00 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT extra", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov 6 08:49:37 1994",
        "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "2025-01-01T00:00:00Z"}) {
    EXPECT_FALSE(parse_http_date(text).has_value()) << text;
  }
}

TEST(HttpDate, RejectsDatesTheClockCannotHold) {
  EXPECT_FALSE(parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT").has_value());
}

TEST(RetryAfter, DeltaSeconds) {
  auto const now = kExample;  // any fixed instant: delta-seconds do not depend on it
  EXPECT_EQ(parse_retry_after("120", now), seconds(120));
  EXPECT_EQ(parse_retry_after("0", now), seconds(0));
  EXPECT_EQ(parse_retry_after(" 7 ", now), seconds(7));
  EXPECT_EQ(parse_retry_after("0000000000000000000000000000042", now), seconds(42));
}

TEST(RetryAfter, RejectsGarbageNegativeAndOverflow) {
  auto const now = kExample;  // any fixed instant: delta-seconds do not depend on it
  for (auto const* text :
       {"", " ", "-1", "+5", "1.5", "12abc", "abc", "1 2", "99999999999999999999999", "9223372036854775807"}) {
    EXPECT_FALSE(parse_retry_after(text, now).has_value()) << text;
  }
}

TEST(RetryAfter, HttpDateInTheFuture) {
  auto const now = kExample - seconds(90);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), seconds(90));
  EXPECT_EQ(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now), seconds(90));
  EXPECT_EQ(parse_retry_after("Sun Nov  6 08:49:37 1994", now), seconds(90));
}

TEST(RetryAfter, FractionsRoundUp) {
  auto const now = kExample - std::chrono::milliseconds(1500);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), seconds(2));
}

TEST(RetryAfter, HttpDateInThePastIsZero) {
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", kExample + seconds(3600)), seconds(0));
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", kExample), seconds(0));
}

}  // namespace
}  // namespace flowii::detail
