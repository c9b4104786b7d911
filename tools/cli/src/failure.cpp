// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "failure.hpp"

#include <regex>

namespace flowii::cli {

int exit_code_for(Status const& status) noexcept {
  switch (status.code()) {
    case ErrorCode::kOk:
      return kExitOk;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kPermissionDenied:
      return kExitAuth;
    case ErrorCode::kNotFound:
      return kExitNotFound;
    case ErrorCode::kInvalidArgument:
      // Without an HTTP status the SDK refused it before sending: the configuration
      // (a bad FLOWII_API_URL) or the command line (an empty id), not FLOWii.
      return status.http_status() == 0 ? kExitUsage : kExitValidation;
    case ErrorCode::kRateLimited:
    case ErrorCode::kUnavailable:
    case ErrorCode::kTimeout:
    case ErrorCode::kNetwork:
      return kExitTransient;
    case ErrorCode::kCompanySelection:
      return kExitUsage;
    case ErrorCode::kOutcomeUnknown:
      return kExitOutcomeUnknown;
    case ErrorCode::kCancelled:  // a bulk command stopped before this call: nothing was sent
    default:
      return kExitOther;
  }
}

std::vector<Rewrite> const& sdk_rewrites() {
  // The SDK's message text (src/) on the left, whole phrases where the CLI has a
  // better way to say it; its users have flags and variables, not C++ options.
  static std::vector<Rewrite> const kRewrites{
      // The CLI prints FLOWii's error objects itself, one per line.
      {"; see errors() for the parameter or field.", "."},
      {"; see errors() for the fields (source.pointer).", "."},
      {"slow down or retry after the time in retry_after().", "wait before trying again."},
      // The base URL: FLOWII_API_URL or api_url in the config file; no insecure switch.
      {"check ClientOptions::base_url / FLOWII_API_URL", "check FLOWII_API_URL (or api_url in the config file)"},
      {"check FLOWII_API_URL (ClientOptions::base_url)", "check FLOWII_API_URL (or api_url in the config file)"},
      {"use https:// or set ClientOptions::allow_insecure_http",
       "use https:// in FLOWII_API_URL (or api_url in the config file)"},
      // The company: --company or FLOWII_COMPANY_ID; the CLI does not choose by name.
      {"(ClientOptions::company_id / FLOWII_COMPANY_ID)", "(--company or FLOWII_COMPANY_ID)"},
      {"choose one with ClientOptions::company_id (FLOWII_COMPANY_ID) or company_name.",
       "choose one with --company ID or FLOWII_COMPANY_ID."},
      // Retry and rate settings: the CLI uses the SDK's defaults and sets no rate limit.
      {"ClientOptions::rate_limit needs max_requests >= 0 (0 = no limit) and a positive `per`",
       "the client-side rate limit is invalid"},
      {"the client-side rate limit (ClientOptions::rate_limit) would delay this call past RetryOptions::total_timeout",
       "the client-side rate limit would delay this call past flowii's deadline for it"},
      {"more than RetryOptions::max_retry_after (", "more than flowii waits by itself ("},
      // Parallel pages: the CLI lists one page at a time.
      {"ClientOptions::paging.parallel_pages must be 1 to ", "the number of pages listed at once must be 1 to "},
      {"Pager::parallel(", "pages listed at once ("},
      {"(the retry deadline RetryOptions::total_timeout would pass)", "(flowii's deadline for the call would pass)"},
      {"attempts (RetryOptions::max_attempts) are used up", "attempts are used up"},
      {"raise ReconcileOptions::max_pages or look yourself", "look for it yourself"},
      {"exceeds max_response_bytes (", "exceeds flowii's limit ("},
      // TLS and proxies: the CLI takes the system's CA certificates and libcurl's proxy variables.
      {"the CA options (TlsOptions::ca_file / ca_path)", "the system's CA certificates"},
      {"check ProxyOptions (TransportOptions::proxy) or the https_proxy / no_proxy variables",
       "check the https_proxy / no_proxy variables"},
      {"check ProxyOptions::username and ::password (TransportOptions::proxy) or the user:password part of "
       "ProxyOptions::url",
       "check the user:password part of the proxy URL (https_proxy)"},
      {"set ProxyOptions::username and ::password (TransportOptions::proxy), or user:password in the proxy URL "
       "(ProxyOptions::url or the https_proxy variable)",
       "put user:password into the proxy URL (https_proxy=http://user:password@host:port)"},
      // Resources: the CLI gives the id as an argument and --data as JSON.
      {"read it first or set_id()", "give the id of the record to change"},
      {"Resource::from_json: ", ""},
      // Change feeds (`flowii watch`): the CLI keeps the cursor in --cursor FILE
      // and sets the feed's options from --interval.
      {"pass the text ChangeCursor::to_string() wrote, or start without a cursor",
       "give the file flowii watch wrote, or remove it to start again"},
      {"ChangeFeedOptions::page_size must be at least 1", "the page size must be at least 1"},
      {"ChangeFeedOptions::overlap and clock_skew must not be negative", "the polls' overlap must not be negative"},
      {"ChangeFeedOptions::interval must be positive and max_backoff at least interval",
       "--interval must be at least 1 second"},
  };
  return kRewrites;
}

std::string rewrite_sdk_text(std::string text) {
  for (auto const& r : sdk_rewrites()) {
    std::string const from = r.sdk;
    std::string const to = r.cli;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

namespace {

/// A C++ name the table does not know yet (a new SDK message): `Type::member` and
/// `::member` become `member`, `function()` becomes `function`. The qualifier must
/// look like a type (a capital, a lower-case letter), so IPv6 literals stay intact.
std::string without_cpp_names(std::string text) {
  static std::regex const kQualified(R"(\b[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*::([A-Za-z_]))");
  static std::regex const kBareScope(R"((^|[\s(])::([A-Za-z_]))");
  static std::regex const kCall(R"(\b([A-Za-z_][A-Za-z0-9_]*)\(\))");
  text = std::regex_replace(text, kQualified, "$1");
  text = std::regex_replace(text, kBareScope, "$1$2");
  return std::regex_replace(text, kCall, "$1");
}

/// OpenSSL 3 leaves the function of `error:CODE:library:function:reason` empty
/// ("SSL routines::wrong version number"), which reads as C++; one colon says it.
std::string without_empty_openssl_field(std::string const& text) {
  static std::regex const kEmptyField(R"((error:[0-9A-Fa-f]+:[^:]*)::)");
  return std::regex_replace(text, kEmptyField, "$1: ");
}

/// Where a JSON:API error points, as the command line names it.
std::string location(ApiError const& e) {
  std::string const& p = e.source_pointer;
  std::string const attributes = "/data/attributes/";
  std::string const relationships = "/data/relationships/";
  if (p.rfind(attributes, 0) == 0) return "attribute " + p.substr(attributes.size());
  if (p.rfind(relationships, 0) == 0) return "relationship " + p.substr(relationships.size());
  if (!p.empty()) return "at " + p;
  std::string const& q = e.source_parameter;
  if (q.empty()) return {};
  if (q == "companyId") return "--company";
  if (q == "page[number]") return "--page";
  if (q == "page[size]") return "--page-size";
  if (q.rfind("filter[", 0) == 0 && q.back() == ']') return "--filter " + q.substr(7, q.size() - 8);
  return "parameter " + q;
}

/// One error object on its own line: "title: detail (attribute name)".
std::string error_line(ApiError const& e) {
  std::string line = e.title.empty() ? e.code : e.title;
  if (!e.detail.empty()) line += (line.empty() ? "" : ": ") + e.detail;
  std::string const where = location(e);
  if (!where.empty()) line += (line.empty() ? "" : " ") + ("(" + where + ")");
  return without_cpp_names(line);
}

char const* advice(Status const& status) {
  switch (status.code()) {
    case ErrorCode::kUnauthenticated:
      return "check FLOWII_API_KEY, FLOWII_USERNAME and the password (see `flowii login`)";
    case ErrorCode::kPermissionDenied:
      return "your FLOWii user may not do this here; check --company (see `flowii companies`)";
    case ErrorCode::kNotFound:
      return "check the id (the `list` command shows the ids)";
    case ErrorCode::kInvalidArgument:
      return status.http_status() == 0 ? "fix the command line or the configuration (see `flowii --help`)"
                                       : "fix the data named above and try again";
    case ErrorCode::kRateLimited:
      return "FLOWii's quota is used up; wait and try again";
    case ErrorCode::kUnavailable:
    case ErrorCode::kTimeout:
    case ErrorCode::kNetwork:
      return "check FLOWII_API_URL and the network, then try again";
    case ErrorCode::kCompanySelection:
      return "choose one with --company ID (see `flowii companies`)";
    case ErrorCode::kOutcomeUnknown:
      return "the change may have been made: look with `list` or `get ID` before running the command again";
    case ErrorCode::kCancelled:
      return "it was not sent: run it again for what is left";
    default:
      return "";
  }
}

}  // namespace

std::string sdk_message(Status const& status) {
  std::string text = without_cpp_names(without_empty_openssl_field(rewrite_sdk_text(status.message())));
  // The SDK leaves the wait to Status::retry_after(); say it unless the message does.
  if (auto const wait = status.retry_after(); wait && text.find("asked to wait") == std::string::npos) {
    text += " FLOWii asked to wait " + std::to_string(wait->count()) + " s.";
  }
  return text;
}

std::string failure_message(Status const& status) {
  // Status::to_string() without its error objects, which follow one per line.
  std::string message = to_string(status.code());
  if (status.http_status() != 0) message += " (HTTP " + std::to_string(status.http_status()) + ")";
  if (!status.request().empty()) message += " " + status.request();
  message += ": " + sdk_message(status);
  if (!status.request_id().empty()) message += " request-id=" + status.request_id();
  for (auto const& e : status.errors()) message += "\n  " + error_line(e);
  std::string const hint = advice(status);
  if (!hint.empty()) message += "\n  hint: " + hint;
  return message;
}

void fail(Status const& status) { throw Failure(exit_code_for(status), failure_message(status)); }

}  // namespace flowii::cli
