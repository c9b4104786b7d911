// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/query.hpp>

#include <flowii/api.hpp>

#include "core/core.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace flowii {
namespace {
void put(std::vector<std::pair<std::string, std::string>>& list, std::string name, std::string value) {
  for (auto& kv : list) {
    if (kv.first == name) {
      kv.second = std::move(value);
      return;
    }
  }
  list.emplace_back(std::move(name), std::move(value));
}
}  // namespace

void ListQuery::set_filter(std::string name, std::string value) { put(filters_, std::move(name), std::move(value)); }

void ListQuery::set_filter(std::string name, std::vector<std::string> const& values) {
  std::string joined;
  for (auto const& v : values) {
    if (!joined.empty()) joined += ',';
    joined += v;
  }
  set_filter(std::move(name), std::move(joined));
}

void ListQuery::set_param(std::string name, std::string value) { put(params_, std::move(name), std::move(value)); }

std::vector<std::pair<std::string, std::string>> ListQuery::to_query() const {
  std::vector<std::pair<std::string, std::string>> out = params_;
  for (auto const& f : filters_) out.emplace_back("filter[" + f.first + "]", f.second);
  if (page_) out.emplace_back("page[number]", std::to_string(*page_));
  if (page_size_) out.emplace_back("page[size]", std::to_string(*page_size_));
  return out;
}

std::string detail_format_number(double v) {
  if (!std::isfinite(v)) return "0";
  // Plain decimal text with the fewest decimals that read back to the same value:
  // "100" as FLOWii's examples write it, never %g's "1e+02".
  char buf[400];  // the largest double has 309 integer digits
  for (int decimals = 0; decimals <= 17; ++decimals) {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    if (std::strtod(buf, nullptr) == v) return buf;
  }
  std::snprintf(buf, sizeof buf, "%.17g", v);  // tinier than 17 decimals can hold
  return buf;
}

namespace detail {
PagingOptions const& paging_options(Core const& core) { return core.options().paging; }
}  // namespace detail

}  // namespace flowii
