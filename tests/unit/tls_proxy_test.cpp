// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Proves, over loopback with a CA made at test time: TlsOptions::ca_path and ca_file
// make the SDK trust that CA with verification on; the default trust store refuses it
// with an error that points at those options; HTTPS calls go through an HTTP CONNECT
// proxy with Proxy-Authorization; and a proxy's 407 is a typed error naming the option
// to set, with no proxy credential in any error message or log line.
#include <flowii/flowii.hpp>
#include <flowii/http.hpp>

#include "common/base64.hpp"
#include "fake_flowii.hpp"
#include "tls_test_server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace flowii {
namespace {

using test::ConnectProxy;
using test::TlsServer;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kProxyUser[] = "squid-user-7f3a";
constexpr char kProxyPassword[] = "pr0xy-s3cret:&@";
constexpr char kPingBody[] = R"({"pong":true})";
/// What a proxy that wants credentials answers to CONNECT.
constexpr char kProxy407[] =
    "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"flowii-test\"\r\n"
    "Content-Length: 0\r\nConnection: close\r\n\r\n";

HttpResponse pong(HttpRequest const&) {
  HttpResponse response;
  response.status = 200;
  response.headers.emplace_back("Content-Type", "application/json");
  response.body = kPingBody;
  return response;
}

/// Transport options with neither proxy nor no_proxy from the environment, so the
/// direct and the proxied tests mean the same on every machine.
TransportOptions isolated_options() {
  TransportOptions options;
  options.proxy.ignore_environment = true;
  return options;
}

TransportOptions via_proxy(ConnectProxy const& proxy, bool with_credentials) {
  TransportOptions options = isolated_options();
  options.proxy.url = proxy.url();
  if (with_credentials) {
    options.proxy.username = kProxyUser;
    options.proxy.password = kProxyPassword;
  }
  return options;
}

/// The proxy credentials in every form they could leak in.
std::vector<std::string> proxy_secrets() {
  std::string const pair = std::string(kProxyUser) + ":" + kProxyPassword;
  return {kProxyUser, kProxyPassword, pair, common::base64_encode(pair)};
}

void expect_no_proxy_secrets(std::string_view text) {
  for (auto const& secret : proxy_secrets()) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  }
}

/// Collects the client's log lines (every level) for inspection.
class LogCapture {
 public:
  LogOptions options() {
    return LogOptions{LogLevel::kTrace, [this](LogLevel, std::string_view line) {
                        std::lock_guard<std::mutex> lock(mu_);
                        lines_.emplace_back(line);
                      }};
  }
  std::vector<std::string> lines() const {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

/// A client of the fake FLOWii `fake` reached over real HTTPS at `server`, through
/// `proxy` with credentials, trusting the test CA through `ca_path`.
ClientOptions client_via_proxy(test::FakeFlowii& fake, TlsServer const& server, ConnectProxy const& proxy,
                               std::string const& ca_path, LogCapture& logs) {
  ClientOptions options = fake.options();  // credentials, fake clock, no jitter
  options.transport = nullptr;             // the real libcurl transport
  options.base_url = server.base_url();
  options.transport_options = via_proxy(proxy, /*with_credentials=*/true);
  options.transport_options.tls.ca_path = ca_path;
  options.log = logs.options();
  return options;
}

/// Serves an HTTPS request with the fake FLOWii's answer.
TlsServer::Handler answer_as(test::FakeFlowii& fake) {
  return [origin = fake.options().transport](HttpRequest const& request) {
    auto result = origin->send(request);
    if (result.ok()) return *result;
    HttpResponse failed;
    failed.status = 500;
    failed.body = result.status().message();
    return failed;
  };
}

/// One test CA (fresh keys, files in a temporary directory) per test suite.
class TlsLoopbackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pki_ = test::TestPki::create(pki_error_); }
  static void TearDownTestSuite() { pki_.reset(); }
  void SetUp() override { ASSERT_NE(pki_, nullptr) << pki_error_; }

  static test::TestPki const& pki() { return *pki_; }

 private:
  static inline std::unique_ptr<test::TestPki> pki_;
  static inline std::string pki_error_;
};

// ---- trust ------------------------------------------------------------------------

using TlsTrust = TlsLoopbackTest;

/// Sends one GET to `server` with `options`; the server answers pong().
Result<HttpResponse> ping(TlsServer const& server, TransportOptions const& options,
                          std::string const& host = "127.0.0.1") {
  return make_curl_transport(options)->send(HttpRequest{"GET", server.base_url(host) + "/ping", {}, {}, {}});
}

/// A GET with `options` reaches the server whose certificate the test CA signed.
void expect_trusted(test::TestPki const& pki, TransportOptions const& options) {
  ASSERT_TRUE(options.tls.verify_peer);  // success must come from trust, not from skipping the check
  TlsServer server(pki, pong);
  ASSERT_TRUE(server.ok());
  auto const result = ping(server, options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, kPingBody);
  EXPECT_EQ(server.requests(), 1);
}

TEST_F(TlsTrust, CaPathTrustsTheTestCa) {
  TransportOptions options = isolated_options();
  options.tls.ca_path = pki().ca_dir();
  expect_trusted(pki(), options);
}

TEST_F(TlsTrust, CaFileTrustsTheTestCa) {
  TransportOptions options = isolated_options();
  options.tls.ca_file = pki().ca_file();
  expect_trusted(pki(), options);
}

TEST_F(TlsTrust, DefaultTrustStoreRefusesTheTestCaAndSaysWhatToSet) {
  TlsServer server(pki(), pong);
  ASSERT_TRUE(server.ok());
  auto const result = ping(server, isolated_options());
  ASSERT_FALSE(result.ok()) << "HTTP " << result->status << " from a server no system CA signed";
  EXPECT_EQ(result.status().code(), ErrorCode::kNetwork);
  EXPECT_EQ(transport_failure(result.status()), TransportFailure::kConnect);  // nothing sent: safe to retry
  std::string const& message = result.status().message();
  EXPECT_THAT(message, HasSubstr("certificate"));
  EXPECT_THAT(message, HasSubstr("TlsOptions::ca_file / ca_path"));
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(TlsTrust, TrustedCaDoesNotSkipTheHostNameCheck) {
  // The certificate names IP:127.0.0.1 only; "localhost" reaches the same server.
  TlsServer server(pki(), pong);
  ASSERT_TRUE(server.ok());
  TransportOptions options = isolated_options();
  options.tls.ca_path = pki().ca_dir();
  auto const result = ping(server, options, "localhost");
  ASSERT_FALSE(result.ok()) << "HTTP " << result->status << " despite a host name mismatch";
  EXPECT_EQ(result.status().code(), ErrorCode::kNetwork);
  EXPECT_EQ(transport_failure(result.status()), TransportFailure::kConnect);
  EXPECT_THAT(result.status().message(), HasSubstr("host name"));
  EXPECT_EQ(server.requests(), 0);
}

// ---- proxies ----------------------------------------------------------------------

using ProxyTunnel = TlsLoopbackTest;

TEST_F(ProxyTunnel, HttpsCallsGoThroughConnectWithProxyAuthorization) {
  test::FakeFlowii fake;
  fake.on("GET", "/partners/7", [](HttpRequest const&) { return test::ok_json(test::partner_json("7")); });
  TlsServer server(pki(), answer_as(fake));
  ConnectProxy proxy(server.port());
  ASSERT_TRUE(server.ok() && proxy.ok());
  LogCapture logs;
  Client client(client_via_proxy(fake, server, proxy, pki().ca_dir(), logs));

  auto const partner = client.partners().get("7");
  ASSERT_TRUE(partner.ok()) << partner.status().to_string();
  EXPECT_EQ(fake.trace(),
            (std::vector<std::string>{"POST /token", "GET /companies", "GET /users/self", "GET /partners/7"}));

  // The server closes every connection, so each request needed a tunnel of its own:
  // one CONNECT per request means none went around the proxy.
  auto const heads = proxy.requests();
  EXPECT_EQ(heads.size(), fake.requests().size());
  EXPECT_EQ(server.requests(), static_cast<int>(fake.requests().size()));
  std::string const authority = "127.0.0.1:" + std::to_string(server.port());
  std::string const basic = common::base64_encode(std::string(kProxyUser) + ":" + kProxyPassword);
  for (auto const& head : heads) {
    EXPECT_THAT(head, StartsWith("CONNECT " + authority + " HTTP/1.1\r\n"));
    EXPECT_THAT(head, HasSubstr("\r\nHost: " + authority + "\r\n"));
    EXPECT_THAT(head, HasSubstr("\r\nProxy-Authorization: Basic " + basic + "\r\n"));
    // FLOWii's own credentials travel inside the tunnel only.
    EXPECT_THAT(head, Not(HasSubstr(test::kApiKey)));
    EXPECT_THAT(head, Not(HasSubstr("Bearer")));
  }
  // ... and the proxy's credentials stop at the proxy.
  for (auto const& request : fake.requests()) {
    EXPECT_EQ(find_header(request.headers, "Proxy-Authorization"), nullptr) << request.method << " " << request.url;
  }

  auto const lines = logs.lines();
  EXPECT_FALSE(lines.empty());
  for (auto const& line : lines) expect_no_proxy_secrets(line);
}

/// What a GET through a proxy that answers CONNECT with `refusal` came to.
struct Refused {
  Result<HttpResponse> result;
  std::vector<std::string> proxy_heads;
};

/// Checks what every refused tunnel must give: a kConnect network error (FLOWii was
/// never reached, so a retry cannot repeat anything) and no request at the server.
Refused ping_through_refusing_proxy(test::TestPki const& pki, std::string refusal) {
  TlsServer server(pki, pong);
  ConnectProxy proxy(server.port(), std::move(refusal));
  EXPECT_TRUE(server.ok() && proxy.ok());
  TransportOptions options = via_proxy(proxy, /*with_credentials=*/false);
  options.tls.ca_file = pki.ca_file();
  Refused refused{ping(server, options), proxy.requests()};
  EXPECT_FALSE(refused.result.ok()) << "HTTP " << refused.result->status << " through a refusing proxy";
  if (!refused.result.ok()) {
    EXPECT_EQ(refused.result.status().code(), ErrorCode::kNetwork);
    EXPECT_EQ(transport_failure(refused.result.status()), TransportFailure::kConnect);
  }
  EXPECT_EQ(server.requests(), 0);
  return refused;
}

TEST_F(ProxyTunnel, ProxyAuthenticationRequiredIsATypedErrorNamingTheOptions) {
  auto const refused = ping_through_refusing_proxy(pki(), kProxy407);
  ASSERT_FALSE(refused.result.ok());
  std::string const& message = refused.result.status().message();
  EXPECT_THAT(message, HasSubstr("the proxy refused the tunnel with 407 Proxy Authentication Required"));
  EXPECT_THAT(message, HasSubstr("ProxyOptions::username"));
  EXPECT_THAT(message, HasSubstr("https_proxy"));
  ASSERT_EQ(refused.proxy_heads.size(), 1u);
  EXPECT_THAT(refused.proxy_heads[0], Not(HasSubstr("Proxy-Authorization")));
}

TEST_F(ProxyTunnel, OtherRefusalsAreConnectErrorsNamingTheProxySettings) {
  auto const refused =
      ping_through_refusing_proxy(pki(), "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  ASSERT_FALSE(refused.result.ok());
  EXPECT_THAT(refused.result.status().message(), HasSubstr("the proxy refused the tunnel with HTTP 403"));
  EXPECT_THAT(refused.result.status().message(), HasSubstr("TransportOptions::proxy"));
}

TEST_F(ProxyTunnel, RejectedProxyCredentialsStayOutOfErrorsAndLogs) {
  test::FakeFlowii fake;
  TlsServer server(pki(), answer_as(fake));
  ConnectProxy proxy(server.port(), kProxy407);
  ASSERT_TRUE(server.ok() && proxy.ok());
  LogCapture logs;
  Client client(client_via_proxy(fake, server, proxy, pki().ca_dir(), logs));

  auto const partner = client.partners().get("7");
  ASSERT_FALSE(partner.ok());
  Status const& status = partner.status();
  EXPECT_EQ(status.code(), ErrorCode::kNetwork) << status.to_string();
  EXPECT_THAT(status.message(), HasSubstr("407 Proxy Authentication Required"));
  EXPECT_THAT(status.message(), HasSubstr("rejected the configured credentials"));
  EXPECT_THAT(status.message(), HasSubstr("ProxyOptions::username"));
  expect_no_proxy_secrets(status.to_string());
  expect_no_proxy_secrets(status.body_excerpt());

  // The credentials were offered, and refused before anything reached FLOWii.
  auto const heads = proxy.requests();
  ASSERT_FALSE(heads.empty());
  for (auto const& head : heads) EXPECT_THAT(head, HasSubstr("\r\nProxy-Authorization: Basic "));
  EXPECT_EQ(server.requests(), 0);
  EXPECT_TRUE(fake.requests().empty());

  auto const lines = logs.lines();
  EXPECT_FALSE(lines.empty());                                   // the failure is logged ...
  for (auto const& line : lines) expect_no_proxy_secrets(line);  // ... without the secrets
}

}  // namespace
}  // namespace flowii
