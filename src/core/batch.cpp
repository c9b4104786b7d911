// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Batch: a FIFO queue served by up to max_in_flight threads, created as work
// arrives (docs/adr/0012-concurrent-calls.md).
#include <flowii/batch.hpp>

#include "core/batch_threads.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

namespace flowii {
namespace detail {

std::thread start_thread(std::function<void()> body) { return std::thread(std::move(body)); }

std::atomic<StartThread> batch_thread_starter{&start_thread};

}  // namespace detail

using Task = std::function<bool(bool run)>;

struct Batch::Impl {
  explicit Impl(BatchOptions options)
      : max_threads(static_cast<std::size_t>(std::clamp(options.max_in_flight, 1, 64))),
        on_progress(std::move(options.on_progress)) {}

  // Takes the next task off the queue and runs (or, after cancel(), drops) it; the
  // caller reports. Called with `lock` held; returns with it held.
  void run_one(std::unique_lock<std::mutex>& lock) {
    Task task = std::move(queue.front());
    queue.pop_front();
    bool const run = !cancelled;
    if (run) ++progress.running;
    lock.unlock();
    bool ok = false;
    try {
      ok = task(run);  // catches what the call throws; this guards the promise itself
    } catch (...) {
    }
    task = nullptr;  // the call's captures go before it counts as finished
    lock.lock();
    if (run) {
      --progress.running;
      ++progress.finished;
      if (!ok) ++progress.failed;
    } else {
      ++progress.cancelled;
    }
  }

  void work() {
    std::unique_lock<std::mutex> lock(mu);
    while (true) {
      ++idle;
      work_cv.wait(lock, [&] { return !queue.empty() || stopping; });
      --idle;
      if (queue.empty()) return;  // stopping
      run_one(lock);
      report(lock);
    }
  }

  // Starts a worker when queued tasks outnumber the idle ones. A thread the system
  // refuses is no failure: the workers there are serve the queue, and with none
  // the submitting thread runs it (inline_runner).
  void add_worker_if_needed(std::unique_lock<std::mutex>& lock) {
    if (queue.size() <= idle || threads.size() + (inline_runner ? 1 : 0) >= max_threads) {
      work_cv.notify_one();
      return;
    }
    try {
      threads.reserve(threads.size() + 1);
      threads.push_back(detail::batch_thread_starter.load()([this] { work(); }));
      return;
    } catch (std::system_error const&) {
    } catch (std::bad_alloc const&) {
    }
    if (!threads.empty()) {
      work_cv.notify_one();
      return;
    }
    if (inline_runner) return;  // the thread running them will reach this task too
    inline_runner = true;
    while (!queue.empty()) {
      run_one(lock);
      report(lock);
    }
    inline_runner = false;
  }

  // Tells on_progress, one call at a time, without making a second thread wait for
  // the first: whoever is reporting reports again while there is news, so a report
  // asked for from inside on_progress (by cancel()) is delivered, not deadlocked.
  // Called with `lock` held; returns with it held.
  void report(std::unique_lock<std::mutex>& lock) {
    if (on_progress) {
      news = true;
      if (reporting) return;
      reporting = true;
      while (news) {
        news = false;
        BatchProgress const snapshot = progress;
        lock.unlock();
        try {
          on_progress(snapshot);
        } catch (...) {
          // A progress display must not end the batch; the calls' results stand.
        }
        lock.lock();
      }
      reporting = false;
    }
    idle_cv.notify_all();
  }

  bool done() const { return progress.finished + progress.cancelled == progress.submitted && !reporting; }

  std::size_t const max_threads;
  std::function<void(BatchProgress const&)> const on_progress;

  std::mutex mu;
  std::condition_variable work_cv;  // workers: a task is queued, or stop
  std::condition_variable idle_cv;  // wait(): a task ended or a report finished
  std::deque<Task> queue;
  std::vector<std::thread> threads;
  std::size_t idle = 0;  // workers waiting for a task
  BatchProgress progress;
  bool cancelled = false;
  bool stopping = false;
  bool inline_runner = false;
  bool reporting = false;
  bool news = false;
};

Batch::Batch(BatchOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Batch::~Batch() {
  wait();
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->stopping = true;
  }
  impl_->work_cv.notify_all();
  for (auto& t : impl_->threads) t.join();
}

void Batch::enqueue(std::function<bool(bool run)> task) {
  std::unique_lock<std::mutex> lock(impl_->mu);
  ++impl_->progress.submitted;
  impl_->queue.push_back(std::move(task));
  if (impl_->cancelled) {
    impl_->run_one(lock);  // resolves it as cancelled at once
    impl_->report(lock);
    return;
  }
  impl_->add_worker_if_needed(lock);
}

void Batch::cancel() {
  std::unique_lock<std::mutex> lock(impl_->mu);
  impl_->cancelled = true;
  // The queued calls are resolved here, so their futures are ready when cancel() returns.
  if (impl_->queue.empty()) return;
  while (!impl_->queue.empty()) impl_->run_one(lock);
  impl_->report(lock);  // once for all of them
}

void Batch::wait() {
  std::unique_lock<std::mutex> lock(impl_->mu);
  impl_->idle_cv.wait(lock, [&] { return impl_->done(); });
}

BatchProgress Batch::progress() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->progress;
}

Status Batch::cancelled_status() {
  return Status(ErrorCode::kCancelled,
                "not started: its batch was cancelled first. Nothing was sent for it, so it may be submitted again");
}

}  // namespace flowii
