// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Many independent calls at once, and against a quota (docs/adr/0012-concurrent-calls.md).
//
//   flowii-bench concurrent-calls [--creates N]   (default 1000)
//
// (a) N partner creates against an in-process emulator that adds 30 ms to every
//     create, one after the other and then through a Batch 8 wide; afterwards
//     the records are counted by name: each name exactly once.
// (b) N creates 8 wide, without added latency, against the emulator's quota of
//     100 requests per 1 s window per API key (fixed windows, as FLOWii's 429s
//     suggest), with the SDK's default adaptive pacing and then with the shared
//     Retry-After hold alone. The ideal is the requests FLOWii admitted over the
//     quota's rate; the 429s come from the emulator's journal.
#include "support.hpp"

#include <flowii/batch.hpp>

#include <cstdlib>
#include <future>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace flowii::bench {
namespace {

constexpr int kWidth = 8;
constexpr std::chrono::milliseconds kLatency{30};
constexpr int kQuota = 100;  // requests per window
constexpr std::chrono::seconds kQuotaWindow{1};

Partner partner_named(std::string const& name) {
  return Partner().set_name(name).set_partner_type(PartnerType::kCompany);
}

/// Creates partners "<prefix> 0" ... "<prefix> n-1", `width` at a time (1: one after
/// the other, without a Batch); returns the seconds it took. Every create must succeed.
double create_partners(Client& client, std::string const& prefix, int n, int width) {
  auto const start = std::chrono::steady_clock::now();
  std::vector<std::future<Result<Partner>>> futures;
  if (width == 1) {
    for (int i = 0; i < n; ++i) {
      auto created = client.partners().create(partner_named(prefix + " " + std::to_string(i)));
      if (!created) fail("create " + std::to_string(i) + ": " + created.status().to_string());
    }
    return seconds_since(start);
  }
  Batch batch(BatchOptions{width, nullptr});
  for (int i = 0; i < n; ++i) {
    futures.push_back(batch.submit(
        [&client, name = prefix + " " + std::to_string(i)] { return client.partners().create(partner_named(name)); }));
  }
  batch.wait();
  double const seconds = seconds_since(start);
  for (auto& f : futures) {
    auto created = f.get();
    if (!created) fail("batch create: " + created.status().to_string());
  }
  return seconds;
}

/// Records per name, for the names that start with one of `prefixes`.
std::map<std::string, int> records_by_name(Client& client, std::vector<std::string> const& prefixes) {
  std::map<std::string, int> by_name;
  for (auto const& p : client.partners().list(PartnerQuery().page_size(100))) {
    if (!p) fail("listing: " + p.status().to_string());
    auto const name = p->name().value_or("");
    for (auto const& prefix : prefixes) {
      if (name.rfind(prefix + " ", 0) == 0) ++by_name[name];
    }
  }
  return by_name;
}

void latency(int n) {
  auto emu = start_emulator();
  Client client(client_options(target_of(*emu)));
  some_partner_id(client);  // sign-in and session outside the timing
  emulator::Emulator::Fault slow;
  slow.method = "POST";
  slow.path_prefix = "/partners";
  slow.times = 1 << 30;  // every create
  slow.delay = kLatency;
  emu->inject(slow);
  double const sequential = create_partners(client, "Sequential", n, 1);
  double const batch = create_partners(client, "Batch8", n, kWidth);
  auto const by_name = records_by_name(client, {"Sequential", "Batch8"});
  int records = 0;
  for (auto const& entry : by_name) records += entry.second;
  print_figure("concurrent_calls.sequential_seconds", sequential);
  print_figure("concurrent_calls.batch8_seconds", batch);
  print_figure("concurrent_calls.speedup", sequential / batch);
  print_figure("concurrent_calls.created", records);
  print_figure("concurrent_calls.duplicates", records - static_cast<int>(by_name.size()));
  if (static_cast<int>(by_name.size()) != 2 * n) fail("not every create made a record");
}

void quota_run(emulator::Emulator& emu, std::string const& key, int n, bool adaptive) {
  ClientOptions options = client_options(target_of(emu));
  options.retry = RetryOptions{};  // a refusal is sent again, as by default
  options.rate_limit.adaptive = adaptive;
  Client client(options);
  emu.clear_journal();
  // The run includes the sign-in: FLOWii counts the token request and the session too.
  double const seconds = create_partners(client, key, n, kWidth);
  std::size_t requests = 0, refused = 0;
  for (auto const& e : emu.journal()) {
    ++requests;
    if (e.status == 429) ++refused;
  }
  double const ideal =
      static_cast<double>(requests - refused) / kQuota * std::chrono::duration<double>(kQuotaWindow).count();
  std::string const prefix = adaptive ? "quota." : "quota.hold_only.";
  print_figure(prefix + "seconds", seconds);
  print_figure(prefix + "ideal_seconds", ideal);
  print_figure(prefix + "requests", static_cast<double>(requests));
  print_figure(prefix + "429s", static_cast<double>(refused));
  print_figure(prefix + "429_percent", 100.0 * static_cast<double>(refused) / static_cast<double>(requests));
  print_figure(prefix + "over_ideal", seconds / ideal);
}

void quota(int n) {
  emulator::Options o;
  o.worker_threads = 2 * kWidth;
  o.rate_limit = kQuota;
  o.rate_window = kQuotaWindow;
  emulator::Emulator emu(o);
  emu.start();
  quota_run(emu, "Quota", n, /*adaptive=*/true);
  std::this_thread::sleep_for(kQuotaWindow + std::chrono::milliseconds(100));  // a fresh window
  quota_run(emu, "Held", n, /*adaptive=*/false);
}

}  // namespace

int concurrent_calls(int argc, char** argv) {
  int n = 1000;
  if (argc == 2 && std::string(argv[0]) == "--creates") {
    n = std::atoi(argv[1]);
  } else if (argc != 0) {
    std::cerr << "usage: flowii-bench concurrent-calls [--creates N]\n";
    return 2;
  }
  if (n <= 0) fail("--creates needs a positive number");
  latency(n);
  quota(n);
  return 0;
}

}  // namespace flowii::bench
