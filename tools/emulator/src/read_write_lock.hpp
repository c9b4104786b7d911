// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The lock between the emulator's reads and writes: many readers at once, one
// writer alone. std::shared_mutex on glibc lets new readers in while a writer
// waits, so a steady stream of GETs could hold a write off indefinitely; here
// a waiting writer stops new readers, and the readers that were waiting when a
// writer finishes go before the next writer, so neither side starves.
// Meets the standard's SharedMutex requirements: use std::unique_lock and std::shared_lock.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_READ_WRITE_LOCK_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_READ_WRITE_LOCK_HPP

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace flowii::emulator {

class ReadWriteLock {
 public:
  ReadWriteLock() = default;
  ReadWriteLock(ReadWriteLock const&) = delete;
  ReadWriteLock& operator=(ReadWriteLock const&) = delete;

  void lock();
  bool try_lock();
  void unlock();
  void lock_shared();
  bool try_lock_shared();
  void unlock_shared();

  // For tests: the threads waiting in lock() and in lock_shared() right now.
  std::size_t writers_waiting() const;
  std::size_t readers_waiting() const;

 private:
  bool reader_may_enter() const { return !writer_ && (writers_waiting_ == 0 || admitted_ > 0); }
  bool writer_may_enter() const { return !writer_ && readers_ == 0 && admitted_ == 0; }

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t readers_ = 0;          // holding it shared
  std::size_t readers_waiting_ = 0;  // in lock_shared()
  std::size_t writers_waiting_ = 0;  // in lock()
  std::size_t admitted_ = 0;         // readers let in ahead of waiting writers by the last unlock()
  bool writer_ = false;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_READ_WRITE_LOCK_HPP
