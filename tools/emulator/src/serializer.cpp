// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "serializer.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace flowii::emulator {

namespace {

nlohmann::json empty_linkage(Relationship const& rel) {
  return rel.to_many ? nlohmann::json::array() : nlohmann::json();
}

bool shows(ResourceSpec const* spec, Shape shape, std::string const& relationship) {
  if (spec == nullptr || shape == Shape::kDetail) return true;
  auto const& hidden = spec->sublist_hides;
  if (shape == Shape::kSublist && std::find(hidden.begin(), hidden.end(), relationship) != hidden.end()) return false;
  return spec->list_view.shows_relationship(relationship);
}

}  // namespace

std::string Serializer::item_url(Ref const& ref) const {
  auto const path = ctx_.catalog.item_path(ref.type);
  return path.empty() ? std::string() : ctx_.base_url + path + "/" + ref.id + "/";
}

nlohmann::json Serializer::relationship(Record const& record, std::string const& name,
                                        nlohmann::json const& linkage) const {
  nlohmann::json out = {{"data", linkage}};
  ResourceSpec const* spec = ctx_.catalog.schema(record.type);
  Relationship const* rel = spec != nullptr ? spec->relationship(name) : nullptr;
  if (rel != nullptr && rel->emit_related_link && linkage.is_object()) {
    auto const url = item_url({linkage["type"].get<std::string>(), linkage["id"].get<std::string>()});
    if (!url.empty()) out["links"] = {{"related", url}};
  }
  return out;
}

nlohmann::json Serializer::resource(Record const& record, Shape shape, bool self_link) const {
  ResourceSpec const* spec = ctx_.catalog.schema(record.type);
  bool const subset = shape != Shape::kDetail && spec != nullptr && !spec->list_view.everything;
  auto shows_attribute = [&](std::string const& n) { return !subset || spec->list_view.shows_attribute(n); };
  auto shows_relationship = [&](std::string const& n) { return shows(spec, shape, n); };

  nlohmann::json out = {{"type", record.type}, {"id", record.id}};
  if (auto const url = item_url(record.ref()); self_link && !url.empty()) out["links"] = {{"self", url}};

  nlohmann::json attributes = nlohmann::json::object();
  if (spec != nullptr) {
    for (auto const& a : spec->attributes) {
      if (shows_attribute(a.name)) attributes[a.name] = nullptr;
    }
  }
  for (auto const& [name, value] : record.attributes.items()) {
    if (shows_attribute(name)) attributes[name] = value;
  }
  out["attributes"] = std::move(attributes);

  nlohmann::json relationships = nlohmann::json::object();
  if (spec != nullptr) {
    for (auto const& rel : spec->relationships) {
      if (shows_relationship(rel.name)) relationships[rel.name] = relationship(record, rel.name, empty_linkage(rel));
    }
  }
  for (auto const& [name, linkage] : record.relationships.items()) {
    if (shows_relationship(name)) relationships[name] = relationship(record, name, linkage);
  }
  if (!relationships.empty()) out["relationships"] = std::move(relationships);
  return out;
}

void Serializer::include_related(Record const& record, Shape shape, IncludedSet& included) const {
  ResourceSpec const* spec = ctx_.catalog.schema(record.type);
  // In declaration order, as FLOWii's examples list them; undeclared ones last.
  std::vector<std::string> names;
  if (spec != nullptr) {
    for (auto const& rel : spec->relationships) {
      if (record.relationships.contains(rel.name)) names.push_back(rel.name);
    }
  }
  for (auto const& item : record.relationships.items()) {
    if (spec == nullptr || spec->relationship(item.key()) == nullptr) names.push_back(item.key());
  }
  static std::vector<std::string> const none;
  for (auto const& name : names) {
    Relationship const* rel = spec != nullptr ? spec->relationship(name) : nullptr;
    if (rel != nullptr && !rel->include_targets) continue;
    if (!shows(spec, shape, name)) continue;
    auto const& nested = rel != nullptr && shape == Shape::kDetail ? rel->nested_includes : none;
    for (auto const& ref : record.related(name)) include(ref, nested, included);
  }
}

// One linked record, then (depth first) the records it links by `nested`.
void Serializer::include(Ref const& ref, std::vector<std::string> const& nested, IncludedSet& included) const {
  Record const* target = ctx_.view().find(ref);
  if (target == nullptr || !included.add(ref)) return;
  included.push(resource(*target, Shape::kDetail, true));
  for (auto const& name : nested) {
    for (auto const& inner : target->related(name)) include(inner, {}, included);
  }
}

}  // namespace flowii::emulator
