// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The ids a test's creates link to (user, partner, states, types, numbering),
// looked up once through the API in the emulator's demo data.
#ifndef FLOWII_TESTS_INTEGRATION_DEMO_LINKS_HPP
#define FLOWII_TESTS_INTEGRATION_DEMO_LINKS_HPP

#include <flowii/flowii.hpp>

#include <string>

namespace flowii::test {

struct DemoLinks {
  std::string user, partner, order_type, order_subtype, order_state, case_state, activity_type;
  std::string communication_category, communication_type, company_data, sequence;
};

inline DemoLinks look_up_demo_links(Client& c) {
  DemoLinks r;
  r.user = c.session()->user_id;
  r.partner = c.partners().list_page(PartnerQuery().page_size(1))->items.at(0).id();
  r.order_type = c.orders().types().list()->at(0).id();
  r.order_subtype = c.orders().types().children(r.order_type)->at(0).id();
  r.order_state = c.orders().states().list()->at(0).id();
  r.case_state = c.business_cases().states().list()->at(0).id();
  r.activity_type = c.tasks().activity_types().list()->at(0).id();
  r.communication_category = c.tasks().communications().categories().list()->at(0).id();
  r.communication_type = c.tasks().communications().types().list()->at(0).id();
  r.company_data = c.invoicing().company_data().list()->at(0).id();
  r.sequence = c.invoicing().numbering_sequences(DocumentType::kInvoice, r.company_data)->at(0).id();
  return r;
}

}  // namespace flowii::test

#endif  // FLOWII_TESTS_INTEGRATION_DEMO_LINKS_HPP
