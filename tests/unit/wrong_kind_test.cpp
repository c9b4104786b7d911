// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Proves that an answer of the wrong kind is an error, never a wrong object: typed
// calls check that `data` has the model's type and the call's shape; HTML, other
// media types and JSON that is not JSON:API are kInvalidResponse at any status,
// with the base-URL hint where the body cannot be FLOWii's (also on POST /token);
// ids with '/' are percent-encoded into one path segment.
#include <flowii/flowii.hpp>
#include <flowii/testing/fake_transport.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace flowii {
namespace {

using nlohmann::json;
using testing::FakeTransport;
using testing::json_response;
using testing::path_of;

constexpr char kPartnerPath[] = "/partners/7";

json resource(std::string const& type, std::string const& id) {
  return json{{"type", type}, {"id", id}, {"attributes", json::object()}};
}

HttpResponse document(json data) { return json_response(200, json{{"data", std::move(data)}}.dump()); }

HttpResponse answer(int status, std::string const& content_type, std::string body) {
  HttpResponse r;
  r.status = status;
  if (!content_type.empty()) r.headers.emplace_back("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}

HttpResponse html(int status) {
  return answer(status, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head>"
                "<body>Server Error</body></html>");
}

bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

// kInvalidResponse whose message says `says`.
void expect_wrong_kind(Status const& s, std::string const& says) {
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse) << s.to_string();
  EXPECT_TRUE(contains(s.message(), says)) << s.message();
}

// The message names FLOWII_API_URL and the base_url option.
void expect_base_url_hint(Status const& s) {
  EXPECT_TRUE(contains(s.message(), "FLOWII_API_URL")) << s.message();
  EXPECT_TRUE(contains(s.message(), "base_url")) << s.message();
}

void expect_no_base_url_hint(Status const& s) { EXPECT_FALSE(contains(s.message(), "FLOWII_API_URL")) << s.message(); }

class WrongKind : public ::testing::Test {
 protected:
  WrongKind() : fake_(FakeTransport::with_session()), client_(options()) {}

  ClientOptions options() {
    auto o = fake_->client_options();
    o.retry.max_attempts = 1;  // one answer per call: the decoding is under test, not retries
    return o;
  }

  /// partners().get("7") answered with `response`.
  Status get_partner(HttpResponse const& response) {
    fake_->on("GET", kPartnerPath, response);
    auto r = client_.partners().get("7");
    EXPECT_FALSE(r.ok()) << "decoded a Partner from a wrong answer";
    return r.status();
  }

  std::shared_ptr<FakeTransport> fake_;
  Client client_;
};

// ---- type and shape of `data` -----------------------------------------------------

TEST_F(WrongKind, SubListAnsweredForAnItemIsAnInvalidResponseNamingBoth) {
  // What the emulator used to do with an id "100031/contacts": serve the contacts.
  fake_->on("GET", "/partners/100031%2Fcontacts",
            document(json::array({resource("contact", "1"), resource("contact", "2"), resource("contact", "3")})));
  auto r = client_.partners().get("100031/contacts");
  ASSERT_FALSE(r.ok());
  expect_wrong_kind(r.status(), R"(expected one "partner" resource, got an array of 3 "contact" resources)");
  EXPECT_EQ(r.status().http_status(), 200);
  EXPECT_EQ(r.status().request(), "GET /partners/100031%2Fcontacts");
  expect_no_base_url_hint(r.status());
}

TEST_F(WrongKind, ObjectOfAnotherTypeIsAnInvalidResponse) {
  auto s = get_partner(document(resource("contact", "7")));
  expect_wrong_kind(s, R"(expected one "partner" resource, got one "contact" resource)");
}

TEST_F(WrongKind, ArrayOfTheRightTypeWhereOneIsExpectedIsAnInvalidResponse) {
  // Taking the first item would hand back some partner, maybe not the one asked for.
  auto s = get_partner(document(json::array({resource("partner", "7")})));
  expect_wrong_kind(s, R"(expected one "partner" resource, got an array of 1 "partner" resource)");
}

TEST_F(WrongKind, ObjectWhereAnArrayIsExpectedIsAnInvalidResponse) {
  fake_->on("GET", "/partners", document(resource("partner", "7")));
  auto page = client_.partners().list_page();
  ASSERT_FALSE(page.ok());
  expect_wrong_kind(page.status(), R"(expected an array of "partner" resources, got one "partner" resource)");
}

TEST_F(WrongKind, ListItemsOfAnotherTypeAreAnInvalidResponse) {
  fake_->on("GET", "/partners/7/contacts",
            document(json::array({resource("contact", "1"), resource("partner", "7"), resource("user", "2")})));
  auto page = client_.partners().contacts("7");
  ASSERT_FALSE(page.ok());
  expect_wrong_kind(page.status(),
                    R"(expected an array of "contact" resources, got an array of 3 resources of the types )"
                    R"("contact", "partner", "user")");
}

TEST_F(WrongKind, CodeListOfAnotherTypeIsAnInvalidResponse) {
  fake_->on("GET", "/businessrelationships", document(json::array({resource("tag", "1")})));
  auto types = client_.partners().types().list();
  ASSERT_FALSE(types.ok());
  expect_wrong_kind(types.status(), R"(expected an array of "business-relationship" resources)");
}

TEST_F(WrongKind, MissingDataIsAnInvalidResponse) {
  auto s = get_partner(json_response(200, R"({"meta": {"total": 1}})"));
  expect_wrong_kind(s, R"(expected one "partner" resource, got a JSON object without "data")");
  EXPECT_TRUE(contains(s.message(), R"("meta")")) << s.message();
}

TEST_F(WrongKind, JsonThatIsNotJsonApiIsAnInvalidResponseWithoutTheBaseUrlHint) {
  for (char const* body : {R"([{"id": 7}])", R"({"id": 7, "name": "ACME"})", R"("partner")", "42"}) {
    auto s = get_partner(json_response(200, body));
    expect_wrong_kind(s, "not a JSON:API document");
    expect_no_base_url_hint(s);  // JSON: some API answered, the base URL is not the suspect
  }
}

TEST_F(WrongKind, EmptyBodyForOneResourceIsAnInvalidResponse) {
  auto s = get_partner(testing::empty_response(200));
  expect_wrong_kind(s, R"(expected one "partner" resource, got an empty body)");
}

TEST_F(WrongKind, CreateAnsweredWithAnotherTypeSaysTheRecordProbablyExists) {
  fake_->on("POST", "/partners", document(resource("contact", "9")));
  auto r = client_.partners().create(Partner().set_name("ACME"));
  ASSERT_FALSE(r.ok());
  expect_wrong_kind(r.status(), R"(expected one "partner" resource, got one "contact" resource)");
  EXPECT_TRUE(contains(r.status().message(), "probably exists")) << r.status().message();
}

// ---- bodies that are not FLOWii's --------------------------------------------------

TEST_F(WrongKind, HtmlPageWith200IsAnInvalidResponseWithTheBaseUrlHint) {
  auto s = get_partner(html(200));
  expect_wrong_kind(s, R"(expected one "partner" resource, got an HTML page (Content-Type text/html))");
  EXPECT_EQ(s.http_status(), 200);
  expect_base_url_hint(s);
}

TEST_F(WrongKind, HtmlIsRecognisedByItsFirstBytesWhateverTheContentType) {
  auto s = get_partner(json_response(200, "\n  <!doctype html><html><body>Maintenance</body></html>"));
  expect_wrong_kind(s, "an HTML page");
  expect_base_url_hint(s);
}

TEST_F(WrongKind, HtmlPageWith404IsAnInvalidResponseWithTheBaseUrlHint) {
  auto s = get_partner(html(404));
  expect_wrong_kind(s, "got an HTML page (Content-Type text/html) with HTTP 404");
  EXPECT_EQ(s.http_status(), 404);
  EXPECT_EQ(s.request(), "GET /partners/7");
  expect_base_url_hint(s);
  EXPECT_FALSE(s.body_excerpt().empty());
}

TEST_F(WrongKind, PlainTextIsAnInvalidResponseWithTheBaseUrlHintAtAnyStatus) {
  for (int status : {200, 404, 500}) {
    auto s = get_partner(answer(status, "text/plain", "Not Found"));
    expect_wrong_kind(s, "a text/plain body");
    EXPECT_EQ(s.http_status(), status);
    expect_base_url_hint(s);
  }
}

TEST_F(WrongKind, JsonErrorBodiesKeepTheirStatusMeaning) {
  // FLOWii's own error shapes are not "wrong kind": they map by HTTP status as before.
  auto s = get_partner(testing::error_response(404, "Not Found", "no partner 7"));
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  expect_no_base_url_hint(s);
}

TEST_F(WrongKind, UpdateAnsweredWithAnHtmlPageIsAnInvalidResponse) {
  // A catch-all web server answers 200 to anything: the change was never made.
  fake_->on("PATCH", kPartnerPath, html(200));
  Partner p;
  p.set_id("7");
  auto s = client_.partners().update(p);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  expect_base_url_hint(s);
}

TEST_F(WrongKind, RawCallsStayUntypedButAnHtmlErrorGetsTheBaseUrlHint) {
  fake_->on("GET", "/anything", document(resource("contact", "1")));
  auto ok = client_.raw().send("GET", "/anything");
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_TRUE(contains(ok->body, "contact"));

  fake_->on("GET", "/missing", html(404));
  auto bad = client_.raw().send("GET", "/missing");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidResponse);
  expect_base_url_hint(bad.status());
}

// ---- the token endpoint -----------------------------------------------------------

TEST_F(WrongKind, TokenEndpointHtml404IsAnInvalidResponseNotAnAuthError) {
  // A wrong base URL's 404 page, echoing the form it got: the secrets stay out.
  fake_->on("POST", "/token", [](HttpRequest const& r) {
    auto page = html(404);
    page.body = "<html><body>Not found: " + r.body + "</body></html>";
    return Result<HttpResponse>(page);
  });
  auto s = client_.partners().get("7").status();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_EQ(s.http_status(), 404);
  EXPECT_EQ(s.request(), "POST /token");
  EXPECT_TRUE(contains(s.message(), "POST /token answered HTTP 404 with an HTML page")) << s.message();
  expect_base_url_hint(s);
  EXPECT_FALSE(contains(s.message(), "FLOWII_API_KEY")) << s.message();
  for (auto const& secret : {"test-password", "test-api-key"}) {
    EXPECT_FALSE(contains(s.to_string(), secret)) << "secret in the error";
  }
  EXPECT_EQ(fake_->requests_to("GET", kPartnerPath).size(), 0u);
}

TEST_F(WrongKind, TokenEndpointHtmlOrTextIsAnInvalidResponseAtAnyStatus) {
  for (auto const& page :
       {html(200), html(401), answer(200, "text/plain", "access_token=x"), answer(400, "", "Bad Request")}) {
    auto fake = FakeTransport::with_session();
    fake->on("POST", "/token", page);
    auto o = fake->client_options();
    o.retry.max_attempts = 1;
    auto s = Client(o).partners().get("7").status();
    EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse) << page.status << " " << page.body;
    EXPECT_EQ(s.http_status(), page.status);
    expect_base_url_hint(s);
  }
}

// ---- what must still decode --------------------------------------------------------

TEST_F(WrongKind, ListWithNoBodyIsAnEmptyPage) {
  // Blueprint "Get order documents": 200 and no body.
  fake_->on("GET", "/orders/5/documents", testing::empty_response(200));
  auto page = client_.orders().documents("5");
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_TRUE(page->items.empty());
  EXPECT_TRUE(page->last);
}

TEST_F(WrongKind, ListWithNullDataIsAnEmptyPage) {
  // Blueprint "Get communication attachments": {"data": null}.
  fake_->on("GET", "/communications/5/files", json_response(200, R"({"data": null})"));
  auto page = client_.tasks().communications().attachments("5");
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_TRUE(page->items.empty());
}

TEST_F(WrongKind, IncludedResourcesMayBeOfOtherTypes) {
  json doc{{"data", resource("partner", "7")},
           {"included", json::array({resource("contact", "1"), resource("address", "2")})}};
  fake_->on("GET", kPartnerPath, json_response(200, doc.dump()));
  auto p = client_.partners().get("7");
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(p->id(), "7");
  EXPECT_EQ(p->included().size(), 2u);
}

TEST_F(WrongKind, CashFlowTransactionIsAnsweredWithTheCashFlowItBooked) {
  // Blueprint "Post Cash Flow Transaction": the answer is a "cash-flow".
  fake_->on("POST", "/cashflowtransactions", document(resource("cash-flow", "44")));
  auto id = client_.finance().post_transaction(CashFlowTransaction());
  ASSERT_TRUE(id.ok()) << id.status().to_string();
  EXPECT_EQ(*id, "44");
}

// ---- ids with '/' --------------------------------------------------------------------

TEST_F(WrongKind, SlashInAnIdIsPercentEncodedIntoOneSegment) {
  fake_->set_fallback([](HttpRequest const&) { return Result<HttpResponse>(testing::empty_response(204)); });
  (void)client_.partners().get("100031/contacts");
  Partner p;
  p.set_id("1/2");
  (void)client_.partners().update(p);
  (void)client_.partners().remove("a/b");
  (void)client_.partners().contacts("3/4");
  std::vector<std::string> paths;
  for (auto const& r : fake_->requests()) {
    auto path = path_of(r);
    if (path != "/token" && path != "/companies" && path != "/users/self") paths.push_back(r.method + " " + path);
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"GET /partners/100031%2Fcontacts", "PATCH /partners/1%2F2",
                                             "DELETE /partners/a%2Fb", "GET /partners/3%2F4/contacts"}));
}

}  // namespace
}  // namespace flowii
