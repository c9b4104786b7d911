// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Reads in parallel, writes alone: readers on several threads see only whole
// states while a writer changes the data, and what reads change besides the
// data (rate windows, faults, the journal) counts every request exactly once.
// Nothing here waits on a clock: threads meet on conditions they can observe.
#include <atomic>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include "faults.hpp"
#include "journal.hpp"
#include "read_write_lock.hpp"
#include "support.hpp"

namespace emu_test {
namespace {

using flowii::emulator::ReadWriteLock;

// Yields until `condition` holds: for a thread that must first be seen waiting on the lock.
void until(std::function<bool()> const& condition) {
  while (!condition()) std::this_thread::yield();
}

// Runs each body on its own thread and waits for all of them.
void together(std::vector<std::function<void()>> const& bodies) {
  std::vector<std::thread> threads;
  for (auto const& body : bodies) threads.emplace_back(body);
  for (auto& t : threads) t.join();
}

TEST(ReadWriteLock, ReadersShareItAndAWriterHasItAlone) {
  ReadWriteLock lock;
  std::shared_lock<ReadWriteLock> first(lock);
  EXPECT_TRUE(lock.try_lock_shared());  // a second reader at the same time
  EXPECT_FALSE(lock.try_lock());
  lock.unlock_shared();
  first.unlock();
  ASSERT_TRUE(lock.try_lock());
  EXPECT_FALSE(lock.try_lock_shared());
  EXPECT_FALSE(lock.try_lock());
  lock.unlock();
}

TEST(ReadWriteLock, AWaitingWriterStopsNewReaders) {
  ReadWriteLock lock;
  std::shared_lock<ReadWriteLock> reader(lock);
  std::thread writer([&] { std::unique_lock<ReadWriteLock> held(lock); });
  until([&] { return lock.writers_waiting() == 1; });
  EXPECT_FALSE(lock.try_lock_shared());  // else a stream of readers could hold the writer off for ever
  reader.unlock();                       // the writer goes next
  writer.join();
  EXPECT_TRUE(lock.try_lock_shared());
  lock.unlock_shared();
}

TEST(ReadWriteLock, ReadersThatWaitedGoBeforeTheNextWriter) {
  ReadWriteLock lock;
  std::unique_lock<ReadWriteLock> first_writer(lock);
  std::mutex order_mutex;
  std::vector<std::string> order;
  auto const note = [&](char const* who) {
    std::lock_guard<std::mutex> guard(order_mutex);
    order.emplace_back(who);
  };
  std::thread reader([&] {
    std::shared_lock<ReadWriteLock> held(lock);
    note("reader");
  });
  until([&] { return lock.readers_waiting() == 1; });
  std::thread second_writer([&] {
    std::unique_lock<ReadWriteLock> held(lock);
    note("writer");
  });
  until([&] { return lock.writers_waiting() == 1; });
  first_writer.unlock();
  reader.join();
  second_writer.join();
  EXPECT_EQ(order, (std::vector<std::string>{"reader", "writer"}));
}

TEST(ThreadSafeParts, AFaultIsTakenExactlyAsOftenAsItsTimes) {
  flowii::emulator::FaultQueue faults;
  flowii::emulator::Emulator::Fault fault;
  fault.path_prefix = "/partners";
  fault.status = 503;
  fault.times = 25;
  faults.add(fault);
  std::atomic<int> taken{0};
  auto const taker = [&] {
    for (int i = 0; i < 20; ++i) {
      if (faults.take("GET", "/partners")) ++taken;
    }
  };
  together({taker, taker, taker, taker});
  EXPECT_EQ(taken.load(), 25);
  EXPECT_EQ(faults.fired(), 25u);
  EXPECT_TRUE(faults.pending().empty());
}

TEST(ThreadSafeParts, TheJournalKeepsEveryConcurrentEntry) {
  flowii::emulator::Journal journal;
  auto const writer = [&] {
    for (int i = 0; i < 500; ++i) journal.add({"GET", "/partners", "", 200});
  };
  together({writer, writer, writer, writer});
  EXPECT_EQ(journal.entries().size(), 2000u);
  EXPECT_EQ(journal.count("GET", "/partners"), 2000u);
}

// Whether a GET answer is a 404 or a partner with all its `contacts`; else why not, in `problem`.
bool whole_partner(Reply const& reply, std::size_t contacts, std::string& problem) {
  if (reply.status == 404) return true;  // not there (yet, or any more): also a whole state
  if (reply.status != 200) {
    problem = "GET answered " + std::to_string(reply.status) + ": " + reply.body;
    return false;
  }
  json doc = reply.doc;  // operator[] gives null for what is missing
  auto const& linked = doc["data"]["relationships"]["contacts"]["data"];
  std::size_t included = 0;
  for (auto& item : doc["included"]) included += item["type"] == "contact" ? 1 : 0;
  if (linked.size() != contacts || included != contacts) {
    problem = "a partner with " + std::to_string(linked.size()) + " linked and " + std::to_string(included) +
              " included contacts: " + reply.body;
    return false;
  }
  return true;
}

using Concurrency = EmulatorTest;

TEST_F(Concurrency, ReadersSeeOnlyWholeStatesWhileAWriterWrites) {
  constexpr int kRounds = 20;
  constexpr int kReaders = 4;
  json stable = partner_doc("v0");
  stable["data"]["attributes"]["comment"] = "v0";
  auto const created = api().post("/partners", stable);
  ASSERT_EQ(created.status, 200) << created.body;
  std::string const stable_id = created.doc["data"]["id"];

  std::vector<std::unique_ptr<Api>> readers;
  for (int i = 0; i < kReaders; ++i) {
    readers.push_back(std::make_unique<Api>(emu()));
    readers.back()->token();  // logged in before the threads start
  }
  std::mutex latest_mutex;
  std::string latest;  // the partner the writer created last
  std::atomic<bool> done{false};
  std::vector<std::string> problems(kReaders + 1);

  std::vector<std::function<void()>> bodies;
  bodies.emplace_back([&] {
    for (int round = 1; round <= kRounds && problems[kReaders].empty(); ++round) {
      std::string const v = "v" + std::to_string(round);
      json change = {{"data", {{"type", "partner"}, {"id", stable_id}, {"attributes", {{"name", v}, {"comment", v}}}}}};
      json partner = partner_doc("Concurrency " + std::to_string(round));
      partner["data"]["relationships"]["contacts"]["data"] = {
          {{"type", "contact"}, {"attributes", {{"first-name", "Eva"}, {"email", "eva@example.sk"}}}},
          {{"type", "contact"}, {"attributes", {{"first-name", "Ján"}, {"email", "jan@example.sk"}}}}};
      auto const patched = api().patch("/partners/" + stable_id, change);
      auto const posted = api().post("/partners", partner);
      if (patched.status != 204 || posted.status != 200) {
        problems[kReaders] = "write failed: " + patched.body + " " + posted.body;
        break;
      }
      std::string const id = posted.doc["data"]["id"];
      {
        std::lock_guard<std::mutex> guard(latest_mutex);
        latest = id;
      }
      auto const deleted = api().del("/partners/" + id);
      if (deleted.status != 204) problems[kReaders] = "delete failed: " + deleted.body;
    }
    done = true;
  });
  for (int r = 0; r < kReaders; ++r) {
    bodies.emplace_back([&, r] {
      Api& reader = *readers[static_cast<std::size_t>(r)];
      std::string& problem = problems[static_cast<std::size_t>(r)];
      do {
        auto one = reader.get("/partners/" + stable_id);
        auto& attributes = one.doc["data"]["attributes"];
        if (one.status != 200 || attributes["name"] != attributes["comment"]) {
          problem = "a half-written partner: " + one.body;
          break;
        }
        std::string id;
        {
          std::lock_guard<std::mutex> guard(latest_mutex);
          id = latest;
        }
        if (!id.empty() && !whole_partner(reader.get("/partners/" + id), 2, problem)) break;
        auto list = reader.get("/partners", {{"filter[search-text]", "Concurrency"}, {"page[size]", "1000"}});
        if (list.status != 200 || list.doc["data"].size() > 1 || !list.doc["included"].is_array()) {
          problem = "a list with more than the one partner alive at a time: " + list.body;
          break;
        }
      } while (!done);
    });
  }
  together(bodies);
  for (auto const& problem : problems) EXPECT_EQ(problem, "");
  auto const last = api().get("/partners/" + stable_id);
  EXPECT_EQ(last.doc["data"]["attributes"]["name"], "v" + std::to_string(kRounds));
  EXPECT_EQ(emu().count("DELETE", "/partners/"), static_cast<std::size_t>(kRounds));
}

class ConcurrentQuota : public EmulatorTest {
 protected:
  void configure(flowii::emulator::Options& options) override {
    options.rate_limit = kReaders + kAdmitted;  // every reader's /token, then kAdmitted reads
  }
  static constexpr int kReaders = 4;
  static constexpr int kAdmitted = 10;
};

TEST_F(ConcurrentQuota, ParallelReadsCountAgainstTheWindowExactlyOnce) {
  std::vector<std::unique_ptr<Api>> readers;
  for (int i = 0; i < kReaders; ++i) {
    readers.push_back(std::make_unique<Api>(emu()));
    readers.back()->token();
  }
  std::atomic<int> ok{0};
  std::atomic<int> refused{0};
  std::atomic<int> other{0};
  std::vector<std::function<void()>> bodies;
  for (auto& reader : readers) {
    bodies.emplace_back([&, api = reader.get()] {
      for (int i = 0; i < kAdmitted; ++i) {
        int const status = api->get("/partners").status;
        ++(status == 200 ? ok : status == 429 ? refused : other);
      }
    });
  }
  together(bodies);
  EXPECT_EQ(ok.load(), kAdmitted);
  EXPECT_EQ(refused.load(), kReaders * kAdmitted - kAdmitted);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(emu().count("GET", "/partners"), static_cast<std::size_t>(kReaders * kAdmitted));
}

}  // namespace
}  // namespace emu_test
