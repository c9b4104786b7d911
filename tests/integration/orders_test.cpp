// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Orders surface (orders, their work items, documents, files, Pohoda
// export, custom fields, states, types and subtypes) against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

class OrdersTest : public EmulatorTest {
 protected:
  std::string state_of(Client& c, OrderStateType kind) { return state_of_kind(c.orders().states(), kind); }
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

TEST_F(OrdersTest, EveryFilterKeepsOnlyMatchingOrders) {
  auto c = client();
  auto types = c.orders().types().list();
  auto entities = c.invoicing().company_data().list();
  auto seeded = c.orders().list_page(OrderQuery().page_size(2));
  ASSERT_TRUE(types && types->size() >= 2u && entities && !entities->empty());
  ASSERT_TRUE(seeded && seeded->items.size() == 2u);
  // Two demo orders: one left alone, one edited below.
  std::string const quiet = seeded->items[0].id(), edited = seeded->items[1].id();
  std::string const company_data = entities->front().id();

  // Everything from here on happens after `since`; the demo data is older.
  advance(std::chrono::seconds(60));
  UnixTime const since = UnixTime::from(emu().now());
  UnixTime const before{since.seconds - 1};

  // A: every date in 2001, a small amount, waiting; B: every date in 2099, a
  // large amount, in progress, for the first company data, with another type,
  // responsible user, partner and business case. The demo data lies in between.
  WorkMaker work(c);
  std::vector<PartnerSide> partners;
  std::vector<std::string> subtypes, cases;
  for (std::size_t i = 0; i < 2; ++i) {
    partners.push_back(make_partner_side(c, i, "Partner zákazky " + std::to_string(i)));
    auto children = c.orders().types().children((*types)[i].id());
    ASSERT_TRUE(children && !children->empty());
    subtypes.push_back(children->front().id());
    cases.push_back(work.business_case(partners[i].id));
  }
  auto make = [&](std::size_t i, std::string const& name, int year, double income, OrderStateType state) {
    Order o;
    o.set_name(name)
        .set_created(DateTime{year, 5, 12, 9, 30, 0})
        .set_accepted(DateTime{year, 5, 12, 0, 0, 0})
        .set_deadline(DateTime{year, 6, 30, 0, 0, 0})
        .set_finished(DateTime{year, 6, 20, 0, 0, 0})
        .set_anticipated_income_amount(income)
        .set_order_type((*types)[i].id())
        .set_subtype(subtypes[i])
        .set_state(state_of(c, state))
        .set_partner(partners[i].id)
        .set_business_case(cases[i])
        .add_responsible_users(partners[i].responsible);
    if (i == 1) o.link("company-data", ResourceId{"company-data", company_data});
    auto created = c.orders().create(o);
    EXPECT_TRUE(created) << created.status().to_string();
    std::string const id = created ? created->id() : std::string();
    work.task({partners[i].id, "", id}, DateTime{year, 6, 1, 0, 0, 0});
    return id;
  };
  std::string const a = make(0, "Zákazka Alfa", 2001, 100, OrderStateType::kWaiting);
  std::string const b = make(1, "Zákazka Beta", 2099, 90000, OrderStateType::kInProgress);
  ASSERT_FALSE(a.empty() || b.empty());
  auto touch = c.orders().get(edited);
  ASSERT_TRUE(touch);
  ASSERT_TRUE(c.orders().update(touch->set_description("upravené po since")).ok());

  ReadOnce<Partner> read_partner([&](std::string const& id) { return c.partners().get(id); });
  ReadOnce<Task> read_task([&](std::string const& id) { return c.tasks().get(id); });
  InRange<Order> const task_due = [&](Order const& o, std::optional<DateTime> const& from,
                                      std::optional<DateTime> const& to) {
    auto tasks = c.orders().tasks(o.id(), Query().page_size(1000));
    EXPECT_TRUE(tasks) << tasks.status().to_string();
    return tasks && std::any_of(tasks->items.begin(), tasks->items.end(),
                                [&](Task const& t) { return within(read_task(t.id()).deadline(), from, to); });
  };
  auto const& side = partners[1];
  DateTime const y2050{2050, 1, 1, 0, 0, 0};
  std::set<std::string> const changed = {a, b, edited};
  using Q = OrderQuery;
  std::vector<FilterCase<Order, OrderQuery>> filters = {
      keeps<Order>(
          "search-text", Q().search_text("zákazka beta"), [](Order const& o) { return o.name() == "Zákazka Beta"; }, b,
          a),
      keeps<Order>("state-id", Q().state_id(state_of(c, OrderStateType::kInProgress)),
                   state_of_type<Order>(OrderStateType::kInProgress), b, a),
      keeps<Order>("type-id", Q().type_id((*types)[1].id()), links<Order>("type", (*types)[1].id()), b, a),
      keeps<Order>("subtype-id", Q().subtype_id(subtypes[1]), links<Order>("subtype", subtypes[1]), b, a),
      keeps<Order>("company-data-id", Q().company_data_id(company_data), links<Order>("company-data", company_data), b,
                   a),
      keeps<Order>("responsible-user-id", Q().responsible_user_id(side.responsible),
                   includes<Order>("responsible-users", side.responsible), b, a),
      keeps<Order>("partner-id", Q().partner_id(side.id), links<Order>("partner", side.id), b, a),
      partner_case<Order>(read_partner, "partner-country-id", Q().partner_country_id(side.country),
                          in_country(side.country), {b}, {a}),
      keeps<Order>("business-case-id", Q().business_case_id(cases[1]), links<Order>("business-case", cases[1]), b, a),
  };
  add_since(filters, "edited", Q().edited_from(since), Q().edited_to(before), changed, {a, edited}, {quiet});
  add_amount_range(filters, "anticipated-income", Q().anticipated_income_from(50000.5),
                   Q().anticipated_income_to(50000.5), "anticipated-income-amount", 50000.5, b, a);
  // A's dates lie before 2050, B's after.
  add_range(filters, "created", Q().created_from(y2050), Q().created_to(y2050), date_at<Order>("created"), y2050, {b},
            {a});
  add_range(filters, "accepted", Q().accepted_from(y2050), Q().accepted_to(y2050), date_at<Order>("accepted"), y2050,
            {b}, {a});
  add_range(filters, "deadline", Q().deadline_from(y2050), Q().deadline_to(y2050), date_at<Order>("deadline"), y2050,
            {b}, {a});
  add_range(filters, "finished", Q().finished_from(y2050), Q().finished_to(y2050), date_at<Order>("finished"), y2050,
            {b}, {a});
  add_range(filters, "task-deadline", Q().task_deadline_from(y2050), Q().task_deadline_to(y2050), task_due, y2050, {b},
            {a});
  expect_filters(c.orders(), filters);

  expect_bad_request(c.orders().list_page(Q().filter("anticipated-income-from", "veľa")));
}

TEST_F(OrdersTest, WorkItemsAndDocumentsOfAnOrder) {
  auto c = client();
  WorkMaker work(c);
  auto& orders = c.orders();
  std::string const partner = some_partner(c);  // the one sample() uses
  // Two new orders with one task, event, invoice and file each: each sub-list
  // holds its own order's record and not the other one's. No e-mails: FLOWii's
  // API creates none.
  auto sublists = work_item_lists(orders, orders);
  sublists.emplace("documents", ids_via(orders, &OrdersApi::documents));
  expect_own_records(
      [&](int i) { return created_id(orders.create(sample(c, "Zákazka s prácou " + std::to_string(i)))); },
      [&](std::string const& id) {
        About const about{partner, "", id};
        auto records = work.work_items(about, orders, id);
        records.emplace("documents", work.invoice(about));
        return records;
      },
      sublists);

  // The demo's e-mails: each under its own order only.
  std::set<std::string> mails_seen;
  for (auto const& o : c.orders().list(OrderQuery().page_size(50))) {
    ASSERT_TRUE(o);
    auto mails = c.orders().mails(o->id(), Query().page_size(1000));
    ASSERT_TRUE(mails) << mails.status().to_string();
    for (auto const& m : mails->items) {
      EXPECT_TRUE(m.check().ok()) << m.check().to_string();
      EXPECT_EQ(m.order()->id, o->id());
      EXPECT_TRUE(mails_seen.insert(m.id()).second) << "mail " << m.id() << " listed under two orders";
    }
  }
  EXPECT_GE(mails_seen.size(), 2u);
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
