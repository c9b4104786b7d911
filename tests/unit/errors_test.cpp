// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The error model: HTTP answers to Status, what a Status carries, how it prints,
// and Result<T>::value() throwing flowii::Error.
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <vector>

namespace flowii {
namespace {

using test::FakeFlowii;

constexpr char kItem[] = "/partners/7";

/// GET /partners/7 against a server that always gives `answer`, without retries.
Status get_status(HttpResponse const& answer) {
  FakeFlowii fake;
  fake.on("GET", kItem, [answer](HttpRequest const&) { return answer; });
  CallOptions once;
  once.max_attempts = 1;
  return Client(fake.options()).partners().get("7", once).status();
}

TEST(ErrorMapping, HttpStatusToErrorCode) {
  struct Case {
    int http;
    ErrorCode code;
  };
  for (auto const& c : std::vector<Case>{{400, ErrorCode::kInvalidArgument},
                                         {401, ErrorCode::kUnauthenticated},
                                         {403, ErrorCode::kPermissionDenied},
                                         {404, ErrorCode::kNotFound},
                                         {405, ErrorCode::kMethodNotAllowed},
                                         {408, ErrorCode::kTimeout},
                                         {409, ErrorCode::kConflict},
                                         {422, ErrorCode::kInvalidArgument},
                                         {429, ErrorCode::kRateLimited},
                                         {500, ErrorCode::kInternal},
                                         {501, ErrorCode::kInternal},
                                         {502, ErrorCode::kUnavailable},
                                         {503, ErrorCode::kUnavailable},
                                         {504, ErrorCode::kUnavailable},
                                         {418, ErrorCode::kUnknown}}) {
    auto s = get_status(test::api_error(c.http, "Error"));
    EXPECT_EQ(s.code(), c.code) << c.http << ": " << s.to_string();
    EXPECT_EQ(s.http_status(), c.http);
    EXPECT_EQ(s.request(), "GET /partners/7");
    EXPECT_FALSE(s.message().empty());
  }
}

TEST(ErrorMapping, StatusCarriesErrorsRequestIdAndRequest) {
  auto answer = test::api_error(422, "Invalid attribute", "name is required", "/data/attributes/name",
                                {{"X-Request-Id", "req-42"}});
  auto s = get_status(answer);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.http_status(), 422);
  EXPECT_EQ(s.request(), "GET /partners/7");  // no query values
  EXPECT_EQ(s.request_id(), "req-42");
  EXPECT_EQ(s.attempts(), 1);
  ASSERT_EQ(s.errors().size(), 1u);
  EXPECT_EQ(s.errors()[0].title, "Invalid attribute");
  EXPECT_EQ(s.errors()[0].detail, "name is required");
  EXPECT_EQ(s.errors()[0].source_pointer, "/data/attributes/name");
  EXPECT_EQ(s.errors()[0].status, "422");
  EXPECT_TRUE(s.body_excerpt().empty());  // the body was understood
  EXPECT_EQ(s.to_string().find("companyId"), std::string::npos) << s.to_string();
}

TEST(ErrorMapping, RequestIdHeaderAlternatives) {
  auto s = get_status(test::api_error(404, "Not Found", {}, {}, {{"request-id", "abc"}}));
  EXPECT_EQ(s.request_id(), "abc");
  EXPECT_EQ(get_status(test::api_error(404, "Not Found")).request_id(), "");
}

TEST(ErrorMapping, SeveralErrorsWithParameters) {
  HttpResponse answer = test::json_response(400, R"({"errors": [
      {"title": "Bad parameter", "detail": "unknown filter", "source": {"parameter": "filter[foo]"}},
      {"code": "E12", "detail": "page too large", "source": {"parameter": "page[size]"}}]})");
  auto s = get_status(answer);
  ASSERT_EQ(s.errors().size(), 2u);
  EXPECT_EQ(s.errors()[0].source_parameter, "filter[foo]");
  EXPECT_EQ(s.errors()[1].code, "E12");
  EXPECT_NE(s.to_string().find("[Bad parameter: unknown filter (parameter filter[foo])]"), std::string::npos)
      << s.to_string();
  EXPECT_NE(s.to_string().find("[E12: page too large (parameter page[size])]"), std::string::npos) << s.to_string();
}

TEST(ErrorMapping, HtmlPageSaysToCheckTheBaseUrl) {
  HttpResponse page;
  page.status = 404;
  page.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  page.body = "<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body>" +
              std::string(5000, 'x') + "</body></html>";
  auto s = get_status(page);
  // Not FLOWii's 404 (that is JSON): the page of whatever the base URL points at.
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_EQ(s.http_status(), 404);
  EXPECT_NE(s.message().find("FLOWII_API_URL"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("HTML"), std::string::npos) << s.message();
  EXPECT_EQ(s.body_excerpt().rfind("<!DOCTYPE html>", 0), 0u) << s.body_excerpt();
  EXPECT_LT(s.body_excerpt().size(), 400u);  // an excerpt, not the page
  EXPECT_TRUE(s.errors().empty());
}

TEST(ErrorMapping, PlainTextBodyKeepsAnExcerptAndGetsTheBaseUrlHint) {
  // FLOWii answers JSON; a text/plain body comes from something else (docs/errors-and-retries.md).
  HttpResponse answer;
  answer.status = 500;
  answer.headers.emplace_back("Content-Type", "text/plain");
  answer.body = "Internal failure in module X";
  auto s = get_status(answer);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_EQ(s.http_status(), 500);
  EXPECT_EQ(s.body_excerpt(), "Internal failure in module X");
  EXPECT_NE(s.message().find("FLOWII_API_URL"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("HTTP 500 would mean: FLOWii had a server error"), std::string::npos) << s.message();
}

TEST(ErrorMapping, DotNetMessageIsQuoted) {
  auto s = get_status(test::json_response(500, R"({"Message": "An error has occurred."})"));
  EXPECT_EQ(s.code(), ErrorCode::kInternal);
  EXPECT_NE(s.message().find("Server says: An error has occurred."), std::string::npos) << s.message();
}

TEST(ErrorMapping, UnparseableSuccessIsAnInvalidResponse) {
  auto s = get_status(test::json_response(200, "<html>maintenance</html>"));
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_EQ(s.http_status(), 200);
  EXPECT_EQ(s.request(), "GET /partners/7");
}

TEST(ErrorMapping, ReadOfNullDataIsNotFound) {
  auto s = get_status(test::ok_json(nullptr));
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_EQ(s.request(), "GET /partners/7");
}

TEST(ErrorMapping, CreateAnsweredWithoutAnIdSaysTheRecordProbablyExists) {
  FakeFlowii fake;
  fake.on("POST", "/partners", [](HttpRequest const&) { return test::json_response(200, R"({"meta": {}})"); });
  auto s = Client(fake.options()).partners().create(Partner().set_name("ACME")).status();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_NE(s.message().find("probably exists"), std::string::npos) << s.message();
  EXPECT_EQ(s.request(), "POST /partners");
}

TEST(ErrorMapping, TransportErrorsKeepTheirKind) {
  FakeFlowii fake;
  fake.on("GET", kItem, [](HttpRequest const&) -> Result<HttpResponse> {
    return make_transport_error(TransportFailure::kConnect, ErrorCode::kNetwork, "connection refused");
  });
  CallOptions once;
  once.max_attempts = 1;
  auto s = Client(fake.options()).partners().get("7", once).status();
  EXPECT_EQ(s.code(), ErrorCode::kNetwork);
  EXPECT_EQ(s.http_status(), 0);
  EXPECT_EQ(s.request(), "GET /partners/7");
  EXPECT_EQ(transport_failure(s), TransportFailure::kConnect);
  EXPECT_EQ(s.to_string().rfind("network GET /partners/7: connection refused", 0), 0u) << s.to_string();
}

TEST(MakeTransportError, NeverLooksLikeSuccess) {
  auto s = make_transport_error(TransportFailure::kReceive, ErrorCode::kOk, "reset");
  EXPECT_EQ(s.code(), ErrorCode::kNetwork);
  EXPECT_EQ(transport_failure(s), TransportFailure::kReceive);
  EXPECT_FALSE(transport_failure(Status(ErrorCode::kNetwork, "plain")).has_value());
  EXPECT_FALSE(transport_failure(Status()).has_value());
}

// ---- Status and Result -------------------------------------------------------------

TEST(StatusFormat, ToString) {
  EXPECT_EQ(Status().to_string(), "ok");
  EXPECT_EQ(Status(ErrorCode::kInvalidArgument, "bad id").to_string(), "invalid-argument: bad id");

  Status s(ErrorCode::kNotFound, "no such partner");
  s.with_http_status(404).with_request("GET /partners/9").with_request_id("r-1");
  ApiError e;
  e.title = "Not Found";
  e.detail = "partner 9";
  e.source_pointer = "/data/id";
  s.with_errors({e});
  EXPECT_EQ(s.to_string(),
            "not-found (HTTP 404) GET /partners/9: no such partner [Not Found: partner 9 at /data/id] "
            "request-id=r-1");
}

TEST(StatusFormat, ErrorsWithoutTitleOrCode) {
  ApiError only_detail;
  only_detail.detail = "name is required";
  only_detail.source_pointer = "/data/attributes/name";
  ApiError only_parameter;
  only_parameter.source_parameter = "companyId";
  Status s(ErrorCode::kInvalidArgument, "rejected");
  s.with_errors({only_detail, only_parameter});
  EXPECT_EQ(s.to_string(),
            "invalid-argument: rejected [name is required at /data/attributes/name] [parameter companyId]");
}

TEST(StatusFormat, ErrorCodeNames) {
  struct Case {
    ErrorCode code;
    char const* name;
  };
  for (auto const& c : std::vector<Case>{{ErrorCode::kOk, "ok"},
                                         {ErrorCode::kInvalidArgument, "invalid-argument"},
                                         {ErrorCode::kUnauthenticated, "unauthenticated"},
                                         {ErrorCode::kPermissionDenied, "permission-denied"},
                                         {ErrorCode::kNotFound, "not-found"},
                                         {ErrorCode::kMethodNotAllowed, "method-not-allowed"},
                                         {ErrorCode::kConflict, "conflict"},
                                         {ErrorCode::kRateLimited, "rate-limited"},
                                         {ErrorCode::kInternal, "internal"},
                                         {ErrorCode::kUnavailable, "unavailable"},
                                         {ErrorCode::kTimeout, "timeout"},
                                         {ErrorCode::kNetwork, "network"},
                                         {ErrorCode::kInvalidResponse, "invalid-response"},
                                         {ErrorCode::kCompanySelection, "company-selection"},
                                         {ErrorCode::kOutcomeUnknown, "outcome-unknown"},
                                         {ErrorCode::kCancelled, "cancelled"},
                                         {ErrorCode::kUnknown, "unknown"}}) {
    EXPECT_STREQ(to_string(c.code), c.name);
  }
}

TEST(StatusFormat, OkStatusIsTrue) {
  EXPECT_TRUE(Status().ok());
  EXPECT_TRUE(static_cast<bool>(Status()));
  EXPECT_FALSE(static_cast<bool>(Status(ErrorCode::kInternal, "x")));
  EXPECT_NO_THROW(throw_if_error(Status()));
  EXPECT_THROW(throw_if_error(Status(ErrorCode::kInternal, "x")), Error);
}

TEST(ResultValue, ThrowsErrorWithTheStatus) {
  Result<int> r = Status(ErrorCode::kNotFound, "gone").with_http_status(404).with_request("GET /partners/7");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.value_or(5), 5);
  try {
    (void)r.value();
    FAIL() << "value() did not throw";
  } catch (Error const& e) {
    EXPECT_EQ(e.status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(e.status().http_status(), 404);
    EXPECT_EQ(std::string(e.what()), "not-found (HTTP 404) GET /partners/7: gone");
  }
  EXPECT_THROW((void)*r, Error);
  EXPECT_THROW((void)std::move(r).value(), Error);
}

TEST(ResultValue, ValueAndFallback) {
  Result<std::string> r = std::string("x");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.value(), "x");
  EXPECT_EQ(r->size(), 1u);
  EXPECT_EQ(r.value_or("y"), "x");
  EXPECT_TRUE(r.status().ok());
}

// A temporary's value() is a value, so a range-for over it loops over an object
// that lives as long as the loop (ASan in CI would catch a dangling one).
TEST(ResultValue, ATemporarysValueOutlivesTheFullExpression) {
  static_assert(
      std::is_same_v<decltype(std::declval<Result<std::vector<std::string>>>().value()), std::vector<std::string>>);
  static_assert(std::is_same_v<decltype(*std::declval<Result<std::vector<std::string>>>()), std::vector<std::string>>);
  auto make = [] { return Result<std::vector<std::string>>(std::vector<std::string>{"a", "b"}); };
  std::string joined;
  for (auto const& s : make().value()) joined += s;
  EXPECT_EQ(joined, "ab");
}

TEST(ResultValue, AnOkStatusWithoutValueIsAnError) {
  Result<int> r = Status();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kUnknown);
}

TEST(ResultValue, ThrowsFromAClientCall) {
  FakeFlowii fake;
  fake.on("GET", kItem, [](HttpRequest const&) { return test::api_error(404, "Not Found"); });
  auto client = fake.client();
  try {
    (void)client.partners().get("7").value();
    FAIL() << "value() did not throw";
  } catch (Error const& e) {
    EXPECT_EQ(e.status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(e.status().request(), "GET /partners/7");
    EXPECT_EQ(std::string(e.what()), e.status().to_string());
  }
}

}  // namespace
}  // namespace flowii
