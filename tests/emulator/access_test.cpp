// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What every business call must carry (Api-Key, Bearer, companyId) and the
// errors for unknown paths, methods and parameters.
#include <set>

#include "support.hpp"

namespace emu_test {
namespace {

using Access = EmulatorTest;

TEST_F(Access, MissingOrWrongApiKeyIs401) {
  auto headers = api().auth_headers();
  headers.erase("Api-Key");
  auto reply = api().send("GET", api().target("/partners", {}), headers);
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.error()["detail"], "The API key is missing or not valid.");
  EXPECT_EQ(reply.header("Content-Type"), "application/vnd.api+json");

  headers.emplace("Api-Key", "wrong");
  EXPECT_EQ(api().send("GET", api().target("/partners", {}), headers).status, 401);
}

TEST_F(Access, BearerTokenIsRequiredAndChecked) {
  auto reply = api().send("GET", api().target("/partners", {}), {{"Api-Key", "demo-api-key"}});
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.header("WWW-Authenticate"), "Bearer realm=\"flowii\"");  // no token, no error code

  reply =
      api().send("GET", api().target("/partners", {}), {{"Api-Key", "demo-api-key"}, {"Authorization", "Bearer nope"}});
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.header("WWW-Authenticate"), "Bearer realm=\"flowii\", error=\"invalid_token\"");
}

TEST_F(Access, CompanyIdIsRequiredExceptForCompanies) {
  auto const reply = api().send("GET", "/partners", api().auth_headers());
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error()["source"]["parameter"], "companyId");

  auto const companies = api().send("GET", "/companies", api().auth_headers());
  ASSERT_EQ(companies.status, 200) << companies.body;
  ASSERT_EQ(companies.doc["data"].size(), 2u);
  EXPECT_EQ(companies.doc["data"][0]["type"], "company");
  EXPECT_EQ(companies.doc["data"][0]["id"], "1");
  EXPECT_EQ(companies.doc["data"][0]["attributes"]["name"], "Demo Firma s.r.o.");
  EXPECT_EQ(companies.doc["data"][1]["attributes"]["name"], "Minta Kft.");
}

TEST_F(Access, CompanyIdNameIsCaseInsensitive) {
  auto const reply = api().send("GET", "/users/self?companyid=1", api().auth_headers());
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(api().send("GET", "/users/self?companyId=abc", api().auth_headers()).status, 400);
}

TEST_F(Access, ForeignCompanyIs403) {
  Api solo(emu(), "1", "solo@flowii.example", "solo-password");
  auto const reply = solo.get("/partners");
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(reply.error()["status"], "403");
  EXPECT_EQ(api().get("/partners", {{"companyId", "99"}}).status, 400);  // two different companyIds
  Api unknown(emu(), "99");
  EXPECT_EQ(unknown.get("/partners").status, 403);

  Api solo_own(emu(), "2", "solo@flowii.example", "solo-password");
  EXPECT_EQ(solo_own.get("/partners").status, 200);
  auto const companies = solo_own.send("GET", "/companies", solo_own.auth_headers());
  ASSERT_EQ(companies.doc["data"].size(), 1u);
  EXPECT_EQ(companies.doc["data"][0]["id"], "2");
}

TEST_F(Access, UnknownPathIs404WithoutAuth) {
  for (auto const* path : {"/nope", "/api/v1/partners", "/partners/abc", "/partners/index"}) {
    auto const reply = api().send("GET", path, {});
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_EQ(reply.error()["status"], "404");
  }
}

TEST_F(Access, WrongMethodIs405WithAllow) {
  auto reply =
      api().send("PUT", api().target("/partners/1", {}), api().auth_headers(), "{}", "application/vnd.api+json");
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("Allow"), "DELETE, GET, PATCH");
  reply = api().send("DELETE", api().target("/partners", {}), api().auth_headers());
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("Allow"), "GET, POST");
}

TEST_F(Access, UnknownQueryParametersAre400) {
  auto reply = api().get("/partners", {{"filter[nope]", "1"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error()["source"]["parameter"], "filter[nope]");
  reply = api().get("/partners", {{"include", "contacts"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(api().get("/partners/customfields", {{"page[size]", "1"}}).status, 200);  // code lists ignore paging
}

TEST_F(Access, MissingResourceIs404) {
  EXPECT_EQ(api().get("/partners/99999999").status, 404);
  EXPECT_EQ(api().get("/users/99999999").status, 404);
}

TEST_F(Access, EveryResponseCarriesVersionAndUniqueRequestId) {
  std::set<std::string> ids;
  for (auto const& reply : {api().get("/countries"), api().get("/nope"), api().token_request("x=y"),
                            api().send("GET", "/_emulator/health", {})}) {
    EXPECT_EQ(reply.header("X-Flowii-Emulator-Version"), flowii::emulator::version);
    EXPECT_FALSE(reply.header("X-Request-Id").empty());
    ids.insert(reply.header("X-Request-Id"));
  }
  EXPECT_EQ(ids.size(), 4u);
}

}  // namespace
}  // namespace emu_test
