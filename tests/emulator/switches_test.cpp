// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The switches for what is unknown about FLOWii (rate limits, Retry-After,
// quota status, token error shape), rate limiting on the virtual clock, and
// the request checks every write shares.
#include <stdexcept>

#include "clock.hpp"
#include "support.hpp"

namespace emu_test {
namespace {

using flowii::emulator::Options;
using flowii::emulator::RetryAfterForm;
using flowii::emulator::TokenErrorShape;

constexpr char const* password_form = "grant_type=password&username=demo%40flowii.example&password=demo-password";

void expect_quota_error(Reply const& reply, int status) {
  ASSERT_EQ(reply.status, status) << reply.body;
  EXPECT_EQ(reply.error()["status"], std::to_string(status));
  EXPECT_NE(reply.error()["title"].get<std::string>().find("quota exceeded"), std::string::npos) << reply.body;
}

class RateLimit : public EmulatorTest {
 protected:
  void configure(Options& o) override {
    o.rate_limit = 3;
    o.rate_window = std::chrono::seconds(60);
  }
};

TEST_F(RateLimit, ThirdCallIsTheLastInTheWindowThenTheWindowMovesOnWithTheClock) {
  api().token();                                  // 1
  EXPECT_EQ(api().get("/partners").status, 200);  // 2
  EXPECT_EQ(api().get("/partners").status, 200);  // 3
  auto const limited = api().get("/partners");
  expect_quota_error(limited, 429);
  auto const wait = std::stoll(limited.header("Retry-After"));
  EXPECT_GE(wait, 1);
  EXPECT_LE(wait, 60);
  EXPECT_EQ(api().get("/users").status, 429);      // per key, not per path
  EXPECT_EQ(emu().count("GET", "/partners"), 3u);  // refused calls are journaled
  EXPECT_EQ(emu().journal().back().status, 429);

  emu().advance_clock(std::chrono::seconds(wait));
  EXPECT_EQ(api().get("/partners").status, 200);
}

TEST_F(RateLimit, CountsPerApiKeyAndLeavesAdminCallsAlone) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(api().token_request(password_form, "other-key").status, 401);
  EXPECT_EQ(api().token_request(password_form, "other-key").status, 429);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(api().send("GET", "/_emulator/health", {}).status, 200);
  EXPECT_EQ(api().token_request(password_form).status, 200);  // demo-api-key has its own window
}

TEST_F(RateLimit, ResetRestartsTheWindows) {
  for (int i = 0; i < 3; ++i) api().token_request(password_form);
  EXPECT_EQ(api().token_request(password_form).status, 429);
  emu().reset();
  EXPECT_EQ(api().token_request(password_form).status, 200);
}

class QuotaForbidden : public EmulatorTest {
 protected:
  void configure(Options& o) override {
    o.rate_limit = 1;
    o.quota_status = 403;
    o.retry_after = RetryAfterForm::kHttpDate;
  }
};

TEST_F(QuotaForbidden, AnswersTheConfiguredStatusAndAnHttpDate) {
  auto const before = emu().now();
  api().token();
  auto const after = emu().now();
  auto const limited = api().get("/partners");
  expect_quota_error(limited, 403);
  // The window opened with the token call and lasts 60 s.
  auto const header = limited.header("Retry-After");
  bool matches = false;
  for (auto t = before; t <= after; t += std::chrono::seconds(1)) {
    auto const end = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count() + 60;
    matches = matches || header == flowii::emulator::format_http_date(end);
  }
  EXPECT_TRUE(matches) << header;
}

class QuotaWithoutRetryAfter : public EmulatorTest {
 protected:
  void configure(Options& o) override {
    o.rate_limit = 1;
    o.retry_after = RetryAfterForm::kNone;
  }
};

TEST_F(QuotaWithoutRetryAfter, SendsNoRetryAfter) {
  api().token();
  auto const limited = api().get("/partners");
  expect_quota_error(limited, 429);
  EXPECT_TRUE(limited.header("Retry-After").empty());
}

class JsonApiTokenErrors : public EmulatorTest {
 protected:
  void configure(Options& o) override { o.token_errors = TokenErrorShape::kJsonApi; }
};

TEST_F(JsonApiTokenErrors, CarryTheOAuthCodeInErrors) {
  auto reply = api().token_request("grant_type=password&username=demo%40flowii.example&password=nope");
  ASSERT_EQ(reply.status, 400) << reply.body;
  EXPECT_FALSE(reply.doc.contains("error"));
  EXPECT_EQ(reply.error()["code"], "invalid_grant");
  EXPECT_EQ(reply.error()["status"], "400");
  EXPECT_EQ(reply.error()["detail"], "The password is not correct for this user.");
  EXPECT_EQ(reply.header("Content-Type"), "application/vnd.api+json");
  EXPECT_EQ(reply.header("Cache-Control"), "no-store");

  reply = api().token_request(password_form, "wrong");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.error()["code"], "invalid_client");
  EXPECT_EQ(api().token_request(password_form).status, 200);  // success keeps FLOWii's shape
}

TEST(SwitchOptions, InconsistentValuesAreRejected) {
  Options o;
  o.quota_status = 500;
  EXPECT_THROW(flowii::emulator::Emulator{o}, std::invalid_argument);
  o = Options{};
  o.rate_limit = -1;
  EXPECT_THROW(flowii::emulator::Emulator{o}, std::invalid_argument);
  o = Options{};
  o.rate_window = std::chrono::seconds(0);
  EXPECT_THROW(flowii::emulator::Emulator{o}, std::invalid_argument);
}

using Switches = EmulatorTest;

TEST_F(Switches, AdminApiShowsAndChangesThem) {
  auto reply = api().send("GET", "/_emulator/switches", {});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.doc, json::parse(R"({"send_next_links":false,"retry_after":"seconds","quota_status":429,
      "token_errors":"oauth","rate_limit":0,"rate_window_seconds":60,"server_clock_skew_seconds":0})"));

  reply = api().send("POST", "/_emulator/switches", {},
                     R"({"send_next_links":true,"retry_after":"none","quota_status":403,"token_errors":"jsonapi",
                         "rate_limit":2,"rate_window_seconds":5})",
                     "application/json");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(emu().options().quota_status, 403);
  EXPECT_TRUE(emu().options().send_next_links);
  EXPECT_EQ(api().get("/partners", {{"page[size]", "1"}}).doc["links"].count("next"), 1u);  // token + 1
  auto const limited = api().get("/partners");
  expect_quota_error(limited, 403);
  EXPECT_TRUE(limited.header("Retry-After").empty());
  emu().advance_clock(std::chrono::seconds(5));
  EXPECT_EQ(api().token_request("grant_type=password&username=x&password=y").error()["code"], "invalid_grant");
}

TEST_F(Switches, AdminApiRejectsUnknownValuesAndChangesNothing) {
  auto reply = api().send("POST", "/_emulator/switches", {}, R"({"retry_after":"sometimes"})", "application/json");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error()["source"]["pointer"], "/retry_after");
  reply = api().send("POST", "/_emulator/switches", {}, R"({"rate_limit":1,"quota_status":500})", "application/json");
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(emu().options().rate_limit, 0);
  EXPECT_EQ(emu().options().retry_after, RetryAfterForm::kSeconds);
}

// Writes (create, update, upload) share one document check.
class WriteChecks : public EmulatorTest {
 protected:
  struct Write {
    std::string method, path, body;
  };

  void SetUp() override {
    EmulatorTest::SetUp();
    partner_ = api().post("/partners", partner_doc("Checked")).doc["data"]["id"].get<std::string>();
    json const file = {{"data", {{"type", "file"}, {"attributes", {{"name", "a.txt"}, {"content", "YQ=="}}}}}};
    writes_ = {
        {"POST", "/partners", partner_doc("Nezapisany partner").dump()},
        {"PATCH", "/partners/" + partner_, json{{"data", {{"type", "partner"}, {"id", partner_}}}}.dump()},
        {"POST", "/partners/" + partner_ + "/files", file.dump()},
    };
  }

  void expect_nothing_written() {
    EXPECT_EQ(api().get("/partners/" + partner_ + "/files").doc["data"].size(), 0u);
    EXPECT_TRUE(api().ids("/partners", {{"filter[search-text]", "Nezapisany"}}).empty());
  }

  std::string partner_;
  std::vector<Write> writes_;
};

// 400, not 415: FLOWii documents no 415 (docs/emulator.md, Behaviour).
TEST_F(WriteChecks, WrongOrMissingContentTypeIs400AtTheHeader) {
  for (auto const& w : writes_) {
    for (char const* type : {"text/plain", "application/x-www-form-urlencoded", ""}) {
      auto const reply = api().send(w.method, api().target(w.path, {}), api().auth_headers(), w.body, type);
      ASSERT_EQ(reply.status, 400) << w.method << " " << w.path << " " << type;
      EXPECT_EQ(reply.error()["source"]["header"], "Content-Type");
    }
  }
  expect_nothing_written();
}

TEST_F(WriteChecks, MalformedJsonIs400WithJsonApiErrors) {
  for (auto const& w : writes_) {
    auto const reply = api().send(w.method, api().target(w.path, {}), api().auth_headers(), w.body.substr(1),
                                  "application/vnd.api+json");
    ASSERT_EQ(reply.status, 400) << w.method << " " << w.path;
    ASSERT_TRUE(reply.doc["errors"].is_array()) << reply.body;
    EXPECT_EQ(reply.error()["status"], "400");
    EXPECT_FALSE(reply.error()["detail"].get<std::string>().empty());
  }
  expect_nothing_written();
}

}  // namespace
}  // namespace emu_test
