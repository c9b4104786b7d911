// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The modules the emulator serves. A new FLOWii area (orders, tasks, ...) is
// one more function here and one more file in this folder.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_REGISTRY_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_REGISTRY_HPP

#include <string_view>
#include <vector>

#include <flowii/emulator/emulator.hpp>

#include "resource_spec.hpp"

namespace flowii::emulator {

// In seeding order: a module's seed may use what earlier modules seeded.
std::vector<Module> all_modules();

Module account_module();         // /token, /companies, users, permissions, countries, tags, files
Module custom_fields_module();   // custom-field definitions and values, shared by owning modules
Module partners_module();        // partners, partner types, partner custom fields and tags
Module goods_module();           // goods, good categories and subcategories, units of measure
Module business_cases_module();  // business cases, their code lists, custom fields and export
Module orders_module();          // orders, order states/types, custom fields and export
Module tasks_module();  // tasks, activities, intervals, messages, task code lists; communications and their code lists
Module invoicing_module();   // documents, PDF, Pohoda export, document code lists, company data, bank accounts, payment
                             // methods, delivery types
Module finance_module();     // cash flow and cash-flow transactions
Module attendance_module();  // attendance events, planned absences, attendance summary
Module notifications_module();  // notifications, summaries (home, notifications) and devices

// The built-in demo set used when Options leaves companies/users empty.
std::vector<EmulatedCompany> demo_companies();
std::vector<EmulatedUser> demo_users();

// ISO 3166 alpha-2 code of a seeded country name ("Slovensko" -> "SK"), or "".
std::string_view country_code(std::string_view country_name);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_REGISTRY_HPP
