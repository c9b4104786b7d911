// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Records -> JSON:API resource objects, FLOWii style: dasherized names, string
// ids, trailing-slash links, declared fields always present (null when unset).
#ifndef FLOWII_TOOLS_EMULATOR_SRC_SERIALIZER_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_SERIALIZER_HPP

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "store.hpp"

namespace flowii::emulator {

// The `included` array: each type+id at most once, never the primary data.
class IncludedSet {
 public:
  void exclude(Ref const& ref) { seen_.insert(ref); }
  bool add(Ref const& ref) { return seen_.insert(ref).second; }
  void push(nlohmann::json resource) { items_.push_back(std::move(resource)); }
  bool empty() const { return items_.empty(); }
  nlohmann::json const& items() const { return items_; }

 private:
  std::set<Ref> seen_;
  nlohmann::json items_ = nlohmann::json::array();
};

// How a record is shown: alone, in a collection (the type's ListView), or in
// a sub-list under another record (the ListView less the spec's sublist_hides).
enum class Shape { kDetail, kList, kSublist };

class Serializer {
 public:
  explicit Serializer(Ctx const& ctx) : ctx_(ctx) {}

  // `self_link` adds links.self.
  nlohmann::json resource(Record const& record, Shape shape, bool self_link) const;
  // Adds the records this one links to: one level deep, plus on a detail read
  // the relationships' nested_includes of each linked record.
  void include_related(Record const& record, Shape shape, IncludedSet& included) const;
  std::string item_url(Ref const& ref) const;  // "" when the type has no read route

 private:
  nlohmann::json relationship(Record const& record, std::string const& name, nlohmann::json const& linkage) const;
  void include(Ref const& ref, std::vector<std::string> const& nested, IncludedSet& included) const;
  Ctx const& ctx_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_SERIALIZER_HPP
