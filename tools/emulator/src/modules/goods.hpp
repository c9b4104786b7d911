// Goods module internals shared by its files, and the category-tree shape that
// the invoicing module's document categories reuse.
#pragma once

#include <string>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_goods(Seeder& seeder);  // goods_demo.cpp

// A readable, unpaged code list of categories (name, order, parent) whose
// collection lists the top level and {path}/{id}/{last segment} the children.
ResourceSpec category_tree(std::string type, std::string path);

}  // namespace flowii::emulator
