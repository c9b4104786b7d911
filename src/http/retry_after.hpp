// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: Retry-After (RFC 7231 §7.1.3) and HTTP-date (§7.1.1.1) parsing.
// Locale-independent; parses by hand.
#ifndef FLOWII_SRC_HTTP_RETRY_AFTER_HPP
#define FLOWII_SRC_HTTP_RETRY_AFTER_HPP

#include <chrono>
#include <optional>
#include <string_view>

namespace flowii::detail {

/// An HTTP-date in any of the three RFC 7231 forms:
///   IMF-fixdate  "Sun, 06 Nov 1994 08:49:37 GMT"
///   RFC 850      "Sunday, 06-Nov-94 08:49:37 GMT"   (two-digit years: 70-99 -> 19xx, else 20xx)
///   asctime      "Sun Nov  6 08:49:37 1994"
/// Surrounding whitespace is ignored and names are matched case-insensitively.
/// nullopt for anything else, impossible dates, or dates system_clock cannot hold.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text);

/// A Retry-After value: delta-seconds ("120") or an HTTP-date, as a wait from `now`
/// (dates in the past give 0 s). nullopt for garbage, negative numbers, and values
/// too large for system_clock.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_HTTP_RETRY_AFTER_HPP
