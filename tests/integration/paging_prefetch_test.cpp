// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Page prefetch against the emulator: the same listing, the same requests, and a
// listing abandoned early leaves nothing running (docs/adr/0003-paging.md).
#include "integration/emulator_fixture.hpp"

#include <string>
#include <vector>

namespace flowii {
namespace {

class PagingPrefetch : public test::EmulatorTest {
 protected:
  /// Every partner id of company 1, 40 per page, and the GET /partners requests it took.
  std::vector<std::string> ids(bool prefetch, std::size_t& requests) {
    emu().clear_journal();
    auto c = client();
    std::vector<std::string> out;
    for (auto const& p : c.partners().list(PartnerQuery().page_size(40)).prefetch(prefetch)) {
      EXPECT_TRUE(p.ok()) << p.status().to_string();
      if (p) out.push_back(p->id());
    }
    requests = emu().count("GET", "/partners");
    return out;
  }
};

TEST_F(PagingPrefetch, ListsTheSameItemsWithTheSameRequests) {
  emu().add_partners("1", 130);
  std::size_t plain_requests = 0, prefetch_requests = 0;
  auto const plain = ids(false, plain_requests);
  auto const prefetched = ids(true, prefetch_requests);
  EXPECT_GE(plain.size(), 130u);
  EXPECT_EQ(prefetched, plain);
  EXPECT_EQ(prefetch_requests, plain_requests);
}

TEST_F(PagingPrefetch, AFailingNextPageEndsTheListingWithItsError) {
  emu().add_partners("1", 100);
  auto c = client();
  ASSERT_TRUE(c.session().ok());
  // Faults are taken in order: page 0 takes the pass-through one, page 1 the refusal.
  inject_status("GET", "/partners", 0);  // status 0: passes the request through
  inject_status("GET", "/partners", 403, std::nullopt, 1000);
  int items = 0, errors = 0;
  for (auto const& p : c.partners().list(PartnerQuery().page_size(50)).prefetch()) {
    if (p) {
      ++items;
    } else {
      ++errors;
      EXPECT_EQ(p.status().http_status(), 403);
    }
  }
  EXPECT_EQ(items, 50);
  EXPECT_EQ(errors, 1);
}

}  // namespace
}  // namespace flowii
