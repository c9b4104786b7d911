// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Per-client logging. Off by default. Headers and query parameters are printed
// only when on an allow-list; everything else prints as REDACTED, so Api-Key,
// Authorization, passwords and tokens can never reach a sink. Bodies are never logged.
#ifndef FLOWII_LOGGING_HPP
#define FLOWII_LOGGING_HPP

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace flowii {

enum class LogLevel { kTrace = 0, kDebug, kInfo, kWarn, kError, kOff };

char const* to_string(LogLevel level) noexcept;
/// Parses "trace", "debug", "info", "warn", "error", "off" (case-insensitive).
std::optional<LogLevel> parse_log_level(std::string_view text);

using LogSink = std::function<void(LogLevel, std::string_view message)>;

struct LogOptions {
  LogLevel level = LogLevel::kOff;
  LogSink sink;  ///< empty: lines go nowhere even when level != kOff
};

/// A sink that writes "flowii <level>: <message>" lines to stderr.
LogSink stderr_log_sink();

/// The same lines as stderr_log_sink(), written to `out` under a lock (so lines
/// from concurrent calls never interleave). `out` must outlive every client that
/// uses the sink.
LogSink stream_log_sink(std::ostream& out);

/// LogOptions from the FLOWII_LOG environment variable (for examples and tools):
/// unset or invalid -> kOff; otherwise that level with stderr_log_sink().
LogOptions log_options_from_env();

}  // namespace flowii

#endif  // FLOWII_LOGGING_HPP
