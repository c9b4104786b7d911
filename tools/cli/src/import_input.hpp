// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What `flowii RESOURCE create` sends: the record of --data, or every record of
// a --from-file input in JSON lines or CSV. An input is read whole and checked
// before anything is sent, so a typing mistake on line 900 costs no half import.
#ifndef FLOWII_CLI_IMPORT_INPUT_HPP
#define FLOWII_CLI_IMPORT_INPUT_HPP

#include <flowii/model.hpp>
#include <flowii/resource.hpp>

#include <optional>
#include <string>
#include <vector>

namespace flowii::cli {

/// The record a JSON text describes: its attributes ({"name": ...}) or a JSON:API
/// resource object with attributes and relationships, as a resource of `type`.
/// An id in it is dropped (FLOWii gives the id). kInvalidArgument saying what is
/// wrong when the text is no JSON object.
Result<Resource> record_from_json(std::string const& text, std::string const& type);

enum class InputFormat { kJsonl, kCsv };

/// "jsonl" or "csv", as --format takes them.
std::optional<InputFormat> parse_input_format(std::string const& name);
/// The format a file name says: .jsonl or .ndjson, .csv; nullopt for another.
std::optional<InputFormat> input_format_of(std::string const& path);

/// One record of an input, with the number of the line it starts on (from 1).
struct InputRecord {
  int line = 0;
  Resource record;
};

/// Every record of `text` as `type` (blank lines are skipped). JSON lines: each
/// line as --data takes it. CSV (RFC 4180, a header row of attribute names):
/// each cell typed by the column's declared field in `fields` (docs/cli.md, "Bulk
/// import"), an empty cell left out. A line that is no record is a usage error
/// (exit 2) naming `source` and the line, thrown before anything is sent.
std::vector<InputRecord> read_records(std::string const& text, InputFormat format, std::string const& type,
                                      std::vector<FieldSpec> const& fields, std::string const& source);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_IMPORT_INPUT_HPP
