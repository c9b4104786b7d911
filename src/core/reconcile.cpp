// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/reconcile.hpp"

#include <flowii/api.hpp>

#include "core/core.hpp"
#include "core/resource_data.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace flowii::detail {
namespace {

using nlohmann::json;

constexpr int kPageSize = 100;

// FLOWii writes a plain date back as its midnight ("2026-03-02T00:00:00").
bool same_date(std::string const& a, std::string const& b) {
  return a.size() == 10 && b.size() == 19 && b.compare(0, 10, a) == 0 && b.compare(10, 9, "T00:00:00") == 0;
}

// `listed` shows `sent`: equal scalars (numbers by value), and objects whose
// members that both have are equal.
bool same_value(json const& sent, json const& listed) {
  if (sent.is_number() && listed.is_number()) return std::abs(sent.get<double>() - listed.get<double>()) < 1e-9;
  if (sent.is_string() && listed.is_string()) {
    auto const& a = sent.get_ref<std::string const&>();
    auto const& b = listed.get_ref<std::string const&>();
    return a == b || same_date(a, b) || same_date(b, a);
  }
  if (sent.is_object() && listed.is_object()) {
    for (auto it = sent.begin(); it != sent.end(); ++it) {
      auto const found = listed.find(it.key());
      if (found != listed.end() && !same_value(it.value(), *found)) return false;
    }
    return true;
  }
  if (sent.is_array() && listed.is_array()) {
    if (sent.size() != listed.size()) return false;
    for (std::size_t i = 0; i < sent.size(); ++i) {
      if (!same_value(sent[i], listed[i])) return false;
    }
    return true;
  }
  return sent == listed;
}

// The ids a relationship's data names; nested objects without an id (created with
// their parent) name none.
std::set<std::string> related_ids(json const& relationship) {
  std::set<std::string> ids;
  auto const data = relationship.find("data");
  if (data == relationship.end()) return ids;
  auto add = [&](json const& linkage) {
    if (linkage.is_object() && linkage.contains("id") && !linkage["id"].is_null()) {
      ids.insert(id_to_string(linkage["id"]));
    }
  };
  if (data->is_array()) {
    for (auto const& item : *data) add(item);
  } else {
    add(*data);
  }
  return ids;
}

json const* member(Resource const& r, char const* name) {
  auto const& rest = detail::data_of(r).rest;
  auto const it = rest.find(name);
  return it != rest.end() && it->is_object() ? &*it : nullptr;
}

}  // namespace

bool matches_sent(Resource const& sent, Resource const& listed) {
  if (sent.type() != listed.type()) return false;
  int compared = 0;
  json const* sent_attributes = member(sent, "attributes");
  json const* listed_attributes = member(listed, "attributes");
  if (sent_attributes != nullptr && listed_attributes != nullptr) {
    for (auto it = sent_attributes->begin(); it != sent_attributes->end(); ++it) {
      auto const found = listed_attributes->find(it.key());
      if (found == listed_attributes->end() || it.value().is_null()) continue;  // not shown: cannot compare
      if (!same_value(it.value(), *found)) return false;
      ++compared;
    }
  }
  json const* sent_relationships = member(sent, "relationships");
  json const* listed_relationships = member(listed, "relationships");
  if (sent_relationships != nullptr && listed_relationships != nullptr) {
    for (auto it = sent_relationships->begin(); it != sent_relationships->end(); ++it) {
      auto const want = related_ids(it.value());
      auto const found = listed_relationships->find(it.key());
      if (want.empty() || found == listed_relationships->end() || !found->is_object()) continue;
      if (related_ids(*found) != want) return false;
      ++compared;
    }
  }
  return compared > 0;
}

Result<std::vector<Resource>> find_created(Core& core, std::string const& path, Resource const& sent,
                                           UnixTime attempted, CallOptions const& options) {
  auto const margin = core.options().reconcile.skew_margin.count();
  std::int64_t since = attempted.seconds - margin;
  if (json const* attributes = member(sent, "attributes")) {
    auto const created = attributes->find("created");
    if (created != attributes->end() && created->is_string()) {
      if (auto when = DateTime::parse(created->get<std::string>())) {
        since = std::min(since, UnixTime::from(*when).seconds - margin);
      }
    }
  }
  std::vector<Resource> matches;
  Query query;
  query.filter("created-from", std::to_string(since)).page_size(kPageSize);
  int const max_pages = std::max(1, core.options().reconcile.max_pages);
  for (int number = 0; number < max_pages; ++number) {
    auto page = list_page(core, path, query.page(number), options);
    if (!page) return page.status();
    for (auto& listed : page->items) {
      if (matches_sent(sent, listed)) matches.push_back(std::move(listed));
    }
    if (page->items.size() < static_cast<std::size_t>(kPageSize)) return matches;
  }
  return Status(ErrorCode::kOutcomeUnknown, "more than " + std::to_string(max_pages * kPageSize) +
                                                " records were created in the window; raise "
                                                "ReconcileOptions::max_pages or look yourself");
}

}  // namespace flowii::detail
