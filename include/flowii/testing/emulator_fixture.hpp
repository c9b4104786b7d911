// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A GoogleTest fixture for integration tests: each test gets a fresh in-process
// FLOWii emulator (flowii::emulator, demo data seeded) on 127.0.0.1 and an ephemeral
// port, and clients connected to it. The SDK and the emulator share one virtual
// time that moves only when the test advances it or a client sleeps (a sleep
// returns at once, the time having moved): token expiry, Retry-After and
// backoff are tested without waiting, and nothing depends on the machine's speed.
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

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace flowii::testing {

class EmulatorTest : public ::testing::Test {
 protected:
  /// Override to change the emulator (seed, switches, users, ...) before it starts.
  /// The fixture sets `clock_follows_real_time = false` before calling it.
  /// @param options The emulator's options, defaults filled in.
  virtual void configure(emulator::Options& options) { static_cast<void>(options); }

  void SetUp() override {
    emulator::Options o;
    o.clock_follows_real_time = false;  // time passes only by advance() and the clients' sleeps
    configure(o);
    emu_ = std::make_unique<emulator::Emulator>(o);
    emu_->start();
    time_->attach(emu_.get());
  }
  void TearDown() override {
    time_->attach(nullptr);
    emu_->stop();
  }

  /// Client options for the emulator's first (demo) user, working in `company`,
  /// with millisecond retry backoff and the shared virtual time: the client's
  /// steady and calendar clocks read it, and its sleeps (backoff, Retry-After,
  /// pacing) advance it, for the client and the emulator together, at once.
  /// @param company Company id; empty lets the SDK choose (it fails when the user has several).
  ClientOptions options(std::string const& company = "1") const {
    auto const& user = emu_->options().users.front();
    ClientOptions o;
    o.base_url = emu_->base_url();
    o.credentials = Credentials{emu_->options().api_key, user.username, user.password};
    o.company_id = company;
    o.retry.initial_backoff = std::chrono::milliseconds(1);
    o.retry.max_backoff = std::chrono::milliseconds(5);
    o.clock = [time = time_] { return time->steady(); };
    o.wall_clock = [time = time_] { return time->wall(); };
    o.sleep = [time = time_](std::chrono::milliseconds d) { time->advance(d); };
    return o;
  }
  /// A client on options(company).
  /// @param company Company id; empty lets the SDK choose.
  Client client(std::string const& company = "1") const { return Client(options(company)); }

  /// Moves the SDK's and the emulator's clocks forward together.
  /// @param by How far.
  void advance(std::chrono::seconds by) { time_->advance(by); }

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
  /// The one virtual time of a test, shared by its clients' clock functions
  /// (which may outlive the fixture's emulator, hence shared) and the emulator.
  /// It moves only when advanced; the emulator, which counts whole seconds,
  /// follows each second the milliseconds cross.
  class VirtualTime {
   public:
    void attach(emulator::Emulator* emu) {
      std::lock_guard<std::mutex> lock(mu_);
      emu_ = emu;
      if (emu != nullptr) {
        wall_start_ = emu->now() - elapsed_;
        emu_seconds_ = std::chrono::duration_cast<std::chrono::seconds>(elapsed_).count();
      }
    }
    std::chrono::steady_clock::time_point steady() const {
      std::lock_guard<std::mutex> lock(mu_);
      return steady_start_ + elapsed_;
    }
    std::chrono::system_clock::time_point wall() const {
      std::lock_guard<std::mutex> lock(mu_);
      return wall_start_ + elapsed_;
    }
    void advance(std::chrono::milliseconds by) {
      std::lock_guard<std::mutex> lock(mu_);
      elapsed_ += by;
      auto const seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed_).count();
      if (emu_ != nullptr && seconds > emu_seconds_) emu_->advance_clock(std::chrono::seconds(seconds - emu_seconds_));
      emu_seconds_ = seconds;
    }

   private:
    mutable std::mutex mu_;
    emulator::Emulator* emu_ = nullptr;
    std::chrono::milliseconds elapsed_{0};
    std::int64_t emu_seconds_ = 0;  // of elapsed_, already given to the emulator
    std::chrono::steady_clock::time_point const steady_start_ = std::chrono::steady_clock::now();
    std::chrono::system_clock::time_point wall_start_;
  };

  std::unique_ptr<emulator::Emulator> emu_;
  std::shared_ptr<VirtualTime> time_ = std::make_shared<VirtualTime>();
};

}  // namespace flowii::testing

#endif  // FLOWII_TESTING_EMULATOR_FIXTURE_HPP
