// Notifications module internals shared by its declaration and demo-data files.
#pragma once

#include "resource_spec.hpp"

namespace flowii::emulator {

// One notification of every documented type for each login of the company,
// about the tasks, events, business cases and orders seeded before.
void seed_notifications(Seeder& seeder);

}  // namespace flowii::emulator
