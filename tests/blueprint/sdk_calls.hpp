// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// One call of every typed SDK method, for the coverage proof.
#ifndef FLOWII_TESTS_BLUEPRINT_SDK_CALLS_HPP
#define FLOWII_TESTS_BLUEPRINT_SDK_CALLS_HPP

#include <flowii/client.hpp>

#include <functional>
#include <vector>

namespace flowii::test {

using SdkCall = std::function<void(Client&)>;

/// Calls each typed method of every module once (results are ignored: the
/// coverage test looks at the requests they send).
std::vector<SdkCall> const& sdk_calls();

}  // namespace flowii::test

#endif  // FLOWII_TESTS_BLUEPRINT_SDK_CALLS_HPP
