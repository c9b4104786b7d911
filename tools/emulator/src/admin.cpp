// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The /_emulator/ admin API: lets scripts and other languages' tests drive the
// emulator like the C++ API does. Beyond loopback it needs a token
// (Options::admin_token), since it can reset, break and reveal everything.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "clock.hpp"
#include "common/ascii.hpp"
#include "jsonapi.hpp"
#include "service.hpp"
#include "text.hpp"

namespace flowii::emulator {

// The switches by name, as the binary's flags spell them (found by ADL, so
// outside the unnamed namespace).
NLOHMANN_JSON_SERIALIZE_ENUM(RetryAfterForm, {{RetryAfterForm::kSeconds, "seconds"},
                                              {RetryAfterForm::kHttpDate, "http-date"},
                                              {RetryAfterForm::kNone, "none"}})
NLOHMANN_JSON_SERIALIZE_ENUM(TokenErrorShape,
                             {{TokenErrorShape::kOAuth, "oauth"}, {TokenErrorShape::kJsonApi, "jsonapi"}})

namespace {

// 256 bits from the kernel's CSPRNG, as hex: unguessable, and safe in a header and a shell line.
std::string random_token() {
  unsigned char bytes[32];
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  if (!urandom.read(reinterpret_cast<char*>(bytes), sizeof bytes)) {
    throw std::runtime_error("flowii emulator: cannot read /dev/urandom for the admin token");
  }
  std::string hex;
  char digits[3];
  for (unsigned char b : bytes) {
    std::snprintf(digits, sizeof digits, "%02x", static_cast<unsigned>(b));
    hex += digits;
  }
  return hex;
}

// Visible ASCII only: it travels in a header and in a shell export line.
bool valid_token(std::string const& token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (c < '!' || c > '~') return false;
  }
  return true;
}

// Takes as long for a wrong token as for a right one of the same length, so
// that response times reveal nothing of the token's content.
bool same_token(std::string const& given, std::string const& expected) {
  unsigned difference = given.size() == expected.size() ? 0u : 1u;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    unsigned char const g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    difference |= g ^ static_cast<unsigned char>(expected[i]);
  }
  return difference == 0;
}

// Only GET /_emulator/health stays open: readiness probes need no secret, and it reveals nothing but the clock.
bool needs_token(InboundRequest const& request) {
  bool const get = request.method == "GET" || request.method == "HEAD";
  return !(get && request.path == "/_emulator/health");
}

void check_token(Options const& options, InboundRequest const& request) {
  if (options.admin_token.empty() || !needs_token(request)) return;
  std::string const given = request.header(admin_token_header);
  if (same_token(given, options.admin_token)) return;
  ErrorObject error;
  error.status = 401;
  error.header = admin_token_header;
  error.detail = std::string(given.empty() ? "The admin API needs" : "Wrong admin token: send") +
                 " the token flowii-emulator printed at start (FLOWII_EMULATOR_ADMIN_TOKEN) in the " +
                 admin_token_header + " header.";
  throw ErrorReply({error});
}

// A body, when there is one, is a JSON object; none reads as {}.
nlohmann::json parse_body(InboundRequest const& request) {
  if (trim(request.body).empty()) return nlohmann::json::object();
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded()) throw ErrorReply(400, "The body is not valid JSON.");
  if (!body.is_object()) throw ErrorReply(400, "The body must be a JSON object.");
  return body;
}

constexpr std::pair<Emulator::Breakage, char const*> breakages[] = {
    {Emulator::Breakage::kNone, "none"},
    {Emulator::Breakage::kClose, "close"},
    {Emulator::Breakage::kReset, "reset"},
    {Emulator::Breakage::kGarbage, "garbage"},
    {Emulator::Breakage::kStall, "stall"},
    {Emulator::Breakage::kTruncatedBody, "truncated_body"},
    {Emulator::Breakage::kSlowBody, "slow_body"},
    {Emulator::Breakage::kCloseAfterProcessing, "close_after_processing"},
    {Emulator::Breakage::kResetAfterProcessing, "reset_after_processing"},
    {Emulator::Breakage::kStallAfterProcessing, "stall_after_processing"}};

char const* breakage_name(Emulator::Breakage b) {
  for (auto const& [value, name] : breakages) {
    if (value == b) return name;
  }
  return "none";
}

Emulator::Breakage breakage_named(std::string const& text) {
  for (auto const& [value, name] : breakages) {
    if (text == name) return value;
  }
  std::string names;
  for (auto const& [value, name] : breakages) names += (names.empty() ? "" : ", ") + std::string(name);
  throw ErrorReply({at_pointer(400, "/breakage", "breakage must be one of " + names + ".")});
}

nlohmann::json fault_json(Emulator::Fault const& f) {
  return {{"method", f.method},
          {"path_prefix", f.path_prefix},
          {"times", f.times},
          {"status", f.status},
          {"retry_after", f.retry_after ? nlohmann::json(*f.retry_after) : nlohmann::json()},
          {"delay_ms", f.delay.count()},
          {"close_connection", f.close_connection},
          {"breakage", breakage_name(f.breakage)},
          {"hold_ms", f.hold.count()}};
}

Emulator::Fault fault_from(nlohmann::json const& body) {
  Emulator::Fault f;
  try {
    f.method = body.value("method", std::string());
    f.path_prefix = body.value("path_prefix", std::string());
    f.times = body.value("times", 1);
    f.status = body.value("status", 0);
    if (body.contains("retry_after") && !body["retry_after"].is_null()) {
      auto const& r = body["retry_after"];
      f.retry_after = r.is_string() ? r.get<std::string>() : r.dump();
    }
    f.delay = std::chrono::milliseconds(body.value("delay_ms", 0));
    f.close_connection = body.value("close_connection", false);
    f.breakage = breakage_named(body.value("breakage", std::string("none")));
    f.hold = std::chrono::milliseconds(body.value("hold_ms", 1000));
  } catch (nlohmann::json::exception const& e) {
    throw ErrorReply(400, std::string("Invalid fault: ") + e.what());
  }
  // Over HTTP a fault that does nothing is a mistake (often a missing body), not a request.
  if (f.status == 0 && f.delay.count() <= 0 && !f.close_connection && f.breakage == Emulator::Breakage::kNone) {
    throw ErrorReply(400, "A fault needs status, delay_ms, close_connection or breakage.");
  }
  return f;
}

nlohmann::json switches_json(Options const& o) {
  return {{"send_next_links", o.send_next_links},
          {"retry_after", o.retry_after},
          {"quota_status", o.quota_status},
          {"token_errors", o.token_errors},
          {"rate_limit", o.rate_limit},
          {"rate_window_seconds", o.rate_window.count()},
          {"server_clock_skew_seconds", o.server_clock_skew.count()}};
}

template <typename Enum>
void set_named(nlohmann::json const& body, char const* key, Enum& field) {
  if (!body.contains(key)) return;
  Enum const parsed = body[key].get<Enum>();  // an unknown name gives the first value
  if (nlohmann::json(parsed) != body[key]) {
    throw ErrorReply({at_pointer(400, std::string("/") + key, std::string("Unknown value for ") + key + ".")});
  }
  field = parsed;
}

// Fields absent from the body keep their value.
Options switches_from(nlohmann::json const& body, Options o) {
  try {
    o.send_next_links = body.value("send_next_links", o.send_next_links);
    set_named(body, "retry_after", o.retry_after);
    o.quota_status = body.value("quota_status", o.quota_status);
    set_named(body, "token_errors", o.token_errors);
    o.rate_limit = body.value("rate_limit", o.rate_limit);
    o.rate_window = std::chrono::seconds(body.value("rate_window_seconds", o.rate_window.count()));
    o.server_clock_skew = std::chrono::seconds(body.value("server_clock_skew_seconds", o.server_clock_skew.count()));
  } catch (nlohmann::json::exception const& e) {
    throw ErrorReply(400, std::string("Invalid switches: ") + e.what());
  }
  return o;
}

nlohmann::json journal_json(Service const& service) {
  nlohmann::json entries = nlohmann::json::array();
  for (auto const& e : service.journal()) {
    entries.push_back({{"method", e.method}, {"path", e.path}, {"query", e.query}, {"status", e.status}});
  }
  return {{"entries", std::move(entries)},
          {"token_grants",
           {{"password", service.token_grants("password")}, {"refresh_token", service.token_grants("refresh_token")}}},
          {"faults_fired", service.faults_fired()}};
}

HttpReply json_reply(nlohmann::json const& body) {
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = body.dump();
  return reply;
}

HttpReply health(Service& service, InboundRequest const&) {
  auto const now = service.now();
  return json_reply({{"status", "ok"}, {"version", version}, {"now", now}, {"now_http", format_http_date(now)}});
}

HttpReply get_journal(Service& service, InboundRequest const&) { return json_reply(journal_json(service)); }

HttpReply clear_journal(Service& service, InboundRequest const& request) {
  parse_body(request);  // takes no fields, but refuses a malformed body
  service.clear_journal();
  return no_content();
}

HttpReply reset(Service& service, InboundRequest const& request) {
  parse_body(request);
  service.reset();
  return no_content();
}

HttpReply advance_clock(Service& service, InboundRequest const& request) {
  auto const body = parse_body(request);
  if (!body.contains("advance_seconds") || !body["advance_seconds"].is_number_integer()) {
    throw ErrorReply({at_pointer(400, "/advance_seconds", "advance_seconds must be an integer.")});
  }
  service.advance_clock(std::chrono::seconds(body["advance_seconds"].get<std::int64_t>()));
  return json_reply({{"now", service.now()}});
}

HttpReply add_fault(Service& service, InboundRequest const& request) {
  service.inject(fault_from(parse_body(request)));
  return json_reply({{"pending", service.pending_faults().size()}});
}

HttpReply list_faults(Service& service, InboundRequest const&) {
  nlohmann::json pending = nlohmann::json::array();
  for (auto const& f : service.pending_faults()) pending.push_back(fault_json(f));
  return json_reply({{"fired", service.faults_fired()}, {"pending", std::move(pending)}});
}

HttpReply get_switches(Service& service, InboundRequest const&) {
  return json_reply(switches_json(service.switches()));
}

HttpReply set_switches(Service& service, InboundRequest const& request) {
  try {
    service.set_switches(switches_from(parse_body(request), service.switches()));
  } catch (std::invalid_argument const& e) {
    throw ErrorReply(422, e.what());
  }
  return json_reply(switches_json(service.switches()));
}

HttpReply expire_tokens(Service& service, InboundRequest const& request) {
  parse_body(request);
  service.expire_tokens();
  return no_content();
}

HttpReply connections(Service& service, InboundRequest const&) {
  return json_reply({{"accepted", service.connections_accepted()}});
}

HttpReply add_partners(Service& service, InboundRequest const& request) {
  auto const body = parse_body(request);
  auto const& count = body.contains("count") ? body["count"] : nlohmann::json();
  if (!count.is_number_unsigned() || !body.contains("company_id") || !body["company_id"].is_string()) {
    throw ErrorReply(400, "The body needs company_id (a string) and count (a non-negative integer).");
  }
  // A runaway count would hold the emulator (and this answer) for hours; the benchmarks use 100000.
  constexpr std::size_t most = 1000000;
  if (count.get<std::size_t>() > most) {
    throw ErrorReply({at_pointer(400, "/count", "count must be at most " + std::to_string(most) + " per call.")});
  }
  try {
    service.add_partners(body["company_id"].get<std::string>(), count.get<std::size_t>());
  } catch (std::invalid_argument const& e) {
    throw ErrorReply(400, e.what());
  }
  return json_reply({{"added", count}});
}

struct AdminRoute {
  char const* method;
  char const* path;
  HttpReply (*handler)(Service&, InboundRequest const&);
};

constexpr AdminRoute routes[] = {
    {"GET", "/_emulator/health", health},
    {"GET", "/_emulator/journal", get_journal},
    {"DELETE", "/_emulator/journal", clear_journal},
    {"POST", "/_emulator/reset", reset},
    {"POST", "/_emulator/clock", advance_clock},
    {"POST", "/_emulator/faults", add_fault},
    {"GET", "/_emulator/faults", list_faults},
    {"GET", "/_emulator/switches", get_switches},
    {"POST", "/_emulator/switches", set_switches},
    {"POST", "/_emulator/tokens/expire", expire_tokens},
    {"GET", "/_emulator/connections", connections},
    {"POST", "/_emulator/partners", add_partners},
};

// 404 for an unknown path; 405 with Allow for a known one and another method.
HttpReply route(Service& service, InboundRequest const& request) {
  std::string const method = request.method == "HEAD" ? "GET" : request.method;
  std::string allow;
  for (auto const& r : routes) {
    if (request.path != r.path) continue;
    if (method == r.method) return r.handler(service, request);
    allow += (allow.empty() ? "" : ", ") + std::string(r.method);
  }
  if (allow.empty()) throw ErrorReply(404, "Unknown admin endpoint " + request.path + ".");
  throw ErrorReply(405, request.method + " is not allowed on " + request.path + ".", {{"Allow", allow}});
}

}  // namespace

bool is_loopback_host(std::string const& host) {
  if (common::iequals(host, "localhost")) return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) != 1) return false;  // another name: assume it is reachable
  if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
  return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

void resolve_admin_token(Options& options) {
  if (!options.admin_token.empty()) {
    if (!valid_token(options.admin_token)) {
      throw std::invalid_argument("flowii emulator options: admin_token must be printable ASCII without spaces");
    }
    return;
  }
  if (!is_loopback_host(options.host)) options.admin_token = random_token();
}

HttpReply handle_admin(Service& service, InboundRequest const& request) {
  try {
    check_token(service.options(), request);  // before routing: without it, not even which paths exist
    return route(service, request);
  } catch (ErrorReply const& e) {
    return error_reply(e);
  }
}

}  // namespace flowii::emulator
