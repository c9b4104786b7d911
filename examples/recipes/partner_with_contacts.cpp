// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): a partner with its address and contacts in one
// POST, then one more contact added by a read-modify-write PATCH.
#include <flowii/flowii.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

int main() try {
  // FLOWII_* variables; value() throws flowii::Error, which says what failed.
  auto client = flowii::Client::from_env().value();
  auto session = client.session().value();
  auto& partners = client.partners();

  // Ids from code lists: the country (FLOWii names countries in Slovak) and a partner type.
  auto countries = client.account().countries().value();
  std::string slovakia;
  for (auto const& country : countries) {
    if (country.name() == "Slovensko") slovakia = country.id();
  }
  auto types = partners.types().list().value();
  if (slovakia.empty() || types.empty()) throw std::runtime_error("no country Slovensko or no partner type");

  flowii::Contact boss;
  boss.set_first_name("Marek").set_last_name("Horák").set_job_title("konateľ").set_email("marek.horak@example.sk");
  flowii::Contact accounts;
  accounts.set_first_name("Eva").set_last_name("Kučerová").set_email("uctovnictvo@example.sk");

  flowii::Partner partner;
  partner
      .set_name("Stavebniny Horák s.r.o.")              // required
      .set_partner_type(flowii::PartnerType::kCompany)  // required: company or person
      .set_ico("36521477")
      .set_base_business_relationship(types.front().id())
      .set_responsible_user(session.user_id)
      .set_billing_address(
          flowii::Address().set_street("Priemyselná 7").set_city("Trnava").set_zip("917 01").set_country(slovakia))
      .set_key_contact(boss)  // nested: created with the partner
      .add_contacts(accounts);
  auto created = partners.create(partner).value();
  std::cout << "created partner " << created.id() << "\n";

  // Adding a contact later: the read carries the existing contacts' ids, so the
  // PATCH keeps them and creates the new, nested one.
  auto read = partners.get(created.id()).value();
  read.add_contacts(flowii::Contact().set_first_name("Peter").set_last_name("Bielik").set_mobile("+421 905 111 222"));
  flowii::throw_if_error(partners.update(read));

  // The key contact and the other contacts, listed together.
  auto contacts = partners.contacts(created.id()).value();
  for (auto const& c : contacts.items) {
    std::cout << "  contact " << c.id() << ": " << c.first_name().value_or("") << " " << c.last_name().value_or("")
              << "\n";
  }
  if (contacts.items.size() != 3) throw std::runtime_error("expected 3 contacts");
  return 0;
} catch (std::exception const& e) {
  std::cerr << "partner_with_contacts: " << e.what() << "\n";
  return 1;
}
