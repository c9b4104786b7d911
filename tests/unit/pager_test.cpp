// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Paging through a Client: when a listing ends, what each page request carries,
// that a Pager is lazy, and what page prefetch (PagingOptions::prefetch) changes.
#include "fake_flowii.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowii {
namespace {

using test::json;

/// Serves GET /partners from a fixed list of pages of partner ids; pages past
/// the end are empty.
struct PartnerPages {
  PartnerPages(std::vector<std::vector<std::string>> ids = {})
      : pages(std::move(ids)) {}  // NOLINT(google-explicit-constructor)

  std::vector<std::vector<std::string>> pages;
  /// Send links.next on every page that has a successor.
  bool send_next = false;
  /// Behave like a server that ignores page[number]: always answer page 0.
  bool ignore_page_number = false;
  /// Answer this page number with this response instead.
  std::optional<int> failing_page;
  HttpResponse failure = test::api_error(403, "Forbidden");

  test::Handler handler() const {
    return [*this](HttpRequest const& r) -> Result<HttpResponse> {
      auto number_text = test::query_param(r, "page[number]");
      int number = number_text ? std::atoi(number_text->c_str()) : 0;
      if (failing_page && number == *failing_page) return failure;
      if (ignore_page_number) number = 0;
      json data = json::array();
      if (number >= 0 && number < static_cast<int>(pages.size())) {
        for (auto const& id : pages[static_cast<std::size_t>(number)]) data.push_back(test::partner_json(id));
      }
      std::string const self = std::string(test::kBaseUrl) + "/partners?page[number]=";
      json links{{"self", self + std::to_string(number)}, {"first", self + "0"}};
      if (send_next && number + 1 < static_cast<int>(pages.size())) links["next"] = self + std::to_string(number + 1);
      return test::ok_json(data, json{{"links", links}});
    };
  }
};

class PagerTest : public ::testing::Test {
 protected:
  void serve(PartnerPages const& pages) { fake_.on("GET", "/partners", pages.handler()); }
  Client client() { return Client(options_); }
  /// page[number] of every GET /partners, in order.
  std::vector<std::string> page_numbers() const {
    std::vector<std::string> out;
    for (auto const& r : fake_.requests_to("GET", "/partners"))
      out.push_back(test::query_param(r, "page[number]").value_or("-"));
    return out;
  }
  /// The same, sorted: with parallel pages the order of requests is not fixed.
  std::vector<int> sorted_page_numbers() const {
    std::vector<int> out;
    for (auto const& n : page_numbers()) out.push_back(std::atoi(n.c_str()));
    std::sort(out.begin(), out.end());
    return out;
  }
  std::size_t list_requests() const { return fake_.count("GET", "/partners"); }
  /// Serves three pages of which the second fails: the listing ends with one error element.
  Client expect_failing_second_page_to_end_the_listing() {
    PartnerPages pages{{{"1", "2"}, {"3", "4"}, {"5"}}};
    pages.failing_page = 1;
    serve(pages);
    auto c = client();
    EXPECT_EQ(drain(c.partners().list()), (std::vector<std::string>{"1", "2", "error:permission-denied"}));
    EXPECT_EQ(page_numbers(), (std::vector<std::string>{"0", "1"}));
    return c;
  }

  /// Every item id of a listing, "error:<code>" for error elements.
  static std::vector<std::string> drain(Pager<Partner, PartnerQuery> pager) {
    std::vector<std::string> out;
    for (auto const& p : pager) out.push_back(p.ok() ? p->id() : std::string("error:") + to_string(p.status().code()));
    return out;
  }

  test::FakeFlowii fake_;
  ClientOptions options_ = fake_.options();
};

TEST_F(PagerTest, WithoutNextLinksFetchesUntilAnEmptyPage) {
  serve({{{"1", "2"}, {"3", "4"}, {"5"}}});
  auto c = client();
  EXPECT_EQ(drain(c.partners().list()), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(page_numbers(), (std::vector<std::string>{"0", "1", "2", "3"}));
}

TEST_F(PagerTest, StopsOnAnEmptyFirstPage) {
  serve({});
  auto c = client();
  auto pager = c.partners().list();
  EXPECT_EQ(pager.begin(), pager.end());
  EXPECT_EQ(list_requests(), 1u);
  EXPECT_EQ(pager.pages_fetched(), 1);
}

TEST_F(PagerTest, OnceTheServerSentNextAPageWithoutNextIsTheLast) {
  PartnerPages pages{{{"1", "2"}, {"3", "4"}, {"5"}}};
  pages.send_next = true;
  serve(pages);
  auto c = client();
  EXPECT_EQ(drain(c.partners().list()), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(page_numbers(), (std::vector<std::string>{"0", "1", "2"}));  // no empty page 3
}

TEST_F(PagerTest, TrustMissingNextEndsAfterTheFirstPageWithoutNext) {
  options_.paging.trust_missing_next = true;
  serve({{{"1", "2"}, {"3"}}});
  auto c = client();
  EXPECT_EQ(drain(c.partners().list()), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(list_requests(), 1u);
}

TEST_F(PagerTest, AnErrorYieldsOneErrorElementThenEnds) {
  auto c = expect_failing_second_page_to_end_the_listing();

  auto pager = c.partners().list();
  auto it = pager.begin();
  ++it;
  ++it;
  ASSERT_NE(it, pager.end());
  EXPECT_FALSE(it->ok());
  EXPECT_EQ(it->status().http_status(), 403);
  EXPECT_EQ(it->status().request(), "GET /partners");
  EXPECT_THROW((void)it->value(), Error);
  ++it;
  EXPECT_EQ(it, pager.end());
}

TEST_F(PagerTest, AServerIgnoringPageNumberDoesNotLoopForever) {
  for (int parallel : {1, 3}) {
    for (bool send_next : {false, true}) {
      SCOPED_TRACE(std::string(send_next ? "with" : "without") + " next links, parallel " + std::to_string(parallel));
      test::FakeFlowii fake;
      PartnerPages pages{{{"1", "2"}, {"3"}}};
      pages.ignore_page_number = true;
      pages.send_next = send_next;
      fake.on("GET", "/partners", pages.handler());
      auto c = fake.client();
      EXPECT_EQ(drain(c.partners().list().parallel(parallel)), (std::vector<std::string>{"1", "2"}));
      // In parallel: pages 0..2 at once, and page 3 once page 0 was handed out.
      EXPECT_EQ(fake.count("GET", "/partners"), parallel == 1 ? 2u : 4u);
    }
  }
}

TEST_F(PagerTest, PageNumbersStartAtZeroAndKeepTheFilters) {
  serve({{{"1"}, {"2"}}});
  auto c = client();
  EXPECT_EQ(drain(c.partners().list(PartnerQuery().search_text("ACME"))), (std::vector<std::string>{"1", "2"}));
  auto requests = fake_.requests_to("GET", "/partners");
  ASSERT_EQ(requests.size(), 3u);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(
        test::query_of(requests[i]),
        (test::QueryList{{"companyId", "1"}, {"filter[search-text]", "ACME"}, {"page[number]", std::to_string(i)}}));
  }
}

TEST_F(PagerTest, PageSizeOptionIsSentAsPageSize) {
  options_.paging.page_size = 25;
  serve({{{"1"}}});
  auto c = client();
  drain(c.partners().list());
  for (auto const& r : fake_.requests_to("GET", "/partners")) EXPECT_EQ(test::query_param(r, "page[size]"), "25");
  // A query's own page size wins.
  auto page = c.partners().list_page(PartnerQuery().page_size(7));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->size, 7);
  EXPECT_EQ(test::query_param(fake_.requests_to("GET", "/partners").back(), "page[size]"), "7");
}

TEST_F(PagerTest, NoPageSizeByDefault) {
  serve({{{"1"}}});
  auto c = client();
  ASSERT_TRUE(c.partners().list_page().ok());
  EXPECT_FALSE(test::query_param(fake_.requests_to("GET", "/partners").back(), "page[size]"));
}

TEST_F(PagerTest, ListPageResumesFromPageN) {
  PartnerPages pages{{{"1"}, {"2"}, {"3"}, {"4", "5"}, {"6"}}};
  pages.send_next = true;
  serve(pages);
  auto c = client();
  auto page = c.partners().list_page(PartnerQuery().page(3));
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_EQ(page_numbers(), (std::vector<std::string>{"3"}));
  EXPECT_EQ(page->number, 3);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].id(), "4");
  EXPECT_EQ(page->items[0].name(), "Partner 4");
  EXPECT_EQ(page->next_link, std::string(test::kBaseUrl) + "/partners?page[number]=4");
  EXPECT_FALSE(page->last);
  EXPECT_EQ(page->next_page(), 4);

  auto last = c.partners().list_page(PartnerQuery().page(*page->next_page()));
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->last);
  EXPECT_FALSE(last->next_page());

  // A Pager resumes the same way.
  EXPECT_EQ(drain(c.partners().list(PartnerQuery().page(2))), (std::vector<std::string>{"3", "4", "5", "6"}));
}

TEST_F(PagerTest, FetchesOnePageAtATime) {
  serve({{{"1", "2", "3"}, {"4", "5", "6"}, {"7"}}});
  auto c = client();
  auto pager = c.partners().list();
  EXPECT_EQ(list_requests(), 0u);  // nothing before iteration starts
  auto it = pager.begin();
  EXPECT_EQ(list_requests(), 1u);
  EXPECT_EQ((*it)->id(), "1");
  ++it;
  ++it;
  EXPECT_EQ((*it)->id(), "3");
  EXPECT_EQ(list_requests(), 1u);  // three items consumed, still one page
  ++it;
  EXPECT_EQ((*it)->id(), "4");
  EXPECT_EQ(list_requests(), 2u);
  EXPECT_EQ(pager.pages_fetched(), 2);
  ++it;
  ++it;
  ++it;
  EXPECT_EQ((*it)->id(), "7");
  EXPECT_EQ(list_requests(), 3u);
  ++it;
  EXPECT_EQ(it, pager.end());
  EXPECT_EQ(list_requests(), 4u);  // the empty page that ended it
}

TEST_F(PagerTest, ItemsAreTypedAndKeepTheirIncluded) {
  fake_.on("GET", "/partners", [](HttpRequest const& r) {
    if (test::query_param(r, "page[number]") != "0") return test::ok_json(json::array());
    json p = test::partner_json("1");
    p["relationships"]["billing-address"]["data"] = {{"type", "address"}, {"id", "5"}};
    return test::ok_json(json::array({p}),
                         json{{"included", json::array({test::resource("address", "5", {{"city", "Nitra"}})})}});
  });
  auto c = client();
  auto pager = c.partners().list();
  auto it = pager.begin();
  ASSERT_NE(it, pager.end());
  ASSERT_TRUE(it->ok());
  EXPECT_EQ((*it)->partner_type(), PartnerType::kCompany);
  EXPECT_EQ((*it)->related<Address>("billing-address")->city(), "Nitra");
}

// Prefetch changes when pages are requested, never which ones or what comes out.
TEST_F(PagerTest, PrefetchKeepsOrderAndRequestsTheSamePages) {
  options_.paging.prefetch = true;
  serve({{{"1", "2"}, {"3", "4"}, {"5"}}});
  auto c = client();
  EXPECT_EQ(drain(c.partners().list()), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(page_numbers(), (std::vector<std::string>{"0", "1", "2", "3"}));
}

TEST_F(PagerTest, PrefetchDoesNotAskPastTheLastPage) {
  options_.paging.prefetch = true;
  PartnerPages pages{{{"1", "2"}, {"3", "4"}, {"5"}}};
  pages.send_next = true;
  serve(pages);
  auto c = client();
  EXPECT_EQ(drain(c.partners().list()), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(page_numbers(), (std::vector<std::string>{"0", "1", "2"}));
}

TEST_F(PagerTest, PrefetchRequestsPageKPlusOneWhilePageKIsInUse) {
  PartnerPages pages{{{"1", "2"}, {"3"}}};
  auto asked = std::make_shared<std::promise<void>>();
  auto release = std::make_shared<std::promise<void>>();
  std::shared_future<void> released = release->get_future().share();
  fake_.on("GET", "/partners", [serve = pages.handler(), asked, released](HttpRequest const& r) {
    if (test::query_param(r, "page[number]") == "1") {
      asked->set_value();
      released.wait();  // page 1 stays "on the way" until the test lets it arrive
    }
    return serve(r);
  });
  auto c = client();
  auto pager = c.partners().list().prefetch();
  auto it = pager.begin();
  ASSERT_NE(it, pager.end());
  // Page 1 is requested while the caller still holds the first item of page 0 (the
  // wait only guards against a hang; nothing here depends on how long it takes).
  bool const requested = asked->get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready;
  EXPECT_EQ((*it)->id(), "1");
  release->set_value();
  ASSERT_TRUE(requested);
  std::vector<std::string> ids;
  for (; it != pager.end(); ++it) ids.push_back((*it)->id());
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "2", "3"}));
}

TEST_F(PagerTest, PrefetchSurfacesAFailedPageAsOneErrorElement) {
  options_.paging.prefetch = true;
  expect_failing_second_page_to_end_the_listing();
}

TEST_F(PagerTest, StoppingEarlyWaitsForThePrefetchInFlight) {
  serve({{{"1", "2"}, {"3", "4"}, {"5"}}});
  auto c = client();
  {
    auto pager = c.partners().list().prefetch();
    auto it = pager.begin();
    ASSERT_NE(it, pager.end());
    EXPECT_EQ((*it)->id(), "1");
  }  // the caller walks away after one item: the Pager waits for page 1, then is gone
  EXPECT_EQ(page_numbers(), (std::vector<std::string>{"0", "1"}));
}

TEST_F(PagerTest, PrefetchCanBeTurnedOffPerListing) {
  options_.paging.prefetch = true;
  serve({{{"1", "2"}, {"3"}}});
  auto c = client();
  {
    auto pager = c.partners().list().prefetch(false);
    auto it = pager.begin();
    ASSERT_NE(it, pager.end());
  }
  EXPECT_EQ(page_numbers(), (std::vector<std::string>{"0"}));
}

// Parallel pages change how many pages are asked for at once, never what comes out
// or where a listing ends (the page function itself: parallel_pager_test.cpp).
TEST_F(PagerTest, ParallelPagesEndWhereOnePageAtATimeEnds) {
  // Without next links the empty page 3 ends it; page 4 is never handed out.
  serve({{{"1", "2"}, {"3", "4"}, {"5"}, {}, {"9"}}});
  auto c = client();
  EXPECT_EQ(drain(c.partners().list().parallel(3)), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  // Pages 0..2 at once, then one more as each of pages 0..2 is handed out.
  EXPECT_EQ(sorted_page_numbers(), (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST_F(PagerTest, ParallelPagesStopAtTheLastPageByNextLinks) {
  PartnerPages pages{{{"1", "2"}, {"3", "4"}, {"5"}}};
  pages.send_next = true;
  serve(pages);
  auto c = client();
  EXPECT_EQ(drain(c.partners().list().parallel(4)), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(sorted_page_numbers(), (std::vector<int>{0, 1, 2, 3, 4, 5}));  // 3..5 asked for, dropped
}

TEST_F(PagerTest, ParallelPagesWithTrustMissingNextDropWhatFollowsTheFirstPage) {
  options_.paging.trust_missing_next = true;
  serve({{{"1", "2"}, {"3"}, {"4"}}});
  auto c = client();
  EXPECT_EQ(drain(c.partners().list().parallel(4)), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(sorted_page_numbers(), (std::vector<int>{0, 1, 2, 3}));
}

TEST_F(PagerTest, ParallelPagesYieldThePagesBeforeAFailedOneThenItsError) {
  PartnerPages pages{{{"1", "2"}, {"3", "4"}, {"5", "6"}, {"7"}}};
  pages.failing_page = 2;
  serve(pages);
  auto c = client();
  EXPECT_EQ(drain(c.partners().list().parallel(3)),
            (std::vector<std::string>{"1", "2", "3", "4", "error:permission-denied"}));
}

TEST_F(PagerTest, ParallelPagesIsAClientDefaultThatAListingOverrides) {
  options_.paging.parallel_pages = 4;
  options_.paging.prefetch = true;  // superseded by parallel pages
  serve({{{"1", "2"}, {"3", "4"}, {"5"}}});
  auto c = client();
  EXPECT_EQ(drain(c.partners().list()), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(sorted_page_numbers(), (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));

  test::FakeFlowii sequential;
  sequential.on("GET", "/partners", PartnerPages{{{"1", "2"}, {"3", "4"}, {"5"}}}.handler());
  auto options = sequential.options();
  options.paging.parallel_pages = 4;
  Client one_at_a_time(options);
  EXPECT_EQ(drain(one_at_a_time.partners().list().parallel(1).prefetch(false)),
            (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  std::vector<std::string> numbers;
  for (auto const& r : sequential.requests_to("GET", "/partners"))
    numbers.push_back(test::query_param(r, "page[number]").value_or("-"));
  EXPECT_EQ(numbers, (std::vector<std::string>{"0", "1", "2", "3"}));
}

TEST_F(PagerTest, AParallelPagesOptionOutOfRangeFailsEveryCallWithWhatToDo) {
  for (int parallel : {0, PagingOptions::kMaxParallelPages + 1}) {
    SCOPED_TRACE(parallel);
    options_.paging.parallel_pages = parallel;
    serve({{{"1"}}});
    auto c = client();
    auto const listed = drain(c.partners().list());
    EXPECT_EQ(listed, (std::vector<std::string>{"error:invalid-argument"}));
    auto page = c.partners().list_page();
    ASSERT_FALSE(page.ok());
    EXPECT_NE(page.status().message().find("ClientOptions::paging.parallel_pages must be 1 to 32"), std::string::npos)
        << page.status().message();
    EXPECT_EQ(list_requests(), 0u);
  }
}

}  // namespace
}  // namespace flowii
