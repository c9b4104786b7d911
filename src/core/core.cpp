// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/core.hpp"

#include "core/jsonapi.hpp"
#include "http/redact.hpp"
#include "http/retry_after.hpp"

#include <flowii/version.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <thread>

namespace flowii::detail {
namespace {

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "[::1]" || host == "::1") return true;
  // 127.0.0.0/8, as an IPv4 literal only: "127.evil.example" is a DNS name.
  return host.substr(0, 4) == "127." && host.find_first_not_of("0123456789.") == std::string_view::npos;
}

// Splits "scheme://host[:port]/..." into scheme and host (no userinfo handling:
// a base URL with credentials in it is refused).
bool split_base_url(std::string const& url, std::string& scheme, std::string& host) {
  auto colon = url.find("://");
  if (colon == std::string::npos) return false;
  scheme = url.substr(0, colon);
  for (auto& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto rest = url.substr(colon + 3);
  auto end = rest.find_first_of("/?#");
  std::string authority = rest.substr(0, end);
  if (authority.empty() || authority.find('@') != std::string::npos) return false;
  if (authority.front() == '[') {
    host = authority.substr(0, authority.find(']') + 1);
  } else {
    host = authority.substr(0, authority.find(':'));
  }
  return !host.empty();
}

std::string method_and_path(Call const& call) { return call.method + " " + call.path; }

ErrorCode code_for_http(int status) {
  switch (status) {
    case 400:
    case 422:
      return ErrorCode::kInvalidArgument;
    case 401:
      return ErrorCode::kUnauthenticated;
    case 403:
      return ErrorCode::kPermissionDenied;
    case 404:
      return ErrorCode::kNotFound;
    case 405:
      return ErrorCode::kMethodNotAllowed;
    case 408:
      return ErrorCode::kTimeout;
    case 409:
      return ErrorCode::kConflict;
    case 429:
      return ErrorCode::kRateLimited;
    case 502:
    case 503:
    case 504:
      return ErrorCode::kUnavailable;
    default:
      break;
  }
  if (status >= 500) return ErrorCode::kInternal;
  return ErrorCode::kUnknown;
}

std::string advice_for_http(int status) {
  switch (status) {
    case 400:
      return "FLOWii rejected the request as malformed; see errors() for the parameter or field.";
    case 401:
      return "FLOWii rejected the access token even after renewing it; check that the API key (FLOWII_API_KEY) "
             "belongs to the user (FLOWII_USERNAME).";
    case 403:
      return "access denied: the user may not use this company or module; check FLOWII_COMPANY_ID and the user's "
             "permissions in FLOWii.";
    case 404:
      return "not found: no such record in this company, or the path is not a FLOWii endpoint.";
    case 405:
      return "FLOWii does not allow this method on this path.";
    case 408:
      return "FLOWii timed out waiting for the request; try again.";
    case 409:
      return "conflict: the type or id in the body does not match the request.";
    case 422:
      return "FLOWii could not validate the data; see errors() for the fields (source.pointer).";
    case 429:
      return "FLOWii's request quota is exceeded (too many requests); slow down or retry after the time in "
             "retry_after().";
    case 502:
    case 503:
    case 504:
      return "FLOWii is temporarily unavailable; try again later.";
    default:
      break;
  }
  if (status >= 500) return "FLOWii had a server error; try again later.";
  return "unexpected HTTP status " + std::to_string(status) + ".";
}

bool is_retryable_status(int status, bool idempotent) {
  if (status == 408 || status == 429 || status == 502 || status == 503 || status == 504) return true;
  return status == 500 && idempotent;
}

// Statuses with which the server says it did not process the request at all, so
// even a POST may be sent again (docs/adr/0005-retries-and-idempotency.md).
bool is_explicit_refusal(int status) { return status == 429 || status == 503; }

// FLOWii's throttling answer is known by its title ("API calls quota exceeded!");
// whether it comes as 429 or 403 is not documented, so a 403 carrying that title
// is treated as the 429 it means: kRateLimited, and retried as an explicit refusal.
bool is_quota_refusal(int status, ErrorBody const& body) {
  if (status != 403) return false;
  for (auto const& e : body.errors) {
    std::string title = e.title;
    std::transform(title.begin(), title.end(), title.begin(), [](unsigned char c) { return std::tolower(c); });
    if (title.find("quota exceeded") != std::string::npos) return true;
  }
  return false;
}

std::string with_suffix(Status const& s, std::string const& suffix) { return s.message() + " " + suffix; }

// A write whose request may have reached FLOWii without a complete answer coming
// back: the caller must not take it for a failure to retry (a second invoice is a
// legal document). `what` says what happened; the original error stays visible.
Status outcome_unknown(Status const& cause, std::string const& what) {
  Status s(ErrorCode::kOutcomeUnknown,
           what +
               "; the change may have taken effect in FLOWii. Do not repeat it blindly: look for the record "
               "first (for a create, list with a created-from filter; for an update, read the record) (" +
               to_string(cause.code()) + ": " + cause.message() + ")");
  s.with_request(cause.request()).with_attempts(cause.attempts());
  if (cause.http_status() != 0) s.with_http_status(cause.http_status());
  if (!cause.request_id().empty()) s.with_request_id(cause.request_id());
  return s;
}

// Appends `value` percent-encoded (RFC 3986 unreserved characters kept), whole runs
// of unreserved characters at a time: every call's URL is built with it.
void append_url_encoded(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::size_t run = 0;  // start of the current run of unreserved characters
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto const c = static_cast<unsigned char>(value[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      continue;
    }
    out.append(value.data() + run, i - run);
    char const escaped[] = {'%', kHex[c >> 4], kHex[c & 15]};
    out.append(escaped, sizeof(escaped));
    run = i + 1;
  }
  out.append(value.data() + run, value.size() - run);
}

}  // namespace

std::string url_encode(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  append_url_encoded(out, value);
  return out;
}

Core::Core(ClientOptions options)
    : options_(std::move(options)),
      tokens_(
          options_.credentials, [this](std::string const& form) { return post_token(form); },
          options_.clock ? options_.clock : TokenManager::Clock([] { return std::chrono::steady_clock::now(); }),
          options_.token_refresh_margin),
      pacer_(options_.rate_limit.max_requests, options_.rate_limit.per, options_.rate_limit.adaptive) {
  if (!options_.clock) options_.clock = [] { return std::chrono::steady_clock::now(); };
  if (!options_.sleep) options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  if (!options_.wall_clock) options_.wall_clock = [] { return std::chrono::system_clock::now(); };
  if (options_.tokens) {
    // Saved tokens carry calendar time; the token cache runs on the steady clock.
    // A year either way is far beyond any token's life, and keeps the sum in range.
    auto const year = std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::hours(24 * 366));
    auto const left = std::clamp(options_.tokens->expires_at - options_.wall_clock(), -year, year);
    tokens_.seed({options_.tokens->access_token,
                  options_.clock() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(left),
                  options_.tokens->refresh_token});
  }
  transport_ = options_.transport ? options_.transport : make_curl_transport(options_.transport_options);
  rng_.seed(options_.jitter_seed != 0 ? options_.jitter_seed : std::random_device{}());
  user_agent_ = std::string("flowii-cpp/") + version_string();
  if (!options_.user_agent_suffix.empty()) user_agent_ += " " + options_.user_agent_suffix;
  while (!options_.base_url.empty() && options_.base_url.back() == '/') options_.base_url.pop_back();

  std::string scheme, host;
  if (!split_base_url(options_.base_url, scheme, host) || (scheme != "https" && scheme != "http")) {
    config_error_ = Status(ErrorCode::kInvalidArgument,
                           "the base URL must look like https://api.flowii.com (no user name or password in it); "
                           "check ClientOptions::base_url / FLOWII_API_URL");
  } else if (scheme == "http" && !is_loopback_host(host) && !options_.allow_insecure_http) {
    config_error_ =
        Status(ErrorCode::kInvalidArgument, "refusing to send the API key and password over plain http:// to " + host +
                                                "; use https:// or set ClientOptions::allow_insecure_http");
  } else if (options_.rate_limit.max_requests < 0 ||
             (options_.rate_limit.max_requests > 0 && options_.rate_limit.per.count() <= 0)) {
    config_error_ = Status(ErrorCode::kInvalidArgument,
                           "ClientOptions::rate_limit needs max_requests >= 0 (0 = no limit) and a positive `per`");
  } else if (options_.paging.parallel_pages < 1 || options_.paging.parallel_pages > PagingOptions::kMaxParallelPages) {
    config_error_ =
        Status(ErrorCode::kInvalidArgument,
               "ClientOptions::paging.parallel_pages must be 1 to " + std::to_string(PagingOptions::kMaxParallelPages) +
                   " (1 = one page at a time); got " + std::to_string(options_.paging.parallel_pages));
  } else {
    std::string missing;
    if (options_.credentials.api_key.empty()) missing += " api_key (FLOWII_API_KEY)";
    if (options_.credentials.username.empty()) missing += " username (FLOWII_USERNAME)";
    if (options_.credentials.password.empty()) missing += " password (FLOWII_PASSWORD)";
    if (!missing.empty()) {
      config_error_ = Status(ErrorCode::kInvalidArgument, "missing credentials:" + missing);
    }
  }
}

std::optional<Tokens> Core::tokens() const {
  auto held = tokens_.held();
  if (!held) return std::nullopt;
  auto const left = held->expires_at - options_.clock();
  return Tokens{held->access, held->refresh,
                options_.wall_clock() + std::chrono::duration_cast<std::chrono::system_clock::duration>(left)};
}

bool Core::logs(LogLevel level) const {
  auto const& l = options_.log;
  return l.sink && l.level != LogLevel::kOff && level >= l.level;
}

void Core::log(LogLevel level, std::string const& message) const {
  if (logs(level)) options_.log.sink(level, message);
}

HttpHeaders Core::base_headers(Call const& call) const {
  HttpHeaders h;
  h.reserve(5);  // with the caller's Authorization: no reallocation
  h.emplace_back("Api-Key", options_.credentials.api_key);
  h.emplace_back("Accept", call.accept);
  h.emplace_back("User-Agent", user_agent_);
  if (!call.body.empty() || call.method == "POST" || call.method == "PATCH") {
    h.emplace_back("Content-Type", call.content_type);
  }
  return h;
}

std::chrono::milliseconds Core::backoff(int attempt) {
  auto const& r = options_.retry;
  double base = static_cast<double>(r.initial_backoff.count()) * std::pow(std::max(r.multiplier, 1.0), attempt - 1);
  base = std::min(base, static_cast<double>(r.max_backoff.count()));
  double jitter = std::clamp(r.jitter, 0.0, 1.0);
  double factor = 1.0;
  if (jitter > 0) {
    std::lock_guard<std::mutex> lk(rng_mu_);
    factor = std::uniform_real_distribution<double>(1.0 - jitter, 1.0 + jitter)(rng_);
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(base * factor));
}

Status Core::error_from_response(Call const& call, HttpResponse const& response) const {
  auto body = parse_error_body(response.body);
  int const meaning = is_quota_refusal(response.status, body) ? 429 : response.status;
  // An HTML page or another media type is no FLOWii answer, whatever its status
  // (a wrong base URL's 404 page, a proxy's): kInvalidResponse with the base-URL hint.
  auto const foreign =
      body.errors.empty() && body.oauth_error.empty() && body.message.empty() ? foreign_body(response) : std::nullopt;
  Status s = foreign ? Status(ErrorCode::kInvalidResponse,
                              "got " + *foreign + " with HTTP " + std::to_string(response.status) +
                                  ", not FLOWii's JSON. " + base_url_hint() + " (From FLOWii, HTTP " +
                                  std::to_string(response.status) + " would mean: " + advice_for_http(meaning) + ")")
                     : Status(code_for_http(meaning), advice_for_http(meaning));
  s.with_http_status(response.status)
      .with_errors(body.errors)
      .with_oauth_error(body.oauth_error, body.oauth_error_description)
      .with_request(method_and_path(call));
  if (auto ra = find_header(response.headers, "Retry-After")) {
    s.with_retry_after(parse_retry_after(*ra, options_.wall_clock()));
  }
  if (auto id = find_header(response.headers, "X-Request-Id")) {
    s.with_request_id(*id);
  } else if (auto rid = find_header(response.headers, "Request-Id")) {
    s.with_request_id(*rid);
  }
  if (body.errors.empty() && body.oauth_error.empty()) {
    if (!body.message.empty()) {
      s.with_message(s.message() + " Server says: " + body.message);
    } else if (!response.body.empty()) {
      s.with_body_excerpt(redacted_excerpt(response.body));
    }
  }
  return s;
}

Status Core::pace(std::string const& where, std::chrono::steady_clock::time_point deadline) {
  pacer_.begin(options_.clock());
  while (true) {
    auto const slot = pacer_.reserve(options_.clock());
    if (slot.wait.count() <= 0) return Status();
    auto const wait = std::chrono::ceil<std::chrono::milliseconds>(slot.wait);
    auto const past_deadline = options_.clock() + wait > deadline;
    if (slot.held && (past_deadline || wait > options_.retry.max_retry_after)) {
      // Sending would only collect a refusal of its own.
      pacer_.abandoned(options_.clock());
      auto const seconds = std::chrono::ceil<std::chrono::seconds>(wait);
      std::string const why = past_deadline ? "(the retry deadline RetryOptions::total_timeout would pass)"
                                            : "more than RetryOptions::max_retry_after (" +
                                                  std::to_string(options_.retry.max_retry_after.count()) + " s)";
      return Status(
                 ErrorCode::kRateLimited,
                 std::string("not sent: FLOWii's request quota is used up and it asked another call of this client ") +
                     "to wait " + std::to_string(seconds.count()) + " s, " + why + ".")
          .with_request(where)
          .with_retry_after(seconds);
    }
    if (past_deadline) {
      pacer_.abandoned(options_.clock());
      return Status(ErrorCode::kTimeout, where +
                                             ": the client-side rate limit (ClientOptions::rate_limit) "
                                             "would delay this call past RetryOptions::total_timeout");
    }
    options_.sleep(wait);
    // Another call may have been refused while this one slept: then wait for FLOWii too.
    if (!pacer_.held(options_.clock())) return Status();
  }
}

Result<HttpResponse> Core::send_with_retries(Call const& call, std::string const& url, bool authenticated) {
  auto const& retry = options_.retry;
  auto const deadline = options_.clock() + retry.total_timeout;
  int const max_attempts = std::max(1, call.options.max_attempts.value_or(retry.max_attempts));
  bool const idempotent = call.options.idempotent.value_or(call.idempotent);
  auto const timeout = call.options.timeout.value_or(std::chrono::milliseconds{0});
  std::string const where = method_and_path(call);
  bool reauthenticated = false;
  int attempts = 0;             // HTTP requests sent, for Status::attempts()
  int retries_used = 0;         // counted against max_attempts (the 401 renewal is not)
  bool may_have_acted = false;  // an earlier attempt reached FLOWii and its outcome is unknown

  while (true) {
    HttpRequest request{call.method, url, base_headers(call), call.body, timeout};
    std::string token;
    if (authenticated) {
      auto t = tokens_.token();
      if (!t) {
        Status s = t.status();
        return s.with_attempts(attempts + s.attempts());  // the token requests count as attempts
      }
      token = std::move(*t);
      request.headers.emplace_back("Authorization", "Bearer " + token);
    }
    if (auto paced = pace(where, deadline); !paced.ok()) return paced.with_attempts(attempts);
    ++attempts;
    auto started = options_.clock();
    if (logs(LogLevel::kDebug)) {  // the hot path: no message is built when nobody reads it
      log(LogLevel::kDebug,
          "request " + call.method + " " + loggable_url(url) + " headers: " + loggable_headers(request.headers));
    }
    auto result = transport_->send(request);
    auto const answered = options_.clock();
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(answered - started).count();
    // Only a 429 or a 403 can be FLOWii's quota refusal; that is told to the pacer below.
    bool const maybe_quota = result && (result->status == 429 || result->status == 403);
    if (!maybe_quota) pacer_.answered(started, answered, /*admitted=*/result.ok());

    Status last;
    std::optional<std::chrono::milliseconds> wait;
    if (!result) {
      last = result.status();
      last.with_request(where).with_attempts(attempts);
      log(LogLevel::kWarn, call.method + " " + loggable_url(url) + " failed after " + std::to_string(elapsed) +
                               " ms: " + last.message());
      auto kind = transport_failure(result.status());
      bool const reached = kind && (*kind == TransportFailure::kSend || *kind == TransportFailure::kReceive);
      if (reached && !idempotent && !call.return_error_responses) {
        return outcome_unknown(last, where + " was sent but no complete answer came back").with_attempts(attempts);
      }
      // Retry only when the request cannot have been processed, or repeating it is safe.
      bool retryable = kind && (*kind == TransportFailure::kConnect || (idempotent && reached));
      if (!retryable) return last;
      may_have_acted = may_have_acted || (kind && *kind != TransportFailure::kConnect);
    } else {
      HttpResponse& response = *result;
      if (logs(LogLevel::kInfo)) {
        log(LogLevel::kInfo, call.method + " " + loggable_url(url) + " -> " + std::to_string(response.status) + " in " +
                                 std::to_string(elapsed) + " ms (attempt " + std::to_string(attempts) + ")");
      }
      if (logs(LogLevel::kDebug)) log(LogLevel::kDebug, "response headers: " + loggable_headers(response.headers));
      if (response.status >= 200 && response.status < 300) return std::move(response);
      if (response.status == 404 && call.method == "DELETE" && may_have_acted) {
        // The earlier attempt whose answer was lost deleted it: the caller's goal holds.
        log(LogLevel::kInfo, where + ": 404 after an attempt that may have deleted it; treating it as deleted");
        response.status = 204;
        response.body.clear();
        return std::move(response);
      }
      if (response.status == 401 && authenticated && !reauthenticated) {
        // The token expired or was revoked: renew once and repeat. FLOWii refused the
        // request before processing it, so this is safe even for a POST.
        tokens_.invalidate(token);
        reauthenticated = true;
        log(LogLevel::kInfo, "401 from FLOWii: renewing the access token and repeating the request once");
        continue;
      }
      last = error_from_response(call, response).with_attempts(attempts);
      int const meaning = last.code() == ErrorCode::kRateLimited ? 429 : response.status;  // a 403 quota refusal too
      if (meaning == 429) {
        // The quota is the API key's, not this call's: every call of the client
        // waits as long as this one will (Retry-After, else this call's backoff).
        wait = last.retry_after() ? std::chrono::milliseconds(*last.retry_after()) : backoff(retries_used + 1);
        pacer_.refused(started, answered, *wait);
      } else if (maybe_quota) {
        pacer_.answered(started, answered, /*admitted=*/true);
      }
      bool allowed = is_retryable_status(meaning, idempotent) && (idempotent || is_explicit_refusal(meaning));
      if (!allowed) {
        if (call.return_error_responses) return std::move(response);
        // 502 and 504 come from a gateway in front of FLOWii, which may have passed
        // the write on before it lost the answer.
        if (!idempotent && (meaning == 502 || meaning == 504)) {
          return outcome_unknown(last,
                                 where + " got " + std::to_string(meaning) + " from a gateway in front of FLOWii");
        }
        return last;
      }
      may_have_acted = may_have_acted || !is_explicit_refusal(meaning);
      if (auto ra = last.retry_after()) {
        if (*ra > retry.max_retry_after) {
          return last.with_message(with_suffix(last, "FLOWii asked to wait " + std::to_string(ra->count()) +
                                                         " s, more than RetryOptions::max_retry_after (" +
                                                         std::to_string(retry.max_retry_after.count()) +
                                                         " s); not waiting."));
        }
        wait = std::chrono::milliseconds(*ra);
      }
      if (call.return_error_responses && retries_used + 1 >= max_attempts) return std::move(response);
    }
    if (++retries_used >= max_attempts) {
      if (attempts == 1) return last;  // retries were not allowed: nothing to add
      return last.with_message(with_suffix(last, "(gave up after " + std::to_string(attempts) + " attempts)"));
    }
    auto delay = wait.value_or(backoff(retries_used));
    if (options_.clock() + delay > deadline) {
      return last.with_message(with_suffix(last, "(the retry deadline RetryOptions::total_timeout would pass)"));
    }
    log(LogLevel::kInfo, "retrying " + where + " in " + std::to_string(delay.count()) + " ms");
    notify(CallEvent{CallEvent::Kind::kRetryWait, last, delay, retries_used + 1, max_attempts});
    options_.sleep(delay);
  }
}

Result<HttpResponse> Core::execute(Call const& call) {
  if (!config_error_.ok()) return config_error_;
  if (call.path.empty() || call.path.front() != '/' || call.path.find("//") != std::string::npos ||
      (call.path.size() > 1 && call.path.back() == '/')) {
    return Status(ErrorCode::kInvalidArgument,
                  "the path must start with '/' and have no empty segment: an id argument is empty? (request " +
                      call.method + " " + call.path + ")");
  }
  std::string url;
  url.reserve(options_.base_url.size() + call.path.size() + 64);  // the usual query without regrowing
  url += options_.base_url;
  url += call.path;
  char sep = '?';
  auto add_param = [&](std::string_view name, std::string_view value) {
    url += sep;
    sep = '&';
    // Brackets stay literal in names (page[number]), as FLOWii's own links show.
    for (std::size_t from = 0;;) {
      auto const bracket = name.find_first_of("[]", from);
      append_url_encoded(url, name.substr(from, bracket == std::string_view::npos ? bracket : bracket - from));
      if (bracket == std::string_view::npos) break;
      url += name[bracket];
      from = bracket + 1;
    }
    url += '=';
    append_url_encoded(url, value);
  };
  if (call.company_scoped) {
    auto id = company_id();
    if (!id) return id.status();
    add_param("companyId", *id);
  }
  for (auto const& [name, value] : call.query) add_param(name, value);
  return send_with_retries(call, url, /*authenticated=*/true);
}

Result<std::string> Core::company_id() {
  {
    // Every call asks: no copy of the session (and its company list) for it.
    std::lock_guard<std::mutex> lk(session_mu_);
    if (session_) return session_->company_id;
  }
  auto s = session();
  if (!s) return s.status();
  return s->company_id;
}

Result<HttpResponse> Core::post_token(std::string const& form) {
  if (!config_error_.ok()) return config_error_;
  Call call;
  call.method = "POST";
  call.path = "/token";
  call.body = form;
  call.content_type = "application/x-www-form-urlencoded";
  call.company_scoped = false;
  call.idempotent = true;  // a second grant only issues a second token
  call.return_error_responses = true;
  return send_with_retries(call, options_.base_url + "/token", /*authenticated=*/false);
}

Result<std::vector<Company>> Core::companies(CallOptions const& options) {
  Call call;
  call.path = "/companies";
  call.company_scoped = false;
  call.options = options;
  auto response = execute(call);
  if (!response) return response.status();
  auto doc = decode_document(*response, {Expected::Shape::kMany, Company::kType});
  if (!doc) return Status(doc.status()).with_request("GET /companies");
  return std::vector<Company>(doc->data.begin(), doc->data.end());
}

Result<Session> Core::session() {
  // Holding the lock while bootstrapping makes concurrent first calls wait for one
  // bootstrap instead of each running their own.
  // A failure is shared with the threads that waited for it, so a wrong password
  // costs one token request, not one per thread.
  auto const seen = bootstraps_.load();
  std::lock_guard<std::mutex> lk(session_mu_);
  if (session_) return *session_;
  if (bootstraps_.load() != seen && !last_bootstrap_error_.ok()) return last_bootstrap_error_;
  auto s = bootstrap();
  if (s) {
    session_ = *s;
  } else {
    last_bootstrap_error_ = s.status();
  }
  bootstraps_.fetch_add(1);
  return s;
}

Result<Session> Core::bootstrap() {
  auto list = companies({});
  if (!list) return list.status();
  Session s;
  s.companies = *list;
  auto describe = [&] {
    std::string all;
    for (auto const& c : s.companies) all += "\n  " + c.id() + "  " + c.name().value_or("");
    return all.empty() ? std::string(" (none: this user has access to no company)") : all;
  };
  Company const* chosen = nullptr;
  std::string const& want_id = options_.company_id;
  std::string const& want_name = options_.company_name;
  for (auto const& c : s.companies) {
    if (!want_id.empty() ? c.id() == want_id : (!want_name.empty() && c.name().value_or("") == want_name)) {
      if (chosen != nullptr) {
        return Status(ErrorCode::kCompanySelection, "more than one company is named '" + want_name +
                                                        "'; set the company id instead "
                                                        "(ClientOptions::company_id / FLOWII_COMPANY_ID). Companies:" +
                                                        describe());
      }
      chosen = &c;
    }
  }
  if (want_id.empty() && want_name.empty()) {
    if (s.companies.size() == 1) {
      chosen = &s.companies.front();
    } else {
      return Status(ErrorCode::kCompanySelection,
                    "this user has access to " + std::to_string(s.companies.size()) +
                        " companies; choose one with ClientOptions::company_id (FLOWII_COMPANY_ID) or "
                        "company_name. Companies:" +
                        describe());
    }
  }
  if (chosen == nullptr) {
    std::string wanted = !want_id.empty() ? "id " + want_id : "name '" + want_name + "'";
    return Status(ErrorCode::kCompanySelection,
                  "the company with " + wanted + " is not in this user's access list. Companies:" + describe());
  }
  s.company_id = chosen->id();
  s.company_name = chosen->name().value_or("");

  Call self;
  self.path = "/users/self";
  self.company_scoped = false;  // the session is not set yet; companyId is given explicitly
  self.query.emplace_back("companyId", s.company_id);
  auto response = execute(self);
  if (!response) return response.status();
  auto doc = decode_document(*response, {Expected::Shape::kOne, User::kType});
  if (!doc) return Status(doc.status()).with_request("GET /users/self");
  if (doc->data.empty()) {
    return Status(ErrorCode::kInvalidResponse, "GET /users/self did not return a user").with_request("GET /users/self");
  }
  User user(doc->data.front());
  s.user_id = user.id();
  s.user_name = user.name().value_or("");
  log(LogLevel::kInfo, "session: company " + s.company_id + ", user " + s.user_id);
  return s;
}

}  // namespace flowii::detail
