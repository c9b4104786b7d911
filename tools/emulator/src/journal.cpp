// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "journal.hpp"

#include "common/ascii.hpp"
#include "text.hpp"

namespace flowii::emulator {

void Journal::add(Emulator::JournalEntry entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() == capacity) entries_.pop_front();
  entries_.push_back(std::move(entry));
}

std::vector<Emulator::JournalEntry> Journal::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

void Journal::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

std::size_t Journal::count(std::string const& method, std::string const& path_prefix) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t n = 0;
  for (auto const& e : entries_) {
    if ((method.empty() || common::iequals(e.method, method)) && starts_with(e.path, path_prefix)) ++n;
  }
  return n;
}

}  // namespace flowii::emulator
