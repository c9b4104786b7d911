// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "http/http_error.hpp"

#include "common/ascii.hpp"
#include "core/jsonapi.hpp"
#include "http/redact.hpp"
#include "http/retry_after.hpp"

namespace flowii::detail {
namespace {

// FLOWii's throttling answer is known by its title ("API calls quota exceeded!");
// whether it comes as 429 or 403 is not documented, so a 403 carrying that title
// is treated as the 429 it means: kRateLimited, and retried as an explicit refusal.
bool is_quota_refusal(int status, ErrorBody const& body) {
  if (status != 403) return false;
  for (auto const& e : body.errors) {
    if (common::contains_lower(e.title, "quota exceeded")) return true;
  }
  return false;
}

void add_request_id(Status& s, HttpHeaders const& headers) {
  if (auto id = find_header(headers, "X-Request-Id")) {
    s.with_request_id(*id);
  } else if (auto rid = find_header(headers, "Request-Id")) {
    s.with_request_id(*rid);
  }
}

// An HTML page or another media type is no FLOWii answer, whatever its status
// (a wrong base URL's 404 page, a proxy's): kInvalidResponse with the base-URL hint.
Status status_for(HttpResponse const& response, ErrorBody const& body) {
  int const meaning = is_quota_refusal(response.status, body) ? 429 : response.status;
  auto const foreign =
      body.errors.empty() && body.oauth_error.empty() && body.message.empty() ? foreign_body(response) : std::nullopt;
  if (!foreign) return Status(code_for_http(meaning), advice_for_http(meaning));
  return Status(ErrorCode::kInvalidResponse, "got " + *foreign + " with HTTP " + std::to_string(response.status) +
                                                 ", not FLOWii's JSON. " + base_url_hint() + " (From FLOWii, HTTP " +
                                                 std::to_string(response.status) +
                                                 " would mean: " + advice_for_http(meaning) + ")");
}

// The token endpoint's refusal, by the OAuth code: which credential to check.
Status token_status_for(int status, std::string const& oauth_error) {
  if (oauth_error == "invalid_client" || (oauth_error.empty() && status == 401)) {
    return Status(ErrorCode::kUnauthenticated,
                  "FLOWii rejected the API key. Check the Api-Key (FLOWII_API_KEY): it is per user, found in FLOWii "
                  "under Settings > Extensions > API.");
  }
  if (oauth_error == "invalid_grant") {
    return Status(ErrorCode::kUnauthenticated,
                  "FLOWii rejected the login. Check the user name (FLOWII_USERNAME) and password (FLOWII_PASSWORD).");
  }
  if (oauth_error == "unsupported_grant_type" || oauth_error == "invalid_request") {
    return Status(ErrorCode::kInvalidArgument, "FLOWii refused the token request (" + oauth_error + ").");
  }
  if (status == 429) {
    return Status(code_for_http(status), "FLOWii's request quota is exceeded; wait and try again.");
  }
  if (status >= 500) return Status(code_for_http(status), "the FLOWii token endpoint failed; try again later.");
  return Status(ErrorCode::kUnauthenticated, "the token request failed.");
}

}  // namespace

namespace {

// What each status FLOWii uses means: one row per status, so the code and the
// advice cannot drift apart.
struct Meaning {
  int status;
  ErrorCode code;
  char const* advice;
};
constexpr char kUnavailable[] = "FLOWii is temporarily unavailable; try again later.";
constexpr Meaning kMeanings[] = {
    {400, ErrorCode::kInvalidArgument,
     "FLOWii rejected the request as malformed; see errors() for the parameter or field."},
    {401, ErrorCode::kUnauthenticated,
     "FLOWii rejected the access token even after renewing it; check that the API key (FLOWII_API_KEY) belongs to "
     "the user (FLOWII_USERNAME)."},
    {403, ErrorCode::kPermissionDenied,
     "access denied: the user may not use this company or module; check FLOWII_COMPANY_ID and the user's "
     "permissions in FLOWii."},
    {404, ErrorCode::kNotFound, "not found: no such record in this company, or the path is not a FLOWii endpoint."},
    {405, ErrorCode::kMethodNotAllowed, "FLOWii does not allow this method on this path."},
    {408, ErrorCode::kTimeout, "FLOWii timed out waiting for the request; try again."},
    {409, ErrorCode::kConflict, "conflict: the type or id in the body does not match the request."},
    {422, ErrorCode::kInvalidArgument,
     "FLOWii could not validate the data; see errors() for the fields (source.pointer)."},
    {429, ErrorCode::kRateLimited,
     "FLOWii's request quota is exceeded (too many requests); slow down or retry after the time in retry_after()."},
    {502, ErrorCode::kUnavailable, kUnavailable},
    {503, ErrorCode::kUnavailable, kUnavailable},
    {504, ErrorCode::kUnavailable, kUnavailable},
};

Meaning const* meaning_of(int status) {
  for (auto const& m : kMeanings) {
    if (m.status == status) return &m;
  }
  return nullptr;
}

}  // namespace

ErrorCode code_for_http(int status) {
  if (auto const* m = meaning_of(status)) return m->code;
  return status >= 500 ? ErrorCode::kInternal : ErrorCode::kUnknown;
}

std::string advice_for_http(int status) {
  if (auto const* m = meaning_of(status)) return m->advice;
  if (status >= 500) return "FLOWii had a server error; try again later.";
  return "unexpected HTTP status " + std::to_string(status) + ".";
}

Status error_from_response(HttpResponse const& response, std::string const& request,
                           std::chrono::system_clock::time_point now) {
  auto const body = parse_error_body(response.body);
  Status s = status_for(response, body);
  s.with_http_status(response.status)
      .with_errors(body.errors)
      .with_oauth_error(body.oauth_error, body.oauth_error_description)
      .with_request(request);
  if (auto ra = find_header(response.headers, "Retry-After")) s.with_retry_after(parse_retry_after(*ra, now));
  add_request_id(s, response.headers);
  if (body.errors.empty() && body.oauth_error.empty()) {
    if (!body.message.empty()) {
      s.with_message(s.message() + " Server says: " + body.message);
    } else if (!response.body.empty()) {
      s.with_body_excerpt(redacted_excerpt(response.body));
    }
  }
  return s;
}

Status token_error_from_response(HttpResponse const& response) {
  auto body = parse_error_body(response.body);
  // The OAuth shape is what FLOWii documents; a JSON:API errors[] body carries
  // the same OAuth code in errors[0].code.
  if (body.oauth_error.empty() && !body.errors.empty()) {
    body.oauth_error = body.errors.front().code;
    body.oauth_error_description = body.errors.front().detail;
  }
  Status s = token_status_for(response.status, body.oauth_error);
  if (!body.oauth_error_description.empty()) {
    s.with_message(s.message() + " Server says: " + body.oauth_error_description);
  } else if (!body.message.empty()) {
    s.with_message(s.message() + " Server says: " + body.message);
  }
  s.with_http_status(response.status)
      .with_oauth_error(body.oauth_error, body.oauth_error_description)
      .with_errors(body.errors)
      .with_request("POST /token");
  if (body.oauth_error.empty() && body.errors.empty()) s.with_body_excerpt(redacted_excerpt(response.body));
  return s;
}

int status_meaning(Status const& error, int http_status) {
  return error.code() == ErrorCode::kRateLimited ? 429 : http_status;
}

bool is_retryable_status(int meaning, bool idempotent) {
  if (meaning == 408 || meaning == 429 || meaning == 502 || meaning == 503 || meaning == 504) return true;
  return meaning == 500 && idempotent;
}

bool is_explicit_refusal(int meaning) { return meaning == 429 || meaning == 503; }

}  // namespace flowii::detail
