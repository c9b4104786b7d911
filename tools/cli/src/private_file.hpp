// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Files the command keeps between runs (the saved session, a watch's cursor):
// only the user can read them, and a crash, a kill or a full disk at any moment
// leaves the old file or the new one, never a part.
#ifndef FLOWII_CLI_PRIVATE_FILE_HPP
#define FLOWII_CLI_PRIVATE_FILE_HPP

#include <string>

namespace flowii::cli {

/// Replaces the file `path` with `text`: a new file beside it (".NAME-XXXXXX",
/// mode 0600), written, synced and renamed over the old one. Returns what failed,
/// with the system's reason; empty on success. A failed write leaves the old file
/// as it was and no temporary file behind.
std::string replace_private_file(std::string const& path, std::string const& text);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_PRIVATE_FILE_HPP
