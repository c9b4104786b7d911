// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A GoogleTest fixture for integration tests: each test gets a fresh in-process
// FLOWii emulator (flowii::emulator, demo data seeded) on 127.0.0.1 and an ephemeral
// port, and clients connected to it. The SDK and the emulator share one virtual
// clock, so token expiry is tested with advance() instead of waiting.
//
//   class MyTest : public flowii::testing::EmulatorTest {};
//   TEST_F(MyTest, ListsPartners) { auto client = this->client(); ... }
//
// See docs/testing.md.
#ifndef FLOWII_TESTING_EMULATOR_FIXTURE_HPP
#define FLOWII_TESTING_EMULATOR_FIXTURE_HPP

#include <flowii/client.hpp>
#include <flowii/emulator/emulator.hpp>
#include <flowii/options.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace flowii::testing {

class EmulatorTest : public ::testing::Test {
 protected:
  /// Override to change the emulator (seed, switches, users, ...) before it starts.
  /// @param options The emulator's options, defaults filled in.
  virtual void configure(emulator::Options& options) { static_cast<void>(options); }

  void SetUp() override {
    emulator::Options o;
    configure(o);
    emu_ = std::make_unique<emulator::Emulator>(o);
    emu_->start();
  }
  void TearDown() override { emu_->stop(); }

  /// Client options for the emulator's first (demo) user, working in `company`,
  /// with millisecond retry backoff and the shared virtual clock.
  /// @param company Company id; empty lets the SDK choose (it fails when the user has several).
  ClientOptions options(std::string const& company = "1") const {
    auto const& user = emu_->options().users.front();
    ClientOptions o;
    o.base_url = emu_->base_url();
    o.credentials = Credentials{emu_->options().api_key, user.username, user.password};
    o.company_id = company;
    o.retry.initial_backoff = std::chrono::milliseconds(1);
    o.retry.max_backoff = std::chrono::milliseconds(5);
    o.clock = [offset = offset_] { return std::chrono::steady_clock::now() + std::chrono::seconds(offset->load()); };
    return o;
  }
  /// A client on options(company).
  /// @param company Company id; empty lets the SDK choose.
  Client client(std::string const& company = "1") const { return Client(options(company)); }

  /// Moves the SDK's and the emulator's clocks forward together.
  /// @param by How far.
  void advance(std::chrono::seconds by) {
    offset_->fetch_add(by.count());
    emu_->advance_clock(by);
  }

  /// The running emulator: journal, faults, reset, token expiry.
  emulator::Emulator& emu() { return *emu_; }

  /// Makes the emulator answer the next `times` matching requests with `status`.
  /// @param method      HTTP method to match; empty matches any.
  /// @param path_prefix Matches paths starting with it ("/partners").
  /// @param status      The HTTP status to answer with (e.g. 429, 503).
  /// @param retry_after Retry-After header value, sent verbatim when set.
  /// @param times       How many requests get the fault.
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
  // Seconds the virtual clock is ahead of the steady clock; shared with clients' clock functions.
  std::shared_ptr<std::atomic<std::int64_t>> offset_ = std::make_shared<std::atomic<std::int64_t>>(0);
};

}  // namespace flowii::testing

#endif  // FLOWII_TESTING_EMULATOR_FIXTURE_HPP
