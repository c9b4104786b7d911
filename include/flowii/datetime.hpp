// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// FLOWii sends date-times as "YYYY-MM-DDTHH:mm:ss" with no time zone (the
// company's local time) and plain dates as "YYYY-MM-DD". They are their own types
// here so that nobody silently treats them as UTC. Filters, on the other hand,
// take unix seconds; see UnixTime.
#ifndef FLOWII_DATETIME_HPP
#define FLOWII_DATETIME_HPP

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowii {

/// A calendar date without a time zone ("2017-10-17").
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  /// Parses "YYYY-MM-DD" (also accepts a trailing "T00:00:00"). nullopt when invalid.
  static std::optional<Date> parse(std::string_view text);
  /// Today on this machine's calendar (its local time zone).
  static Date today();
  /// The date `days` later (earlier when negative), across months and years.
  Date plus_days(int days) const;
  std::string to_string() const;

  friend bool operator==(Date const& a, Date const& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(Date const& a, Date const& b) { return !(a == b); }
  friend bool operator<(Date const& a, Date const& b);
};

/// A local date-time without a time zone ("2017-10-31T14:05:00").
struct DateTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;

  /// Parses "YYYY-MM-DDTHH:mm:ss", optionally with fractional seconds (dropped).
  /// A "YYYY-MM-DD" date alone is read as midnight. Texts with a zone are rejected
  /// (FLOWii does not send them). nullopt when invalid.
  static std::optional<DateTime> parse(std::string_view text);
  static DateTime from_date(Date d) { return DateTime{d.year, d.month, d.day, 0, 0, 0}; }
  /// This machine's local wall-clock time at `when` (now by default), to the
  /// second: what FLOWii expects when the machine and the company share a zone.
  static DateTime local(std::chrono::system_clock::time_point when = std::chrono::system_clock::now());
  /// The same clock time `days` later (earlier when negative), across months and years.
  DateTime plus_days(int days) const;
  Date date() const { return Date{year, month, day}; }
  /// "YYYY-MM-DDTHH:mm:ss", as FLOWii expects.
  std::string to_string() const;

  friend bool operator==(DateTime const& a, DateTime const& b) {
    return a.date() == b.date() && a.hour == b.hour && a.minute == b.minute && a.second == b.second;
  }
  friend bool operator!=(DateTime const& a, DateTime const& b) { return !(a == b); }
  friend bool operator<(DateTime const& a, DateTime const& b);
};

/// Seconds since the unix epoch: the form FLOWii's `filter[*-from]`/`filter[*-to]` take.
struct UnixTime {
  std::int64_t seconds = 0;

  static UnixTime from(std::chrono::system_clock::time_point tp) {
    return UnixTime{std::chrono::duration_cast<std::chrono::seconds>(tp.time_since_epoch()).count()};
  }
  /// Interprets a zoneless DateTime as being `utc_offset` ahead of UTC
  /// (e.g. +1 h for Bratislava in winter; the SDK cannot know the company's zone).
  static UnixTime from(DateTime const& local, std::chrono::seconds utc_offset = std::chrono::seconds{0});
};

/// Days since 1970-01-01 for a proleptic Gregorian date (exposed for tests and tools).
std::int64_t days_from_civil(int year, int month, int day) noexcept;

/// The date `days` after 1970-01-01 (the inverse of days_from_civil).
Date civil_from_days(std::int64_t days) noexcept;

/// Days in `month` (1-12) of `year`, proleptic Gregorian (February 29 in leap years).
int days_in_month(int year, int month) noexcept;

}  // namespace flowii

#endif  // FLOWII_DATETIME_HPP
