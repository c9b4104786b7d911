// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Test fixture: an in-process flowii-emulator on 127.0.0.1:0 and clients wired to
// it, with one virtual clock shared by the SDK and the emulator.
#ifndef FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP
#define FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP

#include <flowii/emulator/emulator.hpp>
#include <flowii/flowii.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace flowii::test {

class EmulatorTest : public ::testing::Test {
 protected:
  /// Override to change the emulator before it starts.
  virtual void configure(emulator::Options& /*options*/) {}

  void SetUp() override {
    emulator::Options o;
    configure(o);
    emu_ = std::make_unique<emulator::Emulator>(o);
    emu_->start();
  }
  void TearDown() override { emu_->stop(); }

  /// Client options for the demo user in `company` (empty: let the SDK choose).
  ClientOptions options(std::string const& company = "1") {
    ClientOptions o;
    o.base_url = emu_->base_url();
    o.credentials = Credentials{emu_->options().api_key, "demo@flowii.example", "demo-password"};
    o.company_id = company;
    o.retry.initial_backoff = std::chrono::milliseconds(1);
    o.retry.max_backoff = std::chrono::milliseconds(5);
    auto offset = offset_;
    o.clock = [offset] { return std::chrono::steady_clock::now() + std::chrono::seconds(offset->load()); };
    return o;
  }
  Client client(std::string const& company = "1") { return Client(options(company)); }

  /// Moves the SDK's and the emulator's clocks forward together.
  void advance(std::chrono::seconds by) {
    offset_->fetch_add(by.count());
    emu_->advance_clock(by);
  }

  emulator::Emulator& emu() { return *emu_; }

  /// Makes the emulator answer the next `times` matching requests with `status`.
  void inject_status(std::string method, std::string path_prefix, int status,
                     std::optional<std::string> retry_after = std::nullopt, int times = 1) {
    emulator::Emulator::Fault f;
    f.method = std::move(method);
    f.path_prefix = std::move(path_prefix);
    f.status = status;
    f.retry_after = std::move(retry_after);
    f.times = times;
    emu_->inject(f);
  }

 private:
  std::unique_ptr<emulator::Emulator> emu_;
  std::shared_ptr<std::atomic<std::int64_t>> offset_ = std::make_shared<std::atomic<std::int64_t>>(0);
};

}  // namespace flowii::test

#endif  // FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP
