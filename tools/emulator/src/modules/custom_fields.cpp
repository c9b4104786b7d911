// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "modules/custom_fields.hpp"

#include "jsonapi.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

constexpr char const* field_type = "custom-field";
constexpr char const* option_type = "custom-field-enum-value-definition";

Relationship field_of(ValueType type) {
  return Relationship::one("custom-field", field_type).required().target_where("value-type", static_cast<int>(type));
}

ResourceSpec value_spec(std::string type, Attribute value, ValueType value_type) {
  ResourceSpec spec;
  spec.type = std::move(type);
  spec.attributes = {std::move(value)};
  spec.relationships = {field_of(value_type)};
  return spec;
}

ResourceSpec definition() {
  ResourceSpec spec;  // endpoints come from the owners, e.g. /partners/customfields
  spec.type = field_type;
  spec.attributes = {
      Attribute::text("name").required(), Attribute::integer("value-type").required().one_of({1, 2, 3, 4, 5, 6}),
      Attribute::integer("order"),        Attribute::boolean("is-nullable"),
      Attribute::integer("length"),       Attribute::number("min-value"),
      Attribute::number("max-value")};
  spec.relationships = {Relationship::list("value-definitions", option_type).nested().owned(),
                        Relationship::one("group", "custom-field-group")};
  return spec;
}

}  // namespace

ResourceSpec custom_field_list(std::string collection, std::string scope) {
  ResourceSpec spec;
  spec.type = field_type;
  spec.collection = std::move(collection);
  spec.scope = std::move(scope);
  spec.ops = {Op::kList};
  spec.paged = false;
  return spec;
}

std::vector<Relationship> custom_field_value_relationships() {
  std::vector<Relationship> out;
  for (char const* kind : {"string", "numeric", "bool", "date", "enum"}) {
    std::string const type = std::string("custom-field-") + kind + "-value";
    out.push_back(Relationship::list(type + "s", type).nested().owned());
  }
  return out;
}

Module custom_fields_module() {
  ResourceSpec enum_value;
  enum_value.type = "custom-field-enum-value";
  enum_value.relationships = {Relationship::one("value", option_type).required(), field_of(ValueType::kEnumeration)};

  ResourceSpec option;
  option.type = option_type;
  option.attributes = {Attribute::text("name").required()};

  Module m;
  m.name = "custom-fields";
  m.resources = {
      definition(),
      option,
      value_spec("custom-field-string-value", Attribute::text("value"), ValueType::kText),
      value_spec("custom-field-numeric-value", Attribute::number("value"), ValueType::kNumber),
      value_spec("custom-field-bool-value", Attribute::boolean("value"), ValueType::kBoolean),
      value_spec("custom-field-date-value", Attribute::datetime("value"), ValueType::kDate),
      enum_value,
  };
  return m;
}

Record& seed_custom_field(Seeder& seeder, std::string const& scope, std::string const& name, ValueType type, int order,
                          std::vector<std::string> const& options) {
  nlohmann::json definitions = nlohmann::json::array();
  for (auto const& option : options) {
    definitions.push_back(identifier(seeder.add(option_type, {{"name", option}}).ref()));
  }
  Record& field = seeder.add(field_type,
                             {{"name", name},
                              {"value-type", static_cast<int>(type)},
                              {"order", order},
                              {"is-nullable", type == ValueType::kBoolean},
                              {"length", nullptr},
                              {"min-value", nullptr},
                              {"max-value", nullptr}},
                             {{"value-definitions", definitions}, {"group", nullptr}});
  field.scope = scope;
  return field;
}

}  // namespace flowii::emulator
