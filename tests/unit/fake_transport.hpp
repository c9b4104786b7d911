// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A scripted HttpTransport for unit tests: records every request and answers
// with a handler, so tests assert both what was sent and how answers are handled.
#ifndef FLOWII_TESTS_UNIT_FAKE_TRANSPORT_HPP
#define FLOWII_TESTS_UNIT_FAKE_TRANSPORT_HPP

#include <flowii/http.hpp>

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace flowii::test {

class FakeTransport : public HttpTransport {
 public:
  using Handler = std::function<Result<HttpResponse>(HttpRequest const&)>;
  explicit FakeTransport(Handler handler) : handler_(std::move(handler)) {}

  Result<HttpResponse> send(HttpRequest const& request) override {
    {
      std::lock_guard<std::mutex> lk(mu_);
      requests_.push_back(request);
    }
    return handler_(request);
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard<std::mutex> lk(mu_);
    return requests_;
  }
  /// Requests whose URL contains `fragment` (e.g. "/token").
  std::size_t count(std::string const& fragment) const {
    std::lock_guard<std::mutex> lk(mu_);
    std::size_t n = 0;
    for (auto const& r : requests_) n += r.url.find(fragment) != std::string::npos ? 1 : 0;
    return n;
  }

 private:
  Handler handler_;
  mutable std::mutex mu_;
  std::vector<HttpRequest> requests_;
};

inline HttpResponse json_response(int status, std::string body, HttpHeaders extra = {}) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/vnd.api+json");
  for (auto& h : extra) r.headers.push_back(std::move(h));
  r.body = std::move(body);
  return r;
}

}  // namespace flowii::test

#endif  // FLOWII_TESTS_UNIT_FAKE_TRANSPORT_HPP
