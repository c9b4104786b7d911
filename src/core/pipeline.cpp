// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/pipeline.hpp"

#include "core/retry_policy.hpp"

#include <algorithm>

namespace flowii::detail {
namespace {

// Brackets stay literal in names (page[number]), as FLOWii's own links show.
void append_param(std::string& url, char& sep, std::string_view name, std::string_view value) {
  url += sep;
  sep = '&';
  for (std::size_t from = 0;;) {
    auto const bracket = name.find_first_of("[]", from);
    append_percent_encoded(url, name.substr(from, bracket == std::string_view::npos ? bracket : bracket - from));
    if (bracket == std::string_view::npos) break;
    url += name[bracket];
    from = bracket + 1;
  }
  url += '=';
  append_percent_encoded(url, value);
}

}  // namespace

Status check_path(Call const& call) {
  if (call.path.empty() || call.path.front() != '/' || call.path.find("//") != std::string::npos ||
      (call.path.size() > 1 && call.path.back() == '/')) {
    return Status(ErrorCode::kInvalidArgument,
                  "the path must start with '/' and have no empty segment: an id argument is empty? (request " +
                      call.method + " " + call.path + ")");
  }
  return Status();
}

std::string Pipeline::url(Call const& call, std::string const* company_id) const {
  std::string url;
  url.reserve(wire_.base_url().size() + call.path.size() + 64);  // the usual query without regrowing
  url += wire_.base_url();
  url += call.path;
  char sep = '?';
  if (company_id != nullptr) append_param(url, sep, "companyId", *company_id);
  for (auto const& [name, value] : call.query) append_param(url, sep, name, value);
  return url;
}

HttpRequest Pipeline::request(Call const& call, std::string const& url) const {
  bool const has_type = !call.body.empty() || call.method == "POST" || call.method == "PATCH";
  return HttpRequest{call.method, url, wire_.headers(call.accept, has_type ? &call.content_type : nullptr), call.body,
                     call.options.timeout.value_or(std::chrono::milliseconds{0})};
}

Result<HttpResponse> Pipeline::send(Call const& call, std::string const& url) {
  using Action = Decision::Action;
  auto const& retry = wire_.retry();
  auto const deadline = wire_.now() + retry.total_timeout;
  std::string const where = call.method + " " + call.path;
  Progress p{where,
             call.options.idempotent.value_or(call.idempotent),
             call.method == "DELETE",
             /*can_renew=*/true,
             /*may_have_acted=*/false,
             0,
             0,
             std::max(1, call.options.max_attempts.value_or(retry.max_attempts)),
             retry.max_retry_after};
  while (true) {
    HttpRequest request = this->request(call, url);
    auto token = tokens_.token();
    if (!token) return Status(token.status()).with_attempts(p.attempts + token.status().attempts());
    request.headers.emplace_back("Authorization", "Bearer " + *token);
    Attempt attempt = wire_.send(request, where, deadline, {p.attempts + 1, p.retries_used});
    if (!attempt.sent) return Status(attempt.result.status()).with_attempts(p.attempts);
    ++p.attempts;
    Outcome outcome{0, {}, attempt.wait};
    if (attempt.result.ok()) {
      outcome.http_status = attempt.result->status;
      outcome.error = std::move(attempt.error);
    } else {
      outcome.error = attempt.result.status();
    }
    auto d = classify(outcome, p);
    switch (d.action) {
      case Action::kSucceed:
        return std::move(attempt.result);
      case Action::kTreatAsDeleted:
        // The earlier attempt whose answer was lost deleted it: the caller's goal holds.
        wire_.log(LogLevel::kInfo, where + ": 404 after an attempt that may have deleted it; treating it as deleted");
        return HttpResponse{204, std::move(attempt.result->headers), {}};
      case Action::kRenewToken:
        tokens_.invalidate(*token);
        p.can_renew = false;
        wire_.log(LogLevel::kInfo, "401 from FLOWii: renewing the access token and repeating the request once");
        continue;
      case Action::kFail:
      case Action::kOutcomeUnknown:
        return std::move(d.status);
      case Action::kRetry:
        break;
    }
    p.may_have_acted = d.may_have_acted;
    auto const backoff = wire_.backoff(++p.retries_used);  // drawn even when FLOWii said how long
    auto waited =
        wire_.wait_to_retry(d.status, d.wait.value_or(backoff), where, p.retries_used + 1, p.max_attempts, deadline);
    if (!waited.ok()) return waited;
  }
}

}  // namespace flowii::detail
