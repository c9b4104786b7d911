// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "writer.hpp"

#include <algorithm>

#include "catalog.hpp"
#include "clock.hpp"
#include "jsonapi.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

// The JSON pointer of member `name` of the object at `pointer`.
std::string member_pointer(std::string const& pointer, std::string const& name) {
  std::string out = pointer;
  out += '/';
  out += name;
  return out;
}

char const* kind_problem(ValueKind kind, nlohmann::json const& v) {
  switch (kind) {
    case ValueKind::kAny:
      return nullptr;
    case ValueKind::kString:
      return v.is_string() ? nullptr : "must be a string";
    case ValueKind::kInteger:
      return v.is_number_integer() ? nullptr : "must be an integer";
    case ValueKind::kNumber:
      return v.is_number() ? nullptr : "must be a number";
    case ValueKind::kBoolean:
      return v.is_boolean() ? nullptr : "must be true or false";
    case ValueKind::kDateTime:
      return v.is_string() && parse_local(v.get<std::string>())
                 ? nullptr
                 : "must be a date-time YYYY-MM-DDTHH:MM:SS without a time zone";
  }
  return nullptr;
}

std::string members_text(std::vector<std::int64_t> const& members) {
  std::string out;
  for (auto m : members) out += (out.empty() ? "" : ", ") + std::to_string(m);
  return out;
}

}  // namespace

bool Writer::require_object(nlohmann::json const& value, std::string const& pointer, char const* what) {
  if (value.is_object()) return true;
  errors_.at(400, pointer, std::string(what) + " must be an object.");
  return false;
}

std::string Writer::create(std::string const& type, std::string const& scope, nlohmann::json const& data,
                           Ref const& owner) {
  auto const given = data.find("type");
  if (given == data.end() || !given->is_string()) {
    errors_.at(400, "/data/type", "data.type is required.");
    return {};
  }
  if (*given != type) {
    errors_.at(409, "/data/type", "This endpoint creates resources of type " + type + ".");
    return {};
  }
  if (data.contains("id")) {
    errors_.at(403, "/data/id", "Client-generated ids are not supported.");
    return {};
  }
  return write(data, "/data", nullptr, scope, owner).id;
}

void Writer::update(nlohmann::json const& data, Record const& existing) {
  auto const given = data.find("type");
  if (given == data.end() || *given != existing.type) {
    errors_.at(409, "/data/type", "data.type must be " + existing.type + ".");
    return;
  }
  if (!data.contains("id")) {
    errors_.at(400, "/data/id", "data.id is required.");
    return;
  }
  auto const id = id_text(data["id"]);
  if (!id || *id != existing.id) {
    errors_.at(409, "/data/id", "data.id must match the id in the URL (" + existing.id + ").");
    return;
  }
  write(data, "/data", &existing, existing.scope, existing.owner);
}

Ref Writer::write(nlohmann::json const& object, std::string const& pointer, Record const* existing,
                  std::string const& scope, Ref const& owner) {
  std::string const type = object.at("type").get<std::string>();  // callers checked it
  ResourceSpec const* spec = ctx_.catalog.schema(type);
  Record record;
  if (existing != nullptr) {
    record = *existing;
  } else {
    record.type = type;
    record.id = ctx_.state.store.allocate_id();
    record.scope = scope;
    record.owner = owner;
    record.created = ctx_.now();
  }
  if (object.contains("attributes")) {
    apply_attributes(spec, object["attributes"], record, pointer + "/attributes");
  }
  if (object.contains("relationships")) {
    apply_relationships(spec, object["relationships"], record, pointer + "/relationships");
  }
  check_required(spec, record, pointer);
  if (spec != nullptr && spec->on_write) {
    WriteScope scope_of_write{ctx_, errors_, pointer, existing == nullptr};
    spec->on_write(record, scope_of_write);
  }
  record.edited = ctx_.now();
  return ctx_.state.store.put(ctx_.company, std::move(record)).ref();
}

void Writer::apply_attributes(ResourceSpec const* spec, nlohmann::json const& attributes, Record& record,
                              std::string const& pointer) {
  if (!require_object(attributes, pointer, "attributes")) return;
  for (auto const& [name, value] : attributes.items()) {
    Attribute const* a = spec != nullptr ? spec->attribute(name) : nullptr;
    if (a != nullptr && !value.is_null()) {
      if (char const* problem = kind_problem(a->kind, value)) {
        errors_.at(422, member_pointer(pointer, name), name + " " + problem + ".");
      } else if (!a->members.empty() &&
                 std::find(a->members.begin(), a->members.end(), value.get<std::int64_t>()) == a->members.end()) {
        errors_.at(422, member_pointer(pointer, name), name + " must be one of " + members_text(a->members) + ".");
      }
    }
    // Unknown attributes are kept and returned as given; rejected values are
    // kept too (the transaction discards them) so "required" is not reported twice.
    record.attributes[name] = value;
  }
}

void Writer::apply_relationships(ResourceSpec const* spec, nlohmann::json const& relationships, Record& record,
                                 std::string const& pointer) {
  if (!require_object(relationships, pointer, "relationships")) return;
  for (auto const& [name, object] : relationships.items()) {
    if (!object.is_object() || !object.contains("data")) {
      errors_.at(400, member_pointer(pointer, name), "A relationship needs a data member.");
      continue;
    }
    Relationship const* rel = spec != nullptr ? spec->relationship(name) : nullptr;
    record.relationships[name] = linkage(rel, object["data"], member_pointer(pointer, name) + "/data");
  }
}

nlohmann::json Writer::linkage(Relationship const* rel, nlohmann::json const& data, std::string const& pointer) {
  bool const many = rel != nullptr ? rel->to_many : data.is_array();
  if (many != data.is_array() && !(data.is_null() && !many)) {
    errors_.at(422, pointer,
               many ? "This relationship takes an array." : "This relationship takes one resource or null.");
    return many ? nlohmann::json::array() : nlohmann::json();
  }
  if (!many) return data.is_null() ? nlohmann::json() : link_item(rel, data, pointer);
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < data.size(); ++i) {
    auto linked = link_item(rel, data[i], pointer + "/" + std::to_string(i));
    if (!linked.is_null()) out.push_back(std::move(linked));
  }
  return out;
}

nlohmann::json Writer::link_item(Relationship const* rel, nlohmann::json const& item, std::string const& pointer) {
  if (!item.is_object() || !item.contains("type") || !item["type"].is_string()) {
    errors_.at(400, pointer, "A linked resource needs a type.");
    return nullptr;
  }
  std::string const type = item["type"].get<std::string>();
  if (rel != nullptr && type != rel->type) {
    errors_.at(422, pointer + "/type", "This relationship links resources of type " + rel->type + ".");
    return nullptr;
  }
  std::optional<std::string> id;
  if (item.contains("id")) {
    id = id_text(item["id"]);
    if (!id || !is_digits(*id)) {
      errors_.at(400, pointer + "/id", "Ids are numeric strings.");
      return nullptr;
    }
  }
  Record const* target = id ? ctx_.view().find({type, *id}) : nullptr;
  bool const nested = item.contains("attributes") || item.contains("relationships");
  bool const must_exist = nested || ctx_.catalog.schema(type) != nullptr;  // undeclared types pass through
  if (id && target == nullptr && must_exist) {
    errors_.at(404, pointer + "/id", "There is no " + type + " with id " + *id + ".");
    return nullptr;
  }
  if (!nested) {
    if (!id) {
      errors_.at(422, pointer, "A linked resource needs an id, or attributes to create it.");
      return nullptr;
    }
    check_target(rel, target, pointer);
    return identifier({type, *id});
  }
  if (rel != nullptr && !rel->nested_objects) {
    errors_.at(422, pointer, "This relationship takes resource identifiers ({type, id}) only.");
    return nullptr;
  }
  if (target == nullptr && rel != nullptr && !rel->reuse_by_attribute.empty()) {
    auto const& key = rel->reuse_by_attribute;
    nlohmann::json wanted;
    if (auto const a = item.find("attributes"); a != item.end() && a->is_object())
      wanted = a->value(key, nlohmann::json());
    for (Record const* candidate : ctx_.view().all(type)) {
      if (!wanted.is_null() && candidate->attributes.value(key, nlohmann::json()) == wanted) target = candidate;
    }
  }
  Ref const ref = write(item, pointer, target, {}, {});
  check_target(rel, ctx_.view().find(ref), pointer);
  return identifier(ref);
}

void Writer::check_target(Relationship const* rel, Record const* target, std::string const& pointer) {
  if (rel == nullptr || rel->target_attribute.empty() || target == nullptr) return;
  if (target->attributes.value(rel->target_attribute, nlohmann::json()) != rel->target_value) {
    errors_.at(
        422, pointer,
        "The linked " + target->type + " must have " + rel->target_attribute + " " + rel->target_value.dump() + ".");
  }
}

void Writer::check_required(ResourceSpec const* spec, Record const& record, std::string const& pointer) {
  if (spec == nullptr) return;
  for (auto const& a : spec->attributes) {
    if (a.is_required && !is_set(record.attributes, a.name)) {
      errors_.at(422, pointer + "/attributes/" + a.name, a.name + " is required.");
    }
  }
  for (auto const& r : spec->relationships) {
    if (r.is_required && !is_set(record.relationships, r.name)) {
      errors_.at(422, pointer + "/relationships/" + r.name, r.name + " is required.");
    }
  }
}

void remove_record(Ctx& ctx, Ref const& ref) {
  Record const* record = ctx.view().find(ref);
  if (record == nullptr) return;
  std::vector<Ref> owned;
  if (ResourceSpec const* spec = ctx.catalog.schema(ref.type)) {
    for (auto const& rel : spec->relationships) {
      if (!rel.owns_targets) continue;
      for (auto const& target : record->related(rel.name)) owned.push_back(target);
    }
  }
  for (Record const* attachment : ctx.state.store.owned_by(ctx.company, ref)) owned.push_back(attachment->ref());
  ctx.state.store.erase(ctx.company, ref.type, ref.id);
  for (auto const& target : owned) remove_record(ctx, target);
}

}  // namespace flowii::emulator
