// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Page prefetch and parallel pages against the emulator: the same listing, the
// same requests (prefetch), and a listing abandoned early leaves nothing running
// (docs/adr/0003-paging.md).
#include "integration/emulator_fixture.hpp"

#include <string>
#include <vector>

namespace flowii {
namespace {

class PagingPrefetch : public test::EmulatorTest {
 protected:
  /// Every partner id of company 1, `page_size` per page, and the GET /partners requests it took.
  std::vector<std::string> ids(bool prefetch, std::size_t& requests, int parallel = 1, int page_size = 40) {
    emu().clear_journal();
    auto c = client();
    std::vector<std::string> out;
    for (auto const& p : c.partners().list(PartnerQuery().page_size(page_size)).prefetch(prefetch).parallel(parallel)) {
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

TEST_F(PagingPrefetch, ParallelPagesListTheSameItemsInTheSameOrder) {
  emu().add_partners("1", 3000);
  for (int page_size : {100, 7}) {
    std::size_t requests = 0;
    auto const plain = ids(false, requests, 1, page_size);
    ASSERT_GE(plain.size(), 3000u);
    for (int parallel : {2, 8}) {
      SCOPED_TRACE("page size " + std::to_string(page_size) + ", parallel " + std::to_string(parallel));
      EXPECT_EQ(ids(false, requests, parallel, page_size), plain);
      // At most the pages in flight when the empty page came back are asked for past the end.
      auto const pages = (plain.size() + static_cast<std::size_t>(page_size) - 1) / static_cast<std::size_t>(page_size);
      EXPECT_GE(requests, pages);
      EXPECT_LE(requests, pages + static_cast<std::size_t>(parallel));
    }
  }
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
