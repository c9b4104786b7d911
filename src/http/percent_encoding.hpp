// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: the one percent-encoder, for URL query values and path segments and
// for the form-encoded body of POST /token.
#ifndef FLOWII_SRC_HTTP_PERCENT_ENCODING_HPP
#define FLOWII_SRC_HTTP_PERCENT_ENCODING_HPP

#include <string>
#include <string_view>

namespace flowii::detail {

/// Appends `value` percent-encoded, RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~)
/// kept; `space_as_plus` writes ' ' as '+' (application/x-www-form-urlencoded).
void append_percent_encoded(std::string& out, std::string_view value, bool space_as_plus = false);

/// Percent-encoding for URL query values and path segments.
std::string url_encode(std::string_view value);

/// application/x-www-form-urlencoded encoding of one value: url_encode with ' ' as '+'.
/// Every form decoder (OAuth's token endpoint included) reads the unreserved set literally.
std::string form_encode(std::string_view value);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_HTTP_PERCENT_ENCODING_HPP
