// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Test fixture: an in-process flowii-emulator on 127.0.0.1:0 and clients wired to
// it, with one virtual clock shared by the SDK and the emulator. It is the fixture
// users get from flowii::testing, so the SDK's own tests exercise it too.
#ifndef FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP
#define FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP

#include <flowii/flowii.hpp>
#include <flowii/testing/emulator_fixture.hpp>

namespace flowii::test {

using EmulatorTest = testing::EmulatorTest;

}  // namespace flowii::test

#endif  // FLOWII_TESTS_INTEGRATION_EMULATOR_FIXTURE_HPP
