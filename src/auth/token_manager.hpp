// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the access-token cache. Renews ahead of expiry, tries the refresh
// grant before the password grant, and makes exactly one token request when many
// threads need a token at once (single flight). See docs/adr/0002-auth-renewal.md.
#ifndef FLOWII_SRC_AUTH_TOKEN_MANAGER_HPP
#define FLOWII_SRC_AUTH_TOKEN_MANAGER_HPP

#include <flowii/http.hpp>
#include <flowii/options.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace flowii::detail {

class TokenManager {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  /// Sends one form-encoded POST /token (with Api-Key) and returns the response
  /// (TokenSender::post; a fake in tests).
  using PostForm = std::function<Result<HttpResponse>(std::string const& form_body)>;

  TokenManager(Credentials credentials, PostForm post, Clock clock, std::chrono::seconds margin);

  /// A valid access token, fetching one if needed.
  Result<std::string> token();
  /// Drops `token` if it is still the cached one (after a 401), so the next
  /// token() call renews it.
  void invalidate(std::string const& token);

  /// Token requests sent so far (for tests and diagnostics).
  std::uint64_t requests() const;

  /// The tokens held now, as a saved session keeps them.
  struct Held {
    std::string access;  ///< empty: only a refresh token
    std::chrono::steady_clock::time_point expires_at;
    std::string refresh;
  };
  /// Starts from tokens an earlier run saved: `access` (may be empty) until
  /// `expires_at` less the renewal margin, then the refresh grant with `refresh`.
  void seed(Held const& tokens);
  /// nullopt when there is neither an access nor a refresh token.
  std::optional<Held> held() const;

 private:
  struct Token {
    std::string access;
    std::chrono::steady_clock::time_point renew_at;
    std::chrono::steady_clock::time_point expires_at;
  };
  Result<HttpResponse> grant(std::string const& form);
  Status fetch(std::optional<Token>& out, std::string& refresh_token);

  Credentials credentials_;
  PostForm post_;
  Clock clock_;
  std::chrono::seconds margin_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool fetching_ = false;
  std::uint64_t generation_ = 0;
  std::uint64_t requests_ = 0;
  std::optional<Token> current_;
  std::string refresh_token_;
  Status last_error_;
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_AUTH_TOKEN_MANAGER_HPP
