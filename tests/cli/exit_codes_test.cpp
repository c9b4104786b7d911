// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every exit code of the table in docs/cli.md ("Exit codes"), each produced by a
// real cause against the emulator in a test named after the code. The journal
// proves what reached FLOWii (and that usage errors reach nothing).
#include "cli_fixture.hpp"

#include <set>

namespace flowii::cli::test {
namespace {

using Fault = emulator::Emulator::Fault;

/// The codes listed in the "Exit codes" table of docs/cli.md.
std::set<int> documented_exit_codes() {
  std::set<int> codes;
  for (auto const& row : markdown_table(FLOWII_CLI_DOCS, "## Exit codes")) codes.insert(std::stoi(row.at(0)));
  return codes;
}

TEST(ExitCodeTable, EveryDocumentedCodeIsAssertedBelow) {
  // One or more ExitCodesTest.CodeN... tests below for each of these; kExitStopped
  // needs the flowii binary and Ctrl-C (import_test.cpp, ImportTest.CtrlCStops...).
  std::set<int> const asserted{kExitOk,         kExitOther,     kExitUsage,          kExitAuth,   kExitNotFound,
                               kExitValidation, kExitTransient, kExitOutcomeUnknown, kExitStopped};
  EXPECT_EQ(documented_exit_codes(), asserted) << "docs/cli.md's exit codes and the tests here must match";
}

class ExitCodesTest : public CliTest {
 protected:
  /// A fault for the next request of `method` under `path`, answered with `status`.
  void fail_next(std::string const& method, std::string const& path, int status,
                 std::optional<std::string> retry_after = std::nullopt) {
    Fault f;
    f.method = method;
    f.path_prefix = path;
    f.times = 1;
    f.status = status;
    f.retry_after = std::move(retry_after);
    emu().inject(f);
  }
  /// Runs the command with FLOWII_API_URL set to `url`.
  Outcome with_api_url(std::string const& url, std::vector<std::string> args) const {
    auto e = env();
    e.variables["FLOWII_API_URL"] = url;
    return flowii(std::move(args), e);
  }
  /// The statuses of the journaled requests of `method` to exactly `path`.
  std::vector<int> statuses(std::string const& method, std::string const& path) const {
    std::vector<int> out;
    for (auto const& e : requests(method, path)) out.push_back(e.status);
    return out;
  }
};

TEST_F(ExitCodesTest, Code0Success) {
  auto const o = flowii({"login"});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(o.out, kLoginCompany1);
  EXPECT_EQ(o.err, "");

  auto const help = flowii({"--help"});
  EXPECT_EQ(help.code, kExitOk) << describe(help);
  EXPECT_NE(help.out.find("partners"), std::string::npos) << help.out;
}

TEST_F(ExitCodesTest, Code1WhenFlowiiHasAServerError) {
  fail_next("POST", "/partners", 500);
  auto const o = flowii({"partners", "create", "--data", R"({"name": "Chyba s.r.o.", "type": 1})"});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_NE(o.err.find("server error"), std::string::npos) << o.err;
  EXPECT_EQ(statuses("POST", "/partners"), std::vector<int>{500}) << "a failed POST is not repeated";
  EXPECT_EQ(records("partner").size(), 25u) << "nothing was created";
}

TEST_F(ExitCodesTest, Code1WhenTheOutputFileCannotBeWritten) {
  auto const documents = records("document");
  ASSERT_FALSE(documents.empty());
  std::string const id = documents.front()["id"];
  auto const path = home() / "no-such-folder" / "invoice.pdf";
  auto const o = flowii({"documents", "pdf", id, "--out", path.string()});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_NE(o.err.find(path.string()), std::string::npos) << "the message names the file: " << o.err;
  EXPECT_EQ(statuses("GET", "/documents/" + id + "/pdf"), std::vector<int>{200}) << "FLOWii's part succeeded";
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(ExitCodesTest, Code2ForUsageErrors) {
  std::vector<std::vector<std::string>> const wrong{
      {},
      {"partners"},
      {"partners", "frobnicate"},
      {"partners", "get"},
      {"partners", "list", "--output", "xml"},
      {"partners", "list", "--filter", "no-equals-sign"},
      {"partners", "create", "--data", "[1, 2]"},
      {"goods", "delete", "1"},
      {"documents", "pdf", "1"},
      {"--password", "x", "login"},
      {"partners", "get", ""},  // refused by the SDK before sending
  };
  for (auto const& args : wrong) {
    auto const o = flowii(args);
    EXPECT_EQ(o.code, kExitUsage) << ::testing::PrintToString(args) << "\n" << describe(o);
  }
  EXPECT_TRUE(emu().journal().empty()) << "usage errors never reach FLOWii";
}

TEST_F(ExitCodesTest, Code2ForAnApiUrlThatIsNoUrl) {
  auto const o = with_api_url("not a url", {"login"});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("check FLOWII_API_URL"), std::string::npos) << "the message names the variable: " << o.err;
}

TEST_F(ExitCodesTest, Code2ForAnApiUrlThatIsNotHttp) {
  auto const o = with_api_url("ftp://x", {"partners", "list"});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("check FLOWII_API_URL"), std::string::npos) << "the message names the variable: " << o.err;
}

TEST_F(ExitCodesTest, Code2ForPlainHttpToAnotherHost) {
  // The password and API key would cross the network unencrypted; only loopback
  // (the emulator of every other test here) may be plain http://.
  auto const o = with_api_url("http://api.flowii.example", {"login"});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("use https:// in FLOWII_API_URL"), std::string::npos) << o.err;
}

TEST_F(ExitCodesTest, Code3ForAWrongPasswordWithoutShowingSecrets) {
  auto e = env();
  e.variables["FLOWII_PASSWORD"] = "not-the-Secret-417";
  auto const o = flowii({"login"}, e);
  EXPECT_EQ(o.code, kExitAuth) << describe(o);
  EXPECT_NE(o.err.find("FLOWII_USERNAME"), std::string::npos) << "the message says what to check: " << o.err;
  for (std::string const secret : {"not-the-Secret-417", emu().options().api_key.c_str()}) {
    EXPECT_EQ((o.out + o.err).find(secret), std::string::npos) << "a secret was printed";
  }
  auto const journal = emu().journal();
  ASSERT_EQ(journal.size(), 1u) << "one refused password grant, nothing else";
  EXPECT_EQ(journal[0].path, "/token");
  EXPECT_EQ(journal[0].status, 400);
}

TEST_F(ExitCodesTest, Code3WhenFlowiiRefusesAccess) {
  fail_next("GET", "/partners", 403);
  auto const o = flowii({"partners", "list"});
  EXPECT_EQ(o.code, kExitAuth) << describe(o);
  EXPECT_NE(o.err.find("--company"), std::string::npos) << "the hint names the company option: " << o.err;
  EXPECT_EQ(statuses("GET", "/partners"), std::vector<int>{403});
}

TEST_F(ExitCodesTest, Code4ForAnUnknownId) {
  auto const o = flowii({"partners", "get", "999999"});
  EXPECT_EQ(o.code, kExitNotFound) << describe(o);
  EXPECT_NE(o.err.find("not-found"), std::string::npos) << o.err;
  EXPECT_EQ(statuses("GET", "/partners/999999"), std::vector<int>{404});
}

TEST_F(ExitCodesTest, Code5WhenFlowiiRejectsTheData) {
  auto const o = flowii({"partners", "create", "--data", R"({"type": 1})"});  // no name
  EXPECT_EQ(o.code, kExitValidation) << describe(o);
  EXPECT_NE(o.err.find("name"), std::string::npos) << "the message names the field: " << o.err;
  EXPECT_EQ(statuses("POST", "/partners"), std::vector<int>{422});
  EXPECT_EQ(records("partner").size(), 25u) << "nothing was created";
}

TEST_F(ExitCodesTest, Code6WhenRateLimitedOrUnavailable) {
  // Retry-After beyond the SDK's RetryOptions::max_retry_after: it gives up at once.
  for (auto const& [status, says] : std::vector<std::pair<int, std::string>>{{429, "quota"}, {503, "try again"}}) {
    emu().clear_journal();
    fail_next("GET", "/partners", status, "3600");
    auto const o = flowii({"partners", "list"});
    EXPECT_EQ(o.code, kExitTransient) << status << "\n" << describe(o);
    EXPECT_NE(o.err.find(says), std::string::npos) << o.err;
    EXPECT_EQ(statuses("GET", "/partners"), std::vector<int>{status});
  }
}

TEST_F(ExitCodesTest, Code7WhenAnUpdateMayHaveBeenMade) {
  // FLOWii makes the change, then the connection breaks: the CLI cannot know.
  Fault f;
  f.method = "PATCH";
  f.path_prefix = "/partners/100038";
  f.breakage = emulator::Emulator::Breakage::kCloseAfterProcessing;
  emu().inject(f);
  auto const o = flowii({"partners", "update", "100038", "--data", R"({"comment": "pays on time"})"});
  EXPECT_EQ(o.code, kExitOutcomeUnknown) << describe(o);
  EXPECT_NE(o.err.find("may have"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("try again"), std::string::npos) << o.err;           // never the advice for a failure
  EXPECT_EQ(statuses("PATCH", "/partners/100038"), std::vector<int>{204});  // made once, not repeated
}

}  // namespace
}  // namespace flowii::cli::test
