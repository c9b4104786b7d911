// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A small reader for FLOWii's official API Blueprint, for the contract tests:
// the actions (method + URI template) and their example bodies. The blueprint
// itself is not part of this project; tests read it from the reference folder
// (reference_dir()) and skip when it is absent, or fail in CI (CI=true).
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

/// The reference folder: the environment variable FLOWII_REFERENCE_DIR when it is
/// set and not empty (read at run time, so that a test can point the binary at a
/// folder without the blueprint), else the folder given at configure time (the
/// FLOWII_REFERENCE_DIR compile definition, CMake cache variable of the same name).
std::string reference_dir();

/// A file of the reference folder (e.g. "flowii-api.apib"), if present.
std::optional<std::string> read_reference_file(std::string const& name);

/// True when the environment says this is a CI run (CI=true, as CI services set
/// it): there a missing blueprint fails the contract tests instead of skipping them.
bool in_ci();

/// True when a concrete path ("/partners/12/files") matches a template ("/partners/{id}/files").
bool path_matches(std::string const& path_template, std::string const& concrete_path);

}  // namespace flowii::test

#endif  // FLOWII_TESTS_BLUEPRINT_BLUEPRINT_HPP
