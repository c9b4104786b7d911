// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Business-case pipeline: open a business case for a partner, move it to a
// "won" state, list its tasks, events and e-mails, and export the partner's
// cases as XML into business-cases.zip in the current directory.
// Configured only from FLOWII_* variables (see quickstart.cpp).
#include "example_support.hpp"

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

using examples::fail;

namespace {

// The first state (by FLOWii's order) of the wanted kind.
flowii::BusinessCaseState state_of(std::vector<flowii::BusinessCaseState> const& states,
                                   flowii::BusinessCaseStateType kind) {
  flowii::BusinessCaseState const* best = nullptr;
  for (auto const& s : states) {
    if (s.business_case_state_type() != kind) continue;
    if (best == nullptr || s.order().value_or(0) < best->order().value_or(0)) best = &s;
  }
  if (best == nullptr) {
    fail("finding a state of type " + std::to_string(static_cast<int>(kind)),
         "the company has no such business-case state");
  }
  return *best;
}

}  // namespace

int main() {
  auto [client, session] = examples::connect("business_case_pipeline");
  std::cout << "company " << session.company_name << ", user " << session.user_name << "\n";
  auto& cases = client.business_cases();

  auto partners = client.partners().list_page(flowii::PartnerQuery().page_size(1));
  if (!partners) fail("listing partners", partners.status());
  if (partners->items.empty()) fail("finding a partner", "no partners");
  auto const& partner = partners->items.front();
  std::cout << "partner: " << partner.id() << " " << partner.name().value_or("?") << "\n";

  auto states = cases.states().list();
  if (!states) fail("reading business-case states", states.status());
  auto const open = state_of(*states, flowii::BusinessCaseStateType::kInProgress);
  auto const won = state_of(*states, flowii::BusinessCaseStateType::kWon);

  flowii::BusinessCase bc;
  bc.set_name("Ročná servisná zmluva – " + partner.name().value_or("partner"))
      .set_description("Opened by the flowii-cpp business_case_pipeline example")
      .set_created(examples::local_time(0))
      .set_anticipated_finish_date(flowii::DateTime::from_date(examples::local_time(30).date()))
      .set_anticipated_income_amount(4800.0)
      .set_state(open.id())
      .set_partner(partner.id())
      .add_responsible_users(session.user_id);
  auto created = cases.create(bc);
  if (!created) fail("creating the business case", created.status());
  auto read = cases.get(created->id());
  if (!read) fail("reading the business case", read.status());
  std::cout << "opened business case " << read->id() << " (serial " << read->serial_nr().value_or("?")
            << ") in state \"" << open.name().value_or("?") << "\"\n";

  read->set_state(won.id()).set_finish_date(examples::local_time(0));
  if (auto s = cases.update(*read); !s) fail("moving the case to won", s);
  auto now_won = cases.get(created->id());
  if (!now_won) fail("reading the won case", now_won.status());
  auto state = now_won->related<flowii::BusinessCaseState>("state");
  std::cout << "business case " << now_won->id() << " is now \"" << (state ? state->name().value_or("?") : "?")
            << "\" (won)\n";

  auto tasks = cases.tasks(created->id());
  if (!tasks) fail("listing tasks", tasks.status());
  auto events = cases.communications(created->id());
  if (!events) fail("listing events", events.status());
  auto mails = cases.mails(created->id());
  if (!mails) fail("listing e-mails", mails.status());
  std::cout << "work on the case: " << tasks->items.size() << " task(s), " << events->items.size() << " event(s), "
            << mails->items.size() << " e-mail(s)\n";
  for (auto const& t : tasks->items) std::cout << "  task  " << t.id() << " " << t.caption().value_or("") << "\n";
  for (auto const& m : mails->items) std::cout << "  mail  " << m.id() << " " << m.subject().value_or("") << "\n";

  auto xml = cases.export_xml(flowii::BusinessCaseQuery().partner_id(partner.id()), /*include_messages=*/true);
  if (!xml) fail("exporting business cases", xml.status());
  if (auto s = xml->write_to("business-cases.zip"); !s) fail("writing business-cases.zip", s);
  std::cout << "exported the partner's business cases (" << xml->content_type << ", " << xml->bytes.size()
            << " bytes) to business-cases.zip\n";
  std::cout << "business_case_pipeline finished\n";
  return 0;
}
