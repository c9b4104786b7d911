// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Partner create/read/update/delete, FLOWii's nested writes and request validation.
#include "support.hpp"

namespace emu_test {
namespace {

using PartnerWrite = EmulatorTest;

json full_partner() {
  return json::parse(R"({"data":{"type":"partner",
    "attributes":{"name":"Firma z API","type":1,"comment":"komentar","ico":"12345678","dic":"2020202020",
                  "ic-dph":"SK2020202020","invoice-maturity":14,"x-unknown":{"kept":[1,2]}},
    "relationships":{
      "billing-address":{"data":{"type":"address","attributes":{"street":"Ernestova bašta 2","city":"Nové Zámky","zip":"940 01"},
                                  "relationships":{"country":{"data":{"type":"country","id":"1"}}}}},
      "responsible-user":{"data":{"type":"user","id":"11143"}},
      "key-contact":{"data":{"type":"contact","attributes":{"first-name":"Patrik","last-name":"Škulavík","email":"patrik@firma.example","is-subscribed":false}}},
      "contacts":{"data":[{"type":"contact","attributes":{"first-name":"Kontaktna","last-name":"Osoba","phone":"+421 948 411 307"}}]},
      "accounts":{"data":[{"type":"account","attributes":{"prefix":null,"number":"7500705500","iban":"SK5275000000000075005500","swift":"CEKOSKBX","bank-code":"7500"}}]},
      "tags":{"data":[{"type":"tag","attributes":{"name":"VIP"}},{"type":"tag","attributes":{"name":"nový štítok"}}]}
    }}})");
}

json const* included(Reply const& reply, std::string const& type, std::string const& id) {
  for (auto const& item : reply.doc["included"]) {
    if (item["type"] == type && item["id"] == id) return &item;
  }
  return nullptr;
}

std::string create(Api& api, json const& doc) {
  auto const reply = api.post("/partners", doc);
  EXPECT_EQ(reply.status, 200) << reply.body;
  return reply.doc["data"].value("id", "");
}

TEST_F(PartnerWrite, CreateReadPatchReadDelete) {
  auto const created = api().post("/partners", full_partner());
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.doc["data"]["type"], "partner");
  EXPECT_EQ(created.doc["data"]["attributes"], json::object());  // FLOWii's documented create reply
  auto const id = created.doc["data"]["id"].get<std::string>();
  EXPECT_GT(std::stoll(id), 100000);

  auto read = api().get("/partners/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  auto const& data = read.doc["data"];
  EXPECT_EQ(data["attributes"]["name"], "Firma z API");
  EXPECT_EQ(data["attributes"]["ic-dph"], "SK2020202020");
  EXPECT_EQ(data["attributes"]["x-unknown"], json::parse(R"({"kept":[1,2]})"));  // round trip
  EXPECT_EQ(data["relationships"]["responsible-user"]["data"]["id"], "11143");
  EXPECT_TRUE(data["relationships"]["delivery-address"]["data"].is_null());
  EXPECT_EQ(read.doc["links"]["self"], emu().base_url() + "/partners/" + id + "?companyid=1");

  // Nested objects became records of their own, linked by {type,id} and included.
  auto const address_id = data["relationships"]["billing-address"]["data"]["id"].get<std::string>();
  auto const* address = included(read, "address", address_id);
  ASSERT_NE(address, nullptr);
  EXPECT_EQ((*address)["attributes"]["city"], "Nové Zámky");
  EXPECT_EQ((*address)["relationships"]["country"]["data"]["id"], "1");
  auto const key_id = data["relationships"]["key-contact"]["data"]["id"].get<std::string>();
  ASSERT_NE(included(read, "contact", key_id), nullptr);
  EXPECT_NE(included(read, "user", "11143"), nullptr);
  EXPECT_EQ(data["relationships"]["contacts"]["data"].size(), 1u);
  EXPECT_EQ(data["relationships"]["accounts"]["data"].size(), 1u);
  EXPECT_EQ(data["relationships"]["tags"]["data"].size(), 2u);

  // PATCH: attributes merge; a nested object with an id is updated in place,
  // one without an id is created.
  auto const contact_id = data["relationships"]["contacts"]["data"][0]["id"].get<std::string>();
  json patch = {
      {"data",
       {{"type", "partner"},
        {"id", id},
        {"attributes", {{"comment", "upraveny komentar"}}},
        {"relationships",
         {{"billing-address",
           {{"data", {{"type", "address"}, {"id", address_id}, {"attributes", {{"city", "Komárno"}}}}}}},
          {"contacts",
           {{"data",
             json::array(
                 {{{"type", "contact"}, {"id", contact_id}, {"attributes", {{"email", "osoba@firma.example"}}}},
                  {{"type", "contact"}, {"attributes", {{"first-name", "Nová"}, {"last-name", "Kontaktná"}}}}})}}}}}}}};
  auto const patched = api().patch("/partners/" + id, patch);
  EXPECT_EQ(patched.status, 204) << patched.body;
  EXPECT_TRUE(patched.body.empty());

  read = api().get("/partners/" + id);
  auto const& after = read.doc["data"];
  EXPECT_EQ(after["attributes"]["comment"], "upraveny komentar");
  EXPECT_EQ(after["attributes"]["name"], "Firma z API");
  EXPECT_EQ(after["relationships"]["billing-address"]["data"]["id"], address_id);
  EXPECT_EQ((*included(read, "address", address_id))["attributes"]["city"], "Komárno");
  EXPECT_EQ((*included(read, "address", address_id))["attributes"]["zip"], "940 01");
  ASSERT_EQ(after["relationships"]["contacts"]["data"].size(), 2u);
  EXPECT_EQ((*included(read, "contact", contact_id))["attributes"]["email"], "osoba@firma.example");
  EXPECT_EQ((*included(read, "contact", contact_id))["attributes"]["last-name"], "Osoba");

  auto const contacts = api().get("/partners/" + id + "/contacts");
  EXPECT_EQ(contacts.doc["data"].size(), 3u);  // key contact + two contacts

  EXPECT_EQ(api().del("/partners/" + id).status, 204);
  EXPECT_EQ(api().get("/partners/" + id).status, 404);
  EXPECT_EQ(api().del("/partners/" + id).status, 404);
  EXPECT_EQ(api().get("/partners/" + id + "/contacts").status, 404);
}

TEST_F(PartnerWrite, NewIdsIncrease) {
  auto const a = std::stoll(create(api(), partner_doc("A")));
  auto const b = std::stoll(create(api(), partner_doc("B")));
  EXPECT_GT(b, a);
}

TEST_F(PartnerWrite, TagsAreReusedByName) {
  auto const before = api().get("/partners/tags").doc["data"].size();
  auto const id = create(api(), full_partner());  // "VIP" exists, "nový štítok" does not
  auto const tags = api().get("/partners/tags").doc["data"];
  EXPECT_EQ(tags.size(), before + 1);
  auto const read = api().get("/partners/" + id);
  for (auto const& link : read.doc["data"]["relationships"]["tags"]["data"]) {
    auto const tag = api().get("/tags/" + link["id"].get<std::string>());
    ASSERT_EQ(tag.status, 200);
    EXPECT_EQ(tag.doc["data"]["type"], "tag");
  }
}

TEST_F(PartnerWrite, CustomFieldValuesRoundTrip) {
  auto const fields = api().get("/partners/customfields").doc;
  std::map<int, json> by_type;
  for (auto const& f : fields["data"]) by_type[f["attributes"]["value-type"].get<int>()] = f;
  ASSERT_EQ(by_type.size(), 5u);
  auto const option = by_type[6]["relationships"]["value-definitions"]["data"][0]["id"];
  auto value = [&](char const* type, int value_type, json v) {
    return json::array(
        {{{"type", type},
          {"attributes", {{"value", v}}},
          {"relationships",
           {{"custom-field", {{"data", {{"type", "custom-field"}, {"id", by_type[value_type]["id"]}}}}}}}}});
  };
  auto doc = partner_doc("S vlastnými poľami");
  doc["data"]["relationships"] = {
      {"custom-field-string-values", {{"data", value("custom-field-string-value", 3, "ZML-1")}}},
      {"custom-field-numeric-values", {{"data", value("custom-field-numeric-value", 2, 2500)}}},
      {"custom-field-bool-values", {{"data", value("custom-field-bool-value", 1, true)}}},
      {"custom-field-date-values", {{"data", value("custom-field-date-value", 4, "2022-10-31T00:00:00")}}},
      {"custom-field-enum-values",
       {{"data",
         json::array({{{"type", "custom-field-enum-value"},
                       {"relationships",
                        {{"value", {{"data", {{"type", "custom-field-enum-value-definition"}, {"id", option}}}}},
                         {"custom-field", {{"data", {{"type", "custom-field"}, {"id", by_type[6]["id"]}}}}}}}}})}}}};
  auto const id = create(api(), doc);
  auto const read = api().get("/partners/" + id);
  auto const string_link = read.doc["data"]["relationships"]["custom-field-string-values"]["data"][0];
  auto const* string_value = included(read, "custom-field-string-value", string_link["id"]);
  ASSERT_NE(string_value, nullptr);
  EXPECT_EQ((*string_value)["attributes"]["value"], "ZML-1");
  EXPECT_EQ((*string_value)["relationships"]["custom-field"]["data"]["id"], by_type[3]["id"]);
  auto const enum_link = read.doc["data"]["relationships"]["custom-field-enum-values"]["data"][0];
  EXPECT_EQ((*included(read, "custom-field-enum-value", enum_link["id"]))["relationships"]["value"]["data"]["id"],
            option);

  // A value must point at a definition of its kind.
  doc["data"]["relationships"] = {
      {"custom-field-string-values", {{"data", value("custom-field-string-value", 2, "x")}}}};
  auto const wrong = api().post("/partners", doc);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.error()["source"]["pointer"],
            "/data/relationships/custom-field-string-values/data/0/relationships/custom-field/data");
}

TEST_F(PartnerWrite, MissingRequiredAttributesAre422WithPointers) {
  auto const reply =
      api().post("/partners", json::parse(R"({"data":{"type":"partner","attributes":{"comment":"x"}}})"));
  EXPECT_EQ(reply.status, 422);
  ASSERT_EQ(reply.doc["errors"].size(), 2u);
  EXPECT_EQ(reply.doc["errors"][0]["source"]["pointer"], "/data/attributes/name");
  EXPECT_EQ(reply.doc["errors"][1]["source"]["pointer"], "/data/attributes/type");
  EXPECT_EQ(reply.doc["errors"][0]["status"], "422");
}

TEST_F(PartnerWrite, TypeMismatchesAre422) {
  auto doc = partner_doc("X");
  doc["data"]["attributes"]["type"] = "firma";
  doc["data"]["attributes"]["invoice-maturity"] = "soon";
  auto reply = api().post("/partners", doc);
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.doc["errors"].size(), 2u);

  doc = partner_doc("X", 3);  // not a FLOWii partner type
  EXPECT_EQ(api().post("/partners", doc).error()["source"]["pointer"], "/data/attributes/type");

  doc = partner_doc("X");
  doc["data"]["relationships"] = {{"contacts", {{"data", {{"type", "contact"}, {"attributes", json::object()}}}}}};
  reply = api().post("/partners", doc);  // to-many needs an array
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.error()["source"]["pointer"], "/data/relationships/contacts/data");

  doc = partner_doc("X");
  doc["data"]["relationships"] = {
      {"responsible-user", {{"data", {{"type", "user"}, {"attributes", {{"name", "New"}}}}}}}};
  EXPECT_EQ(api().post("/partners", doc).status, 422);  // users cannot be created inline

  doc = partner_doc("X");
  doc["data"]["relationships"] = {
      {"billing-address", {{"data", {{"type", "address"}, {"attributes", {{"zip", 94001}}}}}}}};
  EXPECT_EQ(api().post("/partners", doc).error()["source"]["pointer"],
            "/data/relationships/billing-address/data/attributes/zip");
}

TEST_F(PartnerWrite, LinksToMissingRecordsAre404) {
  auto doc = partner_doc("X");
  doc["data"]["relationships"] = {{"responsible-user", {{"data", {{"type", "user"}, {"id", "424242"}}}}}};
  auto const reply = api().post("/partners", doc);
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.error()["source"]["pointer"], "/data/relationships/responsible-user/data/id");
}

TEST_F(PartnerWrite, FailedWritesLeaveNothingBehind) {
  auto const before = api().ids("/partners").size();
  auto const tags_before = api().get("/partners/tags").doc["data"].size();
  auto doc = full_partner();
  doc["data"]["attributes"].erase("name");  // fails after the nested records were written
  EXPECT_EQ(api().post("/partners", doc).status, 422);
  EXPECT_EQ(api().ids("/partners").size(), before);
  EXPECT_EQ(api().get("/partners/tags").doc["data"].size(), tags_before);
  auto const next = std::stoll(create(api(), partner_doc("after")));
  auto const again = std::stoll(create(api(), partner_doc("after 2")));
  EXPECT_EQ(again, next + 1);  // the failed write did not use up ids either
}

TEST_F(PartnerWrite, DocumentErrors) {
  auto const target = api().target("/partners", {});
  auto reply = api().send("POST", target, api().auth_headers(), "{not json", "application/vnd.api+json");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error()["status"], "400");

  reply = api().send("POST", target, api().auth_headers(), partner_doc("X").dump(), "text/plain");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error()["source"]["header"], "Content-Type");
  EXPECT_EQ(api()
                .send("POST", target, api().auth_headers(), partner_doc("X").dump(), "application/json; charset=utf-8")
                .status,
            200);

  reply = api().post("/partners", json::parse(R"({"meta":{}})"));
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error()["source"]["pointer"], "/data");

  auto doc = partner_doc("X");
  doc["data"]["type"] = "order";
  EXPECT_EQ(api().post("/partners", doc).status, 409);
  doc = partner_doc("X");
  doc["data"]["id"] = "5";
  EXPECT_EQ(api().post("/partners", doc).status, 403);  // no client-generated ids
}

TEST_F(PartnerWrite, PatchIdAndTypeMustMatch) {
  auto const id = create(api(), partner_doc("X"));
  auto doc = partner_doc("Y");
  doc["data"]["id"] = "1";
  auto reply = api().patch("/partners/" + id, doc);
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(reply.error()["source"]["pointer"], "/data/id");
  doc["data"]["id"] = std::stoll(id);  // numeric ids, as some FLOWii examples send, are accepted
  EXPECT_EQ(api().patch("/partners/" + id, doc).status, 204);
  doc["data"]["type"] = "contact";
  EXPECT_EQ(api().patch("/partners/" + id, doc).status, 409);
  doc = partner_doc("Y");
  EXPECT_EQ(api().patch("/partners/" + id, doc).status, 400);  // no id at all
  EXPECT_EQ(api().patch("/partners/99999999", doc).status, 404);

  doc = {{"data", {{"type", "partner"}, {"id", id}, {"attributes", {{"name", nullptr}}}}}};
  EXPECT_EQ(api().patch("/partners/" + id, doc).status, 422);  // required stays required
}

TEST_F(PartnerWrite, EditedTimeFollowsTheVirtualClock) {
  auto const id = create(api(), partner_doc("Clock"));
  auto const created = std::chrono::system_clock::to_time_t(emu().now());
  emu().advance_clock(std::chrono::seconds(300));  // stays within the token's lifetime
  json patch = {{"data", {{"type", "partner"}, {"id", id}, {"attributes", {{"comment", "later"}}}}}};
  ASSERT_EQ(api().patch("/partners/" + id, patch).status, 204);
  auto const edited_from = std::to_string(created + 200);
  auto const ids = api().ids(
      "/partners", {{"filter[edited-from]", edited_from}, {"filter[created-to]", std::to_string(created + 10)}});
  EXPECT_EQ(ids, std::vector<std::string>{id});
}

// A server clock two minutes ahead: FLOWii stamps with its own clock (what the
// created-from and edited-from filters read); the virtual clock (the client's)
// stays where it is.
TEST_F(PartnerWrite, ASkewedServerClockStampsRecordsWithItsOwnTime) {
  emu().advance_clock(std::chrono::seconds(300));  // past the demo data's stamps, within the token's lifetime
  auto const now = std::chrono::system_clock::to_time_t(emu().now());
  auto reply =
      api().send("POST", "/_emulator/switches", {}, R"({"server_clock_skew_seconds":120})", "application/json");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(std::chrono::system_clock::to_time_t(emu().now()), now);
  auto const id = create(api(), partner_doc("Skewed"));
  for (char const* filter : {"filter[created-from]", "filter[edited-from]"}) {
    EXPECT_EQ(api().ids("/partners", {{filter, std::to_string(now + 120)}}), std::vector<std::string>{id}) << filter;
    EXPECT_TRUE(api().ids("/partners", {{filter, std::to_string(now + 121)}}).empty()) << filter;
  }
  reply = api().send("POST", "/_emulator/switches", {}, R"({"server_clock_skew_seconds":-30})", "application/json");
  ASSERT_EQ(reply.status, 200) << reply.body;
  json patch = {{"data", {{"type", "partner"}, {"id", id}, {"attributes", {{"comment", "behind"}}}}}};
  ASSERT_EQ(api().patch("/partners/" + id, patch).status, 204);
  EXPECT_TRUE(api().ids("/partners", {{"filter[edited-from]", std::to_string(now - 29)}}).empty());
  EXPECT_EQ(api().ids("/partners", {{"filter[edited-from]", std::to_string(now - 30)}}), std::vector<std::string>{id});
}

}  // namespace
}  // namespace emu_test
