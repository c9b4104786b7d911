// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "import_input.hpp"

#include "failure.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace flowii::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kErrorsShown = 5;

/// Whether `path` ends with `suffix` (lower case), in any case.
bool has_suffix(std::string const& path, std::string const& suffix) {
  if (path.size() < suffix.size()) return false;
  std::string tail = path.substr(path.size() - suffix.size());
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
  return tail == suffix;
}

/// One row of a CSV text: its cells and the line it starts on.
struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
  bool blank() const { return cells.size() == 1 && cells.front().empty(); }
};

/// RFC 4180 rows: quoted cells may hold commas, quotes ("") and line ends; CRLF
/// or LF ends a row. A quote left open is the only error.
std::vector<CsvRow> csv_rows(std::string const& text, std::string const& source) {
  std::vector<CsvRow> rows;
  CsvRow row{1, {}};
  std::string cell;
  bool quoted = false;       // inside a quoted cell
  bool cell_quoted = false;  // the cell began with a quote (blank-row detection)
  int line = 1;
  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    cell_quoted = false;
  };
  auto end_row = [&] {
    bool const was_quoted = cell_quoted;
    end_cell();
    if (!row.blank() || was_quoted) rows.push_back(std::move(row));
    row = CsvRow{line, {}};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
    } else if (c == '"' && cell.empty() && !cell_quoted) {
      quoted = cell_quoted = true;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      cell += c;
    }
  }
  if (quoted) {
    throw Failure(kExitUsage, source + " line " + std::to_string(row.line) +
                                  ": a quoted value is not closed (a \" is missing); nothing was sent");
  }
  end_row();
  return rows;
}

/// `cell` as a whole number, strictly: an optional minus and digits.
std::optional<std::int64_t> whole(std::string const& cell) {
  if (cell.empty() || cell.find_first_not_of("-0123456789") != std::string::npos) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  long long const n = std::strtoll(cell.c_str(), &end, 10);
  if (errno != 0 || end != cell.c_str() + cell.size()) return std::nullopt;
  return static_cast<std::int64_t>(n);
}

std::optional<double> number(std::string const& cell) {
  if (cell.empty() || cell.find_first_not_of("-+.0123456789eE") != std::string::npos) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  double const n = std::strtod(cell.c_str(), &end);
  if (errno != 0 || end != cell.c_str() + cell.size()) return std::nullopt;
  return n;
}

json linkage(char const* target, std::string const& id) { return json{{"type", target}, {"id", id}}; }

/// Puts one cell into `object` (attributes and relationships) as its column's
/// declared field says; the problem when it does not fit, else empty.
std::string put_cell(json& object, std::string const& column, FieldSpec const* field, std::string const& cell) {
  auto const kind = field == nullptr ? FieldKind::kString : field->kind;
  auto const bad = [&column, &cell](char const* expected) {
    return "column " + column + ": expected " + expected + " (got \"" + cell + "\")";
  };
  switch (kind) {
    case FieldKind::kInteger:
    case FieldKind::kEnum: {
      auto const n = whole(cell);
      if (!n) return bad("a whole number");
      object["attributes"][column] = *n;
      return {};
    }
    case FieldKind::kNumber: {
      auto const n = number(cell);
      if (!n) return bad("a number with a decimal point, e.g. 12.50");
      object["attributes"][column] = *n;
      return {};
    }
    case FieldKind::kBool:
      if (cell != "true" && cell != "false") return bad("true or false");
      object["attributes"][column] = cell == "true";
      return {};
    case FieldKind::kToOne:
      object["relationships"][column]["data"] = linkage(field->target_type, cell);
      return {};
    case FieldKind::kToMany: {
      json ids = json::array();
      for (std::size_t start = 0; start <= cell.size();) {
        auto const comma = std::min(cell.find(',', start), cell.size());
        std::string id = cell.substr(start, comma - start);
        id.erase(0, id.find_first_not_of(' '));
        id.erase(id.find_last_not_of(' ') + 1);
        if (id.empty()) return bad("ids separated by commas");
        ids.push_back(linkage(field->target_type, id));
        start = comma + 1;
      }
      object["relationships"][column]["data"] = std::move(ids);
      return {};
    }
    default:
      object["attributes"][column] = cell;
      return {};
  }
}

FieldSpec const* field_of(std::vector<FieldSpec> const& fields, std::string const& key) {
  auto const it = std::find_if(fields.begin(), fields.end(), [&key](FieldSpec const& f) { return key == f.key; });
  return it == fields.end() ? nullptr : &*it;
}

/// Collects the lines that are no record, to name them all at once.
class Problems {
 public:
  explicit Problems(std::string source) : source_(std::move(source)) {}
  void add(int line, std::string const& problem) {
    if (lines_.size() < kErrorsShown) lines_.push_back("line " + std::to_string(line) + ": " + problem);
    ++count_;
  }
  /// Throws when there were any.
  void check() const {
    if (count_ == 0) return;
    std::string message = source_ + ": " + std::to_string(count_) + (count_ == 1 ? " line is" : " lines are") +
                          " not a record; nothing was sent";
    for (auto const& l : lines_) message += "\n  " + l;
    if (count_ > lines_.size()) message += "\n  and " + std::to_string(count_ - lines_.size()) + " more";
    throw Failure(kExitUsage, message);
  }

 private:
  std::string source_;
  std::vector<std::string> lines_;
  std::size_t count_ = 0;
};

void add_record(std::vector<InputRecord>& records, Problems& problems, int line, std::string const& text,
                std::string const& type) {
  auto record = record_from_json(text, type);
  if (!record) {
    problems.add(line, rewrite_sdk_text(record.status().message()));
    return;
  }
  records.push_back(InputRecord{line, std::move(record).value()});
}

std::vector<InputRecord> jsonl_records(std::string const& text, std::string const& type, Problems& problems) {
  std::vector<InputRecord> records;
  int line = 0;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string content = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (content.find_first_not_of(" \t\r") == std::string::npos) continue;
    add_record(records, problems, line, content, type);
  }
  return records;
}

std::vector<InputRecord> csv_records(std::string const& text, std::string const& type,
                                     std::vector<FieldSpec> const& fields, std::string const& source,
                                     Problems& problems) {
  auto rows = csv_rows(text, source);
  std::vector<InputRecord> records;
  if (rows.empty()) return records;
  auto const& header = rows.front().cells;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c].empty()) problems.add(rows.front().line, "column " + std::to_string(c + 1) + " has no name");
    if (std::find(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(c), header[c]) !=
        header.begin() + static_cast<std::ptrdiff_t>(c)) {
      problems.add(rows.front().line, "the column " + header[c] + " appears twice");
    }
  }
  problems.check();  // without a header there are no records to speak of
  for (auto it = rows.begin() + 1; it != rows.end(); ++it) {
    if (it->cells.size() != header.size()) {
      problems.add(it->line, std::to_string(it->cells.size()) + " values, but the header has " +
                                 std::to_string(header.size()) + " columns");
      continue;
    }
    json object{{"attributes", json::object()}};
    std::string problem;
    for (std::size_t c = 0; c < header.size() && problem.empty(); ++c) {
      if (!it->cells[c].empty()) problem = put_cell(object, header[c], field_of(fields, header[c]), it->cells[c]);
    }
    if (!problem.empty()) {
      problems.add(it->line, problem);
      continue;
    }
    add_record(records, problems, it->line, object.dump(), type);
  }
  return records;
}

}  // namespace

Result<Resource> record_from_json(std::string const& text, std::string const& type) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status(ErrorCode::kInvalidArgument, "expected a JSON object, e.g. {\"name\": \"Dunaj s.r.o.\"}");
  }
  if (!j.contains("attributes") && !j.contains("relationships")) j = json{{"attributes", std::move(j)}};
  j["type"] = type;
  j.erase("id");  // FLOWii gives the id; `update` takes it as its argument
  return Resource::from_json(j.dump());
}

std::optional<InputFormat> parse_input_format(std::string const& name) {
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "csv") return InputFormat::kCsv;
  return std::nullopt;
}

std::optional<InputFormat> input_format_of(std::string const& path) {
  if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson")) return InputFormat::kJsonl;
  if (has_suffix(path, ".csv")) return InputFormat::kCsv;
  return std::nullopt;
}

std::vector<InputRecord> read_records(std::string const& text, InputFormat format, std::string const& type,
                                      std::vector<FieldSpec> const& fields, std::string const& source) {
  // A spreadsheet's UTF-8 export may start with a byte-order mark.
  std::string const bom = "\xEF\xBB\xBF";
  std::string const body = text.rfind(bom, 0) == 0 ? text.substr(bom.size()) : text;
  Problems problems(source);
  auto records = format == InputFormat::kJsonl ? jsonl_records(body, type, problems)
                                               : csv_records(body, type, fields, source, problems);
  problems.check();
  if (records.empty()) throw Failure(kExitUsage, source + ": no records in it; nothing was sent");
  return records;
}

}  // namespace flowii::cli
