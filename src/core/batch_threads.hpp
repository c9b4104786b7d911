// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: how a Batch starts its threads, replaceable so that a test can make
// the system refuse them (the batch must then degrade, not fail).
#ifndef FLOWII_SRC_CORE_BATCH_THREADS_HPP
#define FLOWII_SRC_CORE_BATCH_THREADS_HPP

#include <atomic>
#include <functional>
#include <thread>

namespace flowii::detail {

using StartThread = std::thread (*)(std::function<void()> body);

/// Starts a std::thread running `body`; throws std::system_error as std::thread does.
std::thread start_thread(std::function<void()> body);

/// The starter every Batch uses; start_thread unless a test swapped it.
extern std::atomic<StartThread> batch_thread_starter;

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_BATCH_THREADS_HPP
