// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Secrets canary: full flows against the emulator — bootstrap, CRUD, errors,
// retries, token renewal, refused credentials — at the most verbose log level,
// then a search for the password, the API key and every access and refresh
// token that was issued in everything a user could see: log lines, error
// messages and the emulator's request journal.
#include "emulator_fixture.hpp"
#include "token_spy.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace flowii {
namespace {

constexpr char kApiKey[] = "canary-api-key-5e1d0e2b";
constexpr char kUser[] = "canary@flowii.example";
constexpr char kPassword[] = "Canary-Passw0rd-7f3a9c";

using test::TokenSpy;

class SecretsCanaryTest : public test::EmulatorTest {
 protected:
  void configure(emulator::Options& o) override {
    o.api_key = kApiKey;
    o.companies = {{"1", "Kanárik s.r.o."}};
    o.users = {{"11142", "Kanárik Ján", kUser, kPassword, {"1"}}};
    o.token_lifetime = std::chrono::seconds(120);
  }

  ClientOptions traced(std::string const& api_key, std::string const& password) {
    auto o = options();
    o.credentials = Credentials{api_key, kUser, password};
    o.transport = spy_;
    o.log.level = LogLevel::kTrace;
    o.log.sink = [this](LogLevel, std::string_view line) {
      std::lock_guard<std::mutex> lock(mu_);
      seen_.push_back("log: " + std::string(line));
    };
    return o;
  }

  /// Records what a caller would print for a failed call.
  void keep(Status const& status) {
    std::lock_guard<std::mutex> lock(mu_);
    seen_.push_back("status: " + status.to_string());
    seen_.push_back("message: " + status.message());
  }
  template <typename T>
  void keep(Result<T> const& result) {
    if (!result.ok()) keep(result.status());
  }

  std::shared_ptr<TokenSpy> spy_ = std::make_shared<TokenSpy>();
  std::mutex mu_;
  std::vector<std::string> seen_;
};

TEST_F(SecretsCanaryTest, NoSecretAppearsInLogsErrorsOrTheJournal) {
  Client client(traced(kApiKey, kPassword));
  ASSERT_TRUE(client.session().ok());
  auto page = client.partners().list_page(PartnerQuery().page_size(5));
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  auto created = client.partners().create(Partner().set_name("Canary Partner").set_partner_type(PartnerType::kCompany));
  ASSERT_TRUE(created.ok()) << created.status().to_string();
  ASSERT_TRUE(client.partners().remove(created->id()).ok());
  keep(client.partners().get(created->id()));           // 404
  keep(client.partners().create(Partner()));            // 422: no name
  keep(client.raw().send("GET", "/no/such/endpoint"));  // 404 from the raw API
  inject_status("GET", "/partners", 503, "1");
  keep(client.partners().list_page(PartnerQuery().page_size(1)));                      // retried after a 503
  inject_status("GET", "/partners", 500, std::nullopt, options().retry.max_attempts);  // every attempt
  keep(client.partners().list_page(PartnerQuery().page_size(1)));                      // gives up on 500s

  advance(std::chrono::minutes(5));  // the access token expires: refresh grant
  auto after_expiry = client.partners().list_page(PartnerQuery().page_size(1));
  ASSERT_TRUE(after_expiry.ok()) << after_expiry.status().to_string();
  EXPECT_GE(emu().token_grants("refresh_token"), 1u);

  Client wrong_password(traced(kApiKey, "Wrong-Canary-Passw0rd-11"));
  auto refused = wrong_password.session();
  ASSERT_FALSE(refused.ok());
  keep(refused);
  Client wrong_key(traced("wrong-canary-api-key-99", kPassword));
  auto refused_key = wrong_key.session();
  ASSERT_FALSE(refused_key.ok());
  keep(refused_key);

  for (auto const& entry : emu().journal()) {
    seen_.push_back("journal: " + entry.method + " " + entry.path + "?" + entry.query + " -> " +
                    std::to_string(entry.status));
  }

  auto const tokens = spy_->tokens();
  ASSERT_GE(tokens.size(), 4u) << "expected two grants with an access and a refresh token each";
  std::vector<std::string> secrets = {kApiKey, kPassword, "Wrong-Canary-Passw0rd-11", "wrong-canary-api-key-99"};
  secrets.insert(secrets.end(), tokens.begin(), tokens.end());
  ASSERT_GT(seen_.size(), 40u) << "the trace log should have recorded the whole flow";
  for (auto const& line : seen_) {
    for (auto const& secret : secrets) {
      if (line.find(secret) == std::string::npos) continue;
      // Report the line with every secret blanked out: the test output must not leak them either.
      std::string shown = line;
      for (auto const& s : secrets) {
        for (auto at = shown.find(s); at != std::string::npos; at = shown.find(s))
          shown.replace(at, s.size(), "<secret>");
      }
      ADD_FAILURE() << "a secret leaked into: " << shown;
    }
  }
}

}  // namespace
}  // namespace flowii
