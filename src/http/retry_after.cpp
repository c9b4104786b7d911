// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "http/retry_after.hpp"

#include "http/redact.hpp"

#include <flowii/datetime.hpp>

#include <array>
#include <cstdint>

namespace flowii::detail {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

/// The largest number of seconds system_clock can represent (about 292 years on
/// platforms with a nanosecond clock).
constexpr std::int64_t kMaxSeconds = std::chrono::duration_cast<seconds>(system_clock::duration::max()).count() - 1;

constexpr std::array<std::string_view, 7> kShortDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                       "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// A cursor over the text; every reader consumes on success only.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool done() const { return text_.empty(); }
  bool peek(char c) const { return !text_.empty() && text_.front() == c; }

  bool literal(std::string_view word) {
    if (text_.size() < word.size() || !iequals(text_.substr(0, word.size()), word)) return false;
    text_.remove_prefix(word.size());
    return true;
  }

  /// Exactly `count` digits.
  bool number(int count, int& out) {
    if (text_.size() < static_cast<std::size_t>(count)) return false;
    int value = 0;
    for (int i = 0; i < count; ++i) {
      char const c = text_[static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    text_.remove_prefix(static_cast<std::size_t>(count));
    out = value;
    return true;
  }

  /// Index of the first of `names` that the text starts with, or -1.
  template <std::size_t N>
  int one_of(std::array<std::string_view, N> const& names) {
    for (std::size_t i = 0; i < N; ++i) {
      if (literal(names[i])) return static_cast<int>(i);
    }
    return -1;
  }

 private:
  std::string_view text_;
};

struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

/// "HH:MM:SS"
bool read_time(Reader& r, Fields& f) {
  return r.number(2, f.hour) && r.literal(":") && r.number(2, f.minute) && r.literal(":") && r.number(2, f.second);
}

bool read_month(Reader& r, Fields& f) {
  int const m = r.one_of(kMonths);
  f.month = m + 1;
  return m >= 0;
}

/// After "Sun,": " 06 Nov 1994 08:49:37 GMT"
bool read_imf_fixdate(Reader& r, Fields& f) {
  return r.literal(" ") && r.number(2, f.day) && r.literal(" ") && read_month(r, f) && r.literal(" ") &&
         r.number(4, f.year) && r.literal(" ") && read_time(r, f) && r.literal(" GMT");
}

/// After "Sunday,": " 06-Nov-94 08:49:37 GMT"
bool read_rfc850_date(Reader& r, Fields& f) {
  if (!(r.literal(" ") && r.number(2, f.day) && r.literal("-") && read_month(r, f) && r.literal("-") &&
        r.number(2, f.year) && r.literal(" ") && read_time(r, f) && r.literal(" GMT"))) {
    return false;
  }
  f.year += f.year < 70 ? 2000 : 1900;
  return true;
}

/// After "Sun": " Nov  6 08:49:37 1994"
bool read_asctime_date(Reader& r, Fields& f) {
  if (!(r.literal(" ") && read_month(r, f) && r.literal(" "))) return false;
  bool const day_ok = r.literal(" ") ? r.number(1, f.day) : r.number(2, f.day);
  return day_ok && r.literal(" ") && read_time(r, f) && r.literal(" ") && r.number(4, f.year);
}

}  // namespace

std::optional<system_clock::time_point> parse_http_date(std::string_view text) {
  Reader r(trim(text));
  Fields f;
  bool ok = false;
  if (r.one_of(kLongDays) >= 0) {
    ok = r.literal(",") && read_rfc850_date(r, f);
  } else if (r.one_of(kShortDays) >= 0) {
    ok = r.peek(',') ? (r.literal(",") && read_imf_fixdate(r, f)) : read_asctime_date(r, f);
  }
  // The second may be 60 (a leap second); it simply rolls into the next minute.
  if (!ok || !r.done() || f.month < 1 || f.month > 12 || f.day < 1 || f.day > days_in_month(f.year, f.month) ||
      f.hour > 23 || f.minute > 59 || f.second > 60) {
    return std::nullopt;
  }
  std::int64_t const secs = days_from_civil(f.year, f.month, f.day) * 86400 + std::int64_t{f.hour} * 3600 +
                            std::int64_t{f.minute} * 60 + f.second;
  if (secs > kMaxSeconds || secs < -kMaxSeconds) return std::nullopt;
  return system_clock::time_point(std::chrono::duration_cast<system_clock::duration>(seconds(secs)));
}

std::optional<seconds> parse_retry_after(std::string_view value, system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (value.front() >= '0' && value.front() <= '9') {  // delta-seconds = 1*DIGIT
    std::int64_t total = 0;
    for (char c : value) {
      if (c < '0' || c > '9') return std::nullopt;
      total = total * 10 + (c - '0');
      if (total > kMaxSeconds) return std::nullopt;
    }
    return seconds(total);
  }
  auto const date = parse_http_date(value);
  if (!date) return std::nullopt;
  if (*date <= now) return seconds(0);
  // Round up: waiting a fraction of a second too long is better than too short.
  auto const wait = std::chrono::ceil<seconds>(*date - now);
  return wait;
}

}  // namespace flowii::detail
