// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Lists: FLOWii paging, links, every partner filter kind, code lists and sub-lists.
#include <algorithm>
#include <set>

#include "support.hpp"

namespace emu_test {
namespace {

using Listing = EmulatorTest;

constexpr std::size_t demo_partners = 25;

// Every partner's detail document, by id.
std::map<std::string, Reply> details(Api& api) {
  std::map<std::string, Reply> out;
  for (auto const& id : api.ids("/partners")) out[id] = api.get("/partners/" + id);
  return out;
}

std::vector<std::string> ids_of(Reply const& reply) {
  std::vector<std::string> out;
  for (auto const& item : reply.doc["data"]) out.push_back(item["id"].get<std::string>());
  return out;
}

std::vector<std::string> linked_ids(Reply const& detail, std::string const& relationship) {
  std::vector<std::string> out;
  auto const& data = detail.doc["data"]["relationships"][relationship]["data"];
  if (data.is_object()) out.push_back(data["id"].get<std::string>());
  if (data.is_array()) {
    for (auto const& item : data) out.push_back(item["id"].get<std::string>());
  }
  return out;
}

// Ids of the partners whose detail passes `keep`.
template <class Keep>
std::vector<std::string> expected(std::map<std::string, Reply> const& all, Keep keep) {
  std::vector<std::string> out;
  for (auto const& [id, detail] : all) {
    if (keep(detail)) out.push_back(id);
  }
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST_F(Listing, PagesStartAtZero) {
  auto const page0 = api().get("/partners", {{"page[size]", "10"}});
  ASSERT_EQ(page0.status, 200) << page0.body;
  EXPECT_EQ(page0.doc["data"].size(), 10u);
  EXPECT_EQ(page0.doc["links"]["self"], emu().base_url() + "/partners?companyid=1&page[size]=10");
  EXPECT_EQ(page0.doc["links"]["first"], emu().base_url() + "/partners?companyid=1&page[size]=10&page[number]=0");
  EXPECT_FALSE(page0.doc["links"].contains("next"));  // FLOWii shows only first

  auto const page1 = api().get("/partners", {{"page[size]", "10"}, {"page[number]", "1"}});
  auto const page2 = api().get("/partners", {{"page[size]", "10"}, {"page[number]", "2"}});
  auto const page3 = api().get("/partners", {{"page[size]", "10"}, {"page[number]", "3"}});
  EXPECT_EQ(page1.doc["data"].size(), 10u);
  EXPECT_EQ(page2.doc["data"].size(), 5u);
  EXPECT_TRUE(page3.doc["data"].empty());
  EXPECT_NE(page0.doc["data"][0]["id"], page1.doc["data"][0]["id"]);

  EXPECT_EQ(api().get("/partners").doc["data"].size(), 20u);  // default page size
  EXPECT_EQ(api().ids("/partners").size(), demo_partners);
}

TEST_F(Listing, ListItemsAreLeanWithIncludedTypes) {
  auto const reply = api().get("/partners", {{"page[size]", "3"}});
  auto const& item = reply.doc["data"][0];
  EXPECT_EQ(item["type"], "partner");
  EXPECT_EQ(item["links"]["self"], emu().base_url() + "/partners/" + item["id"].get<std::string>() + "/");
  EXPECT_EQ(item["attributes"].size(), 2u);  // name and type, as FLOWii's list shows
  EXPECT_TRUE(item["attributes"].contains("name"));
  EXPECT_EQ(item["relationships"].size(), 2u);
  auto const type = item["relationships"]["base-business-relationship"];
  EXPECT_EQ(type["links"]["related"],
            emu().base_url() + "/businessrelationships/" + type["data"]["id"].get<std::string>() + "/");
  bool found = false;
  for (auto const& inc : reply.doc["included"]) found = found || inc["id"] == type["data"]["id"];
  EXPECT_TRUE(found);
}

TEST_F(Listing, BadPageParametersAre400) {
  EXPECT_EQ(api().get("/partners", {{"page[number]", "-1"}}).error()["source"]["parameter"], "page[number]");
  EXPECT_EQ(api().get("/partners", {{"page[size]", "0"}}).status, 400);
  EXPECT_EQ(api().get("/partners", {{"page[size]", "many"}}).status, 400);
}

class SmallPages : public EmulatorTest {
  void configure(flowii::emulator::Options& o) override {
    o.send_next_links = true;
    o.default_page_size = 4;
    o.max_page_size = 6;
  }
};

TEST_F(SmallPages, NextLinksWalkTheWholeList) {
  EXPECT_EQ(api().get("/partners").doc["data"].size(), 4u);
  EXPECT_EQ(api().get("/partners", {{"page[size]", "100"}}).doc["data"].size(), 6u);  // capped

  std::set<std::string> seen;
  std::string target = api().target("/partners", {{"filter[search-text]", " "}});
  int pages = 0;
  for (;;) {
    auto const reply = api().send("GET", target, api().auth_headers());
    ASSERT_EQ(reply.status, 200) << reply.body;
    for (auto const& id : ids_of(reply)) EXPECT_TRUE(seen.insert(id).second);
    ++pages;
    if (!reply.doc["links"].contains("next")) break;
    target = reply.doc["links"]["next"].get<std::string>().substr(emu().base_url().size());
  }
  EXPECT_EQ(seen.size(), demo_partners);
  EXPECT_EQ(pages, 7);  // 6 full pages of 4, then 1
}

TEST_F(Listing, SearchTextIsCaseInsensitiveOverNamesIdsAndEmails) {
  auto const all = details(api());
  EXPECT_EQ(api().ids("/partners", {{"filter[search-text]", "TATRASTAV"}}).size(), 1u);
  EXPECT_EQ(api().ids("/partners", {{"filter[search-text]", "ŠARIŠ print"}}).size(), 1u);

  auto const& some = all.begin()->second;
  auto const ico = some.doc["data"]["attributes"]["ico"].get<std::string>();
  EXPECT_EQ(api().ids("/partners", {{"filter[search-text]", ico}}), std::vector<std::string>{all.begin()->first});

  auto const key = linked_ids(some, "key-contact").front();
  std::string email;
  for (auto const& inc : some.doc["included"]) {
    if (inc["type"] == "contact" && inc["id"] == key) email = inc["attributes"]["email"];
  }
  ASSERT_FALSE(email.empty());
  auto const hits = api().ids("/partners", {{"filter[search-text]", email}});
  EXPECT_NE(std::find(hits.begin(), hits.end(), all.begin()->first), hits.end());
  EXPECT_TRUE(api().ids("/partners", {{"filter[search-text]", "no such partner"}}).empty());
}

TEST_F(Listing, IdFiltersMatchRelationships) {
  auto const all = details(api());
  auto const types = api().get("/businessrelationships").doc["data"];
  ASSERT_EQ(types.size(), 3u);
  for (auto const& type : types) {
    auto const id = type["id"].get<std::string>();
    auto const want = expected(all, [&](Reply const& d) {
      return linked_ids(d, "base-business-relationship") == std::vector<std::string>{id};
    });
    EXPECT_EQ(sorted(api().ids("/partners", {{"filter[type-id]", id}})), want);
  }
  for (auto const& [pid, d] : all) {
    auto const s = d.doc["data"]["relationships"]["extended-business-relationship"]["data"];
    if (s.is_null()) continue;
    auto const want = expected(all, [&](Reply const& x) {
      return linked_ids(x, "extended-business-relationship") == std::vector<std::string>{s["id"].get<std::string>()};
    });
    EXPECT_EQ(sorted(api().ids("/partners", {{"filter[subtype-id]", s["id"]}})), want);
    break;
  }
  auto const user = linked_ids(all.begin()->second, "responsible-user").front();
  EXPECT_EQ(sorted(api().ids("/partners", {{"filter[responsible-user-id]", user}})),
            expected(all, [&](Reply const& d) { return linked_ids(d, "responsible-user").front() == user; }));
}

TEST_F(Listing, CountryFilterFollowsTheBillingAddress) {
  auto const all = details(api());
  auto country_of = [](Reply const& d) {
    auto const address = linked_ids(d, "billing-address").front();
    for (auto const& inc : d.doc["included"]) {
      if (inc["type"] == "address" && inc["id"] == address)
        return inc["relationships"]["country"]["data"]["id"].get<std::string>();
    }
    return std::string();
  };
  for (std::string const country : {"1", "2", "3"}) {
    auto const want = expected(all, [&](Reply const& d) { return country_of(d) == country; });
    EXPECT_EQ(sorted(api().ids("/partners", {{"filter[billing-address-country-id]", country}})), want) << country;
  }
  EXPECT_EQ(api().get("/partners", {{"filter[billing-address-country-id]", "SK"}}).status, 400);
}

TEST_F(Listing, TagFilterTakesListsAndRepeatedParameters) {
  auto const all = details(api());
  auto const tags = api().get("/partners/tags").doc["data"];
  ASSERT_EQ(tags.size(), 5u);
  auto const a = tags[0]["id"].get<std::string>(), b = tags[1]["id"].get<std::string>();
  auto has = [](Reply const& d, std::string const& tag) {
    auto const t = linked_ids(d, "tags");
    return std::find(t.begin(), t.end(), tag) != t.end();
  };
  auto const want = expected(all, [&](Reply const& d) { return has(d, a) || has(d, b); });
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(sorted(api().ids("/partners", {{"filter[tag-ids]", a + "," + b}})), want);
  EXPECT_EQ(sorted(api().ids("/partners", {{"filter[tag-ids]", a}, {"filter[tag-ids]", b}})), want);
  EXPECT_EQ(sorted(api().ids("/partners", {{"filter[tag-ids]", a}})),
            expected(all, [&](Reply const& d) { return has(d, a); }));
}

TEST_F(Listing, CreatedRangeUsesTheVirtualClock) {
  auto const now = std::chrono::system_clock::to_time_t(emu().now());
  auto const created = api().post("/partners", partner_doc("Nový partner"));
  auto const id = created.doc["data"]["id"].get<std::string>();
  EXPECT_EQ(api().ids("/partners", {{"filter[created-from]", std::to_string(now)}}), std::vector<std::string>{id});
  EXPECT_EQ(api().ids("/partners", {{"filter[created-to]", std::to_string(now - 1)}}).size(), demo_partners);
  EXPECT_EQ(
      api().ids("/partners", {{"filter[created-from]", "0"}, {"filter[created-to]", std::to_string(now + 60)}}).size(),
      demo_partners + 1);
  EXPECT_EQ(api().get("/partners", {{"filter[created-from]", "yesterday"}}).status, 400);
}

TEST_F(Listing, FiltersThroughOtherModulesRecords) {
  // business-case-created-from=0 keeps exactly the partners that have business cases.
  std::vector<std::string> with_cases;
  for (auto const& id : api().ids("/partners")) {
    if (!api().get("/partners/" + id + "/businesscases").doc["data"].empty()) with_cases.push_back(id);
  }
  EXPECT_EQ(sorted(api().ids("/partners", {{"filter[business-case-created-from]", "0"}})), sorted(with_cases));
  auto const future = std::to_string(std::chrono::system_clock::to_time_t(emu().now()) + 86400);
  EXPECT_TRUE(api().ids("/partners", {{"filter[business-case-created-from]", future}}).empty());
  EXPECT_TRUE(api().ids("/partners", {{"filter[order-state]", "987654"}}).empty());
  EXPECT_EQ(api().get("/partners", {{"filter[order-state]", "open"}}).status, 400);
  // Every partner's own creation counts as activity, so since 1970 all are active.
  EXPECT_EQ(api().ids("/partners", {{"filter[active-from]", "0"}}).size(), demo_partners);
}

TEST_F(Listing, CodeListsAreUnpaged) {
  auto const countries = api().get("/countries");
  ASSERT_EQ(countries.status, 200);
  EXPECT_EQ(countries.doc["data"][0]["attributes"]["name"], "Slovensko");
  EXPECT_EQ(countries.doc["data"][1]["attributes"]["name"], "Česko");
  EXPECT_EQ(countries.doc["data"][2]["attributes"]["name"], "Maďarsko");
  EXPECT_EQ(countries.doc["links"].size(), 1u);
  EXPECT_EQ(countries.doc["links"]["self"], emu().base_url() + "/countries?companyid=1");

  auto const permissions = api().get("/permissions").doc["data"];
  std::set<int> modules;
  for (auto const& p : permissions) modules.insert(p["attributes"]["modul"].get<int>());
  EXPECT_EQ(modules, (std::set<int>{1, 2, 4, 11, 19}));

  auto const users = api().get("/users").doc["data"];
  EXPECT_GE(users.size(), 3u);
  EXPECT_EQ(users[0]["attributes"]["name"], "Novák Ján");
  auto const colleague = api().get("/users/11143");
  EXPECT_EQ(colleague.doc["data"]["attributes"]["name"], "Kováčová Mária");
  EXPECT_EQ(api().get("/users/self").doc["data"]["id"], "11142");
}

TEST_F(Listing, PartnerTypesAndSubtypes) {
  auto const types = api().get("/businessrelationships");
  ASSERT_EQ(types.doc["data"].size(), 3u);
  for (auto const& t : types.doc["data"]) EXPECT_TRUE(t["relationships"]["parent"]["data"].is_null());
  auto const customer = types.doc["data"][0]["id"].get<std::string>();
  EXPECT_EQ(api().get("/businessrelationships/" + customer).doc["data"]["attributes"]["name"], "Zákazník");

  auto const subtypes = api().get("/businessrelationships/" + customer + "/businessrelationships");
  ASSERT_EQ(subtypes.doc["data"].size(), 3u);
  EXPECT_EQ(subtypes.doc["data"][0]["attributes"]["name"], "A ★★★");
  EXPECT_EQ(subtypes.doc["data"][0]["relationships"]["parent"]["data"]["id"], customer);
  EXPECT_EQ(subtypes.doc["included"][0]["id"], customer);
}

TEST_F(Listing, PartnerCustomFieldsAndTags) {
  auto const fields = api().get("/partners/customfields");
  ASSERT_EQ(fields.doc["data"].size(), 5u);
  std::set<int> kinds;
  for (auto const& f : fields.doc["data"]) {
    EXPECT_EQ(f["type"], "custom-field");
    kinds.insert(f["attributes"]["value-type"].get<int>());
  }
  EXPECT_EQ(kinds, (std::set<int>{1, 2, 3, 4, 6}));
  auto const& enum_field = fields.doc["data"][4];
  EXPECT_EQ(enum_field["relationships"]["value-definitions"]["data"].size(), 3u);
  EXPECT_EQ(fields.doc["included"].size(), 3u);
  EXPECT_EQ(fields.doc["included"][0]["type"], "custom-field-enum-value-definition");

  auto const tags = api().get("/partners/tags").doc["data"];
  EXPECT_EQ(tags[0]["links"]["self"], emu().base_url() + "/tags/" + tags[0]["id"].get<std::string>() + "/");
}

TEST_F(Listing, SubListsArePagedListsOfTheirType) {
  auto const id = api().ids("/partners").front();
  std::map<std::string, std::string> const types = {{"tasks", "task"},   {"communications", "communication"},
                                                    {"mails", "mail"},   {"businesscases", "business-case"},
                                                    {"orders", "order"}, {"documents", "document"}};
  for (auto const& [sub, type] : types) {
    auto const reply = api().get("/partners/" + id + "/" + sub);
    ASSERT_EQ(reply.status, 200) << sub;
    for (auto const& item : reply.doc["data"]) EXPECT_EQ(item["type"], type);
    EXPECT_EQ(reply.doc["links"]["first"],
              emu().base_url() + "/partners/" + id + "/" + sub + "?companyid=1&page[number]=0");
  }
  auto const contacts = api().get("/partners/" + id + "/contacts");
  EXPECT_GE(contacts.doc["data"].size(), 1u);
  EXPECT_EQ(contacts.doc["data"][0]["type"], "contact");
}

TEST_F(Listing, CompaniesHaveSeparateData) {
  Api hungarian(emu(), "2");
  auto const names = hungarian.get("/partners", {{"page[size]", "100"}}).doc["data"];
  EXPECT_EQ(names.size(), demo_partners);
  EXPECT_EQ(names[0]["attributes"]["name"], "Duna Építő Kft.");
  auto const slovak_id = api().ids("/partners").front();
  EXPECT_EQ(hungarian.get("/partners/" + slovak_id).status, 404);
  EXPECT_EQ(hungarian.get("/businessrelationships").doc["data"][0]["attributes"]["name"], "Ügyfél");
}

TEST(ListingSeed, DemoDataIsDeterministicPerSeed) {
  auto snapshot = [](std::uint64_t seed) {
    flowii::emulator::Options o;
    o.seed = seed;
    flowii::emulator::Emulator emu(o);
    emu.start();
    Api api(emu);
    std::string out;
    for (auto const& id : api.ids("/partners")) out += api.get("/partners/" + id).doc["data"].dump();
    for (auto at = out.find(emu.base_url()); at != std::string::npos; at = out.find(emu.base_url())) {
      out.erase(at, emu.base_url().size());  // links name the port, which differs per instance
    }
    return out;
  };
  auto const a = snapshot(42);
  EXPECT_EQ(a, snapshot(42));
  EXPECT_NE(a, snapshot(7));
}

}  // namespace
}  // namespace emu_test
