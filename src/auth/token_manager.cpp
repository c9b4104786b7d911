// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "auth/token_manager.hpp"

#include "core/jsonapi.hpp"
#include "http/http_error.hpp"
#include "http/percent_encoding.hpp"
#include "http/redact.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace flowii::detail {

TokenManager::TokenManager(Credentials credentials, PostForm post, Clock clock, std::chrono::seconds margin)
    : credentials_(std::move(credentials)), post_(std::move(post)), clock_(std::move(clock)), margin_(margin) {}

std::uint64_t TokenManager::requests() const {
  std::lock_guard<std::mutex> lk(mu_);
  return requests_;
}

void TokenManager::seed(Held const& tokens) {
  std::lock_guard<std::mutex> lk(mu_);
  refresh_token_ = tokens.refresh;
  current_.reset();
  if (tokens.access.empty()) return;
  // The token's lifetime is not known here, so the whole margin applies: a token
  // saved close to its expiry is renewed at once.
  current_ = Token{tokens.access, tokens.expires_at - margin_, tokens.expires_at};
}

std::optional<TokenManager::Held> TokenManager::held() const {
  std::lock_guard<std::mutex> lk(mu_);
  if (!current_ && refresh_token_.empty()) return std::nullopt;
  Held h;
  h.refresh = refresh_token_;
  if (current_) {
    h.access = current_->access;
    h.expires_at = current_->expires_at;
  }
  return h;
}

Result<std::string> TokenManager::token() {
  std::unique_lock<std::mutex> lk(mu_);
  while (true) {
    auto now = clock_();
    if (current_ && now < current_->renew_at) return current_->access;
    // Inside the renewal window another thread is already renewing: the old token
    // is still valid, so use it rather than stall.
    if (fetching_ && current_ && now < current_->expires_at) return current_->access;
    if (!fetching_) break;
    auto generation = generation_;
    cv_.wait(lk, [&] { return !fetching_; });
    // Whoever waited had no usable token and shares the outcome of the fetch it
    // waited for: on failure its error, instead of a fetch of its own (a wrong
    // password would otherwise be sent once per waiting thread).
    if (generation_ != generation && !last_error_.ok()) return last_error_;
  }
  fetching_ = true;
  std::string refresh = refresh_token_;
  auto const grants_before = requests_;
  lk.unlock();

  std::optional<Token> fresh;
  Status status = fetch(fresh, refresh);

  lk.lock();
  // Status::attempts() counts the token requests too: a transport failure carries its
  // own count; an answer FLOWii refused counts the grants sent.
  if (!status.ok() && status.attempts() == 0) status.with_attempts(static_cast<int>(requests_ - grants_before));
  fetching_ = false;
  ++generation_;
  // fetch() cleared a refresh token it used (rotated or rejected) and put in a new
  // one on success: keep exactly that, so a rejected one is never sent again.
  refresh_token_ = refresh;
  if (status.ok()) {
    current_ = fresh;
    last_error_ = Status();
  } else {
    last_error_ = status;
  }
  cv_.notify_all();
  if (!status.ok()) return status;
  return current_->access;
}

void TokenManager::invalidate(std::string const& token) {
  std::lock_guard<std::mutex> lk(mu_);
  if (current_ && current_->access == token) current_.reset();
}

Result<HttpResponse> TokenManager::grant(std::string const& form) {
  {
    std::lock_guard<std::mutex> lk(mu_);
    ++requests_;
  }
  return post_(form);
}

Status TokenManager::fetch(std::optional<Token>& out, std::string& refresh_token) {
  Result<HttpResponse> response = Status(ErrorCode::kUnknown, "no token request was made");
  bool refreshed = false;
  if (!refresh_token.empty()) {
    // The documented refresh grant: client_id is the FLOWii user name.
    response = grant("grant_type=refresh_token&client_id=" + form_encode(credentials_.username) +
                     "&refresh_token=" + form_encode(refresh_token));
    refreshed = response.ok() && response->status == 200;
    refresh_token.clear();  // used (rotated) or rejected: never send it twice
  }
  if (!refreshed) {
    response = grant("grant_type=password&username=" + form_encode(credentials_.username) +
                     "&password=" + form_encode(credentials_.password));
  }
  if (!response) return response.status();
  // An HTML page (or any other non-JSON answer) is not FLOWii's token endpoint at all,
  // whatever its status: a wrong base URL, not a wrong API key or password.
  if (auto foreign = foreign_body(*response)) {
    return Status(ErrorCode::kInvalidResponse, "POST /token answered HTTP " + std::to_string(response->status) +
                                                   " with " + *foreign + ", not FLOWii's token JSON. " +
                                                   base_url_hint())
        .with_http_status(response->status)
        .with_request("POST /token")
        .with_body_excerpt(redacted_excerpt(response->body));
  }
  if (response->status != 200) return token_error_from_response(*response);

  auto body = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object() || !body.contains("access_token") || !body["access_token"].is_string() ||
      body["access_token"].get<std::string>().empty()) {
    return Status(ErrorCode::kInvalidResponse, "POST /token answered 200 without an access_token. " + base_url_hint())
        .with_http_status(response->status)
        .with_request("POST /token")
        .with_body_excerpt(redacted_excerpt(response->body));
  }
  // expires_in is 599 s on FLOWii; when missing, assume 5 minutes like working clients do.
  std::int64_t lifetime = 300;
  if (auto e = body.find("expires_in"); e != body.end()) {
    if (e->is_number()) lifetime = e->get<std::int64_t>();
    if (e->is_string()) lifetime = std::strtoll(e->get<std::string>().c_str(), nullptr, 10);
  }
  lifetime = std::max<std::int64_t>(lifetime, 1);
  auto now = clock_();
  std::int64_t margin = std::min<std::int64_t>(margin_.count(), lifetime / 2);
  Token t;
  t.access = body["access_token"].get<std::string>();
  t.expires_at = now + std::chrono::seconds(lifetime);
  t.renew_at = now + std::chrono::seconds(lifetime - margin);
  out = std::move(t);
  if (auto r = body.find("refresh_token"); r != body.end() && r->is_string()) refresh_token = r->get<std::string>();
  return {};
}

}  // namespace flowii::detail
