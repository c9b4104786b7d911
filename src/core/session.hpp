// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the session layer above the request pipeline — which company the
// client works in (ClientOptions::company_id / company_name, or the only one) and
// who the current user is: GET /companies, the choice, GET /users/self, once per
// client. Concurrent first calls wait for one bootstrap; a failed one is shared
// with the callers that waited for it.
#ifndef FLOWII_SRC_CORE_SESSION_HPP
#define FLOWII_SRC_CORE_SESSION_HPP

#include <flowii/options.hpp>
#include <flowii/session.hpp>

#include "core/pipeline.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace flowii::detail {

class SessionManager {
 public:
  SessionManager(Pipeline& pipeline, ClientOptions const& options) : pipeline_(pipeline), options_(options) {}

  /// The session, bootstrapped on first use.
  Result<Session> session();
  /// session()'s company id, without copying the session: every call asks.
  Result<std::string> company_id();
  /// GET /companies: the user's access list.
  Result<std::vector<Company>> companies(CallOptions const& options);

 private:
  Result<Session> bootstrap();
  /// Picks the company from the access list: ClientOptions::company_id, company_name or the only one.
  Status choose_company(Session& s) const;
  /// GET /users/self within the chosen company.
  Status read_user(Session& s);

  Pipeline& pipeline_;
  ClientOptions const& options_;
  std::mutex mu_;
  std::optional<Session> session_;
  std::atomic<std::uint64_t> bootstraps_{0};  // finished bootstrap attempts
  Status last_error_;
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_SESSION_HPP
