// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every typed model of the SDK by JSON:API type, for the contract tests.
#ifndef FLOWII_TESTS_BLUEPRINT_MODEL_REGISTRY_HPP
#define FLOWII_TESTS_BLUEPRINT_MODEL_REGISTRY_HPP

#include <flowii/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace flowii::test {

/// The field table of the model for `type`, or nullopt when the SDK has none.
std::optional<std::vector<FieldSpec>> model_fields(std::string const& type);

}  // namespace flowii::test

#endif  // FLOWII_TESTS_BLUEPRINT_MODEL_REGISTRY_HPP
