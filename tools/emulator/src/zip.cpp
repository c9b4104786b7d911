// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "zip.hpp"

#include <array>
#include <ctime>

namespace flowii::emulator {

namespace {

std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

struct DosTime {
  std::uint32_t time = 0;
  std::uint32_t date = 0;
};

DosTime dos_time(std::int64_t unix_seconds) {
  std::time_t const t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  if (tm.tm_year < 80) return {0, (1u << 5) | 1u};  // DOS dates start in 1980
  return {static_cast<std::uint32_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2)),
          static_cast<std::uint32_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday)};
}

constexpr std::uint32_t utf8_names_flag = 0x0800;

// The fields shared by the local header and the central directory entry.
void put_entry_fields(std::string& out, ZipEntry const& e, DosTime when, std::uint32_t crc) {
  put16(out, 10);  // version needed: 1.0 (stored)
  put16(out, utf8_names_flag);
  put16(out, 0);  // method: stored
  put16(out, when.time);
  put16(out, when.date);
  put32(out, crc);
  put32(out, static_cast<std::uint32_t>(e.content.size()));  // compressed size
  put32(out, static_cast<std::uint32_t>(e.content.size()));  // uncompressed size
  put16(out, static_cast<std::uint32_t>(e.name.size()));
  put16(out, 0);  // extra field length
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  static auto const table = make_crc_table();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : bytes) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string make_zip(std::vector<ZipEntry> const& entries, std::int64_t mtime_unix) {
  DosTime const when = dos_time(mtime_unix);
  std::string archive;
  std::string directory;
  for (auto const& e : entries) {
    auto const offset = static_cast<std::uint32_t>(archive.size());
    auto const crc = crc32(e.content);

    put32(archive, 0x04034b50);  // local file header
    put_entry_fields(archive, e, when, crc);
    archive += e.name;
    archive += e.content;

    put32(directory, 0x02014b50);  // central directory header
    put16(directory, 20);          // version made by
    put_entry_fields(directory, e, when, crc);
    put16(directory, 0);  // comment length
    put16(directory, 0);  // disk number
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += e.name;
  }
  auto const directory_offset = static_cast<std::uint32_t>(archive.size());
  archive += directory;
  put32(archive, 0x06054b50);  // end of central directory
  put16(archive, 0);
  put16(archive, 0);
  put16(archive, static_cast<std::uint32_t>(entries.size()));
  put16(archive, static_cast<std::uint32_t>(entries.size()));
  put32(archive, static_cast<std::uint32_t>(directory.size()));
  put32(archive, directory_offset);
  put16(archive, 0);  // comment length
  return archive;
}

}  // namespace flowii::emulator
