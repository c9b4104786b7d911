// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Change feeds (include/flowii/change_feed.hpp): one poll, follow()'s waiting,
// and the cursor's text form. Why a feed compares states instead of edit times,
// and why each poll reaches back to the poll before last:
// docs/adr/0011-change-feeds.md.
#include <flowii/api.hpp>
#include <flowii/change_feed.hpp>

#include "core/core.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <set>
#include <sstream>

namespace flowii {
namespace {

constexpr char kMagic[] = "flowii-change-cursor";
constexpr int kVersion = 1;

std::int64_t seconds_of(std::chrono::system_clock::time_point tp) {
  return std::chrono::duration_cast<std::chrono::seconds>(tp.time_since_epoch()).count();
}

// Failures that waiting can cure; the others (credentials, access, bad input)
// end follow().
bool transient(ErrorCode code) {
  switch (code) {
    case ErrorCode::kRateLimited:
    case ErrorCode::kInternal:
    case ErrorCode::kUnavailable:
    case ErrorCode::kTimeout:
    case ErrorCode::kNetwork:
    case ErrorCode::kInvalidResponse:
    case ErrorCode::kOutcomeUnknown:
    case ErrorCode::kUnknown:
      return true;
    default:
      return false;
  }
}

// Ids go into a space-separated line: escape what would break it.
std::string escape(std::string_view id) {
  std::string out;
  for (char const ch : id) {
    auto const u = static_cast<unsigned char>(ch);
    if (u <= 0x20 || u >= 0x7f || ch == '%' || ch == ':') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out;
}

std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    unsigned value = 0;
    if (i + 3 > text.size()) return std::nullopt;
    auto const [end, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
    if (ec != std::errc() || end != text.data() + i + 3) return std::nullopt;
    out += static_cast<char>(value);
    i += 2;
  }
  return out;
}

template <typename I>
bool parse_number(std::string_view text, I& out, int base = 10) {
  auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

Status bad_cursor(std::string const& why) {
  return Status(
      ErrorCode::kInvalidArgument,
      "not a change cursor (" + why + "); pass the text ChangeCursor::to_string() wrote, or start without a cursor");
}

}  // namespace

// ---- cursor ------------------------------------------------------------------

std::optional<UnixTime> ChangeCursor::next_from() const {
  if (from_ < 0) return std::nullopt;
  return UnixTime{from_};
}

bool operator==(ChangeCursor const& a, ChangeCursor const& b) {
  if (a.from_ != b.from_ || a.last_poll_ != b.last_poll_ || a.polls_ != b.polls_ || a.seen_.size() != b.seen_.size()) {
    return false;
  }
  return std::equal(a.seen_.begin(), a.seen_.end(), b.seen_.begin(), [](auto const& x, auto const& y) {
    return x.first == y.first && x.second.fingerprint == y.second.fingerprint && x.second.poll == y.second.poll;
  });
}

std::string ChangeCursor::to_string() const {
  std::ostringstream out;
  out << kMagic << ' ' << kVersion << ' ' << from_ << ' ' << last_poll_ << ' ' << polls_ << ' ' << seen_.size();
  for (auto const& [id, seen] : seen_) {
    char fp[17];
    std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(seen.fingerprint));
    out << ' ' << escape(id) << ':' << fp << ':' << seen.poll;
  }
  return out.str();
}

Result<ChangeCursor> ChangeCursor::parse(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at <= text.size();) {
    auto const space = std::min(text.find(' ', at), text.size());
    words.push_back(text.substr(at, space - at));
    at = space + 1;
  }
  if (words.size() < 6 || words[0] != kMagic) return bad_cursor("it does not start with \"flowii-change-cursor\"");
  int version = 0;
  if (!parse_number(words[1], version) || version != kVersion) {
    return bad_cursor("version " + std::string(words[1]) + ", this SDK reads version " + std::to_string(kVersion));
  }
  ChangeCursor c;
  std::size_t count = 0;
  if (!parse_number(words[2], c.from_) || !parse_number(words[3], c.last_poll_) || !parse_number(words[4], c.polls_) ||
      !parse_number(words[5], count) || c.from_ < -1 || c.polls_ < 0) {
    return bad_cursor("a malformed number in its header");
  }
  if (words.size() != 6 + count)
    return bad_cursor("it says " + std::to_string(count) + " records but holds another count");
  for (std::size_t i = 6; i < words.size(); ++i) {
    auto const w = words[i];
    auto const first = w.find(':');
    auto const second = first == std::string_view::npos ? first : w.find(':', first + 1);
    if (second == std::string_view::npos)
      return bad_cursor("record " + std::to_string(i - 5) + " is not id:fingerprint:poll");
    auto id = unescape(w.substr(0, first));
    Seen seen;
    if (!id || id->empty() || !parse_number(w.substr(first + 1, second - first - 1), seen.fingerprint, 16) ||
        !parse_number(w.substr(second + 1), seen.poll)) {
      return bad_cursor("record " + std::to_string(i - 5) + " is not id:fingerprint:poll");
    }
    c.seen_[*id] = seen;
  }
  return c;
}

// ---- engine ------------------------------------------------------------------

namespace detail {

namespace {
// FNV-1a 64 of a record's JSON: stable across builds and processes.
std::uint64_t fnv1a(std::string_view json) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char const ch : json) {
    hash ^= ch;
    hash *= 1099511628211ULL;
  }
  return hash;
}
}  // namespace

std::uint64_t fingerprint(Resource const& record) { return fnv1a(record.to_json()); }

namespace {
// Every page of a list, until a page says it is the last or comes back empty.
Status each_page(FeedSource const& source, FeedFilter filter, UnixTime from, int size, std::size_t& requests,
                 std::function<void(std::vector<std::string>&)> const& take) {
  for (int page = 0;; ++page) {
    auto ids = source.list(filter, from, page, size);
    ++requests;
    if (!ids) return ids.status();
    take(ids->ids);
    if (ids->last || ids->ids.empty()) return Status();
  }
}
}  // namespace

std::function<std::chrono::system_clock::time_point()> wall_clock(Core const* core) {
  if (core != nullptr && core->options().wall_clock) return core->options().wall_clock;
  return [] { return std::chrono::system_clock::now(); };
}

struct FeedEngine::State {
  FeedSource source;
  ChangeFeedOptions options;
  ChangeCursor cursor;
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::condition_variable wake;

  bool wait(std::chrono::milliseconds d) {
    if (options.wait) return !stopping && options.wait(d) && !stopping;
    std::unique_lock<std::mutex> lock(mu);
    return !wake.wait_for(lock, d, [this] { return stopping.load(); });
  }
};

FeedEngine::FeedEngine(FeedSource source, ChangeFeedOptions options, ChangeCursor cursor)
    : state_(std::make_shared<State>()) {
  state_->source = std::move(source);
  state_->options = std::move(options);
  state_->cursor = std::move(cursor);
}

void FeedEngine::stop() {
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->stopping = true;
  }
  state_->wake.notify_all();
}

ChangeCursor FeedEngine::cursor() const { return state_->cursor; }

Result<PollSummary> FeedEngine::poll(std::function<void(Resource&&, bool)> const& deliver) {
  State& s = *state_;
  ChangeFeedOptions const& o = s.options;
  ChangeCursor& c = s.cursor;
  if (!s.source.list || !s.source.get) return no_client_status();
  if (o.page_size < 1) return Status(ErrorCode::kInvalidArgument, "ChangeFeedOptions::page_size must be at least 1");
  if (o.overlap.count() < 0 || o.clock_skew.count() < 0) {
    return Status(ErrorCode::kInvalidArgument, "ChangeFeedOptions::overlap and clock_skew must not be negative");
  }
  std::int64_t const started = seconds_of(s.source.now ? s.source.now() : std::chrono::system_clock::now());
  std::int64_t const margin = o.overlap.count() + o.clock_skew.count();
  std::int64_t from = started - margin;
  if (c.from_ >= 0) {
    from = c.from_;
  } else if (o.since) {
    from = std::max<std::int64_t>(0, o.since->seconds - margin);  // UnixTime{0}: from the beginning
  }
  PollSummary summary;
  summary.from = UnixTime{from};

  // Every id created or edited since `from`, each once, in list order.
  std::vector<std::string> order;
  std::set<std::string> listed, created;
  auto list_ids = [&](FeedFilter filter, std::set<std::string>* mark) {
    return each_page(s.source, filter, UnixTime{from}, o.page_size, summary.requests,
                     [&](std::vector<std::string>& ids) {
                       for (auto& id : ids) {
                         if (mark != nullptr) mark->insert(id);
                         if (listed.insert(id).second) order.push_back(std::move(id));
                       }
                     });
  };
  if (s.source.created_from) {
    if (auto st = list_ids(FeedFilter::kCreatedFrom, &created); !st.ok()) return st;
  }
  if (s.source.edited_from) {
    if (auto st = list_ids(FeedFilter::kEditedFrom, nullptr); !st.ok()) return st;
  }

  // Read each whole (FLOWii's lists show a few attributes only) and deliver the
  // ones whose state differs from the state delivered last.
  std::int64_t const poll = c.polls_ + 1;
  for (auto const& id : order) {
    if (s.stopping) {
      summary.stopped = true;
      return summary;  // the lower bound stays: the next poll reads the rest
    }
    auto record = s.source.get(id);
    ++summary.requests;
    if (!record) {
      if (record.status().code() == ErrorCode::kNotFound) continue;  // deleted since it was listed
      return record.status();
    }
    std::string const json = record->to_json();
    summary.bytes += json.size();
    std::uint64_t const fp = fnv1a(json);  // the JSON once: counted and fingerprinted
    auto const known = c.seen_.find(id);
    if (known != c.seen_.end() && known->second.fingerprint == fp) {
      known->second.poll = poll;
      ++summary.unchanged;
      continue;
    }
    bool const is_new = known == c.seen_.end() && created.count(id) > 0;
    c.seen_[id] = ChangeCursor::Seen{fp, poll};  // before delivering: a cursor saved in the callback has it
    deliver(std::move(record).value(), is_new);
    ++summary.delivered;
  }

  // The next poll reaches back to when this one's predecessor began (minus the
  // margin), so a record a shifting page hid from one poll is read by the next;
  // the fingerprints kept are those of the records the last two polls read.
  for (auto it = c.seen_.begin(); it != c.seen_.end();) {
    it = it->second.poll < poll - 1 ? c.seen_.erase(it) : std::next(it);
  }
  std::int64_t const previous = c.last_poll_ >= 0 ? c.last_poll_ : started;
  c.from_ = std::max(from, std::min(previous, started) - margin);
  c.last_poll_ = started;
  c.polls_ = poll;
  return summary;
}

Status FeedEngine::follow(std::function<void(Resource&&, bool)> const& deliver,
                          std::function<void(PollSummary const&)> const& after_poll) {
  State& s = *state_;
  ChangeFeedOptions const& o = s.options;
  if (o.interval.count() <= 0 || o.max_backoff < o.interval) {
    return Status(ErrorCode::kInvalidArgument,
                  "ChangeFeedOptions::interval must be positive and max_backoff at least interval");
  }
  int failures = 0;
  while (!s.stopping) {
    auto result = poll(deliver);
    auto wait = o.interval;
    if (result.ok()) {
      failures = 0;
      if (after_poll) after_poll(*result);
      if (result->stopped) break;
    } else {
      if (!transient(result.status().code())) return result.status();
      failures = std::min(failures + 1, 30);
      auto backoff = o.interval;
      for (int i = 0; i < failures && backoff < o.max_backoff; ++i) backoff *= 2;
      wait = std::min(backoff, o.max_backoff);
      if (auto const after = result.status().retry_after()) {
        wait = std::max<std::chrono::milliseconds>(wait, *after);
      }
      if (o.on_failed_poll) o.on_failed_poll(result.status(), wait);
    }
    if (!s.wait(wait)) break;
  }
  return Status();
}

Result<std::vector<std::string>> FeedEngine::deleted(std::vector<std::string> const& known_ids) {
  State& s = *state_;
  if (!s.source.list) return no_client_status();
  std::set<std::string> existing;
  std::size_t requests = 0;
  auto const listed = each_page(s.source, FeedFilter::kNone, UnixTime{}, std::max(1, s.options.page_size), requests,
                                [&](std::vector<std::string>& ids) { existing.insert(ids.begin(), ids.end()); });
  if (!listed.ok()) return listed;
  std::vector<std::string> gone;
  for (auto const& id : known_ids) {
    if (existing.count(id) == 0) gone.push_back(id);
  }
  return gone;
}

}  // namespace detail
}  // namespace flowii
