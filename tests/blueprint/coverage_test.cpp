// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Coverage proof: every action (method + URI template) of FLOWii's official
// blueprint is reached by a typed SDK method and served by the emulator.
//  - SDK: every typed method is called once against a recording transport; each
//    recorded request is matched to the blueprint's templates.
//  - Emulator: every action is sent to an in-process emulator; "no such route" (404
//    with the emulator's unknown-path error) or 405 means the action is missing.
#include "blueprint/fixture.hpp"
#include "blueprint/sdk_calls.hpp"

#include <flowii/flowii.hpp>
#include <flowii/testing/fake_transport.hpp>

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>

#ifdef FLOWII_HAVE_EMULATOR
#include <flowii/emulator/emulator.hpp>
#endif

namespace flowii::test {
namespace {

using testing::FakeTransport;
using testing::json_response;

class CoverageTest : public BlueprintTest {
 protected:
  void SetUp() override {
    BlueprintTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_EQ(actions_.size(), 135u) << "the blueprint should document 135 actions";
  }

  /// The blueprint action a concrete request belongs to, or nullptr.
  BlueprintAction const* match(std::string const& method, std::string const& path) const {
    BlueprintAction const* best = nullptr;
    for (auto const& a : actions_) {
      if (a.method != method || !path_matches(a.path, path)) continue;
      // Prefer literal segments over parameters (/users/self over /users/{id}).
      if (best == nullptr ||
          std::count(a.path.begin(), a.path.end(), '{') < std::count(best->path.begin(), best->path.end(), '{')) {
        best = &a;
      }
    }
    return best;
  }
};

// Answers every request with a plausible FLOWii document, so every SDK method runs
// to completion; the point is what was sent.
Result<HttpResponse> any_answer(HttpRequest const& request) {
  auto path = request.url.substr(request.url.find('/', request.url.find("://") + 3));
  path = path.substr(0, path.find('?'));
  if (path == "/token") {
    return json_response(200, R"({"access_token":"t","token_type":"bearer","expires_in":599,"refresh_token":"r"})");
  }
  if (path == "/companies")
    return json_response(200, R"({"data":[{"type":"company","id":"1","attributes":{"name":"A"}}]})");
  if (path == "/users/self") {  // the session checks the type of what it reads
    return json_response(200, R"({"data":{"type":"user","id":"7","attributes":{"name":"U"}}})");
  }
  if (request.method == "GET") {
    return json_response(200, R"({"data":{"type":"thing","id":"1","attributes":{"content":"AA=="}}})");
  }
  return json_response(200, R"({"data":{"type":"thing","id":"1","attributes":{}}})");
}

TEST_F(CoverageTest, EveryDocumentedActionHasATypedSdkMethod) {
  auto transport = std::make_shared<FakeTransport>(any_answer);
  ClientOptions o;
  o.base_url = "http://127.0.0.1:1";
  o.credentials = Credentials{"k", "u", "p"};
  o.transport = transport;
  Client client(o);
  for (auto const& call : sdk_calls()) call(client);

  std::set<std::string> covered;
  for (auto const& r : transport->requests()) {
    auto path = r.url.substr(r.url.find('/', r.url.find("://") + 3));
    path = path.substr(0, path.find('?'));
    if (auto a = match(r.method, path)) covered.insert(a->key());
  }
  for (auto const& a : actions_) {
    EXPECT_TRUE(covered.count(a.key()) == 1)
        << "no SDK method reaches " << a.key() << " (" << a.group << " > " << a.title << ")";
  }
  std::cout << "SDK coverage: " << covered.size() << "/" << actions_.size() << " documented actions\n";
}

#ifdef FLOWII_HAVE_EMULATOR
// Example values for the query parameters a URI template declares (page and filter
// stay out: FLOWii's are page[number] and filter[x], which templates cannot express).
std::string example_query(std::string const& uri_template) {
  static std::map<std::string, std::string> const kValues{{"companyId", "1"},          {"documentType", "4"},
                                                          {"companyDataId", "1"},      {"language", "sk"},
                                                          {"includeContacts", "true"}, {"includeMessages", "true"}};
  auto open = uri_template.find("{?");
  if (open == std::string::npos) return {};
  std::string names = uri_template.substr(open + 2, uri_template.find('}', open) - open - 2);
  std::string query;
  std::size_t start = 0;
  while (start <= names.size()) {
    auto comma = names.find(',', start);
    std::string name = names.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (auto v = kValues.find(name); v != kValues.end()) query += (query.empty() ? "?" : "&") + name + "=" + v->second;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return query;
}

TEST_F(CoverageTest, EveryDocumentedActionIsServedByTheEmulator) {
  emulator::Emulator emu;
  emu.start();
  auto transport = make_curl_transport();
  // A token for the demo user.
  HttpRequest token{"POST",
                    emu.base_url() + "/token",
                    {{"Api-Key", emu.options().api_key}, {"Content-Type", "application/x-www-form-urlencoded"}},
                    "grant_type=password&username=demo%40flowii.example&password=demo-password"};
  auto t = transport->send(token);
  ASSERT_TRUE(t && t->status == 200);
  auto access = t->body.substr(t->body.find("\"access_token\":\"") + 16);
  access = access.substr(0, access.find('"'));

  int served = 0;
  for (auto const& a : actions_) {
    std::string path = a.path;
    for (auto pos = path.find('{'); pos != std::string::npos; pos = path.find('{')) {
      path.replace(pos, path.find('}', pos) - pos + 1, "1");
    }
    HttpRequest r{
        a.method,
        emu.base_url() + path + example_query(a.uri_template),
        {{"Api-Key", emu.options().api_key},
         {"Authorization", "Bearer " + access},
         {"Content-Type", a.path == "/token" ? "application/x-www-form-urlencoded" : "application/vnd.api+json"},
         {"Accept", "application/vnd.api+json"}},
        a.method == "GET" || a.method == "DELETE" ? "" : "{}"};
    auto response = transport->send(r);
    ASSERT_TRUE(response) << a.key() << ": " << response.status().to_string();
    bool unknown_route =
        response->status == 405 ||
        (response->status == 404 && response->body.find("There is no resource at") != std::string::npos);
    EXPECT_FALSE(unknown_route) << "the emulator does not serve " << a.key() << " (" << a.title << ")";
    served += unknown_route ? 0 : 1;
  }
  std::cout << "emulator coverage: " << served << "/" << actions_.size() << " documented actions\n";
}
#endif

}  // namespace
}  // namespace flowii::test
