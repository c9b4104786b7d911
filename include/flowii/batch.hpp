// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Many independent calls at once, bounded (docs/adr/0012-concurrent-calls.md).
// A Batch runs the calls handed to it on at most `max_in_flight` threads of its
// own. The calls go through the Client they capture, so they share its token,
// its connection pool, its pacer and its Retry-After handling: a Batch adds
// concurrency, never a second pipeline.
//
//     flowii::Batch batch({8});
//     std::vector<std::future<flowii::Result<flowii::Partner>>> created;
//     for (auto const& p : partners)
//       created.push_back(batch.submit([&client, p] { return client.partners().create(p); }));
//     batch.wait();
#ifndef FLOWII_BATCH_HPP
#define FLOWII_BATCH_HPP

#include <flowii/status.hpp>

#include <cstddef>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <type_traits>
#include <utility>

namespace flowii {

/// Where a Batch stands. `finished + cancelled == submitted` once it is idle.
struct BatchProgress {
  std::size_t submitted = 0;  ///< calls handed to submit()
  std::size_t running = 0;    ///< calls being sent or waited for now
  std::size_t finished = 0;   ///< calls that ended, with a value or an error
  std::size_t failed = 0;     ///< of the finished ones, those that ended in an error
  std::size_t cancelled = 0;  ///< calls that never started because of cancel()
};

struct BatchOptions {
  /// Calls running at once, 1 to 64. Each running call holds one pooled
  /// connection of its client while it runs.
  int max_in_flight = 8;
  /// Called after calls end or are cancelled, on a thread of the batch (or the one
  /// that called cancel()); calls to it never overlap. Calls that end while it runs
  /// are reported together by its next call, so the counts only grow and the last
  /// call shows the final state. Keep it short and do not let it throw (an exception
  /// is dropped). It may call cancel() and progress(), but not submit() or wait().
  std::function<void(BatchProgress const&)> on_progress;
};

/// A bounded set of worker threads for independent calls. Thread-safe: any
/// thread may submit, cancel, wait or read the progress.
class Batch {
 public:
  /// An out-of-range max_in_flight is clamped to 1..64.
  explicit Batch(BatchOptions options = {});
  /// Waits for every submitted call (as wait()); call cancel() first to drop the queued
  /// ones. Never destroy a batch from one of its own calls or from on_progress.
  ~Batch();
  Batch(Batch const&) = delete;
  Batch& operator=(Batch const&) = delete;

  /// Queues `call` (a callable returning Status or Result<T>) and returns the future
  /// of its result. Calls start in submission order. A call that cancel() keeps
  /// from starting yields ErrorCode::kCancelled; an exception it throws is
  /// rethrown by the future's get(). When the system refuses to start a thread,
  /// the batch goes on with the threads it has, or with none runs the call on the
  /// submitting thread before returning.
  template <typename F>
  auto submit(F call) -> std::future<std::invoke_result_t<F&>> {
    using R = std::invoke_result_t<F&>;
    static_assert(std::is_constructible_v<R, Status>, "a batch call must return a Status or a Result");
    auto promise = std::make_shared<std::promise<R>>();
    auto future = promise->get_future();
    // Shared, so that a move-only callable fits into the queue's std::function.
    auto fn = std::make_shared<F>(std::move(call));
    enqueue([promise, fn](bool run) -> bool {
      if (!run) {
        promise->set_value(R(cancelled_status()));
        return false;
      }
      try {
        R result = (*fn)();
        bool const ok = result.ok();
        promise->set_value(std::move(result));
        return ok;
      } catch (...) {
        promise->set_exception(std::current_exception());
        return false;
      }
    });
    return future;
  }

  /// Calls not yet started will not start (their futures hold kCancelled), and
  /// later submits are cancelled at once. Running calls finish: a write is never
  /// cut off half-sent. Returns at once; wait() waits for the running ones.
  void cancel();
  /// Blocks until every submitted call has finished or been cancelled and
  /// on_progress has been told. Not from inside a call or on_progress.
  void wait();
  BatchProgress progress() const;

 private:
  /// A queued call: run(true) performs it, run(false) cancels it; returns whether it succeeded.
  void enqueue(std::function<bool(bool run)> task);
  static Status cancelled_status();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flowii

#endif  // FLOWII_BATCH_HPP
