// The /_emulator/ admin API: lets scripts and other languages' tests drive the
// emulator like the C++ API does.
#include <stdexcept>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "clock.hpp"
#include "jsonapi.hpp"
#include "service.hpp"

namespace flowii::emulator {

// The switches by name, as the binary's flags spell them (found by ADL, so
// outside the unnamed namespace).
NLOHMANN_JSON_SERIALIZE_ENUM(RetryAfterForm, {{RetryAfterForm::seconds, "seconds"},
                                              {RetryAfterForm::http_date, "http-date"},
                                              {RetryAfterForm::none, "none"}})
NLOHMANN_JSON_SERIALIZE_ENUM(TokenErrorShape,
                             {{TokenErrorShape::oauth, "oauth"}, {TokenErrorShape::jsonapi, "jsonapi"}})

namespace {

nlohmann::json parse_body(HttpRequest const& request) {
  auto body = nlohmann::json::parse(request.body.empty() ? "{}" : request.body, nullptr, false);
  if (!body.is_object()) throw ApiError(400, "The body must be a JSON object.");
  return body;
}

constexpr std::pair<Emulator::Breakage, char const*> breakages[] = {
    {Emulator::Breakage::none, "none"},          {Emulator::Breakage::close, "close"},
    {Emulator::Breakage::reset, "reset"},        {Emulator::Breakage::garbage, "garbage"},
    {Emulator::Breakage::stall, "stall"},        {Emulator::Breakage::truncated_body, "truncated_body"},
    {Emulator::Breakage::slow_body, "slow_body"}};

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
  throw ApiError({at_pointer(400, "/breakage",
                             "breakage must be one of none, close, reset, garbage, stall, "
                             "truncated_body, slow_body.")});
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
  try {
    Emulator::Fault f;
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
    return f;
  } catch (nlohmann::json::exception const& e) {
    throw ApiError(400, std::string("Invalid fault: ") + e.what());
  }
}

nlohmann::json switches_json(Options const& o) {
  return {{"send_next_links", o.send_next_links}, {"retry_after", o.retry_after},
          {"quota_status", o.quota_status},       {"token_errors", o.token_errors},
          {"rate_limit", o.rate_limit},           {"rate_window_seconds", o.rate_window.count()}};
}

template <typename Enum>
void set_named(nlohmann::json const& body, char const* key, Enum& field) {
  if (!body.contains(key)) return;
  Enum const parsed = body[key].get<Enum>();  // an unknown name gives the first value
  if (nlohmann::json(parsed) != body[key]) {
    throw ApiError({at_pointer(400, std::string("/") + key, std::string("Unknown value for ") + key + ".")});
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
  } catch (nlohmann::json::exception const& e) {
    throw ApiError(400, std::string("Invalid switches: ") + e.what());
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

HttpReply route(Service& service, HttpRequest const& request) {
  auto const& path = request.path;
  auto const& method = request.method;
  auto is = [&](char const* m, char const* p) { return method == m && path == p; };

  if (is("GET", "/_emulator/health")) {
    auto const now = service.now();
    return json_reply({{"status", "ok"}, {"version", version}, {"now", now}, {"now_http", format_http_date(now)}});
  }
  if (is("GET", "/_emulator/journal")) return json_reply(journal_json(service));
  if (is("DELETE", "/_emulator/journal")) {
    service.clear_journal();
    return no_content();
  }
  if (is("POST", "/_emulator/reset")) {
    service.reset();
    return no_content();
  }
  if (is("POST", "/_emulator/clock")) {
    auto const body = parse_body(request);
    if (!body.contains("advance_seconds") || !body["advance_seconds"].is_number_integer()) {
      throw ApiError({at_pointer(400, "/advance_seconds", "advance_seconds must be an integer.")});
    }
    service.advance_clock(std::chrono::seconds(body["advance_seconds"].get<std::int64_t>()));
    return json_reply({{"now", service.now()}});
  }
  if (is("POST", "/_emulator/faults")) {
    service.inject(fault_from(parse_body(request)));
    return json_reply({{"pending", service.pending_faults().size()}});
  }
  if (is("GET", "/_emulator/switches")) return json_reply(switches_json(service.options()));
  if (is("POST", "/_emulator/switches")) {
    try {
      service.set_switches(switches_from(parse_body(request), service.options()));
    } catch (std::invalid_argument const& e) {
      throw ApiError(422, e.what());
    }
    return json_reply(switches_json(service.options()));
  }
  if (is("GET", "/_emulator/faults")) {
    nlohmann::json pending = nlohmann::json::array();
    for (auto const& f : service.pending_faults()) pending.push_back(fault_json(f));
    return json_reply({{"fired", service.faults_fired()}, {"pending", std::move(pending)}});
  }
  if (is("POST", "/_emulator/tokens/expire")) {
    service.expire_tokens();
    return no_content();
  }
  if (is("GET", "/_emulator/connections")) return json_reply({{"accepted", service.connections_accepted()}});
  if (is("POST", "/_emulator/partners")) {
    auto const body = parse_body(request);
    auto const& count = body.contains("count") ? body["count"] : nlohmann::json();
    if (!count.is_number_unsigned() || !body.contains("company_id") || !body["company_id"].is_string()) {
      throw ApiError(400, "The body needs company_id (a string) and count (a non-negative integer).");
    }
    try {
      service.add_partners(body["company_id"].get<std::string>(), count.get<std::size_t>());
    } catch (std::invalid_argument const& e) {
      throw ApiError(400, e.what());
    }
    return json_reply({{"added", count}});
  }
  throw ApiError(404, "Unknown admin endpoint " + method + " " + path + ".");
}

}  // namespace

HttpReply handle_admin(Service& service, HttpRequest const& request) {
  try {
    return route(service, request);
  } catch (ApiError const& e) {
    return error_reply(e);
  }
}

}  // namespace flowii::emulator
