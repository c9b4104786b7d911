// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "text.hpp"

#include "common/ascii.hpp"

namespace flowii::emulator {

namespace {

// Lower-case mapping for code points below U+0180.
char32_t fold_code_point(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;
  // Latin Extended-A pairs: upper case is even, except in these two runs.
  bool const odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if (c >= 0x100 && c <= 0x17F && c != 0x138 && c != 0x149 && c != 0x17F) {
    bool const is_upper = odd_upper ? (c % 2 == 1) : (c % 2 == 0);
    if (is_upper) return c + 1;
  }
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string fold_case(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    auto const b0 = static_cast<unsigned char>(utf8[i]);
    // Two-byte sequences cover everything we fold; copy the rest verbatim.
    if ((b0 & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
      auto const b1 = static_cast<unsigned char>(utf8[i + 1]);
      char32_t const c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
      append_utf8(out, fold_code_point(c));
      i += 2;
    } else {
      out += b0 < 0x80 ? common::ascii_lower(utf8[i]) : utf8[i];
      ++i;
    }
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    auto const pos = s.find(separator, start);
    parts.emplace_back(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

std::string trim(std::string_view s) {
  auto const first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  auto const last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  bool const negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  if (!is_digits(s) || s.size() > 18) return std::nullopt;  // 18 digits never overflow
  std::int64_t value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return negative ? -value : value;
}

std::string percent_encode(std::string_view s, std::string_view keep) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto const c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || keep.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int const hi = hex_value(s[i + 1]);
      int const lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace flowii::emulator
