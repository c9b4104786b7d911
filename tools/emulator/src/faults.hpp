// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Scripted, counted faults: each request takes the first pending fault that
// matches. Thread-safe on its own: concurrent reads take faults too.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_FAULTS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_FAULTS_HPP

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <flowii/emulator/emulator.hpp>

#include "http_types.hpp"

namespace flowii::emulator {

class FaultQueue {
 public:
  void add(Emulator::Fault fault);
  // Consumes one use of the first matching fault, if any.
  std::optional<Emulator::Fault> take(std::string const& method, std::string const& path);
  std::size_t fired() const;
  std::vector<Emulator::Fault> pending() const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<Emulator::Fault> pending_;
  std::size_t fired_ = 0;
};

// The reply a status fault produces (a JSON:API error, plus Retry-After).
HttpReply fault_reply(Emulator::Fault const& fault);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_FAULTS_HPP
