// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the object every module holds. It checks the options once and owns
// the layers a call goes through, each including only the ones below it
// (docs/adr/0004-transport.md, "Layers"):
//   transport (src/http) <- wire (core/wire.hpp: one attempt) <- token
//   (src/auth) <- pipeline (core/pipeline.hpp: retries) <- session
//   (core/session.hpp: company and user) <- Core.
#ifndef FLOWII_SRC_CORE_CORE_HPP
#define FLOWII_SRC_CORE_CORE_HPP

#include <flowii/http.hpp>
#include <flowii/options.hpp>
#include <flowii/session.hpp>

#include "auth/token_manager.hpp"
#include "auth/token_sender.hpp"
#include "core/pipeline.hpp"
#include "core/session.hpp"
#include "core/wire.hpp"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace flowii::detail {

class Core {
 public:
  explicit Core(ClientOptions options);
  /// A core that sends nothing: every call fails with `refusal`, as with a
  /// configuration error (the base of a mock, detail::unbound_core()).
  Core(ClientOptions options, Status refusal);
  Core(Core const&) = delete;  // the layers hold references into it
  Core& operator=(Core const&) = delete;

  /// Runs the call in the session's company (unless it is not company-scoped); a
  /// non-2xx answer becomes an error Status.
  Result<HttpResponse> execute(Call const& call);
  Result<Session> session();
  Result<std::vector<Company>> companies(CallOptions const& options);
  /// session()'s company id, without copying the session.
  Result<std::string> company_id();

  ClientOptions const& options() const { return options_; }
  /// Whether this server has ever sent links.next (see docs/adr/0003-paging.md).
  bool next_links_seen() const { return next_links_seen_.load(std::memory_order_relaxed); }
  void note_next_link() { next_links_seen_.store(true, std::memory_order_relaxed); }
  /// The tokens held now, in calendar time (Client::tokens()).
  std::optional<Tokens> tokens() const;
  /// Tells ClientOptions::on_event, if set.
  void notify(CallEvent const& event) const { wire_.notify(event); }

  void log(LogLevel level, std::string const& message) const { wire_.log(level, message); }
  /// Whether log(level, ...) would reach the sink: callers skip building messages otherwise.
  bool logs(LogLevel level) const { return wire_.logs(level); }

 private:
  ClientOptions options_;  // first: the layers below keep references to it
  Status config_error_;    // set: every call fails with it (bad options, or an unbound core)
  Wire wire_;
  TokenSender token_sender_;
  TokenManager tokens_;
  Pipeline pipeline_;
  SessionManager session_;
  std::atomic<bool> next_links_seen_{false};
};

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_CORE_HPP
