// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "clock.hpp"

#include <algorithm>
#include <cstdio>

namespace flowii::emulator {

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
  auto const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month, day, hour, minute, second, weekday;  // weekday 0 = Sunday
};

Civil civil_from_unix(std::int64_t t) {
  std::int64_t days = t / 86400;
  std::int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  std::int64_t const z = days + 719468;
  std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
  auto const doe = static_cast<unsigned>(z - era * 146097);
  unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned const mp = (5 * doy + 2) / 153;
  unsigned const d = doy - (153 * mp + 2) / 5 + 1;
  unsigned const m = mp < 10 ? mp + 3 : mp - 9;
  auto const weekday = static_cast<unsigned>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2),
          m,
          d,
          static_cast<unsigned>(secs / 3600),
          static_cast<unsigned>(secs % 3600 / 60),
          static_cast<unsigned>(secs % 60),
          weekday};
}

}  // namespace

VirtualClock::VirtualClock(std::int64_t start_unix, std::int64_t earliest, bool follows_real_time)
    : start_(start_unix != 0
                 ? start_unix
                 : std::max(earliest, static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                                    std::chrono::system_clock::now().time_since_epoch())
                                                                    .count()))),
      started_(std::chrono::steady_clock::now()),
      follows_real_time_(follows_real_time) {}

std::int64_t VirtualClock::now() const {
  if (!follows_real_time_) return start_ + offset_.count() + skew_.count();
  auto const elapsed = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
  return start_ + elapsed.count() + offset_.count() + skew_.count();
}

void VirtualClock::advance(std::chrono::seconds by) { offset_ += by; }

std::string format_http_date(std::int64_t unix_seconds) {
  static constexpr char const* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr char const* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Civil const c = civil_from_unix(unix_seconds);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02u:%02u:%02u GMT", days[c.weekday], c.day, months[c.month - 1],
                static_cast<long long>(c.year), c.hour, c.minute, c.second);
  return buf;
}

std::string format_local(std::int64_t unix_seconds) {
  Civil const c = civil_from_unix(unix_seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02u", static_cast<long long>(c.year), c.month, c.day,
                c.hour, c.minute, c.second);
  return buf;
}

std::optional<std::int64_t> parse_local(std::string_view text) {
  auto digits = [&](std::size_t pos, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  auto at = [&](std::size_t pos, char c) { return pos < text.size() && text[pos] == c; };

  int const y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || !at(4, '-') || !at(7, '-')) return std::nullopt;
  int h = 0, mi = 0, s = 0;
  if (text.size() > 10) {
    h = digits(11, 2);
    mi = digits(14, 2);
    s = digits(17, 2);
    if (!at(10, 'T') || !at(13, ':') || !at(16, ':') || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) {
      return std::nullopt;
    }
    std::size_t pos = 19;
    if (at(pos, '.')) {  // fraction of a second: digits only, no zone after it
      ++pos;
      if (digits(pos, 1) < 0) return std::nullopt;
      while (digits(pos, 1) >= 0) ++pos;
    }
    if (pos != text.size()) return std::nullopt;
  }
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + std::int64_t{h} * 3600 +
         std::int64_t{mi} * 60 + s;
}

}  // namespace flowii::emulator
