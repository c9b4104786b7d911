// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Business Cases surface (cases, their work items, files, XML export,
// custom fields, states, sources, failure reasons) against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

namespace flowii::test {
namespace {

class BusinessCasesTest : public EmulatorTest {
 protected:
  /// A state of the given kind from the company's code list.
  std::string state_of(Client& c, BusinessCaseStateType kind) {
    auto states = c.business_cases().states().list();
    EXPECT_TRUE(states) << states.status().to_string();
    if (!states) return {};
    for (auto const& s : *states) {
      if (s.business_case_state_type() == kind) return s.id();
    }
    ADD_FAILURE() << "no state of type " << static_cast<int>(kind);
    return {};
  }
  std::string some_partner(Client& c) {
    auto page = c.partners().list_page(PartnerQuery().page_size(1));
    EXPECT_TRUE(page && !page->items.empty());
    return page && !page->items.empty() ? page->items[0].id() : std::string();
  }
  BusinessCase sample(Client& c, std::string const& name) {
    BusinessCase bc;
    bc.set_name(name)
        .set_description("Dopyt na dodávku 40 notebookov")
        .set_created(DateTime{2025, 3, 3, 0, 0, 0})
        .set_anticipated_finish_date(DateTime{2025, 4, 30, 0, 0, 0})
        .set_anticipated_income_amount(18450.5)
        .set_state(state_of(c, BusinessCaseStateType::kInProgress))
        .set_partner(some_partner(c))
        .add_responsible_users(c.session()->user_id)
        .add_responsible_users("11143");
    return bc;
  }
};

TEST_F(BusinessCasesTest, CreateReadUpdateDelete) {
  auto c = client();
  auto bc = sample(c, "Dodávka notebookov pre Tatrastav");
  auto defs = c.business_cases().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  std::string text_field;
  for (auto const& d : *defs) {
    if (d.value_type() == CustomFieldType::kText) text_field = d.id();
  }
  ASSERT_FALSE(text_field.empty());
  add_custom_field(bc, CustomFieldValue::text(text_field, "PRJ-900"));

  auto created = c.business_cases().create(bc);
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_FALSE(created->id().empty());
  EXPECT_EQ(emu().count("POST", "/businesscases"), 1u);

  auto read = c.business_cases().get(created->id());
  ASSERT_TRUE(read) << read.status().to_string();
  EXPECT_TRUE(read->check().ok()) << read->check().to_string();
  EXPECT_EQ(read->name(), "Dodávka notebookov pre Tatrastav");
  EXPECT_EQ(read->created(), (DateTime{2025, 3, 3, 0, 0, 0}));
  EXPECT_EQ(read->anticipated_income_amount(), 18450.5);
  ASSERT_TRUE(read->serial_nr().has_value());
  EXPECT_EQ(read->serial_nr()->size(), 4u);  // FLOWii numbers cases "0001", ...
  EXPECT_EQ(read->partner()->id, bc.partner()->id);
  EXPECT_EQ(read->responsible_users().size(), 2u);
  auto state = read->related<BusinessCaseState>("state");
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->business_case_state_type(), BusinessCaseStateType::kInProgress);
  auto partner = read->related<Partner>("partner");
  ASSERT_TRUE(partner.has_value());
  EXPECT_FALSE(partner->name().value_or("").empty());
  EXPECT_EQ(read->related_many<User>("responsible-users").size(), 2u);
  bool field_seen = false;
  for (auto const& v : CustomFieldValue::read_all(*read)) {
    if (v.field_id() == text_field) field_seen = v.as_text() == "PRJ-900";
  }
  EXPECT_TRUE(field_seen);

  // Won: a state of type 2 and the finish date.
  auto won = state_of(c, BusinessCaseStateType::kWon);
  read->set_state(won).set_finish_date(DateTime{2025, 4, 2, 0, 0, 0}).set_description("Zmluva podpísaná");
  ASSERT_TRUE(c.business_cases().update(*read).ok());
  auto updated = c.business_cases().get(created->id());
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->state()->id, won);
  EXPECT_EQ(updated->finish_date(), (DateTime{2025, 4, 2, 0, 0, 0}));
  EXPECT_EQ(updated->description(), "Zmluva podpísaná");
  EXPECT_EQ(updated->serial_nr(), read->serial_nr());
  EXPECT_EQ(updated->related<BusinessCaseState>("state")->business_case_state_type(), BusinessCaseStateType::kWon);

  auto listed =
      c.business_cases().list_page(BusinessCaseQuery().state_id(won).partner_id(bc.partner()->id).page_size(100));
  ASSERT_TRUE(listed) << listed.status().to_string();
  bool found = false;
  for (auto const& item : listed->items) {
    found |= item.id() == created->id();
    EXPECT_EQ(item.state()->id, won);
  }
  EXPECT_TRUE(found);

  ASSERT_TRUE(c.business_cases().remove(created->id()).ok());
  auto gone = c.business_cases().get(created->id());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(gone.status().http_status(), 404);
}

TEST_F(BusinessCasesTest, ListViewIsLeanAndPaged) {
  auto c = client();
  auto first = c.business_cases().list_page(BusinessCaseQuery().page_size(5));
  ASSERT_TRUE(first) << first.status().to_string();
  ASSERT_EQ(first->items.size(), 5u);
  for (auto const& bc : first->items) {
    EXPECT_TRUE(bc.check().ok()) << bc.check().to_string();
    EXPECT_TRUE(bc.name().has_value());
    EXPECT_TRUE(bc.responsible_user().has_value());  // singular in the list view
    EXPECT_FALSE(bc.has("description"));             // detail only
    auto state = bc.related<BusinessCaseState>("state");
    ASSERT_TRUE(state.has_value());
    EXPECT_FALSE(state->name().value_or("").empty());
  }
  std::set<std::string> ids;
  auto pager = c.business_cases().list(BusinessCaseQuery().page_size(5));
  for (auto const& bc : pager) {
    ASSERT_TRUE(bc) << bc.status().to_string();
    EXPECT_TRUE(ids.insert(bc->id()).second);
  }
  EXPECT_GE(ids.size(), 10u);
  auto second = c.business_cases().list_page(BusinessCaseQuery().page_size(5).page(1));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->number, 1);
  EXPECT_NE(second->items.front().id(), first->items.front().id());
}

TEST_F(BusinessCasesTest, FiltersNarrowTheList) {
  auto c = client();
  auto created = c.business_cases().create(sample(c, "Unikátny prípad Zelený Javor"));
  ASSERT_TRUE(created) << created.status().to_string();

  auto found = c.business_cases().list_page(BusinessCaseQuery().search_text("zelený javor"));
  ASSERT_TRUE(found) << found.status().to_string();
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].id(), created->id());

  auto future = c.business_cases().list_page(BusinessCaseQuery().created_from(
      UnixTime::from(std::chrono::system_clock::now() + std::chrono::hours(24 * 365))));
  ASSERT_TRUE(future);
  EXPECT_TRUE(future->items.empty());

  auto mine = c.business_cases().list_page(BusinessCaseQuery().responsible_user_id("11143").page_size(100));
  ASSERT_TRUE(mine);
  bool contains = false;
  for (auto const& bc : mine->items) contains |= bc.id() == created->id();
  EXPECT_TRUE(contains);

  // Lost cases carry a failure reason; filter by it.
  auto failures = c.business_cases().failures().list();
  ASSERT_TRUE(failures && !failures->empty());
  std::size_t with_failure = 0;
  for (auto const& f : *failures) {
    auto lost = c.business_cases().list_page(BusinessCaseQuery().failure_id(f.id()));
    ASSERT_TRUE(lost) << lost.status().to_string();
    with_failure += lost->items.size();
  }
  EXPECT_GE(with_failure, 1u);

  // Cases that an order continues (order-id), and the documented but not
  // modelled filters are accepted.
  auto orders = c.orders().list_page(OrderQuery().page_size(100));
  ASSERT_TRUE(orders);
  for (auto const& o : orders->items) {
    auto detail = c.orders().get(o.id());
    ASSERT_TRUE(detail);
    if (!detail->business_case()) continue;
    auto by_order = c.business_cases().list_page(BusinessCaseQuery().order_id(o.id()));
    ASSERT_TRUE(by_order);
    ASSERT_EQ(by_order->items.size(), 1u);
    EXPECT_EQ(by_order->items[0].id(), detail->business_case()->id);
    break;
  }
  auto accepted = c.business_cases().list_page(
      BusinessCaseQuery().source_id("1").type_id("1").subtype_id("1").partner_tag_ids({"1", "2"}));
  EXPECT_TRUE(accepted) << accepted.status().to_string();
}

TEST_F(BusinessCasesTest, WorkItemsOfACase) {
  auto c = client();
  std::size_t mails_seen = 0, tasks_seen = 0;
  for (auto const& bc : c.business_cases().list(BusinessCaseQuery().page_size(50))) {
    ASSERT_TRUE(bc);
    auto mails = c.business_cases().mails(bc->id());
    ASSERT_TRUE(mails) << mails.status().to_string();
    for (auto const& m : mails->items) {
      EXPECT_TRUE(m.check().ok()) << m.check().to_string();
      EXPECT_EQ(m.business_case()->id, bc->id());
      EXPECT_TRUE(m.state() == MailState::kSent || m.state() == MailState::kReceived);
      EXPECT_FALSE(m.subject().value_or("").empty());
      EXPECT_TRUE(m.related<Partner>("partner").has_value());
    }
    mails_seen += mails->items.size();
    auto tasks = c.business_cases().tasks(bc->id());
    ASSERT_TRUE(tasks) << tasks.status().to_string();
    for (auto const& t : tasks->items) EXPECT_EQ(t.business_case()->id, bc->id());
    tasks_seen += tasks->items.size();
    auto events = c.business_cases().communications(bc->id());
    ASSERT_TRUE(events) << events.status().to_string();
    for (auto const& e : events->items) EXPECT_EQ(e.business_case()->id, bc->id());
  }
  EXPECT_GE(mails_seen, 1u);
  EXPECT_GE(tasks_seen, 1u);  // the demo tasks are linked to their partner's cases
  EXPECT_EQ(c.business_cases().mails("999999999").status().code(), ErrorCode::kNotFound);
}

TEST_F(BusinessCasesTest, AttachmentsUploadAndList) {
  auto c = client();
  auto created = c.business_cases().create(sample(c, "Prípad s prílohou"));
  ASSERT_TRUE(created);
  FileUpload file{"ponuka.pdf", std::string("%PDF-1.4\0\xff", 10), "application/pdf", "cenová ponuka"};
  auto id = c.business_cases().upload_attachment(created->id(), file);
  ASSERT_TRUE(id) << id.status().to_string();
  auto list = c.business_cases().attachments(created->id());
  ASSERT_TRUE(list) << list.status().to_string();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id(), *id);
  EXPECT_EQ(list->items[0].name(), "ponuka.pdf");
  EXPECT_EQ(list->items[0].size(), 10);
}

TEST_F(BusinessCasesTest, XmlExportIsAZipWrittenToDisk) {
  auto c = client();
  auto all = c.business_cases().export_xml(BusinessCaseQuery(), /*include_messages=*/true);
  ASSERT_TRUE(all) << all.status().to_string();
  EXPECT_EQ(all->content_type.substr(0, 15), "application/zip");
  ASSERT_GE(all->bytes.size(), 4u);
  EXPECT_EQ(all->bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(all->bytes.find("<messages>"), std::string::npos);  // stored (uncompressed) entry

  auto plain = c.business_cases().export_xml(BusinessCaseQuery().search_text("CRM"));
  ASSERT_TRUE(plain) << plain.status().to_string();
  EXPECT_EQ(plain->bytes.find("<messages>"), std::string::npos);
  EXPECT_LT(plain->bytes.size(), all->bytes.size());

  std::string path = ::testing::TempDir() + "flowii-business-cases.zip";
  ASSERT_TRUE(all->write_to(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, all->bytes);
  std::remove(path.c_str());
}

TEST_F(BusinessCasesTest, CodeListsAndCustomFields) {
  auto c = client();
  auto states = c.business_cases().states().list();
  ASSERT_TRUE(states) << states.status().to_string();
  std::set<BusinessCaseStateType> kinds;
  for (auto const& s : *states) {
    EXPECT_TRUE(s.check().ok()) << s.check().to_string();
    kinds.insert(s.business_case_state_type().value_or(BusinessCaseStateType::kInProgress));
  }
  EXPECT_EQ(kinds.size(), 4u);  // in progress, won, postponed, lost
  auto one = c.business_cases().states().get(states->back().id());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->name(), states->back().name());
  EXPECT_EQ(one->order(), states->back().order());

  auto sources = c.business_cases().sources().list();
  ASSERT_TRUE(sources) << sources.status().to_string();
  ASSERT_FALSE(sources->empty());
  auto source = c.business_cases().sources().get(sources->front().id());
  ASSERT_TRUE(source);
  EXPECT_EQ(source->name(), sources->front().name());

  auto failures = c.business_cases().failures().list();
  ASSERT_TRUE(failures) << failures.status().to_string();
  ASSERT_FALSE(failures->empty());
  auto failure = c.business_cases().failures().get(failures->front().id());
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->name(), failures->front().name());
  EXPECT_EQ(c.business_cases().failures().get("999999999").status().code(), ErrorCode::kNotFound);

  auto defs = c.business_cases().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  std::set<CustomFieldType> types;
  for (auto const& d : *defs) {
    EXPECT_TRUE(d.check().ok()) << d.check().to_string();
    types.insert(d.value_type().value_or(CustomFieldType::kText));
  }
  EXPECT_EQ(types.size(), 5u);
  auto partner_defs = c.partners().custom_fields();
  ASSERT_TRUE(partner_defs);
  for (auto const& p : *partner_defs) {
    for (auto const& d : *defs) EXPECT_NE(p.id(), d.id());  // each owner has its own fields
  }
}

TEST_F(BusinessCasesTest, RequiredFieldsAreReported) {
  auto c = client();
  BusinessCase nameless;
  nameless.set_description("no name, no state, no partner");
  auto rejected = c.business_cases().create(nameless);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  std::set<std::string> pointers;
  for (auto const& e : rejected.status().errors()) pointers.insert(e.source_pointer);
  EXPECT_EQ(pointers.count("/data/attributes/name"), 1u);
  EXPECT_EQ(pointers.count("/data/attributes/created"), 1u);
  EXPECT_EQ(pointers.count("/data/relationships/state"), 1u);
  EXPECT_EQ(pointers.count("/data/relationships/partner"), 1u);
  EXPECT_EQ(emu().count("POST", "/businesscases"), 1u);  // not retried
}

}  // namespace
}  // namespace flowii::test
