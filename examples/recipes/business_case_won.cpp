// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): a business case that is won, and the order that
// follows from it (linked through the order's `business-case`).
#include <flowii/flowii.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

int main() try {
  auto client = flowii::Client::from_env().value();
  auto session = client.session().value();
  auto& cases = client.business_cases();

  // States are the company's own: pick them by kind (in progress, won; and the order's "waiting").
  std::string open, won, waiting;
  auto case_states = cases.states().list().value();
  for (auto const& s : case_states) {
    if (open.empty() && s.business_case_state_type() == flowii::BusinessCaseStateType::kInProgress) open = s.id();
    if (won.empty() && s.business_case_state_type() == flowii::BusinessCaseStateType::kWon) won = s.id();
  }
  auto order_states = client.orders().states().list().value();
  for (auto const& s : order_states) {
    if (waiting.empty() && s.order_state_type() == flowii::OrderStateType::kWaiting) waiting = s.id();
  }
  auto partners = client.partners().list_page(flowii::PartnerQuery().page_size(1)).value();
  if (open.empty() || won.empty() || waiting.empty() || partners.items.empty()) {
    throw std::runtime_error("missing a business-case state, an order state or a partner");
  }
  std::string const partner = partners.items.front().id();

  flowii::DateTime const now = flowii::DateTime::local();

  flowii::BusinessCase deal;
  deal.set_name("Servisná zmluva 2026")  // required, as are created, state and partner
      .set_created(now)
      .set_state(open)
      .set_partner(partner)
      .set_anticipated_income_amount(4800)
      .add_responsible_users(session.user_id);
  auto case_id = cases.create(deal).value().id();

  // Won: read the case, change its state, and PATCH it back whole.
  auto read = cases.get(case_id).value();
  read.set_state(won).set_finish_date(now);
  flowii::throw_if_error(cases.update(read));

  flowii::Order order;
  order.set_name(read.name().value_or("Servisná zmluva"))
      .set_created(now)  // required, as are state and user
      .set_state(waiting)
      .set_user(session.user_id)
      .set_partner(partner)
      .set_business_case(case_id)
      .set_anticipated_income_amount(read.anticipated_income_amount().value_or(0))
      .add_responsible_users(session.user_id);
  auto order_id = client.orders().create(order).value().id();

  auto of_case = client.orders().list_page(flowii::OrderQuery().business_case_id(case_id)).value();
  if (of_case.items.size() != 1 || of_case.items.front().id() != order_id) {
    throw std::runtime_error("the order is not listed under its business case");
  }
  std::cout << "business case " << case_id << " won; order " << order_id << " created from it\n";
  return 0;
} catch (std::exception const& e) {
  std::cerr << "business_case_won: " << e.what() << "\n";
  return 1;
}
