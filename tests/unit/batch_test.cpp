// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Batch: calls start in submission order, never more than max_in_flight run at
// once, cancel() drops the queued ones (kCancelled) and lets the running ones
// finish, exceptions reach the future, progress adds up, the destructor waits, and
// a system that refuses threads slows the batch down instead of breaking it.
// Nothing here sleeps or times itself: calls wait on each other.
#include "core/batch_threads.hpp"
#include "fake_flowii.hpp"

#include <flowii/batch.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

namespace flowii {
namespace {

/// A latch the calls wait on until the test opens it.
class Gate {
 public:
  void open() { promise_.set_value(); }
  void pass() const { opened_.wait(); }

 private:
  std::promise<void> promise_;
  std::shared_future<void> opened_ = promise_.get_future().share();
};

Status failed() { return Status(ErrorCode::kInternal, "it failed"); }

/// Counts the calls running at once and the most there ever were.
struct Concurrency {
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  void enter() {
    int const now = ++running;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
  }
  void leave() { --running; }
};

/// An idle batch's counts.
void expect_idle(BatchProgress const& p, std::size_t submitted, std::size_t finished, std::size_t failed) {
  EXPECT_EQ(p.submitted, submitted);
  EXPECT_EQ(p.finished, finished);
  EXPECT_EQ(p.failed, failed);
  EXPECT_EQ(p.cancelled, submitted - finished);
  EXPECT_EQ(p.running, 0u);
}

TEST(BatchTest, CallsStartInSubmissionOrder) {
  std::mutex mu;
  std::vector<int> started;
  {
    Batch batch(BatchOptions{1, nullptr});
    for (int i = 0; i < 50; ++i) {
      batch.submit([&, i] {
        std::lock_guard<std::mutex> lock(mu);
        started.push_back(i);
        return Status();
      });
    }
    batch.wait();
  }
  std::vector<int> expected(50);
  for (int i = 0; i < 50; ++i) expected[static_cast<std::size_t>(i)] = i;
  EXPECT_EQ(started, expected);
}

TEST(BatchTest, NeverMoreCallsRunThanMaxInFlight) {
  constexpr int kBound = 3;
  Concurrency calls;
  test::Meeting first(kBound);  // the first calls meet, so the bound is reached, not only respected
  Batch batch(BatchOptions{kBound, nullptr});
  std::vector<std::future<Result<int>>> futures;
  for (int i = 0; i < 60; ++i) {
    futures.push_back(batch.submit([&, i]() -> Result<int> {
      calls.enter();
      if (i < kBound) {
        first.arrive();
        if (!first.wait_all()) return Status(ErrorCode::kTimeout, "the first calls never ran together");
      }
      calls.leave();
      return i;
    }));
  }
  batch.wait();
  for (int i = 0; i < 60; ++i) {
    auto r = futures[static_cast<std::size_t>(i)].get();
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(*r, i);
  }
  EXPECT_EQ(calls.most.load(), kBound);
}

TEST(BatchTest, AnOutOfRangeBoundIsClamped) {
  Concurrency calls;
  Batch batch(BatchOptions{0, nullptr});  // 1
  for (int i = 0; i < 20; ++i) {
    batch.submit([&] {
      calls.enter();
      calls.leave();
      return Status();
    });
  }
  batch.wait();
  EXPECT_EQ(calls.most.load(), 1);
}

TEST(BatchTest, CancelDropsQueuedCallsAndLetsRunningOnesFinish) {
  Gate gate;
  std::atomic<int> ran{0};
  Batch batch(BatchOptions{2, nullptr});
  std::vector<std::future<Status>> futures;
  test::Meeting running(2);
  for (int i = 0; i < 10; ++i) {
    futures.push_back(batch.submit([&] {
      ++ran;
      running.arrive();
      gate.pass();
      return Status();
    }));
  }
  ASSERT_TRUE(running.wait_all());  // two are running, eight queued
  batch.cancel();
  // The queued ones are resolved by cancel() itself, before the running ones end.
  for (std::size_t i = 2; i < futures.size(); ++i) {
    ASSERT_EQ(futures[i].wait_for(std::chrono::seconds(0)), std::future_status::ready);
    EXPECT_EQ(futures[i].get().code(), ErrorCode::kCancelled);
  }
  gate.open();
  batch.wait();
  EXPECT_TRUE(futures[0].get().ok());
  EXPECT_TRUE(futures[1].get().ok());
  EXPECT_EQ(ran.load(), 2);
  expect_idle(batch.progress(), 10, 2, 0);
}

TEST(BatchTest, SubmitAfterCancelIsCancelledAtOnce) {
  Batch batch;
  batch.cancel();
  bool ran = false;
  auto f = batch.submit([&]() -> Result<int> {
    ran = true;
    return 1;
  });
  ASSERT_EQ(f.wait_for(std::chrono::seconds(0)), std::future_status::ready);
  auto r = f.get();
  EXPECT_EQ(r.status().code(), ErrorCode::kCancelled);
  EXPECT_NE(r.status().message().find("may be submitted again"), std::string::npos);
  EXPECT_FALSE(ran);
  EXPECT_EQ(batch.progress().cancelled, 1u);
}

TEST(BatchTest, AnExceptionReachesTheFuture) {
  Batch batch;
  auto f = batch.submit([]() -> Status { throw std::runtime_error("boom"); });
  auto g = batch.submit([] { return Status(); });
  EXPECT_THROW(f.get(), std::runtime_error);
  EXPECT_TRUE(g.get().ok());
  batch.wait();
  EXPECT_EQ(batch.progress().failed, 1u);
  EXPECT_EQ(batch.progress().finished, 2u);
}

TEST(BatchTest, MoveOnlyCallsAndResultValues) {
  Batch batch;
  auto owned = std::make_unique<int>(7);
  auto f = batch.submit([p = std::move(owned)]() -> Result<int> { return *p * 6; });
  auto r = f.get();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 42);
}

TEST(BatchTest, ProgressAddsUpAndIsReportedOneAtATime) {
  std::mutex mu;
  std::vector<BatchProgress> reports;
  std::atomic<int> inside{0};
  bool overlapped = false;
  BatchOptions options;
  options.max_in_flight = 4;
  options.on_progress = [&](BatchProgress const& p) {
    if (++inside > 1) overlapped = true;
    {
      std::lock_guard<std::mutex> lock(mu);
      reports.push_back(p);
    }
    --inside;
  };
  {
    Batch batch(options);
    for (int i = 0; i < 40; ++i) batch.submit([i] { return i % 4 == 0 ? failed() : Status(); });
    batch.wait();
    expect_idle(batch.progress(), 40, 40, 10);
  }
  EXPECT_FALSE(overlapped);
  ASSERT_FALSE(reports.empty());
  for (std::size_t i = 1; i < reports.size(); ++i) {
    EXPECT_GE(reports[i].finished, reports[i - 1].finished);
    EXPECT_GE(reports[i].failed, reports[i - 1].failed);
  }
  EXPECT_EQ(reports.back().finished, 40u);  // wait() returned after the last report
  EXPECT_EQ(reports.back().failed, 10u);
}

TEST(BatchTest, OnProgressMayCancelTheBatch) {
  Batch* self = nullptr;
  BatchOptions options;
  options.max_in_flight = 1;
  options.on_progress = [&](BatchProgress const& p) {
    if (p.failed > 0) self->cancel();  // stop at the first failure
  };
  Batch batch(options);
  self = &batch;
  std::vector<std::future<Status>> futures;
  for (int i = 0; i < 20; ++i) futures.push_back(batch.submit([i] { return i == 3 ? failed() : Status(); }));
  batch.wait();
  for (int i = 0; i < 20; ++i) {
    auto const code = futures[static_cast<std::size_t>(i)].get().code();
    EXPECT_EQ(code, i < 3 ? ErrorCode::kOk : i == 3 ? ErrorCode::kInternal : ErrorCode::kCancelled) << i;
  }
  EXPECT_EQ(batch.progress().cancelled, 16u);
}

TEST(BatchTest, TheDestructorWaitsForEveryCall) {
  std::atomic<int> done{0};
  std::vector<std::future<Status>> futures;
  {
    Batch batch(BatchOptions{4, nullptr});
    for (int i = 0; i < 30; ++i) {
      futures.push_back(batch.submit([&] {
        ++done;
        return Status();
      }));
    }
  }
  EXPECT_EQ(done.load(), 30);
  for (auto& f : futures) EXPECT_EQ(f.wait_for(std::chrono::seconds(0)), std::future_status::ready);
}

/// Swaps the batch's thread starter for the test's duration.
class RefusedThreads {
 public:
  explicit RefusedThreads(detail::StartThread starter) : old_(detail::batch_thread_starter.exchange(starter)) {}
  ~RefusedThreads() { detail::batch_thread_starter.store(old_); }
  RefusedThreads(RefusedThreads const&) = delete;
  RefusedThreads& operator=(RefusedThreads const&) = delete;

 private:
  detail::StartThread old_;
};

std::atomic<int> threads_allowed{0};

std::thread start_some(std::function<void()> body) {
  if (threads_allowed-- <= 0) throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
  return detail::start_thread(std::move(body));
}

TEST(BatchTest, WithoutThreadsCallsRunOnTheSubmittingThread) {
  threads_allowed = 0;
  RefusedThreads refuse(&start_some);
  Batch batch(BatchOptions{8, nullptr});
  auto const me = std::this_thread::get_id();
  std::vector<std::future<Result<bool>>> futures;
  for (int i = 0; i < 5; ++i) {
    futures.push_back(batch.submit([me]() -> Result<bool> { return std::this_thread::get_id() == me; }));
    ASSERT_EQ(futures.back().wait_for(std::chrono::seconds(0)), std::future_status::ready);
  }
  for (auto& f : futures) EXPECT_TRUE(*f.get());
}

TEST(BatchTest, WithFewerThreadsThanAskedTheBatchGoesOn) {
  threads_allowed = 2;
  RefusedThreads refuse(&start_some);
  Concurrency calls;
  Batch batch(BatchOptions{8, nullptr});
  std::vector<std::future<Status>> futures;
  for (int i = 0; i < 40; ++i) {
    futures.push_back(batch.submit([&] {
      calls.enter();
      calls.leave();
      return Status();
    }));
  }
  batch.wait();
  for (auto& f : futures) EXPECT_TRUE(f.get().ok());
  EXPECT_LE(calls.most.load(), 2);
}

}  // namespace
}  // namespace flowii
