// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What every example does the same way: connect from the FLOWii_* variables,
// stop with a readable message on the first failure, and make FLOWii's
// zone-less dates relative to today. Kept out of the examples so that each of
// them shows only its own integration.
#ifndef FLOWII_EXAMPLES_EXAMPLE_SUPPORT_HPP
#define FLOWII_EXAMPLES_EXAMPLE_SUPPORT_HPP

#include <flowii/flowii.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace examples {

inline std::string& program_name() {
  static std::string name = "example";
  return name;
}

/// Prints "<program>: <step> failed: <status>" and exits with 1.
[[noreturn]] inline void fail(std::string const& step, flowii::Status const& status) {
  std::cerr << program_name() << ": " << step << " failed: " << status.to_string() << "\n";
  std::exit(1);
}

/// For a missing precondition (no partner, no state...): exits like fail().
[[noreturn]] inline void fail(std::string const& step, std::string const& why) {
  fail(step, flowii::Status(flowii::ErrorCode::kNotFound, why));
}

struct Connection {
  flowii::Client client;
  flowii::Session session;
};

/// The client from FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME,
/// FLOWII_PASSWORD, FLOWII_COMPANY_ID (needed when the user has several
/// companies) and FLOWII_LOG, with its session bootstrapped
/// (POST /token, GET /companies, GET /users/self).
inline Connection connect(char const* program) {
  program_name() = program;
  auto client = flowii::Client::from_env();
  if (!client) fail("configuration", client.status());
  auto session = client->session();
  if (!session) fail("session bootstrap", session.status());
  return Connection{*client, *session};
}

/// Today plus `days` (negative: in the past), on this machine's calendar.
inline flowii::Date day(int days) { return flowii::Date::today().plus_days(days); }

/// Midnight of that day, for date-time attributes.
inline flowii::DateTime midnight(int days) { return flowii::DateTime::from_date(day(days)); }

/// Now plus `days`, as the local wall-clock time FLOWii expects (no zone).
inline flowii::DateTime local_time(int days) { return flowii::DateTime::local().plus_days(days); }

}  // namespace examples

#endif  // FLOWII_EXAMPLES_EXAMPLE_SUPPORT_HPP
