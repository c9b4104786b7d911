// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What flowii says on standard error while it works: the SDK's request log with
// --verbose or FLOWII_LOG, a line while it waits out a Retry-After or a backoff,
// and one while it looks for a create whose answer was lost. Waits take virtual
// time (cli_fixture.hpp): a 20-second Retry-After returns at once. A canary run
// proves that no password, API key or token reaches either stream.
#include "cli_fixture.hpp"
#include "integration/token_spy.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

namespace flowii::cli::test {
namespace {

using Fault = emulator::Emulator::Fault;

std::vector<std::string> lines_of(std::string const& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class VerboseTest : public CliTest {
 protected:
  /// The next `times` requests of `method` under `path` are answered with `status`.
  void fail_next(std::string const& method, std::string const& path, int status,
                 std::optional<std::string> retry_after = std::nullopt, int times = 1) {
    Fault f;
    f.method = method;
    f.path_prefix = path;
    f.status = status;
    f.retry_after = std::move(retry_after);
    f.times = times;
    emu().inject(f);
  }
};

TEST_F(VerboseTest, VerboseLogsOneLinePerRequest) {
  auto const plain = flowii({"partners", "list", "--page-size", "2"});
  ASSERT_EQ(plain.code, kExitOk) << describe(plain);
  EXPECT_EQ(plain.err, "") << "quiet without --verbose";
  emu().clear_journal();

  auto const o = flowii({"--verbose", "partners", "list", "--page-size", "2"});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(o.out, plain.out) << "standard output is the same";
  std::vector<std::string> requests;
  for (auto const& line : lines_of(o.err)) {
    if (line.find(" -> ") != std::string::npos) requests.push_back(line);
  }
  auto const journal = emu().journal();
  ASSERT_EQ(requests.size(), journal.size()) << o.err;
  for (std::size_t i = 0; i < journal.size(); ++i) {
    auto const& line = requests[i];
    auto const& sent = journal[i];
    // "flowii info: GET http://127.0.0.1:PORT/partners?companyId=1&page[size]=2 -> 200 in 3 ms (attempt 1)"
    EXPECT_EQ(line.rfind("flowii info: " + sent.method + " " + emu().base_url() + sent.path, 0), 0u) << line;
    EXPECT_NE(line.find(" -> " + std::to_string(sent.status) + " in "), std::string::npos) << line;
    EXPECT_NE(line.find(" ms (attempt 1)"), std::string::npos) << line;
  }
}

TEST_F(VerboseTest, FlowiiLogChoosesTheLevel) {
  auto e = env();
  e.variables["FLOWII_LOG"] = "debug";
  auto const debug = flowii({"partners", "list", "--page-size", "1"}, e);
  ASSERT_EQ(debug.code, kExitOk) << describe(debug);
  EXPECT_NE(debug.err.find("flowii debug: response headers: "), std::string::npos) << debug.err;
  EXPECT_NE(debug.err.find("Authorization: REDACTED"), std::string::npos) << "headers are redacted";

  e.variables["FLOWII_LOG"] = "off";
  EXPECT_EQ(flowii({"partners", "list", "--page-size", "1"}, e).err, "");
  auto const verbose = flowii({"-v", "partners", "list", "--page-size", "1"}, e);
  EXPECT_NE(verbose.err.find("flowii info: GET "), std::string::npos) << "--verbose wins over off";

  e.variables["FLOWII_LOG"] = "loud";
  auto const wrong = flowii({"partners", "list"}, e);
  EXPECT_EQ(wrong.code, kExitUsage) << describe(wrong);
  EXPECT_EQ(wrong.err, "flowii: FLOWII_LOG must be trace, debug, info, warn, error or off (got loud)\n");
}

TEST_F(VerboseTest, SaysWhileItWaitsOutARetryAfter) {
  fail_next("GET", "/partners", 429, "20");
  auto const o = flowii({"partners", "list", "--page-size", "1"});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(o.err, "waiting 20 s: FLOWii rate limit (429), attempt 2 of 4\n");
  EXPECT_EQ(emu().count("GET", "/partners"), 2u);
}

TEST_F(VerboseTest, SaysWhileItBacksOff) {
  fail_next("GET", "/partners", 503, std::nullopt, 2);
  auto const o = flowii({"partners", "list", "--page-size", "1"});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  auto const lines = lines_of(o.err);
  ASSERT_EQ(lines.size(), 2u) << o.err;
  EXPECT_NE(lines[0].find("s: FLOWii unavailable (503), attempt 2 of 4"), std::string::npos) << o.err;
  EXPECT_NE(lines[1].find("s: FLOWii unavailable (503), attempt 3 of 4"), std::string::npos) << o.err;
  EXPECT_EQ(lines[0].rfind("waiting ", 0), 0u) << o.err;
}

TEST_F(VerboseTest, SaysWhileItChecksWhetherALostCreateReachedFlowii) {
  auto const before = records("partner").size();
  Fault f;
  f.method = "POST";
  f.path_prefix = "/partners";
  f.breakage = emulator::Emulator::Breakage::kCloseAfterProcessing;
  emu().inject(f);
  auto const o = flowii({"partners", "create", "--data", R"({"name": "Stratená odpoveď s.r.o.", "type": 1})"});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_NE(
      o.err.find("the answer to POST /partners was lost; checking whether the create reached FLOWii\xE2\x80\xA6\n"),
      std::string::npos)
      << o.err;
  EXPECT_EQ(records("partner").size(), before + 1) << "created once, found, not sent again";
  EXPECT_EQ(emu().count("POST", "/partners"), 1u);
}

using flowii::test::TokenSpy;

constexpr char kCanaryKey[] = "Key-CANARY-3f9a1c7e";
constexpr char kCanaryPassword[] = "Pw-CANARY-8d2e4b60";

class SecretsTest : public CliTest {
 protected:
  void configure(emulator::Options& o) override {
    o.api_key = kCanaryKey;
    o.companies = {{"1", "Demo Firma s.r.o."}, {"2", "Minta Kft."}};
    o.users = {{"11142", "Novák Ján", kUser, kCanaryPassword, {"1", "2"}}};
  }
  /// The canary credentials, the most verbose log, and the spy as transport.
  Environment traced() const {
    auto e = env();
    e.variables["FLOWII_PASSWORD"] = kCanaryPassword;
    e.variables["FLOWII_LOG"] = "trace";
    auto const time = e.adjust_client;
    e.adjust_client = [time, spy = spy_](ClientOptions& o) {
      time(o);
      o.transport = spy;
    };
    return e;
  }
  std::shared_ptr<TokenSpy> spy_ = std::make_shared<TokenSpy>();
};

TEST_F(SecretsTest, NoSecretEverReachesStandardOutputOrError) {
  std::string seen;
  auto const run = [&](std::vector<std::string> args, Environment const& e) {
    auto const o = flowii(std::move(args), e);
    seen += o.out + o.err;
    return o.code;
  };
  auto const e = traced();
  EXPECT_EQ(run({"login"}, e), kExitOk);
  EXPECT_EQ(run({"--verbose", "partners", "list", "--page-size", "2"}, e), kExitOk);  // the saved session
  emu().expire_tokens();
  EXPECT_EQ(run({"partners", "get", "100031"}, e), kExitOk);  // 401, refresh grant
  advance(std::chrono::minutes(15));
  EXPECT_EQ(run({"companies"}, e), kExitOk);  // expired, refresh grant
  emu().inject([] {
    Fault f;
    f.method = "GET";
    f.path_prefix = "/partners";
    f.status = 429;
    f.retry_after = "2";
    return f;
  }());
  EXPECT_EQ(run({"partners", "list", "--output", "jsonl"}, e), kExitOk);  // waits
  emu().inject([] {
    Fault f;
    f.method = "POST";
    f.path_prefix = "/partners";
    f.breakage = emulator::Emulator::Breakage::kCloseAfterProcessing;
    return f;
  }());
  EXPECT_EQ(run({"partners", "create", "--data", R"({"name": "Kanárik s.r.o.", "type": 1})"}, e), kExitOk);
  auto wrong = e;
  wrong.variables["FLOWII_PASSWORD"] = std::string(kCanaryPassword) + "-wrong";
  EXPECT_EQ(run({"login"}, wrong), kExitAuth);
  auto bad_key = e;
  bad_key.variables["FLOWII_API_KEY"] = std::string(kCanaryKey) + "-wrong";
  EXPECT_EQ(run({"--no-session", "login"}, bad_key), kExitAuth);
  EXPECT_EQ(run({"logout"}, e), kExitOk);

  auto secrets = spy_->tokens();
  ASSERT_GE(secrets.size(), 6u) << "three grants, each an access and a refresh token";
  secrets.insert(secrets.end(), {kCanaryKey, kCanaryPassword});
  ASSERT_NE(seen.find("flowii debug: request POST "), std::string::npos) << "the log was on, headers and all";
  ASSERT_NE(seen.find("waiting 2 s"), std::string::npos);
  for (auto const& secret : secrets) {
    EXPECT_EQ(seen.find(secret), std::string::npos)
        << "a secret reached the output (its position: " << seen.find(secret) << ")";
  }
  // The canaries themselves: a prefix is enough to leak.
  EXPECT_EQ(seen.find("CANARY"), std::string::npos);
}

}  // namespace
}  // namespace flowii::cli::test
