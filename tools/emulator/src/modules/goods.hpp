// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Goods module internals shared by its files.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_GOODS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_GOODS_HPP

#include <string>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_goods(Seeder& seeder);  // goods_demo.cpp

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_GOODS_HPP
