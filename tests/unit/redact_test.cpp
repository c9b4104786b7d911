// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "http/redact.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace flowii::detail {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Redact, IequalsIsAsciiCaseInsensitive) {
  EXPECT_TRUE(iequals("Content-Type", "content-TYPE"));
  EXPECT_FALSE(iequals("Content-Type", "Content-Typ"));
  EXPECT_FALSE(iequals("a", "b"));
  EXPECT_TRUE(iequals("", ""));
}

TEST(Redact, HeaderAllowListIsCaseInsensitive) {
  for (auto const* name : {"Accept", "content-type", "CONTENT-LENGTH", "User-Agent", "Retry-After", "x-request-id",
                           "Request-Id", "WWW-Authenticate", "Date", "etag", "Location", "Allow",
                           "X-Flowii-Emulator-Version", "Connection", "Cache-Control"}) {
    EXPECT_TRUE(header_is_loggable(name)) << name;
  }
  for (auto const* name : {"Authorization", "authorization", "Api-Key", "Cookie", "Set-Cookie", "Proxy-Authorization",
                           "X-Unknown", "", "Content-Type2"}) {
    EXPECT_FALSE(header_is_loggable(name)) << name;
  }
}

TEST(Redact, LoggableHeadersMasksEverythingOffTheList) {
  HttpHeaders const headers = {{"Content-Type", "application/vnd.api+json"},
                               {"Authorization", "Bearer s3cr3t"},
                               {"Api-Key", "k3y"},
                               {"X-Request-Id", "abc-1"}};
  EXPECT_EQ(loggable_headers(headers),
            "Content-Type: application/vnd.api+json; Authorization: REDACTED; Api-Key: REDACTED; "
            "X-Request-Id: abc-1");
  EXPECT_EQ(loggable_headers({}), "");
}

TEST(Redact, LoggableHeadersCannotForgeLines) {
  EXPECT_EQ(loggable_headers({{"Location", "/a\r\nX-Evil: 1"}}), "Location: /a  X-Evil: 1");
}

TEST(Redact, UrlWithoutQuery) {
  EXPECT_EQ(url_without_query("https://api.flowii.com/v1/partners/12?companyId=1&apiKey=x#frag"),
            "https://api.flowii.com/v1/partners/12");
  EXPECT_EQ(url_without_query("http://user:pa%40ss@127.0.0.1:8080/x"), "http://127.0.0.1:8080/x");
  EXPECT_EQ(url_without_query("https://host?x=1"), "https://host");
  EXPECT_EQ(url_without_query("/relative/path?x=1"), "/relative/path");
  EXPECT_EQ(url_without_query(""), "");
}

TEST(Redact, LoggableUrlKeepsAllowListedQueryValues) {
  EXPECT_EQ(loggable_url("https://api.flowii.com/v1/documents?companyId=7&page[number]=2&page%5Bsize%5D=50"
                         "&documentType=invoice&filter[name]=Acme&filter%5Bcity%5D=Graz&language=de"
                         "&includeContacts=true&includeMessages=false&companyDataId=3"),
            "https://api.flowii.com/v1/documents?companyId=7&page[number]=2&page%5Bsize%5D=50"
            "&documentType=invoice&filter[name]=Acme&filter%5Bcity%5D=Graz&language=de"
            "&includeContacts=true&includeMessages=false&companyDataId=3");
}

TEST(Redact, LoggableUrlRedactsEverythingElse) {
  EXPECT_EQ(loggable_url("https://u:p@host/x?apiKey=s3cr3t&companyId=1&token=t&filter=oops&bare&&x="),
            "https://host/x?apiKey=REDACTED&companyId=1&token=REDACTED&filter=REDACTED&REDACTED&x=REDACTED");
  EXPECT_EQ(loggable_url("https://host/x?companyid=1"), "https://host/x?companyid=REDACTED");  // names are exact
  EXPECT_EQ(loggable_url("https://host/x?includeContacts"), "https://host/x?includeContacts");
  EXPECT_EQ(loggable_url("https://host/x?filter[]=1"), "https://host/x?filter[]=REDACTED");
  EXPECT_EQ(loggable_url("https://host/x"), "https://host/x");
  EXPECT_THAT(loggable_url("https://host/x?a=1#secret"), Not(HasSubstr("secret")));
}

TEST(Redact, ExcerptMasksJsonSecrets) {
  std::string const body = R"({"access_token": "eyJabc.def", "token_type":"Bearer", "expires_in":3600,)"
                           R"("refresh_token":"r1", "nested": {"client_secret": "cs", "username": "alice"},)"
                           R"("apiKey": 12345, "Api-Key": null, "password": {"a": "b"}, "error": "invalid_grant"})";
  std::string const out = redacted_excerpt(body, 1000);
  for (auto const* secret : {"eyJabc", "r1", "cs", "12345", "null", "\"b\""}) {
    EXPECT_THAT(out, Not(HasSubstr(secret))) << out;
  }
  EXPECT_THAT(out, HasSubstr(R"("access_token": "REDACTED")"));
  EXPECT_THAT(out, HasSubstr(R"("apiKey": "REDACTED")"));
  EXPECT_THAT(out, HasSubstr(R"("password": "REDACTED")"));
  EXPECT_THAT(out, HasSubstr(R"("username": "alice")"));
  EXPECT_THAT(out, HasSubstr(R"("expires_in":3600)"));
  EXPECT_THAT(out, HasSubstr(R"("error": "invalid_grant")"));
}

TEST(Redact, ExcerptHandlesEscapedQuotesInSecrets) {
  std::string const out = redacted_excerpt(R"({"password":"a\"b,c", "x": 1})");
  EXPECT_EQ(out, R"({"password":"REDACTED", "x": 1})");
}

TEST(Redact, ExcerptMasksFormFieldsAndCredentials) {
  std::string const out =
      redacted_excerpt("grant_type=password&username=alice&password=hunter2&client_secret=abc&api_key=k1&scope=all");
  EXPECT_EQ(out,
            "grant_type=password&username=alice&password=REDACTED&client_secret=REDACTED&api_key=REDACTED"
            "&scope=all");
  EXPECT_EQ(redacted_excerpt("Authorization: Bearer abc.def-ghi\nthen Basic dXNlcjpwYXNz and more"),
            "Authorization: REDACTED then Basic REDACTED and more");
  EXPECT_EQ(redacted_excerpt("use bearer xyz"), "use bearer REDACTED");
  EXPECT_EQ(redacted_excerpt("Api-Key: k3y\nnext"), "Api-Key: REDACTED next");
}

TEST(Redact, ExcerptReplacesControlCharacters) {
  EXPECT_EQ(redacted_excerpt("line1\r\nline2\tend\x7f"), "line1  line2 end ");
}

TEST(Redact, ExcerptTruncatesWithEllipsis) {
  EXPECT_EQ(redacted_excerpt(std::string(10, 'x'), 4), "xxxx\xE2\x80\xA6");
  EXPECT_EQ(redacted_excerpt("abcd", 4), "abcd");
  EXPECT_EQ(redacted_excerpt("", 4), "");
  EXPECT_EQ(redacted_excerpt(std::string(1000, 'y')).size(), 300u + 3u);
}

TEST(Redact, ExcerptTruncatesOnUtf8Boundary) {
  // "ä" is two bytes; a cut after 3 bytes must not split the second "ä".
  EXPECT_EQ(redacted_excerpt("a\xC3\xA4\xC3\xA4z", 4), "a\xC3\xA4\xE2\x80\xA6");
}

TEST(Redact, ExcerptMasksSecretsThatStraddleTheCut) {
  std::string const body = R"({"access_token":")" + std::string(2000, 'S') + R"("})";
  std::string const out = redacted_excerpt(body, 40);
  EXPECT_THAT(out, Not(HasSubstr("SS")));
  EXPECT_THAT(out, HasSubstr("REDACTED"));
}

}  // namespace
}  // namespace flowii::detail
