// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "resource_spec.hpp"

#include <algorithm>

#include <flowii/emulator/emulator.hpp>

#include "common/ascii.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

bool listed(std::vector<std::string> const& names, std::string const& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool ListView::shows_attribute(std::string const& name) const { return everything || listed(attributes, name); }

bool ListView::shows_relationship(std::string const& name) const { return everything || listed(relationships, name); }

bool ExportInput::flag(std::string_view parameter) const {
  auto const values = request.query_values(parameter);
  return !values.empty() && (common::iequals(values.back(), "true") || values.back() == "1");
}

ResourceSpec ResourceSpec::code_list(std::string type, std::string collection, std::vector<Attribute> attributes,
                                     bool readable_items) {
  ResourceSpec spec;
  spec.type = std::move(type);
  spec.collection = std::move(collection);
  spec.ops = {Op::kList};
  if (readable_items) spec.ops.insert(Op::kRead);
  spec.paged = false;
  spec.attributes = std::move(attributes);
  return spec;
}

ResourceSpec ResourceSpec::crud(std::string type, std::string collection) {
  ResourceSpec spec;
  spec.type = std::move(type);
  spec.collection = std::move(collection);
  spec.ops = {Op::kList, Op::kRead, Op::kCreate, Op::kUpdate, Op::kRemove};
  return spec;
}

ResourceSpec ResourceSpec::tree_code_list(std::string const& type, std::string const& collection, bool name_required) {
  Attribute name = Attribute::text("name");
  if (name_required) name.required();
  auto spec = code_list(type, collection, {name, Attribute::integer("order")}, true);
  spec.relationships = {Relationship::one("parent", type).related_link()};
  spec.list_where = [](Record const& r) { return r.related("parent").empty(); };
  SubList children = SubList::related(collection.substr(collection.rfind('/') + 1), type, {"<" + type + ":parent"});
  children.paged = false;
  spec.sublists = {children};
  return spec;
}

Attribute const* ResourceSpec::attribute(std::string_view name) const {
  auto const it = std::find_if(attributes.begin(), attributes.end(), [&](auto const& a) { return a.name == name; });
  return it == attributes.end() ? nullptr : &*it;
}

Relationship const* ResourceSpec::relationship(std::string_view name) const {
  auto const it =
      std::find_if(relationships.begin(), relationships.end(), [&](auto const& r) { return r.name == name; });
  return it == relationships.end() ? nullptr : &*it;
}

Seeder::Seeder(Store& store, EmulatedCompany const& company, std::size_t company_index,
               std::vector<EmulatedUser> const& members, Rng& rng, std::int64_t now)
    : store_(store), company_(company), company_index_(company_index), members_(members), rng_(rng), now_(now) {}

Record& Seeder::add(std::string type, nlohmann::json attributes, nlohmann::json relationships, std::string id,
                    Ref owner) {
  Record record;
  record.type = std::move(type);
  record.id = id.empty() ? store_.allocate_id() : std::move(id);
  record.attributes = std::move(attributes);
  record.relationships = std::move(relationships);
  record.owner = std::move(owner);
  record.created = record.edited = now_;
  return store_.put(company_.id, std::move(record));
}

std::vector<Record const*> Seeder::all(std::string const& type) const { return store_.all(company_.id, type); }

Record const* Seeder::find(std::string const& type, std::string const& id) const {
  return store_.find(company_.id, type, id);
}

Record* Seeder::edit(Ref const& ref) { return store_.find(company_.id, ref.type, ref.id); }

}  // namespace flowii::emulator
