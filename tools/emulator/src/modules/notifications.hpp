// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Notifications module internals shared by its declaration and demo-data files.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_NOTIFICATIONS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_NOTIFICATIONS_HPP

#include "resource_spec.hpp"

namespace flowii::emulator {

// One notification of every documented type for each login of the company,
// about the tasks, events, business cases and orders seeded before.
void seed_notifications(Seeder& seeder);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_NOTIFICATIONS_HPP
