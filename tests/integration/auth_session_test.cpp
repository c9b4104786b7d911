// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Token lifecycle and session bootstrap against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <thread>
#include <vector>

namespace flowii::test {
namespace {

class ShortTokensTest : public EmulatorTest {
  void configure(emulator::Options& o) override { o.token_lifetime = std::chrono::seconds(2); }
};

TEST_F(ShortTokensTest, TokenIsReusedThenRenewedWithTheRefreshGrant) {
  auto c = client();
  ASSERT_TRUE(c.partners().list_page());
  ASSERT_TRUE(c.partners().list_page());
  EXPECT_EQ(emu().token_grants("password"), 1u);
  EXPECT_EQ(emu().token_grants("refresh_token"), 0u);
  advance(std::chrono::seconds(2));  // past renewal time (lifetime 2 s, margin capped at 1 s)
  ASSERT_TRUE(c.partners().list_page());
  EXPECT_EQ(emu().token_grants("password"), 1u);
  EXPECT_EQ(emu().token_grants("refresh_token"), 1u);
  EXPECT_EQ(emu().count("", "/partners"), 3u);  // no request was refused with 401
}

TEST_F(ShortTokensTest, A401DropsTheTokenRenewsItAndRepeatsOnce) {
  auto c = client();
  ASSERT_TRUE(c.partners().list_page());
  // Only the server's clock moves: the SDK still believes its token is fresh.
  emu().advance_clock(std::chrono::seconds(10));
  auto page = c.partners().list_page();
  ASSERT_TRUE(page) << page.status().to_string();
  std::size_t refused = 0;
  for (auto const& e : emu().journal()) refused += e.status == 401 ? 1 : 0;
  EXPECT_EQ(refused, 1u);
  EXPECT_EQ(emu().token_grants("password") + emu().token_grants("refresh_token"), 2u);
}

TEST_F(ShortTokensTest, ManyThreadsNeedingATokenCauseExactlyOneTokenRequest) {
  auto c = client();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 32; ++i) {
    threads.emplace_back([&] {
      if (c.partners().list_page(PartnerQuery().page_size(1))) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 32);
  EXPECT_EQ(emu().token_grants("password"), 1u);
  EXPECT_EQ(emu().count("GET", "/companies"), 1u);
  EXPECT_EQ(emu().count("GET", "/users/self"), 1u);
}

class AuthTest : public EmulatorTest {};

TEST_F(AuthTest, WrongApiKeyUserOrPasswordSayWhichWithoutSecrets) {
  auto o = options();
  o.credentials.api_key = "wrong-key-S3CRET";
  auto s = Client(o).session();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(s.status().oauth_error(), "invalid_client");
  EXPECT_NE(s.status().message().find("API key"), std::string::npos);
  EXPECT_EQ(s.status().to_string().find("S3CRET"), std::string::npos);

  o = options();
  o.credentials.username = "nobody@example.sk";
  s = Client(o).session();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.status().oauth_error(), "invalid_grant");
  EXPECT_NE(s.status().message().find("user name"), std::string::npos);

  o = options();
  o.credentials.password = "wrong-password-S3CRET";
  s = Client(o).session();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.status().oauth_error(), "invalid_grant");
  EXPECT_NE(s.status().message().find("password"), std::string::npos);
  EXPECT_NE(s.status().oauth_error_description(), "");
  EXPECT_EQ(s.status().to_string().find("S3CRET"), std::string::npos);
}

TEST_F(AuthTest, SessionChoosesTheCompanyAndResolvesTheUser) {
  auto by_id = client("2").session();
  ASSERT_TRUE(by_id) << by_id.status().to_string();
  EXPECT_EQ(by_id->company_id, "2");
  EXPECT_EQ(by_id->user_id, "11142");
  EXPECT_FALSE(by_id->user_name.empty());
  EXPECT_EQ(by_id->companies.size(), 2u);

  auto o = options("");
  o.company_name = "Minta Kft.";
  auto by_name = Client(o).session();
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->company_id, "2");

  auto ambiguous = client("").session();
  ASSERT_FALSE(ambiguous);
  EXPECT_EQ(ambiguous.status().code(), ErrorCode::kCompanySelection);
  EXPECT_NE(ambiguous.status().message().find("Demo Firma s.r.o."), std::string::npos);
  EXPECT_NE(ambiguous.status().message().find("Minta Kft."), std::string::npos);

  auto unknown = client("77").session();
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.status().code(), ErrorCode::kCompanySelection);

  auto solo = options("");
  solo.credentials.username = "solo@flowii.example";
  solo.credentials.password = "solo-password";
  auto only = Client(solo).session();
  ASSERT_TRUE(only) << only.status().to_string();
  EXPECT_EQ(only->company_id, "2");
}

TEST_F(AuthTest, EveryBusinessCallCarriesTheCompany) {
  auto c = client("2");
  ASSERT_TRUE(c.partners().list_page());
  for (auto const& e : emu().journal()) {
    if (e.path == "/token" || e.path == "/companies") continue;
    EXPECT_NE(e.query.find("companyId=2"), std::string::npos) << e.path << "?" << e.query;
  }
}

TEST_F(AuthTest, RetriesAnExplicitRefusalOfACreateButNeverDuplicatesIt) {
  auto c = client();
  inject_status("POST", "/partners", 429, "0");
  Partner p;
  p.set_name("Retry s.r.o.").set_partner_type(PartnerType::kCompany);
  auto created = c.partners().create(p);
  ASSERT_TRUE(created) << created.status().to_string();
  EXPECT_EQ(emu().faults_fired(), 1u);
  EXPECT_EQ(created.status().attempts(), 0);  // ok results carry no status

  inject_status("POST", "/partners", 500);
  auto failed = c.partners().create(p);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.status().http_status(), 500);
  EXPECT_EQ(failed.status().attempts(), 1);  // a POST is not repeated after a 500
}

}  // namespace
}  // namespace flowii::test
