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
  /// The resource's type and id: what type() and id() return and what is written.
  std::string type;
  std::string id;
  /// The resource object as read: attributes, relationships, links, meta and any
  /// other member the server sent. Its `type` and `id` members stay, but their
  /// string values were moved into the fields above (erasing the members costs a
  /// look-up and a free per resource): read type and id from the fields only.
  /// Null until something is read or set (an empty resource allocates nothing);
  /// look-ups treat null as an empty object and writes make it one.
  nlohmann::json rest;

  ResourceData() = default;
  ResourceData(ResourceData const&) = default;
  ResourceData(ResourceData&&) = default;
  ResourceData& operator=(ResourceData const&) = default;
  ResourceData& operator=(ResourceData&&) = default;
  /// Frees `rest` from its leaves up: cheaper than nlohmann's destructor (resource.cpp).
  ~ResourceData();
};

/// The one way into a Resource's JSON, for the SDK's own sources (Resource befriends it).
struct ResourceAccess {
  static ResourceData& data(Resource& r) { return r.data_(); }
  static ResourceData const& data(Resource const& r) { return r.data_(); }
};
inline ResourceData& data_of(Resource& r) { return ResourceAccess::data(r); }
inline ResourceData const& data_of(Resource const& r) { return ResourceAccess::data(r); }

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
