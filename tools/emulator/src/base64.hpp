// Standard base64 (RFC 4648 §4, with padding): FLOWii carries file contents this way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flowii::emulator {

std::string base64_encode(std::string_view bytes);
// Strict: only the standard alphabet and correct padding are accepted.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace flowii::emulator
