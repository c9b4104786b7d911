// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): an order ("zákazka") for a partner found by
// full-text search, with a state, type and subtype from the company's code
// lists; then the serial number FLOWii assigned.
#include <flowii/flowii.hpp>

#include <algorithm>
#include <iostream>
#include <stdexcept>

int main() try {
  auto client = flowii::Client::from_env().value();
  auto session = client.session().value();  // session.user_id is the order's creator
  auto& orders = client.orders();

  auto hits = client.partners().list_page(flowii::PartnerQuery().search_text("s.r.o.").page_size(1)).value();
  if (hits.items.empty()) throw std::runtime_error("no partner matches \"s.r.o.\"");
  auto const& customer = hits.items.front();

  // States and types are the company's own: pick a state by its kind, a
  // top-level type, and (optionally) one of that type's subtypes.
  auto states = orders.states().list().value();
  auto waiting = std::find_if(states.begin(), states.end(), [](flowii::OrderState const& s) {
    return s.order_state_type() == flowii::OrderStateType::kWaiting;
  });
  auto types = orders.types().list().value();
  if (waiting == states.end() || types.empty()) throw std::runtime_error("no waiting order state or no order type");
  auto subtypes = orders.types().children(types.front().id()).value();

  // FLOWii's date-times are local wall-clock time without a zone.
  flowii::DateTime const created = flowii::DateTime::local();

  flowii::Order order;
  order
      .set_created(created)       // required
      .set_state(waiting->id())   // required
      .set_user(session.user_id)  // required: who created the order
      .set_name("Rekonštrukcia strechy – sklad B")
      .set_partner(customer.id())
      .set_order_type(types.front().id())
      .add_responsible_users(session.user_id)
      .set_anticipated_income_amount(12500);
  if (!subtypes.empty()) order.set_subtype(subtypes.front().id());
  auto id = orders.create(order).value().id();

  // FLOWii answers a create with the id only: read the order for its serial number.
  auto read = orders.get(id).value();
  std::cout << "created order " << id << " (serial-nr " << read.serial_nr().value_or("?") << ") for partner "
            << customer.id() << " " << customer.name().value_or("") << "\n";
  if (!read.partner() || read.partner()->id != customer.id()) throw std::runtime_error("the order lost its partner");
  return 0;
} catch (std::exception const& e) {
  std::cerr << "order_for_partner: " << e.what() << "\n";
  return 1;
}
