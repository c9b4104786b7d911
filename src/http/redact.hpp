// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: what of a request or response may appear in logs and error messages.
// Everything is allow-listed; what is not on a list prints as REDACTED.
#ifndef FLOWII_SRC_HTTP_REDACT_HPP
#define FLOWII_SRC_HTTP_REDACT_HPP

#include <flowii/http.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace flowii::detail {

/// ASCII case-insensitive equality (header names, log levels).
bool iequals(std::string_view a, std::string_view b) noexcept;

/// Appends `text` with control characters (CR, LF, ...) replaced by spaces, so that
/// it can never start a new log line.
void append_printable(std::string& out, std::string_view text);

/// True when a header's value may be logged (case-insensitive allow-list).
bool header_is_loggable(std::string_view name);

/// "Name: value; Other: REDACTED" — values off the allow-list are replaced.
std::string loggable_headers(HttpHeaders const& headers);

/// "scheme://host[:port]/path" — no userinfo, query or fragment. Safe in any message.
std::string url_without_query(std::string_view url);

/// url_without_query() plus the query, where parameters off the allow-list
/// (companyId, page[number], filter[...], ...) print as name=REDACTED.
std::string loggable_url(std::string_view url);

/// A short excerpt of a (usually error) body for diagnostics: values of secret-looking
/// JSON keys and form fields (tokens, passwords, client secrets, API keys) and bearer
/// credentials are masked, control characters become spaces, and the text is cut
/// after at most `max_chars` bytes (on a UTF-8 boundary) with a trailing "…".
std::string redacted_excerpt(std::string_view body, std::size_t max_chars = 300);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_HTTP_REDACT_HPP
