// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Change feeds: follow what changes in FLOWii by polling (FLOWii has no webhooks).
// A feed lists the records created or edited since its cursor's lower bound
// (filter[created-from] / filter[edited-from]), reads each one whole, and delivers
// a record when its state differs from the state it delivered last for that id.
// See docs/change-feeds.md for the guarantees and their cost, and
// docs/adr/0011-change-feeds.md for why it works on states.
#ifndef FLOWII_CHANGE_FEED_HPP
#define FLOWII_CHANGE_FEED_HPP

#include <flowii/datetime.hpp>
#include <flowii/resource.hpp>
#include <flowii/result.hpp>
#include <flowii/status.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowii {

namespace detail {
class FeedEngine;
}  // namespace detail

struct ChangeFeedOptions {
  /// Where a feed without a cursor starts: changes since this moment. Unset: since
  /// the first poll (only what changes from now on, plus the margin below).
  std::optional<UnixTime> since;
  /// How far each poll reaches back before the previous poll, besides `clock_skew`:
  /// FLOWii keeps times to the second, so an edit in the same second as a poll
  /// may or may not be in that poll's answer.
  std::chrono::seconds overlap{2};
  /// The largest difference between this machine's clock and FLOWii's, and FLOWii
  /// reading the unix filters in its local time (unknown: docs/change-feeds.md).
  /// Each poll reads every record edited within this margin again, so a smaller
  /// margin is cheaper; too small a margin can miss an edit.
  std::chrono::seconds clock_skew{3 * 3600};
  /// Records per list request (page[size]); FLOWii's largest is unknown, the
  /// emulator's is 1000.
  int page_size = 100;
  /// follow(): time between polls, and the longest wait after failed polls
  /// (the wait doubles from `interval` after each failure in a row).
  std::chrono::milliseconds interval{30000};
  std::chrono::milliseconds max_backoff{300000};
  /// follow()'s waiting, for tests: waits `d` or until `stop()`; returns false
  /// when stopped. Unset: a real wait that stop() cuts short.
  std::function<bool(std::chrono::milliseconds d)> wait;
  /// follow(): told of each failed poll that it waits out, and for how long
  /// (the failure's message is safe to log), e.g. to report it.
  std::function<void(Status const& failure, std::chrono::milliseconds next_wait)> on_failed_poll;
};

/// Where a feed stands, so that a process that stops resumes without losing or
/// repeating a change: the lower bound of the next poll, the times of the last
/// two polls, and a fingerprint of the state delivered for each record read in
/// those polls (bounded by the number of records edited within the window).
/// Save it with to_string() after each poll (ChangeFeed::follow's after_poll) or
/// after each change; parse() reads it back.
class ChangeCursor {
 public:
  ChangeCursor() = default;
  /// A single line of text ("flowii-change-cursor 1 ..."), safe to write to a file.
  std::string to_string() const;
  /// kInvalidArgument for text that is not a cursor of this format.
  static Result<ChangeCursor> parse(std::string_view text);

  /// False until the first poll has finished.
  bool started() const { return from_ >= 0; }
  /// The next poll's lower bound (unix seconds, FLOWii's clock); nullopt before the first poll.
  std::optional<UnixTime> next_from() const;
  /// How many records' fingerprints it keeps.
  std::size_t remembered() const { return seen_.size(); }

  friend bool operator==(ChangeCursor const& a, ChangeCursor const& b);
  friend bool operator!=(ChangeCursor const& a, ChangeCursor const& b) { return !(a == b); }

 private:
  friend class detail::FeedEngine;
  struct Seen {
    std::uint64_t fingerprint = 0;
    std::int64_t poll = 0;  // the number of the last poll that read the record
  };
  std::int64_t from_ = -1;       // next poll's lower bound; -1 = not started
  std::int64_t last_poll_ = -1;  // when the last poll began (this machine's clock)
  std::int64_t polls_ = 0;       // polls finished
  std::map<std::string, Seen> seen_;
};

/// One delivered change: the record as FLOWii shows it now (read whole), and
/// whether it is new (created within the feed's window and not delivered before).
template <typename T>
struct Change {
  T record;
  bool is_new = false;
};

/// What one poll did.
struct PollSummary {
  std::size_t delivered = 0;  ///< changes handed to the callback
  std::size_t unchanged = 0;  ///< records read again whose state had been delivered
  std::size_t requests = 0;   ///< HTTP calls made (lists and reads)
  std::size_t bytes = 0;      ///< JSON bytes of the records read (list pages not counted)
  UnixTime from{};            ///< the lower bound this poll used
  bool stopped = false;       ///< stop() ended it early; the cursor stays consistent
};

namespace detail {

/// Which list filter a poll reads.
enum class FeedFilter { kCreatedFrom, kEditedFrom, kNone };

/// What a feed needs from a module; ReadApi::changes() fills it in.
struct FeedSource {
  bool created_from = false;  ///< the list has filter[created-from]
  bool edited_from = false;   ///< the list has filter[edited-from]
  /// One page of ids listed with the filter at `from` (kNone: every record);
  /// `last` when no page follows.
  struct Ids {
    std::vector<std::string> ids;
    bool last = true;
  };
  std::function<Result<Ids>(FeedFilter filter, UnixTime from, int page, int size)> list;
  std::function<Result<Resource>(std::string const& id)> get;
  std::function<std::chrono::system_clock::time_point()> now;
};

/// The type-independent part of a feed (src/core/change_feed.cpp).
class FeedEngine {
 public:
  FeedEngine(FeedSource source, ChangeFeedOptions options, ChangeCursor cursor);
  Result<PollSummary> poll(std::function<void(Resource&&, bool is_new)> const& deliver);
  Status follow(std::function<void(Resource&&, bool is_new)> const& deliver,
                std::function<void(PollSummary const&)> const& after_poll);
  void stop();
  ChangeCursor cursor() const;
  Result<std::vector<std::string>> deleted(std::vector<std::string> const& known_ids);

 private:
  struct State;
  std::shared_ptr<State> state_;
};

/// Stable 64-bit fingerprint of a record's state (FNV-1a of its canonical JSON).
std::uint64_t fingerprint(Resource const& record);

}  // namespace detail

/// A change feed over one resource. Obtain it with e.g. `client.orders().changes()`.
/// Not thread-safe, except stop() (which may be called from any thread or a
/// signal-watching thread). It must not outlive the Client.
template <typename T>
class ChangeFeed {
 public:
  ChangeFeed(detail::FeedSource source, ChangeFeedOptions options, ChangeCursor cursor = {})
      : engine_(std::move(source), std::move(options), std::move(cursor)) {}

  /// One poll: catches up from the cursor and returns. Each change goes to
  /// `on_change` as soon as it is read; the cursor remembers it at once, so a
  /// cursor saved in the callback is consistent too.
  Result<PollSummary> poll(std::function<void(Change<T> const&)> const& on_change) {
    return engine_.poll(adapt(on_change));
  }
  /// Polls every ChangeFeedOptions::interval until stop(); after failed polls it
  /// waits longer (doubling, up to max_backoff, at least the Retry-After FLOWii
  /// sent). Returns OK when stopped, or the error of a poll that cannot succeed
  /// by waiting (bad credentials, no access, bad input). `after_poll` runs after
  /// every successful poll: the place to save cursor().to_string().
  Status follow(std::function<void(Change<T> const&)> const& on_change,
                std::function<void(PollSummary const&)> const& after_poll = {}) {
    return engine_.follow(adapt(on_change), after_poll);
  }
  /// Ends follow() (or a running poll, between two records) soon; thread-safe.
  void stop() { engine_.stop(); }
  ChangeCursor cursor() const { return engine_.cursor(); }
  /// Deleted records cannot be seen through the filters. This lists every id of
  /// the resource (one request per page_size records) and returns those of
  /// `known_ids` that no longer exist.
  Result<std::vector<std::string>> deleted(std::vector<std::string> const& known_ids) {
    return engine_.deleted(known_ids);
  }

 private:
  static std::function<void(Resource&&, bool)> adapt(std::function<void(Change<T> const&)> const& on_change) {
    return [&on_change](Resource&& r, bool is_new) { on_change(Change<T>{T(std::move(r)), is_new}); };
  }
  detail::FeedEngine engine_;
};

}  // namespace flowii

#endif  // FLOWII_CHANGE_FEED_HPP
