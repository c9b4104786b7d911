// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every JSON response example of FLOWii's official blueprint, fed to the typed
// models: each resource in `data` and `included` must have a model, and every
// declared field present in the example must have the declared kind.
#include "blueprint/fixture.hpp"
#include "blueprint/model_registry.hpp"
#include "core/jsonapi.hpp"

#include <flowii/flowii.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace flowii::test {
namespace {

// Examples that are not valid JSON in the official blueprint itself.
std::map<std::string, std::string> const& known_invalid() {
  static std::map<std::string, std::string> const kInvalid{
      {"Read partner", "a comma is missing before \"is-subscribed\" (key contact and contact)"},
      {"Get partner contacts", "a comma is missing before \"is-subscribed\" (both contacts)"},
      {"Read company data", "the key \"country\" is broken into untry\" in the relationships"},
  };
  return kInvalid;
}

bool is_json(BlueprintExample const& e) { return e.content_type.find("json") != std::string::npos; }

using DecodingTest = BlueprintTest;

TEST_F(DecodingTest, EveryResponseExampleDecodesIntoItsTypedModel) {
  int examples = 0, resources = 0;
  std::set<std::string> invalid_seen;
  std::map<std::string, std::string> missing_models;  // type -> action
  for (auto const& action : actions_) {
    for (auto const& ex : action.examples) {
      if (!ex.is_response || !is_json(ex) || ex.body.empty()) continue;
      if (action.path == "/token") {
        auto token = nlohmann::json::parse(ex.body);
        EXPECT_TRUE(token.at("access_token").is_string());
        EXPECT_TRUE(token.at("expires_in").is_number());
        ++examples;
        continue;
      }
      auto doc = detail::parse_document(ex.body);
      if (known_invalid().count(action.title) != 0) {
        EXPECT_FALSE(doc) << action.title << " is listed as invalid JSON but parses";
        invalid_seen.insert(action.title);
        continue;
      }
      ASSERT_TRUE(doc) << action.title << ": " << doc.status().to_string();
      ++examples;
      auto check = [&](Resource const& r) {
        ++resources;
        auto fields = model_fields(r.type());
        if (!fields) {
          missing_models.emplace(r.type(), action.title);
          return;
        }
        auto status = check_fields(r, *fields);
        EXPECT_TRUE(status.ok()) << action.title << ": " << status.to_string();
      };
      for (auto const& r : doc->data) check(r);
      for (auto const& r : doc->included->items()) check(r);
    }
  }
  for (auto const& [type, title] : missing_models) {
    ADD_FAILURE() << "no typed model for JSON:API type \"" << type << "\" (first seen in \"" << title << "\")";
  }
  EXPECT_EQ(invalid_seen.size(), known_invalid().size());
  std::cout << "decoded " << examples << " response examples (" << resources << " resources); " << invalid_seen.size()
            << " examples are invalid JSON in the blueprint itself\n";
  EXPECT_GT(examples, 100);
}

}  // namespace
}  // namespace flowii::test
