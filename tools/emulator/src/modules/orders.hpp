// Orders module internals shared by its files.
#pragma once

#include <string>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_orders(Seeder& seeder);                     // orders_demo.cpp
std::string orders_pohoda(ExportInput const& input);  // orders_export.cpp

}  // namespace flowii::emulator
