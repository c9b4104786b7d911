// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Writes resources as a table (for people), JSON, JSON lines or CSV (for scripts).
#ifndef FLOWII_CLI_OUTPUT_HPP
#define FLOWII_CLI_OUTPUT_HPP

#include <flowii/resource.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace flowii::cli {

enum class Format { kTable, kJson, kJsonl, kCsv };

/// The names of the formats, as --output takes them.
std::vector<std::string> format_names();
/// "table", "json", "jsonl" or "csv".
std::optional<Format> parse_format(std::string const& name);

/// A list: table rows of id + `columns` (the first few attributes when empty),
/// a JSON array of resource objects, one compact resource object per line
/// (JSON lines), or CSV with a header of id + every attribute.
void write_list(std::ostream& out, std::vector<Resource> const& items, Format format,
                std::vector<std::string> const& columns);

/// One resource: every attribute and relationship as `key  value` lines, a JSON
/// object (in JSON lines: on one line), or a one-row CSV.
void write_one(std::ostream& out, Resource const& item, Format format);

/// One change of `flowii watch`: in JSON lines
/// {"id": ..., "type": ..., "new": true|false, "record": {attributes}}; in a table
/// "new order 257001" (or "changed ...") and the values of `columns`, as a line.
void write_change(std::ostream& out, Resource const& record, bool is_new, Format format,
                  std::vector<std::string> const& columns);

/// Flushes `out` and throws Failure (exit 1) when it refused anything written to
/// it since errno was last cleared (whose error, if any, says why). `what` names
/// it in the message ("standard output").
void check_written(std::ostream& out, std::string const& what);

/// Writes `bytes` to the file `path` (--out); throws Failure (exit 1) naming the
/// file when it cannot be opened, written, flushed or closed.
void write_file(std::string const& path, std::string const& bytes);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_OUTPUT_HPP
