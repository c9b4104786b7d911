#include "serializer.hpp"

#include "catalog.hpp"

namespace flowii::emulator {

namespace {

nlohmann::json empty_linkage(Relationship const& rel) {
  return rel.to_many ? nlohmann::json::array() : nlohmann::json();
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

nlohmann::json Serializer::resource(Record const& record, bool list_view, bool self_link) const {
  ResourceSpec const* spec = ctx_.catalog.schema(record.type);
  bool const subset = list_view && spec != nullptr && !spec->list_view.everything;
  auto shows_attribute = [&](std::string const& n) { return !subset || spec->list_view.shows_attribute(n); };
  auto shows_relationship = [&](std::string const& n) { return !subset || spec->list_view.shows_relationship(n); };

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

void Serializer::include_related(Record const& record, bool list_view, Included& included) const {
  ResourceSpec const* spec = ctx_.catalog.schema(record.type);
  for (auto const& [name, linkage] : record.relationships.items()) {
    Relationship const* rel = spec != nullptr ? spec->relationship(name) : nullptr;
    if (rel != nullptr && !rel->include_targets) continue;
    if (list_view && spec != nullptr && !spec->list_view.shows_relationship(name)) continue;
    for (auto const& ref : record.related(name)) {
      Record const* target = ctx_.view().find(ref);
      if (target != nullptr && included.add(ref)) included.push(resource(*target, false, true));
    }
  }
}

}  // namespace flowii::emulator
