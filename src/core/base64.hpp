// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: base64 (RFC 4648), for file uploads and file contents.
#ifndef FLOWII_SRC_CORE_BASE64_HPP
#define FLOWII_SRC_CORE_BASE64_HPP

#include <optional>
#include <string>
#include <string_view>

namespace flowii::detail {

std::string base64_encode(std::string_view bytes);
/// Ignores whitespace; nullopt on any other invalid character or bad padding.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_BASE64_HPP
