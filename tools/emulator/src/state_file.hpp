// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The state file (Options::state_file): the whole store as versioned JSON,
// read at start instead of seeding and written atomically at a clean stop.
// Tokens, faults, the journal, rate windows and the clock are not state.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_STATE_FILE_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_STATE_FILE_HPP

#include <string>
#include <vector>

#include "store.hpp"

namespace flowii::emulator {

// Bumped whenever the layout changes; other versions are refused, not guessed at.
inline constexpr int state_file_version = 1;

// The store saved in `path`, or false when there is no such file. Throws
// std::runtime_error naming the file and the fault when it cannot be read, is
// not a version-1 state file, or holds a company not in `company_ids`.
bool load_state(std::string const& path, std::vector<std::string> const& company_ids, Store& store);
// Writes a temporary file next to `path`, then renames it over `path`, so a
// crash leaves the old file or the new one, never half of one. Throws std::runtime_error.
void save_state(std::string const& path, Store const& store);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_STATE_FILE_HPP
