// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tasks & events module internals shared by its files.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_TASKS_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_TASKS_HPP

#include <cstdint>
#include <vector>

#include "resource_spec.hpp"

namespace flowii::emulator {

// Activity/task states (the blueprint's members).
inline constexpr std::int64_t state_waiting = 4;
inline constexpr std::int64_t state_in_progress = 8;
inline constexpr std::int64_t state_done = 16;

// A task's state from its activities': done when every activity is finished
// (done, tested or cancelled), in progress when some work has started or
// ended, else waiting.
std::int64_t task_state_of(std::vector<std::int64_t> const& activity_states);  // tasks.cpp
std::int64_t activity_state(Record const* activity);                           // tasks.cpp; waiting when unset

// FLOWii filters events by who added them (created-by-user-id) but shows that
// nowhere: the emulator keeps an event's author in an unlisted record of this
// type, with the event's id and owned by it (so it goes when the event does).
// Its one relationship, `user`, links the author.
inline constexpr char const* communication_author = "communication-author";

std::vector<Route> task_routes();  // tasks_routes.cpp: the endpoints below one task's activities
void seed_tasks(Seeder& seeder);   // tasks_demo.cpp

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_TASKS_HPP
