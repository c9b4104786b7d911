// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Attendance module internals shared by its declaration and demo-data files.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_ATTENDANCE_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_ATTENDANCE_HPP

#include "resource_spec.hpp"

namespace flowii::emulator {

// Two weeks of clock-ins, lunches and clock-outs for every user of the
// company, and a few planned absences.
void seed_attendance(Seeder& seeder);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_ATTENDANCE_HPP
