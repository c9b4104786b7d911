// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// gtest main for the emulator tests: a client that hangs up must not kill the run.
#include <csignal>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
