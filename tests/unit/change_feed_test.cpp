// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The change feed's engine over a fake source: a table of records stamped with
// a fake server clock at one-second resolution, listed by created-from and
// edited-from as FLOWii lists them. The soak against the emulator is in
// tests/integration/change_feed_soak_test.cpp.
#include <flowii/change_feed.hpp>
#include <flowii/model.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace flowii {
namespace {

using std::chrono::seconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

/// A resource store with FLOWii's bookkeeping: created and edited stamps, in
/// whole seconds of the server's clock (`now` + `skew`).
class FakeServer {
 public:
  std::int64_t now = 1'800'000'000;
  std::int64_t skew = 0;
  int page_size_seen = 0;
  std::size_t lists = 0, gets = 0;
  std::optional<Status> fail_next_list;

  std::string create(std::string const& value) {
    std::string const id = std::to_string(next_id_++);
    records_[id] = {now + skew, now + skew, value};
    order_.push_back(id);
    return id;
  }
  void edit(std::string const& id, std::string const& value) {
    records_.at(id).edited = now + skew;
    records_.at(id).value = value;
  }
  void remove(std::string const& id) {
    records_.erase(id);
    order_.erase(std::find(order_.begin(), order_.end(), id));
  }

  detail::FeedSource source(bool created_from = true, bool edited_from = true) {
    detail::FeedSource s;
    s.created_from = created_from;
    s.edited_from = edited_from;
    s.list = [this](detail::FeedFilter filter, UnixTime from, int page, int size) -> Result<detail::FeedSource::Ids> {
      ++lists;
      page_size_seen = size;
      if (fail_next_list) {
        Status st = *fail_next_list;
        fail_next_list.reset();
        return st;
      }
      std::vector<std::string> matching;
      for (auto const& id : order_) {
        auto const& r = records_.at(id);
        std::int64_t const stamp = filter == detail::FeedFilter::kCreatedFrom ? r.created : r.edited;
        if (filter == detail::FeedFilter::kNone || stamp >= from.seconds) matching.push_back(id);
      }
      detail::FeedSource::Ids out;
      auto const begin = static_cast<std::size_t>(page) * static_cast<std::size_t>(size);
      for (std::size_t i = begin; i < matching.size() && i < begin + static_cast<std::size_t>(size); ++i) {
        out.ids.push_back(matching[i]);
      }
      out.last = out.ids.size() < static_cast<std::size_t>(size);
      return out;
    };
    s.get = [this](std::string const& id) -> Result<Resource> {
      ++gets;
      auto const it = records_.find(id);
      if (it == records_.end()) return Status(ErrorCode::kNotFound, "gone");
      Resource r("thing", id);
      r.set("value", it->second.value);
      return r;
    };
    s.now = [this] { return std::chrono::system_clock::time_point(seconds(now)); };
    return s;
  }

 private:
  struct Record {
    std::int64_t created, edited;
    std::string value;
  };
  std::map<std::string, Record> records_;
  std::vector<std::string> order_;
  int next_id_ = 1;
};

struct Seen {
  std::string id, value;
  bool is_new;
  friend bool operator==(Seen const& a, Seen const& b) {
    return a.id == b.id && a.value == b.value && a.is_new == b.is_new;
  }
};
std::ostream& operator<<(std::ostream& out, Seen const& s) {
  return out << s.id << "=" << s.value << (s.is_new ? " (new)" : "");
}

std::vector<Seen> poll(ChangeFeed<Resource>& feed) {
  std::vector<Seen> out;
  auto summary = feed.poll([&](Change<Resource> const& c) {
    out.push_back({c.record.id(), c.record.get<std::string>("value").value_or("?"), c.is_new});
  });
  EXPECT_TRUE(summary.ok()) << summary.status().message();
  return out;
}

ChangeFeedOptions small_margin() {
  ChangeFeedOptions o;
  o.overlap = seconds(2);
  o.clock_skew = seconds(0);
  return o;
}

TEST(ChangeFeedTest, DeliversNewAndChangedStatesOnceEach) {
  FakeServer server;
  ChangeFeed<Resource> feed(server.source(), small_margin());
  EXPECT_TRUE(poll(feed).empty());  // nothing since the start
  auto const a = server.create("a1");
  auto const b = server.create("b1");
  EXPECT_THAT(poll(feed), ElementsAre(Seen{a, "a1", true}, Seen{b, "b1", true}));
  EXPECT_TRUE(poll(feed).empty());  // the same states are not delivered again
  server.edit(a, "a2");             // in the same second as the last poll
  EXPECT_THAT(poll(feed), ElementsAre(Seen{a, "a2", false}));
  server.now += 100;
  EXPECT_TRUE(poll(feed).empty());
  server.edit(b, "b2");
  server.edit(b, "b3");  // two edits between polls: the latest state, once
  EXPECT_THAT(poll(feed), ElementsAre(Seen{b, "b3", false}));
}

TEST(ChangeFeedTest, SinceReachesBackAndAnUnsetSinceStartsNow) {
  FakeServer server;
  auto const old = server.create("old");
  server.now += 3600;
  auto const recent = server.create("recent");
  server.now += 10;
  ChangeFeedOptions o = small_margin();
  ChangeFeed<Resource> from_now(server.source(), o);
  EXPECT_TRUE(poll(from_now).empty());
  o.since = UnixTime{server.now - 60};
  ChangeFeed<Resource> from_a_minute_ago(server.source(), o);
  EXPECT_THAT(poll(from_a_minute_ago), ElementsAre(Seen{recent, "recent", true}));
  o.since = UnixTime{0};
  ChangeFeed<Resource> everything(server.source(), o);
  EXPECT_THAT(poll(everything), ElementsAre(Seen{old, "old", true}, Seen{recent, "recent", true}));
}

TEST(ChangeFeedTest, AResumedCursorNeitherRepeatsNorMisses) {
  FakeServer server;
  ChangeFeed<Resource> first(server.source(), small_margin());
  poll(first);
  auto const a = server.create("a1");
  EXPECT_EQ(poll(first).size(), 1u);
  std::string const saved = first.cursor().to_string();
  server.edit(a, "a2");
  auto const b = server.create("b1");

  auto cursor = ChangeCursor::parse(saved);
  ASSERT_TRUE(cursor.ok()) << cursor.status().message();
  EXPECT_EQ(*cursor, first.cursor());
  ChangeFeed<Resource> resumed(server.source(), small_margin(), *cursor);
  EXPECT_THAT(poll(resumed), ElementsAre(Seen{a, "a2", false}, Seen{b, "b1", true}));
  EXPECT_TRUE(poll(resumed).empty());
}

TEST(ChangeFeedTest, StopInsideAPollKeepsTheCursorConsistent) {
  FakeServer server;
  ChangeFeed<Resource> feed(server.source(), small_margin());
  poll(feed);
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(server.create("v" + std::to_string(i)));
  std::vector<std::string> delivered;
  std::string saved;
  auto summary = feed.poll([&](Change<Resource> const& c) {
    delivered.push_back(c.record.id());
    saved = feed.cursor().to_string();  // what a consumer saves with each change it applies
    if (delivered.size() == 2) feed.stop();
  });
  ASSERT_TRUE(summary.ok());
  EXPECT_TRUE(summary->stopped);
  EXPECT_EQ(delivered, (std::vector<std::string>{ids[0], ids[1]}));
  ChangeFeed<Resource> resumed(server.source(), small_margin(), *ChangeCursor::parse(saved));
  std::vector<std::string> rest;
  for (auto const& s : poll(resumed)) rest.push_back(s.id);
  EXPECT_EQ(rest, (std::vector<std::string>{ids[2], ids[3], ids[4]}));
}

TEST(ChangeFeedTest, TheMarginCoversAServerClockBehindThisMachine) {
  FakeServer server;
  server.skew = -90;  // FLOWii's clock 90 s behind
  ChangeFeedOptions o = small_margin();
  o.clock_skew = seconds(120);
  ChangeFeed<Resource> feed(server.source(), o);
  poll(feed);
  auto const a = server.create("a1");
  EXPECT_EQ(poll(feed).size(), 1u);
  server.now += 1;
  server.edit(a, "a2");
  EXPECT_THAT(poll(feed), ElementsAre(Seen{a, "a2", false}));

  // Without the margin the same edit is missed: the reason for clock_skew.
  FakeServer naive_server;
  naive_server.skew = -90;
  ChangeFeed<Resource> naive(naive_server.source(), small_margin());
  poll(naive);
  auto const n = naive_server.create("n1");
  EXPECT_TRUE(poll(naive).empty());  // stamped 90 s "ago": before the feed's window
  naive_server.now += 1;
  naive_server.edit(n, "n2");
  EXPECT_TRUE(poll(naive).empty());
}

TEST(ChangeFeedTest, OnlyCreatedFromDeliversNewRecordsOnly) {
  FakeServer server;
  ChangeFeed<Resource> feed(server.source(/*created_from=*/true, /*edited_from=*/false), small_margin());
  poll(feed);
  auto const a = server.create("a1");
  EXPECT_THAT(poll(feed), ElementsAre(Seen{a, "a1", true}));
  for (int i = 0; i < 2; ++i) {  // two polls later the record is out of the window
    server.now += 100;
    poll(feed);
  }
  server.edit(a, "a2");  // and its edits are not visible through created-from
  EXPECT_TRUE(poll(feed).empty());
}

TEST(ChangeFeedTest, CursorStaysBoundedToTheLastTwoPolls) {
  FakeServer server;
  ChangeFeed<Resource> feed(server.source(), small_margin());
  poll(feed);
  for (int i = 0; i < 50; ++i) server.create("v");
  poll(feed);
  EXPECT_EQ(feed.cursor().remembered(), 50u);
  EXPECT_EQ(server.lists, 4u);  // created-from and edited-from, twice
  // Each poll reaches back to the start of the one before it, and the
  // fingerprints of what the last two polls read are kept: gone after four.
  for (int i = 0; i < 4; ++i) {
    server.now += 100;
    poll(feed);
  }
  EXPECT_EQ(feed.cursor().remembered(), 0u);
  EXPECT_EQ(server.page_size_seen, 100);
}

TEST(ChangeFeedTest, RecordsDeletedBetweenListAndReadAreSkippedAndFoundByDeleted) {
  FakeServer server;
  ChangeFeed<Resource> feed(server.source(), small_margin());
  poll(feed);
  auto const a = server.create("a");
  auto const b = server.create("b");
  auto const c = server.create("c");
  EXPECT_EQ(poll(feed).size(), 3u);
  server.remove(b);
  auto gone = feed.deleted({a, b, c, "404"});
  ASSERT_TRUE(gone.ok());
  EXPECT_THAT(*gone, ElementsAre(b, "404"));
}

TEST(ChangeFeedTest, FollowBacksOffOnTransientErrorsAndStopsOnOthers) {
  FakeServer server;
  std::vector<std::chrono::milliseconds> waits;
  ChangeFeedOptions o = small_margin();
  o.interval = std::chrono::milliseconds(1000);
  o.max_backoff = std::chrono::milliseconds(5000);
  int polls = 0;
  ChangeFeed<Resource>* self = nullptr;
  o.wait = [&](std::chrono::milliseconds d) {
    waits.push_back(d);
    server.now += 1;
    if (waits.size() == 1) server.fail_next_list = Status(ErrorCode::kUnavailable, "503");
    if (waits.size() == 2) {
      server.fail_next_list = Status(ErrorCode::kRateLimited, "429").with_retry_after(seconds(9));
    }
    if (waits.size() == 4) self->stop();
    return true;
  };
  std::vector<std::string> failures;
  o.on_failed_poll = [&](Status const& failure, std::chrono::milliseconds next) {
    failures.push_back(std::string(to_string(failure.code())) + " " + std::to_string(next.count()));
  };
  ChangeFeed<Resource> feed(server.source(), o);
  self = &feed;
  auto const status = feed.follow([](Change<Resource> const&) {}, [&](PollSummary const&) { ++polls; });
  EXPECT_TRUE(status.ok()) << status.message();
  using ms = std::chrono::milliseconds;
  EXPECT_THAT(waits, ElementsAre(ms(1000), ms(2000), ms(9000), ms(1000)));
  EXPECT_THAT(failures, ElementsAre("unavailable 2000", "rate-limited 9000"));
  EXPECT_EQ(polls, 2);

  server.fail_next_list = Status(ErrorCode::kUnauthenticated, "bad password");
  ChangeFeed<Resource> failing(server.source(), o);
  self = &failing;
  waits.clear();
  auto const failed = failing.follow([](Change<Resource> const&) {});
  EXPECT_EQ(failed.code(), ErrorCode::kUnauthenticated);
  EXPECT_TRUE(waits.empty());
}

TEST(ChangeFeedTest, StopWakesARealWait) {
  FakeServer server;
  ChangeFeedOptions o = small_margin();
  o.interval = std::chrono::hours(1);
  o.max_backoff = std::chrono::hours(1);
  ChangeFeed<Resource> feed(server.source(), o);
  int polls = 0;
  // Stopping from the poll's own callback: the hour-long wait that follows
  // returns at once (a timed-out test would mean it did not).
  auto const status = feed.follow([](Change<Resource> const&) {},
                                  [&](PollSummary const&) {
                                    ++polls;
                                    feed.stop();
                                  });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(polls, 1);
}

TEST(ChangeCursorTest, RoundTripsIdsThatNeedEscaping) {
  FakeServer server;
  detail::FeedSource source = server.source();
  source.get = [](std::string const& id) -> Result<Resource> {
    Resource r("thing", id);
    r.set("value", std::string("x"));
    return r;
  };
  std::vector<std::string> const ids = {"a b", "c:d", "50%", "ž"};
  source.list = [&](detail::FeedFilter, UnixTime, int, int) -> Result<detail::FeedSource::Ids> {
    return detail::FeedSource::Ids{ids, true};
  };
  ChangeFeed<Resource> feed(source, small_margin());
  poll(feed);
  auto const text = feed.cursor().to_string();
  EXPECT_EQ(text.find('\n'), std::string::npos);
  auto parsed = ChangeCursor::parse(text + "\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(*parsed, feed.cursor());
  EXPECT_EQ(parsed->remembered(), 4u);
}

TEST(ChangeCursorTest, RefusesWhatIsNotACursor) {
  for (std::string const bad :
       {"", "hello", "flowii-change-cursor 2 0 0 0 0", "flowii-change-cursor 1 x 0 0 0",
        "flowii-change-cursor 1 5 5 1 1", "flowii-change-cursor 1 5 5 1 1 id:zz:1", "flowii-change-cursor 1 5 5 1 1 id",
        "flowii-change-cursor 1 5 5 1 1 %G1:00:1", "flowii-change-cursor 1 -5 5 1 0"}) {
    auto const parsed = ChangeCursor::parse(bad);
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_THAT(parsed.status().message(), HasSubstr("not a change cursor")) << bad;
  }
  ChangeCursor fresh;
  EXPECT_FALSE(fresh.started());
  EXPECT_TRUE(ChangeCursor::parse(fresh.to_string()).ok());
}

TEST(ChangeFeedTest, BadOptionsAreClearErrors) {
  FakeServer server;
  ChangeFeedOptions o;
  o.page_size = 0;
  ChangeFeed<Resource> feed(server.source(), o);
  EXPECT_EQ(feed.poll([](Change<Resource> const&) {}).status().code(), ErrorCode::kInvalidArgument);
  o = ChangeFeedOptions{};
  o.clock_skew = seconds(-1);
  ChangeFeed<Resource> negative(server.source(), o);
  EXPECT_THAT(negative.poll([](Change<Resource> const&) {}).status().message(), HasSubstr("clock_skew"));
}

}  // namespace
}  // namespace flowii
