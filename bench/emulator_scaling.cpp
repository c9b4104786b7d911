// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The emulator's write cost against the size of a company, and reads from many threads.
//
//   flowii-bench emulator-scaling [--ops N] [--reads N] [--lists N]
//
// (a) Partner create, update and delete through the SDK (N of each, default 300,
//     after as many unmeasured ones to warm up) in company 1 with 1,000
//     partners, then with 100,000 (filled up with POST /_emulator/partners):
//     mean microseconds per call.
// (b) GET /partners/{id} (a demo partner with every link set, so the answer
//     includes its related records) from 1 and from 4 client threads, each with
//     its own keep-alive connection, against the same emulator: requests per
//     second over N requests in all (default 20000). Then the same for the first
//     page of GET /partners among the 100,000 (--lists, default 200), where the
//     emulator's work (filtering every partner) outweighs the client's.
#include "support.hpp"

#include <cstdlib>
#include <future>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace flowii::bench {
namespace {

struct Settings {
  int ops = 300;
  int reads = 20000;
  int lists = 200;
};

Settings parse(int argc, char** argv) {
  Settings s;
  for (int i = 0; i + 1 < argc; i += 2) {
    std::string const flag = argv[i];
    int const value = std::atoi(argv[i + 1]);
    if (value <= 0) fail("emulator-scaling: " + flag + " needs a positive number");
    if (flag == "--ops") {
      s.ops = value;
    } else if (flag == "--reads") {
      s.reads = value;
    } else if (flag == "--lists") {
      s.lists = value;
    } else {
      fail("emulator-scaling: unknown flag " + flag + " (--ops N, --reads N, --lists N)");
    }
  }
  if (argc % 2 != 0) fail("emulator-scaling: flags come in pairs (--ops N, --reads N, --lists N)");
  return s;
}

std::size_t partner_count(Client& client) {
  std::size_t n = 0;
  for (auto const& p : client.partners().list(PartnerQuery().page_size(1000))) {
    if (!p) fail("listing partners: " + p.status().to_string());
    ++n;
  }
  return n;
}

void add_partners(Target const& target, std::size_t count) {
  RawClient raw(target);
  std::string const body = R"({"company_id":")" + target.company_id + R"(","count":)" + std::to_string(count) + "}";
  if (!raw.post_json(target.base_url + "/_emulator/partners", body)) fail("adding partners failed");
}

// A partner as an application writes one: with a billing address and a contact,
// records of their own that the delete removes too.
Partner new_partner(int i) {
  Partner p;
  p.set_name("Scaling " + std::to_string(i) + " s.r.o.")
      .set_partner_type(PartnerType::kCompany)
      .set_billing_address(Address().set_city("Nitra").set_country("1"));
  return p;
}

// Mean microseconds of `op(i)` for i in [0, n).
template <typename Op>
double mean_us(int n, Op op) {
  auto const start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) op(i);
  return seconds_since(start) * 1e6 / n;
}

// Creates, updates and deletes `n` partners; prints the means under `size` unless it is empty.
void writes(Client& client, int n, std::string const& size) {
  std::vector<std::string> ids(static_cast<std::size_t>(n));
  double const create = mean_us(n, [&](int i) {
    auto created = client.partners().create(new_partner(i));
    if (!created) fail("create: " + created.status().to_string());
    ids[static_cast<std::size_t>(i)] = created->id();
  });
  double const update = mean_us(n, [&](int i) {
    Partner p;
    p.set_id(ids[static_cast<std::size_t>(i)]);
    Status const s = client.partners().update(p.set_name("Scaling " + std::to_string(i) + " a.s."));
    if (!s.ok()) fail("update: " + s.to_string());
  });
  double const remove = mean_us(n, [&](int i) {
    Status const s = client.partners().remove(ids[static_cast<std::size_t>(i)]);
    if (!s.ok()) fail("delete: " + s.to_string());
  });
  if (size.empty()) return;
  print_figure(std::string("emulator_scaling.") + "create_" + size + "_us", create);
  print_figure(std::string("emulator_scaling.") + "update_" + size + "_us", update);
  print_figure(std::string("emulator_scaling.") + "delete_" + size + "_us", remove);
}

// Requests per second of GET `path` from `threads` clients, `total` requests in all.
double reads_per_second(Target const& target, std::string const& token, std::string const& path, int threads,
                        int total) {
  int const each = total / threads;
  std::promise<void> go;
  std::shared_future<void> const started = go.get_future().share();
  std::vector<std::thread> clients;
  std::vector<std::promise<void>> ready(static_cast<std::size_t>(threads));
  std::vector<std::future<void>> connected;
  for (auto& r : ready) connected.push_back(r.get_future());
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      RawClient raw(target, token);
      if (!raw.get(path)) fail("read " + path);  // the connection is open before the clock starts
      ready[static_cast<std::size_t>(t)].set_value();
      started.wait();
      for (int i = 0; i < each; ++i) {
        if (!raw.get(path)) fail("read " + path);
      }
    });
  }
  for (auto& c : connected) c.wait();
  auto const start = std::chrono::steady_clock::now();
  go.set_value();
  for (auto& c : clients) c.join();
  return each * threads / seconds_since(start);
}

}  // namespace

int emulator_scaling(int argc, char** argv) {
  Settings const settings = parse(argc, argv);
  auto emu = start_emulator();
  Target const target = target_of(*emu);
  Client client(client_options(target));

  std::size_t const demo = partner_count(client);
  if (demo < 1000) add_partners(target, 1000 - demo);
  writes(client, settings.ops, "");  // warm-up: first-use costs of the client and the emulator
  writes(client, settings.ops, "1k");
  add_partners(target, 100000 - 1000);
  writes(client, settings.ops, "100k");
  print_figure(std::string("emulator_scaling.") + "partners_at_100k", static_cast<double>(partner_count(client)));

  std::string const path = "/partners/" + some_partner_id(client);
  RawClient first(target);
  print_figure(std::string("emulator_scaling.") + "reads_1thread_per_s",
               reads_per_second(target, first.token(), path, 1, settings.reads));
  print_figure(std::string("emulator_scaling.") + "reads_4threads_per_s",
               reads_per_second(target, first.token(), path, 4, settings.reads));
  print_figure(std::string("emulator_scaling.") + "lists_1thread_per_s",
               reads_per_second(target, first.token(), "/partners", 1, settings.lists));
  print_figure(std::string("emulator_scaling.") + "lists_4threads_per_s",
               reads_per_second(target, first.token(), "/partners", 4, settings.lists));
  return 0;
}

}  // namespace flowii::bench
