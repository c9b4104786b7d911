// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// For the fuzz targets: runs a resource through the field decoders of every
// typed model the SDK declares (all modules' ModelLists).
#ifndef FLOWII_TESTS_FUZZ_FUZZ_MODELS_HPP
#define FLOWII_TESTS_FUZZ_FUZZ_MODELS_HPP

#include <flowii/flowii.hpp>
#include <flowii/models/account.hpp>
#include <flowii/models/attendance.hpp>
#include <flowii/models/finance.hpp>
#include <flowii/models/goods.hpp>

namespace flowii::fuzz {

template <typename... Models>
void decode_with(ModelList<Models...>, Resource const& resource) {
  // check_fields decodes every declared attribute and relationship with its type.
  (static_cast<void>(check_fields(resource, Models::fields())), ...);
}

inline void decode_with_every_model(Resource const& resource) {
  decode_with(CommonModels{}, resource);
  decode_with(PartnersModels{}, resource);
  decode_with(TasksModels{}, resource);
  decode_with(BusinessCasesModels{}, resource);
  decode_with(OrdersModels{}, resource);
  decode_with(GoodsModels{}, resource);
  decode_with(InvoicingModels{}, resource);
  decode_with(FinanceModels{}, resource);
  decode_with(AttendanceModels{}, resource);
  decode_with(AccountModels{}, resource);
  (void)CustomFieldValue::read_all(resource);
}

}  // namespace flowii::fuzz

#endif  // FLOWII_TESTS_FUZZ_FUZZ_MODELS_HPP
