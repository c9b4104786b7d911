// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/model.hpp>
#include <flowii/models/business_cases.hpp>
#include <flowii/models/common.hpp>
#include <flowii/models/partners.hpp>
#include <flowii/resource.hpp>

#include "core/jsonapi.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace flowii {
namespace {

using nlohmann::json;

/// Parses a resource object that the test knows to be valid.
Resource parse(json const& object) {
  auto r = Resource::from_json(object.dump());
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? *r : Resource();
}

json written(Resource const& r) { return json::parse(r.to_json()); }

Resource with_attributes(json attributes) {
  return parse(json{{"type", "thing"}, {"id", "1"}, {"attributes", std::move(attributes)}});
}

enum class Color : int { kRed = 1, kGreen = 2 };

// ---- typed attributes -------------------------------------------------------

TEST(ResourceGet, ReadsEachTypeFromItsJsonType) {
  auto r = with_attributes({{"s", "text"},
                            {"i", 42},
                            {"neg", -7},
                            {"d", 12.5},
                            {"b", true},
                            {"e", 2},
                            {"date", "2017-10-17"},
                            {"dt", "2017-10-31T14:05:00"}});
  EXPECT_EQ(r.get<std::string>("s"), "text");
  EXPECT_EQ(r.get<int>("i"), 42);
  EXPECT_EQ(r.get<std::int64_t>("neg"), -7);
  EXPECT_EQ(r.get<double>("d"), 12.5);
  EXPECT_EQ(r.get<double>("i"), 42.0);  // an integer is a number too
  EXPECT_EQ(r.get<bool>("b"), true);
  EXPECT_EQ(r.get<Color>("e"), Color::kGreen);
  EXPECT_EQ(r.get<Date>("date"), (Date{2017, 10, 17}));
  EXPECT_EQ(r.get<DateTime>("dt"), (DateTime{2017, 10, 31, 14, 5, 0}));
  EXPECT_EQ(r.get<DateTime>("date"), (DateTime{2017, 10, 17, 0, 0, 0}));
}

TEST(ResourceGet, WrongJsonTypeIsNullopt) {
  auto r = with_attributes({{"s", "5"},
                            {"i", 5},
                            {"f", 2.5},
                            {"b", true},
                            {"o", json::object()},
                            {"a", json::array({1})},
                            {"bad-date", "31.10.2017"},
                            {"n", nullptr}});
  EXPECT_FALSE(r.get<std::string>("i"));
  EXPECT_FALSE(r.get<int>("s"));  // no parsing of numeric strings
  EXPECT_FALSE(r.get<int>("f"));  // 2.5 is not an integer
  EXPECT_FALSE(r.get<int>("b"));
  EXPECT_FALSE(r.get<double>("s"));
  EXPECT_FALSE(r.get<bool>("i"));  // 1/0 are not booleans
  EXPECT_FALSE(r.get<std::string>("o"));
  EXPECT_FALSE(r.get<std::int64_t>("a"));
  EXPECT_FALSE(r.get<DateTime>("bad-date"));
  EXPECT_FALSE(r.get<Date>("i"));
  EXPECT_FALSE(r.get<Color>("s"));
  EXPECT_FALSE(r.get<std::string>("n"));  // null
  EXPECT_FALSE(r.get<std::string>("absent"));
}

TEST(ResourceGet, IntegralFloatsReadAsIntegers) {
  auto r = with_attributes({{"three", 3.0}, {"huge", 1e300}});
  EXPECT_EQ(r.get<std::int64_t>("three"), 3);
  EXPECT_FALSE(r.get<std::int64_t>("huge"));
}

TEST(ResourceGet, ValuesOutOfTheTargetRangeAreNullopt) {
  // Silently wrapping a value into a smaller type would hand out wrong data.
  Resource r("thing");
  ASSERT_TRUE(r.set_attribute_json("big", "4294967296").ok());
  ASSERT_TRUE(r.set_attribute_json("negative", "-1").ok());
  ASSERT_TRUE(r.set_attribute_json("u64max", "18446744073709551615").ok());
  EXPECT_FALSE(r.get<int>("big"));
  EXPECT_EQ(r.get<std::int64_t>("big"), 4294967296);
  EXPECT_FALSE(r.get<unsigned>("negative"));
  EXPECT_FALSE(r.get<std::uint8_t>("big"));
  EXPECT_EQ(r.get<int>("negative"), -1);
  EXPECT_FALSE(r.get<std::int64_t>("u64max"));  // not -1
  EXPECT_FALSE(r.get<Color>("big"));            // outside the enum's underlying int
}

TEST(ResourceGet, UnknownEnumValuesAreKept) {
  auto r = with_attributes({{"type", 7}});
  auto t = r.get<PartnerType>("type");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(static_cast<int>(*t), 7);
  EXPECT_EQ(Partner(r).partner_type().value_or(PartnerType::kCompany), static_cast<PartnerType>(7));
}

TEST(ResourceSet, WritesEachTypeAndReadsItBack) {
  Resource r("thing");
  r.set("s", std::string("Nitra")).set("i", 12).set("d", 0.25).set("b", false).set("e", Color::kRed);
  r.set("date", Date{2017, 10, 17}).set("dt", DateTime{2017, 10, 31, 14, 5, 0});
  EXPECT_EQ(r.get<std::string>("s"), "Nitra");
  EXPECT_EQ(r.get<int>("i"), 12);
  EXPECT_EQ(r.get<double>("d"), 0.25);
  EXPECT_EQ(r.get<bool>("b"), false);
  EXPECT_EQ(r.get<Color>("e"), Color::kRed);
  EXPECT_EQ(r.get<Date>("date"), (Date{2017, 10, 17}));
  EXPECT_EQ(r.get<DateTime>("dt"), (DateTime{2017, 10, 31, 14, 5, 0}));
  auto attributes = written(r)["attributes"];
  EXPECT_EQ(attributes["s"], "Nitra");
  EXPECT_EQ(attributes["i"], 12);
  EXPECT_EQ(attributes["e"], 1);  // enums go out as their integer value
  EXPECT_EQ(attributes["date"], "2017-10-17");
  EXPECT_EQ(attributes["dt"], "2017-10-31T14:05:00");
}

TEST(ResourceSet, NonFiniteNumbersBecomeNull) {
  Resource r("thing");
  r.set("nan", std::nan("")).set("inf", std::numeric_limits<double>::infinity());
  EXPECT_TRUE(r.is_null("nan"));
  EXPECT_TRUE(r.is_null("inf"));
  EXPECT_EQ(written(r)["attributes"]["nan"], nullptr);
}

TEST(ResourceAttributes, PresenceNullEraseAndRawJson) {
  auto r = with_attributes({{"a", 1}, {"n", nullptr}});
  EXPECT_TRUE(r.has("a"));
  EXPECT_TRUE(r.has("n"));
  EXPECT_TRUE(r.is_null("n"));
  EXPECT_FALSE(r.is_null("a"));
  EXPECT_FALSE(r.has("x"));
  EXPECT_FALSE(r.is_null("x"));
  EXPECT_EQ(r.attribute_names(), (std::vector<std::string>{"a", "n"}));
  r.set_null("a");
  EXPECT_TRUE(r.is_null("a"));
  r.erase("a");
  EXPECT_FALSE(r.has("a"));
  EXPECT_EQ(r.attribute_json("x"), "null");
  ASSERT_TRUE(r.set_attribute_json("obj", R"({"k":[1,2]})").ok());
  EXPECT_EQ(json::parse(r.attribute_json("obj")), json::parse(R"({"k":[1,2]})"));
  auto bad = r.set_attribute_json("obj", "{not json");
  EXPECT_EQ(bad.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("obj"), std::string::npos);
  EXPECT_EQ(json::parse(r.attribute_json("obj")), json::parse(R"({"k":[1,2]})"));  // unchanged
}

TEST(ResourceIds, NumericIdsAreReadAsStrings) {
  auto r = parse(json::parse(R"({"type": "partner", "id": 457854,
      "relationships": {"tags": {"data": [{"type": "tag", "id": 3}, {"type": "tag", "id": "4"}]},
                        "billing-address": {"data": {"type": "address", "id": 97272}}}})"));
  EXPECT_EQ(r.id(), "457854");
  EXPECT_EQ(r.type(), "partner");
  EXPECT_EQ(r.to_one("billing-address"), (ResourceId{"address", "97272"}));
  EXPECT_EQ(r.to_many("tags"), (std::vector<ResourceId>{{"tag", "3"}, {"tag", "4"}}));
  EXPECT_EQ(r.ref(), (ResourceId{"partner", "457854"}));
  EXPECT_EQ(written(r)["id"], "457854");  // written back as the string JSON:API wants
}

TEST(ResourceFromJson, RejectsWhatIsNotAResourceObject) {
  EXPECT_EQ(Resource::from_json("[]").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Resource::from_json("nope").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Resource::from_json(R"({"id": "1"})").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Resource::from_json(R"({"type": 5})").status().code(), ErrorCode::kInvalidArgument);
}

// ---- relationships ------------------------------------------------------------

TEST(ResourceRelationships, ReadsToOneAndToMany) {
  auto r = parse(json::parse(R"({"type": "partner", "id": "1", "relationships": {
      "billing-address": {"data": {"type": "address", "id": "5"}, "links": {"related": "/x"}},
      "mailing-address": {"data": null},
      "links-only": {"links": {"related": "/partners/1/tasks"}},
      "contacts": {"data": [{"type": "contact", "id": "8"}, {"type": "contact", "id": "9"}]}}})"));
  EXPECT_EQ(r.to_one("billing-address"), (ResourceId{"address", "5"}));
  EXPECT_FALSE(r.to_one("mailing-address"));
  EXPECT_TRUE(r.has_relationship("mailing-address"));
  EXPECT_FALSE(r.to_one("links-only"));
  EXPECT_FALSE(r.to_one("absent"));
  EXPECT_FALSE(r.has_relationship("absent"));
  EXPECT_TRUE(r.to_many("absent").empty());
  EXPECT_TRUE(r.to_many("billing-address").empty());  // a to-one is not a to-many
  EXPECT_EQ(r.to_many("contacts"), (std::vector<ResourceId>{{"contact", "8"}, {"contact", "9"}}));
  EXPECT_EQ(r.relationship_names(),
            (std::vector<std::string>{"billing-address", "contacts", "links-only", "mailing-address"}));
  EXPECT_EQ(r.self_link(), "");
}

TEST(ResourceRelationships, LinkAndLinkMany) {
  Resource r("partner");
  r.link("responsible-user", ResourceId{"user", "11142"});
  EXPECT_EQ(r.to_one("responsible-user"), (ResourceId{"user", "11142"}));
  r.link("responsible-user", std::nullopt);
  EXPECT_FALSE(r.to_one("responsible-user"));
  EXPECT_TRUE(r.has_relationship("responsible-user"));
  r.link_many("tags", {{"tag", "1"}, {"tag", "2"}});
  EXPECT_EQ(r.to_many("tags"), (std::vector<ResourceId>{{"tag", "1"}, {"tag", "2"}}));
  r.link_many("tags", {});
  EXPECT_TRUE(r.to_many("tags").empty());
  auto rels = written(r)["relationships"];
  EXPECT_EQ(rels["responsible-user"], json::parse(R"({"data": null})"));
  EXPECT_EQ(rels["tags"], json::parse(R"({"data": []})"));
}

TEST(ResourceRelationships, NestAppendAndNested) {
  Resource address("address");
  address.set("city", std::string("Nitra")).link("country", ResourceId{"country", "SK"});
  Resource r("partner");
  r.nest("billing-address", address);
  auto rels = written(r)["relationships"];
  EXPECT_EQ(rels["billing-address"]["data"], json::parse(R"({"type": "address", "attributes": {"city": "Nitra"},
                            "relationships": {"country": {"data": {"type": "country", "id": "SK"}}}})"));
  EXPECT_FALSE(rels["billing-address"]["data"].contains("id"));  // not created yet

  Resource contact("contact", "8");
  contact.set("first-name", std::string("Jana"));
  r.append("contacts", ResourceId{"contact", "7"});
  r.append("contacts", contact);
  r.append("contacts", Resource("contact").set("first-name", std::string("Eva")));
  auto data = written(r)["relationships"]["contacts"]["data"];
  ASSERT_EQ(data.size(), 3u);
  EXPECT_EQ(data[0], json::parse(R"({"type": "contact", "id": "7"})"));
  EXPECT_EQ(data[1]["id"], "8");  // an existing id goes along
  EXPECT_EQ(data[2]["attributes"]["first-name"], "Eva");
  // Identifiers are the ones that have ids.
  EXPECT_EQ(r.to_many("contacts"), (std::vector<ResourceId>{{"contact", "7"}, {"contact", "8"}}));

  auto nested = r.nested("contacts");
  ASSERT_EQ(nested.size(), 3u);
  EXPECT_EQ(nested[1].id(), "8");
  EXPECT_EQ(nested[1].get<std::string>("first-name"), "Jana");
  EXPECT_EQ(nested[2].get<std::string>("first-name"), "Eva");
  auto billing = r.nested("billing-address");
  ASSERT_EQ(billing.size(), 1u);
  EXPECT_EQ(billing[0].get<std::string>("city"), "Nitra");
  EXPECT_EQ(billing[0].to_one("country"), (ResourceId{"country", "SK"}));
  EXPECT_TRUE(r.nested("absent").empty());
}

// ---- round trip -----------------------------------------------------------------

TEST(ResourceRoundTrip, KeepsWhatTheSdkDoesNotKnow) {
  auto r = parse(json::parse(R"({"type": "partner", "id": "12",
      "attributes": {"name": "Old", "x-future": {"deep": [1, {"k": "v"}]}, "nullable": null},
      "relationships": {
        "future-rel": {"data": {"type": "gadget", "id": "3"}, "links": {"related": "/partners/12/gadgets"}},
        "future-many": {"data": [{"type": "gadget", "id": "4"}]},
        "links-only": {"links": {"related": "/partners/12/tasks"}, "meta": {"count": 2}}},
      "links": {"self": "https://api.flowii.com/partners/12"},
      "meta": {"etag": "x"}})"));
  EXPECT_EQ(r.self_link(), "https://api.flowii.com/partners/12");
  r.set("name", std::string("New"));
  r.link("responsible-user", ResourceId{"user", "5"});

  auto out = written(r);
  EXPECT_EQ(out["type"], "partner");
  EXPECT_EQ(out["id"], "12");
  EXPECT_EQ(out["attributes"]["name"], "New");
  EXPECT_EQ(out["attributes"]["x-future"], json::parse(R"({"deep": [1, {"k": "v"}]})"));
  EXPECT_TRUE(out["attributes"].contains("nullable"));
  EXPECT_EQ(out["relationships"]["future-rel"], json::parse(R"({"data": {"type": "gadget", "id": "3"}})"));
  EXPECT_EQ(out["relationships"]["future-many"], json::parse(R"({"data": [{"type": "gadget", "id": "4"}]})"));
  EXPECT_EQ(out["relationships"]["responsible-user"], json::parse(R"({"data": {"type": "user", "id": "5"}})"));
  // Read-only members are not written back.
  EXPECT_FALSE(out["relationships"].contains("links-only"));
  EXPECT_FALSE(out.contains("links"));
  EXPECT_FALSE(out.contains("meta"));
}

TEST(ResourceRoundTrip, CopiesAreIndependent) {
  Resource a("partner", "1");
  a.set("name", std::string("A"));
  Resource b = a;
  b.set("name", std::string("B")).set_id("2");
  EXPECT_EQ(a.get<std::string>("name"), "A");
  EXPECT_EQ(a.id(), "1");
  EXPECT_EQ(b.get<std::string>("name"), "B");
  Resource c = std::move(b);
  EXPECT_EQ(c.id(), "2");
  b = a;  // a moved-from resource can be assigned and used again
  EXPECT_EQ(b.get<std::string>("name"), "A");
}

// ---- models -----------------------------------------------------------------------

TEST(Model, PartnerSettersChain) {
  Partner p;
  p.set_name("ACME s.r.o.")
      .set_partner_type(PartnerType::kCompany)
      .set_ico("12345678")
      .set_invoice_maturity(14)
      .set_billing_address(Address().set_city("Nitra").set_country("SK"))
      .set_responsible_user("11142")
      .add_tags("1")
      .add_tags("2")
      .add_contacts(Contact().set_first_name("Jana").set_is_subscribed(true));
  EXPECT_EQ(p.type(), "partner");
  EXPECT_EQ(std::string(Partner::kType), "partner");
  EXPECT_EQ(p.name(), "ACME s.r.o.");
  EXPECT_EQ(p.partner_type(), PartnerType::kCompany);
  EXPECT_EQ(p.invoice_maturity(), 14);
  EXPECT_EQ(p.responsible_user(), (ResourceId{"user", "11142"}));
  EXPECT_EQ(p.tags(), (std::vector<ResourceId>{{"tag", "1"}, {"tag", "2"}}));
  auto out = written(p);
  EXPECT_EQ(out["attributes"]["type"], 1);
  EXPECT_EQ(out["relationships"]["billing-address"]["data"]["attributes"]["city"], "Nitra");
  EXPECT_EQ(out["relationships"]["billing-address"]["data"]["relationships"]["country"]["data"],
            json::parse(R"({"type": "country", "id": "SK"})"));
  EXPECT_EQ(out["relationships"]["contacts"]["data"][0]["attributes"]["is-subscribed"], true);

  p.set_tags({"7"}).clear_responsible_user();
  EXPECT_EQ(p.tags(), (std::vector<ResourceId>{{"tag", "7"}}));
  EXPECT_FALSE(p.responsible_user());
  EXPECT_EQ(written(p)["relationships"]["responsible-user"]["data"], nullptr);
}

TEST(Model, FieldsTableDescribesTheModel) {
  auto const& fields = Partner::fields();
  auto find = [&](std::string const& key) -> FieldSpec const* {
    for (auto const& f : fields) {
      if (key == f.key) return &f;
    }
    return nullptr;
  };
  ASSERT_NE(find("name"), nullptr);
  EXPECT_EQ(find("name")->kind, FieldKind::kString);
  ASSERT_NE(find("type"), nullptr);
  EXPECT_EQ(find("type")->kind, FieldKind::kEnum);
  EXPECT_EQ(find("invoice-maturity")->kind, FieldKind::kInteger);
  ASSERT_NE(find("billing-address"), nullptr);
  EXPECT_EQ(find("billing-address")->kind, FieldKind::kToOne);
  EXPECT_EQ(std::string(find("billing-address")->target_type), "address");
  ASSERT_NE(find("tags"), nullptr);
  EXPECT_EQ(find("tags")->kind, FieldKind::kToMany);
  EXPECT_EQ(std::string(find("tags")->target_type), "tag");
  EXPECT_EQ(find("partner_type"), nullptr);  // JSON names, not C++ names
  EXPECT_EQ(fields.size(), 17u);
  EXPECT_EQ(&Partner::fields(), &fields);  // one table
  EXPECT_EQ(BusinessCase::fields().front().kind, FieldKind::kString);
}

TEST(Model, CheckAcceptsNullAbsentAndUnknownFields) {
  Partner p(parse(json::parse(R"({"type": "partner", "id": "1",
      "attributes": {"name": null, "type": 2, "invoice-maturity": 14.0, "x-unknown": [1]},
      "relationships": {"billing-address": {"data": null}, "tags": {"data": []},
                        "contacts": {"links": {"related": "/partners/1/contacts"}}}})")));
  EXPECT_TRUE(p.check().ok()) << p.check().to_string();
  EXPECT_TRUE(Partner().check().ok());
}

TEST(Model, CheckReportsEachMismatchedKind) {
  Partner p(parse(json::parse(R"({"type": "partner", "id": "9",
      "attributes": {"name": 5, "type": "company", "invoice-maturity": 1.5},
      "relationships": {"billing-address": {"data": [{"type": "address", "id": "1"}]},
                        "tags": {"data": {"type": "tag", "id": "1"}}}})")));
  auto s = p.check();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_NE(s.message().find("partner 9"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("attributes.name: expected string, got number"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("attributes.type: expected enum (integer), got string"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("attributes.invoice-maturity: expected integer"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("relationships.billing-address: expected to-one relationship, got array"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("relationships.tags: expected to-many relationship, got object"), std::string::npos)
      << s.message();
}

TEST(Model, CheckReportsDatesAndHugeFloatsInIntegerFields) {
  BusinessCase bc(parse(json::parse(R"({"type": "business-case", "id": "3",
      "attributes": {"created": "31.10.2017", "finish-date": "2017-10-31T10:00:00"}})")));
  auto s = bc.check();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidResponse);
  EXPECT_NE(s.message().find("attributes.created: expected date-time"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("finish-date"), std::string::npos) << s.message();

  // A float no int64 can hold is no integer (and checking it must not overflow).
  Partner p(parse(json::parse(R"({"type": "partner", "attributes": {"invoice-maturity": 1e300}})")));
  EXPECT_NE(p.check().message().find("attributes.invoice-maturity: expected integer"), std::string::npos)
      << p.check().message();
  Partner q(parse(json::parse(R"({"type": "partner", "attributes": {"invoice-maturity": -9.3e18}})")));
  EXPECT_FALSE(q.check().ok());
  // The check agrees with the typed getter.
  Partner u(parse(json::parse(R"({"type": "partner", "attributes": {"invoice-maturity": 18446744073709551615}})")));
  EXPECT_FALSE(u.invoice_maturity());
  EXPECT_FALSE(u.check().ok());
}

// ---- custom fields ------------------------------------------------------------------

TEST(CustomFieldValues, EachKindHasItsRelationshipAndObject) {
  struct Case {
    CustomFieldValue value;
    CustomFieldType kind;
    char const* relationship;
    char const* type;
  };
  std::vector<Case> cases{
      {CustomFieldValue::text("4679", "ORD-123"), CustomFieldType::kText, "custom-field-string-values",
       "custom-field-string-value"},
      {CustomFieldValue::number("4680", 12.5), CustomFieldType::kNumber, "custom-field-numeric-values",
       "custom-field-numeric-value"},
      {CustomFieldValue::boolean("4681", true), CustomFieldType::kBool, "custom-field-bool-values",
       "custom-field-bool-value"},
      {CustomFieldValue::date("4682", DateTime{2017, 10, 31, 0, 0, 0}), CustomFieldType::kDate,
       "custom-field-date-values", "custom-field-date-value"},
      {CustomFieldValue::enumeration("4683", "77"), CustomFieldType::kEnum, "custom-field-enum-values",
       "custom-field-enum-value"},
  };
  for (auto const& c : cases) {
    SCOPED_TRACE(c.relationship);
    EXPECT_EQ(c.value.kind(), c.kind);
    EXPECT_EQ(std::string(c.value.relationship()), c.relationship);
    EXPECT_EQ(c.value.resource().type(), c.type);
    EXPECT_TRUE(c.value.resource().id().empty());
    EXPECT_EQ(c.value.resource().to_one("custom-field"), (ResourceId{"custom-field", c.value.field_id()}));
  }
  EXPECT_EQ(cases[0].value.as_text(), "ORD-123");
  EXPECT_EQ(cases[1].value.as_number(), 12.5);
  EXPECT_EQ(cases[2].value.as_bool(), true);
  EXPECT_EQ(cases[3].value.as_date(), (DateTime{2017, 10, 31, 0, 0, 0}));
  EXPECT_EQ(json::parse(cases[3].value.resource().attribute_json("value")), "2017-10-31T00:00:00");
  EXPECT_EQ(cases[4].value.as_enum_value_id(), "77");
  EXPECT_EQ(cases[4].value.resource().to_one("value"), (ResourceId{"custom-field-enum-value-definition", "77"}));
  EXPECT_FALSE(cases[0].value.as_enum_value_id());
}

TEST(CustomFieldValues, AddedValuesAreNestedAndReadBack) {
  Partner p;
  p.set_name("ACME");
  add_custom_field(p, CustomFieldValue::text("4679", "ORD-123"));
  add_custom_field(p, CustomFieldValue::text("4690", "second"));
  add_custom_field(p, CustomFieldValue::number("4680", 3));
  auto strings = written(p)["relationships"]["custom-field-string-values"]["data"];
  ASSERT_EQ(strings.size(), 2u);
  EXPECT_EQ(strings[0], json::parse(R"({"type": "custom-field-string-value", "attributes": {"value": "ORD-123"},
      "relationships": {"custom-field": {"data": {"type": "custom-field", "id": "4679"}}}})"));

  auto values = CustomFieldValue::read_all(p);
  ASSERT_EQ(values.size(), 3u);
  // read_all groups by kind: bool, numeric, string, date, enum.
  EXPECT_EQ(values[0].kind(), CustomFieldType::kNumber);
  EXPECT_EQ(values[0].field_id(), "4680");
  EXPECT_EQ(values[0].as_number(), 3.0);
  EXPECT_EQ(values[1].field_id(), "4679");
  EXPECT_EQ(values[1].as_text(), "ORD-123");
  EXPECT_EQ(values[2].as_text(), "second");
}

TEST(CustomFieldValues, ReadAllResolvesIncludedIdentifiers) {
  auto doc = detail::parse_document(R"({
    "data": {"type": "partner", "id": "1", "relationships": {
      "custom-field-string-values": {"data": [{"type": "custom-field-string-value", "id": "91"}]},
      "custom-field-enum-values": {"data": [{"type": "custom-field-enum-value", "id": "92"}]},
      "custom-field-bool-values": {"data": [{"type": "custom-field-bool-value", "id": "93"}]}}},
    "included": [
      {"type": "custom-field-string-value", "id": "91", "attributes": {"value": "ORD-9"},
       "relationships": {"custom-field": {"data": {"type": "custom-field", "id": "4679"}}}},
      {"type": "custom-field-enum-value", "id": "92",
       "relationships": {"custom-field": {"data": {"type": "custom-field", "id": "4683"}},
                         "value": {"data": {"type": "custom-field-enum-value-definition", "id": "77"}}}}]})");
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  auto values = CustomFieldValue::read_all(doc->data.front());
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0].kind(), CustomFieldType::kBool);  // not included: identifier only
  EXPECT_EQ(values[0].resource().id(), "93");
  EXPECT_FALSE(values[0].as_bool());
  EXPECT_EQ(values[1].kind(), CustomFieldType::kText);
  EXPECT_EQ(values[1].field_id(), "4679");
  EXPECT_EQ(values[1].as_text(), "ORD-9");
  EXPECT_EQ(values[2].kind(), CustomFieldType::kEnum);
  EXPECT_EQ(values[2].field_id(), "4683");
  EXPECT_EQ(values[2].as_enum_value_id(), "77");
}

// ---- included ----------------------------------------------------------------------

constexpr char kPartnerWithIncluded[] = R"({
  "data": {"type": "partner", "id": "1", "attributes": {"name": "ACME"}, "relationships": {
    "billing-address": {"data": {"type": "address", "id": "5"}},
    "mailing-address": {"data": {"type": "address", "id": "404"}},
    "tags": {"data": [{"type": "tag", "id": "2"}, {"type": "tag", "id": "999"}, {"type": "tag", "id": "3"}]},
    "responsible-user": {"data": null}}},
  "included": [
    {"type": "address", "id": "5", "attributes": {"city": "Nitra"}},
    {"type": "tag", "id": "2", "attributes": {"name": "VIP"}},
    {"type": "tag", "id": "3", "attributes": {"name": "New"}},
    {"type": "user", "id": "5", "attributes": {"name": "Not an address"}}]})";

TEST(Included, LookupAndRelated) {
  auto doc = detail::parse_document(kPartnerWithIncluded);
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  Partner p(doc->data.front());
  auto const& inc = p.included();
  EXPECT_EQ(inc.size(), 4u);
  ASSERT_NE(inc.find({"address", "5"}), nullptr);
  EXPECT_EQ(inc.find({"address", "5"})->get<std::string>("city"), "Nitra");
  EXPECT_EQ(inc.find({"user", "5"})->get<std::string>("name"), "Not an address");  // type matters
  EXPECT_EQ(inc.find({"address", "6"}), nullptr);
  EXPECT_EQ(inc.get<Tag>({"tag", "3"})->name(), "New");
  EXPECT_EQ(inc.all<Tag>().size(), 2u);

  auto billing = p.related<Address>("billing-address");
  ASSERT_TRUE(billing.has_value());
  EXPECT_EQ(billing->city(), "Nitra");
  EXPECT_FALSE(p.related<Address>("mailing-address"));  // not included
  EXPECT_FALSE(p.related<User>("responsible-user"));    // null
  EXPECT_FALSE(p.related<Address>("absent"));
  auto tags = p.related_many<Tag>("tags");
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].name(), "VIP");
  EXPECT_EQ(tags[1].name(), "New");

  Partner copy = p;  // copies keep the included resources
  EXPECT_EQ(copy.related<Address>("billing-address")->city(), "Nitra");
  EXPECT_TRUE(Partner().included().empty());
  EXPECT_FALSE(Partner().related<Address>("billing-address"));
}

}  // namespace
}  // namespace flowii
