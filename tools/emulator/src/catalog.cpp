// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "catalog.hpp"

#include <stdexcept>

namespace flowii::emulator {

Catalog::Catalog(std::vector<Module> modules) : modules_(std::move(modules)) {
  for (auto const& module : modules_) {
    for (auto const& spec : module.resources) {
      if (spec.has_schema() && !schemas_.emplace(spec.type, &spec).second) {
        throw std::logic_error("two specs describe the fields of type " + spec.type);
      }
      if (spec.ops.count(Op::kRead) > 0) item_paths_.emplace(spec.type, spec.item_path());
    }
  }
  for (auto const& module : modules_) {
    for (auto const& spec : module.resources) {
      for (auto const& filter : spec.filters) {
        for (auto const& path : filter.paths) check_path(spec, path);
      }
      for (auto const& sublist : spec.sublists) {
        for (auto const& path : sublist.via) check_path(spec, path);
      }
    }
  }
}

ResourceSpec const* Catalog::schema(std::string_view type) const {
  auto const it = schemas_.find(type);
  return it == schemas_.end() ? nullptr : it->second;
}

std::string Catalog::item_path(std::string_view type) const {
  auto const it = item_paths_.find(type);
  return it == item_paths_.end() ? std::string() : it->second;
}

// Walks the path through the declared schemas: every hop before the last must
// be a declared relationship. Types without a schema (from modules not
// written yet) end the check.
void Catalog::check_path(ResourceSpec const& spec, FieldPath const& path) const {
  auto fail = [&](std::string const& why) {
    throw std::logic_error(spec.type + ": field path '" + path.text() + "': " + why);
  };
  std::string type = spec.type;
  auto const& hops = path.hops();
  for (std::size_t i = 0; i < hops.size(); ++i) {
    auto const& hop = hops[i];
    bool const last = i + 1 == hops.size();
    if (hop.kind == FieldPath::Hop::Kind::kMeta) return;
    if (hop.kind == FieldPath::Hop::Kind::kReverse) {
      ResourceSpec const* referring = schema(hop.type);
      if (referring != nullptr && hop.name != "@owner" && referring->relationship(hop.name) == nullptr) {
        fail(hop.type + " has no relationship " + hop.name);
      }
      type = hop.type;
      continue;
    }
    ResourceSpec const* current = schema(type);
    if (current == nullptr || last) return;  // the last hop may be an undeclared attribute
    Relationship const* rel = current->relationship(hop.name);
    if (rel == nullptr) fail(type + " declares no relationship " + hop.name);
    type = rel->type;
  }
}

}  // namespace flowii::emulator
