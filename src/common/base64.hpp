// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: base64 as FLOWii carries file contents (RFC 4648 section 4: the
// standard alphabet, padded with '='), shared by the SDK and the emulator.
// Header-only, so that a program linking both libraries gets no duplicate symbols.
//
// One decoder, two readers: the emulator decodes strictly, as FLOWii documents the
// form and a fake server must reject what FLOWii would; the SDK also reads the
// variants a server or proxy may produce without changing the bytes (line breaks,
// the URL-safe alphabet, missing padding), so that a download never fails on form.
#ifndef FLOWII_SRC_COMMON_BASE64_HPP
#define FLOWII_SRC_COMMON_BASE64_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowii::common {

namespace base64_detail {
inline constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr int sextet(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
}  // namespace base64_detail

/// `bytes` as padded standard base64.
inline std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::size_t const n = bytes.size() - i < 3 ? bytes.size() - i : 3;
    std::uint32_t chunk = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      std::uint32_t const byte = k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U;
      chunk = (chunk << 8) | byte;
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? base64_detail::kAlphabet[(chunk >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
  return out;
}

/// Which base64 text a decoder accepts.
enum class Base64Form {
  kStrict,   ///< padded standard base64 only (RFC 4648 section 4)
  kTolerant  ///< also white space, the URL-safe alphabet ('-', '_') and missing padding
};

/// The bytes of base64 `text`; nullopt when `text` is not of `form`. Strict: a
/// length that is not a multiple of 4, a character outside the alphabet (white
/// space included), or '=' anywhere but the last one or two places is an error.
inline std::optional<std::string> base64_decode(std::string_view text, Base64Form form = Base64Form::kStrict) {
  if (form == Base64Form::kTolerant) {
    std::string standard;  // the same text in the strict form, then decoded strictly
    standard.reserve(text.size() + 2);
    for (char c : text) {
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
      standard += c == '-' ? '+' : c == '_' ? '/' : c;
    }
    if (standard.size() % 4 == 2 || standard.size() % 4 == 3) standard.append(4 - standard.size() % 4, '=');
    return base64_decode(standard, Base64Form::kStrict);
  }
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
      int const v = base64_detail::sextet(c);
      if (v < 0 || padding > 0) return std::nullopt;  // no data after '='
      chunk = (chunk << 6) | static_cast<std::uint32_t>(v);
    }
    for (std::size_t k = 0; k < 3 - padding; ++k) {
      out += static_cast<char>((chunk >> (16 - 8 * k)) & 0xFF);
    }
  }
  return out;
}

}  // namespace flowii::common

#endif  // FLOWII_SRC_COMMON_BASE64_HPP
