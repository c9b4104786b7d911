// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The state file of `flowii RESOURCE create --from-file`: per input line, what
// became of it, so that a stopped import resumes without creating anything twice.
// A line is marked as started, with the time, before its create is sent; the file
// is replaced whole (private_file.hpp), so a kill at any moment leaves a file
// that says the truth or errs on the side of "started".
#ifndef FLOWII_CLI_IMPORT_STATE_HPP
#define FLOWII_CLI_IMPORT_STATE_HPP

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace flowii::cli {

/// What became of one input line.
struct LineState {
  enum class Kind {
    kNone,     ///< never sent (or the file does not know it)
    kStarted,  ///< sent at `sent`, no answer recorded
    kDone,     ///< created as `id`
    kFailed,   ///< FLOWii created nothing: `error`, `exit_code`
    kUnknown,  ///< sent at `sent`; whether FLOWii created it is not known: `error`, `exit_code`
  };
  Kind kind = Kind::kNone;
  std::string id;
  std::string error;
  int exit_code = 0;
  std::int64_t sent = 0;  ///< unix seconds, by the client's clock
};

class ImportState {
 public:
  /// The state of importing the input whose key_hash() is `input_hash` into
  /// `resource` (under `parent`), kept in `path`: read when the file exists.
  /// Throws Failure (exit 2) for a file that is not such a state, or that belongs
  /// to another input or resource; nothing is written here.
  ImportState(std::string path, std::string resource, std::string parent, std::string input_hash);

  std::string const& path() const { return path_; }
  /// What the file says of `line`.
  LineState at(int line) const;
  /// Records `state` for `line` and returns once a saved file holds it: a save
  /// that other threads started meanwhile takes theirs along. The problem when
  /// the file cannot be written (with the system's reason); empty on success.
  std::string record(int line, LineState state);
  /// Saves the file as it is (the first write of a new one); the problem, or empty.
  std::string save();

 private:
  std::string text() const;  // under mu_
  /// Returns once a saved file holds change `wanted` (saving it, or waiting for
  /// the thread that does); `lock` holds mu_.
  std::string commit(std::unique_lock<std::mutex>& lock, std::uint64_t wanted);

  std::string path_;
  std::string resource_;
  std::string parent_;
  std::string input_hash_;
  mutable std::mutex mu_;
  std::condition_variable saved_cv_;
  std::map<int, LineState> lines_;
  std::uint64_t version_ = 0;  ///< changes made
  std::uint64_t saved_ = 0;    ///< changes a saved file holds
  bool saving_ = false;
};

}  // namespace flowii::cli

#endif  // FLOWII_CLI_IMPORT_STATE_HPP
