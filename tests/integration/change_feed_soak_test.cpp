// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Change feeds against the emulator, on the fixture's virtual time. A writer
// creates and edits partners, orders, business cases, tasks, cash flow and
// communications (many edits in one second, the clock moving 0-2 s at a time);
// a feed per resource polls between the writes and is rebuilt from its saved
// cursor every few polls, sometimes after stopping in the middle of a poll.
// After every poll each record's latest state must have been delivered (a
// state that stood across a poll is never missed) and no state may arrive twice.
// Every edit writes a unique token, so a state is known by its token. Run with
// FLOWii's clock on time and 90 s behind this machine's.
#include "demo_links.hpp"
#include "emulator_fixture.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace flowii::test {
namespace {

using std::chrono::seconds;

/// Ids the creates link to, and the client's calendar clock (orders and
/// business cases carry their own `created`).
struct Links : DemoLinks {
  std::function<std::chrono::system_clock::time_point()> now;
};

/// A ChangeFeed<T> of any T, seen as resources.
struct AnyFeed {
  std::function<Result<PollSummary>(std::function<void(Resource const&, bool)> const&)> poll;
  std::function<ChangeCursor()> cursor;
  std::function<void()> stop;
};

template <typename T, typename Api>
AnyFeed feed_of(Api& api, ChangeFeedOptions const& options, ChangeCursor const& cursor) {
  auto feed = std::make_shared<ChangeFeed<T>>(api.changes(options, cursor));
  return {[feed](std::function<void(Resource const&, bool)> const& deliver) {
            return feed->poll([&](Change<T> const& c) { deliver(c.record, c.is_new); });
          },
          [feed] { return feed->cursor(); }, [feed] { feed->stop(); }};
}

/// Now on the virtual clock, as FLOWii's zone-less date-time (the emulator's is UTC).
DateTime virtual_now(Links const& l) {
  std::time_t const t = std::chrono::system_clock::to_time_t(l.now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return DateTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

/// One resource the writer works on: how to create and edit it, which
/// attribute carries the token, and its feed.
struct Kind {
  std::string name, token_field;
  std::function<Result<std::string>(Client&, Links const&, std::string const& token)> create;
  std::function<Status(Client&, std::string const& id, std::string const& token)> edit;  // empty: cannot be edited
  std::function<AnyFeed(Client&, ChangeFeedOptions const&, ChangeCursor const&)> feed;
};

template <typename R>
Result<std::string> id_of(R result) {
  if (!result) return result.status();
  return result->id();
}

std::vector<Kind> kinds() {
  return {
      {"partner", "name",
       [](Client& c, Links const&, std::string const& t) {
         return id_of(c.partners().create(Partner().set_name(t).set_partner_type(PartnerType::kCompany)));
       },
       [](Client& c, std::string const& id, std::string const& t) {
         Partner p;
         p.set_id(id);
         return c.partners().update(p.set_name(t));
       },
       [](Client& c, ChangeFeedOptions const& o, ChangeCursor const& k) {
         return feed_of<Partner>(c.partners(), o, k);
       }},
      {"order", "name",
       [](Client& c, Links const& l, std::string const& t) {
         return id_of(c.orders().create(Order()
                                            .set_name(t)
                                            .set_created(virtual_now(l))
                                            .set_order_type(l.order_type)
                                            .set_subtype(l.order_subtype)
                                            .set_state(l.order_state)
                                            .set_partner(l.partner)
                                            .set_user(l.user)));
       },
       [](Client& c, std::string const& id, std::string const& t) {
         Order o;
         o.set_id(id);
         return c.orders().update(o.set_name(t));
       },
       [](Client& c, ChangeFeedOptions const& o, ChangeCursor const& k) { return feed_of<Order>(c.orders(), o, k); }},
      {"business-case", "name",
       [](Client& c, Links const& l, std::string const& t) {
         return id_of(c.business_cases().create(
             BusinessCase().set_name(t).set_created(virtual_now(l)).set_state(l.case_state).set_partner(l.partner)));
       },
       [](Client& c, std::string const& id, std::string const& t) {
         BusinessCase b;
         b.set_id(id);
         return c.business_cases().update(b.set_name(t));
       },
       [](Client& c, ChangeFeedOptions const& o, ChangeCursor const& k) {
         return feed_of<BusinessCase>(c.business_cases(), o, k);
       }},
      {"task", "caption",
       [](Client& c, Links const& l, std::string const& t) {
         Activity work;
         work.set_state(ActivityState::kWaiting).set_activity_type(l.activity_type).set_user(l.user);
         return id_of(
             c.tasks().create(Task().set_caption(t).set_user(l.user).set_partner(l.partner).add_activities(work)));
       },
       [](Client& c, std::string const& id, std::string const& t) {
         Task task;
         task.set_id(id);
         return c.tasks().update(task.set_caption(t));
       },
       [](Client& c, ChangeFeedOptions const& o, ChangeCursor const& k) { return feed_of<Task>(c.tasks(), o, k); }},
      {"cash-flow", "note",
       [](Client& c, Links const&, std::string const& t) {
         return id_of(
             c.finance().create(CashFlow().set_cash_flow_type(CashFlowType::kExpense).set_amount(12.5).set_note(t)));
       },
       [](Client& c, std::string const& id, std::string const& t) {
         CashFlow f;
         f.set_id(id);
         return c.finance().update(f.set_note(t));
       },
       [](Client& c, ChangeFeedOptions const& o, ChangeCursor const& k) {
         return feed_of<CashFlow>(c.finance(), o, k);
       }},
      // Only filter[created-from]: new records are seen, edits are not.
      {"communication",
       "note",
       [](Client& c, Links const& l, std::string const& t) {
         return id_of(c.tasks().communications().create(Communication()
                                                            .set_note(t)
                                                            .set_direction(CommunicationDirection::kOutgoing)
                                                            .set_state(CommunicationState::kDone)
                                                            .set_category(l.communication_category)
                                                            .set_communication_type(l.communication_type)
                                                            .set_user(l.user)
                                                            .set_partner(l.partner)));
       },
       {},
       [](Client& c, ChangeFeedOptions const& o, ChangeCursor const& k) {
         return feed_of<Communication>(c.tasks().communications(), o, k);
       }},
  };
}

struct SoakFigures {
  int edits = 0, creates = 0, polls = 0, restarts = 0, stops_inside_a_poll = 0;
  int delivered = 0, missed = 0, repeated = 0, wrong_new_flag = 0;
  std::size_t requests = 0;
};

class ChangeFeedSoak : public flowii::testing::EmulatorTest, public ::testing::WithParamInterface<int> {
 protected:
  void configure(emulator::Options& o) override { o.server_clock_skew = seconds(GetParam()); }

  Links look_up(Client& c) {
    Links l;
    static_cast<DemoLinks&>(l) = look_up_demo_links(c);
    l.now = options().wall_clock;
    return l;
  }
};

TEST_P(ChangeFeedSoak, EveryStandingStateOnceAcrossRestarts) {
  int const skew = GetParam();
  int const edits_wanted = skew == 0 ? 10'000 : 3'000;
  advance(seconds(7 * 24 * 3600));  // far past the demo data's stamps
  Client client = this->client();
  Links const links = look_up(client);
  auto const all = kinds();

  ChangeFeedOptions options;
  options.overlap = seconds(2);
  options.clock_skew = seconds(skew == 0 ? 3 : 2 * -skew);  // a margin wider than the skew
  options.page_size = 200;
  std::vector<AnyFeed> feeds;
  for (auto const& k : all) feeds.push_back(k.feed(client, options, ChangeCursor{}));

  std::mt19937 rng(20261207);
  std::map<std::string, std::string> truth, mirror;       // "kind/id" -> token
  std::set<std::string> delivered_states;                 // "kind/id=token"
  std::vector<std::vector<std::string>> ids(all.size());  // the records of each kind
  SoakFigures f;
  int token = 0;

  auto poll_all = [&](bool stop_inside) {
    for (std::size_t k = 0; k < all.size(); ++k) {
      int seen = 0;
      auto summary = feeds[k].poll([&](Resource const& r, bool is_new) {
        std::string const key = all[k].name + "/" + r.id();
        std::string const value = r.get<std::string>(all[k].token_field).value_or("?");
        if (!delivered_states.insert(key + "=" + value).second) ++f.repeated;
        if (is_new != (mirror.count(key) == 0)) ++f.wrong_new_flag;
        mirror[key] = value;
        ++f.delivered;
        if (stop_inside && ++seen == 3) feeds[k].stop();
      });
      ASSERT_TRUE(summary.ok()) << all[k].name << ": " << summary.status().message();
      f.requests += summary->requests;
      if (summary->stopped) {
        ++f.stops_inside_a_poll;
        feeds[k] = all[k].feed(client, options, *ChangeCursor::parse(feeds[k].cursor().to_string()));
      }
    }
    ++f.polls;
  };
  auto check = [&] {
    for (auto const& [key, value] : truth) {
      auto const it = mirror.find(key);
      if (it == mirror.end() || it->second != value) ++f.missed;
    }
  };

  poll_all(false);  // the feeds start here
  while (f.edits < edits_wanted) {
    std::size_t const k = rng() % all.size();
    bool const create = ids[k].size() < 30 || !all[k].edit || rng() % 10 == 0;
    std::string const value = all[k].name + " " + std::to_string(++token);
    if (create) {
      auto id = all[k].create(client, links, value);
      ASSERT_TRUE(id.ok()) << all[k].name << ": " << id.status().message();
      ids[k].push_back(*id);
      truth[all[k].name + "/" + *id] = value;
      ++f.creates;
    } else {
      std::string const& id = ids[k][rng() % ids[k].size()];
      auto const st = all[k].edit(client, id, value);
      ASSERT_TRUE(st.ok()) << all[k].name << ": " << st.message();
      truth[all[k].name + "/" + id] = value;
      ++f.edits;
    }
    int const done = f.edits + f.creates;
    if (done % 7 == 0) advance(seconds(rng() % 3));  // often several writes in one second
    if (done % 100 == 0) {
      bool const stop_inside = f.polls % 5 == 2;
      poll_all(stop_inside);
      if (stop_inside) poll_all(false);  // the rest of the interrupted poll
      check();
      if (f.polls % 4 == 0) {  // a restart: every feed rebuilt from its saved cursor
        for (std::size_t i = 0; i < all.size(); ++i) {
          auto cursor = ChangeCursor::parse(feeds[i].cursor().to_string());
          ASSERT_TRUE(cursor.ok()) << cursor.status().message();
          feeds[i] = all[i].feed(client, options, *cursor);
        }
        ++f.restarts;
      }
    }
  }
  poll_all(false);
  check();

  // An idle poll's cost: nothing changed within two polls' reach.
  for (int i = 0; i < 2; ++i) {
    advance(seconds(3600));
    poll_all(false);
  }
  std::size_t const before = f.requests;
  poll_all(false);
  std::size_t const idle_requests = f.requests - before;

  std::printf(
      "change feed soak (server clock %+d s): %d edits + %d creates, %d polls, %d restarts, "
      "%d stops inside a poll, %d delivered, %d missed, %d repeated; idle poll of %zu feeds: %zu requests\n",
      skew, f.edits, f.creates, f.polls, f.restarts, f.stops_inside_a_poll, f.delivered, f.missed, f.repeated,
      all.size(), idle_requests);
  EXPECT_GE(f.edits, edits_wanted);
  EXPECT_GE(f.restarts, 5);
  EXPECT_GE(f.stops_inside_a_poll, 5);
  EXPECT_EQ(f.missed, 0);
  EXPECT_EQ(f.repeated, 0);
  EXPECT_EQ(f.wrong_new_flag, 0);
  EXPECT_EQ(mirror, truth);
  // Two empty lists per resource with both filters, one for communications.
  EXPECT_EQ(idle_requests, 2 * (all.size() - 1) + 1);
}

// The same with the writer and the feed on threads of their own: the feed
// follows (its waits yield) while edits land, and is stopped at the end. What
// stood across a poll cannot be pinned down here; the final state of every
// record and no repeats can.
TEST_P(ChangeFeedSoak, AFollowingFeedKeepsUpWithAWriterOnAnotherThread) {
  advance(seconds(7 * 24 * 3600));
  Client writer = this->client();
  Client reader = this->client();
  Links const links = look_up(writer);
  ChangeFeedOptions options;
  options.overlap = seconds(2);
  options.clock_skew = seconds(GetParam() == 0 ? 3 : 2 * -GetParam());
  options.interval = std::chrono::milliseconds(1);
  std::atomic<bool> writing{true};
  std::atomic<int> polls_after_writing{0};
  options.wait = [&](std::chrono::milliseconds) {
    std::this_thread::yield();
    return !(!writing && polls_after_writing.fetch_add(1) >= 2);  // two full polls after the last write
  };
  auto feed = reader.partners().changes(options);
  std::map<std::string, std::string> mirror;
  std::set<std::string> states;
  int repeated = 0;
  std::thread follower([&] {
    auto const st = feed.follow([&](Change<Partner> const& c) {
      if (!states.insert(c.record.id() + "=" + c.record.name().value_or("")).second) ++repeated;
      mirror[c.record.id()] = c.record.name().value_or("");
    });
    EXPECT_TRUE(st.ok()) << st.message();
  });
  std::map<std::string, std::string> truth;
  std::vector<std::string> ids;
  std::mt19937 rng(7);
  for (int i = 0; i < 600; ++i) {
    std::string const value = "p" + std::to_string(i);
    if (ids.size() < 20 || rng() % 10 == 0) {
      auto id = kinds()[0].create(writer, links, value);
      ASSERT_TRUE(id.ok()) << id.status().message();
      ids.push_back(*id);
      truth[*id] = value;
    } else {
      auto const& id = ids[rng() % ids.size()];
      ASSERT_TRUE(kinds()[0].edit(writer, id, value).ok());
      truth[id] = value;
    }
    if (i % 9 == 0) advance(seconds(1));
  }
  writing = false;
  follower.join();
  EXPECT_EQ(repeated, 0);
  EXPECT_EQ(mirror, truth);
}

INSTANTIATE_TEST_SUITE_P(ServerClock, ChangeFeedSoak, ::testing::Values(0, -90),
                         [](::testing::TestParamInfo<int> const& p) {
                           return p.param == 0 ? std::string("OnTime") : std::string("NinetySecondsBehind");
                         });

}  // namespace
}  // namespace flowii::test
