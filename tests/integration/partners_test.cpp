// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Partners surface against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

class PartnersTest : public EmulatorTest {};

Partner sample_partner(std::string const& name) {
  Partner p;
  p.set_name(name)
      .set_partner_type(PartnerType::kCompany)
      .set_ico("36123456")
      .set_dic("2020123456")
      .set_ic_dph("SK2020123456")
      .set_comment("created by a test")
      .set_billing_address(Address().set_street("Štúrova 5").set_city("Komárno").set_zip("945 01").set_country("1"))
      .set_key_contact(Contact().set_first_name("Péter").set_last_name("Nagy").set_email("peter.nagy@example.hu"))
      .add_contacts(Contact().set_first_name("Eva").set_last_name("Horváthová").set_is_subscribed(true))
      .add_accounts(PartnerAccount().set_iban("SK3112000000198742637541").set_swift("TATRSKBX"))
      .add_tags(Tag().set_name("veľkoobchod"));
  return p;
}

TEST_F(PartnersTest, CreateReadUpdateDelete) {
  auto c = client();
  auto created = c.partners().create(sample_partner("Dunaj Trade s.r.o."));
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_FALSE(created->id().empty());

  auto read = c.partners().get(created->id());
  ASSERT_TRUE(read) << read.status().to_string();
  EXPECT_EQ(read->name(), "Dunaj Trade s.r.o.");
  EXPECT_EQ(read->partner_type(), PartnerType::kCompany);
  EXPECT_EQ(read->ic_dph(), "SK2020123456");
  auto address = read->related<Address>("billing-address");
  ASSERT_TRUE(address.has_value());
  EXPECT_EQ(address->city(), "Komárno");
  EXPECT_EQ(address->country()->id, "1");
  auto key = read->related<Contact>("key-contact");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->email(), "peter.nagy@example.hu");
  EXPECT_EQ(read->related_many<Contact>("contacts").size(), 1u);
  ASSERT_EQ(read->related_many<PartnerAccount>("accounts").size(), 1u);
  EXPECT_EQ(read->related_many<PartnerAccount>("accounts")[0].iban(), "SK3112000000198742637541");
  ASSERT_EQ(read->related_many<Tag>("tags").size(), 1u);
  EXPECT_TRUE(read->check().ok()) << read->check().to_string();

  read->set_comment("updated").set_invoice_maturity(30);
  ASSERT_TRUE(c.partners().update(*read).ok());
  auto updated = c.partners().get(created->id());
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->comment(), "updated");
  EXPECT_EQ(updated->invoice_maturity(), 30);
  EXPECT_EQ(updated->name(), "Dunaj Trade s.r.o.");

  ASSERT_TRUE(c.partners().remove(created->id()).ok());
  auto gone = c.partners().get(created->id());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(gone.status().http_status(), 404);
  EXPECT_EQ(emu().count("POST", "/partners"), 1u);  // created exactly once
}

TEST_F(PartnersTest, UnknownAttributesSurviveReadModifyWrite) {
  auto c = client();
  auto created = c.partners().create(sample_partner("Round Trip a.s."));
  ASSERT_TRUE(created);
  auto read = c.partners().get(created->id());
  ASSERT_TRUE(read);
  ASSERT_TRUE(read->set_attribute_json("x-future-field", R"({"nested":[1,2,3]})").ok());
  ASSERT_TRUE(c.partners().update(*read).ok());
  auto again = c.partners().get(created->id());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attribute_json("x-future-field"), R"({"nested":[1,2,3]})");
  again->set_comment("second write");
  ASSERT_TRUE(c.partners().update(*again).ok());
  auto third = c.partners().get(created->id());
  ASSERT_TRUE(third);
  EXPECT_EQ(third->attribute_json("x-future-field"), R"({"nested":[1,2,3]})");
  EXPECT_EQ(third->comment(), "second write");
}

TEST_F(PartnersTest, ListsEveryPartnerPageByPage) {
  auto c = client();
  auto first = c.partners().list_page(PartnerQuery().page_size(7));
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->number, 0);
  EXPECT_EQ(first->items.size(), 7u);
  std::set<std::string> ids;
  int pages_seen = 0;
  auto pager = c.partners().list(PartnerQuery().page_size(7));
  for (auto const& p : pager) {
    ASSERT_TRUE(p) << p.status().to_string();
    EXPECT_TRUE(ids.insert(p->id()).second) << "duplicate " << p->id();
  }
  pages_seen = pager.pages_fetched();
  EXPECT_GE(ids.size(), 20u);
  // The emulator (like FLOWii's examples) sends no links.next: the listing ends on an empty page.
  EXPECT_EQ(pages_seen, static_cast<int>((ids.size() + 6) / 7) + 1);

  auto resumed = c.partners().list_page(PartnerQuery().page_size(7).page(1));
  ASSERT_TRUE(resumed);
  EXPECT_EQ(resumed->number, 1);
  EXPECT_NE(resumed->items.front().id(), first->items.front().id());
}

class PartnersWithNextLinksTest : public EmulatorTest {
  void configure(emulator::Options& o) override { o.send_next_links = true; }
};

TEST_F(PartnersWithNextLinksTest, MissingNextEndsTheListingWithoutAnExtraRequest) {
  auto c = client();
  std::size_t n = 0;
  auto pager = c.partners().list(PartnerQuery().page_size(10));
  for (auto const& p : pager) {
    ASSERT_TRUE(p);
    ++n;
  }
  EXPECT_EQ(pager.pages_fetched(), static_cast<int>((n + 9) / 10));
}

// Whether a partner has a business case (read through its sub-list) that `test` accepts.
bool has_business_case(Client& c, std::string const& partner, std::function<bool(BusinessCase const&)> const& test) {
  auto cases = c.partners().business_cases(partner, Query().page_size(1000));
  EXPECT_TRUE(cases) << cases.status().to_string();
  return cases && std::any_of(cases->items.begin(), cases->items.end(), test);
}

// The same for orders, read in full (the sub-list leaves out their dates).
bool has_order(Client& c, std::string const& partner, std::function<bool(Order const&)> const& test) {
  auto orders = c.partners().orders(partner, Query().page_size(1000));
  EXPECT_TRUE(orders) << orders.status().to_string();
  if (!orders) return false;
  return std::any_of(orders->items.begin(), orders->items.end(), [&](Order const& listed) {
    auto full = c.orders().get(listed.id());
    EXPECT_TRUE(full) << full.status().to_string();
    return full && test(*full);
  });
}

TEST_F(PartnersTest, EveryFilterKeepsOnlyMatchingPartners) {
  auto c = client();
  auto seeded = c.partners().list_page(PartnerQuery().page_size(3));
  ASSERT_TRUE(seeded && seeded->items.size() == 3u);
  // Three demo partners: one left alone, one edited and one given new work below.
  std::string const quiet = seeded->items[0].id(), edited = seeded->items[1].id(), busy = seeded->items[2].id();
  // Everything from here on happens after `since`; the demo data is older.
  advance(std::chrono::seconds(60));
  UnixTime const since = UnixTime::from(emu().now());
  UnixTime const before{since.seconds - 1};

  // Two partners that differ in every field a filter looks at.
  auto const side_a = make_partner_side(c, 0, "Alfa Filtrová s.r.o.");
  auto const side_b = make_partner_side(c, 1, "Beta Filtrová s.r.o.");
  std::string const a = side_a.id, b = side_b.id;
  ASSERT_FALSE(a.empty() || b.empty() || side_b.tag.empty());

  auto touch = c.partners().get(edited);
  ASSERT_TRUE(touch);
  ASSERT_TRUE(c.partners().update(touch->set_comment("upravené po since")).ok());
  WorkMaker work(c);
  ASSERT_FALSE(work.event({busy, "", ""}).empty());

  // A's case is won and dated 2099, B's in progress and dated 2001; A's order is
  // finished and accepted in 2099, B's waiting and accepted in 2001. The demo
  // data lies in between.
  ASSERT_FALSE(work.business_case(a, BusinessCaseStateType::kWon, DateTime{2099, 1, 15, 0, 0, 0}).empty());
  ASSERT_FALSE(work.business_case(b, BusinessCaseStateType::kInProgress, DateTime{2001, 1, 15, 0, 0, 0}).empty());
  ASSERT_FALSE(work.order({a, "", ""}, OrderStateType::kFinishedOk, DateTime{2099, 2, 1, 0, 0, 0}).empty());
  ASSERT_FALSE(work.order({b, "", ""}, OrderStateType::kWaiting, DateTime{2001, 2, 1, 0, 0, 0}).empty());

  DateTime const y2050{2050, 1, 1, 0, 0, 0};
  std::set<std::string> const fresh = {a, b}, changed = {a, b, edited}, active = {a, b, edited, busy};
  std::vector<FilterCase<Partner, PartnerQuery>> cases = {
      {"search-text",
       PartnerQuery().search_text("alfa filtrová"),
       [](Partner const& p) { return p.name() == "Alfa Filtrová s.r.o."; },
       {a},
       {b, quiet}},
      // Activity: the partner's own writes and those of its work (here the event for `busy`).
      {"active-from", PartnerQuery().active_from(since), one_of<Partner>(active), {a, edited, busy}, {quiet}},
      {"active-to", PartnerQuery().active_to(before), none_of<Partner>(fresh), {quiet, busy}, {a, b}},
      {"inactive-from", PartnerQuery().inactive_from(since), none_of<Partner>(active), {quiet}, {a, edited, busy}},
      {"inactive-to", PartnerQuery().inactive_to(before), one_of<Partner>(fresh), {a, b}, {quiet, busy}},
      keeps<Partner>("billing-address-country-id", PartnerQuery().billing_address_country_id(side_b.country),
                     in_country(side_b.country), b, a),
      {"tag-ids", PartnerQuery().tag_ids({side_b.tag}), tagged(side_b.tag), {b}, {a, quiet}},
      keeps<Partner>("type-id", PartnerQuery().type_id(side_b.type), of_type(side_b.type), b, a),
      keeps<Partner>("subtype-id", PartnerQuery().subtype_id(side_b.subtype), of_subtype(side_b.subtype), b, a),
      keeps<Partner>("responsible-user-id", PartnerQuery().responsible_user_id(side_b.responsible),
                     in_charge(side_b.responsible), b, a),
      keeps<Partner>(
          "business-case-state", PartnerQuery().business_case_state(BusinessCaseStateType::kWon),
          [&](Partner const& p) {
            return has_business_case(c, p.id(), state_of_type<BusinessCase>(BusinessCaseStateType::kWon));
          },
          a, b),
      keeps<Partner>(
          "order-state", PartnerQuery().order_state(OrderStateType::kFinishedOk),
          [&](Partner const& p) { return has_order(c, p.id(), state_of_type<Order>(OrderStateType::kFinishedOk)); }, a,
          b),
  };
  add_since(cases, "created", PartnerQuery().created_from(since), PartnerQuery().created_to(before), fresh, {a, b},
            {quiet, edited});
  add_since(cases, "edited", PartnerQuery().edited_from(since), PartnerQuery().edited_to(before), changed, {edited, a},
            {quiet, busy});
  // The label says "business-case-created-to"; the SDK sends the blueprint's "busines-case-created-to".
  add_range<Partner, PartnerQuery>(
      cases, "business-case-created", PartnerQuery().business_case_created_from(y2050),
      PartnerQuery().business_case_created_to(y2050),
      [&](Partner const& p, std::optional<DateTime> const& from, std::optional<DateTime> const& to) {
        return has_business_case(c, p.id(), [&](BusinessCase const& x) { return within(x.created(), from, to); });
      },
      y2050, {a}, {b});
  add_range<Partner, PartnerQuery>(
      cases, "order-accepted", PartnerQuery().order_accepted_from(y2050), PartnerQuery().order_accepted_to(y2050),
      [&](Partner const& p, std::optional<DateTime> const& from, std::optional<DateTime> const& to) {
        return has_order(c, p.id(), [&](Order const& x) { return within(x.accepted(), from, to); });
      },
      y2050, {a}, {b});
  expect_filters(c.partners(), cases);
}

TEST_F(PartnersTest, BadFilterValuesAreRejected) {
  auto c = client();
  expect_bad_request(c.partners().list_page(PartnerQuery().filter("active-from", "včera")));
}

TEST_F(PartnersTest, SubListsShowOnlyThisPartnersRecords) {
  auto c = client();
  WorkMaker work(c);
  auto& partners = c.partners();
  // Two new partners, each with one record of every kind, so each sub-list has
  // exactly one known record of its own and one of the other partner's to leave
  // out. No e-mails: FLOWii's API creates none.
  auto sublists = work_item_lists(partners, partners);
  sublists.insert({{"business cases", ids_via(partners, &PartnersApi::business_cases)},
                   {"orders", ids_via(partners, &PartnersApi::orders)},
                   {"documents", ids_via(partners, &PartnersApi::documents)}});
  auto const owned = expect_own_records(
      [&](int i) { return created_id(partners.create(sample_partner("Podlist " + std::to_string(i) + " s.r.o."))); },
      [&](std::string const& id) {
        About const about{id, "", ""};
        auto records = work.work_items(about, partners, id);
        records.insert({{"business cases", work.business_case(id)},
                        {"orders", work.order(about)},
                        {"documents", work.invoice(about)}});
        return records;
      },
      sublists);
  ASSERT_EQ(owned.size(), 2u);
  for (auto const& owner : owned) {
    std::string const& id = owner.first;
    auto read = partners.get(id);
    ASSERT_TRUE(read && read->key_contact());
    std::set<std::string> contacts{read->key_contact()->id};
    for (auto const& contact : read->contacts()) contacts.insert(contact.id);
    EXPECT_EQ(contacts.size(), 2u);
    expect_exactly(partners.contacts(id), contacts);
  }
}

TEST_F(PartnersTest, MailsAreListedUnderTheirOwnPartnerOnly) {
  // E-mails cannot be created through the API: the demo's are spread over partners.
  auto c = client();
  std::set<std::string> seen;
  std::size_t partners_with_mails = 0;
  for (auto const& p : c.partners().list(PartnerQuery().page_size(100))) {
    ASSERT_TRUE(p) << p.status().to_string();
    auto mails = c.partners().mails(p->id(), Query().page_size(1000));
    ASSERT_TRUE(mails) << mails.status().to_string();
    for (auto const& m : mails->items) {
      ASSERT_TRUE(m.partner().has_value());
      EXPECT_EQ(m.partner()->id, p->id());
      EXPECT_TRUE(seen.insert(m.id()).second) << "mail " << m.id() << " listed under two partners";
    }
    partners_with_mails += mails->items.empty() ? 0 : 1;
  }
  EXPECT_GE(partners_with_mails, 2u);
}

TEST_F(PartnersTest, AttachmentsUploadListAndRead) {
  auto c = client();
  auto created = c.partners().create(sample_partner("Príloha s.r.o."));
  ASSERT_TRUE(created);
  FileUpload file{"zmluva.txt", std::string("binary\0bytes\xff", 13), "text/plain", "contract"};
  auto id = c.partners().upload_attachment(created->id(), file);
  ASSERT_TRUE(id) << id.status().to_string();
  auto list = c.partners().attachments(created->id());
  ASSERT_TRUE(list);
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].name(), "zmluva.txt");
  auto raw = c.raw().send("GET", "/files/" + *id);
  ASSERT_TRUE(raw) << raw.status().to_string();
  EXPECT_NE(raw->body.find("content"), std::string::npos);
}

TEST_F(PartnersTest, ExportsAreZipArchivesWrittenToDisk) {
  auto c = client();
  auto xml = c.partners().export_xml(PartnerQuery().search_text("s.r.o."), /*include_contacts=*/true);
  ASSERT_TRUE(xml) << xml.status().to_string();
  EXPECT_EQ(xml->content_type.substr(0, 15), "application/zip");
  ASSERT_GE(xml->bytes.size(), 4u);
  EXPECT_EQ(xml->bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  auto pohoda = c.partners().export_pohoda();
  ASSERT_TRUE(pohoda);
  EXPECT_EQ(pohoda->bytes.substr(0, 4), std::string("PK\x03\x04", 4));

  std::string path = ::testing::TempDir() + "flowii-partners-export.zip";
  ASSERT_TRUE(xml->write_to(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, xml->bytes);
  std::remove(path.c_str());
}

TEST_F(PartnersTest, CustomFieldsTagsAndTypes) {
  auto c = client();
  auto defs = c.partners().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  ASSERT_FALSE(defs->empty());
  std::string text_field, bool_field, date_field;
  for (auto const& d : *defs) {
    EXPECT_TRUE(d.check().ok()) << d.check().to_string();
    if (d.value_type() == CustomFieldType::kText) text_field = d.id();
    if (d.value_type() == CustomFieldType::kBool) bool_field = d.id();
    if (d.value_type() == CustomFieldType::kDate) date_field = d.id();
  }
  ASSERT_FALSE(text_field.empty());
  ASSERT_FALSE(bool_field.empty());
  ASSERT_FALSE(date_field.empty());

  // A text, a bool and a date value go in and come back exactly as sent, each in its own kind.
  auto p = sample_partner("Vlastné Pole s.r.o.");
  add_custom_field(p, CustomFieldValue::text(text_field, "VIP"));
  add_custom_field(p, CustomFieldValue::boolean(bool_field, true));
  add_custom_field(p, CustomFieldValue::date(date_field, DateTime{2025, 11, 30, 0, 0, 0}));
  auto created = c.partners().create(p);
  ASSERT_TRUE(created);
  auto read = c.partners().get(created->id());
  ASSERT_TRUE(read);
  std::map<std::string, CustomFieldValue> values;
  for (auto const& v : CustomFieldValue::read_all(*read)) values.emplace(v.field_id(), v);
  ASSERT_EQ(values.size(), 3u);
  ASSERT_EQ(values.count(text_field), 1u);
  EXPECT_EQ(values.at(text_field).as_text(), "VIP");
  ASSERT_EQ(values.count(bool_field), 1u);
  EXPECT_EQ(values.at(bool_field).kind(), CustomFieldType::kBool);
  EXPECT_EQ(values.at(bool_field).as_bool(), true);
  ASSERT_EQ(values.count(date_field), 1u);
  EXPECT_EQ(values.at(date_field).kind(), CustomFieldType::kDate);
  EXPECT_EQ(values.at(date_field).as_date(), (DateTime{2025, 11, 30, 0, 0, 0}));

  // false is a value, not an absent one.
  auto q = sample_partner("Vlastné Pole Nie s.r.o.");
  add_custom_field(q, CustomFieldValue::boolean(bool_field, false));
  auto created_no = c.partners().create(q);
  ASSERT_TRUE(created_no);
  auto read_no = c.partners().get(created_no->id());
  ASSERT_TRUE(read_no);
  auto no_values = CustomFieldValue::read_all(*read_no);
  ASSERT_EQ(no_values.size(), 1u);
  EXPECT_EQ(no_values[0].field_id(), bool_field);
  EXPECT_EQ(no_values[0].as_bool(), false);

  auto tags = c.partners().tags();
  ASSERT_TRUE(tags);
  EXPECT_FALSE(tags->empty());

  auto types = c.partners().types().list();
  ASSERT_TRUE(types) << types.status().to_string();
  ASSERT_FALSE(types->empty());
  auto one = c.partners().types().get(types->front().id());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->name(), types->front().name());
  auto subtypes = c.partners().types().children(types->front().id());
  ASSERT_TRUE(subtypes) << subtypes.status().to_string();
}

TEST_F(PartnersTest, BadInputGivesClearErrors) {
  auto c = client();
  auto missing = c.partners().get("999999999");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  auto traversal = c.partners().get("../companies");
  EXPECT_FALSE(traversal);
  EXPECT_EQ(traversal.status().code(), ErrorCode::kNotFound);
  auto empty = c.partners().get("");
  EXPECT_EQ(empty.status().code(), ErrorCode::kInvalidArgument);

  Partner nameless;
  nameless.set_partner_type(PartnerType::kPerson);
  auto rejected = c.partners().create(nameless);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  ASSERT_FALSE(rejected.status().errors().empty());
  EXPECT_EQ(rejected.status().errors()[0].source_pointer, "/data/attributes/name");
}

}  // namespace
}  // namespace flowii::test
