// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "faults.hpp"

#include "api_error.hpp"
#include "common/ascii.hpp"
#include "rate_limit.hpp"
#include "text.hpp"

namespace flowii::emulator {

void FaultQueue::add(Emulator::Fault fault) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (fault.times > 0) pending_.push_back(std::move(fault));
}

std::optional<Emulator::Fault> FaultQueue::take(std::string const& method, std::string const& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = pending_.begin(); it != pending_.end(); ++it) {
    if ((it->method.empty() || common::iequals(it->method, method)) && starts_with(path, it->path_prefix)) {
      Emulator::Fault fault = *it;
      if (--it->times <= 0) pending_.erase(it);
      ++fired_;
      return fault;
    }
  }
  return std::nullopt;
}

std::size_t FaultQueue::fired() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return fired_;
}

std::vector<Emulator::Fault> FaultQueue::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_;
}

void FaultQueue::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.clear();
  fired_ = 0;
}

HttpReply fault_reply(Emulator::Fault const& fault) {
  ErrorObject error{fault.status, "Injected by the emulator's fault plan.", {}, {}, {}, {}, {}};
  if (fault.status == 429) error.title = quota_title;
  NameValues headers;
  if (fault.retry_after) headers.emplace_back("Retry-After", *fault.retry_after);
  return error_reply(ErrorReply({error}, headers));
}

}  // namespace flowii::emulator
