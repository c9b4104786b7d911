// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Measurements that are counts or whole-process figures rather than loops for
// Google Benchmark. Each prints "name value" lines for scripts/bench.sh.
//
//   connections             goal 2: TCP connections for 1,000 sequential calls and 8 threads
//   single-flight           goal 5: token requests when 64 threads meet an expired token
//   prefetch                goal 7: a listing with added latency, prefetch off and on
//   seed URL N              adds N partners to company 1 of the emulator at URL
//   rss URL all|one         goal 3: peak RSS iterating every partner, or one page
//   calls sdk|raw URL N     goal 1 under callgrind: one warm-up get, then N gets
#include "support.hpp"

#include <sys/resource.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace flowii::bench {
namespace {

/// Runs `body(i)` on `n` threads released together, and waits for all of them.
void on_threads(int n, std::function<void(int)> const& body) {
  std::mutex mu;
  std::condition_variable cv;
  bool go = false;
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return go; });
      }
      body(i);
    });
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    go = true;
  }
  cv.notify_all();
  for (auto& t : threads) t.join();
}

void require_ok(Status const& status, char const* what) {
  if (!status.ok()) fail(std::string(what) + ": " + status.to_string());
}

/// Connections the emulator accepted while `run` ran.
std::size_t connections_during(emulator::Emulator const& emu, std::function<void()> const& run) {
  auto const before = emu.connections_accepted();
  run();
  return emu.connections_accepted() - before;
}

int connections() {
  constexpr int kCalls = 1000, kThreads = 8;
  auto emu = start_emulator();
  Target const target = target_of(*emu);
  std::string id;
  // A fresh client each time: its bootstrap (token, company list, user) counts too.
  print_figure("connections.sequential.sdk", static_cast<double>(connections_during(*emu, [&] {
                 Client client(client_options(target));
                 id = some_partner_id(client);
                 for (int i = 1; i < kCalls; ++i) require_ok(client.partners().get(id).status(), "get");
               })));
  std::string const path = "/partners/" + id;
  print_figure("connections.sequential.raw", static_cast<double>(connections_during(*emu, [&] {
                 RawClient raw(target);
                 for (int i = 1; i < kCalls; ++i) {
                   if (!raw.get(path)) fail("raw get");
                 }
               })));
  print_figure("connections.threads8.sdk", static_cast<double>(connections_during(*emu, [&] {
                 Client client(client_options(target));
                 on_threads(kThreads, [&](int) {
                   for (int i = 0; i < kCalls / kThreads; ++i) require_ok(client.partners().get(id).status(), "get");
                 });
               })));
  std::string const token = RawClient(target).token();
  print_figure("connections.threads8.raw", static_cast<double>(connections_during(*emu, [&] {
                 on_threads(kThreads, [&](int) {
                   RawClient raw(target, token);
                   for (int i = 0; i < kCalls / kThreads; ++i) {
                     if (!raw.get(path)) fail("raw get");
                   }
                 });
               })));
  return 0;
}

int single_flight() {
  constexpr int kThreads = 64;
  auto emu = start_emulator();
  // The client's clock moves with the emulator's, so both see the token expire.
  auto skew = std::make_shared<std::atomic<std::int64_t>>(0);
  ClientOptions options = client_options(target_of(*emu));
  options.clock = [skew] { return std::chrono::steady_clock::now() + std::chrono::seconds(skew->load()); };
  Client client(options);
  std::string const id = some_partner_id(client);
  // Requests, not grants: a rejected refresh followed by a password grant is two.
  auto token_requests = [&] { return emu->count("POST", "/token"); };
  auto const before = token_requests();
  auto const expire = emu->options().token_lifetime + std::chrono::seconds(1);
  emu->advance_clock(expire);
  skew->store(expire.count());
  std::atomic<int> failures{0};
  on_threads(kThreads, [&](int) {
    if (!client.partners().get(id)) ++failures;
  });
  if (failures > 0) fail(std::to_string(failures.load()) + " calls failed");
  print_figure("single_flight.token_requests", static_cast<double>(token_requests() - before));
  return 0;
}

/// Seconds to walk a listing, spending `work` on each page as a caller would.
double walk(Client& client, bool prefetch, std::chrono::milliseconds work, int page_size, std::size_t& items) {
  items = 0;
  auto const start = std::chrono::steady_clock::now();
  for (auto const& p : client.partners().list(PartnerQuery().page_size(page_size)).prefetch(prefetch)) {
    require_ok(p.status(), "listing");
    if (items++ % static_cast<std::size_t>(page_size) == 0) std::this_thread::sleep_for(work);
  }
  return seconds_since(start);
}

int prefetch() {
  constexpr int kPageSize = 100;
  constexpr std::chrono::milliseconds kLatency{20}, kWork{20};
  auto emu = start_emulator();
  emu->add_partners("1", 2000);
  Client client(client_options(target_of(*emu)));
  some_partner_id(client);  // bootstrap outside the timing
  add_listing_latency(*emu, kLatency);
  std::size_t off_items = 0, on_items = 0;
  double const off = walk(client, false, kWork, kPageSize, off_items);
  double const on = walk(client, true, kWork, kPageSize, on_items);
  if (off_items != on_items) fail("prefetch changed the listing");
  print_figure("prefetch.items", static_cast<double>(on_items));
  print_figure("prefetch.off_seconds", off);
  print_figure("prefetch.on_seconds", on);
  return 0;
}

Target external(char const* url) {
  Target t;
  t.base_url = url;
  return t;
}

int seed(char const* url, char const* count) {
  RawClient raw(external(url));
  std::string const body = std::string(R"({"company_id":"1","count":)") + count + "}";
  if (!raw.post_json(std::string(url) + "/_emulator/partners", body)) fail("seeding failed");
  return 0;
}

int rss(char const* url, std::string const& what) {
  constexpr int kPageSize = 1000;
  Client client(client_options(external(url)));
  std::size_t items = 0;
  if (what == "one") {
    auto page = client.partners().list_page(PartnerQuery().page_size(kPageSize));
    require_ok(page.status(), "page");
    for (auto const& p : page->items) items += p.name().has_value() ? 1 : 0;
  } else {
    for (auto const& p : client.partners().list(PartnerQuery().page_size(kPageSize))) {
      require_ok(p.status(), "listing");
      items += p->name().has_value() ? 1 : 0;
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  print_figure("rss." + what + ".items", static_cast<double>(items));
  print_figure("rss." + what + ".max_kb", static_cast<double>(usage.ru_maxrss));
  return 0;
}

// Not inlined, so that callgrind can count exactly these loops (--toggle-collect).
__attribute__((noinline)) void sdk_loop(Client& client, std::string const& id, int n) {
  for (int i = 0; i < n; ++i) require_ok(client.partners().get(id).status(), "get");
}

__attribute__((noinline)) void raw_loop(RawClient& raw, std::string const& path, int n) {
  for (int i = 0; i < n; ++i) {
    if (!raw.get(path)) fail("raw get");
  }
}

int calls(std::string const& side, char const* url, int n) {
  Target const target = external(url);
  Client client(client_options(target));
  std::string const id = some_partner_id(client);
  // One warm-up call outside the loops, so that first-use costs are not counted.
  if (side == "sdk") {
    require_ok(client.partners().get(id).status(), "get");
    sdk_loop(client, id, n);
  } else {
    RawClient raw(target);
    std::string const path = "/partners/" + id;
    if (!raw.get(path)) fail("raw get");
    raw_loop(raw, path, n);
  }
  return 0;
}

}  // namespace

int run_scenario(int argc, char** argv) {
  std::string const mode = argv[0];
  if (mode == "connections" && argc == 1) return connections();
  if (mode == "single-flight" && argc == 1) return single_flight();
  if (mode == "prefetch" && argc == 1) return prefetch();
  if (mode == "seed" && argc == 3) return seed(argv[1], argv[2]);
  if (mode == "rss" && argc == 3) return rss(argv[1], argv[2]);
  if (mode == "calls" && argc == 4) return calls(argv[1], argv[2], std::stoi(argv[3]));
  if (mode == "parallel-listing") return parallel_listing(argc - 1, argv + 1);
  if (mode == "concurrent-calls") return concurrent_calls(argc - 1, argv + 1);
  if (mode == "emulator-scaling") return emulator_scaling(argc - 1, argv + 1);
  std::cerr << "usage: flowii-bench [google benchmark flags]\n"
               "       flowii-bench connections | single-flight | prefetch\n"
               "       flowii-bench seed URL N | rss URL all|one | calls sdk|raw URL N\n"
               "       flowii-bench parallel-listing | concurrent-calls | emulator-scaling [ARGS]\n";
  return 2;
}

}  // namespace flowii::bench
