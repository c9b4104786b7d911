// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// E-shop order flow: find the customer by full-text search (or create it),
// create an order with type, state, partner, creator (`user` = the session user)
// and responsible users, read back the `serial-nr` FLOWii assigned, create the
// task that gets the order made (linked to the order and the customer), attach
// the order file, and export the customer's orders for POHODA into
// orders-pohoda.zip in the current directory.
// Configured only from FLOWII_* variables (see quickstart.cpp).
#include "example_support.hpp"

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

using examples::fail;

namespace {

// The e-shop customer of this example.
constexpr char const* kEmail = "lucia.hudakova@example.sk";
constexpr char const* kName = "Hudáková Lucia";

// FLOWii only offers full-text search: search by e-mail, then by name, and take a
// hit whose name matches; otherwise create the customer.
std::string find_or_create_customer(flowii::Client& client) {
  for (char const* term : {kEmail, kName}) {
    auto hits = client.partners().list_page(flowii::PartnerQuery().search_text(term).page_size(10));
    if (!hits) fail("searching partners", hits.status());
    for (auto const& p : hits->items) {
      if (p.name() == kName) {
        std::cout << "found customer " << p.id() << " by \"" << term << "\"\n";
        return p.id();
      }
    }
  }
  flowii::Partner partner;
  partner.set_name(kName)
      .set_partner_type(flowii::PartnerType::kPerson)
      .set_billing_address(
          flowii::Address().set_street("Hlavná 12").set_city("Košice").set_zip("040 01").set_country("1"))
      .set_key_contact(flowii::Contact().set_first_name("Lucia").set_last_name("Hudáková").set_email(kEmail));
  auto created = client.partners().create(partner);
  if (!created) fail("creating the customer", created.status());
  std::cout << "created customer " << created->id() << "\n";
  return created->id();
}

// The work on the order: a task captioned "<serial-nr>_<order name>" with one
// activity for the session user, of type "Realizácia" when the company has it.
std::string create_order_task(flowii::Client& client, flowii::Session const& session, flowii::Order const& order,
                              std::string const& customer) {
  auto kinds = client.tasks().activity_types().list();
  if (!kinds) fail("reading activity types", kinds.status());
  if (kinds->empty()) fail("choosing an activity type", "no activity types");
  flowii::ActivityType const* kind = &kinds->front();
  for (auto const& k : *kinds) {
    if (k.name() == "Realizácia") kind = &k;
  }
  flowii::Task task;
  task.set_caption(order.serial_nr().value_or("") + "_" + order.name().value_or(""))
      .set_deadline(flowii::DateTime::from_date(examples::local_time(5).date()))
      .set_user(session.user_id)
      .set_order(order.id())
      .set_partner(customer)
      .add_activities(flowii::Activity()
                          .set_state(flowii::ActivityState::kWaiting)
                          .set_activity_type(kind->id())
                          .set_user(session.user_id));
  auto created = client.tasks().create(task);  // like the order: never sent twice
  if (!created) fail("creating the order's task", created.status());
  return created->id();
}

}  // namespace

int main() {
  auto [client, session] = examples::connect("order_flow");
  std::cout << "company " << session.company_name << ", user " << session.user_name << "\n";
  auto& orders = client.orders();

  std::string const customer = find_or_create_customer(client);

  auto types = orders.types().list();
  if (!types) fail("reading order types", types.status());
  if (types->empty()) fail("choosing an order type", "no order types");
  auto const& type = types->front();
  auto states = orders.states().list();
  if (!states) fail("reading order states", states.status());
  std::string waiting;
  for (auto const& s : *states) {
    if (s.order_state_type() == flowii::OrderStateType::kWaiting) {
      waiting = s.id();
      break;
    }
  }
  if (waiting.empty()) fail("choosing a state", "no waiting state");

  flowii::Order order;
  order.set_name("3D tlač – držiak_telefónu.stl")
      .set_created(examples::local_time(0))
      .set_accepted(flowii::DateTime::from_date(examples::local_time(0).date()))
      .set_deadline(flowii::DateTime::from_date(examples::local_time(7).date()))
      .set_anticipated_income_amount(39.90)
      .set_description("E-shop order, PLA, black, 2 pcs")
      .set_order_type(type.id())
      .set_state(waiting)
      .set_partner(customer)
      .set_user(session.user_id)
      .add_responsible_users(session.user_id);
  auto created = orders.create(order);  // never retried automatically: no duplicates
  if (!created) fail("creating the order", created.status());
  auto read = orders.get(created->id());
  if (!read) fail("reading the order", read.status());
  std::string const serial = read->serial_nr().value_or("");
  std::cout << "created order " << read->id() << " \"" << read->name().value_or("") << "\" of type \""
            << type.name().value_or("?") << "\": FLOWii serial-nr " << serial << "\n";

  std::string const task = create_order_task(client, session, *read, customer);
  auto order_tasks = orders.tasks(read->id());
  if (!order_tasks) fail("listing the order's tasks", order_tasks.status());
  std::cout << "created task " << task << " \"" << serial << "_" << read->name().value_or("") << "\"; the order has "
            << order_tasks->items.size() << " task(s)\n";

  flowii::FileUpload file{"objednavka-" + serial + ".txt",
                          "E-shop order " + serial + "\n2x drziak_telefonu.stl, PLA black\n", "text/plain",
                          "e-shop order"};
  auto attached = orders.upload_attachment(read->id(), file);
  if (!attached) fail("attaching the order file", attached.status());
  auto files = orders.attachments(read->id());
  if (!files) fail("listing attachments", files.status());
  std::cout << "attached " << file.name << " (file " << *attached << "); the order has " << files->items.size()
            << " attachment(s)\n";

  auto pohoda = orders.export_pohoda(flowii::OrderQuery().partner_id(customer));
  if (!pohoda) fail("exporting orders for POHODA", pohoda.status());
  if (auto s = pohoda->write_to("orders-pohoda.zip"); !s) fail("writing orders-pohoda.zip", s);
  std::cout << "exported the customer's orders (" << pohoda->content_type << ", " << pohoda->bytes.size()
            << " bytes) to orders-pohoda.zip\n";
  std::cout << "order_flow finished\n";
  return 0;
}
