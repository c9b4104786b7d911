// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "watch.hpp"

#include "failure.hpp"
#include "help.hpp"
#include "private_file.hpp"
#include "resource_command.hpp"
#include "stop_signals.hpp"
#include "usage.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <mutex>
#include <optional>
#include <ostream>

namespace flowii::cli {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::string joined(std::vector<std::string> const& names) {
  std::string text;
  for (auto const& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

/// The declaration of the resource to watch; a usage error for one that cannot be.
ResourceCommand const& watched(std::string const& name) {
  auto const names = watchable_resources();
  for (auto const& rc : resource_commands()) {
    if (rc.name != name) continue;
    if (rc.changes) return rc;
    throw Failure(kExitUsage, "flowii watch cannot follow " + name +
                                  ": FLOWii's list of them has no edited-from or created-from filter\n  it follows " +
                                  joined(names));
  }
  std::string const guess = closest(name, names);
  throw Failure(kExitUsage, "flowii watch: unknown resource '" + name + "'" +
                                (guess.empty() ? std::string() : "; did you mean '" + guess + "'?") +
                                "\n  it follows " + joined(names));
}

/// --since as unix seconds: FLOWii's zoneless style, read in this machine's time
/// zone (as DateTime::local writes it).
UnixTime since_time(std::string const& text) {
  auto const when = DateTime::parse(text);
  std::tm tm{};
  if (when) {
    tm.tm_year = when->year - 1900;
    tm.tm_mon = when->month - 1;
    tm.tm_mday = when->day;
    tm.tm_hour = when->hour;
    tm.tm_min = when->minute;
    tm.tm_sec = when->second;
    tm.tm_isdst = -1;  // mktime knows whether summer time applied then
  }
  std::time_t const t = when ? std::mktime(&tm) : std::time_t(-1);
  if (t == std::time_t(-1)) {
    throw Failure(kExitUsage,
                  "--since must be a date or a date-time without a time zone, e.g. 2026-11-25 or "
                  "2026-11-25T08:00:00 (got " +
                      text + ")");
  }
  return UnixTime{static_cast<std::int64_t>(t)};
}

/// The cursor saved in `path`; nullopt when there is no such file yet.
std::optional<ChangeCursor> read_cursor(std::string const& path) {
  int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) return std::nullopt;
  std::string text;
  bool read_ok = fd >= 0;
  for (char buffer[4096]; read_ok;) {
    ssize_t const n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      read_ok = n == 0;
      break;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  std::string const why = read_ok ? std::string() : std::strerror(errno);
  if (fd >= 0) ::close(fd);
  if (!read_ok) throw Failure(kExitOther, "--cursor " + path + ": cannot read it: " + why);
  auto cursor = ChangeCursor::parse(text);
  if (!cursor) throw Failure(kExitUsage, "--cursor " + path + ": " + sdk_message(cursor.status()));
  return std::move(cursor).value();
}

void save_cursor(std::string const& path, ChangeCursor const& cursor) {
  if (path.empty()) return;
  auto const problem = replace_private_file(path, cursor.to_string() + "\n");
  if (!problem.empty()) throw Failure(kExitOther, "--cursor: " + problem + "; the cursor file keeps its last state");
}

/// follow()'s wait between polls, cut short by stop().
class Waiter {
 public:
  bool wait(milliseconds d) {
    std::unique_lock<std::mutex> lock(mu_);
    return !stopped_.wait_for(lock, d, [this] { return stop_; });
  }
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    stopped_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable stopped_;
  bool stop_ = false;
};

}  // namespace

std::vector<std::string> watchable_resources() {
  std::vector<std::string> names;
  for (auto const& rc : resource_commands()) {
    if (rc.changes) names.push_back(rc.name);
  }
  return names;
}

void add_watch_options(CLI::App& sub, WatchFlags& flags) {
  sub.add_option("resource", flags.resource, "What to watch: " + joined(watchable_resources()))
      ->required()
      ->type_name("RESOURCE");
  sub.add_option("--since", flags.since,
                 "Start with the changes since this local date or date-time (2026-11-25, 2026-11-25T08:00:00) "
                 "when there is no cursor yet; default: from now")
      ->type_name("DATE");
  sub.add_option("--cursor", flags.cursor_file,
                 "Resume from FILE and keep it current (saved after every change and poll)")
      ->type_name("FILE");
  sub.add_flag("--once", flags.once, "Catch up once and exit");
  sub.add_option("--interval", flags.interval, "Seconds between polls, 1 to 86400 (default 30)")
      ->type_name("SECONDS")
      ->check(whole_number_check("--interval", 1, 86400));
  sub.footer(examples_footer({"flowii watch orders --since 2026-11-25 --once",
                              "flowii watch partners --cursor partners.cursor --output jsonl",
                              "flowii --verbose watch tasks --interval 60"}));
}

void watch(WatchFlags const& flags, WatchContext const& context) {
  ResourceCommand const& rc = watched(flags.resource);
  if (context.format != Format::kTable && context.format != Format::kJsonl) {
    throw Failure(kExitUsage, "flowii watch writes --output table or jsonl, one line per change (got " +
                                  std::string(context.format == Format::kJson ? "json" : "csv") + ")");
  }
  auto const since = flags.since.empty() ? std::nullopt : std::optional<UnixTime>(since_time(flags.since));
  std::string const& path = flags.cursor_file;
  auto const saved = path.empty() ? std::nullopt : read_cursor(path);
  if (!path.empty() && !saved) save_cursor(path, ChangeCursor());  // a file that cannot be written fails first
  ChangeFeedOptions options;
  // --since starts a cursor; it applies until a poll has finished (a run
  // stopped during its first poll saves a cursor that has not started).
  if (!(saved && saved->started())) options.since = since;
  options.interval = seconds(flags.interval);
  options.max_backoff = std::max<milliseconds>(options.interval, seconds(300));

  auto const info = [&context, &rc](std::string const& line) {
    if (context.log.sink && context.log.level <= LogLevel::kInfo) {
      context.log.sink(LogLevel::kInfo, "watch " + rc.name + ": " + line);
    }
  };
  Waiter waiter;
  auto const in_seconds = [](milliseconds d) { return std::to_string((d.count() + 500) / 1000) + " s"; };
  bool failed = false;
  options.on_failed_poll = [&](Status const& failure, milliseconds d) {
    failed = true;
    info("the last poll failed (" + failure.message() + "); next poll in " + in_seconds(d));
  };
  options.wait = [&](milliseconds d) {
    if (!failed) info("next poll in " + in_seconds(d));
    failed = false;
    return waiter.wait(d);
  };
  auto feed = rc.changes(context.client(), options, saved.value_or(ChangeCursor()));
  auto const on_change = [&](Resource const& record, bool is_new) {
    context.write([&](std::ostream& out) { write_change(out, record, is_new, context.format, rc.columns); });
    save_cursor(path, feed->cursor());  // it remembers this record already
  };
  auto const after_poll = [&](PollSummary const& poll) {
    save_cursor(path, feed->cursor());
    info(std::to_string(poll.delivered) + " changed, " + std::to_string(poll.unchanged) + " unchanged, " +
         std::to_string(poll.requests) + " requests" + (poll.stopped ? "; stopped" : ""));
  };

  // From here on Ctrl-C ends the run between two records, with the cursor saved.
  StopSignals signals([&feed, &waiter] {
    feed->stop();
    waiter.stop();
  });
  if (flags.once) {
    after_poll(take(feed->poll(on_change)));
    return;
  }
  check(feed->follow(on_change, after_poll));
  save_cursor(path, feed->cursor());
}

}  // namespace flowii::cli
