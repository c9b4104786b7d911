// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Plain option structs. Precedence: per-call CallOptions > ClientOptions > defaults.
// The library never reads the environment unless asked to (ClientOptions::from_env).
#ifndef FLOWII_OPTIONS_HPP
#define FLOWII_OPTIONS_HPP

#include <flowii/http.hpp>
#include <flowii/logging.hpp>
#include <flowii/result.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace flowii {

/// FLOWii credentials: the per-user API key plus the FLOWii login. Never logged.
struct Credentials {
  std::string api_key;
  std::string username;
  std::string password;
};

/// How long and how often to retry. Which calls may be retried at all is decided
/// per operation (see docs/adr/0005-retries-and-idempotency.md).
struct RetryOptions {
  int max_attempts = 4;  ///< 1 = never retry
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{30'000};
  double multiplier = 2.0;
  double jitter = 0.2;                               ///< +-20 % randomisation of each wait
  std::chrono::milliseconds total_timeout{120'000};  ///< overall deadline of one call, retries included
  /// A Retry-After longer than this is not waited for: the call fails with kRateLimited
  /// and Status::retry_after() tells the caller how long the server asked for.
  std::chrono::seconds max_retry_after{60};
};

/// What a create does when its outcome is unknown (ErrorCode::kOutcomeUnknown: the
/// request may have reached FLOWii, no complete answer came back). FLOWii has no
/// idempotency keys, so for resources whose list has `filter[created-from]`
/// (partners, orders, business cases, tasks, communications, cash flow) the SDK looks
/// for the record: one match is the record the call made; none means FLOWii did
/// not create it, and the SDK sends it again (within RetryOptions::max_attempts);
/// several stay kOutcomeUnknown, naming them. See docs/adr/0010-reconciling-lost-creates.md.
struct ReconcileOptions {
  bool enabled = true;
  /// How far before the attempt the created-from filter reaches: clock skew between
  /// this machine and FLOWii, and FLOWii keeping `created` in local time.
  std::chrono::seconds skew_margin{3 * 3600};
  /// Wait this long before looking, so that a create still being processed has landed.
  std::chrono::milliseconds settle{5000};
  /// At most this many pages of 100 recent records are compared.
  int max_pages = 10;
};

struct PagingOptions {
  /// page[size] sent on every list call when the query sets none; 0 = server default.
  int page_size = 0;
  /// FLOWii's examples never show links.next. By default a missing `next` ends a
  /// listing only once the server has shown that it sends `next` links; set this
  /// to trust a missing `next` from the first page on.
  bool trust_missing_next = false;
  /// Request page k+1 on a background thread while the caller works through page k
  /// (Pager only). Hides one round trip per page; costs one thread per listing and
  /// one page of memory, plus one unneeded request when iteration stops early.
  bool prefetch = false;
  /// Pages a Pager requests at once: pages k..k+N-1 are fetched concurrently, items
  /// still come out in page order, and at most N+1 pages are in memory. 1 = one page
  /// at a time (with `prefetch`, one ahead); more than 1 supersedes `prefetch`.
  /// 1 to kMaxParallelPages; another value makes every call of the Client fail.
  int parallel_pages = 1;
  /// The largest `parallel_pages` (and `Pager::parallel()`): more would only queue
  /// behind the transport and FLOWii's rate limit while holding more memory.
  static constexpr int kMaxParallelPages = 32;
};

/// Opt-in client-side pacing: at most `max_requests` requests start per `per`,
/// evenly spaced and shared by every thread and copy of one Client, so a batch job
/// stays under FLOWii's quota (per API key) instead of collecting 429s. Token
/// requests count too. Waiting uses ClientOptions::sleep and counts against
/// RetryOptions::total_timeout.
struct RateLimitOptions {
  int max_requests = 0;  ///< 0 = no limit
  std::chrono::milliseconds per{1000};
  /// Learn a pace from FLOWii's quota refusals: after a 429 (or 403 "quota
  /// exceeded") requests start evenly spaced at the rate the client had reached,
  /// raised a little after each quiet stretch. Whatever this says, a refusal's
  /// Retry-After holds back every call of the client, not only the refused one.
  /// A client that is never refused is never paced by it. See
  /// docs/adr/0012-concurrent-calls.md.
  bool adaptive = true;
};

/// OAuth tokens as a client holds them, for a program that keeps them between runs
/// (the `flowii` command line's session file). They are credentials: store them
/// where only their user can read them, and never print or log them.
struct Tokens {
  std::string access_token;   ///< empty: only the refresh token is known
  std::string refresh_token;  ///< empty: none
  /// When the access token expires, in calendar time (ClientOptions::wall_clock),
  /// because a steady clock means nothing to another process.
  std::chrono::system_clock::time_point expires_at;
};

/// Something a call is about to do that takes a while, reported to
/// ClientOptions::on_event so that a program can tell its user why it waits.
/// It never holds a secret.
struct CallEvent {
  enum class Kind {
    /// Waiting `wait` (backoff or FLOWii's Retry-After) before attempt `attempt`
    /// of `max_attempts`.
    kRetryWait,
    /// A create's answer was lost: after waiting `wait` the SDK looks in FLOWii for
    /// the record it may have made (ReconcileOptions); `attempt` is the send.
    kReconcile,
  };
  Kind kind = Kind::kRetryWait;
  /// Why: the failed attempt (kRateLimited with HTTP 429, kOutcomeUnknown, ...);
  /// `cause.request()` names the call ("GET /partners").
  Status cause;
  std::chrono::milliseconds wait{0};
  int attempt = 0;
  int max_attempts = 0;
};

/// Per-call overrides.
struct CallOptions {
  /// Overrides the operation's idempotency (true: may be retried like a GET).
  std::optional<bool> idempotent;
  std::optional<int> max_attempts;
  /// Per-attempt timeout for this call.
  std::optional<std::chrono::milliseconds> timeout;
};

struct ClientOptions {
  std::string base_url = "https://api.flowii.com";
  Credentials credentials;
  /// Company to work in: its id, or else its exact name; with neither, the only
  /// company of the access list is used.
  std::string company_id;
  std::string company_name;

  /// Default: make_curl_transport(transport_options).
  std::shared_ptr<HttpTransport> transport;
  TransportOptions transport_options;
  RetryOptions retry;
  ReconcileOptions reconcile;
  PagingOptions paging;
  RateLimitOptions rate_limit;
  LogOptions log;
  /// Appended to "flowii-cpp/<version>" in User-Agent.
  std::string user_agent_suffix;

  /// Renew the token this long before it expires (capped at half its lifetime).
  std::chrono::seconds token_refresh_margin{60};
  /// Credentials and tokens go over plain http:// only to loopback hosts unless this is set.
  bool allow_insecure_http = false;

  /// Injectable time, for tests: a monotonic clock, a sleep function, and the
  /// calendar clock that a Retry-After HTTP-date is measured against. Unset,
  /// they are std::chrono's steady_clock, a real sleep and system_clock.
  std::function<std::chrono::steady_clock::time_point()> clock;
  std::function<void(std::chrono::milliseconds)> sleep;
  std::function<std::chrono::system_clock::time_point()> wall_clock;
  /// Seed for backoff jitter; 0 = random.
  std::uint64_t jitter_seed = 0;

  /// Called on the calling thread before each retry wait and each reconciliation
  /// of a lost create, for progress display. Must be quick and must not throw.
  std::function<void(CallEvent const&)> on_event;

  /// Tokens saved by an earlier run (Client::tokens()): a live access token is used
  /// instead of a token request, and when it is due for renewal the refresh token is
  /// tried before the password grant. Stale or revoked tokens cost a renewal, never
  /// a failure. Credentials are still needed for that renewal.
  std::optional<Tokens> tokens;

  /// Reads FLOWII_API_URL (default https://api.flowii.com), FLOWII_API_KEY,
  /// FLOWII_USERNAME, FLOWII_PASSWORD, FLOWII_COMPANY_ID and FLOWII_LOG. The error
  /// names every missing variable.
  static Result<ClientOptions> from_env();
};

}  // namespace flowii

#endif  // FLOWII_OPTIONS_HPP
