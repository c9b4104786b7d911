// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The SDK against every variant of what is unknown about FLOWii (whether
// links.next is sent, 429 or 403 for "quota exceeded", Retry-After as seconds,
// HTTP-date or not at all, the token error shape): it has to work whichever
// one turns out to be real. Nothing sleeps: the SDK's sleep moves both clocks.
#include "integration/emulator_fixture.hpp"

#include <ostream>
#include <set>

namespace flowii::test {
namespace {

using emulator::RetryAfterForm;
using emulator::TokenErrorShape;

struct Variant {
  char const* name;
  bool next_links;
  int quota_status;
  RetryAfterForm retry_after;
  TokenErrorShape token_errors;
};

// FLOWii's likeliest behaviour first, then each unknown changed on its own.
Variant const kVariants[] = {
    {"Likeliest", false, 429, RetryAfterForm::kSeconds, TokenErrorShape::kOAuth},
    {"NextLinks", true, 429, RetryAfterForm::kSeconds, TokenErrorShape::kOAuth},
    {"RetryAfterHttpDate", false, 429, RetryAfterForm::kHttpDate, TokenErrorShape::kOAuth},
    {"NoRetryAfter", false, 429, RetryAfterForm::kNone, TokenErrorShape::kOAuth},
    {"Quota403", false, 403, RetryAfterForm::kSeconds, TokenErrorShape::kOAuth},
    {"Quota403NoRetryAfter", false, 403, RetryAfterForm::kNone, TokenErrorShape::kOAuth},
    {"JsonApiTokenErrors", false, 429, RetryAfterForm::kSeconds, TokenErrorShape::kJsonApi},
};

class VariantTest : public EmulatorTest, public ::testing::WithParamInterface<Variant> {
 protected:
  void configure(emulator::Options& o) override {
    o.send_next_links = GetParam().next_links;
    o.quota_status = GetParam().quota_status;
    o.retry_after = GetParam().retry_after;
    o.token_errors = GetParam().token_errors;
  }

  // A fake sleep, and backoff that covers a rate window when no Retry-After says how long.
  ClientOptions variant_options() {
    auto o = options();
    o.sleep = [this](std::chrono::milliseconds d) {
      slept_ += d;
      advance(std::chrono::ceil<std::chrono::seconds>(d));
    };
    o.retry.initial_backoff = std::chrono::seconds(1);
    o.retry.max_backoff = std::chrono::seconds(30);
    o.retry.jitter = 0;
    o.retry.max_attempts = 6;  // waits 1+2+4+8+16 s
    return o;
  }

  // The failure of a session started with these credentials.
  Status failed_login(Credentials credentials) {
    auto o = variant_options();
    o.credentials = std::move(credentials);
    auto session = Client(o).session();
    EXPECT_FALSE(session);
    return session ? Status() : session.status();
  }

  std::size_t answered(int status) {
    std::size_t n = 0;
    for (auto const& e : emu().journal()) n += e.status == status ? 1 : 0;
    return n;
  }

  std::chrono::milliseconds slept_{0};
};

constexpr int kRateLimit = 4;
// Several seconds, so that a window's end (an HTTP-date, in whole seconds) is
// a wait of whole seconds; under RetryOptions::max_retry_after.
constexpr std::chrono::seconds kRateWindow{10};

class RateLimitedVariantTest : public VariantTest {
 protected:
  void configure(emulator::Options& o) override {
    VariantTest::configure(o);
    o.rate_limit = kRateLimit;
    o.rate_window = kRateWindow;
  }
};

TEST_P(VariantTest, PagingListsEveryPartnerOnce) {
  Client c(variant_options());
  auto whole = c.partners().list_page(PartnerQuery().page_size(1000));
  ASSERT_TRUE(whole) << whole.status().to_string();
  std::set<std::string> ids;
  auto pager = c.partners().list(PartnerQuery().page_size(7));
  for (auto const& p : pager) {
    ASSERT_TRUE(p) << p.status().to_string();
    EXPECT_TRUE(ids.insert(p->id()).second) << "duplicate " << p->id();
  }
  EXPECT_EQ(ids.size(), whole->items.size());
  int const full_pages = static_cast<int>((ids.size() + 6) / 7);
  // Without links.next the listing can only end on an empty page.
  EXPECT_EQ(pager.pages_fetched(), GetParam().next_links ? full_pages : full_pages + 1);
}

TEST_P(VariantTest, TokenErrorsNameTheCredentialToCheck) {
  Status const login = failed_login({emu().options().api_key, "demo@flowii.example", "not-the-password"});
  EXPECT_EQ(login.code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(login.http_status(), 400);
  EXPECT_EQ(login.message().find("not-the-password"), std::string::npos);  // secrets never shown
  if (GetParam().token_errors == TokenErrorShape::kOAuth) {
    EXPECT_EQ(login.oauth_error(), "invalid_grant");
    EXPECT_NE(login.message().find("FLOWII_PASSWORD"), std::string::npos) << login.message();
  } else {
    ASSERT_EQ(login.errors().size(), 1u);
    EXPECT_EQ(login.errors()[0].code, "invalid_grant");
    EXPECT_FALSE(login.errors()[0].detail.empty());
  }
  // Either shape gives the same advice.
  EXPECT_NE(login.message().find("FLOWII_PASSWORD"), std::string::npos) << login.message();

  Status const key = failed_login({"not-the-key", "demo@flowii.example", "demo-password"});
  EXPECT_EQ(key.code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(key.http_status(), 401);
  EXPECT_NE(key.message().find("FLOWII_API_KEY"), std::string::npos) << key.message();
}

TEST_P(RateLimitedVariantTest, QuotaRefusalsAreWaitedFor) {
  auto options = variant_options();
  options.rate_limit.adaptive = false;  // its pace would spare the second refusal (tests/unit/quota_hold_test.cpp)
  Client c(options);
  int const calls = 10;  // with the token call: over the limit twice
  // A quota answer — 429, or 403 with "quota exceeded" in its title — is an explicit
  // refusal: the SDK waits (Retry-After, else its backoff) and tries again.
  for (int i = 0; i < calls; ++i) {
    auto page = c.partners().list_page(PartnerQuery().page_size(1));
    ASSERT_TRUE(page) << i << ": " << page.status().to_string();
  }
  EXPECT_GE(answered(GetParam().quota_status), 2u);
  EXPECT_GE(slept_, std::chrono::milliseconds(kRateWindow));
}

TEST_P(RateLimitedVariantTest, AQuotaRefusalBeyondTheRetriesIsReportedAsRateLimited) {
  auto options = variant_options();
  options.retry.max_attempts = 1;
  Client c(options);
  Result<Page<Partner>> page = c.partners().list_page();
  for (int i = 0; i < 10 && page; ++i) page = c.partners().list_page();
  ASSERT_FALSE(page);
  Status const& s = page.status();
  EXPECT_EQ(s.code(), ErrorCode::kRateLimited) << s.to_string();
  EXPECT_EQ(s.http_status(), GetParam().quota_status);
  ASSERT_FALSE(s.errors().empty());
  EXPECT_NE(s.errors()[0].title.find("quota exceeded"), std::string::npos) << s.to_string();
  ASSERT_EQ(s.retry_after().has_value(), GetParam().retry_after != RetryAfterForm::kNone);
  if (s.retry_after()) {
    EXPECT_GE(*s.retry_after(), std::chrono::seconds(1));
    EXPECT_LE(*s.retry_after(), kRateWindow);
  }
  advance(kRateWindow);
  auto later = c.partners().list_page();
  EXPECT_TRUE(later) << later.status().to_string();
}

std::string variant_name(::testing::TestParamInfo<Variant> const& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Flowii, VariantTest, ::testing::ValuesIn(kVariants), variant_name);
INSTANTIATE_TEST_SUITE_P(Flowii, RateLimitedVariantTest, ::testing::ValuesIn(kVariants), variant_name);

}  // namespace
}  // namespace flowii::test
