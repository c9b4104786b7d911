// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Test fixture: flowii::cli::run in-process against an in-process emulator,
// with the demo credentials in an injected environment and a private, empty
// home directory (so no real config file is ever read).
//
// What a command did is checked against the emulator itself, never through the
// SDK the CLI is built on (an SDK bug would cancel out): its seeded demo data
// (tools/emulator/src/modules/*_demo.cpp), its stored records, the bytes it
// serves (served.hpp) and its journal of requests.
#ifndef FLOWII_TESTS_CLI_CLI_FIXTURE_HPP
#define FLOWII_TESTS_CLI_CLI_FIXTURE_HPP

#include "served.hpp"

#include <flowii/cli/run.hpp>
#include <flowii/emulator/emulator.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

// `flowii login` for the demo user, as tools/emulator/src/modules/account.cpp
// seeds it: user 11142 "Novák Ján" in "Demo Firma s.r.o." (1) and "Minta Kft." (2).
inline constexpr char const* kLoginCompany1 =
    "Signed in as Novák Ján (user 11142) in Demo Firma s.r.o. (company 1); 2 companies accessible.\n";
inline constexpr char const* kLoginCompany2 =
    "Signed in as Novák Ján (user 11142) in Minta Kft. (company 2); 2 companies accessible.\n";

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
  /// As flowii(), with standard output going to `out` (Outcome::out stays empty).
  Outcome flowii_into(std::ostream& out, std::vector<std::string> args) const {
    std::ostringstream err;
    Outcome o;
    o.code = run(std::move(args), out, err, env());
    o.err = err.str();
    return o;
  }

  /// The emulator's stored records of `type` in company 1 (or `company`), in id order.
  std::vector<nlohmann::json> records(std::string const& type, std::string const& company = "1") const {
    return stored_records(*emu_, home_, company, type);
  }
  /// The stored record of `type` with this id; null when there is none.
  nlohmann::json record(std::string const& type, std::string const& id) const {
    for (auto& r : records(type)) {
      if (r["id"] == id) return r;
    }
    return nullptr;
  }
  /// What the emulator serves the demo user for GET `target` (query percent-encoded).
  Served served(std::string const& target) const { return fetch(*emu_, target, kUser, kPassword); }

  /// The journaled requests with this method and exactly this path, oldest first.
  std::vector<emulator::Emulator::JournalEntry> requests(std::string const& method, std::string const& path) const {
    std::vector<emulator::Emulator::JournalEntry> out;
    for (auto& e : emu_->journal()) {
      if (e.method == method && e.path == path) out.push_back(std::move(e));
    }
    return out;
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
