// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Quickstart: token -> company access list -> current user -> list, create,
// read, update and delete a partner. Configured only from FLOWII_* variables:
//   FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME, FLOWII_PASSWORD,
//   FLOWII_COMPANY_ID (needed when the user has several companies), FLOWII_LOG.
#include <flowii/flowii.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

// Prints the error and ends the program with a non-zero exit code.
[[noreturn]] void fail(std::string const& step, flowii::Status const& status) {
  std::cerr << "quickstart: " << step << " failed: " << status.to_string() << "\n";
  std::exit(1);
}

}  // namespace

int main() {
  auto client = flowii::Client::from_env();
  if (!client) fail("configuration", client.status());

  auto session = client->session();  // POST /token, GET /companies, GET /users/self
  if (!session) fail("session bootstrap", session.status());
  std::cout << "companies you can access:\n";
  for (auto const& c : session->companies) std::cout << "  " << c.id() << "  " << c.name().value_or("") << "\n";
  std::cout << "working in company " << session->company_id << " (" << session->company_name << ") as user "
            << session->user_id << " (" << session->user_name << ")\n";

  std::cout << "first partners:\n";
  int shown = 0;
  for (auto const& p : client->partners().list(flowii::PartnerQuery().page_size(5))) {
    if (!p) fail("listing partners", p.status());
    std::cout << "  " << p->id() << "  " << p->name().value_or("?") << "\n";
    if (++shown == 5) break;
  }

  flowii::Partner partner;
  partner.set_name("Quickstart s.r.o.")
      .set_partner_type(flowii::PartnerType::kCompany)
      .set_ico("12345678")
      .set_billing_address(
          flowii::Address().set_street("Hlavná 1").set_city("Nitra").set_zip("949 01").set_country("1"))
      .set_key_contact(flowii::Contact().set_first_name("Jana").set_last_name("Kováčová").set_email("jana@example.sk"));
  auto created = client->partners().create(partner);
  if (!created) fail("creating a partner", created.status());
  std::cout << "created partner " << created->id() << "\n";

  auto read = client->partners().get(created->id());
  if (!read) fail("reading the partner", read.status());
  auto address = read->related<flowii::Address>("billing-address");
  std::cout << "read partner " << read->id() << ": " << read->name().value_or("?") << ", "
            << (address ? address->city().value_or("?") : std::string("no address")) << "\n";

  read->set_comment("updated by the flowii-cpp quickstart");
  if (auto s = client->partners().update(*read); !s) fail("updating the partner", s);
  auto updated = client->partners().get(created->id());
  if (!updated) fail("reading the updated partner", updated.status());
  std::cout << "updated partner " << updated->id() << ": comment = \"" << updated->comment().value_or("") << "\"\n";

  if (auto s = client->partners().remove(created->id()); !s) fail("deleting the partner", s);
  auto gone = client->partners().get(created->id());
  if (gone || gone.status().code() != flowii::ErrorCode::kNotFound) {
    fail("checking the deletion",
         gone ? flowii::Status(flowii::ErrorCode::kUnknown, "the partner still exists") : gone.status());
  }
  std::cout << "deleted partner " << created->id() << " (reading it now gives not-found)\n";
  std::cout << "quickstart finished\n";
  return 0;
}
