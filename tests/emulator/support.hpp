// Test helpers: a started emulator per test and a tiny FLOWii HTTP client.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <flowii/emulator/emulator.hpp>
#include <gtest/gtest.h>
#include <httplib.h>
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

// A started emulator per test (demo data, seed 42).
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

// A minimal valid partner document.
json partner_doc(std::string const& name, int type = 1);
std::string percent_encode(std::string const& text);

}  // namespace emu_test
