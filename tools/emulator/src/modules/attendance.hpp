// Attendance module internals shared by its declaration and demo-data files.
#pragma once

#include "resource_spec.hpp"

namespace flowii::emulator {

// Two weeks of clock-ins, lunches and clock-outs for every user of the
// company, and a few planned absences.
void seed_attendance(Seeder& seeder);

}  // namespace flowii::emulator
