// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// POST /token: the OAuth password and refresh grants behind FLOWii's Api-Key.
#include "support.hpp"

namespace emu_test {
namespace {

using Token = EmulatorTest;

constexpr char const* password_form = "grant_type=password&username=demo%40flowii.example&password=demo-password";

void expect_oauth_error(Reply const& reply, int status, std::string const& error, std::string const& description = {}) {
  EXPECT_EQ(reply.status, status) << reply.body;
  EXPECT_EQ(reply.doc.value("error", ""), error) << reply.body;
  if (!description.empty()) {
    EXPECT_EQ(reply.doc.value("error_description", ""), description);
  }
  EXPECT_EQ(reply.header("Cache-Control"), "no-store");
}

TEST_F(Token, PasswordGrantReturnsFlowiiShape) {
  auto const reply = api().token_request(password_form);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_FALSE(reply.doc["access_token"].get<std::string>().empty());
  EXPECT_FALSE(reply.doc["refresh_token"].get<std::string>().empty());
  EXPECT_EQ(reply.doc["token_type"], "bearer");
  EXPECT_EQ(reply.doc["expires_in"], 599);
  EXPECT_EQ(reply.doc["userName"], "demo@flowii.example");
  auto const issued = reply.doc[".issued"].get<std::string>();
  EXPECT_EQ(issued.size(), 29u) << issued;  // "Fri, 06 Oct 2017 12:01:36 GMT"
  EXPECT_EQ(issued.substr(issued.size() - 4), " GMT");
  EXPECT_NE(reply.doc[".expires"], reply.doc[".issued"]);
  EXPECT_EQ(reply.header("Cache-Control"), "no-store");
  EXPECT_EQ(reply.header("Pragma"), "no-cache");
  EXPECT_EQ(emu().token_grants("password"), 1u);
}

TEST_F(Token, EveryGrantGetsNewTokens) {
  auto const a = api().token_request(password_form);
  auto const b = api().token_request(password_form);
  EXPECT_NE(a.doc["access_token"], b.doc["access_token"]);
  EXPECT_NE(a.doc["refresh_token"], b.doc["refresh_token"]);
  EXPECT_EQ(emu().token_grants("password"), 2u);
}

TEST_F(Token, MissingOrWrongApiKeyIsInvalidClient) {
  expect_oauth_error(api().token_request(password_form, std::nullopt), 401, "invalid_client",
                     "The API key is missing or not valid.");
  expect_oauth_error(api().token_request(password_form, "wrong"), 401, "invalid_client");
}

TEST_F(Token, RequiresFormContentType) {
  expect_oauth_error(api().token_request(password_form, "demo-api-key", "application/json"), 400, "invalid_request");
}

TEST_F(Token, UnknownUserAndWrongPassword) {
  expect_oauth_error(api().token_request("grant_type=password&username=nobody&password=x"), 400, "invalid_grant",
                     "The user name is not known.");
  expect_oauth_error(api().token_request("grant_type=password&username=demo%40flowii.example&password=nope"), 400,
                     "invalid_grant", "The password is not correct for this user.");
}

TEST_F(Token, MissingParametersAndOtherGrants) {
  expect_oauth_error(api().token_request("username=a&password=b"), 400, "invalid_request");
  expect_oauth_error(api().token_request("grant_type=password&username=demo%40flowii.example"), 400, "invalid_request");
  expect_oauth_error(api().token_request("grant_type=client_credentials"), 400, "unsupported_grant_type");
  expect_oauth_error(api().token_request("grant_type=password&grant_type=password&username=a&password=b"), 400,
                     "invalid_request");
  EXPECT_EQ(emu().token_grants("password"), 0u);
}

TEST_F(Token, RefreshTokensRotateAndCannotBeReused) {
  auto const first = api().token_request(password_form);
  auto const refresh = first.doc["refresh_token"].get<std::string>();
  auto const form = "grant_type=refresh_token&client_id=demo%40flowii.example&refresh_token=" + refresh;

  auto const second = api().token_request(form);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_NE(second.doc["access_token"], first.doc["access_token"]);
  EXPECT_NE(second.doc["refresh_token"], first.doc["refresh_token"]);

  expect_oauth_error(api().token_request(form), 400, "invalid_grant",
                     "The refresh token is not valid or was already used.");
  EXPECT_EQ(emu().token_grants("refresh_token"), 1u);

  // The rotated token works once, and only for its own user.
  auto const next = second.doc["refresh_token"].get<std::string>();
  expect_oauth_error(
      api().token_request("grant_type=refresh_token&client_id=solo%40flowii.example&refresh_token=" + next), 400,
      "invalid_grant");
  EXPECT_EQ(
      api().token_request("grant_type=refresh_token&client_id=demo%40flowii.example&refresh_token=" + next).status,
      200);
}

TEST_F(Token, TokenEndpointOnlyAcceptsPost) {
  auto const reply = api().send("GET", "/token", {{"Api-Key", "demo-api-key"}});
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("Allow"), "POST");
}

TEST_F(Token, AccessTokenExpiresOnTheVirtualClock) {
  ASSERT_EQ(api().get("/users/self").status, 200);
  emu().advance_clock(std::chrono::seconds(598));
  EXPECT_EQ(api().get("/users/self").status, 200);
  emu().advance_clock(std::chrono::seconds(2));
  auto const reply = api().get("/users/self");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.header("WWW-Authenticate"), "Bearer realm=\"flowii\", error=\"invalid_token\"");
  EXPECT_EQ(reply.error()["status"], "401");
}

class ShortTokens : public EmulatorTest {
  void configure(flowii::emulator::Options& o) override { o.token_lifetime = std::chrono::seconds(1); }
};

TEST_F(ShortTokens, LifetimeIsConfigurableDownToOneSecond) {
  auto const reply = api().token_request(password_form);
  EXPECT_EQ(reply.doc["expires_in"], 1);
  EXPECT_EQ(api().get("/users/self").status, 200);
  emu().advance_clock(std::chrono::seconds(1));
  EXPECT_EQ(api().get("/users/self").status, 401);
}

}  // namespace
}  // namespace emu_test
