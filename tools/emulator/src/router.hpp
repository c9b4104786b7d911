// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Path patterns -> endpoints, with FLOWii's 404 (unknown path) and 405 (+ Allow).
#ifndef FLOWII_TOOLS_EMULATOR_SRC_ROUTER_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_ROUTER_HPP

#include <map>
#include <string>
#include <vector>

#include "resource_spec.hpp"

namespace flowii::emulator {

class Router {
 public:
  // Pattern segments "{name}" match digits only, so "/partners/export/xml"
  // and "/partners/{id}" never compete. Throws std::logic_error on duplicates.
  void add(std::string const& method, std::string const& pattern, RouteEndpoint endpoint);

  struct Match {
    RouteEndpoint const* endpoint = nullptr;  // nullptr: see path_known
    std::vector<std::string> params;
    bool path_known = false;  // true + no endpoint = method not allowed
    std::string allow;        // "GET, POST" for the 405's Allow header
  };
  // `path` is the path as sent (percent-encoded): split on '/' before decoding,
  // so an encoded '/' is part of a segment, never a separator.
  Match match(std::string const& method, std::string const& path) const;

 private:
  struct Entry {
    std::vector<std::string> segments;
    std::map<std::string, RouteEndpoint> methods;
  };
  std::vector<Entry> entries_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_ROUTER_HPP
