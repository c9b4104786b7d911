// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "modules/registry.hpp"

namespace flowii::emulator {

std::vector<Module> all_modules() {
  return {account_module(),        custom_fields_module(), partners_module(),     goods_module(),
          business_cases_module(), orders_module(),        tasks_module(),        invoicing_module(),
          finance_module(),        attendance_module(),    notifications_module()};
}

}  // namespace flowii::emulator
