// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/model.hpp>

#include "core/resource_data.hpp"

#include <cmath>
#include <cstdint>

namespace flowii {
namespace {

using json = nlohmann::json;

// The same rule as Resource::get<integer>: a float counts when it is a whole number
// an int64 holds exactly (casting a larger one to int64 would be undefined).
bool is_integral(json const& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX);
  if (v.is_number_integer()) return true;
  if (!v.is_number_float()) return false;
  double d = v.get<double>();
  return std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15;
}

bool linkage_ok(json const& item) { return item.is_object() && item.contains("type"); }

bool matches(FieldKind kind, json const& v) {
  switch (kind) {
    case FieldKind::kString:
      return v.is_string();
    case FieldKind::kInteger:
    case FieldKind::kEnum:
      return is_integral(v);
    case FieldKind::kNumber:
      return v.is_number();
    case FieldKind::kBool:
      return v.is_boolean();
    case FieldKind::kDate:
      return v.is_string() && Date::parse(v.get<std::string>()).has_value();
    case FieldKind::kDateTime:
      return v.is_string() && DateTime::parse(v.get<std::string>()).has_value();
    case FieldKind::kToOne:
      return linkage_ok(v);
    case FieldKind::kToMany:
      if (!v.is_array()) return false;
      for (auto const& item : v) {
        if (!linkage_ok(item)) return false;
      }
      return true;
  }
  return false;
}

}  // namespace

char const* to_string(FieldKind k) {
  switch (k) {
    case FieldKind::kString:
      return "string";
    case FieldKind::kInteger:
      return "integer";
    case FieldKind::kNumber:
      return "number";
    case FieldKind::kBool:
      return "boolean";
    case FieldKind::kDate:
      return "date (YYYY-MM-DD)";
    case FieldKind::kDateTime:
      return "date-time (YYYY-MM-DDTHH:mm:ss)";
    case FieldKind::kEnum:
      return "enum (integer)";
    case FieldKind::kToOne:
      return "to-one relationship";
    case FieldKind::kToMany:
      return "to-many relationship";
  }
  return "?";
}

namespace detail {
Status not_a(Resource const& resource, char const* type) {
  return Status(ErrorCode::kInvalidArgument, "expected a resource of JSON:API type \"" + std::string(type) +
                                                 "\", got \"" + resource.type() + "\"" +
                                                 (resource.id().empty() ? std::string() : " " + resource.id()) +
                                                 "; read it with the typed method of its own module");
}
}  // namespace detail

Status check_fields(Resource const& resource, std::vector<FieldSpec> const& fields) {
  auto const& rest = detail::data_of(resource).rest;
  std::string problems;
  for (auto const& f : fields) {
    bool rel = f.kind == FieldKind::kToOne || f.kind == FieldKind::kToMany;
    auto section = rest.find(rel ? "relationships" : "attributes");
    if (section == rest.end() || !section->is_object()) continue;
    auto v = section->find(f.key);
    if (v == section->end()) continue;
    json const* value = &*v;
    if (rel) {
      if (!v->is_object() || !v->contains("data")) continue;  // links only
      value = &(*v)["data"];
    }
    if (value->is_null() || matches(f.kind, *value)) continue;
    if (!problems.empty()) problems += "; ";
    problems += std::string(rel ? "relationships." : "attributes.") + f.key + ": expected " + to_string(f.kind) +
                ", got " + value->type_name();
  }
  if (problems.empty()) return {};
  return Status(ErrorCode::kInvalidResponse,
                "resource " + resource.type() + " " + resource.id() + " does not match its model: " + problems);
}

}  // namespace flowii
