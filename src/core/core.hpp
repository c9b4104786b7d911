// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the one request pipeline every call goes through — session
// bootstrap, companyId, Api-Key + Bearer, 401 re-authentication, retries with
// backoff and Retry-After, logging with redaction, and error mapping.
#ifndef FLOWII_SRC_CORE_CORE_HPP
#define FLOWII_SRC_CORE_CORE_HPP

#include <flowii/client.hpp>
#include <flowii/http.hpp>
#include <flowii/options.hpp>

#include "auth/token_manager.hpp"
#include "core/pacer.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace flowii::detail {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// One logical API call.
struct Call {
  std::string method = "GET";
  std::string path;   ///< relative to the base URL, segments already encoded
  QueryParams query;  ///< not yet encoded
  std::string body;
  std::string content_type = "application/vnd.api+json";
  std::string accept = "application/vnd.api+json";
  bool company_scoped = true;  ///< adds companyId (false only for /companies)
  bool idempotent = true;      ///< may be retried after the request could have reached FLOWii
  /// Return a final non-2xx response as-is instead of mapping it to a Status
  /// (the token endpoint maps its own OAuth errors).
  bool return_error_responses = false;
  CallOptions options;
};

/// Percent-encoding for URL query values and path segments (RFC 3986 unreserved kept).
std::string url_encode(std::string_view value);

class Core {
 public:
  explicit Core(ClientOptions options);

  /// Runs the call; a non-2xx answer becomes an error Status.
  Result<HttpResponse> execute(Call const& call);
  Result<Session> session();
  Result<std::vector<Company>> companies(CallOptions const& options);

  ClientOptions const& options() const { return options_; }
  /// Whether this server has ever sent links.next (see docs/adr/0003-paging.md).
  bool next_links_seen() const { return next_links_seen_.load(std::memory_order_relaxed); }
  void note_next_link() { next_links_seen_.store(true, std::memory_order_relaxed); }
  std::uint64_t token_requests() const { return tokens_.requests(); }
  /// The tokens held now, in calendar time (Client::tokens()).
  std::optional<Tokens> tokens() const;
  /// Tells ClientOptions::on_event, if set.
  void notify(CallEvent const& event) const {
    if (options_.on_event) options_.on_event(event);
  }

  void log(LogLevel level, std::string const& message) const;
  /// Whether log(level, ...) would reach the sink: callers skip building messages otherwise.
  bool logs(LogLevel level) const;

 private:
  Result<HttpResponse> send_with_retries(Call const& call, std::string const& url, bool authenticated);
  /// Waits for the request's start slot (pacing, and any hold after a quota refusal);
  /// an error when that wait is not worth it. Begins the request's activity in the pacer.
  Status pace(std::string const& where, std::chrono::steady_clock::time_point deadline);
  std::chrono::milliseconds backoff(int attempt);
  Status error_from_response(Call const& call, HttpResponse const& response) const;
  Result<HttpResponse> post_token(std::string const& form);
  Result<Session> bootstrap();
  HttpHeaders base_headers(Call const& call) const;
  /// session()'s company id, without copying the session.
  Result<std::string> company_id();

  ClientOptions options_;
  std::shared_ptr<HttpTransport> transport_;
  Status config_error_;
  std::string user_agent_;
  TokenManager tokens_;
  Pacer pacer_;

  std::mutex session_mu_;
  std::optional<Session> session_;
  std::atomic<std::uint64_t> bootstraps_{0};  // finished bootstrap attempts
  Status last_bootstrap_error_;

  std::mutex rng_mu_;
  std::mt19937_64 rng_;
  std::atomic<bool> next_links_seen_{false};
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_CORE_HPP
