// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Test fixture: flowii::cli::run in-process against an in-process emulator,
// with the demo credentials in an injected environment and a private, empty
// home directory (so no real config file is ever read).
#ifndef FLOWII_TESTS_CLI_CLI_FIXTURE_HPP
#define FLOWII_TESTS_CLI_CLI_FIXTURE_HPP

#include <flowii/cli/run.hpp>
#include <flowii/emulator/emulator.hpp>
#include <flowii/flowii.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace flowii::cli::test {

inline constexpr char const* kUser = "demo@flowii.example";
inline constexpr char const* kPassword = "demo-password";

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emu_ = std::make_unique<emulator::Emulator>();
    emu_->start();
    std::string tmpl = (std::filesystem::temp_directory_path() / "flowii-cli-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    home_ = tmpl;
  }
  void TearDown() override {
    emu_->stop();
    std::error_code ignored;
    std::filesystem::remove_all(home_, ignored);
  }

  /// The demo user's credentials in company 1, and a home without config.
  Environment env() const {
    Environment e;
    e.variables = {{"FLOWII_API_URL", emu_->base_url()},
                   {"FLOWII_API_KEY", emu_->options().api_key},
                   {"FLOWII_USERNAME", kUser},
                   {"FLOWII_PASSWORD", kPassword},
                   {"FLOWII_COMPANY_ID", "1"},
                   {"HOME", home_.string()},
                   {"XDG_CONFIG_HOME", (home_ / "config").string()}};
    return e;
  }

  Outcome flowii(std::vector<std::string> args, Environment const& e) const {
    std::ostringstream out;
    std::ostringstream err;
    Outcome o;
    o.code = run(std::move(args), out, err, e);
    o.out = out.str();
    o.err = err.str();
    return o;
  }
  Outcome flowii(std::vector<std::string> args) const { return flowii(std::move(args), env()); }

  /// An SDK client for the same user, to check what the command did.
  Client client() const {
    ClientOptions o;
    o.base_url = emu_->base_url();
    o.credentials = Credentials{emu_->options().api_key, kUser, kPassword};
    o.company_id = "1";
    return Client(o);
  }

  static std::string read_file(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  emulator::Emulator& emu() { return *emu_; }
  std::filesystem::path const& home() const { return home_; }

 private:
  std::unique_ptr<emulator::Emulator> emu_;
  std::filesystem::path home_;
};

/// What a failure report prints: the code, then both streams.
inline std::string describe(Outcome const& o) {
  return "exit " + std::to_string(o.code) + "\nstdout:\n" + o.out + "\nstderr:\n" + o.err;
}

}  // namespace flowii::cli::test

#endif  // FLOWII_TESTS_CLI_CLI_FIXTURE_HPP
