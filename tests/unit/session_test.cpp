// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The session bootstrap: choosing the company, reading the user, doing it once.
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

namespace flowii {
namespace {

using test::FakeFlowii;

class SessionTest : public ::testing::Test {
 protected:
  SessionTest() {
    fake_.companies = {{"1", "Firma 1"}, {"22", "Stavby s.r.o."}, {"333", "Firma 3"}};
    fake_.user_id = "11142";
    fake_.user_name = "Nováková Jana";
    fake_.on("GET", "/partners/7", [](HttpRequest const&) { return test::ok_json(test::partner_json("7")); });
  }
  Result<Session> session() { return Client(options_).session(); }

  FakeFlowii fake_;
  ClientOptions options_ = fake_.options();
};

TEST_F(SessionTest, CompanyChosenById) {
  options_.company_id = "22";
  options_.company_name = "Firma 3";  // the id wins
  Client client(options_);
  auto s = client.session();
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->company_id, "22");
  EXPECT_EQ(s->company_name, "Stavby s.r.o.");
  ASSERT_EQ(s->companies.size(), 3u);
  EXPECT_EQ(s->companies[2].id(), "333");
  EXPECT_EQ(s->companies[2].name(), "Firma 3");
  auto self = fake_.requests_to("GET", "/users/self");
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(test::query_of(self[0]), (test::QueryList{{"companyId", "22"}}));
  ASSERT_TRUE(client.partners().get("7").ok());
  EXPECT_EQ(test::query_param(fake_.requests_to("GET", "/partners/7").at(0), "companyId"), "22");
}

TEST_F(SessionTest, CompanyChosenByName) {
  options_.company_name = "Firma 3";
  auto s = session();
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->company_id, "333");
  EXPECT_EQ(s->company_name, "Firma 3");
}

TEST_F(SessionTest, TheOnlyCompanyNeedsNoChoiceAndTheUserComesFromUsersSelf) {
  fake_.companies = {{"42", "Jediná firma"}};
  auto s = session();
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->company_id, "42");
  EXPECT_EQ(s->company_name, "Jediná firma");
  EXPECT_EQ(s->user_id, "11142");
  EXPECT_EQ(s->user_name, "Nováková Jana");
  EXPECT_EQ(test::query_param(fake_.requests_to("GET", "/users/self").at(0), "companyId"), "42");
}

TEST_F(SessionTest, SeveralCompaniesWithoutAChoiceListEveryCompany) {
  auto s = session().status();
  EXPECT_EQ(s.code(), ErrorCode::kCompanySelection);
  for (auto const* text : {"1", "Firma 1", "22", "Stavby s.r.o.", "333", "Firma 3", "FLOWII_COMPANY_ID"}) {
    EXPECT_NE(s.message().find(text), std::string::npos) << text << " not in: " << s.message();
  }
  EXPECT_EQ(fake_.count("GET", "/users/self"), 0u);
}

TEST_F(SessionTest, UnknownIdOrNameIsACompanySelectionError) {
  options_.company_id = "999";
  auto by_id = session().status();
  EXPECT_EQ(by_id.code(), ErrorCode::kCompanySelection);
  EXPECT_NE(by_id.message().find("999"), std::string::npos) << by_id.message();
  EXPECT_NE(by_id.message().find("Stavby s.r.o."), std::string::npos) << by_id.message();

  options_.company_id.clear();
  options_.company_name = "Firma";  // names match exactly, not by prefix
  auto by_name = session().status();
  EXPECT_EQ(by_name.code(), ErrorCode::kCompanySelection);
  EXPECT_NE(by_name.message().find("'Firma'"), std::string::npos) << by_name.message();
  EXPECT_EQ(fake_.count("GET", "/users/self"), 0u);
}

TEST_F(SessionTest, AmbiguousNameIsACompanySelectionError) {
  fake_.companies = {{"1", "Firma"}, {"2", "Firma"}};
  options_.company_name = "Firma";
  auto s = session().status();
  EXPECT_EQ(s.code(), ErrorCode::kCompanySelection);
  EXPECT_NE(s.message().find("company id"), std::string::npos) << s.message();
}

TEST_F(SessionTest, NoCompanyAtAll) {
  fake_.companies.clear();
  auto s = session().status();
  EXPECT_EQ(s.code(), ErrorCode::kCompanySelection);
  EXPECT_NE(s.message().find("no company"), std::string::npos) << s.message();
}

TEST_F(SessionTest, BootstrapHappensOnceForManyCalls) {
  options_.company_id = "1";
  Client client(options_);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(client.partners().get("7").ok());
  ASSERT_TRUE(client.session().ok());
  Client copy = client;  // copies share the session
  ASSERT_TRUE(copy.partners().get("7").ok());
  EXPECT_EQ(fake_.count("GET", "/companies"), 1u);
  EXPECT_EQ(fake_.count("GET", "/users/self"), 1u);
  EXPECT_EQ(fake_.token_requests().size(), 1u);
  EXPECT_EQ(fake_.count("GET", "/partners/7"), 6u);
}

TEST_F(SessionTest, AFailedBootstrapIsTriedAgainByTheNextCall) {
  options_.company_id = "1";
  std::atomic<int> lists{0};
  fake_.on("GET", "/companies", [this, &lists](HttpRequest const& r) -> Result<HttpResponse> {
    if (++lists == 1) return test::api_error(403, "Forbidden");
    return fake_.standard(r);
  });
  Client client(options_);
  auto first = client.partners().get("7");
  EXPECT_EQ(first.status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(first.status().request(), "GET /companies");
  EXPECT_EQ(fake_.count("GET", "/partners/7"), 0u);
  ASSERT_TRUE(client.partners().get("7").ok());  // the failure is not cached
  EXPECT_EQ(fake_.count("GET", "/companies"), 2u);
  EXPECT_EQ(fake_.token_requests().size(), 1u);
}

TEST_F(SessionTest, UsersSelfErrorsFailTheSession) {
  options_.company_id = "1";
  fake_.on("GET", "/users/self", [](HttpRequest const&) { return test::ok_json(nullptr); });
  auto no_user = session().status();
  EXPECT_EQ(no_user.code(), ErrorCode::kInvalidResponse);
  EXPECT_EQ(no_user.request(), "GET /users/self");

  FakeFlowii other;
  other.on("GET", "/users/self", [](HttpRequest const&) { return test::api_error(403, "Forbidden"); });
  auto denied = Client(other.options()).session().status();
  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(denied.request(), "GET /users/self");
}

TEST_F(SessionTest, CompaniesListsTheAccessList) {
  Client client(options_);
  auto list = client.companies();
  ASSERT_TRUE(list.ok()) << list.status().to_string();
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[1].id(), "22");
  EXPECT_EQ((*list)[1].name(), "Stavby s.r.o.");
  EXPECT_EQ(fake_.count("GET", "/users/self"), 0u);  // no session needed
}

TEST(SessionAnswers, TheSessionChecksTheCompaniesAndTheUserItReads) {
  // A base URL whose /companies or /users/self lists something else must not
  // become a session: the company and user ids would be another record's.
  for (char const* path : {"/companies", "/users/self"}) {
    test::FakeFlowii fake;
    std::string const p = path;
    fake.on("GET", p, [p](HttpRequest const&) -> Result<HttpResponse> {
      if (p == "/companies") return test::ok_json(test::json::array({test::resource("partner", "1")}));
      return test::ok_json(test::resource("partner", "1"));
    });
    auto session = Client(fake.options()).session();
    ASSERT_FALSE(session) << path;
    EXPECT_EQ(session.status().code(), ErrorCode::kInvalidResponse) << session.status().to_string();
    EXPECT_NE(session.status().message().find("\"partner\""), std::string::npos) << session.status().message();
  }
}

}  // namespace
}  // namespace flowii
