// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Orders module internals shared by its files.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_ORDERS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_ORDERS_HPP

#include <string>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_orders(Seeder& seeder);                     // orders_demo.cpp
std::string orders_pohoda(ExportInput const& input);  // orders_export.cpp

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_ORDERS_HPP
