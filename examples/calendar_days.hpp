// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// For the examples: calendar days relative to today, as FLOWii's zone-less dates.
#ifndef FLOWII_EXAMPLES_CALENDAR_DAYS_HPP
#define FLOWII_EXAMPLES_CALENDAR_DAYS_HPP

#include <flowii/datetime.hpp>

#include <chrono>
#include <ctime>

namespace examples {

/// Today plus `days` (negative: in the past), in UTC.
inline flowii::Date day(int days) {
  std::time_t const t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + days * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return flowii::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/// Midnight of that day, for date-time attributes.
inline flowii::DateTime midnight(int days) { return flowii::DateTime::from_date(day(days)); }

}  // namespace examples

#endif  // FLOWII_EXAMPLES_CALENDAR_DAYS_HPP
