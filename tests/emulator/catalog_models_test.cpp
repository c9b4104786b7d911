// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The SDK's models and the emulator's catalog describe the same FLOWii types
// twice (the SDK to decode, the emulator to validate and serve). Where both
// declare a field they must agree on its kind, and on a relationship's target
// type and arity; otherwise a test passing against the emulator proves nothing
// about the SDK reading FLOWii's answer.
#include "blueprint/model_registry.hpp"
#include "modules/registry.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace flowii::emulator {
namespace {

// Whether the emulator's attribute kind accepts exactly what the SDK's field reads.
bool agrees(ValueKind emulator, FieldKind sdk) {
  switch (emulator) {
    case ValueKind::kAny:
      return true;  // the emulator does not check it (free-form JSON)
    case ValueKind::kString:
      return sdk == FieldKind::kString;
    case ValueKind::kInteger:
      return sdk == FieldKind::kInteger || sdk == FieldKind::kEnum;
    case ValueKind::kNumber:
      return sdk == FieldKind::kNumber;
    case ValueKind::kBoolean:
      return sdk == FieldKind::kBool;
    case ValueKind::kDateTime:
      return sdk == FieldKind::kDate || sdk == FieldKind::kDateTime;
  }
  return false;
}

struct Compared {
  std::set<std::string> types;  // types both sides declare
  int fields = 0;               // fields both sides declare
  std::vector<std::string> disagreements;
};

void compare(ResourceSpec const& spec, std::vector<FieldSpec> const& model, Compared& out) {
  out.types.insert(spec.type);
  for (auto const& field : model) {
    std::string const where = spec.type + "." + field.key + ": ";
    bool const relationship = field.kind == FieldKind::kToOne || field.kind == FieldKind::kToMany;
    if (!relationship) {
      for (auto const& a : spec.attributes) {
        if (a.name != field.key) continue;
        ++out.fields;
        if (!agrees(a.kind, field.kind)) {
          out.disagreements.push_back(where + "the SDK reads " + to_string(field.kind) +
                                      ", the emulator validates another kind (ValueKind #" +
                                      std::to_string(static_cast<int>(a.kind)) + " of resource_spec.hpp)");
        }
      }
      continue;
    }
    for (auto const& r : spec.relationships) {
      if (r.name != field.key) continue;
      ++out.fields;
      if (r.to_many != (field.kind == FieldKind::kToMany)) {
        out.disagreements.push_back(where + "the SDK reads a " + to_string(field.kind) + ", the emulator serves a " +
                                    (r.to_many ? "to-many" : "to-one") + " relationship");
      }
      if (r.type != field.target_type) {
        out.disagreements.push_back(where + "the SDK expects type '" + field.target_type +
                                    "', the emulator links type '" + r.type + "'");
      }
    }
  }
}

TEST(CatalogModelsTest, FieldKindsAgreeWithTheSdkModels) {
  Compared compared;
  for (auto const& module : all_modules()) {
    for (auto const& spec : module.resources) {
      if (auto model = flowii::test::model_fields(spec.type)) compare(spec, *model, compared);
    }
  }
  std::string all;
  for (auto const& d : compared.disagreements) all += "\n  " + d;
  EXPECT_TRUE(compared.disagreements.empty()) << "the SDK models and the emulator catalog disagree:" << all;
  // The comparison must have had something to compare (today 297 fields of
  // 49 types): a renamed registry must not make it pass vacuously.
  EXPECT_GE(compared.types.size(), 40U);
  EXPECT_GE(compared.fields, 250);
}

}  // namespace
}  // namespace flowii::emulator
