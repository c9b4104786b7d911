#include "base64.hpp"

#include <cstdint>

namespace flowii::emulator {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::size_t const n = bytes.size() - i < 3 ? bytes.size() - i : 3;
    std::uint32_t chunk = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      auto const byte = k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u;
      chunk = (chunk << 8) | byte;
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? alphabet[(chunk >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    bool const last = i + 4 == text.size();
    std::size_t padding = 0;
    std::uint32_t chunk = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      char const c = text[i + k];
      if (c == '=' && last && k >= 2) {
        ++padding;
        chunk <<= 6;
        continue;
      }
      int const v = sextet(c);
      if (v < 0 || padding > 0) return std::nullopt;  // no data after '='
      chunk = (chunk << 6) | static_cast<std::uint32_t>(v);
    }
    for (std::size_t k = 0; k < 3 - padding; ++k) {
      out += static_cast<char>((chunk >> (16 - 8 * k)) & 0xFF);
    }
  }
  return out;
}

}  // namespace flowii::emulator
