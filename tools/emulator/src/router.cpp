// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "router.hpp"

#include <optional>
#include <stdexcept>

#include "text.hpp"

namespace flowii::emulator {

namespace {

// "/partners/12/" -> {"partners", "12"}: FLOWii's own links end with a slash.
std::vector<std::string> segments_of(std::string const& path) {
  std::vector<std::string> out;
  for (auto& part : split(path, '/')) {
    if (!part.empty()) out.push_back(std::move(part));
  }
  return out;
}

// The segments of a request path as sent: split on the raw '/', then each one
// decoded, so that "%2F" stays inside its segment ("/partners/1%2Fcontacts" is one
// id, "1/contacts", not the contacts of partner 1). nullopt on a bad escape.
std::optional<std::vector<std::string>> request_segments(std::string const& raw_path) {
  std::vector<std::string> out;
  for (auto const& part : split(raw_path, '/')) {
    if (part.empty()) continue;
    auto decoded = percent_decode(part, /*plus_is_space=*/false);
    if (!decoded) return std::nullopt;
    out.push_back(std::move(*decoded));
  }
  return out;
}

bool is_param(std::string const& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(std::string const& method, std::string const& pattern, RouteEndpoint endpoint) {
  auto segments = segments_of(pattern);
  for (auto& entry : entries_) {
    if (entry.segments != segments) continue;
    if (!entry.methods.emplace(method, std::move(endpoint)).second) {
      throw std::logic_error(std::string("route declared twice: ").append(method).append(" ").append(pattern));
    }
    return;
  }
  Entry entry{std::move(segments), {}};
  entry.methods.emplace(method, std::move(endpoint));
  entries_.push_back(std::move(entry));
}

Router::Match Router::match(std::string const& method, std::string const& path) const {
  auto const decoded = request_segments(path);
  if (!decoded) return {};
  auto const& segments = *decoded;
  std::string const wanted = method == "HEAD" ? "GET" : method;
  for (auto const& entry : entries_) {
    if (entry.segments.size() != segments.size()) continue;
    Match m;
    bool ok = true;
    for (std::size_t i = 0; ok && i < segments.size(); ++i) {
      if (is_param(entry.segments[i])) {
        ok = is_digits(segments[i]);
        m.params.push_back(segments[i]);
      } else {
        ok = entry.segments[i] == segments[i];
      }
    }
    if (!ok) continue;
    m.path_known = true;
    auto const it = entry.methods.find(wanted);
    if (it != entry.methods.end()) {
      m.endpoint = &it->second;
    } else {
      for (auto const& allowed : entry.methods) m.allow += (m.allow.empty() ? "" : ", ") + allowed.first;
    }
    return m;
  }
  return {};
}

}  // namespace flowii::emulator
