// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The saved session: the tokens of one API URL, user and company, kept between
// runs in a file only the user can read, so that a hundred commands make one
// password grant (docs/cli.md, "Sessions").
#ifndef FLOWII_CLI_SESSION_HPP
#define FLOWII_CLI_SESSION_HPP

#include <flowii/cli/run.hpp>
#include <flowii/options.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace flowii::cli {

/// FNV-1a (64 bits) of `text` as 16 hex digits: a stable file name per key (the
/// file names its key inside, and load() checks it), or a check that an input has
/// not changed since a state file was written. Not a security measure.
std::string key_hash(std::string const& text);

/// Where sessions are saved: FLOWII_SESSION_DIR, else $XDG_STATE_HOME/flowii, else
/// $HOME/.local/state/flowii; empty when none of them is set.
std::string session_directory(Environment const& env);

/// Whether FLOWII_NO_SESSION turns saved sessions off (any value but empty or 0).
bool sessions_disabled(Environment const& env);

/// The session file of one API URL, user and company. Nothing here is fatal: a
/// file that cannot be trusted is ignored (the password grant follows), and one
/// that cannot be written is reported as a warning.
class SessionFile {
 public:
  SessionFile(std::string directory, std::string api_url, std::string username, std::string company_id);

  std::string const& path() const { return path_; }

  /// The saved tokens; nullopt without a file, or with one that is not a regular
  /// file of this user, others could read, is corrupt or belongs to another key.
  /// `notice` says why a file was ignored when that is a security matter (its
  /// permissions, its owner), else it is left empty.
  std::optional<Tokens> load(std::string& notice) const;
  /// Replaces the file with `tokens`, atomically and with mode 0600 (creating the
  /// directory with mode 0700). Returns what failed; empty on success.
  std::string save(Tokens const& tokens) const;
  /// Deletes the file, if any.
  void remove() const;

 private:
  std::string directory_;
  std::string api_url_;
  std::string username_;
  std::string company_id_;
  std::string path_;
};

/// Deletes every session saved in `directory` (`flowii logout`); returns how many.
std::size_t remove_sessions(std::string const& directory);

}  // namespace flowii::cli

#endif  // FLOWII_CLI_SESSION_HPP
