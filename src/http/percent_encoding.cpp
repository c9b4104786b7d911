// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "http/percent_encoding.hpp"

namespace flowii::detail {
namespace {

constexpr bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string encoded(std::string_view value, bool space_as_plus) {
  std::string out;
  out.reserve(value.size());
  append_percent_encoded(out, value, space_as_plus);
  return out;
}

}  // namespace

// Whole runs of unreserved characters are appended at a time: every call's URL is built here.
void append_percent_encoded(std::string& out, std::string_view value, bool space_as_plus) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::size_t run = 0;  // start of the current run of unreserved characters
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto const c = static_cast<unsigned char>(value[i]);
    if (is_unreserved(c)) continue;
    out.append(value.data() + run, i - run);
    if (c == ' ' && space_as_plus) {
      out += '+';
    } else {
      char const escaped[] = {'%', kHex[c >> 4], kHex[c & 15]};
      out.append(escaped, sizeof(escaped));
    }
    run = i + 1;
  }
  out.append(value.data() + run, value.size() - run);
}

std::string url_encode(std::string_view value) { return encoded(value, false); }

std::string form_encode(std::string_view value) { return encoded(value, true); }

}  // namespace flowii::detail
