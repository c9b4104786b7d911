// Finance module internals shared by its declaration and demo-data files.
#pragma once

#include "resource_spec.hpp"

namespace flowii::emulator {

// FLOWii's EUR currency id, as in its cash-flow examples.
inline constexpr char const* euro_id = "44";

// Currencies, cash-flow categories, invoices to pair with and a few months of
// incomes and expenses per company.
void seed_finance(Seeder& seeder);

}  // namespace flowii::emulator
