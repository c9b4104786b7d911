// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What every benchmark shares: an emulator to talk to, an SDK client for it, and
// the hand-written libcurl + nlohmann baseline sending the very same request.
#ifndef FLOWII_BENCH_SUPPORT_HPP
#define FLOWII_BENCH_SUPPORT_HPP

#include <flowii/emulator/emulator.hpp>
#include <flowii/flowii.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

struct curl_slist;  // libcurl's, kept out of this header

namespace flowii::bench {

/// Where the server is and who logs in: demo credentials of the emulator.
struct Target {
  std::string base_url;
  std::string api_key = "demo-api-key";
  std::string username = "demo@flowii.example";
  std::string password = "demo-password";
  std::string company_id = "1";
};

/// An in-process emulator sized for measuring: a worker per client thread and
/// keep-alive connections that are never closed for having served too much.
std::unique_ptr<emulator::Emulator> start_emulator();

/// The process-wide emulator of the Google Benchmark cases (started on first use).
emulator::Emulator& shared_emulator();
Target target_of(emulator::Emulator const& emu);

/// SDK options for `target`: no retries (a benchmark must not hide failures).
ClientOptions client_options(Target const& target);

/// Adds `latency` to every later GET /partners... of `emu` (its delay fault), as a
/// network would; concurrent requests wait in parallel.
void add_listing_latency(emulator::Emulator& emu, std::chrono::milliseconds latency);

/// The id of some partner of the target's company (the one every `get` reads).
std::string some_partner_id(Client& client);

/// The baseline: one libcurl easy handle (keep-alive), the headers the SDK sends
/// (Api-Key, Accept, User-Agent, Bearer token, companyId query, compression
/// offered) and nlohmann::json::parse of the answer. Not thread-safe: one per thread.
class RawClient {
 public:
  /// Takes the token from another RawClient, or fetches one (POST /token) when empty.
  explicit RawClient(Target target, std::string token = {});
  ~RawClient();
  RawClient(RawClient const&) = delete;
  RawClient& operator=(RawClient const&) = delete;

  std::string const& token() const { return token_; }
  /// GET path?companyId=...&query, parsed; false (and a message on stderr) on any failure.
  bool get(std::string const& path, std::string const& query = {});
  /// The body of the last answer.
  std::string const& body() const;
  /// POST of a JSON body to an absolute URL (the emulator's admin API).
  bool post_json(std::string const& url, std::string const& body);

 private:
  bool perform(std::string const& url, long& status);
  bool post(std::string const& url, curl_slist* headers, std::string const& body, long& status);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Target target_;
  std::string token_;
};

/// Prints one figure as a "key value" line on stdout (what scripts/bench.sh reads).
void print_figure(std::string const& key, double value);

/// Seconds since `start` on the steady clock.
double seconds_since(std::chrono::steady_clock::time_point start);

/// The non-Google-Benchmark modes (argv[0] is the mode); see scenarios.cpp.
int run_scenario(int argc, char** argv);

// The bulk-work measurements (issue: bulk work at the speed of the network), one
// file each; argv holds the arguments after the mode. They print "key value" lines.
int parallel_listing(int argc, char** argv);  // bulk_listing.cpp
int concurrent_calls(int argc, char** argv);  // concurrent_calls.cpp
int emulator_scaling(int argc, char** argv);  // emulator_scaling.cpp

/// Stops the process with a message: a benchmark whose setup failed has no figure.
[[noreturn]] void fail(std::string const& what);

}  // namespace flowii::bench

#endif  // FLOWII_BENCH_SUPPORT_HPP
