// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Request journal: what tests assert on ("was the POST retried?").
#ifndef FLOWII_TOOLS_EMULATOR_SRC_JOURNAL_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_JOURNAL_HPP

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include <flowii/emulator/emulator.hpp>

namespace flowii::emulator {

// Keeps the latest `capacity` entries, so a long-running binary stays bounded.
// Thread-safe on its own: concurrent reads journal their requests too.
class Journal {
 public:
  static constexpr std::size_t capacity = 100000;

  void add(Emulator::JournalEntry entry);
  std::vector<Emulator::JournalEntry> entries() const;
  void clear();
  // Entries with this method (empty = any) whose path starts with the prefix.
  std::size_t count(std::string const& method, std::string const& path_prefix) const;

 private:
  mutable std::mutex mutex_;
  std::deque<Emulator::JournalEntry> entries_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_JOURNAL_HPP
