// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Partners surface against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <cstdio>
#include <fstream>
#include <set>

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

TEST_F(PartnersTest, FiltersNarrowTheList) {
  auto c = client();
  auto created = c.partners().create(sample_partner("Zelený Strom Unikát s.r.o."));
  ASSERT_TRUE(created);
  auto found = c.partners().list_page(PartnerQuery().search_text("zelený strom unikát"));
  ASSERT_TRUE(found) << found.status().to_string();
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].id(), created->id());

  auto by_country = c.partners().list_page(PartnerQuery().billing_address_country_id("1").page_size(1000));
  ASSERT_TRUE(by_country);
  bool contains = false;
  for (auto const& p : by_country->items) contains |= p.id() == created->id();
  EXPECT_TRUE(contains);

  auto future = c.partners().list_page(
      PartnerQuery().created_from(UnixTime::from(std::chrono::system_clock::now() + std::chrono::hours(24 * 365))));
  ASSERT_TRUE(future);
  EXPECT_TRUE(future->items.empty());
}

TEST_F(PartnersTest, SubListsAndContacts) {
  auto c = client();
  auto created = c.partners().create(sample_partner("Kontakt Test s.r.o."));
  ASSERT_TRUE(created);
  auto contacts = c.partners().contacts(created->id());
  ASSERT_TRUE(contacts) << contacts.status().to_string();
  EXPECT_GE(contacts->items.size(), 1u);
  EXPECT_TRUE(c.partners().tasks(created->id()));
  EXPECT_TRUE(c.partners().communications(created->id()));
  EXPECT_TRUE(c.partners().mails(created->id()));
  EXPECT_TRUE(c.partners().business_cases(created->id()));
  EXPECT_TRUE(c.partners().orders(created->id()));
  EXPECT_TRUE(c.partners().documents(created->id()));
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
  std::string text_field;
  for (auto const& d : *defs) {
    EXPECT_TRUE(d.check().ok()) << d.check().to_string();
    if (d.value_type() == CustomFieldType::kText) text_field = d.id();
  }
  ASSERT_FALSE(text_field.empty());

  auto p = sample_partner("Vlastné Pole s.r.o.");
  add_custom_field(p, CustomFieldValue::text(text_field, "VIP"));
  auto created = c.partners().create(p);
  ASSERT_TRUE(created);
  auto read = c.partners().get(created->id());
  ASSERT_TRUE(read);
  bool seen = false;
  for (auto const& v : CustomFieldValue::read_all(*read)) {
    if (v.field_id() == text_field) {
      EXPECT_EQ(v.as_text(), "VIP");
      seen = true;
    }
  }
  EXPECT_TRUE(seen);

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
