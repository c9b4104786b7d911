// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A small fake FLOWii for unit tests of the client pipeline, on top of
// flowii::testing::FakeTransport. It behaves like the server the SDK expects, and checks what the
// SDK sends:
//   POST /token      checks Api-Key and the grant; issues access-N / refresh-N
//                    tokens that expire after `expires_in` seconds of the fake clock
//   GET /companies   the access list (`companies`)
//   GET /users/self  the user, for a companyId of the access list
//   anything else    404
// A handler registered with on(method, path) answers instead (it may delegate to
// standard()).
// Every call except /token needs the right Api-Key and a live Bearer token
// (401 otherwise), so a test that passes has really authenticated.
// Time is fake too: FakeClock only moves when told, and SleepRecorder records the
// waits the SDK asks for and advances the clock by them instead of sleeping.
#ifndef FLOWII_TESTS_UNIT_FAKE_FLOWII_HPP
#define FLOWII_TESTS_UNIT_FAKE_FLOWII_HPP

#include <flowii/flowii.hpp>
#include <flowii/testing/fake_transport.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowii::test {

using nlohmann::json;
using testing::empty_response;
using testing::FakeTransport;
using testing::json_response;
using testing::path_of;
using Handler = FakeTransport::Handler;
using QueryList = std::vector<std::pair<std::string, std::string>>;

inline constexpr char kBaseUrl[] = "http://127.0.0.1:1";
inline constexpr char kApiKey[] = "api-key-5ecret-0123";
inline constexpr char kUser[] = "jana.novak+api@example.com";
/// Needs form encoding: '&', ' ', '=', '%' and '+'.
inline constexpr char kPassword[] = "p&ss w=rd%+9";

// ---- time ------------------------------------------------------------------

/// A steady clock that moves only when advanced. Thread-safe.
class FakeClock {
 public:
  std::chrono::steady_clock::time_point now() const {
    return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(ns_.load()));
  }
  void advance(std::chrono::nanoseconds d) { ns_ += d.count(); }

 private:
  // An arbitrary start far from zero, so nothing relies on the epoch.
  std::atomic<std::int64_t> ns_{std::chrono::nanoseconds(std::chrono::hours(1000)).count()};
};

/// Records the waits the SDK asks for and moves the fake clock by them. Thread-safe.
class SleepRecorder {
 public:
  explicit SleepRecorder(FakeClock& clock) : clock_(clock) {}
  void sleep(std::chrono::milliseconds d) {
    std::lock_guard<std::mutex> lk(mu_);
    waits_.push_back(d);
    clock_.advance(d);
  }
  std::vector<std::chrono::milliseconds> waits() const {
    std::lock_guard<std::mutex> lk(mu_);
    return waits_;
  }

 private:
  FakeClock& clock_;
  mutable std::mutex mu_;
  std::vector<std::chrono::milliseconds> waits_;
};

/// Lets N threads meet: arrive() counts one, wait_all() blocks until all arrived
/// (or a generous guard elapses, so a broken SDK fails a test instead of hanging).
class Meeting {
 public:
  explicit Meeting(int expected) : expected_(expected) {}
  void arrive() {
    std::lock_guard<std::mutex> lk(mu_);
    ++arrived_;
    cv_.notify_all();
  }
  /// True when everybody arrived in time.
  bool wait_all() {
    std::unique_lock<std::mutex> lk(mu_);
    return cv_.wait_for(lk, std::chrono::seconds(30), [&] { return arrived_ >= expected_; });
  }

 private:
  int const expected_;
  int arrived_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
};

// ---- reading what the SDK sent ---------------------------------------------

inline std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::strtol(std::string(text.substr(i + 1, 2)).c_str(), nullptr, 16));
      i += 2;
    } else if (text[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

/// `a=1&b=2` into decoded pairs, in order.
inline QueryList split_pairs(std::string_view text, bool plus_is_space) {
  QueryList out;
  while (!text.empty()) {
    auto amp = text.find('&');
    auto item = text.substr(0, amp);
    auto eq = item.find('=');
    out.emplace_back(percent_decode(item.substr(0, eq), plus_is_space),
                     eq == std::string_view::npos ? std::string() : percent_decode(item.substr(eq + 1), plus_is_space));
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
  }
  return out;
}

/// The decoded query parameters of a request URL, in order.
inline QueryList query_of(HttpRequest const& r) {
  auto q = r.url.find('?');
  return q == std::string::npos ? QueryList() : split_pairs(std::string_view(r.url).substr(q + 1), false);
}

inline std::optional<std::string> query_param(HttpRequest const& r, std::string const& name) {
  for (auto const& [k, v] : query_of(r)) {
    if (k == name) return v;
  }
  return std::nullopt;
}

/// A header's value, "" when absent.
inline std::string header(HttpRequest const& r, std::string const& name) {
  auto h = find_header(r.headers, name);
  return h == nullptr ? std::string() : *h;
}

/// The decoded fields of an application/x-www-form-urlencoded body.
inline std::map<std::string, std::string> form_fields(std::string const& body) {
  std::map<std::string, std::string> out;
  for (auto& [k, v] : split_pairs(body, true)) out[k] = v;
  return out;
}

// ---- building answers ----------------------------------------------------------

inline json resource(std::string const& type, std::string const& id, json attributes = json::object()) {
  return json{{"type", type}, {"id", id}, {"attributes", std::move(attributes)}};
}

/// `{"data": data}` merged with `extra` (links, included, meta).
inline std::string document(json data, json extra = json::object()) {
  json doc = extra.is_object() ? std::move(extra) : json::object();
  doc["data"] = std::move(data);
  return doc.dump();
}

inline HttpResponse ok_json(json data, json extra = json::object()) {
  return json_response(200, document(std::move(data), std::move(extra)));
}

/// A JSON:API error answer.
inline HttpResponse api_error(int status, std::string const& title, std::string const& detail = {},
                              std::string const& pointer = {}, HttpHeaders extra = {}) {
  json e{{"status", std::to_string(status)}, {"title", title}};
  if (!detail.empty()) e["detail"] = detail;
  if (!pointer.empty()) e["source"] = json{{"pointer", pointer}};
  return json_response(status, json{{"errors", json::array({e})}}.dump(), std::move(extra));
}

/// An OAuth error answer of the token endpoint.
inline HttpResponse oauth_error(int status, std::string const& error, std::string const& description) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json;charset=UTF-8");
  r.body = json{{"error", error}, {"error_description", description}}.dump();
  return r;
}

/// Answers the given responses in turn, then repeats the last one. Thread-safe.
inline Handler in_turn(std::vector<Result<HttpResponse>> answers) {
  auto state = std::make_shared<std::pair<std::mutex, std::vector<Result<HttpResponse>>>>();
  state->second = std::move(answers);
  auto next = std::make_shared<std::size_t>(0);
  return [state, next](HttpRequest const&) -> Result<HttpResponse> {
    std::lock_guard<std::mutex> lk(state->first);
    auto const& list = state->second;
    auto i = *next < list.size() ? (*next)++ : list.size() - 1;
    return list[i];
  };
}

// ---- the fake server ---------------------------------------------------------

class FakeFlowii {
 public:
  FakeFlowii() : transport_(std::make_shared<FakeTransport>([this](HttpRequest const& r) { return serve(r); })) {}
  FakeFlowii(FakeFlowii const&) = delete;
  FakeFlowii& operator=(FakeFlowii const&) = delete;

  // ---- configuration: set before the client's first call ----
  /// The access list: (id, name) pairs.
  std::vector<std::pair<std::string, std::string>> companies{{"1", "Firma 1"}};
  std::string user_id = "11142";
  std::string user_name = "Priezvisko Meno";
  /// Lifetime of issued tokens; nullopt leaves expires_in out of the answer.
  std::optional<int> expires_in = 599;
  /// Replaces the token endpoint (use grant() inside it for the normal behaviour).
  Handler token_endpoint;

  /// Registers the handler of `method path` (exact path, still percent-encoded).
  void on(std::string method, std::string path, Handler handler) {
    routes_.push_back(Route{std::move(method), std::move(path), std::move(handler)});
  }

  // ---- the client side ----
  FakeClock clock;
  SleepRecorder sleeps{clock};

  /// Options of a client talking to this fake: credentials, fake transport and time,
  /// no backoff jitter. The fake must outlive every client made from them.
  ClientOptions options() {
    ClientOptions o;
    o.base_url = kBaseUrl;
    o.credentials = Credentials{kApiKey, kUser, kPassword};
    o.transport = transport_;
    o.clock = [this] { return clock.now(); };
    o.sleep = [this](std::chrono::milliseconds d) { sleeps.sleep(d); };
    o.retry.jitter = 0;
    return o;
  }
  Client client() { return Client(options()); }

  // ---- what the SDK sent ----
  std::vector<HttpRequest> requests() const { return transport_->requests(); }
  /// Requests to exactly `method path` (path without query).
  std::vector<HttpRequest> requests_to(std::string const& method, std::string const& path) const {
    std::vector<HttpRequest> out;
    for (auto& r : transport_->requests()) {
      if (r.method == method && path_of(r) == path) out.push_back(std::move(r));
    }
    return out;
  }
  std::size_t count(std::string const& method, std::string const& path) const {
    return requests_to(method, path).size();
  }
  std::vector<HttpRequest> token_requests() const { return requests_to("POST", "/token"); }
  /// Decoded form fields of the i-th token request.
  std::map<std::string, std::string> token_form(std::size_t i) const {
    return form_fields(token_requests().at(i).body);
  }
  /// "METHOD /path" of every request, in order (for asserting sequences).
  std::vector<std::string> trace() const {
    std::vector<std::string> out;
    for (auto const& r : transport_->requests()) out.push_back(r.method + " " + path_of(r));
    return out;
  }

  // ---- server-side token state ----
  /// The normal token endpoint: checks Api-Key, user, password or refresh token.
  Result<HttpResponse> grant(HttpRequest const& r) {
    if (header(r, "Api-Key") != kApiKey) return oauth_error(401, "invalid_client", "The API key is not valid.");
    auto form = form_fields(r.body);
    std::lock_guard<std::mutex> lk(mu_);
    if (form["grant_type"] == "password") {
      if (form["username"] != kUser) return oauth_error(400, "invalid_grant", "The user name is not registered.");
      if (form["password"] != kPassword) return oauth_error(400, "invalid_grant", "The password is incorrect.");
    } else if (form["grant_type"] == "refresh_token") {
      if (form["client_id"] != kUser || form["refresh_token"].empty() || form["refresh_token"] != refresh_) {
        return oauth_error(400, "invalid_grant", "The refresh token is invalid.");
      }
    } else {
      return oauth_error(400, "unsupported_grant_type", "grant_type is not supported.");
    }
    ++issued_;
    std::string access = "access-" + std::to_string(issued_) + "-tkn";
    refresh_ = "refresh-" + std::to_string(issued_) + "-tkn";
    auto expires = expires_in.value_or(300);
    live_[access] = clock.now() + std::chrono::seconds(expires);
    json body{{"access_token", access}, {"token_type", "bearer"}, {"refresh_token", refresh_}, {"userName", kUser}};
    if (expires_in) body["expires_in"] = *expires_in;
    return json_response(200, body.dump());
  }
  /// The last access token issued ("" when none).
  std::string last_access_token() const {
    std::lock_guard<std::mutex> lk(mu_);
    return issued_ == 0 ? std::string() : "access-" + std::to_string(issued_) + "-tkn";
  }
  std::string last_refresh_token() const {
    std::lock_guard<std::mutex> lk(mu_);
    return refresh_;
  }
  /// Server-side revocation: every token issued so far now gets 401.
  void revoke_tokens() {
    std::lock_guard<std::mutex> lk(mu_);
    live_.clear();
  }
  /// Makes the server forget the refresh token, so a refresh grant gets invalid_grant.
  void forget_refresh_token() {
    std::lock_guard<std::mutex> lk(mu_);
    refresh_.clear();
  }

  /// The fake's own answers (also for routes that override them and delegate):
  /// GET /companies, GET /users/self, else 404.
  Result<HttpResponse> standard(HttpRequest const& r) const {
    auto const path = path_of(r);
    if (path == "/companies" && r.method == "GET") {
      json list = json::array();
      for (auto const& [id, name] : companies) list.push_back(resource("company", id, {{"name", name}}));
      return ok_json(list);
    }
    if (path == "/users/self" && r.method == "GET") {
      if (!known_company(query_param(r, "companyId"))) return api_error(403, "Forbidden");
      return ok_json(resource("user", user_id, {{"name", user_name}}));
    }
    return api_error(404, "Not Found", "no fake route for " + r.method + " " + path);
  }

 private:
  struct Route {
    std::string method;
    std::string path;
    Handler handler;
  };

  bool authorized(HttpRequest const& r) const {
    if (header(r, "Api-Key") != kApiKey) return false;
    auto auth = header(r, "Authorization");
    std::string const prefix = "Bearer ";
    if (auth.compare(0, prefix.size(), prefix) != 0) return false;
    std::lock_guard<std::mutex> lk(mu_);
    auto it = live_.find(auth.substr(prefix.size()));
    return it != live_.end() && clock.now() < it->second;
  }

  bool known_company(std::optional<std::string> const& id) const {
    for (auto const& c : companies) {
      if (id && c.first == *id) return true;
    }
    return false;
  }

  Result<HttpResponse> serve(HttpRequest const& r) {
    auto const path = path_of(r);
    if (path == "/token") return token_endpoint ? token_endpoint(r) : grant(r);
    if (!authorized(r)) return api_error(401, "Unauthorized", "Authorization has been denied for this request.");
    for (auto const& route : routes_) {
      if (route.method == r.method && route.path == path) return route.handler(r);
    }
    return standard(r);
  }

  std::shared_ptr<FakeTransport> transport_;
  std::vector<Route> routes_;
  mutable std::mutex mu_;
  int issued_ = 0;
  std::string refresh_;
  std::map<std::string, std::chrono::steady_clock::time_point> live_;
};

/// A partner resource as FLOWii lists it.
inline json partner_json(std::string const& id, std::string const& name = {}) {
  return resource("partner", id, {{"name", name.empty() ? "Partner " + id : name}, {"type", 1}});
}

}  // namespace flowii::test

#endif  // FLOWII_TESTS_UNIT_FAKE_FLOWII_HPP
