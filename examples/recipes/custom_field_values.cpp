// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): a value for each of the partners' custom fields,
// set on an existing partner, then read back. Orders, tasks and business
// cases work the same way with their own custom_fields().
#include <flowii/flowii.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

int main() try {
  auto client = flowii::Client::from_env().value();
  auto& partners = client.partners();

  // The definitions: each field's id, name, value type and (enums) its options.
  auto fields = partners.custom_fields().value();
  auto listed = partners.list_page(flowii::PartnerQuery().page_size(1)).value();
  if (fields.empty() || listed.items.empty()) throw std::runtime_error("no partner custom fields or no partner");
  std::string const id = listed.items.front().id();

  // update() PATCHes what the object holds: only the id and the values here.
  flowii::Partner change;
  change.set_id(id);
  for (auto const& field : fields) {
    switch (field.value_type().value_or(flowii::CustomFieldType::kText)) {
      case flowii::CustomFieldType::kBool:
        flowii::add_custom_field(change, flowii::CustomFieldValue::boolean(field.id(), true));
        break;
      case flowii::CustomFieldType::kNumber:
        flowii::add_custom_field(change, flowii::CustomFieldValue::number(field.id(), 25000));
        break;
      case flowii::CustomFieldType::kText:
        flowii::add_custom_field(change, flowii::CustomFieldValue::text(field.id(), "RZ-2026/014"));
        break;
      case flowii::CustomFieldType::kDate:
        flowii::add_custom_field(change,
                                 flowii::CustomFieldValue::date(field.id(), flowii::DateTime{2026, 3, 2, 0, 0, 0}));
        break;
      case flowii::CustomFieldType::kEnum:  // the id of one of the field's options
        if (!field.value_definitions().empty()) {
          auto const option = field.value_definitions().front().id;
          flowii::add_custom_field(change, flowii::CustomFieldValue::enumeration(field.id(), option));
        }
        break;
    }
  }
  flowii::throw_if_error(partners.update(change));

  auto read = partners.get(id).value();
  auto values = flowii::CustomFieldValue::read_all(read);
  for (auto const& v : values) {
    bool const option = v.kind() == flowii::CustomFieldType::kEnum;
    std::cout << "partner " << id << ", custom field " << v.field_id() << ": "
              << (option ? "option " + v.as_enum_value_id().value_or("?") : v.resource().attribute_json("value"))
              << "\n";
  }
  if (values.size() != flowii::CustomFieldValue::read_all(change).size()) {
    throw std::runtime_error("not every value was stored");
  }
  return 0;
} catch (std::exception const& e) {
  std::cerr << "custom_field_values: " << e.what() << "\n";
  return 1;
}
