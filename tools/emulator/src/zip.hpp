// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Minimal zip writer (stored entries, no compression) for FLOWii's export endpoints.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_ZIP_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_ZIP_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowii::emulator {

std::uint32_t crc32(std::string_view bytes);  // IEEE 802.3, as zip uses

struct ZipEntry {
  std::string name;  // UTF-8
  std::string content;
};

// A complete archive; `mtime_unix` becomes every entry's DOS time stamp.
std::string make_zip(std::vector<ZipEntry> const& entries, std::int64_t mtime_unix);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_ZIP_HPP
