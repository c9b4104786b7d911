// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
// Proves that the admin API beyond loopback answers only callers with the admin token, wherever they call from.
#include <stdlib.h>

#include <csignal>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "support.hpp"

namespace emu_test {
namespace {

using flowii::emulator::Emulator;
using flowii::emulator::Options;

constexpr char const* token_header = "X-Flowii-Emulator-Admin-Token";
constexpr char const* token_export = "export FLOWII_EMULATOR_ADMIN_TOKEN=";

std::string joined(std::vector<std::string> const& lines) {
  std::string out;
  for (auto const& line : lines) out += line;
  return out;
}

bool is_hex_token(std::string const& token) {
  return token.size() == 64 && token.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Every admin call but health, with a body it accepts and the status it then answers.
struct AdminCall {
  char const* method;
  char const* path;
  char const* body;
  int status;
};
constexpr AdminCall guarded_calls[] = {
    {"GET", "/_emulator/journal", "", 200},
    {"DELETE", "/_emulator/journal", "", 204},
    {"POST", "/_emulator/reset", "", 204},
    {"POST", "/_emulator/clock", R"({"advance_seconds":1})", 200},
    {"POST", "/_emulator/faults", R"({"path_prefix":"/nowhere","status":503})", 200},
    {"GET", "/_emulator/faults", "", 200},
    {"POST", "/_emulator/tokens/expire", "", 204},
    {"GET", "/_emulator/switches", "", 200},
    {"POST", "/_emulator/switches", "{}", 200},
    {"GET", "/_emulator/connections", "", 200},
    {"POST", "/_emulator/partners", R"({"company_id":"1","count":1})", 200},
};

Reply call(Api& api, AdminCall const& c, std::optional<std::string> const& token) {
  httplib::Headers headers;
  if (token) headers.emplace(token_header, *token);
  return api.send(c.method, c.path, headers, c.body, *c.body ? "application/json" : "");
}

void expect_refused(Reply const& reply) {
  ASSERT_EQ(reply.status, 401) << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "application/vnd.api+json");
  EXPECT_EQ(reply.error()["source"]["header"], token_header);  // says what to send
  EXPECT_NE(reply.error()["detail"].get<std::string>().find(token_header), std::string::npos);
}

// An emulator bound to every interface, reached (as all tests here) over 127.0.0.1 only.
Options all_interfaces() {
  Options options;
  options.host = "0.0.0.0";
  options.clock_follows_real_time = false;
  return options;
}

TEST(AdminAccess, BeyondLoopbackEveryAdminCallNeedsTheGeneratedToken) {
  Emulator emu(all_interfaces());
  emu.start();
  std::string const token = emu.options().admin_token;
  EXPECT_TRUE(is_hex_token(token)) << token;
  Api api(emu);  // 127.0.0.1: a local peer gets no exemption
  std::string wrong = token;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  for (auto const& c : guarded_calls) {
    SCOPED_TRACE(std::string(c.method) + " " + c.path);
    expect_refused(call(api, c, std::nullopt));
    expect_refused(call(api, c, wrong));
    expect_refused(call(api, c, token.substr(0, 32)));  // a prefix is not enough
    expect_refused(call(api, c, token + "0"));
    EXPECT_EQ(call(api, c, token).status, c.status);
  }
  // Without the token not even which admin paths exist is told.
  expect_refused(api.send("GET", "/_emulator/nope", {}));
  EXPECT_EQ(api.send("GET", "/_emulator/nope", {{token_header, token}}).status, 404);
}

// Health stays open so that readiness probes need no secret; it tells only the version and the clock.
TEST(AdminAccess, HealthNeedsNoToken) {
  Emulator emu(all_interfaces());
  emu.start();
  Api api(emu);
  auto const health = api.send("GET", "/_emulator/health", {});
  EXPECT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(health.doc["status"], "ok");
  expect_refused(api.send("POST", "/_emulator/health", {}));  // only GET is open, else 401 before 405
}

TEST(AdminAccess, TheFlowiiApiNeedsNoAdminToken) {
  Emulator emu(all_interfaces());
  emu.start();
  Api api(emu);
  EXPECT_FALSE(api.token().empty());  // POST /token
  auto const self = api.get("/users/self");
  EXPECT_EQ(self.status, 200) << self.body;
  EXPECT_EQ(emu.count("POST", "/token"), 1u);
}

TEST(AdminAccess, OnLoopbackWithoutATokenTheAdminApiStaysOpen) {
  Options options;
  options.clock_follows_real_time = false;
  Emulator emu(options);
  emu.start();
  EXPECT_EQ(emu.options().admin_token, "");
  Api api(emu);
  for (auto const& c : guarded_calls) {
    SCOPED_TRACE(std::string(c.method) + " " + c.path);
    EXPECT_EQ(call(api, c, std::nullopt).status, c.status);
  }
}

TEST(AdminAccess, AGivenTokenIsRequiredOnLoopbackToo) {
  Options options;
  options.clock_follows_real_time = false;
  options.admin_token = "chosen-token";
  Emulator emu(options);
  emu.start();
  Api api(emu);
  expect_refused(api.send("POST", "/_emulator/reset", {}));
  expect_refused(api.send("POST", "/_emulator/reset", {{token_header, "chosen-tokeN"}}));
  EXPECT_EQ(api.send("POST", "/_emulator/reset", {{token_header, "chosen-token"}}).status, 204);
}

TEST(AdminAccess, AGivenTokenIsKeptBeyondLoopback) {
  Options options = all_interfaces();
  options.admin_token = "chosen-token";
  EXPECT_EQ(Emulator(options).options().admin_token, "chosen-token");
}

// Made at construction: nothing here binds, so the addresses need not exist.
TEST(AdminAccess, OnlyHostsBeyondLoopbackGetAToken) {
  for (char const* loopback : {"127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "::1", "::ffff:127.0.0.1"}) {
    Options options;
    options.host = loopback;
    EXPECT_EQ(Emulator(options).options().admin_token, "") << loopback;
  }
  for (char const* beyond : {"0.0.0.0", "::", "192.0.2.7", "2001:db8::1", "128.0.0.1", "example.invalid"}) {
    Options options;
    options.host = beyond;
    EXPECT_TRUE(is_hex_token(Emulator(options).options().admin_token)) << beyond;
  }
}

// Random, not derived from the seed: the same options give another token each time.
TEST(AdminAccess, GeneratedTokensDiffer) {
  EXPECT_NE(Emulator(all_interfaces()).options().admin_token, Emulator(all_interfaces()).options().admin_token);
}

TEST(AdminAccess, ATokenThatCannotTravelInAHeaderIsRefused) {
  for (char const* bad : {"two words", "line\r\nbreak", "tab\there", "caf\xc3\xa9"}) {
    Options options;
    options.admin_token = bad;
    EXPECT_THROW(Emulator{options}, std::invalid_argument) << bad;
  }
}

// Runs `body` with FLOWII_EMULATOR_ADMIN_TOKEN set (or, with nullopt, unset)
// for the child it starts, then puts back what the test runner had; an ASSERT
// in `body` returns from it only, so the restore always happens.
template <typename Body>
void with_token_env(std::optional<std::string> const& value, Body body) {
  char const* const name = "FLOWII_EMULATOR_ADMIN_TOKEN";
  char const* const had = getenv(name);
  std::optional<std::string> const old = had ? std::optional<std::string>(had) : std::nullopt;
  auto put = [name](std::optional<std::string> const& v) { v ? setenv(name, v->c_str(), 1) : unsetenv(name); };
  put(value);
  body();
  put(old);
}

TEST(AdminAccess, BinaryOnAllInterfacesWarnsAndPrintsAWorkingToken) {
  with_token_env(std::nullopt, [] {
    EmulatorProcess process({"--host", "0.0.0.0", "--port", "0"}, 7);
    auto const& lines = process.stdout_lines();
    ASSERT_EQ(lines.size(), 7u) << joined(lines);  // not stderr: that waits for the end
    int const port = process.port();               // of the loopback URL: what a client on this machine uses
    ASSERT_GT(port, 0) << lines[0];
    std::string const local = "http://127.0.0.1:" + std::to_string(port);
    EXPECT_EQ(lines[0], "FLOWII_EMULATOR_LISTENING " + local +
                            " (all interfaces, bound to 0.0.0.0:" + std::to_string(port) + ")\n");
    EXPECT_EQ(lines[1], "export FLOWII_API_URL=" + local + "\n");
    ASSERT_EQ(lines[6].rfind(token_export, 0), 0u) << lines[6];
    std::string const token = lines[6].substr(std::string(token_export).size(), 64);
    EXPECT_TRUE(is_hex_token(token)) << lines[6];
    EXPECT_EQ(lines[6], token_export + token + "\n");

    Api api(port);
    expect_refused(api.send("POST", "/_emulator/reset", {}));
    EXPECT_EQ(api.send("POST", "/_emulator/reset", {{token_header, token}}).status, 204);
    EXPECT_EQ(process.finish(SIGTERM), 0);
    auto const errors = process.error_output();
    EXPECT_NE(
        errors.find("WARNING: listening beyond loopback, on all interfaces (0.0.0.0:" + std::to_string(port) + ")"),
        std::string::npos)
        << errors;
    EXPECT_NE(errors.find(token_header), std::string::npos) << errors;
  });
}

// The environment keeps the secret out of the process list; the flag wins over it.
TEST(AdminAccess, BinaryTakesTheTokenFromTheFlagOrTheEnvironment) {
  with_token_env(std::string("env-token"), [] {
    for (auto const& [args, token] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--port", "0"}, "env-token"}, {{"--port", "0", "--admin-token", "flag-token"}, "flag-token"}}) {
      SCOPED_TRACE(token);
      EmulatorProcess process(args, 7);
      auto const& lines = process.stdout_lines();
      ASSERT_EQ(lines.size(), 7u) << joined(lines);  // not stderr: that waits for the end
      EXPECT_EQ(lines[6], token_export + token + "\n");
      Api api(process.port());
      expect_refused(api.send("POST", "/_emulator/reset", {}));
      EXPECT_EQ(api.send("POST", "/_emulator/reset", {{token_header, token}}).status, 204);
      EXPECT_EQ(process.finish(SIGTERM), 0);
      EXPECT_EQ(process.error_output().find("WARNING"), std::string::npos);  // loopback: nothing to warn of
    }
  });
}

}  // namespace
}  // namespace emu_test
