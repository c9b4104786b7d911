// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Order mirror: a local JSON-lines file with one line per order (the order as
// FLOWii shows it), kept current with a change feed (flowii/change_feed.hpp).
// The feed's cursor is saved beside the file, so a later run resumes where this
// one stopped, neither missing nor repeating a change.
//
//   sync_orders [--once] [FILE]     FILE: orders.jsonl; its cursor: FILE.cursor
//
// --once catches up and exits (a cron job); without it, it polls every 30 s
// until Ctrl-C. Both files are replaced whole (a new file renamed over the old),
// so a crash at any moment leaves the last state saved. Configured only from
// FLOWII_* variables (see quickstart.cpp).
#include "example_support.hpp"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using examples::fail;

namespace {

using Mirror = std::map<std::string, std::string>;  // order id -> the order as one line of JSON

std::string read_all(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A new file beside the old one, renamed over it: never half a file.
void replace(std::string const& path, std::string const& text) {
  std::string const temporary = path + ".new";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out || std::rename(temporary.c_str(), path.c_str()) != 0) {
    fail("writing " + path, flowii::Status(flowii::ErrorCode::kUnknown, "cannot write the file"));
  }
}

Mirror load(std::string const& path) {
  Mirror mirror;
  std::istringstream lines(read_all(path));
  for (std::string line; std::getline(lines, line);) {
    auto order = flowii::Resource::from_json(line);
    if (!order) fail("reading " + path, order.status());
    mirror[order->id()] = line;
  }
  return mirror;
}

}  // namespace

int main(int argc, char** argv) {
  bool once = false;
  std::string path = "orders.jsonl";
  for (int i = 1; i < argc; ++i) {
    std::string const arg = argv[i];
    if (arg == "--once") {
      once = true;
    } else {
      path = arg;
    }
  }
  std::string const cursor_path = path + ".cursor";

  // Ctrl-C and SIGTERM are blocked before any thread starts, so every thread
  // inherits that; one thread below takes them with sigwait() and stops the feed.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto [client, session] = examples::connect("sync_orders");
  Mirror mirror = load(path);

  // Without a cursor (the first run) the feed starts in 2000: every order.
  flowii::ChangeCursor cursor;
  std::string const saved = read_all(cursor_path);
  if (!saved.empty()) {
    auto parsed = flowii::ChangeCursor::parse(saved);
    if (!parsed) fail("reading " + cursor_path, parsed.status());
    cursor = *parsed;
  }
  flowii::ChangeFeedOptions options;
  options.since = flowii::UnixTime::from(flowii::DateTime{2000, 1, 1});
  auto feed = client.orders().changes(options, cursor);

  // A change replaces the order's line. The mirror is saved before the cursor:
  // after a crash between the two, the next run delivers those changes again,
  // and applying a change twice does no harm.
  auto on_change = [&mirror](flowii::Change<flowii::Order> const& change) {
    mirror[change.record.id()] = change.record.to_json();
  };
  auto save = [&] {
    std::string text;
    for (auto const& [id, line] : mirror) text += line + "\n";
    replace(path, text);
    replace(cursor_path, feed.cursor().to_string() + "\n");
  };

  auto caught_up = feed.poll(on_change);
  if (!caught_up) fail("polling the orders", caught_up.status());
  // Deleted orders do not show in the edited-from filter: ask once per run
  // which of the mirrored ones are gone (one list request per 100 orders).
  std::vector<std::string> ids;
  for (auto const& [id, line] : mirror) ids.push_back(id);
  auto gone = feed.deleted(ids);
  if (!gone) fail("listing the orders", gone.status());
  for (auto const& id : *gone) mirror.erase(id);
  save();
  std::cout << "sync_orders: " << mirror.size() << " orders in " << path << " (" << caught_up->delivered << " changed, "
            << gone->size() << " deleted)\n";
  if (once) return 0;

  std::thread stopper([&feed, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    feed.stop();  // thread-safe: follow() returns after the order at hand
  });
  auto const followed = feed.follow(on_change, [&](flowii::PollSummary const& poll) {
    save();
    if (poll.delivered > 0) std::cout << "sync_orders: " << poll.delivered << " orders changed" << std::endl;
  });
  if (!followed.ok()) fail("following the orders", followed);  // exits; the stopper ends with the process
  stopper.join();
  std::cout << "sync_orders: stopped; " << cursor_path << " says where to resume\n";
  return 0;
}
