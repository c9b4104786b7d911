// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/datetime.hpp>

#include <time.h>  // localtime_r

#include <cstdio>
#include <ctime>
#include <tuple>

namespace flowii {
namespace {

// Reads exactly `n` digits at text[pos].
bool digits(std::string_view text, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

bool parse_date_part(std::string_view t, Date& d) {
  if (t.size() < 10 || t[4] != '-' || t[7] != '-') return false;
  if (!digits(t, 0, 4, d.year) || !digits(t, 5, 2, d.month) || !digits(t, 8, 2, d.day)) return false;
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

}  // namespace

int days_in_month(int y, int m) noexcept {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::int64_t days_from_civil(int y, int m, int d) noexcept {
  // Howard Hinnant's algorithm: proleptic Gregorian calendar, no time zones.
  y -= m <= 2;
  std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
  auto const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u + static_cast<unsigned>(d) - 1u;
  unsigned const doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date civil_from_days(std::int64_t days) noexcept {
  // The inverse of days_from_civil (same algorithm, same calendar).
  days += 719468;
  std::int64_t const era = (days >= 0 ? days : days - 146096) / 146097;
  auto const doe = static_cast<unsigned>(days - era * 146097);
  unsigned const yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
  unsigned const doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
  unsigned const mp = (5u * doy + 2u) / 153u;
  int const day = static_cast<int>(doy - (153u * mp + 2u) / 5u + 1u);
  int const month = static_cast<int>(mp < 10u ? mp + 3u : mp - 9u);
  auto const year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

Date Date::today() { return DateTime::local().date(); }

Date Date::plus_days(int days) const { return civil_from_days(days_from_civil(year, month, day) + days); }

DateTime DateTime::local(std::chrono::system_clock::time_point when) {
  std::time_t const t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  localtime_r(&t, &tm);  // thread-safe, unlike std::localtime
  return DateTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

DateTime DateTime::plus_days(int days) const {
  Date const d = date().plus_days(days);
  return DateTime{d.year, d.month, d.day, hour, minute, second};
}

std::optional<Date> Date::parse(std::string_view text) {
  Date d;
  if (!parse_date_part(text, d)) return std::nullopt;
  if (text.size() == 10) return d;
  auto dt = DateTime::parse(text);
  if (!dt || dt->hour != 0 || dt->minute != 0 || dt->second != 0) return std::nullopt;
  return d;
}

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool operator<(Date const& a, Date const& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

std::optional<DateTime> DateTime::parse(std::string_view text) {
  Date d;
  if (!parse_date_part(text, d)) return std::nullopt;
  DateTime out = from_date(d);
  if (text.size() == 10) return out;
  if (text.size() < 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  if (!digits(text, 11, 2, out.hour) || !digits(text, 14, 2, out.minute) || !digits(text, 17, 2, out.second))
    return std::nullopt;
  if (out.hour > 23 || out.minute > 59 || out.second > 60) return std::nullopt;
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {  // fractional seconds: dropped
    ++pos;
    std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;  // a zone suffix is not FLOWii's format
  return out;
}

std::string DateTime::to_string() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  return buf;
}

bool operator<(DateTime const& a, DateTime const& b) {
  return std::tie(a.year, a.month, a.day, a.hour, a.minute, a.second) <
         std::tie(b.year, b.month, b.day, b.hour, b.minute, b.second);
}

UnixTime UnixTime::from(DateTime const& local, std::chrono::seconds utc_offset) {
  std::int64_t s = days_from_civil(local.year, local.month, local.day) * 86400 + std::int64_t{local.hour} * 3600 +
                   std::int64_t{local.minute} * 60 + local.second;
  return UnixTime{s - utc_offset.count()};
}

}  // namespace flowii
