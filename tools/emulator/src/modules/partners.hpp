// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Partners module internals shared by its files.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_PARTNERS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_PARTNERS_HPP

#include <string>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_partners(Seeder& seeder);                     // partners_demo.cpp
std::string partners_xml(ExportInput const& input);     // partners_export.cpp
std::string partners_pohoda(ExportInput const& input);  // partners_export.cpp

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_PARTNERS_HPP
