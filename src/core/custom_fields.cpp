// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/models/common.hpp>

namespace flowii {
namespace {

struct KindInfo {
  CustomFieldType kind;
  char const* relationship;
  char const* type;
};
constexpr KindInfo kKinds[] = {
    {CustomFieldType::kBool, "custom-field-bool-values", "custom-field-bool-value"},
    {CustomFieldType::kNumber, "custom-field-numeric-values", "custom-field-numeric-value"},
    {CustomFieldType::kText, "custom-field-string-values", "custom-field-string-value"},
    {CustomFieldType::kDate, "custom-field-date-values", "custom-field-date-value"},
    {CustomFieldType::kEnum, "custom-field-enum-values", "custom-field-enum-value"},
};

KindInfo const& info(CustomFieldType kind) {
  for (auto const& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds[2];
}

Resource value_resource(CustomFieldType kind, std::string const& field_id) {
  Resource r(info(kind).type);
  r.link("custom-field", ResourceId{"custom-field", field_id});
  return r;
}

// A bool, number, text or date value: the "value" attribute.
template <typename T>
Resource scalar_value(CustomFieldType kind, std::string const& field_id, T value) {
  auto r = value_resource(kind, field_id);
  r.set("value", std::move(value));
  return r;
}

}  // namespace

CustomFieldValue CustomFieldValue::boolean(std::string field_id, bool value) {
  auto r = scalar_value(CustomFieldType::kBool, field_id, value);
  return CustomFieldValue(CustomFieldType::kBool, std::move(field_id), std::move(r));
}

CustomFieldValue CustomFieldValue::number(std::string field_id, double value) {
  auto r = scalar_value(CustomFieldType::kNumber, field_id, value);
  return CustomFieldValue(CustomFieldType::kNumber, std::move(field_id), std::move(r));
}

CustomFieldValue CustomFieldValue::text(std::string field_id, std::string value) {
  auto r = scalar_value(CustomFieldType::kText, field_id, std::move(value));
  return CustomFieldValue(CustomFieldType::kText, std::move(field_id), std::move(r));
}

CustomFieldValue CustomFieldValue::date(std::string field_id, DateTime value) {
  auto r = scalar_value(CustomFieldType::kDate, field_id, value);
  return CustomFieldValue(CustomFieldType::kDate, std::move(field_id), std::move(r));
}

CustomFieldValue CustomFieldValue::enumeration(std::string field_id, std::string value_definition_id) {
  auto r = value_resource(CustomFieldType::kEnum, field_id);
  r.link("value", ResourceId{"custom-field-enum-value-definition", std::move(value_definition_id)});
  return CustomFieldValue(CustomFieldType::kEnum, std::move(field_id), std::move(r));
}

char const* CustomFieldValue::relationship() const { return info(kind_).relationship; }

std::optional<std::string> CustomFieldValue::as_enum_value_id() const {
  auto v = resource_.to_one("value");
  if (!v) return std::nullopt;
  return v->id;
}

std::vector<CustomFieldValue> CustomFieldValue::read_all(Resource const& owner) {
  std::vector<CustomFieldValue> out;
  for (auto const& k : kKinds) {
    // Values come either nested (as written) or as identifiers of included resources.
    std::vector<Resource> values = owner.nested(k.relationship);
    for (auto& v : values) {
      if (!v.id().empty() && !v.has("value") && !v.has_relationship("custom-field")) {
        if (auto inc = owner.included().find(v.ref())) v = *inc;
      }
      auto field = v.to_one("custom-field");
      out.push_back(CustomFieldValue(k.kind, field ? field->id : std::string(), std::move(v)));
    }
  }
  return out;
}

void add_custom_field(Resource& owner, CustomFieldValue const& value) {
  owner.append(value.relationship(), value.resource());
}

}  // namespace flowii
