// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "output.hpp"

#include "failure.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <ostream>

namespace flowii::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCellWidth = 40;
constexpr std::size_t kDefaultColumns = 3;

json object_of(Resource const& r) { return json::parse(r.to_json()); }

/// JSON text; invalid UTF-8 from the server is replaced, never fatal.
std::string dump(json const& v, int indent) { return v.dump(indent, ' ', false, json::error_handler_t::replace); }

json const& section(json const& object, char const* name) {
  static json const kEmpty = json::object();
  auto it = object.find(name);
  return it == object.end() || !it->is_object() ? kEmpty : *it;
}

/// A JSON value as one cell: strings bare, null empty, anything else compact JSON.
std::string text_of(json const& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  return dump(v, -1);
}

std::string attribute_text(json const& object, std::string const& key) {
  auto const& attributes = section(object, "attributes");
  auto it = attributes.find(key);
  return it == attributes.end() ? std::string() : text_of(*it);
}

/// Relationship linkage as "type id, type id".
std::string linkage_text(json const& relationship) {
  auto it = relationship.find("data");
  if (it == relationship.end() || it->is_null()) return {};
  auto one = [](json const& d) {
    return d.value("type", std::string()) + " " + (d.contains("id") ? text_of(d["id"]) : std::string("(new)"));
  };
  if (!it->is_array()) return one(*it);
  std::string s;
  for (auto const& d : *it) s += (s.empty() ? "" : ", ") + one(d);
  return s;
}

// Terminal width of UTF-8 text: one column per code point (FLOWii data is mostly
// Slovak and Hungarian, no wide characters).
std::size_t width(std::string const& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string fit(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  if (width(s) <= kMaxCellWidth) return s;
  std::size_t points = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((s[i] & 0xC0) != 0x80 && ++points == kMaxCellWidth) break;
  }
  return s.substr(0, i) + "\xE2\x80\xA6";  // an ellipsis
}

void write_rows(std::ostream& out, std::vector<std::vector<std::string>> const& rows) {
  std::vector<std::size_t> widths;
  for (auto const& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  }
  for (auto const& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - width(row[c]) + 2, ' ');
    }
    out << line << '\n';
  }
}

std::string csv_field(std::string const& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

void write_csv(std::ostream& out, std::vector<json> const& objects) {
  std::vector<std::string> keys;
  for (auto const& o : objects) {
    for (auto const& [key, value] : section(o, "attributes").items()) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  }
  std::string header = "id";
  for (auto const& k : keys) header += "," + csv_field(k);
  out << header << "\r\n";
  for (auto const& o : objects) {
    std::string line = csv_field(o.contains("id") ? text_of(o["id"]) : std::string());
    for (auto const& k : keys) line += "," + csv_field(attribute_text(o, k));
    out << line << "\r\n";
  }
}

std::vector<std::string> default_columns(std::vector<json> const& objects) {
  std::vector<std::string> columns;
  if (objects.empty()) return columns;
  for (auto const& [key, value] : section(objects.front(), "attributes").items()) {
    if (columns.size() < kDefaultColumns && !value.is_structured()) columns.push_back(key);
  }
  return columns;
}

/// Why the last system call failed, as ": reason"; empty when errno does not say.
std::string reason() { return errno == 0 ? std::string() : std::string(": ") + std::strerror(errno); }

std::vector<json> objects_of(std::vector<Resource> const& items) {
  std::vector<json> objects;
  objects.reserve(items.size());
  for (auto const& r : items) objects.push_back(object_of(r));
  return objects;
}

}  // namespace

std::vector<std::string> format_names() { return {"table", "json", "jsonl", "csv"}; }

std::optional<Format> parse_format(std::string const& name) {
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  return std::nullopt;
}

void write_list(std::ostream& out, std::vector<Resource> const& items, Format format,
                std::vector<std::string> const& columns) {
  auto const objects = objects_of(items);
  if (format == Format::kJson) {
    out << dump(json(objects), 2) << '\n';
    return;
  }
  if (format == Format::kJsonl) {
    for (auto const& o : objects) out << dump(o, -1) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    write_csv(out, objects);
    return;
  }
  auto const keys = columns.empty() ? default_columns(objects) : columns;
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back(1, "ID");
  for (auto const& k : keys) rows.front().push_back(k);
  for (auto const& o : objects) {
    rows.emplace_back(1, o.contains("id") ? text_of(o["id"]) : std::string());
    for (auto const& k : keys) rows.back().push_back(fit(attribute_text(o, k)));
  }
  write_rows(out, rows);
}

void write_one(std::ostream& out, Resource const& item, Format format) {
  auto const object = object_of(item);
  if (format == Format::kJson || format == Format::kJsonl) {
    out << dump(object, format == Format::kJson ? 2 : -1) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    write_csv(out, {object});
    return;
  }
  // No row for the JSON:API type: many FLOWii records have an attribute `type`.
  std::vector<std::vector<std::string>> rows{{"id", item.id()}};
  for (auto const& [key, value] : section(object, "attributes").items()) rows.push_back({key, text_of(value)});
  for (auto const& [key, value] : section(object, "relationships").items()) {
    rows.push_back({key, linkage_text(value)});
  }
  write_rows(out, rows);
}

void write_change(std::ostream& out, Resource const& record, bool is_new, Format format,
                  std::vector<std::string> const& columns) {
  auto const object = object_of(record);
  if (format == Format::kJsonl) {
    nlohmann::ordered_json line{
        {"id", record.id()}, {"type", record.type()}, {"new", is_new}, {"record", section(object, "attributes")}};
    out << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    return;
  }
  std::string line = std::string(is_new ? "new " : "changed ") + record.type() + " " + record.id();
  for (auto const& key : columns) {
    std::string const value = fit(attribute_text(object, key));
    if (!value.empty()) line += "  " + value;
  }
  out << line << '\n';
}

void check_written(std::ostream& out, std::string const& what) {
  // A stream that failed earlier refuses the flush too and keeps its failed state.
  out.flush();
  if (out) return;
  throw Failure(kExitOther,
                "cannot write to " + what + reason() + "; the command ran, but its output is lost or incomplete");
}

void write_file(std::string const& path, std::string const& bytes) {
  errno = 0;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw Failure(kExitOther, "--out " + path + ": cannot open it for writing" + reason());
  errno = 0;
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.flush();
  if (file) {
    // The file system may report a failed write only when the file is closed (NFS, quotas).
    file.close();
    if (!file.fail()) return;
  }
  throw Failure(kExitOther, "--out " + path + ": cannot write it" + reason() + "; the file is incomplete");
}

}  // namespace flowii::cli
