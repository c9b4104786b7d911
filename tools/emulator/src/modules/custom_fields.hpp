// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Custom fields, shared by the modules that own them (partners, orders, tasks,
// business cases): value-type 1 bool, 2 number, 3 text, 4 date, 6 enum.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_CUSTOM_FIELDS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_CUSTOM_FIELDS_HPP

#include <string>
#include <vector>

#include "resource_spec.hpp"

namespace flowii::emulator {

enum class ValueType { kBoolean = 1, kNumber = 2, kText = 3, kDate = 4, kEnumeration = 6 };

// The custom-field-*-values relationships an owning resource declares.
std::vector<Relationship> custom_field_value_relationships();

// GET {collection} (e.g. /partners/customfields): the definitions of one
// owner's scope, unpaged (fields of custom-field are declared here).
ResourceSpec custom_field_list(std::string collection, std::string scope);

// A definition in the scope of its owner ("partner" -> /partners/customfields),
// with enum options for ValueType::kEnumeration.
Record& seed_custom_field(Seeder& seeder, std::string const& scope, std::string const& name, ValueType type, int order,
                          std::vector<std::string> const& options = {});

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_CUSTOM_FIELDS_HPP
