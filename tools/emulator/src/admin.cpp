// The /_emulator/ admin API: lets scripts and other languages' tests drive the
// emulator like the C++ API does.
#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "clock.hpp"
#include "jsonapi.hpp"
#include "service.hpp"

namespace flowii::emulator {

namespace {

nlohmann::json parse_body(HttpRequest const& request) {
  auto body = nlohmann::json::parse(request.body.empty() ? "{}" : request.body, nullptr, false);
  if (!body.is_object()) throw ApiError(400, "The body must be a JSON object.");
  return body;
}

nlohmann::json fault_json(Emulator::Fault const& f) {
  return {{"method", f.method},
          {"path_prefix", f.path_prefix},
          {"times", f.times},
          {"status", f.status},
          {"retry_after", f.retry_after ? nlohmann::json(*f.retry_after) : nlohmann::json()},
          {"delay_ms", f.delay.count()},
          {"close_connection", f.close_connection}};
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
    return f;
  } catch (nlohmann::json::exception const& e) {
    throw ApiError(400, std::string("Invalid fault: ") + e.what());
  }
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
  if (is("GET", "/_emulator/faults")) {
    nlohmann::json pending = nlohmann::json::array();
    for (auto const& f : service.pending_faults()) pending.push_back(fault_json(f));
    return json_reply({{"fired", service.faults_fired()}, {"pending", std::move(pending)}});
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
