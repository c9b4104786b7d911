// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Example "user code" for the testing guide (docs/testing.md): it takes the
// module by reference, so a unit test can pass a mock and an integration test a
// real client's partners().
#ifndef FLOWII_TESTS_TESTING_FIND_OR_CREATE_PARTNER_HPP
#define FLOWII_TESTS_TESTING_FIND_OR_CREATE_PARTNER_HPP

#include <flowii/partners.hpp>

#include <string>

namespace example {

/// The id of the partner with this company number (IČO), created as a company
/// named `name` when FLOWii has none. Errors are returned, never thrown.
inline flowii::Result<std::string> find_or_create_partner(flowii::PartnersApi& partners, std::string const& name,
                                                          std::string const& ico) {
  // The search also matches names and tax ids, and a listing shows only names
  // and types: read each candidate for its IČO.
  for (auto const& candidate : partners.list(flowii::PartnerQuery().search_text(ico))) {
    if (!candidate) return candidate.status();
    auto read = partners.get(candidate->id());
    if (!read) return read.status();
    if (read->ico() == ico) return read->id();
  }
  flowii::Partner partner;
  partner.set_name(name).set_ico(ico).set_partner_type(flowii::PartnerType::kCompany);
  auto created = partners.create(partner);
  if (!created) return created.status();
  return created->id();
}

}  // namespace example

#endif  // FLOWII_TESTS_TESTING_FIND_OR_CREATE_PARTNER_HPP
