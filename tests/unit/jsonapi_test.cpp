// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/jsonapi.hpp"

#include "fake_flowii.hpp"

#include <flowii/api.hpp>
#include <flowii/models/partners.hpp>
#include <flowii/query.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace flowii {
namespace {

using detail::parse_document;
using detail::parse_error_body;
using Params = std::vector<std::pair<std::string, std::string>>;

// ---- documents -------------------------------------------------------------------

TEST(ParseDocument, SingleObject) {
  auto doc = parse_document(R"({"data": {"type": "partner", "id": "1", "attributes": {"name": "ACME"}},
                                "meta": {"total": 1}})");
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  EXPECT_FALSE(doc->data_is_array);
  ASSERT_EQ(doc->data.size(), 1u);
  EXPECT_EQ(doc->data[0].type(), "partner");
  EXPECT_EQ(doc->data[0].get<std::string>("name"), "ACME");
  EXPECT_EQ(doc->meta["total"], 1);
  ASSERT_NE(doc->included, nullptr);
  EXPECT_TRUE(doc->included->empty());
}

TEST(ParseDocument, ArrayAndEmptyArray) {
  auto doc = parse_document(R"({"data": [{"type": "tag", "id": "1"}, {"type": "tag", "id": "2"}]})");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->data_is_array);
  ASSERT_EQ(doc->data.size(), 2u);
  EXPECT_EQ(doc->data[1].id(), "2");
  auto empty = parse_document(R"({"data": []})");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->data_is_array);
  EXPECT_TRUE(empty->data.empty());
}

TEST(ParseDocument, NullDataIsAnEmptyDocument) {
  auto doc = parse_document(R"({"data": null})");
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  EXPECT_TRUE(doc->data.empty());
  EXPECT_FALSE(doc->data_is_array);
}

TEST(ParseDocument, RejectsWhatIsNotADocument) {
  for (auto const* body :
       {R"({"meta": {}})", R"({"errors": [{"title": "x"}]})", "", "<html>Not Found</html>", "{\"data\": ", "[]",
        "\"data\"", R"({"data": "partner"})", R"({"data": 5})", R"({"data": [{"id": "1"}]})",
        R"({"data": [{"type": "tag", "id": "1"}, 7]})", R"({"data": {"id": "1"}})"}) {
    auto doc = parse_document(body);
    EXPECT_FALSE(doc.ok()) << body;
    EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidResponse) << body;
  }
  EXPECT_NE(parse_document(R"({"meta": {}})").status().message().find("data"), std::string::npos);
}

TEST(ParseDocument, ResolvesIncludedForEveryItem) {
  auto doc = parse_document(R"({
    "data": [
      {"type": "partner", "id": "1", "relationships": {"billing-address": {"data": {"type": "address", "id": "5"}}}},
      {"type": "partner", "id": "2", "relationships": {"billing-address": {"data": {"type": "address", "id": "6"}}}}],
    "included": [{"type": "address", "id": "5", "attributes": {"city": "Nitra"}},
                 {"type": "address", "id": "6", "attributes": {"city": "Trnava"}}, "junk"]})");
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  EXPECT_EQ(doc->included->size(), 2u);  // non-objects are skipped
  EXPECT_EQ(Partner(doc->data[0]).related<Address>("billing-address")->city(), "Nitra");
  EXPECT_EQ(Partner(doc->data[1]).related<Address>("billing-address")->city(), "Trnava");
  EXPECT_EQ(&doc->data[0].included(), doc->included.get());  // shared, not copied per item
}

TEST(ParseDocument, LinksAsStringsOrObjects) {
  auto doc = parse_document(R"({"data": [], "links": {
      "self": "https://api.flowii.com/partners?page[number]=1",
      "next": {"href": "https://api.flowii.com/partners?page[number]=2", "meta": {}},
      "first": {"meta": {}}, "last": null, "prev": 5}})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(detail::link(*doc, "self"), "https://api.flowii.com/partners?page[number]=1");
  EXPECT_EQ(detail::link(*doc, "next"), "https://api.flowii.com/partners?page[number]=2");
  EXPECT_FALSE(detail::link(*doc, "first"));
  EXPECT_FALSE(detail::link(*doc, "last"));
  EXPECT_FALSE(detail::link(*doc, "prev"));
  EXPECT_FALSE(detail::link(*doc, "related"));
}

// ---- error bodies ---------------------------------------------------------------

TEST(ParseErrorBody, JsonApiErrors) {
  auto body = parse_error_body(R"({"errors": [
      {"id": "e1", "status": 422, "code": "required", "title": "Invalid attribute", "detail": "name is required",
       "source": {"pointer": "/data/attributes/name"}},
      {"status": "400", "title": "Bad parameter", "source": {"parameter": "companyId"}},
      "not an object"]})");
  ASSERT_EQ(body.errors.size(), 2u);
  EXPECT_EQ(body.errors[0].id, "e1");
  EXPECT_EQ(body.errors[0].status, "422");  // numbers are read as text
  EXPECT_EQ(body.errors[0].code, "required");
  EXPECT_EQ(body.errors[0].title, "Invalid attribute");
  EXPECT_EQ(body.errors[0].detail, "name is required");
  EXPECT_EQ(body.errors[0].source_pointer, "/data/attributes/name");
  EXPECT_EQ(body.errors[0].source_parameter, "");
  EXPECT_EQ(body.errors[1].source_parameter, "companyId");
  EXPECT_EQ(body.errors[1].source_pointer, "");
  EXPECT_TRUE(body.oauth_error.empty());
  EXPECT_TRUE(body.message.empty());
}

TEST(ParseErrorBody, OAuthError) {
  auto body = parse_error_body(R"({"error": "invalid_grant", "error_description": "The password is incorrect."})");
  EXPECT_EQ(body.oauth_error, "invalid_grant");
  EXPECT_EQ(body.oauth_error_description, "The password is incorrect.");
  EXPECT_TRUE(body.errors.empty());
}

TEST(ParseErrorBody, DotNetMessage) {
  EXPECT_EQ(parse_error_body(R"({"Message": "An error has occurred."})").message, "An error has occurred.");
  EXPECT_EQ(parse_error_body(R"({"message": "lower case"})").message, "lower case");
  EXPECT_EQ(parse_error_body(R"({"Message": "upper wins", "message": "lower"})").message, "upper wins");
}

TEST(ParseErrorBody, GarbageGivesAnEmptyBody) {
  for (auto const* text : {"", "<html><body>404</body></html>", "[1, 2]", "null", "{\"errors\": 5}",
                           "{\"errors\": {\"title\": \"x\"}}", "{\"error\": {\"nested\": 1}}", "{truncated"}) {
    auto body = parse_error_body(text);
    EXPECT_TRUE(body.errors.empty()) << text;
    EXPECT_TRUE(body.oauth_error.empty()) << text;
    EXPECT_TRUE(body.oauth_error_description.empty()) << text;
    EXPECT_TRUE(body.message.empty()) << text;
  }
}

// ---- queries ---------------------------------------------------------------------

TEST(ListQueryEncoding, WireOrderIsParamsFiltersPage) {
  ListQuery q;
  q.set_page_size(50);
  q.set_filter("search-text", "ACME");
  q.set_page(2);
  q.set_param("includeContacts", "true");
  q.set_filter("type-id", std::int64_t{7});
  EXPECT_EQ(q.to_query(), (Params{{"includeContacts", "true"},
                                  {"filter[search-text]", "ACME"},
                                  {"filter[type-id]", "7"},
                                  {"page[number]", "2"},
                                  {"page[size]", "50"}}));
  EXPECT_TRUE(ListQuery().to_query().empty());
}

TEST(ListQueryEncoding, SettingAFilterAgainReplacesItInPlace) {
  ListQuery q;
  q.set_filter("a", "1");
  q.set_filter("b", "2");
  q.set_filter("a", "3");
  q.set_param("p", "x");
  q.set_param("p", "y");
  EXPECT_EQ(q.to_query(), (Params{{"p", "y"}, {"filter[a]", "3"}, {"filter[b]", "2"}}));
}

TEST(ListQueryEncoding, IdListsUnixTimesAndNumbers) {
  ListQuery q;
  q.set_filter("tag-ids", std::vector<std::string>{"1", "22", "333"});
  q.set_filter("created-from", UnixTime{1509458700});
  q.set_filter("empty-ids", std::vector<std::string>{});
  EXPECT_EQ(
      q.to_query(),
      (Params{{"filter[tag-ids]", "1,22,333"}, {"filter[created-from]", "1509458700"}, {"filter[empty-ids]", ""}}));
}

TEST(PartnerQueryEncoding, TypedSetters) {
  auto q = PartnerQuery()
               .search_text("novák")
               .created_from(UnixTime{1509458700})
               .created_to(DateTime{2017, 10, 31, 14, 5, 0}, std::chrono::hours(1))
               .business_case_created_to(DateTime{1970, 1, 2, 0, 0, 0})
               .tag_ids({"1", "2"})
               .type_id("5")
               .business_case_state(3)
               .order_state(2.5)
               .page(4)
               .page_size(25);
  EXPECT_EQ(q.to_query(), (Params{{"filter[search-text]", "novák"},
                                  {"filter[created-from]", "1509458700"},
                                  {"filter[created-to]", "1509455100"},
                                  {"filter[busines-case-created-to]", "86400"},  // sic, as in the blueprint
                                  {"filter[tag-ids]", "1,2"},
                                  {"filter[type-id]", "5"},
                                  {"filter[business-case-state]", "3"},
                                  {"filter[order-state]", "2.5"},
                                  {"page[number]", "4"},
                                  {"page[size]", "25"}}));
  EXPECT_EQ(q.page(), 4);
  EXPECT_EQ(q.page_size(), 25);
  EXPECT_EQ(PartnerQuery().order_state(PartnerType::kPerson).to_query(), (Params{{"filter[order-state]", "2"}}));
  EXPECT_EQ(PartnerQuery().business_case_created_from(UnixTime{0}).to_query(),
            (Params{{"filter[business-case-created-from]", "0"}}));
}

TEST(PartnerQueryEncoding, NumbersUseTheShortestText) {
  EXPECT_EQ(detail_format_number(3.0), "3");
  EXPECT_EQ(detail_format_number(12.5), "12.5");
  EXPECT_EQ(detail_format_number(0.1), "0.1");
  EXPECT_EQ(detail_format_number(-7.25), "-7.25");
}

// ---- paths -------------------------------------------------------------------------

TEST(MakePath, EncodesEachIdSegment) {
  EXPECT_EQ(detail::make_path({"/partners"}), "/partners");
  EXPECT_EQ(detail::make_path({"/partners", "12"}), "/partners/12");
  EXPECT_EQ(detail::make_path({"/partners", "12", "contacts"}), "/partners/12/contacts");
  EXPECT_EQ(detail::make_path({"/partners", "1?a=b"}), "/partners/1%3Fa%3Db");
  EXPECT_EQ(detail::make_path({"/partners", "a b"}), "/partners/a%20b");
  EXPECT_EQ(detail::make_path({"/partners", "1#frag"}), "/partners/1%23frag");
  EXPECT_EQ(detail::make_path({"/partners", "1&companyId=2"}), "/partners/1%26companyId%3D2");
  EXPECT_EQ(detail::make_path({"/partners", "č"}), "/partners/%C4%8D");
  EXPECT_EQ(detail::make_path({"/partners", "100%"}), "/partners/100%25");
  EXPECT_EQ(detail::make_path({"/partners", "-._~"}), "/partners/-._~");
}

TEST(MakePath, IdsCannotClimbOutOfTheCollection) {
  EXPECT_EQ(detail::make_path({"/partners", "../x"}), "/partners/..%2Fx");
  EXPECT_EQ(detail::make_path({"/partners", "..\\x"}), "/partners/..%5Cx");
  EXPECT_EQ(detail::make_path({"/partners", "a/b"}), "/partners/a%2Fb");
  // A segment that is only dots is a dot-segment: URL normalisation (libcurl's
  // included) would turn /partners/.. into / and /partners/. into /partners/.
  EXPECT_EQ(detail::make_path({"/partners", ".."}), "/partners/%2E%2E");
  EXPECT_EQ(detail::make_path({"/partners", "."}), "/partners/%2E");
  EXPECT_EQ(detail::make_path({"/partners", "...", "files"}), "/partners/.../files");
  EXPECT_EQ(detail::make_path({"/partners", "..", "files"}), "/partners/%2E%2E/files");
}

TEST(MakePath, HostileIdsStayInsideTheRequestPath) {
  test::FakeFlowii fake;
  fake.on("GET", "/partners/..%2Fx", [](HttpRequest const&) { return test::ok_json(test::partner_json("1")); });
  fake.on("GET", "/partners/1%3Fa%3Db", [](HttpRequest const&) { return test::ok_json(test::partner_json("2")); });
  fake.on("DELETE", "/partners/%2E%2E", [](HttpRequest const&) { return test::empty_response(204); });
  auto client = fake.client();
  EXPECT_EQ(client.partners().get("../x")->id(), "1");
  auto second = client.partners().get("1?a=b");
  ASSERT_TRUE(second.ok()) << second.status().to_string();
  EXPECT_TRUE(client.partners().remove("..").ok());
  auto requests = fake.requests_to("GET", "/partners/1%3Fa%3Db");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(test::query_of(requests[0]), (Params{{"companyId", "1"}}));  // no smuggled parameter
  EXPECT_EQ(fake.count("DELETE", "/partners/%2E%2E"), 1u);
}

TEST(MakePath, EmptyIdsAreRefusedBeforeSending) {
  test::FakeFlowii fake;
  auto client = fake.client();
  auto r = client.partners().get("");
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(fake.requests().empty());
}

}  // namespace
}  // namespace flowii
