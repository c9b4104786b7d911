// Partners module internals shared by its files.
#pragma once

#include <string>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_partners(Seeder& seeder);                     // partners_demo.cpp
std::string partners_xml(ExportInput const& input);     // partners_export.cpp
std::string partners_pohoda(ExportInput const& input);  // partners_export.cpp

}  // namespace flowii::emulator
