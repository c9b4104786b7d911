// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// flowii-emulator-bench URL [THREADS...] [--requests N]: how many small API
// GETs per second a running flowii-emulator answers, with each client thread on
// its own keep-alive connection (cpp-httplib, the emulator's own HTTP library).
// Driven by scripts/bench-emulator.sh; it measures and prints, it asserts nothing.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace {

// One authenticated API call that touches routing, auth, the store and the serializer.
constexpr char const* bench_target = "/users/self?companyId=1";
constexpr int warm_up_requests = 200;

struct Target {
  std::string host;
  int port = 0;
  httplib::Headers headers;
};

// "http://127.0.0.1:PORT" (what the emulator prints) -> host and port.
bool parse_url(std::string const& url, Target& target) {
  std::string const scheme = "http://";
  auto const colon = url.rfind(':');
  if (url.rfind(scheme, 0) != 0 || colon == std::string::npos || colon < scheme.size()) return false;
  target.host = url.substr(scheme.size(), colon - scheme.size());
  target.port = std::atoi(url.c_str() + colon + 1);
  return target.port > 0;
}

std::string get_token(Target const& target) {
  httplib::Client client(target.host, target.port);
  auto const reply = client.Post("/token", {{"Api-Key", "demo-api-key"}},
                                 "grant_type=password&username=demo%40flowii.example&password=demo-password",
                                 "application/x-www-form-urlencoded");
  if (!reply || reply->status != 200) return {};
  return nlohmann::json::parse(reply->body).value("access_token", "");
}

std::size_t connections(Target const& target) {
  httplib::Client client(target.host, target.port);
  auto const reply = client.Get("/_emulator/connections");
  return reply && reply->status == 200 ? nlohmann::json::parse(reply->body).value("accepted", std::size_t{0}) : 0;
}

// Sends `count` GETs on one keep-alive connection; false on any failure.
// Counts itself in `ready` once warm, then waits for `go`.
bool run_client(Target const& target, int count, std::atomic<int>& ready, std::atomic<bool> const& go) {
  httplib::Client client(target.host, target.port);
  client.set_keep_alive(true);
  bool warm = true;
  for (int i = 0; i < warm_up_requests && warm; ++i) warm = static_cast<bool>(client.Get(bench_target, target.headers));
  ++ready;
  if (!warm) return false;
  while (!go) std::this_thread::yield();
  for (int i = 0; i < count; ++i) {
    auto const reply = client.Get(bench_target, target.headers);
    if (!reply || reply->status != 200) return false;
  }
  return true;
}

// Requests per second over all `threads`, or a negative number on failure.
double measure(Target const& target, int threads, int total) {
  int const each = total / threads;
  std::atomic<bool> go{false};
  std::atomic<int> ready{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&] {
      if (!run_client(target, each, ready, go)) ++failures;
    });
  }
  // The clock starts once every connection is open and warm.
  while (ready < threads) std::this_thread::yield();
  auto const start = std::chrono::steady_clock::now();
  go = true;
  for (auto& client : clients) client.join();
  std::chrono::duration<double> const elapsed = std::chrono::steady_clock::now() - start;
  return failures > 0 ? -1.0 : each * threads / elapsed.count();
}

}  // namespace

int main(int argc, char** argv) {
  Target target;
  std::vector<int> thread_counts;
  int requests = 50000;
  for (int i = 1; i < argc; ++i) {
    std::string const arg = argv[i];
    if (arg == "--requests" && i + 1 < argc)
      requests = std::atoi(argv[++i]);
    else if (target.port == 0 && parse_url(arg, target))
      continue;
    else if (std::atoi(arg.c_str()) > 0)
      thread_counts.push_back(std::atoi(arg.c_str()));
    else {
      std::cerr << "usage: flowii-emulator-bench URL [THREADS...] [--requests N]\n";
      return 2;
    }
  }
  if (target.port == 0 || requests <= 0) {
    std::cerr << "usage: flowii-emulator-bench URL [THREADS...] [--requests N]\n";
    return 2;
  }
  if (thread_counts.empty()) thread_counts = {1, 4};
  std::string const token = get_token(target);
  if (token.empty()) {
    std::cerr << "flowii-emulator-bench: no token from " << target.host << ":" << target.port << "\n";
    return 1;
  }
  target.headers = {
      {"Api-Key", "demo-api-key"}, {"Authorization", "Bearer " + token}, {"Accept", "application/vnd.api+json"}};

  for (int threads : thread_counts) {
    std::size_t const before = connections(target);
    double const rate = measure(target, threads, requests);
    if (rate < 0) {
      std::cerr << "flowii-emulator-bench: a request failed with " << threads << " threads\n";
      return 1;
    }
    std::printf("emulator.get_per_second.threads%d %.0f (%d requests, %zu connections)\n", threads, rate,
                requests / threads * threads, connections(target) - before - 1);
  }
  return 0;
}
