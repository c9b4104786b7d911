// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/pacer.hpp"

#include <algorithm>

namespace flowii::detail {

Pacer::Pacer(int max_requests, std::chrono::milliseconds per) {
  if (max_requests > 0 && per.count() > 0) {
    interval_ = std::chrono::duration_cast<std::chrono::nanoseconds>(per) / max_requests;
  }
}

std::chrono::nanoseconds Pacer::reserve(TimePoint now) {
  if (!enabled()) return std::chrono::nanoseconds{0};
  std::lock_guard<std::mutex> lock(mu_);
  // An idle client gets no credit for the time it was idle: at most one request
  // starts immediately, the rest are spaced, so a burst never exceeds the rate.
  TimePoint const slot = started_ ? std::max(now, next_) : now;
  started_ = true;
  next_ = slot + interval_;
  return slot - now;
}

}  // namespace flowii::detail
