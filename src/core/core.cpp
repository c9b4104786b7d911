// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/core.hpp"

#include "common/ascii.hpp"

#include <algorithm>
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
  scheme = common::to_lower(url.substr(0, colon));
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

// Clocks and sleep default to the real ones, and the base URL loses trailing
// slashes, before any layer keeps a reference to the options.
ClientOptions normalized(ClientOptions options) {
  if (!options.clock) options.clock = [] { return std::chrono::steady_clock::now(); };
  if (!options.sleep) options.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  if (!options.wall_clock) options.wall_clock = [] { return std::chrono::system_clock::now(); };
  while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
  return options;
}

// What is wrong with the options, checked once: every call returns it.
Status config_error(ClientOptions const& o) {
  std::string scheme, host;
  if (!split_base_url(o.base_url, scheme, host) || (scheme != "https" && scheme != "http")) {
    return Status(ErrorCode::kInvalidArgument,
                  "the base URL must look like https://api.flowii.com (no user name or password in it); "
                  "check ClientOptions::base_url / FLOWII_API_URL");
  }
  if (scheme == "http" && !is_loopback_host(host) && !o.allow_insecure_http) {
    return Status(ErrorCode::kInvalidArgument, "refusing to send the API key and password over plain http:// to " +
                                                   host + "; use https:// or set ClientOptions::allow_insecure_http");
  }
  if (o.rate_limit.max_requests < 0 || (o.rate_limit.max_requests > 0 && o.rate_limit.per.count() <= 0)) {
    return Status(ErrorCode::kInvalidArgument,
                  "ClientOptions::rate_limit needs max_requests >= 0 (0 = no limit) and a positive `per`");
  }
  if (o.paging.parallel_pages < 1 || o.paging.parallel_pages > PagingOptions::kMaxParallelPages) {
    return Status(ErrorCode::kInvalidArgument, "ClientOptions::paging.parallel_pages must be 1 to " +
                                                   std::to_string(PagingOptions::kMaxParallelPages) +
                                                   " (1 = one page at a time); got " +
                                                   std::to_string(o.paging.parallel_pages));
  }
  std::string missing;
  if (o.credentials.api_key.empty()) missing += " api_key (FLOWII_API_KEY)";
  if (o.credentials.username.empty()) missing += " username (FLOWII_USERNAME)";
  if (o.credentials.password.empty()) missing += " password (FLOWII_PASSWORD)";
  if (!missing.empty()) return Status(ErrorCode::kInvalidArgument, "missing credentials:" + missing);
  return Status();
}

}  // namespace

Core::Core(ClientOptions options)
    : options_(normalized(std::move(options))),
      config_error_(config_error(options_)),
      wire_(options_),
      token_sender_(wire_),
      tokens_(
          options_.credentials, [this](std::string const& form) { return token_sender_.post(form); }, options_.clock,
          options_.token_refresh_margin),
      pipeline_(wire_, tokens_),
      session_(pipeline_, options_) {
  if (options_.tokens) {
    // Saved tokens carry calendar time; the token cache runs on the steady clock.
    // A year either way is far beyond any token's life, and keeps the sum in range.
    auto const year = std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::hours(24 * 366));
    auto const left = std::clamp(options_.tokens->expires_at - options_.wall_clock(), -year, year);
    tokens_.seed({options_.tokens->access_token,
                  options_.clock() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(left),
                  options_.tokens->refresh_token});
  }
}

std::optional<Tokens> Core::tokens() const {
  auto held = tokens_.held();
  if (!held) return std::nullopt;
  auto const left = held->expires_at - options_.clock();
  return Tokens{held->access, held->refresh,
                options_.wall_clock() + std::chrono::duration_cast<std::chrono::system_clock::duration>(left)};
}

Core::Core(ClientOptions options, Status refusal) : Core(std::move(options)) { config_error_ = std::move(refusal); }

Result<HttpResponse> Core::execute(Call const& call) {
  if (!config_error_.ok()) return Status(config_error_).with_request(call.method + " " + call.path);
  if (auto path = check_path(call); !path.ok()) return path;
  if (!call.company_scoped) return pipeline_.send(call, pipeline_.url(call, nullptr));
  auto id = session_.company_id();
  if (!id) return id.status();
  return pipeline_.send(call, pipeline_.url(call, &*id));
}

Result<Session> Core::session() {
  if (!config_error_.ok()) return config_error_;
  return session_.session();
}

Result<std::vector<Company>> Core::companies(CallOptions const& options) {
  if (!config_error_.ok()) return config_error_;
  return session_.companies(options);
}

Result<std::string> Core::company_id() {
  if (!config_error_.ok()) return config_error_;
  return session_.company_id();
}

}  // namespace flowii::detail
