// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What the emulator itself holds and serves, read without the SDK under test,
// so that a decoding or encoding bug of the SDK cannot cancel out in a CLI test:
//  - records: the emulator's own data, through its C++ API (Emulator::save_state);
//  - fetch: the bytes it serves for a request, over a plain cpp-httplib connection.
#ifndef FLOWII_TESTS_CLI_SERVED_HPP
#define FLOWII_TESTS_CLI_SERVED_HPP

#include <flowii/emulator/emulator.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace flowii::cli::test {

/// One answer of the emulator, as it came over the wire.
struct Served {
  int status = 0;  ///< 0 = no HTTP answer
  std::string content_type;
  std::string body;
};

/// GET `target` ("/path?query", the query percent-encoded by the caller) as the
/// user `username`: a password grant and one request, each journaled by the emulator.
/// The credentials and the token are never part of the result.
Served fetch(emulator::Emulator const& emu, std::string const& target, std::string const& username,
             std::string const& password);

/// Every record of `type` in `company`, in id order, as the emulator stores them
/// ({"type", "id", "attributes", "relationships", ...}). `scratch` is a directory
/// for the state file it is read from.
std::vector<nlohmann::json> stored_records(emulator::Emulator const& emu, std::filesystem::path const& scratch,
                                           std::string const& company, std::string const& type);

}  // namespace flowii::cli::test

#endif  // FLOWII_TESTS_CLI_SERVED_HPP
