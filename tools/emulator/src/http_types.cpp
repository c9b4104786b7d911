// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "http_types.hpp"

#include "common/ascii.hpp"
#include "text.hpp"

namespace flowii::emulator {

std::string InboundRequest::header(std::string_view name) const {
  for (auto const& [key, value] : headers) {
    if (common::iequals(key, name)) return value;
  }
  return {};
}

std::vector<std::string> InboundRequest::query_values(std::string_view name) const {
  std::vector<std::string> out;
  for (auto const& [key, value] : query) {
    if (common::iequals(key, name)) out.push_back(value);
  }
  return out;
}

std::optional<NameValues> parse_urlencoded(std::string_view text) {
  NameValues out;
  if (text.empty()) return out;
  for (auto const& pair : split(text, '&')) {
    if (pair.empty()) continue;
    auto const eq = pair.find('=');
    auto name = percent_decode(std::string_view(pair).substr(0, eq), true);
    auto value =
        percent_decode(eq == std::string::npos ? std::string_view() : std::string_view(pair).substr(eq + 1), true);
    if (!name || !value) return std::nullopt;
    out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

}  // namespace flowii::emulator
