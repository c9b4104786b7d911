// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Small string helpers shared by the emulator (ASCII and UTF-8 aware where noted).
#ifndef FLOWII_TOOLS_EMULATOR_SRC_TEXT_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_TEXT_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowii::emulator {

// ASCII case (iequals, to_lower) is in common/ascii.hpp, shared with the SDK.

bool starts_with(std::string_view s, std::string_view prefix);

// Lower-cases ASCII, Latin-1 and Latin Extended-A letters (Slovak, Czech and
// Hungarian text), so that search is case-insensitive like FLOWii's.
std::string fold_case(std::string_view utf8);

std::vector<std::string> split(std::string_view s, char separator);
std::string trim(std::string_view s);

// Strict decimal integer: optional '-', digits only, no overflow.
std::optional<std::int64_t> parse_int(std::string_view s);
bool is_digits(std::string_view s);

// Percent-encodes everything but unreserved characters (RFC 3986) and the
// characters in `keep` (e.g. "," for FLOWii's comma-separated id lists).
std::string percent_encode(std::string_view s, std::string_view keep = {});
// Decodes %XX and, for form bodies, '+' as space. Returns nullopt on bad escapes.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_TEXT_HPP
