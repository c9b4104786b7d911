// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Starting and stopping: readiness, quick stop with idle keep-alive clients,
// parallel instances, restarts, option checks, and the flowii-emulator binary.
#include <signal.h>

#include "support.hpp"

namespace emu_test {
namespace {

using flowii::emulator::Emulator;
using flowii::emulator::Options;

TEST(Lifecycle, StartReturnsOnceAccepting) {
  Emulator emu;
  EXPECT_EQ(emu.port(), 0);
  emu.start();
  EXPECT_TRUE(emu.running());
  EXPECT_GT(emu.port(), 0);
  EXPECT_EQ(emu.base_url(), "http://127.0.0.1:" + std::to_string(emu.port()));
  httplib::Client client("127.0.0.1", emu.port());
  EXPECT_EQ(client.Get("/_emulator/health")->status, 200);
  emu.stop();
  EXPECT_FALSE(emu.running());
  emu.stop();  // idempotent
}

TEST(Lifecycle, StopReturnsWithAnIdleKeepAliveClient) {
  Emulator emu;
  emu.start();
  httplib::Client client("127.0.0.1", emu.port());
  client.set_keep_alive(true);
  ASSERT_EQ(client.Get("/_emulator/health")->status, 200);
  emu.stop();  // the client still holds its connection open
  EXPECT_FALSE(emu.running());
}

TEST(Lifecycle, ManyQuickCycles) {
  Emulator emu;
  for (int i = 0; i < 5; ++i) {
    emu.start();
    httplib::Client client("127.0.0.1", emu.port());
    EXPECT_EQ(client.Get("/_emulator/health")->status, 200);
    emu.stop();
  }
}

TEST(Lifecycle, TwoEmulatorsInParallel) {
  Emulator a, b;
  a.start();
  b.start();
  EXPECT_NE(a.port(), b.port());
  Api api_a(a), api_b(b);
  ASSERT_EQ(api_a.post("/partners", partner_doc("Len v A")).status, 200);
  EXPECT_EQ(api_a.ids("/partners", {{"filter[search-text]", "Len v A"}}).size(), 1u);
  EXPECT_TRUE(api_b.ids("/partners", {{"filter[search-text]", "Len v A"}}).empty());
  EXPECT_EQ(a.token_grants("password"), 1u);
  EXPECT_EQ(b.token_grants("password"), 1u);
}

TEST(Lifecycle, BusyPortThrows) {
  Emulator a;
  a.start();
  Options o;
  o.port = a.port();
  Emulator b(o);
  EXPECT_THROW(b.start(), std::runtime_error);
}

TEST(Lifecycle, InconsistentOptionsThrow) {
  Options o;
  o.users = {{"7", "Solo", "x@example", "pw", {"3"}}};  // company 3 does not exist
  EXPECT_THROW(Emulator{o}, std::invalid_argument);
  Options pages;
  pages.default_page_size = 0;
  EXPECT_THROW(Emulator{pages}, std::invalid_argument);
}

TEST(Lifecycle, CustomCompaniesAndUsers) {
  Options o;
  o.companies = {{"7", "Vlastná s.r.o."}};
  o.users = {{"500", "Test Tester", "tester@example.test", "secret", {"7"}}};
  o.api_key = "other-key";
  Emulator emu(o);
  emu.start();
  httplib::Client client("127.0.0.1", emu.port());
  auto const token = client.Post("/token", {{"Api-Key", "other-key"}},
                                 "grant_type=password&username=tester%40example.test&password=secret",
                                 "application/x-www-form-urlencoded");
  ASSERT_EQ(token->status, 200) << token->body;
  auto const access = json::parse(token->body)["access_token"].get<std::string>();
  auto const self =
      client.Get("/users/self?companyId=7", {{"Api-Key", "other-key"}, {"Authorization", "Bearer " + access}});
  ASSERT_EQ(self->status, 200) << self->body;
  EXPECT_EQ(json::parse(self->body)["data"]["id"], "500");
}

TEST(Lifecycle, BinaryPrintsReadinessAndStopsOnSigterm) {
  EmulatorProcess process({"--port", "0", "--seed", "7"});
  auto const& lines = process.stdout_lines();
  ASSERT_EQ(lines.size(), 6u) << process.error_output();
  ASSERT_GT(process.port(), 0) << lines[0];
  auto const url = lines[0].substr(std::string("FLOWII_EMULATOR_LISTENING ").size());
  EXPECT_EQ(lines[1], "export FLOWII_API_URL=" + url);
  EXPECT_EQ(lines[2], "export FLOWII_API_KEY=demo-api-key\n");
  EXPECT_EQ(lines[3], "export FLOWII_USERNAME=demo@flowii.example\n");
  EXPECT_EQ(lines[4], "export FLOWII_PASSWORD=demo-password\n");
  EXPECT_EQ(lines[5], "export FLOWII_COMPANY_ID=1\n");

  httplib::Client client("127.0.0.1", process.port());
  auto const health = client.Get("/_emulator/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(process.finish(SIGTERM), 0);
}

// `flowii-emulator -- COMMAND`: the command sees the client variables, reaches
// the emulator (it prints the health answer), and its exit status is the
// emulator's; the emulator's stdout is the command's alone.
TEST(Lifecycle, BinaryRunsACommandWithTheClientVariables) {
  EmulatorProcess process({"--port", "0", "--", "sh", "-c",
                           "echo \"$FLOWII_API_KEY $FLOWII_USERNAME $FLOWII_COMPANY_ID\"; "
                           "case \"$FLOWII_API_URL\" in http://127.0.0.1:*) echo url-ok ;; esac; exit 3"},
                          2);
  auto const& lines = process.stdout_lines();
  ASSERT_EQ(lines.size(), 2u) << process.error_output();
  EXPECT_EQ(lines[0], "demo-api-key demo@flowii.example 1\n");
  EXPECT_EQ(lines[1], "url-ok\n");
  EXPECT_EQ(process.finish(0), 3);
  EXPECT_NE(process.error_output().find("flowii-emulator running at http://127.0.0.1:"), std::string::npos);
}

TEST(Lifecycle, BinaryPassesAStopSignalToItsCommandAndReportsIt) {
  EmulatorProcess process({"--port", "0", "--", "sh", "-c", "echo started; exec sleep 600"}, 1);
  ASSERT_EQ(process.stdout_lines().size(), 1u) << process.error_output();
  EXPECT_EQ(process.finish(SIGTERM), 128 + SIGTERM);  // as a shell reports a command killed by it
}

TEST(Lifecycle, BinaryReportsACommandItCannotRun) {
  EmulatorProcess process({"--port", "0", "--", "/nonexistent/flowii-app"}, 0);
  EXPECT_EQ(process.finish(0), 127);
  EXPECT_NE(process.error_output().find("cannot run '/nonexistent/flowii-app'"), std::string::npos);
}

TEST(Lifecycle, BinaryNeedsACommandAfterTheSeparator) {
  EmulatorProcess process({"--port", "0", "--"}, 0);
  EXPECT_EQ(process.finish(0), 2);
  EXPECT_NE(process.error_output().find("-- needs a command"), std::string::npos);
}

// Clients that keep idle keep-alive connections open do not hold up stop(),
// and the port is free again afterwards (ctest's timeout bounds the wait).
TEST(Lifecycle, StopReleasesThePortWhileClientsHoldKeepAliveConnections) {
  Emulator emu;
  emu.start();
  int const port = emu.port();
  std::vector<std::unique_ptr<Api>> clients;
  for (int i = 0; i < 4; ++i) {
    clients.push_back(std::make_unique<Api>(emu));
    ASSERT_EQ(clients.back()->get("/users/self").status, 200);
  }
  emu.stop();
  EXPECT_FALSE(emu.running());
  EXPECT_EQ(clients.front()->get("/users/self").status, 0);  // refused: nobody listens

  Options same_port;
  same_port.port = port;
  Emulator again(same_port);
  ASSERT_NO_THROW(again.start());
  EXPECT_EQ(again.port(), port);
}

}  // namespace
}  // namespace emu_test
