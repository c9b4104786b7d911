// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// How decoded resources hold and free their JSON: type and id are taken out of the
// object once, and the object is freed from its leaves up, never by unbounded recursion.
#include <flowii/resource.hpp>

#include "core/jsonapi.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace flowii {
namespace {

TEST(ResourceReleaseTest, DeeplyNestedAttributesAreFreedWithoutDeepRecursion) {
  // Far deeper than a thread's stack could take one frame per level.
  constexpr std::size_t kDepth = 300'000;
  std::string const nested = std::string(kDepth, '[') + std::string(kDepth, ']');
  {
    auto r = Resource::from_json(R"({"type": "partner", "id": "7", "attributes": {"deep": )" + nested + "}}");
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->type(), "partner");
    EXPECT_EQ(r->id(), "7");
    EXPECT_TRUE(r->has("deep"));
  }  // freed here, leaves first to a bounded depth: a crash would end the test run
}

TEST(ResourceReleaseTest, DecodedResourcesKeepTypeAndIdAfterTheirObjectIsMovedIn) {
  auto doc = detail::parse_document(R"({
      "data": {"type": "partner", "id": "7", "attributes": {"name": "ACME"},
               "relationships": {"contact": {"data": {"type": "contact", "id": 12}}}},
      "included": [{"type": "contact", "id": 12, "attributes": {"name": "Eva"}}]})");
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  ASSERT_EQ(doc->data.size(), 1u);
  Resource partner = std::move(doc->data.front());
  doc = Status(ErrorCode::kUnknown, "the document is gone");  // resources outlive it
  EXPECT_EQ(partner.type(), "partner");
  EXPECT_EQ(partner.id(), "7");
  EXPECT_EQ(partner.get<std::string>("name"), "ACME");
  Resource const* contact = partner.included().find({"contact", "12"});  // a numeric id, as a string
  ASSERT_NE(contact, nullptr);
  EXPECT_EQ(contact->get<std::string>("name"), "Eva");
  // Writing uses the fields, so a copy written out says what was read.
  Resource copy = partner;
  auto const written = nlohmann::json::parse(copy.to_json());
  EXPECT_EQ(written["type"], "partner");
  EXPECT_EQ(written["id"], "7");
  EXPECT_EQ(written["attributes"]["name"], "ACME");
  EXPECT_EQ(written["relationships"]["contact"]["data"]["id"], 12);
}

}  // namespace
}  // namespace flowii
