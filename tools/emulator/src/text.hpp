// Small string helpers shared by the emulator (ASCII and UTF-8 aware where noted).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowii::emulator {

bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
bool starts_with(std::string_view s, std::string_view prefix);
std::string to_lower_ascii(std::string_view s);

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
