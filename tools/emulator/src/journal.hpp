// Request journal: what tests assert on ("was the POST retried?").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <flowii/emulator/emulator.hpp>

namespace flowii::emulator {

class Journal {
 public:
  void add(Emulator::JournalEntry entry) { entries_.push_back(std::move(entry)); }
  std::vector<Emulator::JournalEntry> const& entries() const { return entries_; }
  void clear() { entries_.clear(); }
  // Entries with this method (empty = any) whose path starts with the prefix.
  std::size_t count(std::string const& method, std::string const& path_prefix) const;

 private:
  std::vector<Emulator::JournalEntry> entries_;
};

}  // namespace flowii::emulator
