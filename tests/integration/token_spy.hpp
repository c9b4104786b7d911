// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A transport for secrets canary tests (the SDK's and the CLI's): it passes each
// request to the real libcurl transport and remembers every token the server
// issues, so that a test knows what must never show up.
#ifndef FLOWII_TESTS_INTEGRATION_TOKEN_SPY_HPP
#define FLOWII_TESTS_INTEGRATION_TOKEN_SPY_HPP

#include <flowii/http.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace flowii::test {

class TokenSpy : public HttpTransport {
 public:
  Result<HttpResponse> send(HttpRequest const& request) override {
    auto result = inner_->send(request);
    if (result && request.url.find("/token") != std::string::npos) {
      auto const body = nlohmann::json::parse(result->body, nullptr, false);
      std::lock_guard<std::mutex> lock(mu_);
      for (char const* field : {"access_token", "refresh_token"}) {
        if (body.is_object() && body.contains(field) && body[field].is_string()) {
          tokens_.push_back(body[field].get<std::string>());
        }
      }
    }
    return result;
  }
  /// Every access and refresh token issued so far, in order.
  std::vector<std::string> tokens() const {
    std::lock_guard<std::mutex> lock(mu_);
    return tokens_;
  }

 private:
  std::shared_ptr<HttpTransport> inner_ = make_curl_transport({});
  mutable std::mutex mu_;
  std::vector<std::string> tokens_;
};

}  // namespace flowii::test

#endif  // FLOWII_TESTS_INTEGRATION_TOKEN_SPY_HPP
