// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Listing many pages at once against added latency.
//
//   parallel-listing              100,000 partners behind 30 ms per request: every
//                                 partner with prefetch, then with 8 parallel pages;
//                                 the time of each, whether the ids are the same in
//                                 the same order, the most pages held at once, and
//                                 the peak RSS of each side in a process of its own
//   parallel-listing rss URL one|prefetch|parallel8
//                                 peak RSS of one page, or of a whole listing, from
//                                 the emulator at URL (the child processes above)
#include "support.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace flowii::bench {
namespace {

constexpr int kPartners = 100'000;
constexpr int kPageSize = 1000;  // the emulator's largest page[size]; FLOWii documents none
constexpr int kParallel = 8;
constexpr std::chrono::milliseconds kLatency{30};

Pager<Partner, PartnerQuery> listing(Client& client, std::string const& mode) {
  auto pager = client.partners().list(PartnerQuery().page_size(kPageSize));
  return mode == "prefetch" ? pager.prefetch() : pager.parallel(kParallel);
}

/// CPU seconds this process (client and in-process emulator) has used.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto const seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Every partner id of the listing; prints the seconds it took, and the CPU
/// seconds of client and emulator together (near 2 per second on 2 cores: the
/// machine, not the latency, is the limit).
std::vector<std::string> walk(Client& client, std::string const& mode) {
  std::vector<std::string> ids;
  ids.reserve(kPartners + 1000);
  double const cpu = cpu_seconds();
  auto const start = std::chrono::steady_clock::now();
  for (auto const& p : listing(client, mode)) {
    if (!p) fail("listing: " + p.status().to_string());
    ids.push_back(p->id());
  }
  print_figure(std::string("parallel_listing.") + mode + "_seconds", seconds_since(start));
  print_figure(std::string("parallel_listing.") + mode + "_cpu_seconds", cpu_seconds() - cpu);
  return ids;
}

/// The most pages answered and not yet handed out at once (the current page
/// included), counted around the same page function that list() uses.
int most_pages_held(Client& client) {
  std::atomic<int> answered{0};
  auto fetch = [&client, &answered](PartnerQuery const& q) {
    auto page = client.partners().list_page(q);
    ++answered;
    return page;
  };
  int most = 0, items = 0;
  for (auto const& p : Pager<Partner, PartnerQuery>(fetch, PartnerQuery().page_size(kPageSize)).parallel(kParallel)) {
    if (!p) fail("listing: " + p.status().to_string());
    most = std::max(most, answered.load() - items++ / kPageSize);
  }
  return most;
}

/// Peak RSS of this process, in kB.
long max_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int rss(std::string const& url, std::string const& mode) {
  Target target;
  target.base_url = url;
  Client client(client_options(target));
  std::size_t items = 0;
  if (mode == "one") {
    auto page = client.partners().list_page(PartnerQuery().page_size(kPageSize));
    if (!page) fail("page: " + page.status().to_string());
    for (auto const& p : page->items) items += p.name().has_value() ? 1 : 0;
  } else {
    for (auto const& p : listing(client, mode)) {
      if (!p) fail("listing: " + p.status().to_string());
      items += p->name().has_value() ? 1 : 0;
    }
  }
  print_figure(std::string("parallel_listing.") + mode + "_items", static_cast<double>(items));
  print_figure(std::string("parallel_listing.") + mode + "_max_kb", static_cast<double>(max_kb()));
  return 0;
}

/// Runs `rss` in a process of its own (this program), passing its lines through.
void rss_in_child(std::string const& url, std::string const& mode) {
  std::vector<char> self(4096);
  auto const n = readlink("/proc/self/exe", self.data(), self.size() - 1);
  if (n <= 0) fail("cannot find this program to run it again");
  std::string const command =
      "'" + std::string(self.data(), static_cast<std::size_t>(n)) + "' parallel-listing rss " + url + " " + mode;
  FILE* child = popen(command.c_str(), "r");
  if (!child) fail("cannot start " + command);
  char line[256];
  while (std::fgets(line, sizeof line, child)) std::cout << line << std::flush;
  if (pclose(child) != 0) fail(command + " failed");
}

int run() {
  auto emu = start_emulator();
  emu->add_partners("1", kPartners);
  Client client(client_options(target_of(*emu)));
  some_partner_id(client);  // bootstrap outside the timing
  add_listing_latency(*emu, kLatency);

  print_figure(std::string("parallel_listing.") + "page_size", kPageSize);
  print_figure(std::string("parallel_listing.") + "latency_ms", static_cast<double>(kLatency.count()));
  auto const prefetched = walk(client, "prefetch");
  auto const parallel = walk(client, "parallel8");
  print_figure(std::string("parallel_listing.") + "items", static_cast<double>(parallel.size()));
  print_figure(std::string("parallel_listing.") + "items_equal",
               prefetched == parallel && prefetched.size() >= kPartners ? 1 : 0);
  print_figure(std::string("parallel_listing.") + "parallel8_max_pages_held", most_pages_held(client));
  for (char const* mode : {"one", "prefetch", "parallel8"}) rss_in_child(emu->base_url(), mode);
  return 0;
}

}  // namespace

int parallel_listing(int argc, char** argv) {
  if (argc == 0) return run();
  if (argc == 3 && std::string(argv[0]) == "rss") return rss(argv[1], argv[2]);
  std::cerr << "usage: flowii-bench parallel-listing [rss URL one|prefetch|parallel8]\n";
  return 2;
}

}  // namespace flowii::bench
