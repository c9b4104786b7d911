// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Proves, against the in-process emulator, that an id with a '/' never turns a
// typed call into a call of another resource: partners().get("<id>/contacts") is
// an error (kNotFound or kInvalidResponse), never a Partner made of a contact list.
#include "integration/emulator_fixture.hpp"

#include <string>

namespace flowii::test {
namespace {

class WrongKindTest : public EmulatorTest {};

// A partner that has contacts: the sub-list the slash must not reach exists.
std::string partner_with_contacts(Client& c) {
  auto page = c.partners().list_page(PartnerQuery().page_size(1000));
  EXPECT_TRUE(page) << page.status().to_string();
  if (!page) return {};
  for (auto const& p : page->items) {
    auto contacts = c.partners().contacts(p.id());
    if (contacts && !contacts->items.empty()) return p.id();
  }
  return {};
}

void expect_wrong_kind_error(Result<Partner> const& r) {
  ASSERT_FALSE(r.ok()) << "got a Partner " << r->id() << " for an id with '/'";
  EXPECT_TRUE(r.status().code() == ErrorCode::kNotFound || r.status().code() == ErrorCode::kInvalidResponse)
      << r.status().to_string();
}

TEST_F(WrongKindTest, IdFromTheBugReportIsAnErrorNeverAPartner) {
  auto c = client();
  expect_wrong_kind_error(c.partners().get("100031/contacts"));
}

TEST_F(WrongKindTest, IdWithSlashNeverReadsOrDeletesAnotherResource) {
  auto c = client();
  auto const id = partner_with_contacts(c);
  ASSERT_FALSE(id.empty()) << "the demo data has no partner with contacts";

  expect_wrong_kind_error(c.partners().get(id + "/contacts"));
  auto removed = c.partners().remove(id + "/contacts");
  EXPECT_FALSE(removed.ok()) << "DELETE with an id containing '/' succeeded";

  auto still = c.partners().get(id);
  ASSERT_TRUE(still) << still.status().to_string();
  EXPECT_EQ(still->id(), id);
}

}  // namespace
}  // namespace flowii::test
