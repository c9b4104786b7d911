// Minimal zip writer (stored entries, no compression) for FLOWii's export endpoints.
#pragma once

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
