// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "auth.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "clock.hpp"
#include "common/ascii.hpp"
#include "context.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

constexpr std::size_t token_length = 48;

// RFC 6749 §5.2 error: {"error","error_description"}.
struct OAuthError {
  int status;
  std::string error;
  std::string description;
};

// RFC 6749 §5.1: token responses, errors included, must not be cached.
NameValues no_store() { return {{"Cache-Control", "no-store"}, {"Pragma", "no-cache"}}; }

HttpReply oauth_reply(int status, nlohmann::json const& body) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "application/json; charset=utf-8";
  reply.body = body.dump();
  reply.headers = no_store();
  return reply;
}

bool api_key_ok(Ctx const& ctx) {
  auto const key = ctx.request.header("Api-Key");
  return !key.empty() && key == ctx.options.api_key;
}

EmulatedUser const* find_user(Options const& options, std::string const& username) {
  for (auto const& user : options.users) {
    if (common::iequals(user.username, username)) return &user;
  }
  return nullptr;
}

// One form parameter; repeated ones are an error (RFC 6749 §3.2), empty = absent.
std::string form_value(NameValues const& form, std::string const& name, bool required) {
  std::string value;
  int seen = 0;
  for (auto const& [key, v] : form) {
    if (key == name) {
      value = v;
      ++seen;
    }
  }
  if (seen > 1) throw OAuthError{400, "invalid_request", "The " + name + " parameter is repeated."};
  if (required && value.empty()) {
    throw OAuthError{400, "invalid_request", "The " + name + " parameter is missing."};
  }
  return value;
}

EmulatedUser const& password_grant(Ctx const& ctx, NameValues const& form) {
  auto const username = form_value(form, "username", true);
  auto const password = form_value(form, "password", true);
  EmulatedUser const* user = find_user(ctx.options, username);
  if (user == nullptr) throw OAuthError{400, "invalid_grant", "The user name is not known."};
  if (user->password != password) {
    throw OAuthError{400, "invalid_grant", "The password is not correct for this user."};
  }
  return *user;
}

EmulatedUser const& refresh_grant(Ctx& ctx, NameValues const& form) {
  auto const client_id = form_value(form, "client_id", true);
  auto const refresh_token = form_value(form, "refresh_token", true);
  EmulatedUser const* user = find_user(ctx.options, client_id);
  if (user == nullptr || !ctx.state.tokens.redeem(refresh_token, user->username)) {
    throw OAuthError{400, "invalid_grant", "The refresh token is not valid or was already used."};
  }
  return *user;
}

HttpReply grant(Ctx& ctx) {
  if (!api_key_ok(ctx)) throw OAuthError{401, "invalid_client", "The API key is missing or not valid."};
  auto const content_type = common::to_lower(trim(split(ctx.request.header("Content-Type"), ';').front()));
  if (content_type != "application/x-www-form-urlencoded") {
    throw OAuthError{400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded."};
  }
  auto const form = parse_urlencoded(ctx.request.body);
  if (!form) throw OAuthError{400, "invalid_request", "The form body is not correctly encoded."};

  auto const grant_type = form_value(*form, "grant_type", true);
  EmulatedUser const* user = nullptr;
  if (grant_type == "password") {
    user = &password_grant(ctx, *form);
  } else if (grant_type == "refresh_token") {
    user = &refresh_grant(ctx, *form);
  } else {
    throw OAuthError{400, "unsupported_grant_type", "The grant type " + grant_type + " is not supported."};
  }

  auto const grant =
      ctx.state.tokens.issue(user->username, ctx.now(), ctx.options.token_lifetime.count(), ctx.state.token_rng);
  ctx.state.tokens.count_grant(grant_type);
  HttpReply reply = oauth_reply(200, {{"access_token", grant.access_token},
                                      {"token_type", "bearer"},
                                      {"expires_in", ctx.options.token_lifetime.count()},
                                      {"refresh_token", grant.refresh_token},
                                      {"userName", user->username},
                                      {".issued", format_http_date(grant.issued)},
                                      {".expires", format_http_date(grant.expires)}});
  reply.content_type = "application/vnd.api+json";  // what FLOWii documents for this body
  return reply;
}

[[noreturn]] void bearer_failure(std::string detail, bool token_given) {
  // RFC 6750 §3: no error code when the request carried no token at all.
  std::string challenge = "Bearer realm=\"flowii\"";
  if (token_given) challenge += ", error=\"invalid_token\"";
  throw ErrorReply(401, std::move(detail), {{"WWW-Authenticate", challenge}});
}

}  // namespace

TokenStore::Grant TokenStore::issue(std::string const& username, std::int64_t now, std::int64_t lifetime, Rng& rng) {
  Grant g{rng.token(token_length), rng.token(token_length), now, now + lifetime};
  access_[g.access_token] = {username, g.expires};
  refresh_[g.refresh_token] = username;
  return g;
}

TokenStore::Status TokenStore::check(std::string const& access_token, std::int64_t now, std::string& username) const {
  auto const it = access_.find(access_token);
  if (it == access_.end()) return Status::kUnknown;
  if (now >= it->second.expires) return Status::kExpired;
  username = it->second.username;
  return Status::kValid;
}

bool TokenStore::redeem(std::string const& refresh_token, std::string const& username) {
  auto const it = refresh_.find(refresh_token);
  if (it == refresh_.end() || !common::iequals(it->second, username)) return false;
  refresh_.erase(it);
  return true;
}

std::size_t TokenStore::grants(std::string const& grant_type) const {
  auto const it = grants_.find(grant_type);
  return it == grants_.end() ? 0 : it->second;
}

void TokenStore::expire_all(std::int64_t now) {
  for (auto& entry : access_) entry.second.expires = std::min(entry.second.expires, now);
}

void TokenStore::clear() {
  access_.clear();
  refresh_.clear();
  grants_.clear();
}

HttpReply token_endpoint(Ctx& ctx) {
  try {
    return grant(ctx);
  } catch (OAuthError const& e) {
    if (ctx.options.token_errors == TokenErrorShape::kOAuth) {
      return oauth_reply(e.status, {{"error", e.error}, {"error_description", e.description}});
    }
    ErrorObject error = at_pointer(e.status, {}, e.description);
    error.code = e.error;
    return error_reply(ErrorReply({error}, no_store()));
  }
}

void authenticate(Ctx& ctx) {
  if (!api_key_ok(ctx)) throw ErrorReply(401, "The API key is missing or not valid.");
  auto const header = ctx.request.header("Authorization");
  auto const space = header.find(' ');
  if (space == std::string::npos || !common::iequals(header.substr(0, space), "Bearer")) {
    bearer_failure("A bearer access token from /token is required.", false);
  }
  auto const token = trim(header.substr(space + 1));
  std::string username;
  switch (ctx.state.tokens.check(token, ctx.now(), username)) {
    case TokenStore::Status::kUnknown:
      bearer_failure("The access token is not valid.", true);
    case TokenStore::Status::kExpired:
      bearer_failure("The access token has expired.", true);
    case TokenStore::Status::kValid:
      break;
  }
  ctx.user = find_user(ctx.options, username);
  if (ctx.user == nullptr) bearer_failure("The access token is not valid.", true);
}

void authorize_company(Ctx& ctx) {
  auto const values = ctx.request.query_values("companyId");
  if (values.empty()) {
    throw ErrorReply({at_parameter(400, "companyId", "The companyId query parameter is required.")});
  }
  if (std::any_of(values.begin(), values.end(), [&](auto const& v) { return v != values.front(); }) ||
      !is_digits(values.front())) {
    throw ErrorReply({at_parameter(400, "companyId", "companyId must be one company id (a number).")});
  }
  auto const& ids = ctx.user->company_ids;
  if (std::find(ids.begin(), ids.end(), values.front()) == ids.end()) {
    throw ErrorReply(403, "The user has no access to company " + values.front() + ".");
  }
  ctx.company = values.front();
}

}  // namespace flowii::emulator
