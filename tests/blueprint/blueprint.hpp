// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A small reader for FLOWii's official API Blueprint, for the contract tests:
// the actions (method + URI template) and their example bodies. The blueprint
// itself is not part of this project; tests read it from the reference folder
// given at configure time (FLOWII_REFERENCE_DIR) and skip when it is absent.
#ifndef FLOWII_TESTS_BLUEPRINT_BLUEPRINT_HPP
#define FLOWII_TESTS_BLUEPRINT_BLUEPRINT_HPP

#include <optional>
#include <string>
#include <vector>

namespace flowii::test {

struct BlueprintExample {
  bool is_response = false;
  int status = 0;            // responses only
  std::string content_type;  // from "+ Response 200 (type)" / "+ Request (type)"
  std::string body;          // the "+ Body" block, unindented; may be empty
};

struct BlueprintAction {
  std::string group;         // "Partners"
  std::string resource;      // "Partner list"
  std::string title;         // "Get partner list"
  std::string method;        // "GET"
  std::string uri_template;  // "/partners{?companyId,page,filter}"
  std::string path;          // "/partners/{id}" (template without the query part)
  std::vector<BlueprintExample> examples;

  std::string key() const { return method + " " + path; }
};

/// Parses the blueprint text. Never throws; unknown lines are ignored.
std::vector<BlueprintAction> parse_blueprint(std::string const& text);

/// The reference folder's blueprint (FLOWII_REFERENCE_DIR/flowii-api.apib), if present.
std::optional<std::string> read_reference_file(std::string const& name);

/// True when a concrete path ("/partners/12/files") matches a template ("/partners/{id}/files").
bool path_matches(std::string const& path_template, std::string const& concrete_path);

}  // namespace flowii::test

#endif  // FLOWII_TESTS_BLUEPRINT_BLUEPRINT_HPP
