// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the JSON behind a flowii::Resource.
#ifndef FLOWII_SRC_CORE_RESOURCE_DATA_HPP
#define FLOWII_SRC_CORE_RESOURCE_DATA_HPP

#include <flowii/resource.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace flowii::detail {

struct ResourceData {
  std::string type;
  std::string id;
  /// The rest of the resource object: attributes, relationships, links, meta, and
  /// any other member the server sent.
  nlohmann::json rest = nlohmann::json::object();
};

/// JSON:API ids are strings, but a few FLOWii examples send numbers.
std::string id_to_string(nlohmann::json const& id);

/// Builds a Resource from a resource object (no validation beyond type/id).
Resource resource_from_json(nlohmann::json const& object);
/// The same, taking the object over instead of copying it (decoding a whole page).
Resource resource_from_json(nlohmann::json&& object);
/// The resource object for writing: type, id (when set), attributes, relationships' data.
nlohmann::json resource_to_json(Resource const& r);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_RESOURCE_DATA_HPP
