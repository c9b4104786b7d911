// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// FLOWii authentication: the /token endpoint (OAuth password and refresh
// grants behind an Api-Key header) and the checks every other call passes.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_AUTH_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_AUTH_HPP

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "http_types.hpp"
#include "rng.hpp"

namespace flowii::emulator {

struct Ctx;

class TokenStore {
 public:
  struct Grant {
    std::string access_token;
    std::string refresh_token;
    std::int64_t issued = 0;
    std::int64_t expires = 0;
  };
  enum class Status { kValid, kUnknown, kExpired };

  Grant issue(std::string const& username, std::int64_t now, std::int64_t lifetime, Rng& rng);
  Status check(std::string const& access_token, std::int64_t now, std::string& username) const;
  // Refresh tokens rotate: each one is redeemable once, by the user it was issued to.
  bool redeem(std::string const& refresh_token, std::string const& username);

  void count_grant(std::string const& grant_type) { ++grants_[grant_type]; }
  std::size_t grants(std::string const& grant_type) const;
  void clear();
  // Every access token expires at `now` (refresh tokens stay valid).
  void expire_all(std::int64_t now);

 private:
  struct Access {
    std::string username;
    std::int64_t expires = 0;
  };
  std::map<std::string, Access> access_;
  std::map<std::string, std::string> refresh_;  // refresh token -> username
  std::map<std::string, std::size_t> grants_;
};

HttpReply token_endpoint(Ctx& ctx);

// Throw ErrorReply (401/400/403) unless the call may proceed; they fill ctx.user / ctx.company.
void authenticate(Ctx& ctx);
void authorize_company(Ctx& ctx);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_AUTH_HPP
