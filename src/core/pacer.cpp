// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/pacer.hpp"

#include <algorithm>

namespace flowii::detail {
namespace {

Pacer::Duration fixed_interval(int max_requests, std::chrono::milliseconds per) {
  if (max_requests <= 0 || per.count() <= 0) return Pacer::Duration{0};
  return std::chrono::duration_cast<Pacer::Duration>(per) / max_requests;
}

Pacer::Duration scaled(Pacer::Duration d, double factor) {
  return Pacer::Duration(static_cast<Pacer::Duration::rep>(static_cast<double>(d.count()) * factor));
}

}  // namespace

Pacer::Pacer(int max_requests, std::chrono::milliseconds per, bool adaptive)
    : fixed_(fixed_interval(max_requests, per)), adaptive_(adaptive) {}

Pacer::Duration Pacer::interval(TimePoint now) {
  if (learned_.count() > 0 && now >= probe_at_) {
    // A quiet stretch: try a little faster. FLOWii's next refusal measures anew.
    learned_ = scaled(learned_, 1.0 / kProbeStep);
    probe_at_ = now + window_ * kProbeAfter;
  }
  return std::max(fixed_, learned_);
}

Pacer::Slot Pacer::reserve(TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  bool const held = hold_until_ > now;
  TimePoint const earliest = held ? hold_until_ : now;
  Duration const step = interval(now);
  if (step.count() == 0) return Slot{earliest - now, held};
  // An idle client gets no credit for the time it was idle: at most one request
  // starts immediately, the rest are spaced, so a burst never exceeds the rate.
  TimePoint const slot = started_ ? std::max(earliest, next_) : earliest;
  started_ = true;
  next_ = slot + step;
  return Slot{slot - now, held};
}

bool Pacer::held(TimePoint now) const {
  std::lock_guard<std::mutex> lock(mu_);
  return hold_until_ > now;
}

void Pacer::begin(TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (active_++ == 0) busy_since_ = std::max(now, epoch_start_);
}

void Pacer::end_activity(TimePoint now) {
  if (--active_ == 0 && now > busy_since_) busy_ += now - busy_since_;
}

void Pacer::abandoned(TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  end_activity(now);
}

void Pacer::answered(TimePoint sent, TimePoint now, bool admitted) {
  std::lock_guard<std::mutex> lock(mu_);
  if (admitted && sent >= epoch_start_) ++admitted_;
  end_activity(now);
}

void Pacer::refused(TimePoint sent, TimePoint now, Duration hold) {
  std::lock_guard<std::mutex> lock(mu_);
  end_activity(now);
  TimePoint const until = now + std::max(hold, Duration{0});
  // A request sent before the current hold was set is one of the burst that hold
  // answered already: it may only lengthen the hold.
  bool const fresh = !hold_seen_ || sent >= hold_set_;
  hold_until_ = std::max(hold_until_, until);
  if (!fresh) return;
  hold_seen_ = true;
  hold_set_ = now;
  Duration const busy = busy_ + (active_ > 0 && now > busy_since_ ? now - busy_since_ : Duration{0});
  Duration const window = busy + (hold_until_ - now);
  if (adaptive_ && learned_.count() > 0) {
    // Refused at the learned pace: it was too fast. (Measuring again would mislead:
    // a Retry-After in whole seconds can be most of a short window too long.)
    learned_ = scaled(learned_, 1.0 / kSlowDown);
    probe_at_ = hold_until_ + window_ * kProbeAfter;
  } else if (adaptive_ && admitted_ >= kMinSample) {
    // The rate the client got while it had work, counting the hold as part of the
    // window: requests FLOWii admitted over busy time plus the wait it asks for.
    learned_ = scaled(window / admitted_, 1.0 / kMargin);
    window_ = window;
    probe_at_ = hold_until_ + window_ * kProbeAfter;
  }
  // A new epoch starts when the hold ends.
  epoch_start_ = hold_until_;
  admitted_ = 0;
  busy_ = Duration{0};
  busy_since_ = hold_until_;
}

Pacer::Duration Pacer::learned_interval() const {
  std::lock_guard<std::mutex> lock(mu_);
  return learned_;
}

}  // namespace flowii::detail
