// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Authentication through a Client: the token request, the headers of business
// calls, renewal ahead of expiry, the refresh grant, 401 handling, single flight,
// credential errors, configuration checks and from_env.
#include "auth/token_manager.hpp"
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace flowii {
namespace {

using std::chrono::seconds;
using test::FakeFlowii;
using test::json;

constexpr char kPartnerPath[] = "/partners/7";

/// Serves GET and PATCH /partners/7 and POST /partners.
void serve_partner(FakeFlowii& fake) {
  fake.on("GET", kPartnerPath, [](HttpRequest const&) { return test::ok_json(test::partner_json("7")); });
  fake.on("POST", "/partners", [](HttpRequest const&) { return test::ok_json(test::resource("partner", "8")); });
}

std::vector<std::string> business_auth_headers(FakeFlowii const& fake, std::string const& method,
                                               std::string const& path) {
  std::vector<std::string> out;
  for (auto const& r : fake.requests_to(method, path)) out.push_back(test::header(r, "Authorization"));
  return out;
}

/// Asserts that no secret appears in what a caller may print or log.
void expect_no_secrets(Status const& s, std::vector<std::string> const& extra = {}) {
  std::vector<std::string> secrets{test::kPassword, test::kApiKey, "access-", "refresh-"};
  secrets.insert(secrets.end(), extra.begin(), extra.end());
  for (auto const& secret : secrets) {
    EXPECT_EQ(s.to_string().find(secret), std::string::npos) << secret << " in " << s.to_string();
    EXPECT_EQ(s.body_excerpt().find(secret), std::string::npos) << secret << " in " << s.body_excerpt();
  }
}

// ---- the first call -------------------------------------------------------------

TEST(ClientAuth, FirstCallAuthenticatesThenBootstrapsThenCalls) {
  FakeFlowii fake;
  serve_partner(fake);
  auto client = fake.client();
  auto p = client.partners().get("7");
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(fake.trace(), (std::vector<std::string>{"POST /token", "GET /companies", "GET /users/self",
                                                    std::string("GET ") + kPartnerPath}));
  auto const requests = fake.requests();

  auto const& token = requests[0];
  EXPECT_EQ(token.url, std::string(test::kBaseUrl) + "/token");
  EXPECT_EQ(token.body, "grant_type=password&username=jana.novak%2Bapi%40example.com&password=p%26ss+w%3Drd%25%2B9");
  EXPECT_EQ(test::form_fields(token.body),
            (std::map<std::string, std::string>{
                {"grant_type", "password"}, {"username", test::kUser}, {"password", test::kPassword}}));
  EXPECT_EQ(test::header(token, "Api-Key"), test::kApiKey);
  EXPECT_EQ(test::header(token, "Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(test::header(token, "Authorization"), "");

  auto const& companies = requests[1];
  EXPECT_TRUE(test::query_of(companies).empty()) << companies.url;
  EXPECT_EQ(test::query_of(requests[2]), (test::QueryList{{"companyId", "1"}}));

  auto const& call = requests[3];
  EXPECT_EQ(call.method, "GET");
  EXPECT_EQ(test::query_of(call), (test::QueryList{{"companyId", "1"}}));
  EXPECT_EQ(test::header(call, "Api-Key"), test::kApiKey);
  EXPECT_EQ(test::header(call, "Authorization"), "Bearer " + fake.last_access_token());
  EXPECT_EQ(test::header(call, "Accept"), "application/vnd.api+json");
  EXPECT_EQ(test::header(call, "User-Agent"), "flowii-cpp/0.1.0");
  EXPECT_EQ(test::header(call, "Content-Type"), "");  // no body
  EXPECT_EQ(client.session()->company_id, "1");
}

TEST(ClientAuth, CompanyIdComesFirstInTheQuery) {
  FakeFlowii fake;
  fake.on("GET", "/partners", [](HttpRequest const&) { return test::ok_json(json::array()); });
  auto client = fake.client();
  ASSERT_TRUE(client.partners().list_page(PartnerQuery().param("x", "y").search_text("a&b").page(2)).ok());
  auto r = fake.requests_to("GET", "/partners").at(0);
  EXPECT_EQ(test::query_of(r),
            (test::QueryList{{"companyId", "1"}, {"x", "y"}, {"filter[search-text]", "a&b"}, {"page[number]", "2"}}));
  EXPECT_NE(r.url.find("?companyId=1&x=y&filter[search-text]=a%26b&page[number]=2"), std::string::npos) << r.url;
}

TEST(ClientAuth, UserAgentSuffixAndBodiesHaveTheirContentType) {
  FakeFlowii fake;
  serve_partner(fake);
  auto options = fake.options();
  options.user_agent_suffix = "my-app/2.0";
  Client client(options);
  ASSERT_TRUE(client.partners().create(Partner().set_name("ACME")).ok());
  auto post = fake.requests_to("POST", "/partners").at(0);
  EXPECT_EQ(test::header(post, "User-Agent"), "flowii-cpp/0.1.0 my-app/2.0");
  EXPECT_EQ(test::header(post, "Content-Type"), "application/vnd.api+json");
  EXPECT_EQ(json::parse(post.body)["data"]["attributes"]["name"], "ACME");
}

// ---- renewal ---------------------------------------------------------------------

/// With tokens of `expires_in` seconds, the client uses the first token until
/// `renewal` seconds have passed and renews exactly then.
void expect_renewal_after(std::optional<int> expires_in, seconds renewal) {
  FakeFlowii fake;
  fake.expires_in = expires_in;
  serve_partner(fake);
  auto client = fake.client();
  ASSERT_TRUE(client.partners().get("7").ok());
  fake.clock.advance(renewal - seconds(1));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client.partners().get("7").ok());
  EXPECT_EQ(fake.token_requests().size(), 1u);
  fake.clock.advance(seconds(1));
  ASSERT_TRUE(client.partners().get("7").ok());
  EXPECT_EQ(fake.token_requests().size(), 2u);
  auto auth = business_auth_headers(fake, "GET", kPartnerPath);
  auto expected = std::vector<std::string>(4, "Bearer access-1-tkn");
  expected.push_back("Bearer access-2-tkn");
  EXPECT_EQ(auth, expected);
}

TEST(ClientAuth, TokenRequestsCountAsAttempts) {
  // A refused grant is one attempt; a token endpoint that never answers is retried,
  // and each of those requests counts (the message says how many were made).
  test::FakeFlowii refused;
  refused.token_endpoint = [](HttpRequest const&) -> Result<HttpResponse> {
    return test::oauth_error(400, "invalid_grant", "The password is wrong.");
  };
  auto wrong = Client(refused.options()).partners().get("7");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.status().code(), ErrorCode::kUnauthenticated) << wrong.status().to_string();
  EXPECT_EQ(wrong.status().attempts(), 1);

  test::FakeFlowii down;
  down.token_endpoint = [](HttpRequest const&) -> Result<HttpResponse> {
    return make_transport_error(TransportFailure::kConnect, ErrorCode::kNetwork, "refused");
  };
  auto options = down.options();
  options.retry.max_attempts = 3;
  auto unreachable = Client(options).partners().get("7");
  ASSERT_FALSE(unreachable);
  EXPECT_EQ(unreachable.status().attempts(), 3) << unreachable.status().to_string();
  EXPECT_NE(unreachable.status().message().find("3 attempts"), std::string::npos) << unreachable.status().message();
}

TEST(ClientAuth, TokenIsReusedUntilTheRenewalTime) {
  expect_renewal_after(599, seconds(539));  // expires_in minus the 60 s margin
}

TEST(ClientAuth, RenewalMarginIsCappedAtHalfTheLifetime) {
  expect_renewal_after(100, seconds(50));  // a 60 s margin would be more than half
}

TEST(ClientAuth, MissingExpiresInMeansFiveMinutes) {
  expect_renewal_after(std::nullopt, seconds(240));  // the fake's tokens then live 300 s
}

TEST(ClientAuth, RenewsWithTheRefreshGrantBeforeExpiry) {
  FakeFlowii fake;
  serve_partner(fake);
  auto client = fake.client();
  ASSERT_TRUE(client.partners().get("7").ok());
  auto const refresh = fake.last_refresh_token();
  fake.clock.advance(seconds(540));  // inside the margin, the old token still valid
  ASSERT_TRUE(client.partners().get("7").ok());
  ASSERT_EQ(fake.token_requests().size(), 2u);
  EXPECT_EQ(fake.token_requests()[1].body,
            "grant_type=refresh_token&client_id=jana.novak%2Bapi%40example.com&refresh_token=" + refresh);
  EXPECT_EQ(test::header(fake.token_requests()[1], "Api-Key"), test::kApiKey);
  EXPECT_EQ(fake.trace().back(), std::string("GET ") + kPartnerPath);
  EXPECT_EQ(business_auth_headers(fake, "GET", kPartnerPath).back(), "Bearer access-2-tkn");
  EXPECT_EQ(fake.count("GET", "/companies"), 1u);  // the session survives renewal
}

TEST(ClientAuth, RejectedRefreshFallsBackToThePasswordGrant) {
  FakeFlowii fake;
  serve_partner(fake);
  auto client = fake.client();
  ASSERT_TRUE(client.partners().get("7").ok());
  fake.forget_refresh_token();  // the server answers the refresh with 400 invalid_grant
  fake.clock.advance(seconds(600));
  auto p = client.partners().get("7");
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  ASSERT_EQ(fake.token_requests().size(), 3u);
  EXPECT_EQ(fake.token_form(1)["grant_type"], "refresh_token");
  EXPECT_EQ(fake.token_form(2)["grant_type"], "password");
  EXPECT_EQ(fake.token_form(2)["password"], test::kPassword);
  EXPECT_EQ(business_auth_headers(fake, "GET", kPartnerPath).back(), "Bearer access-2-tkn");
}

TEST(ClientAuth, ARejectedRefreshTokenIsNeverSentTwice) {
  FakeFlowii fake;
  serve_partner(fake);
  std::atomic<bool> token_endpoint_down{false};
  fake.token_endpoint = [&](HttpRequest const& r) -> Result<HttpResponse> {
    if (test::form_fields(r.body)["grant_type"] == "refresh_token") {
      return test::oauth_error(400, "invalid_grant", "The refresh token is invalid.");
    }
    if (token_endpoint_down) return make_transport_error(TransportFailure::kReceive, ErrorCode::kNetwork, "reset");
    return fake.grant(r);
  };
  auto options = fake.options();
  options.retry.max_attempts = 1;
  Client client(options);
  ASSERT_TRUE(client.partners().get("7").ok());
  fake.clock.advance(seconds(600));
  token_endpoint_down = true;
  EXPECT_FALSE(client.partners().get("7").ok());  // refresh rejected, password grant failed
  token_endpoint_down = false;
  ASSERT_TRUE(client.partners().get("7").ok());
  std::vector<std::string> grants;
  for (std::size_t i = 0; i < fake.token_requests().size(); ++i) grants.push_back(fake.token_form(i)["grant_type"]);
  EXPECT_EQ(grants, (std::vector<std::string>{"password", "refresh_token", "password", "password"}));
}

// ---- 401 -----------------------------------------------------------------------------

TEST(ClientAuth, A401DropsTheTokenRenewsAndRepeatsOnce) {
  FakeFlowii fake;
  serve_partner(fake);
  auto client = fake.client();
  ASSERT_TRUE(client.partners().get("7").ok());
  fake.revoke_tokens();
  auto p = client.partners().get("7");
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(fake.token_requests().size(), 2u);
  EXPECT_EQ(business_auth_headers(fake, "GET", kPartnerPath),
            (std::vector<std::string>{"Bearer access-1-tkn", "Bearer access-1-tkn", "Bearer access-2-tkn"}));
  EXPECT_TRUE(fake.sleeps.waits().empty());  // renewal is not a backoff
}

TEST(ClientAuth, A401OnPostAlsoRenewsAndRepeatsOnce) {
  FakeFlowii fake;
  serve_partner(fake);
  auto client = fake.client();
  ASSERT_TRUE(client.session().ok());
  fake.revoke_tokens();
  auto created = client.partners().create(Partner().set_name("ACME"));
  ASSERT_TRUE(created.ok()) << created.status().to_string();
  EXPECT_EQ(created->id(), "8");
  EXPECT_EQ(business_auth_headers(fake, "POST", "/partners"),
            (std::vector<std::string>{"Bearer access-1-tkn", "Bearer access-2-tkn"}));
}

TEST(ClientAuth, ASecond401IsUnauthenticatedNotALoop) {
  FakeFlowii fake;
  fake.on("POST", "/partners", [](HttpRequest const&) { return test::api_error(401, "Unauthorized"); });
  fake.on("GET", kPartnerPath, [](HttpRequest const&) { return test::api_error(401, "Unauthorized"); });
  auto client = fake.client();
  auto created = client.partners().create(Partner().set_name("ACME"));
  EXPECT_EQ(created.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(created.status().http_status(), 401);
  EXPECT_EQ(fake.count("POST", "/partners"), 2u);
  EXPECT_EQ(created.status().attempts(), 2);
  EXPECT_NE(created.status().message().find("FLOWII_API_KEY"), std::string::npos) << created.status().message();
  expect_no_secrets(created.status());

  auto got = client.partners().get("7");
  EXPECT_EQ(got.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(fake.count("GET", kPartnerPath), 2u);
  EXPECT_EQ(fake.token_requests().size(), 3u);  // first login, then one renewal per call
}

// ---- single flight ------------------------------------------------------------------

constexpr int kThreads = 32;

/// Runs `call` on kThreads threads at once; each arrives at `meeting` first.
template <typename Call>
void run_concurrently(test::Meeting& meeting, Call call) {
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      meeting.arrive();
      call(i);
    });
  }
  for (auto& t : threads) t.join();
}

TEST(ClientAuthConcurrency, ColdClientMakesExactlyOneTokenRequest) {
  FakeFlowii fake;
  serve_partner(fake);
  test::Meeting meeting(kThreads);
  std::atomic<bool> all_arrived{true};
  fake.token_endpoint = [&](HttpRequest const& r) {
    if (!meeting.wait_all()) all_arrived = false;  // hold the token until every thread is calling
    return fake.grant(r);
  };
  auto client = fake.client();
  std::atomic<int> ok{0};
  run_concurrently(meeting, [&](int) { ok += client.partners().get("7").ok() ? 1 : 0; });
  EXPECT_TRUE(all_arrived);
  EXPECT_EQ(ok, kThreads);
  EXPECT_EQ(fake.token_requests().size(), 1u);
  EXPECT_EQ(fake.count("GET", "/companies"), 1u);
  EXPECT_EQ(fake.count("GET", "/users/self"), 1u);
  EXPECT_EQ(fake.count("GET", kPartnerPath), static_cast<std::size_t>(kThreads));
}

TEST(ClientAuthConcurrency, ExpiredTokenIsRenewedOnceForAllThreads) {
  FakeFlowii fake;
  serve_partner(fake);
  auto client = fake.client();
  ASSERT_TRUE(client.session().ok());
  fake.clock.advance(seconds(600));  // expired, not just due
  test::Meeting meeting(kThreads);
  fake.token_endpoint = [&](HttpRequest const& r) {
    meeting.wait_all();
    return fake.grant(r);
  };
  std::atomic<int> ok{0};
  run_concurrently(meeting, [&](int) { ok += client.partners().get("7").ok() ? 1 : 0; });
  EXPECT_EQ(ok, kThreads);
  EXPECT_EQ(fake.token_requests().size(), 2u);
  for (auto const& auth : business_auth_headers(fake, "GET", kPartnerPath)) EXPECT_EQ(auth, "Bearer access-2-tkn");
}

TEST(ClientAuthConcurrency, AFailingTokenFetchFailsEveryCaller) {
  FakeFlowii fake;
  serve_partner(fake);
  test::Meeting meeting(kThreads);
  fake.token_endpoint = [&](HttpRequest const&) {
    meeting.wait_all();
    return test::oauth_error(400, "invalid_grant", "The password is incorrect.");
  };
  auto client = fake.client();
  std::vector<Status> results(kThreads);
  run_concurrently(meeting, [&](int i) { results[static_cast<std::size_t>(i)] = client.partners().get("7").status(); });
  for (auto const& s : results) {
    EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
    EXPECT_NE(s.message().find("The password is incorrect."), std::string::npos) << s.message();
  }
  EXPECT_EQ(fake.count("GET", kPartnerPath), 0u);
  // Callers queued behind the failed session bootstrap each start a bootstrap (and
  // a token request) of their own afterwards; recorded for diagnostics, not asserted.
  RecordProperty("token_requests", static_cast<int>(fake.token_requests().size()));
}

/// The token cache itself: callers that wait for an in-flight fetch share its
/// outcome. TokenManager reads its clock once per look at the cache (under its
/// lock), so once it has been read by every caller, all of them are either
/// fetching or waiting for the fetch.
class TokenManagerSingleFlight : public ::testing::Test {
 protected:
  struct Counted {
    std::atomic<int> clock_reads{0};
    std::atomic<int> posts{0};
    test::FakeClock clock;
  };

  detail::TokenManager manager(Counted& c, std::function<Result<HttpResponse>()> answer) {
    return detail::TokenManager(
        Credentials{test::kApiKey, test::kUser, test::kPassword},
        [&c, answer](std::string const&) {
          ++c.posts;
          return answer();
        },
        [&c] {
          ++c.clock_reads;
          return c.clock.now();
        },
        seconds(60));
  }

  /// Blocks until the clock was read `reads` times (true) or a guard elapsed.
  static bool wait_for_reads(Counted& c, int reads) {
    auto const guard = std::chrono::steady_clock::now() + seconds(30);  // a hang guard, not a timing assert
    while (c.clock_reads < reads && std::chrono::steady_clock::now() < guard) std::this_thread::yield();
    return c.clock_reads >= reads;
  }

  /// Calls token() on kThreads threads at once; their statuses.
  static std::vector<Status> every_thread_asks(detail::TokenManager& tm) {
    std::vector<Status> results(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] { results[static_cast<std::size_t>(i)] = tm.token().status(); });
    }
    for (auto& t : threads) t.join();
    return results;
  }

  static HttpResponse token_answer(std::string const& access) {
    return test::json_response(200, json{{"access_token", access}, {"expires_in", 599}, {"refresh_token", "r"}}.dump());
  }
};

TEST_F(TokenManagerSingleFlight, WaitersShareAFailedFetch) {
  Counted c;
  std::atomic<bool> all_waiting{true};
  auto tm = manager(c, [&]() -> Result<HttpResponse> {
    if (!wait_for_reads(c, kThreads)) all_waiting = false;
    return test::oauth_error(400, "invalid_grant", "The password is incorrect.");
  });
  auto results = every_thread_asks(tm);
  EXPECT_TRUE(all_waiting);
  EXPECT_EQ(c.posts, 1);
  EXPECT_EQ(tm.requests(), 1u);
  for (auto const& s : results) EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
}

TEST_F(TokenManagerSingleFlight, WaitersForAnExpiredTokenShareAFailedRenewal) {
  Counted c;
  std::atomic<bool> fail{false};
  std::atomic<bool> all_waiting{true};
  auto tm = manager(c, [&]() -> Result<HttpResponse> {
    if (!fail) return token_answer("first");
    if (!wait_for_reads(c, kThreads)) all_waiting = false;
    return test::oauth_error(400, "invalid_grant", "The password is incorrect.");
  });
  ASSERT_EQ(tm.token().value_or(""), "first");
  c.clock.advance(seconds(600));
  fail = true;
  c.clock_reads = 0;
  auto results = every_thread_asks(tm);
  EXPECT_TRUE(all_waiting);
  // One refresh grant plus its password fallback: a single fetch for all callers.
  EXPECT_EQ(c.posts, 3);
  for (auto const& s : results) EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
}

TEST_F(TokenManagerSingleFlight, InTheRenewalWindowOthersKeepUsingTheOldToken) {
  Counted c;
  std::atomic<int> fetches{0};
  std::atomic<bool> release{false};
  auto tm = manager(c, [&]() -> Result<HttpResponse> {
    if (++fetches == 1) return token_answer("old");
    while (!release) std::this_thread::yield();
    return token_answer("new");
  });
  ASSERT_EQ(tm.token().value_or(""), "old");
  c.clock.advance(seconds(545));  // due for renewal, still valid
  std::thread renewer([&] { EXPECT_EQ(tm.token().value_or(""), "new"); });
  while (fetches < 2) std::this_thread::yield();
  EXPECT_EQ(tm.token().value_or(""), "old");  // does not wait for the renewal
  release = true;
  renewer.join();
  EXPECT_EQ(tm.token().value_or(""), "new");
}

// ---- credential errors ----------------------------------------------------------------

TEST(ClientAuthErrors, WrongApiKey) {
  FakeFlowii fake;
  auto options = fake.options();
  options.credentials.api_key = "wrong-key-123";
  Client client(options);
  auto s = client.partners().get("7").status();
  EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(s.http_status(), 401);
  EXPECT_EQ(s.oauth_error(), "invalid_client");
  EXPECT_NE(s.message().find("API key"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("FLOWII_API_KEY"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("The API key is not valid."), std::string::npos) << s.message();
  EXPECT_EQ(s.request(), "POST /token");
  expect_no_secrets(s, {"wrong-key-123"});
  EXPECT_EQ(fake.trace(), (std::vector<std::string>{"POST /token"}));
}

TEST(ClientAuthErrors, WrongUserAndWrongPasswordSayUserNameOrPassword) {
  for (auto const& [user, password, description] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"nobody@example.com", test::kPassword, "The user name is not registered."},
           {test::kUser, "wrong-pass-987", "The password is incorrect."}}) {
    FakeFlowii fake;
    auto options = fake.options();
    options.credentials.username = user;
    options.credentials.password = password;
    Client client(options);
    auto s = client.partners().get("7").status();
    EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
    EXPECT_EQ(s.http_status(), 400);
    EXPECT_EQ(s.oauth_error(), "invalid_grant");
    EXPECT_EQ(s.oauth_error_description(), description);
    EXPECT_NE(s.message().find("FLOWII_USERNAME"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("FLOWII_PASSWORD"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(description), std::string::npos) << s.message();
    EXPECT_EQ(s.message().find("API key"), std::string::npos) << s.message();
    expect_no_secrets(s, {password});
    EXPECT_EQ(fake.token_requests().size(), 1u);  // a wrong login is not retried
  }
}

TEST(ClientAuthErrors, EchoedSecretsAreMaskedInTheExcerpt) {
  FakeFlowii fake;
  fake.token_endpoint = [](HttpRequest const& r) {
    HttpResponse page;
    page.status = 400;
    page.headers.emplace_back("Content-Type", "text/html");
    page.body = "<html><body>Bad request: " + r.body + "</body></html>";
    return page;
  };
  auto client = fake.client();
  auto s = client.partners().get("7").status();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);  // an HTML page is no OAuth answer: the base URL is suspect
  EXPECT_FALSE(s.body_excerpt().empty());
  expect_no_secrets(s, {"p%26ss", "w%3Drd"});
}

TEST(ClientAuthErrors, JsonApiShapedTokenErrorIsReadLikeOAuth) {
  // Whether FLOWii's token errors use the OAuth or the JSON:API shape is not
  // documented; the same advice must come out of both.
  FakeFlowii fake;
  fake.token_endpoint = [](HttpRequest const&) {
    return test::json_response(
        400,
        R"({"errors":[{"status":"400","code":"invalid_grant","title":"Bad Request","detail":"The password is incorrect."}]})");
  };
  auto client = fake.client();
  auto s = client.partners().get("7").status();
  EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(s.oauth_error(), "invalid_grant");
  EXPECT_NE(s.message().find("FLOWII_PASSWORD"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("The password is incorrect."), std::string::npos) << s.message();
  ASSERT_EQ(s.errors().size(), 1u);
}

TEST(ClientAuthErrors, TokenAnswerWithoutAccessToken) {
  FakeFlowii fake;
  fake.token_endpoint = [](HttpRequest const&) { return test::json_response(200, R"({"token_type": "bearer"})"); };
  auto client = fake.client();
  auto s = client.partners().get("7").status();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_NE(s.message().find("access_token"), std::string::npos) << s.message();
}

// ---- configuration --------------------------------------------------------------------

TEST(ClientConfig, MissingCredentialsNameTheVariables) {
  FakeFlowii fake;
  auto options = fake.options();
  options.credentials.api_key.clear();
  options.credentials.password.clear();
  Client client(options);
  auto s = client.partners().get("7").status();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(s.message().find("FLOWII_API_KEY"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("FLOWII_PASSWORD"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("FLOWII_USERNAME"), std::string::npos) << s.message();
  EXPECT_EQ(client.session().status().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(fake.requests().empty());
}

TEST(ClientConfig, PlainHttpOnlyToLoopbackUnlessAllowed) {
  FakeFlowii fake;
  auto with_url = [&](std::string const& url, bool allow = false) {
    auto options = fake.options();
    options.base_url = url;
    options.allow_insecure_http = allow;
    return Client(options).session().status();
  };
  for (auto const* url : {"http://example.com", "http://api.flowii.com/", "HTTP://example.com",
                          "http://127.0.0.1.nip.io", "http://127.evil.example", "http://localhost.evil.example"}) {
    auto s = with_url(url);
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << url;
    EXPECT_NE(s.message().find("allow_insecure_http"), std::string::npos) << url << ": " << s.message();
  }
  EXPECT_TRUE(fake.requests().empty());
  for (auto const* url : {"https://api.example.com", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:1",
                          "http://127.1.2.3"}) {
    EXPECT_TRUE(with_url(url).ok()) << url << ": " << with_url(url).to_string();
  }
  EXPECT_TRUE(with_url("http://example.com", true).ok());
  for (auto const* url : {"ftp://example.com", "api.flowii.com", "https://user:pw@api.flowii.com", "https://"}) {
    EXPECT_EQ(with_url(url).code(), ErrorCode::kInvalidArgument) << url;
  }
}

TEST(ClientConfig, TrailingSlashesOfTheBaseUrlAreDropped) {
  FakeFlowii fake;
  serve_partner(fake);
  auto options = fake.options();
  options.base_url = std::string(test::kBaseUrl) + "//";
  Client client(options);
  ASSERT_TRUE(client.partners().get("7").ok());
  EXPECT_EQ(fake.requests().front().url, std::string(test::kBaseUrl) + "/token");
}

/// Sets or unsets environment variables for one test and restores them afterwards.
class ScopedEnv {
 public:
  ScopedEnv& set(char const* name, char const* value) {
    remember(name);
    if (value == nullptr) {
      ::unsetenv(name);
    } else {
      ::setenv(name, value, 1);
    }
    return *this;
  }
  ~ScopedEnv() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) {
        ::setenv(it->first.c_str(), it->second->c_str(), 1);
      } else {
        ::unsetenv(it->first.c_str());
      }
    }
  }

 private:
  void remember(char const* name) {
    char const* old = std::getenv(name);
    saved_.emplace_back(name, old == nullptr ? std::nullopt : std::optional<std::string>(old));
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(ClientConfig, FromEnvReadsTheVariables) {
  ScopedEnv env;
  env.set("FLOWII_API_URL", "https://flowii.example.com")
      .set("FLOWII_API_KEY", "k")
      .set("FLOWII_USERNAME", "u@example.com")
      .set("FLOWII_PASSWORD", "p")
      .set("FLOWII_COMPANY_ID", "42")
      .set("FLOWII_LOG", "debug");
  auto o = ClientOptions::from_env();
  ASSERT_TRUE(o.ok()) << o.status().to_string();
  EXPECT_EQ(o->base_url, "https://flowii.example.com");
  EXPECT_EQ(o->credentials.api_key, "k");
  EXPECT_EQ(o->credentials.username, "u@example.com");
  EXPECT_EQ(o->credentials.password, "p");
  EXPECT_EQ(o->company_id, "42");
  EXPECT_EQ(o->log.level, LogLevel::kDebug);
  EXPECT_TRUE(Client::from_env().ok());
}

TEST(ClientConfig, FromEnvDefaultsAndMissingVariables) {
  ScopedEnv env;
  env.set("FLOWII_API_URL", nullptr)
      .set("FLOWII_API_KEY", nullptr)
      .set("FLOWII_USERNAME", "u@example.com")
      .set("FLOWII_PASSWORD", "")
      .set("FLOWII_COMPANY_ID", nullptr)
      .set("FLOWII_LOG", nullptr);
  auto o = ClientOptions::from_env();
  EXPECT_EQ(o.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(o.status().message().find("FLOWII_API_KEY"), std::string::npos) << o.status().message();
  EXPECT_NE(o.status().message().find("FLOWII_PASSWORD"), std::string::npos) << o.status().message();
  EXPECT_EQ(o.status().message().find("FLOWII_USERNAME"), std::string::npos) << o.status().message();
  EXPECT_EQ(Client::from_env().status().code(), ErrorCode::kInvalidArgument);

  env.set("FLOWII_API_KEY", "k").set("FLOWII_PASSWORD", "p");
  auto ok = ClientOptions::from_env();
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_EQ(ok->base_url, "https://api.flowii.com");
  EXPECT_EQ(ok->company_id, "");
  EXPECT_EQ(ok->log.level, LogLevel::kOff);
}

}  // namespace
}  // namespace flowii
