// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "read_write_lock.hpp"

namespace flowii::emulator {

void ReadWriteLock::lock() {
  std::unique_lock<std::mutex> guard(mutex_);
  ++writers_waiting_;
  changed_.wait(guard, [this] { return writer_may_enter(); });
  --writers_waiting_;
  writer_ = true;
}

bool ReadWriteLock::try_lock() {
  std::lock_guard<std::mutex> guard(mutex_);
  if (!writer_may_enter()) return false;
  writer_ = true;
  return true;
}

void ReadWriteLock::unlock() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    writer_ = false;
    admitted_ = readers_waiting_;  // their turn, before the next writer
  }
  changed_.notify_all();
}

void ReadWriteLock::lock_shared() {
  std::unique_lock<std::mutex> guard(mutex_);
  ++readers_waiting_;
  changed_.wait(guard, [this] { return reader_may_enter(); });
  --readers_waiting_;
  if (admitted_ > 0) --admitted_;
  ++readers_;
}

bool ReadWriteLock::try_lock_shared() {
  std::lock_guard<std::mutex> guard(mutex_);
  if (!reader_may_enter()) return false;
  if (admitted_ > 0) --admitted_;
  ++readers_;
  return true;
}

void ReadWriteLock::unlock_shared() {
  bool last = false;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    last = --readers_ == 0;
  }
  if (last) changed_.notify_all();  // a writer may be waiting for the last reader
}

std::size_t ReadWriteLock::writers_waiting() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return writers_waiting_;
}

std::size_t ReadWriteLock::readers_waiting() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return readers_waiting_;
}

}  // namespace flowii::emulator
