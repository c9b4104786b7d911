// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Finance module internals shared by its declaration and demo-data files.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_FINANCE_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_FINANCE_HPP

#include "resource_spec.hpp"

namespace flowii::emulator {

// FLOWii's EUR currency id, as in its cash-flow examples.
inline constexpr char const* euro_id = "44";

// Currencies, cash-flow categories, invoices to pair with and a few months of
// incomes and expenses per company.
void seed_finance(Seeder& seeder);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_FINANCE_HPP
