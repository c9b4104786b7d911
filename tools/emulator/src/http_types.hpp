// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Transport-neutral request and reply: the service never sees httplib types.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_HTTP_TYPES_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_HTTP_TYPES_HPP

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <flowii/emulator/emulator.hpp>

namespace flowii::emulator {

using NameValues = std::vector<std::pair<std::string, std::string>>;

struct InboundRequest {
  std::string method;
  std::string path;          // as sent (still percent-encoded), without the query
  std::string query_string;  // raw, as received (journaled)
  NameValues query;          // decoded, in order
  NameValues headers;
  std::string body;

  // First header with this name (case-insensitive), or "" when absent.
  std::string header(std::string_view name) const;
  // Query values by name, case-insensitively (ASP.NET binds names that way).
  std::vector<std::string> query_values(std::string_view name) const;
};

struct HttpReply {
  int status = 200;
  std::string content_type;  // empty = no body
  std::string body;
  NameValues headers;
  // Fault: what happens to the connection instead of a normal answer (see
  // Emulator::Breakage); `hold` times stall and slow_body.
  Emulator::Breakage breakage = Emulator::Breakage::kNone;
  std::chrono::milliseconds hold{0};
};

// application/x-www-form-urlencoded (also query strings); nullopt on bad escapes.
std::optional<NameValues> parse_urlencoded(std::string_view text);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_HTTP_TYPES_HPP
