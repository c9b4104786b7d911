// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Orders surface (orders, their work items, documents, files, Pohoda
// export, custom fields, states, types and subtypes) against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

namespace flowii::test {
namespace {

class OrdersTest : public EmulatorTest {
 protected:
  std::string state_of(Client& c, OrderStateType kind) {
    auto states = c.orders().states().list();
    EXPECT_TRUE(states) << states.status().to_string();
    if (!states) return {};
    for (auto const& s : *states) {
      if (s.order_state_type() == kind) return s.id();
    }
    ADD_FAILURE() << "no order state of type " << static_cast<int>(kind);
    return {};
  }
  /// A top-level type and one of its subtypes.
  std::pair<std::string, std::string> type_and_subtype(Client& c) {
    auto types = c.orders().types().list();
    EXPECT_TRUE(types && !types->empty());
    if (!types || types->empty()) return {};
    auto subtypes = c.orders().types().children(types->front().id());
    EXPECT_TRUE(subtypes && !subtypes->empty());
    if (!subtypes || subtypes->empty()) return {};
    return {types->front().id(), subtypes->front().id()};
  }
  std::string some_partner(Client& c) {
    auto page = c.partners().list_page(PartnerQuery().page_size(1));
    EXPECT_TRUE(page && !page->items.empty());
    return page && !page->items.empty() ? page->items[0].id() : std::string();
  }
  Order sample(Client& c, std::string const& name) {
    auto [type, subtype] = type_and_subtype(c);
    Order o;
    o.set_name(name)
        .set_created(DateTime{2025, 5, 12, 9, 30, 0})
        .set_accepted(DateTime{2025, 5, 12, 0, 0, 0})
        .set_deadline(DateTime{2025, 6, 30, 0, 0, 0})
        .set_anticipated_income_amount(1249.9)
        .set_description("Objednávka z e-shopu")
        .set_order_type(type)
        .set_subtype(subtype)
        .set_state(state_of(c, OrderStateType::kWaiting))
        .set_partner(some_partner(c))
        .set_user(c.session()->user_id)
        .add_responsible_users(c.session()->user_id)
        .add_responsible_users("11144");
    return o;
  }
};

TEST_F(OrdersTest, CreateReadUpdateDelete) {
  auto c = client();
  auto order = sample(c, "3D tlač – model.stl");
  auto defs = c.orders().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  std::string text_field, number_field;
  for (auto const& d : *defs) {
    if (d.value_type() == CustomFieldType::kText) text_field = d.id();
    if (d.value_type() == CustomFieldType::kNumber) number_field = d.id();
  }
  ASSERT_FALSE(text_field.empty());
  add_custom_field(order, CustomFieldValue::text(text_field, "ORD-123"));
  add_custom_field(order, CustomFieldValue::number(number_field, 2.5));

  auto created = c.orders().create(order);
  ASSERT_TRUE(created) << created.status().to_string();
  ASSERT_FALSE(created->id().empty());

  auto read = c.orders().get(created->id());
  ASSERT_TRUE(read) << read.status().to_string();
  EXPECT_TRUE(read->check().ok()) << read->check().to_string();
  EXPECT_EQ(read->name(), "3D tlač – model.stl");
  ASSERT_TRUE(read->serial_nr().has_value());
  EXPECT_EQ(read->serial_nr()->size(), 3u);  // FLOWii numbers orders "001", ...
  EXPECT_EQ(read->created(), (DateTime{2025, 5, 12, 9, 30, 0}));
  EXPECT_EQ(read->deadline(), (DateTime{2025, 6, 30, 0, 0, 0}));
  EXPECT_EQ(read->anticipated_income_amount(), 1249.9);
  EXPECT_EQ(read->order_type()->id, order.order_type()->id);
  EXPECT_EQ(read->subtype()->id, order.subtype()->id);
  EXPECT_EQ(read->user()->id, c.session()->user_id);
  EXPECT_EQ(read->responsible_users().size(), 2u);
  auto type = read->related<OrderType>("type");
  ASSERT_TRUE(type.has_value());
  EXPECT_FALSE(type->name().value_or("").empty());
  auto subtype = read->related<OrderType>("subtype");
  ASSERT_TRUE(subtype.has_value());
  EXPECT_EQ(subtype->parent()->id, type->id());
  auto state = read->related<OrderState>("state");
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->order_state_type(), OrderStateType::kWaiting);
  EXPECT_TRUE(read->related<Partner>("partner").has_value());
  std::set<std::string> values;
  for (auto const& v : CustomFieldValue::read_all(*read)) {
    if (v.field_id() == text_field) values.insert(v.as_text().value_or(""));
    if (v.field_id() == number_field && v.as_number() == 2.5) values.insert("2.5");
  }
  EXPECT_EQ(values, (std::set<std::string>{"ORD-123", "2.5"}));

  auto done = state_of(c, OrderStateType::kFinishedOk);
  read->set_state(done).set_finished(DateTime{2025, 6, 20, 16, 0, 0}).set_warranty(24);
  ASSERT_TRUE(c.orders().update(*read).ok());
  auto updated = c.orders().get(created->id());
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->state()->id, done);
  EXPECT_EQ(updated->finished(), (DateTime{2025, 6, 20, 16, 0, 0}));
  EXPECT_EQ(updated->warranty(), 24.0);
  EXPECT_EQ(updated->serial_nr(), read->serial_nr());
  EXPECT_EQ(updated->name(), "3D tlač – model.stl");

  auto by_serial = c.orders().list_page(OrderQuery().search_text(*read->serial_nr()).state_id(done));
  ASSERT_TRUE(by_serial) << by_serial.status().to_string();
  bool found = false;
  for (auto const& o : by_serial->items) found |= o.id() == created->id();
  EXPECT_TRUE(found);

  ASSERT_TRUE(c.orders().remove(created->id()).ok());
  auto gone = c.orders().get(created->id());
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(emu().count("POST", "/orders"), 1u);
}

TEST_F(OrdersTest, SerialNumbersFollowEachOther) {
  auto c = client();
  auto a = c.orders().create(sample(c, "Prvá"));
  auto b = c.orders().create(sample(c, "Druhá"));
  ASSERT_TRUE(a && b);
  auto ra = c.orders().get(a->id());
  auto rb = c.orders().get(b->id());
  ASSERT_TRUE(ra && rb);
  EXPECT_EQ(std::stoi(*rb->serial_nr()), std::stoi(*ra->serial_nr()) + 1);
}

TEST_F(OrdersTest, SubtypeMustBelongToTheType) {
  auto c = client();
  auto types = c.orders().types().list();
  ASSERT_TRUE(types && types->size() >= 2);
  auto other = c.orders().types().children((*types)[1].id());
  ASSERT_TRUE(other && !other->empty());
  auto order = sample(c, "Zlý podtyp");
  order.set_subtype(other->front().id());
  auto rejected = c.orders().create(order);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().http_status(), 422);
  ASSERT_FALSE(rejected.status().errors().empty());
  EXPECT_EQ(rejected.status().errors()[0].source_pointer, "/data/relationships/subtype");

  Order stateless;
  stateless.set_name("bez stavu");
  auto missing = c.orders().create(stateless);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.status().http_status(), 422);
  ASSERT_FALSE(missing.status().errors().empty());
  EXPECT_EQ(missing.status().errors()[0].source_pointer, "/data/relationships/state");
}

TEST_F(OrdersTest, ListViewIsLeanAndPaged) {
  auto c = client();
  auto first = c.orders().list_page(OrderQuery().page_size(6));
  ASSERT_TRUE(first) << first.status().to_string();
  ASSERT_EQ(first->items.size(), 6u);
  for (auto const& o : first->items) {
    EXPECT_TRUE(o.check().ok()) << o.check().to_string();
    EXPECT_TRUE(o.name().has_value());
    EXPECT_TRUE(o.state().has_value());
    EXPECT_TRUE(o.responsible_user().has_value());  // singular in the list view
    EXPECT_FALSE(o.has("serial-nr"));               // detail only
    EXPECT_TRUE(o.related<OrderState>("state").has_value());
  }
  std::set<std::string> ids;
  auto pager = c.orders().list(OrderQuery().page_size(6));
  for (auto const& o : pager) {
    ASSERT_TRUE(o) << o.status().to_string();
    EXPECT_TRUE(ids.insert(o->id()).second);
  }
  EXPECT_GE(ids.size(), 12u);
  EXPECT_GE(pager.pages_fetched(), 3);
}

TEST_F(OrdersTest, FiltersNarrowTheList) {
  auto c = client();
  auto rich = c.orders().list_page(OrderQuery().anticipated_income_from(5000.5).page_size(100));
  ASSERT_TRUE(rich) << rich.status().to_string();
  ASSERT_FALSE(rich->items.empty());
  for (auto const& o : rich->items) EXPECT_GE(o.anticipated_income_amount().value_or(0), 5000.5);
  auto band = c.orders().list_page(OrderQuery().anticipated_income_from(1000).anticipated_income_to(5000.5));
  ASSERT_TRUE(band);
  for (auto const& o : band->items) {
    EXPECT_GE(o.anticipated_income_amount().value_or(0), 1000);
    EXPECT_LE(o.anticipated_income_amount().value_or(1e9), 5000.5);
  }
  auto bad = c.orders().list_page(OrderQuery().filter("anticipated-income-from", "veľa"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().http_status(), 400);

  auto types = c.orders().types().list();
  ASSERT_TRUE(types && !types->empty());
  auto of_type = c.orders().list_page(OrderQuery().type_id(types->front().id()).page_size(100));
  ASSERT_TRUE(of_type);
  ASSERT_FALSE(of_type->items.empty());
  for (auto const& o : of_type->items) {
    auto detail = c.orders().get(o.id());
    ASSERT_TRUE(detail);
    EXPECT_EQ(detail->order_type()->id, types->front().id());
  }

  auto future = c.orders().list_page(
      OrderQuery().deadline_from(UnixTime::from(std::chrono::system_clock::now() + std::chrono::hours(24 * 365))));
  ASSERT_TRUE(future);
  EXPECT_TRUE(future->items.empty());

  // Orders that continue a business case.
  std::string case_id;
  for (auto const& o : c.orders().list(OrderQuery().page_size(50))) {
    ASSERT_TRUE(o);
    auto detail = c.orders().get(o->id());
    ASSERT_TRUE(detail);
    if (detail->business_case()) {
      case_id = detail->business_case()->id;
      break;
    }
  }
  ASSERT_FALSE(case_id.empty());
  auto of_case = c.orders().list_page(OrderQuery().business_case_id(case_id));
  ASSERT_TRUE(of_case);
  EXPECT_FALSE(of_case->items.empty());
  auto accepted = c.orders().list_page(OrderQuery().company_data_id("1").partner_country_id("1"));
  EXPECT_TRUE(accepted) << accepted.status().to_string();
}

TEST_F(OrdersTest, WorkItemsAndDocumentsOfAnOrder) {
  auto c = client();
  std::size_t mails_seen = 0, tasks_seen = 0;
  for (auto const& o : c.orders().list(OrderQuery().page_size(50))) {
    ASSERT_TRUE(o);
    auto mails = c.orders().mails(o->id());
    ASSERT_TRUE(mails) << mails.status().to_string();
    for (auto const& m : mails->items) {
      EXPECT_TRUE(m.check().ok()) << m.check().to_string();
      EXPECT_EQ(m.order()->id, o->id());
    }
    mails_seen += mails->items.size();
    auto tasks = c.orders().tasks(o->id());
    ASSERT_TRUE(tasks) << tasks.status().to_string();
    for (auto const& t : tasks->items) EXPECT_EQ(t.order()->id, o->id());
    tasks_seen += tasks->items.size();
    auto events = c.orders().communications(o->id());
    ASSERT_TRUE(events) << events.status().to_string();
    for (auto const& e : events->items) EXPECT_EQ(e.order()->id, o->id());
    auto documents = c.orders().documents(o->id());
    ASSERT_TRUE(documents) << documents.status().to_string();
    for (auto const& d : documents->items) EXPECT_EQ(d.type(), "document");
  }
  EXPECT_GE(mails_seen, 1u);
  EXPECT_GE(tasks_seen, 1u);  // the demo tasks are linked to their partner's orders
  EXPECT_EQ(c.orders().documents("999999999").status().code(), ErrorCode::kNotFound);
}

TEST_F(OrdersTest, AttachmentsUploadAndList) {
  auto c = client();
  auto created = c.orders().create(sample(c, "Zákazka s prílohou"));
  ASSERT_TRUE(created);
  FileUpload file{"model.stl", "solid cube\nendsolid cube\n", "model/stl", "od zákazníka"};
  auto id = c.orders().upload_attachment(created->id(), file);
  ASSERT_TRUE(id) << id.status().to_string();
  auto list = c.orders().attachments(created->id());
  ASSERT_TRUE(list) << list.status().to_string();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id(), *id);
  EXPECT_EQ(list->items[0].name(), "model.stl");
}

TEST_F(OrdersTest, PohodaExportIsAZipWrittenToDisk) {
  auto c = client();
  auto all = c.orders().export_pohoda();
  ASSERT_TRUE(all) << all.status().to_string();
  EXPECT_EQ(all->content_type.substr(0, 15), "application/zip");
  ASSERT_GE(all->bytes.size(), 4u);
  EXPECT_EQ(all->bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(all->bytes.find("con:contract"), std::string::npos);

  auto waiting = c.orders().export_pohoda(OrderQuery().state_id(state_of(c, OrderStateType::kWaiting)));
  ASSERT_TRUE(waiting) << waiting.status().to_string();
  EXPECT_LT(waiting->bytes.size(), all->bytes.size());

  std::string path = ::testing::TempDir() + "flowii-orders-pohoda.zip";
  ASSERT_TRUE(all->write_to(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, all->bytes);
  std::remove(path.c_str());
}

TEST_F(OrdersTest, StatesTypesAndCustomFields) {
  auto c = client();
  auto states = c.orders().states().list();
  ASSERT_TRUE(states) << states.status().to_string();
  std::set<OrderStateType> kinds;
  for (auto const& s : *states) {
    EXPECT_TRUE(s.check().ok()) << s.check().to_string();
    kinds.insert(s.order_state_type().value_or(OrderStateType::kWaiting));
  }
  EXPECT_EQ(kinds.size(), 4u);
  auto state = c.orders().states().get(states->front().id());
  ASSERT_TRUE(state);
  EXPECT_EQ(state->name(), states->front().name());

  auto types = c.orders().types().list();
  ASSERT_TRUE(types) << types.status().to_string();
  ASSERT_FALSE(types->empty());
  for (auto const& t : *types) EXPECT_FALSE(t.parent().has_value());  // top-level only
  auto subtypes = c.orders().types().children(types->front().id());
  ASSERT_TRUE(subtypes) << subtypes.status().to_string();
  ASSERT_FALSE(subtypes->empty());
  for (auto const& s : *subtypes) EXPECT_EQ(s.parent()->id, types->front().id());
  auto subtype = c.orders().types().get(subtypes->front().id());
  ASSERT_TRUE(subtype);
  EXPECT_EQ(subtype->parent()->id, types->front().id());
  auto parent = subtype->related<OrderType>("parent");
  ASSERT_TRUE(parent.has_value());
  EXPECT_EQ(parent->name(), types->front().name());

  auto defs = c.orders().custom_fields();
  ASSERT_TRUE(defs) << defs.status().to_string();
  std::set<CustomFieldType> field_types;
  for (auto const& d : *defs) {
    EXPECT_TRUE(d.check().ok()) << d.check().to_string();
    field_types.insert(d.value_type().value_or(CustomFieldType::kText));
    if (d.value_type() == CustomFieldType::kEnum) {
      EXPECT_FALSE(d.value_definitions().empty());
    }
  }
  EXPECT_EQ(field_types.size(), 5u);
}

}  // namespace
}  // namespace flowii::test
