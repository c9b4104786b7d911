// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: ASCII case helpers shared by the SDK and the emulator. Header-only, so
// that a program linking both libraries gets no duplicate symbols. Locale-free on
// purpose: HTTP header names, media types and file extensions are ASCII, and
// std::tolower would depend on the global locale.
#ifndef FLOWII_SRC_COMMON_ASCII_HPP
#define FLOWII_SRC_COMMON_ASCII_HPP

#include <string>
#include <string_view>

namespace flowii::common {

/// 'A'..'Z' to 'a'..'z'; every other byte (UTF-8 included) unchanged.
constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// `text` with its ASCII letters lower-cased.
inline std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

/// Whether `a` and `b` are equal ignoring ASCII case.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

/// Whether `text`, in any ASCII case, contains `lower_word` (which must be lower case).
constexpr bool contains_lower(std::string_view text, std::string_view lower_word) noexcept {
  for (std::size_t i = 0; i + lower_word.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < lower_word.size() && ascii_lower(text[i + k]) == lower_word[k]) ++k;
    if (k == lower_word.size()) return true;
  }
  return false;
}

}  // namespace flowii::common

#endif  // FLOWII_SRC_COMMON_ASCII_HPP
