// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/testing/fake_transport.hpp>

#include "http/redact.hpp"

#include <nlohmann/json.hpp>

#include <string_view>
#include <utility>

namespace flowii::testing {
namespace {

using nlohmann::json;

// Loopback: the SDK sends credentials over plain http only to loopback hosts.
// Port 9 (discard) so that a transport mix-up never reaches a real server.
constexpr char kBaseUrl[] = "http://127.0.0.1:9";

json resource_json(Resource const& resource) { return json::parse(resource.to_json()); }

HttpResponse document_response(json data, json links = json::object()) {
  json doc{{"data", std::move(data)}};
  if (!links.empty()) doc["links"] = std::move(links);
  return json_response(200, doc.dump());
}

HttpResponse session_answer(FakeSession const& s, std::string const& path) {
  if (path == "/token") {
    return json_response(200, json{{"access_token", "fake-access-token"},
                                   {"token_type", "bearer"},
                                   {"expires_in", 599},
                                   {"refresh_token", "fake-refresh-token"}}
                                  .dump());
  }
  if (path == "/companies") {
    return document_response(
        json::array({json{{"type", "company"}, {"id", s.company_id}, {"attributes", {{"name", s.company_name}}}}}));
  }
  return document_response(json{{"type", "user"}, {"id", s.user_id}, {"attributes", {{"name", s.user_name}}}});
}

}  // namespace

HttpResponse json_response(int status, std::string body, HttpHeaders extra) {
  HttpResponse r = empty_response(status);
  r.headers.emplace_back("Content-Type", "application/vnd.api+json");
  for (auto& h : extra) r.headers.push_back(std::move(h));
  r.body = std::move(body);
  return r;
}

HttpResponse empty_response(int status) {
  HttpResponse r;
  r.status = status;
  return r;
}

HttpResponse resource_response(Resource const& resource) { return document_response(resource_json(resource)); }

HttpResponse list_response(std::vector<Resource> const& resources, bool has_next) {
  json data = json::array();
  for (auto const& r : resources) data.push_back(resource_json(r));
  // The SDK reads only whether `next` is present; the URL is illustrative.
  return document_response(std::move(data), has_next ? json{{"next", "next-page"}} : json::object());
}

HttpResponse error_response(int status, std::string const& title, std::string const& detail) {
  json e{{"status", std::to_string(status)}, {"title", title}};
  if (!detail.empty()) e["detail"] = detail;
  return json_response(status, json{{"errors", json::array({e})}}.dump());
}

std::string path_of(HttpRequest const& request) {
  std::string_view url = request.url;
  auto const scheme = url.find("://");
  auto const slash = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (slash == std::string_view::npos) return "/";
  auto const path = url.substr(slash);
  return std::string(path.substr(0, path.find('?')));
}

std::string describe(HttpRequest const& request) {
  std::string out = request.method + " " + detail::loggable_url(request.url);
  if (!request.headers.empty()) out += " [" + detail::loggable_headers(request.headers) + "]";
  if (!request.body.empty()) out += " body: " + detail::redacted_excerpt(request.body);
  return out;
}

FakeTransport::FakeTransport(Handler fallback) : fallback_(std::move(fallback)) {}

std::shared_ptr<FakeTransport> FakeTransport::with_session(FakeSession const& session) {
  auto fake = std::make_shared<FakeTransport>();
  fake->script_session(session);
  return fake;
}

ClientOptions FakeTransport::client_options() {
  ClientOptions o;
  o.base_url = kBaseUrl;
  o.credentials = Credentials{"test-api-key", "tester@example.com", "test-password"};
  o.transport = shared_from_this();
  o.sleep = [](std::chrono::milliseconds) {};
  o.retry.jitter = 0;
  o.paging.trust_missing_next = true;
  return o;
}

FakeTransport& FakeTransport::on(std::string method, std::string path, Handler handler) {
  std::lock_guard<std::mutex> lk(mu_);
  for (auto& route : routes_) {
    if (route.method == method && route.path == path) {
      route.handler = std::move(handler);
      return *this;
    }
  }
  routes_.push_back(Route{std::move(method), std::move(path), std::move(handler)});
  return *this;
}

FakeTransport& FakeTransport::on(std::string method, std::string path, Result<HttpResponse> response) {
  return on(std::move(method), std::move(path),
            [response = std::move(response)](HttpRequest const&) { return response; });
}

FakeTransport& FakeTransport::enqueue(Result<HttpResponse> response) {
  std::lock_guard<std::mutex> lk(mu_);
  queue_.push_back(std::move(response));
  return *this;
}

FakeTransport& FakeTransport::script_session(FakeSession const& session) {
  for (auto const& [method, path] : {std::pair{"POST", "/token"}, {"GET", "/companies"}, {"GET", "/users/self"}}) {
    on(method, path, session_answer(session, path));
  }
  return *this;
}

void FakeTransport::set_fallback(Handler fallback) {
  std::lock_guard<std::mutex> lk(mu_);
  fallback_ = std::move(fallback);
}

FakeTransport::Handler FakeTransport::answer_for(HttpRequest const& request) {
  std::lock_guard<std::mutex> lk(mu_);
  requests_.push_back(request);
  auto const path = path_of(request);
  for (auto const& route : routes_) {
    if (route.method == request.method && route.path == path) return route.handler;
  }
  if (!queue_.empty()) {
    auto next = std::move(queue_.front());
    queue_.pop_front();
    return [next = std::move(next)](HttpRequest const&) { return next; };
  }
  if (!fallback_) unanswered_.push_back(describe(request));
  return fallback_;
}

Result<HttpResponse> FakeTransport::send(HttpRequest const& request) {
  // The handler runs unlocked: it may inspect this transport (requests(), ...).
  auto handler = answer_for(request);
  if (handler) return handler(request);
  return Status(ErrorCode::kUnknown, "FakeTransport: nothing scripted answers " + describe(request));
}

std::vector<HttpRequest> FakeTransport::requests() const {
  std::lock_guard<std::mutex> lk(mu_);
  return requests_;
}

std::vector<HttpRequest> FakeTransport::requests_to(std::string const& method, std::string const& path) const {
  std::vector<HttpRequest> out;
  for (auto& r : requests()) {
    if (r.method == method && path_of(r) == path) out.push_back(std::move(r));
  }
  return out;
}

std::size_t FakeTransport::count(std::string const& fragment) const {
  std::size_t n = 0;
  for (auto const& r : requests()) n += r.url.find(fragment) != std::string::npos ? 1 : 0;
  return n;
}

std::vector<std::string> FakeTransport::unanswered() const {
  std::lock_guard<std::mutex> lk(mu_);
  return unanswered_;
}

std::string FakeTransport::transcript() const {
  std::string out;
  for (auto const& r : requests()) out += describe(r) + "\n";
  return out;
}

std::size_t FakeTransport::pending() const {
  std::lock_guard<std::mutex> lk(mu_);
  return queue_.size();
}

}  // namespace flowii::testing
