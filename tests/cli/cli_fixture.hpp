// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Test fixture: flowii::cli::run in-process against an in-process emulator,
// with the demo credentials in an injected environment and a private, empty
// home directory (so no real config file or saved session is ever read). The
// command's client and the emulator share the virtual time of
// flowii::testing::EmulatorTest: a Retry-After or backoff wait returns at once,
// and the emulator's clock moves only when a test or a wait moves it.
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
#include <flowii/options.hpp>
#include <flowii/testing/emulator_fixture.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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

class CliTest : public flowii::testing::EmulatorTest {
 protected:
  void SetUp() override {
    EmulatorTest::SetUp();
    emu_ = &EmulatorTest::emu();
    std::string tmpl = (std::filesystem::temp_directory_path() / "flowii-cli-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    home_ = tmpl;
  }
  void TearDown() override {
    EmulatorTest::TearDown();
    std::error_code ignored;
    std::filesystem::remove_all(home_, ignored);
  }

  /// The demo user's credentials in company 1, a home without config or saved
  /// session, and the fixture's virtual time for the command's client.
  Environment env() const {
    Environment e;
    e.variables = {{"FLOWII_API_URL", emu_->base_url()},
                   {"FLOWII_API_KEY", emu_->options().api_key},
                   {"FLOWII_USERNAME", kUser},
                   {"FLOWII_PASSWORD", kPassword},
                   {"FLOWII_COMPANY_ID", "1"},
                   {"HOME", home_.string()},
                   {"XDG_CONFIG_HOME", (home_ / "config").string()}};
    e.adjust_client = [time = options()](ClientOptions& o) {
      o.clock = time.clock;
      o.sleep = time.sleep;
      o.wall_clock = time.wall_clock;
    };
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
  /// Where the command saves sessions (the default under the test's home).
  std::filesystem::path session_dir() const { return home_ / ".local" / "state" / "flowii"; }

 private:
  emulator::Emulator* emu_ = nullptr;  // the fixture's, reachable from const helpers
  std::filesystem::path home_;
};

/// Splits a command line like sh does for the quoting the guide uses:
/// '...' literally, "..." with \" and \\, a # at the start of a word ends the line.
/// Each line of `text` parsed as JSON (the CLI's `--output jsonl`).
inline std::vector<nlohmann::json> json_lines(std::string const& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

inline std::vector<std::string> split_words(std::string const& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char const c = line[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '#' && !in_word) {
      break;
    } else if (c == '\'') {
      auto const end = line.find('\'', i + 1);
      word += line.substr(i + 1, end - i - 1);
      i = end;
      in_word = true;
    } else if (c == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) ++i;
        word += line[i];
      }
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

/// The rows of the first Markdown table after the heading line `heading` (e.g.
/// "## Exit codes") of the file `path`: each row's cells, trimmed, without the
/// header row and the separator row.
inline std::vector<std::vector<std::string>> markdown_table(std::string const& path, std::string const& heading) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  bool in_section = false;
  bool header_seen = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#", 0) == 0) in_section = line == heading;
    if (!in_section) continue;
    if (line.rfind("|", 0) != 0) {
      if (!rows.empty()) break;  // the table has ended
      continue;
    }
    if (!header_seen || line.find_first_not_of("|-: ") == std::string::npos) {
      header_seen = true;
      continue;
    }
    std::vector<std::string> cells;
    std::size_t start = 1;
    for (auto bar = line.find('|', start); bar != std::string::npos; bar = line.find('|', start)) {
      std::string cell = line.substr(start, bar - start);
      auto const first = cell.find_first_not_of(' ');
      cell = first == std::string::npos ? std::string() : cell.substr(first, cell.find_last_not_of(' ') - first + 1);
      cells.push_back(cell);
      start = bar + 1;
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

/// What a failure report prints: the code, then both streams.
inline std::string describe(Outcome const& o) {
  return "exit " + std::to_string(o.code) + "\nstdout:\n" + o.out + "\nstderr:\n" + o.err;
}

}  // namespace flowii::cli::test

#endif  // FLOWII_TESTS_CLI_CLI_FIXTURE_HPP
