// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Parallel pages (Pager::parallel, PagingOptions::parallel_pages) over a page
// function of the test's own: the same items in the same order as one page at a
// time, how many requests are in flight and pages held, and where a listing stops.
// What a Client sends is tested in pager_test.cpp.
#include <flowii/flowii.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace flowii {
namespace {

using Ids = std::vector<std::string>;

/// A thread-safe page function over partners "1".."total", `size` per page; pages
/// past the end are empty and no page is marked last (a server without links.next).
/// It records every request and how many were in flight at once.
class Listing {
 public:
  Listing(int total, int size) : total_(total), size_(size) {}

  /// Answer this page with an error.
  std::optional<int> failing_page;
  /// Answer every request with page 0, like a server that ignores page[number].
  bool ignore_page_number = false;
  /// Page p answers only once page p + window - 1 was requested (or `stop` + window - 1,
  /// whichever is lower, `stop` being the page that ends the listing): a Pager that
  /// keeps fewer than `window` requests in flight never gets its pages (and the test
  /// fails on the guard instead of hanging). 0: answer at once.
  int window = 0;
  int stop = 0;

  Result<Page<Partner>> fetch(PartnerQuery const& query) {
    int const number = query.page().value_or(0);
    {
      std::unique_lock<std::mutex> lock(mu_);
      requested_.push_back(number);
      threads_.insert(std::this_thread::get_id());
      max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
      cv_.notify_all();
      if (window > 0) {
        int const needed = std::min(number, stop) + window - 1;
        auto const requested = [&] { return *std::max_element(requested_.begin(), requested_.end()) >= needed; };
        // Only a guard against a broken Pager; nothing depends on how long this takes.
        if (!cv_.wait_for(lock, std::chrono::seconds(30), requested)) starved_ = true;
      }
      --in_flight_;
      ++answered_;
    }
    if (failing_page && number == *failing_page) {
      return Status(ErrorCode::kPermissionDenied, "page " + std::to_string(number) + " is not yours");
    }
    Page<Partner> page;
    page.number = number;
    page.last = false;
    int const from = (ignore_page_number ? 0 : number) * size_;
    for (int i = from; i < std::min(total_, from + size_); ++i) {
      Partner p;
      p.set_id(std::to_string(i + 1));
      page.items.push_back(std::move(p));
    }
    return page;
  }

  std::vector<int> requested() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requested_;
  }
  int max_in_flight() const {
    std::lock_guard<std::mutex> lock(mu_);
    return max_in_flight_;
  }
  int answered() const {
    std::lock_guard<std::mutex> lock(mu_);
    return answered_;
  }
  bool starved() const {
    std::lock_guard<std::mutex> lock(mu_);
    return starved_;
  }
  std::set<std::thread::id> threads() const {
    std::lock_guard<std::mutex> lock(mu_);
    return threads_;
  }
  int size() const { return size_; }

 private:
  int const total_;
  int const size_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<int> requested_;
  std::set<std::thread::id> threads_;
  int in_flight_ = 0;
  int max_in_flight_ = 0;
  int answered_ = 0;
  bool starved_ = false;
};

Pager<Partner, PartnerQuery> pager_over(std::shared_ptr<Listing> const& listing, int parallel) {
  return Pager<Partner, PartnerQuery>([listing](PartnerQuery const& q) { return listing->fetch(q); }, PartnerQuery())
      .parallel(parallel);
}

/// Every id of the listing, "error:<code>" for error elements. Checks on each item
/// that the Pager holds at most parallel + 1 pages (answered, not yet handed out).
Ids drain(std::shared_ptr<Listing> const& listing, int parallel) {
  Ids out;
  int most_held = 0;
  for (auto const& p : pager_over(listing, parallel)) {
    if (!p) {
      out.push_back(std::string("error:") + to_string(p.status().code()));
      continue;
    }
    int const page_of_item = static_cast<int>(out.size()) / listing->size();
    most_held = std::max(most_held, listing->answered() - page_of_item);
    out.push_back(p->id());
  }
  EXPECT_LE(most_held, parallel + 1);
  return out;
}

Ids ids_up_to(int n) {
  Ids out;
  for (int i = 1; i <= n; ++i) out.push_back(std::to_string(i));
  return out;
}

TEST(ParallelPager, SameItemsInTheSameOrderAsOnePageAtATime) {
  for (int size : {1, 3, 5}) {
    for (int total : {0, 1, 4, 15, 16}) {  // 15: an exact multiple of 3 and 5
      for (int parallel : {1, 2, 3, 8, PagingOptions::kMaxParallelPages}) {
        SCOPED_TRACE("size " + std::to_string(size) + ", total " + std::to_string(total) + ", parallel " +
                     std::to_string(parallel));
        auto listing = std::make_shared<Listing>(total, size);
        EXPECT_EQ(drain(listing, parallel), ids_up_to(total));
        // Every page up to the empty one that ends the listing was asked for once.
        int const empty_page = (total + size - 1) / size;
        auto requested = listing->requested();
        std::sort(requested.begin(), requested.end());
        EXPECT_TRUE(std::adjacent_find(requested.begin(), requested.end()) == requested.end());
        ASSERT_GE(requested.size(), static_cast<std::size_t>(empty_page + 1));
        EXPECT_EQ(requested[static_cast<std::size_t>(empty_page)], empty_page);
        // Nothing beyond the pages in flight when the empty page came back.
        EXPECT_LE(requested.back(), empty_page + parallel - 1);
      }
    }
  }
}

TEST(ParallelPager, OneEqualsOnePageAtATimeOnTheCallersThread) {
  auto listing = std::make_shared<Listing>(7, 3);
  EXPECT_EQ(drain(listing, 1), ids_up_to(7));
  EXPECT_EQ(listing->requested(), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(listing->threads(), std::set<std::thread::id>{std::this_thread::get_id()});
  EXPECT_EQ(listing->max_in_flight(), 1);
}

TEST(ParallelPager, KeepsExactlyNRequestsInFlight) {
  for (int parallel : {2, 4, 8}) {
    SCOPED_TRACE("parallel " + std::to_string(parallel));
    auto listing = std::make_shared<Listing>(50, 2);  // pages 0..24, page 25 empty
    listing->window = parallel;
    listing->stop = 25;
    EXPECT_EQ(drain(listing, parallel), ids_up_to(50));
    EXPECT_FALSE(listing->starved()) << "the Pager kept fewer than " << parallel << " requests in flight";
    EXPECT_EQ(listing->max_in_flight(), parallel);
  }
}

TEST(ParallelPager, AnErrorYieldsThePagesBeforeItThenTheError) {
  for (int failing : {1, 2, 5}) {
    SCOPED_TRACE("failing page " + std::to_string(failing));
    auto listing = std::make_shared<Listing>(30, 3);
    listing->failing_page = failing;
    auto expected = ids_up_to(3 * failing);
    expected.push_back("error:permission-denied");
    EXPECT_EQ(drain(listing, 4), expected);
    // Nothing past the pages in flight when the failed page came back.
    auto const requested = listing->requested();
    EXPECT_EQ(*std::max_element(requested.begin(), requested.end()), failing + 3);
  }
}

TEST(ParallelPager, AServerIgnoringPageNumberEndsAfterTheFirstPage) {
  auto listing = std::make_shared<Listing>(10, 4);
  listing->ignore_page_number = true;
  EXPECT_EQ(drain(listing, 3), ids_up_to(4));
  EXPECT_EQ(listing->requested().size(), 4u);  // pages 0..2, and page 3 once page 0 was handed out
}

TEST(ParallelPager, StoppingEarlyWaitsForTheRequestsInFlightAndStartsNoMore) {
  auto listing = std::make_shared<Listing>(100, 5);
  {
    auto pager = pager_over(listing, 6);
    auto it = pager.begin();
    ASSERT_NE(it, pager.end());
    EXPECT_EQ((*it)->id(), "1");
  }  // the caller walks away after one item
  // Pages 0..5 at once, page 6 once page 0 was handed out; none left running.
  EXPECT_EQ(listing->requested().size(), 7u);
  EXPECT_EQ(listing->answered(), 7);
}

TEST(ParallelPager, OutOfRangeIsOneErrorElementAndNoRequest) {
  for (int parallel : {0, -1, PagingOptions::kMaxParallelPages + 1}) {
    SCOPED_TRACE("parallel " + std::to_string(parallel));
    auto listing = std::make_shared<Listing>(10, 2);
    auto pager = pager_over(listing, parallel);
    auto it = pager.begin();
    ASSERT_NE(it, pager.end());
    ASSERT_FALSE(it->ok());
    EXPECT_EQ(it->status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(it->status().message().find("1 to 32"), std::string::npos) << it->status().message();
    ++it;
    EXPECT_EQ(it, pager.end());
    EXPECT_TRUE(listing->requested().empty());
  }
}

}  // namespace
}  // namespace flowii
