// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tokens kept between runs: Client::tokens() reads the current ones back (in
// calendar time) and ClientOptions::tokens seeds a new client with them, which
// then makes no token request while the access token lives, renews it with the
// refresh grant, and survives revoked or rejected tokens by renewing.
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace flowii {
namespace {

using std::chrono::seconds;

class SavedTokensTest : public ::testing::Test {
 protected:
  SavedTokensTest() {
    fake_.on("GET", "/partners/7", [](HttpRequest const&) { return test::ok_json(test::partner_json("7")); });
    // The calendar follows the fake steady clock, so expiry can be compared across both.
    options_.wall_clock = [this] {
      return std::chrono::system_clock::time_point(
          std::chrono::duration_cast<std::chrono::system_clock::duration>(fake_.clock.now().time_since_epoch()));
    };
  }
  /// Tokens of a first client that made one call.
  Tokens first_run() {
    Client c(options_);
    EXPECT_TRUE(c.partners().get("7"));
    auto t = c.tokens();
    EXPECT_TRUE(t.has_value());
    return t.value_or(Tokens{});
  }
  /// A client seeded with `saved`.
  Client seeded(Tokens const& saved) {
    ClientOptions o = options_;
    o.tokens = saved;
    return Client(o);
  }
  std::string grant_type(std::size_t i) const { return fake_.token_form(i)["grant_type"]; }

  test::FakeFlowii fake_;
  ClientOptions options_ = fake_.options();
};

TEST_F(SavedTokensTest, NoneBeforeTheFirstCallThenTheGrantedOnes) {
  Client c(options_);
  EXPECT_FALSE(c.tokens().has_value());
  ASSERT_TRUE(c.partners().get("7"));
  auto const t = c.tokens();
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->access_token, fake_.last_access_token());
  EXPECT_EQ(t->refresh_token, fake_.last_refresh_token());
  auto const lifetime = std::chrono::duration_cast<seconds>(t->expires_at - options_.wall_clock());
  EXPECT_EQ(lifetime, seconds(599)) << "FLOWii's expires_in, in calendar time";
}

TEST_F(SavedTokensTest, ALiveSavedTokenIsUsedWithoutATokenRequest) {
  auto const saved = first_run();
  fake_.clock.advance(seconds(300));
  auto c = seeded(saved);
  ASSERT_TRUE(c.partners().get("7"));
  EXPECT_EQ(fake_.token_requests().size(), 1u) << "only the first run's password grant";
  auto const sent = fake_.requests_to("GET", "/partners/7");
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(test::header(sent.back(), "Authorization"), "Bearer " + saved.access_token);
  EXPECT_EQ(c.tokens()->access_token, saved.access_token);
}

TEST_F(SavedTokensTest, AnExpiredSavedTokenIsRenewedWithTheRefreshGrant) {
  auto const saved = first_run();
  fake_.clock.advance(seconds(600));
  auto c = seeded(saved);
  ASSERT_TRUE(c.partners().get("7"));
  ASSERT_EQ(fake_.token_requests().size(), 2u);
  EXPECT_EQ(grant_type(1), "refresh_token");
  EXPECT_EQ(fake_.token_form(1)["refresh_token"], saved.refresh_token);
  auto const now = c.tokens();
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ(now->access_token, fake_.last_access_token()) << "the renewed tokens, to be saved again";
  EXPECT_EQ(now->refresh_token, fake_.last_refresh_token());
  EXPECT_NE(now->access_token, saved.access_token);
}

TEST_F(SavedTokensTest, ASavedTokenDueForRenewalIsRenewedBeforeUse) {
  auto const saved = first_run();
  fake_.clock.advance(seconds(560));  // still valid, but within the 60 s margin
  auto c = seeded(saved);
  ASSERT_TRUE(c.partners().get("7"));
  ASSERT_EQ(fake_.token_requests().size(), 2u);
  EXPECT_EQ(grant_type(1), "refresh_token");
}

TEST_F(SavedTokensTest, ARevokedSavedTokenCostsARenewalNotAFailure) {
  auto const saved = first_run();
  fake_.revoke_tokens();  // FLOWii forgot it (a restart, a revocation): 401
  auto c = seeded(saved);
  ASSERT_TRUE(c.partners().get("7"));
  ASSERT_EQ(fake_.token_requests().size(), 2u);
  EXPECT_EQ(grant_type(1), "refresh_token");
}

TEST_F(SavedTokensTest, ARejectedSavedRefreshTokenFallsBackToThePasswordGrant) {
  auto const saved = first_run();
  fake_.clock.advance(seconds(600));
  fake_.forget_refresh_token();
  auto c = seeded(saved);
  ASSERT_TRUE(c.partners().get("7"));
  ASSERT_EQ(fake_.token_requests().size(), 3u);
  EXPECT_EQ(grant_type(1), "refresh_token");
  EXPECT_EQ(grant_type(2), "password");
}

TEST_F(SavedTokensTest, RefusedCredentialsLeaveNoTokensToSave) {
  auto const saved = first_run();
  fake_.revoke_tokens();
  fake_.forget_refresh_token();
  fake_.token_endpoint = [](HttpRequest const&) -> Result<HttpResponse> {
    return test::oauth_error(400, "invalid_grant", "The password is incorrect.");
  };
  auto c = seeded(saved);
  EXPECT_FALSE(c.partners().get("7"));
  EXPECT_FALSE(c.tokens().has_value()) << "a stale session must not be saved again";
}

TEST_F(SavedTokensTest, OnlyARefreshTokenIsEnough) {
  auto saved = first_run();
  saved.access_token.clear();
  auto c = seeded(saved);
  ASSERT_TRUE(c.partners().get("7"));
  ASSERT_EQ(fake_.token_requests().size(), 2u);
  EXPECT_EQ(grant_type(1), "refresh_token");
}

}  // namespace
}  // namespace flowii
