// Tasks & events module internals shared by its files.
#pragma once

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

std::vector<Route> task_routes();  // tasks_routes.cpp: the endpoints below one task's activities
void seed_tasks(Seeder& seeder);   // tasks_demo.cpp

}  // namespace flowii::emulator
