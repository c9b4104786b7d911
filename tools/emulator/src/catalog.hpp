// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// All modules' declarations, checked once at start-up and indexed by type.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_CATALOG_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_CATALOG_HPP

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "resource_spec.hpp"

namespace flowii::emulator {

class Catalog {
 public:
  // Throws std::logic_error for inconsistent declarations (two schemas for
  // one type, field paths through undeclared relationships, ...).
  explicit Catalog(std::vector<Module> modules);
  Catalog(Catalog const&) = delete;
  Catalog& operator=(Catalog const&) = delete;

  std::vector<Module> const& modules() const { return modules_; }
  // The spec describing a type's fields, or nullptr for undeclared types.
  ResourceSpec const* schema(std::string_view type) const;
  // Path prefix of GET {path}/{id} for a type, or "" when it cannot be read.
  std::string item_path(std::string_view type) const;

 private:
  void check_path(ResourceSpec const& spec, FieldPath const& path) const;
  std::vector<Module> modules_;
  std::map<std::string, ResourceSpec const*, std::less<>> schemas_;
  std::map<std::string, std::string, std::less<>> item_paths_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_CATALOG_HPP
