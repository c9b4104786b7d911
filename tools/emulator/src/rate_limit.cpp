// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "rate_limit.hpp"

#include <algorithm>

#include "api_error.hpp"
#include "clock.hpp"

namespace flowii::emulator {

std::optional<std::int64_t> RateLimiter::admit(std::string const& key, std::int64_t now, int limit,
                                               std::int64_t window) {
  std::lock_guard<std::mutex> lock(mutex_);
  Window& w = windows_[key];
  if (w.used == 0 || now >= w.start + window) w = Window{now, 0};
  if (w.used >= limit) return w.start + window;
  ++w.used;
  return std::nullopt;
}

void RateLimiter::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  windows_.clear();
}

std::optional<std::string> retry_after_value(RetryAfterForm form, std::int64_t until, std::int64_t now) {
  switch (form) {
    case RetryAfterForm::kSeconds:
      return std::to_string(std::max<std::int64_t>(until - now, 1));
    case RetryAfterForm::kHttpDate:
      return format_http_date(until);
    case RetryAfterForm::kNone:
      break;
  }
  return std::nullopt;
}

HttpReply quota_reply(Options const& options, std::int64_t window_end, std::int64_t now) {
  ErrorObject error = at_pointer(options.quota_status, {},
                                 "API calls quota exceeded! maximum admitted " + std::to_string(options.rate_limit) +
                                     " per " + std::to_string(options.rate_window.count()) + "s.");
  error.title = quota_title;
  NameValues headers;
  if (auto value = retry_after_value(options.retry_after, window_end, now)) headers.emplace_back("Retry-After", *value);
  return error_reply(ErrorReply({error}, headers));
}

}  // namespace flowii::emulator
