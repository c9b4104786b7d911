// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/datetime.hpp>

#include <gtest/gtest.h>

#include <stdlib.h>  // setenv
#include <time.h>    // tzset

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace flowii {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(DateTimeParse, ReadsFlowiiFormat) {
  auto dt = DateTime::parse("2017-10-31T14:05:09");
  ASSERT_TRUE(dt.has_value());
  EXPECT_EQ(dt->year, 2017);
  EXPECT_EQ(dt->month, 10);
  EXPECT_EQ(dt->day, 31);
  EXPECT_EQ(dt->hour, 14);
  EXPECT_EQ(dt->minute, 5);
  EXPECT_EQ(dt->second, 9);
  EXPECT_EQ(dt->to_string(), "2017-10-31T14:05:09");
}

TEST(DateTimeParse, DropsFractionalSeconds) {
  for (auto const* text : {"2017-10-31T14:05:09.5", "2017-10-31T14:05:09.1234567", "2017-10-31T14:05:09.000"}) {
    auto dt = DateTime::parse(text);
    ASSERT_TRUE(dt.has_value()) << text;
    EXPECT_EQ(*dt, (DateTime{2017, 10, 31, 14, 5, 9})) << text;
    EXPECT_EQ(dt->to_string(), "2017-10-31T14:05:09");
  }
}

TEST(DateTimeParse, ReadsDateAloneAsMidnight) {
  auto dt = DateTime::parse("2017-10-17");
  ASSERT_TRUE(dt.has_value());
  EXPECT_EQ(*dt, (DateTime{2017, 10, 17, 0, 0, 0}));
  EXPECT_EQ(dt->to_string(), "2017-10-17T00:00:00");
  EXPECT_EQ(DateTime::from_date(Date{2017, 10, 17}), *dt);
  EXPECT_EQ(dt->date(), (Date{2017, 10, 17}));
}

TEST(DateTimeParse, RejectsZoneSuffixes) {
  for (auto const* text : {"2017-10-31T14:05:00Z", "2017-10-31T14:05:00+01:00", "2017-10-31T14:05:00-0500",
                           "2017-10-31T14:05:00.123Z", "2017-10-31T14:05:00 CET"}) {
    EXPECT_FALSE(DateTime::parse(text).has_value()) << text;
  }
}

TEST(DateTimeParse, RejectsMalformedText) {
  for (auto const* text : {"", "2017", "2017-10-31T", "2017-10-31T14:05", "2017-10-31 14:05:00", "2017/10/31T14:05:00",
                           "17-10-31T14:05:00", "2017-1-31T14:05:00", "2017-10-31T14:5:00", "2017-10-31T14:05:00.",
                           "2017-10-31T14:05:00.x", " 2017-10-31T14:05:00", "2017-10-31T14:05:00 ",
                           "+017-10-31T14:05:00", "2017-1a-31T14:05:00", "2017-10-31x"}) {
    EXPECT_FALSE(DateTime::parse(text).has_value()) << '"' << text << '"';
  }
}

TEST(DateTimeParse, RejectsOutOfRangeFields) {
  for (auto const* text :
       {"2017-00-10T00:00:00", "2017-13-10T00:00:00", "2017-10-00T00:00:00", "2017-10-32T00:00:00",
        "2017-04-31T00:00:00", "2017-10-31T24:00:00", "2017-10-31T23:60:00", "2017-10-31T23:59:61"}) {
    EXPECT_FALSE(DateTime::parse(text).has_value()) << text;
  }
}

TEST(DateTimeParse, KnowsLeapYears) {
  EXPECT_TRUE(DateTime::parse("2024-02-29T12:00:00").has_value());  // divisible by 4
  EXPECT_TRUE(DateTime::parse("2000-02-29T12:00:00").has_value());  // divisible by 400
  EXPECT_FALSE(DateTime::parse("2023-02-29T12:00:00").has_value());
  EXPECT_FALSE(DateTime::parse("1900-02-29T12:00:00").has_value());  // divisible by 100, not 400
  EXPECT_FALSE(DateTime::parse("2100-02-29").has_value());
  EXPECT_FALSE(DateTime::parse("2024-02-30T12:00:00").has_value());
  EXPECT_TRUE(DateTime::parse("2023-02-28T23:59:59").has_value());
}

TEST(DateParse, ReadsDates) {
  auto d = Date::parse("2017-10-17");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, (Date{2017, 10, 17}));
  EXPECT_EQ(d->to_string(), "2017-10-17");
  EXPECT_EQ((Date{5, 1, 2}).to_string(), "0005-01-02");
  EXPECT_EQ((DateTime{5, 1, 2, 3, 4, 5}).to_string(), "0005-01-02T03:04:05");
}

TEST(DateParse, AcceptsMidnightTimeOnly) {
  EXPECT_EQ(Date::parse("2017-10-17T00:00:00"), (Date{2017, 10, 17}));
  EXPECT_EQ(Date::parse("2017-10-17T00:00:00.000"), (Date{2017, 10, 17}));
  EXPECT_FALSE(Date::parse("2017-10-17T10:00:00").has_value());
  EXPECT_FALSE(Date::parse("2017-10-17T00:00:01").has_value());
  EXPECT_FALSE(Date::parse("2017-10-17T00:00:00Z").has_value());
  EXPECT_FALSE(Date::parse("2017-10-17x").has_value());
}

TEST(DateParse, RejectsInvalidDates) {
  for (auto const* text : {"", "2017-10", "2017-10-1", "2017-02-29", "1900-02-29", "2017-11-31", "2017-13-01",
                           "2017-00-01", "2017-01-00", "20171017", "2017-10-17 "}) {
    EXPECT_FALSE(Date::parse(text).has_value()) << '"' << text << '"';
  }
  EXPECT_TRUE(Date::parse("2000-02-29").has_value());
}

TEST(DateTimeFormat, RoundTrips) {
  for (auto const* text : {"1999-12-31T23:59:59", "2000-01-01T00:00:00", "2024-02-29T08:07:06"}) {
    auto dt = DateTime::parse(text);
    ASSERT_TRUE(dt.has_value()) << text;
    EXPECT_EQ(dt->to_string(), text);
    EXPECT_EQ(DateTime::parse(dt->to_string()), dt);
  }
}

TEST(DaysFromCivil, KnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1970, 1, 2), 1);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1600, 1, 1), -135140);
}

TEST(UnixTime, FromDateTimeAtKnownEpochs) {
  EXPECT_EQ(UnixTime::from(DateTime{1970, 1, 1, 0, 0, 0}).seconds, 0);
  EXPECT_EQ(UnixTime::from(DateTime{1969, 12, 31, 23, 59, 59}).seconds, -1);
  EXPECT_EQ(UnixTime::from(DateTime{2000, 2, 29, 23, 59, 59}).seconds, 951868799);
  EXPECT_EQ(UnixTime::from(DateTime{2017, 10, 31, 14, 5, 0}).seconds, 1509458700);
  EXPECT_EQ(UnixTime::from(DateTime{2038, 1, 19, 3, 14, 8}).seconds, 2147483648);  // past 32-bit time_t
  EXPECT_EQ(UnixTime::from(DateTime{1900, 3, 1, 0, 0, 0}).seconds, -2203891200);
}

TEST(UnixTime, FromDateTimeAppliesUtcOffset) {
  // Bratislava in winter is UTC+1: 14:05 local is 13:05 UTC.
  EXPECT_EQ(UnixTime::from(DateTime{2017, 10, 31, 14, 5, 0}, hours(1)).seconds, 1509458700 - 3600);
  EXPECT_EQ(UnixTime::from(DateTime{1970, 1, 1, 2, 0, 0}, hours(2)).seconds, 0);
  EXPECT_EQ(UnixTime::from(DateTime{1969, 12, 31, 19, 0, 0}, -hours(5)).seconds, 0);
  EXPECT_EQ(UnixTime::from(DateTime{1970, 1, 1, 5, 45, 0}, hours(5) + minutes(45)).seconds, 0);  // Nepal
}

TEST(UnixTime, FromSystemClock) {
  using std::chrono::system_clock;
  EXPECT_EQ(UnixTime::from(system_clock::time_point(seconds(1509458700))).seconds, 1509458700);
  EXPECT_EQ(UnixTime::from(system_clock::time_point(seconds(0))).seconds, 0);
}

TEST(DateTimeOrdering, ComparesChronologically) {
  std::vector<DateTime> shuffled{{2017, 10, 31, 14, 5, 1}, {2016, 12, 31, 23, 59, 59}, {2017, 10, 31, 14, 5, 0},
                                 {2017, 1, 1, 0, 0, 0},    {2017, 10, 30, 23, 0, 0},   {2017, 10, 31, 9, 59, 59}};
  std::sort(shuffled.begin(), shuffled.end());
  std::vector<DateTime> expected{{2016, 12, 31, 23, 59, 59}, {2017, 1, 1, 0, 0, 0},    {2017, 10, 30, 23, 0, 0},
                                 {2017, 10, 31, 9, 59, 59},  {2017, 10, 31, 14, 5, 0}, {2017, 10, 31, 14, 5, 1}};
  EXPECT_EQ(shuffled, expected);
  DateTime a{2017, 10, 31, 14, 5, 0};
  EXPECT_FALSE(a < a);
  EXPECT_EQ(a, a);
  EXPECT_NE(a, (DateTime{2017, 10, 31, 14, 5, 1}));
}

TEST(DateOrdering, ComparesChronologically) {
  EXPECT_LT((Date{2016, 12, 31}), (Date{2017, 1, 1}));
  EXPECT_LT((Date{2017, 1, 31}), (Date{2017, 2, 1}));
  EXPECT_LT((Date{2017, 2, 1}), (Date{2017, 2, 2}));
  EXPECT_FALSE((Date{2017, 2, 2}) < (Date{2017, 2, 2}));
  EXPECT_FALSE((Date{2018, 1, 1}) < (Date{2017, 12, 31}));
  EXPECT_NE((Date{2017, 2, 2}), (Date{2017, 2, 3}));
}

TEST(DateArithmetic, PlusDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ((Date{2026, 12, 31}).plus_days(1), (Date{2027, 1, 1}));
  EXPECT_EQ((Date{2027, 1, 1}).plus_days(-1), (Date{2026, 12, 31}));
  EXPECT_EQ((Date{2028, 2, 28}).plus_days(1), (Date{2028, 2, 29}));
  EXPECT_EQ((Date{2027, 2, 28}).plus_days(1), (Date{2027, 3, 1}));
  EXPECT_EQ((Date{2026, 12, 6}).plus_days(0), (Date{2026, 12, 6}));
  EXPECT_EQ((Date{2026, 12, 6}).plus_days(365), (Date{2027, 12, 6}));
  EXPECT_EQ((DateTime{2026, 12, 31, 23, 59, 58}).plus_days(1), (DateTime{2027, 1, 1, 23, 59, 58}));
}

TEST(DateArithmetic, CivilFromDaysInvertsDaysFromCivil) {
  for (std::int64_t days = -800000; days <= 800000; days += 997) {
    Date const d = civil_from_days(days);
    EXPECT_EQ(days_from_civil(d.year, d.month, d.day), days) << d.to_string();
  }
  EXPECT_EQ(civil_from_days(0), (Date{1970, 1, 1}));
  EXPECT_EQ(civil_from_days(20788), (Date{2026, 12, 1}));
}

// The machine's zone, set through TZ (POSIX rules, no zone database needed).
class LocalTime : public ::testing::Test {
 protected:
  void TearDown() override {
    if (saved_) {
      setenv("TZ", saved_->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }
  void zone(char const* tz) {
    setenv("TZ", tz, 1);
    tzset();
  }

 private:
  std::optional<std::string> saved_ = [] {
    char const* tz = std::getenv("TZ");
    return tz ? std::optional<std::string>(tz) : std::nullopt;
  }();
};

TEST_F(LocalTime, IsTheWallClockOfTheMachinesZone) {
  auto const instant = std::chrono::system_clock::time_point(seconds(1796083200));  // 2026-12-01T00:00:00Z
  zone("UTC0");
  EXPECT_EQ(DateTime::local(instant), (DateTime{2026, 12, 1, 0, 0, 0}));
  zone("CET-1CEST,M3.5.0,M10.5.0/3");  // Bratislava: UTC+1 in winter
  EXPECT_EQ(DateTime::local(instant), (DateTime{2026, 12, 1, 1, 0, 0}));
  EXPECT_EQ(DateTime::local(instant + hours(24 * 200)), (DateTime{2027, 6, 19, 2, 0, 0}));  // summer: UTC+2
  zone("EST5");
  EXPECT_EQ(DateTime::local(instant), (DateTime{2026, 11, 30, 19, 0, 0}));
}

TEST_F(LocalTime, TodayIsTheDateOfNow) {
  zone("UTC0");
  Date const before = DateTime::local().date();
  Date const today = Date::today();
  Date const after = DateTime::local().date();
  EXPECT_TRUE(today == before || today == after);  // midnight may pass between the calls
}

}  // namespace
}  // namespace flowii
