// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/logging.hpp>

#include "http/redact.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <ostream>

namespace flowii {
namespace {

constexpr std::array<char const*, 6> kLevelNames = {"trace", "debug", "info", "warn", "error", "off"};

/// "flowii <level>: <message>\n".
std::string log_line(LogLevel level, std::string_view message) {
  std::string line = "flowii ";
  line += to_string(level);
  line += ": ";
  line.reserve(line.size() + message.size() + 1);
  // One message is one line: embedded line breaks and other control characters
  // would let a message forge further log lines.
  detail::append_printable(line, message);
  line += '\n';
  return line;
}

}  // namespace

char const* to_string(LogLevel level) noexcept {
  auto const index = static_cast<std::size_t>(level);
  return index < kLevelNames.size() ? kLevelNames[index] : "unknown";
}

std::optional<LogLevel> parse_log_level(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (detail::iequals(text, kLevelNames[i])) return static_cast<LogLevel>(i);
  }
  return std::nullopt;
}

LogSink stderr_log_sink() {
  return [](LogLevel level, std::string_view message) {
    std::string const line = log_line(level, message);
    // A single fwrite holds the stream's lock for the whole line (POSIX flockfile),
    // so lines from concurrent calls never interleave; stderr is unbuffered.
    std::fwrite(line.data(), 1, line.size(), stderr);
  };
}

LogSink stream_log_sink(std::ostream& out) {
  auto const mu = std::make_shared<std::mutex>();
  return [&out, mu](LogLevel level, std::string_view message) {
    std::string const line = log_line(level, message);
    std::lock_guard<std::mutex> lock(*mu);
    out << line << std::flush;
  };
}

LogOptions log_options_from_env() {
  LogOptions options;
  char const* value = std::getenv("FLOWII_LOG");  // NOLINT(concurrency-mt-unsafe)
  if (value == nullptr) return options;
  auto const level = parse_log_level(value);
  if (!level || *level == LogLevel::kOff) return options;
  options.level = *level;
  options.sink = stderr_log_sink();
  return options;
}

}  // namespace flowii
