// Goods module internals shared by its files.
#pragma once

#include <string>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_goods(Seeder& seeder);  // goods_demo.cpp

}  // namespace flowii::emulator
