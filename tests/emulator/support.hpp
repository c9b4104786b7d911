// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Test helpers: a started emulator per test and a tiny FLOWii HTTP client.
#ifndef FLOWII_TESTS_EMULATOR_SUPPORT_HPP
#define FLOWII_TESTS_EMULATOR_SUPPORT_HPP

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <flowii/emulator/emulator.hpp>
#include <nlohmann/json.hpp>

namespace emu_test {

using json = nlohmann::json;
using Params = std::vector<std::pair<std::string, std::string>>;

struct Reply {
  int status = 0;  // 0 = no HTTP response (connection error)
  std::string body;
  httplib::Headers headers;
  json doc;  // parsed body when it is JSON, else null

  std::string header(std::string const& name) const;
  // errors[0] of a JSON:API error document
  json const& error() const { return doc.at("errors").at(0); }
};

// Talks to one emulator as one user, adding Api-Key, Bearer and companyId.
class Api {
 public:
  explicit Api(flowii::emulator::Emulator const& emulator, std::string company = "1",
               std::string username = "demo@flowii.example", std::string password = "demo-password");
  // The same against a port on 127.0.0.1 (e.g. a flowii-emulator process).
  explicit Api(int port, std::string company = "1", std::string username = "demo@flowii.example",
               std::string password = "demo-password");

  Reply get(std::string const& path, Params params = {});
  Reply post(std::string const& path, json const& body, Params params = {});
  Reply patch(std::string const& path, json const& body, Params params = {});
  Reply del(std::string const& path, Params params = {});

  // Lower level: exact headers and body, no automatic authentication.
  Reply send(std::string const& method, std::string const& target, httplib::Headers headers,
             std::string const& body = {}, std::string const& content_type = {});
  Reply token_request(std::string const& form, std::optional<std::string> api_key = std::string("demo-api-key"),
                      std::string const& content_type = "application/x-www-form-urlencoded");

  std::string const& token();  // password grant on first use
  httplib::Headers auth_headers();
  std::string target(std::string const& path, Params params, bool with_company = true) const;
  httplib::Client& client() { return client_; }

  // Partner ids of a whole (filtered) list, fetched page by page.
  std::vector<std::string> ids(std::string const& path, Params params = {});

 private:
  Reply finish(httplib::Result const& result);
  httplib::Client client_;
  std::string company_;
  std::string username_;
  std::string password_;
  std::string token_;
};

// A started emulator per test (demo data, seed 42), its clock moved only by the test.
class EmulatorTest : public ::testing::Test {
 protected:
  virtual void configure(flowii::emulator::Options& /*options*/) {}
  void SetUp() override;
  void TearDown() override;

  flowii::emulator::Emulator& emu() { return *emu_; }
  Api& api() { return *api_; }

 private:
  std::unique_ptr<flowii::emulator::Emulator> emu_;
  std::unique_ptr<Api> api_;
};

// The flowii-emulator binary as a child process, with its standard streams
// piped, for the tests of the binary itself.
class EmulatorProcess {
 public:
  // Starts it with these arguments and reads its stdout up to the six
  // readiness and export lines (or `lines`: 7 with an admin token), or to its
  // end when it fails to start.
  explicit EmulatorProcess(std::vector<std::string> const& args, std::size_t lines = 6);
  ~EmulatorProcess();  // kills it if it is still running
  EmulatorProcess(EmulatorProcess const&) = delete;
  EmulatorProcess& operator=(EmulatorProcess const&) = delete;

  std::vector<std::string> const& stdout_lines() const { return lines_; }
  int port() const;  // from the readiness line; 0 when it did not start
  void close_stdin();
  // Sends `signal` (0 = none) and waits: the exit status, or -1 when a signal killed it.
  int finish(int signal);
  std::string error_output();  // all of stderr, once it has ended

 private:
  int pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  int stderr_ = -1;
  std::vector<std::string> lines_;
};

// A fresh directory removed with everything in it at the end of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(TempDir const&) = delete;
  TempDir& operator=(TempDir const&) = delete;
  std::string file(std::string const& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string read_file(std::string const& path);  // "" when missing
void write_file(std::string const& path, std::string const& content);

// A minimal valid partner document.
json partner_doc(std::string const& name, int type = 1);
std::string percent_encode(std::string const& text);

}  // namespace emu_test

#endif  // FLOWII_TESTS_EMULATOR_SUPPORT_HPP
