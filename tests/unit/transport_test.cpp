// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// CurlTransport against in-process servers on 127.0.0.1: cpp-httplib for HTTP(S),
// and a tiny raw socket server for replies httplib will not produce.
#include <flowii/http.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include "http/redact.hpp"
#include "httplib_statics.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace flowii {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace std::chrono_literals;

/// An httplib server on 127.0.0.1:<ephemeral>, running on its own thread. Handlers
/// that must block call wait_or_stop(), which returns early when the test ends.
class TestServer {
 public:
  explicit TestServer(std::unique_ptr<httplib::Server> server = std::make_unique<httplib::Server>())
      : server_(std::move(server)) {
    server_->set_tcp_nodelay(true);
    server_->set_keep_alive_max_count(100000);
    server_->new_task_queue = [] { return new httplib::ThreadPool(32); };
    server_->set_pre_routing_handler([this](httplib::Request const& req, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mu_);
      ++requests_;
      ports_.insert(req.remote_port);
      return httplib::Server::HandlerResponse::Unhandled;
    });
  }
  ~TestServer() { stop(); }
  TestServer(TestServer const&) = delete;
  TestServer& operator=(TestServer const&) = delete;

  httplib::Server& routes() { return *server_; }

  void start() {
    emulator::initialise_httplib_statics();  // see there: keeps TSan's view of httplib honest
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::yield();  // listen() is starting on its thread
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }

  void wait_or_stop(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, d, [this] { return stopping_; });
  }

  std::string url(std::string const& path, std::string const& scheme = "http") const {
    return scheme + "://127.0.0.1:" + std::to_string(port_) + path;
  }
  int requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::set<int> ports() const {
    std::lock_guard<std::mutex> lock(mu_);
    return ports_;
  }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  int requests_ = 0;
  std::set<int> ports_;
};

/// A TCP socket bound to 127.0.0.1:<ephemeral> (the address lands in `addr`), and
/// listening with `backlog` unless that is negative. -1 on failure.
int loopback_socket(sockaddr_in& addr, int backlog) {
  int const fd = ::socket(AF_INET, SOCK_STREAM, 0);
  addr = sockaddr_in{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      (backlog >= 0 && ::listen(fd, backlog) != 0) ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) ::close(fd);
    return -1;
  }
  return fd;
}

/// Listens on 127.0.0.1:<ephemeral>; answers each connection's request head with a
/// canned `reply` (possibly empty) and closes it. Records the request heads.
class RawServer {
 public:
  explicit RawServer(std::string reply) : reply_(std::move(reply)) {
    sockaddr_in addr{};
    fd_ = loopback_socket(addr, 16);
    if (fd_ < 0) {
      ADD_FAILURE() << "RawServer: cannot listen";
      return;
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~RawServer() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) ::close(fd_);
  }
  RawServer(RawServer const&) = delete;
  RawServer& operator=(RawServer const&) = delete;

  std::string url(std::string const& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::vector<std::string> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd listener{fd_, POLLIN, 0};
      if (::poll(&listener, 1, 20) <= 0) continue;
      int const conn = ::accept(fd_, nullptr, nullptr);
      if (conn < 0) continue;
      std::string head;
      char buffer[4096];
      while (head.find("\r\n\r\n") == std::string::npos) {
        pollfd readable{conn, POLLIN, 0};
        if (::poll(&readable, 1, 2000) <= 0) break;
        auto const n = ::recv(conn, buffer, sizeof(buffer), 0);
        if (n <= 0) break;
        head.append(buffer, static_cast<std::size_t>(n));
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        requests_.push_back(head);
      }
      if (!reply_.empty()) ::send(conn, reply_.data(), reply_.size(), MSG_NOSIGNAL);
      ::shutdown(conn, SHUT_WR);
      ::close(conn);
    }
  }

  std::string reply_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<std::string> requests_;
};

/// A port on 127.0.0.1 that nothing listens on (bound, then closed).
int unused_port() {
  sockaddr_in addr{};
  int const fd = loopback_socket(addr, -1);
  EXPECT_GE(fd, 0);
  ::close(fd);
  return ntohs(addr.sin_port);
}

/// Options for local tests: no proxy from the environment can get in the way.
TransportOptions local_options() {
  TransportOptions options;
  options.proxy.no_proxy = "127.0.0.1,localhost";
  return options;
}

HttpRequest get(std::string url) {
  HttpRequest request;
  request.method = "GET";
  request.url = std::move(url);
  return request;
}

void expect_failure(Result<HttpResponse> const& result, ErrorCode code, std::optional<TransportFailure> kind) {
  ASSERT_FALSE(result.ok()) << "unexpected HTTP " << result->status;
  EXPECT_EQ(result.status().code(), code) << result.status().message();
  EXPECT_EQ(transport_failure(result.status()), kind) << result.status().message();
}

class CurlTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& r = server_.routes();
    auto echo = [](httplib::Request const& req, httplib::Response& res) {
      for (auto const& [name, value] : req.headers) res.set_header("X-Echo-" + name, value);
      res.status = req.has_param("status") ? std::stoi(req.get_param_value("status")) : 200;
      res.set_content(req.method + "\n" + req.body, "text/plain");
    };
    r.Get("/echo", echo);
    r.Post("/echo", echo);
    r.Put("/echo", echo);
    r.Patch("/echo", echo);
    r.Delete("/echo", echo);
    r.Get("/slow", [this](httplib::Request const&, httplib::Response& res) {
      server_.wait_or_stop(2s);
      res.set_content("late", "text/plain");
    });
    // Answers after a hold far longer than the short timeouts the tests give other requests.
    r.Get("/held", [this](httplib::Request const&, httplib::Response& res) {
      server_.wait_or_stop(200ms);
      res.set_content("held", "text/plain");
    });
    // Records what arrived; ?bytes=N answers N bytes of binary data (a download).
    auto record = [this](httplib::Request const& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(received_mu_);
        received_.push_back({req.method, req.headers, req.body, req.remote_port});
      }
      if (req.has_param("bytes")) {
        res.set_content(binary_bytes(std::stoul(req.get_param_value("bytes"))), "application/octet-stream");
      } else {
        res.set_content("recorded", "text/plain");
      }
    };
    r.Get("/record", record);
    r.Post("/record", record);
    r.Put("/record", record);
    r.Patch("/record", record);
    r.Delete("/record", record);
    r.Get("/big", [](httplib::Request const& req, httplib::Response& res) {
      res.set_content(std::string(std::stoul(req.get_param_value("bytes")), 'b'),
                      req.get_param_value("type") == "text" ? "text/plain" : "application/octet-stream");
    });
    r.Get("/truncated", [](httplib::Request const&, httplib::Response& res) {
      res.set_content_provider(1000, "text/plain", [](std::size_t, std::size_t, httplib::DataSink& sink) {
        sink.write("only part of it", 15);
        return false;  // httplib closes the connection mid-body
      });
    });
    r.Get("/redirect", [](httplib::Request const&, httplib::Response& res) { res.set_redirect("/target", 302); });
    r.Get("/target", [this](httplib::Request const&, httplib::Response& res) {
      ++target_hits_;
      res.set_content("followed", "text/plain");
    });
    server_.start();
  }

  void TearDown() override {
    transport_.reset();  // closes idle keep-alive connections first
    server_.stop();
  }

  HttpTransport& transport(TransportOptions options = local_options()) {
    transport_ = make_curl_transport(std::move(options));
    return *transport_;
  }

  /// A request as the server saw it.
  struct Received {
    std::string method;
    httplib::Headers headers;
    std::string body;
    int port = 0;  ///< the client's port: equal ports mean one reused connection
  };

  static std::string binary_bytes(std::size_t n) {
    std::string out(n, '\0');
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char>((i * 7) % 256);
    return out;
  }

  std::vector<Received> received() const {
    std::lock_guard<std::mutex> lock(received_mu_);
    return received_;
  }

  TestServer server_;
  std::atomic<int> target_hits_{0};
  std::shared_ptr<HttpTransport> transport_;
  mutable std::mutex received_mu_;
  std::vector<Received> received_;
};

TEST_F(CurlTransportTest, HeadersAndBodyRoundTrip) {
  HttpRequest request;
  request.method = "POST";
  request.url = server_.url("/echo?status=201&companyId=7");
  request.headers = {{"Content-Type", "application/vnd.api+json"}, {"X-Custom", "a b;c"}};
  request.body = R"({"data":{"type":"partners"}})";
  auto const result = transport().send(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->status, 201);
  EXPECT_EQ(result->body, "POST\n" + request.body);
  auto header = [&](std::string const& name) {
    auto const* value = find_header(result->headers, name);
    return value == nullptr ? std::string("<missing>") : *value;
  };
  EXPECT_EQ(header("x-echo-content-type"), "application/vnd.api+json");
  EXPECT_EQ(header("X-Echo-X-Custom"), "a b;c");
  EXPECT_EQ(header("X-Echo-Content-Length"), std::to_string(request.body.size()));
  EXPECT_EQ(header("X-Echo-Expect"), "<missing>");
  EXPECT_EQ(header("Content-Type"), "text/plain");
}

TEST_F(CurlTransportTest, LargeBodyIsSentWithoutExpectContinue) {
  HttpRequest request;
  request.method = "PUT";
  request.url = server_.url("/echo");
  request.body = std::string(2u << 20u, 'x');
  auto const result = transport().send(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body.size(), 4 + request.body.size());
  EXPECT_EQ(find_header(result->headers, "X-Echo-Expect"), nullptr);
}

TEST_F(CurlTransportTest, Methods) {
  auto& t = transport();
  for (std::string method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    for (std::string body : {"", "payload"}) {
      if (method == "GET" && !body.empty()) continue;  // httplib ignores GET bodies
      HttpRequest request;
      request.method = method;
      request.url = server_.url("/echo");
      request.body = body;
      auto const result = t.send(request);
      ASSERT_TRUE(result.ok()) << method << ": " << result.status().message();
      EXPECT_EQ(result->status, 200);
      EXPECT_EQ(result->body, method + "\n" + body) << method;
      // No made-up form Content-Type; an explicit Content-Length where a body is expected.
      EXPECT_EQ(find_header(result->headers, "X-Echo-Content-Type"), nullptr) << method;
      auto const* length = find_header(result->headers, "X-Echo-Content-Length");
      if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        ASSERT_NE(length, nullptr) << method;
        EXPECT_EQ(*length, std::to_string(body.size())) << method;
      }
    }
  }
}

TEST_F(CurlTransportTest, ErrorStatusesAreResponses) {
  auto& t = transport();
  for (int status : {400, 401, 404, 429, 500, 503}) {
    auto const result = t.send(get(server_.url("/echo?status=" + std::to_string(status))));
    ASSERT_TRUE(result.ok()) << result.status().message();
    EXPECT_EQ(result->status, status);
    EXPECT_EQ(result->body, "GET\n");
  }
  auto const missing = t.send(get(server_.url("/no-such-route")));
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, 404);
}

TEST_F(CurlTransportTest, ConnectionRefusedIsNetworkConnect) {
  auto const result =
      transport().send(get("http://user:hunter2@127.0.0.1:" + std::to_string(unused_port()) + "/v1/x?apiKey=s3cr3t"));
  expect_failure(result, ErrorCode::kNetwork, TransportFailure::kConnect);
  auto const& message = result.status().message();
  EXPECT_THAT(message, HasSubstr("/v1/x"));
  EXPECT_THAT(message, Not(HasSubstr("s3cr3t")));
  EXPECT_THAT(message, Not(HasSubstr("hunter2")));
  EXPECT_THAT(message, Not(HasSubstr("apiKey")));
}

TEST_F(CurlTransportTest, UnresolvableHostIsNetworkConnect) {
  expect_failure(transport().send(get("http://flowii-test.invalid/x")), ErrorCode::kNetwork,
                 TransportFailure::kConnect);
}

TEST_F(CurlTransportTest, RequestTimeoutIsTimeout) {
  auto request = get(server_.url("/slow"));
  request.timeout = 200ms;
  expect_failure(transport().send(request), ErrorCode::kTimeout, TransportFailure::kReceive);
}

TEST_F(CurlTransportTest, DefaultRequestTimeoutApplies) {
  auto options = local_options();
  options.request_timeout = 200ms;
  expect_failure(transport(options).send(get(server_.url("/slow"))), ErrorCode::kTimeout, TransportFailure::kReceive);
}

TEST(CurlTransportConnectTest, ConnectTimeoutIsTimeoutBeforeSending) {
  // A listener whose accept queue is full (and never drained): Linux drops further
  // SYNs, so the connection attempt hangs until the connect timeout. With a
  // backlog of 0 the queue holds one connection; a blocking connect returns once
  // that one is queued, so the queue is full when it returns (no waiting on time).
  sockaddr_in addr{};
  int const listener = loopback_socket(addr, 0);
  ASSERT_GE(listener, 0);
  std::vector<int> fillers{::socket(AF_INET, SOCK_STREAM, 0)};
  ASSERT_EQ(::connect(fillers.back(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);

  auto options = local_options();
  options.connect_timeout = 200ms;
  auto const result =
      make_curl_transport(options)->send(get("http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/x"));
  for (int fd : fillers) ::close(fd);
  ::close(listener);
  expect_failure(result, ErrorCode::kTimeout, TransportFailure::kConnect);
}

TEST_F(CurlTransportTest, BodyOverTheCapIsTooLarge) {
  auto options = local_options();
  options.max_response_bytes = 64 * 1024;
  auto& t = transport(options);
  // The server gzips text bodies (1 MiB of one byte -> a few KiB): the cap applies to
  // the decoded body, so a small compressed answer cannot blow up memory either.
  for (std::string type : {"octet", "text"}) {
    auto const big = t.send(get(server_.url("/big?bytes=1048576&type=" + type)));
    expect_failure(big, ErrorCode::kInvalidResponse, TransportFailure::kTooLarge);
    EXPECT_THAT(big.status().message(), HasSubstr("65536"));

    auto const at_cap = t.send(get(server_.url("/big?bytes=65536&type=" + type)));
    ASSERT_TRUE(at_cap.ok()) << at_cap.status().message();
    EXPECT_EQ(at_cap->body, std::string(65536, 'b'));
    EXPECT_EQ(find_header(at_cap->headers, "Content-Encoding") != nullptr, type == "text")
        << type << ": compressed iff text (is Accept-Encoding sent?)";
  }
}

TEST_F(CurlTransportTest, HeaderInjectionIsRefusedBeforeSending) {
  auto& t = transport();
  for (auto const& header : std::vector<std::pair<std::string, std::string>>{{"X-Value", "a\r\nX-Injected: 1"},
                                                                             {"X-Value", "a\nb"},
                                                                             {"X-Value", std::string("a\0b", 3)},
                                                                             {"X-Bad\r\nName", "v"},
                                                                             {"X Bad", "v"},
                                                                             {"", "v"},
                                                                             {"X-Colon:", "v"}}) {
    auto request = get(server_.url("/echo"));
    request.headers = {header};
    expect_failure(t.send(request), ErrorCode::kInvalidArgument, std::nullopt);
  }
  auto request = get(server_.url("/echo"));
  request.method = "GE T";
  expect_failure(t.send(request), ErrorCode::kInvalidArgument, std::nullopt);
  EXPECT_EQ(server_.requests(), 0);
}

TEST_F(CurlTransportTest, TruncatedBodyIsReceiveFailure) {
  expect_failure(transport().send(get(server_.url("/truncated"))), ErrorCode::kNetwork, TransportFailure::kReceive);
}

TEST_F(CurlTransportTest, RedirectsAreReturnedNotFollowed) {
  auto request = get(server_.url("/redirect"));
  request.headers = {{"Authorization", "Bearer secret"}};
  auto const result = transport().send(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->status, 302);
  auto const* location = find_header(result->headers, "Location");
  ASSERT_NE(location, nullptr);
  EXPECT_EQ(*location, "/target");
  EXPECT_EQ(target_hits_.load(), 0);
}

TEST_F(CurlTransportTest, OnlyHttpAndHttpsAreAllowed) {
  auto& t = transport();
  expect_failure(t.send(get("file:///etc/passwd")), ErrorCode::kInvalidArgument, std::nullopt);
  expect_failure(t.send(get("ftp://127.0.0.1/x")), ErrorCode::kInvalidArgument, std::nullopt);
  expect_failure(t.send(get("not a url")), ErrorCode::kInvalidArgument, std::nullopt);
}

TEST_F(CurlTransportTest, SequentialCallsReuseOneConnection) {
  auto& t = transport();
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(t.send(get(server_.url("/echo"))).ok());
  EXPECT_EQ(server_.ports().size(), 1u);
}

// One pooled handle serves every request of a single-threaded caller; nothing of an
// earlier request (method, body, headers, timeout, no-body mode, fresh connection)
// may leak into a later one.
TEST_F(CurlTransportTest, AReusedHandleSendsEachRequestAsItsOwn) {
  auto options = local_options();
  options.max_pooled_handles = 1;
  auto& t = transport(options);
  auto send = [&](std::string method, std::string path, HttpHeaders headers, std::string body = {},
                  std::chrono::milliseconds timeout = 0ms) {
    HttpRequest request{std::move(method), server_.url(path), std::move(headers), std::move(body), timeout};
    return t.send(request);
  };
  auto expect_ok = [](Result<HttpResponse> const& result, std::string const& body) {
    ASSERT_TRUE(result.ok()) << result.status().message();
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, body);
  };
  std::string const upload = binary_bytes(3000);  // NUL bytes and all

  // 0: POST with a body and a header of its own.
  expect_ok(send("POST", "/record", {{"Content-Type", "application/vnd.api+json"}, {"X-First", "1"}},
                 R"({"data":{"type":"partner"}})"),
            "recorded");
  // 1: GET with another Accept: no body, no header of request 0, the POST's connection.
  expect_ok(send("GET", "/record", {{"Accept", "application/vnd.api+json"}}), "recorded");
  // 2: PATCH with a body and a header of its own.
  expect_ok(send("PATCH", "/record", {{"Content-Type", "application/vnd.api+json"}, {"X-Third", "3"}}, "{}"),
            "recorded");
  // 3: DELETE without a body.
  expect_ok(send("DELETE", "/record", {{"X-Fourth", "4"}}), "recorded");
  // 4: HEAD: the headers of the answer only.
  expect_ok(send("HEAD", "/record?bytes=5000", {}), "");
  // 5: an upload of binary data after the HEAD: sent as a PUT, with its body.
  expect_ok(send("PUT", "/record", {{"Content-Type", "application/octet-stream"}}, upload), "recorded");
  // 6: a download: the whole body.
  expect_ok(send("GET", "/record?bytes=70000", {{"Accept", "application/octet-stream"}}), binary_bytes(70000));
  // 7: POST without a body: nothing of the upload.
  expect_ok(send("POST", "/record", {{"X-Eighth", "8"}}), "recorded");
  // A request cut short by its own 20 ms timeout (the server holds its answer)...
  expect_failure(send("GET", "/slow", {}, {}, 20ms), ErrorCode::kTimeout, TransportFailure::kReceive);
  // ...then one with the default timeout that the server answers only after 200 ms:
  // it must not inherit the 20 ms.
  expect_ok(send("GET", "/held", {}), "held");
  // 8: and a plain GET afterwards.
  expect_ok(send("GET", "/record", {{"X-Ninth", "9"}}), "recorded");

  auto const got = received();
  ASSERT_EQ(got.size(), 9u);
  std::vector<std::string> const methods{"POST", "GET", "PATCH", "DELETE", "HEAD", "PUT", "GET", "POST", "GET"};
  std::vector<std::string> const bodies{R"({"data":{"type":"partner"}})", "", "{}", "", "", upload, "", "", ""};
  // Content-Type and the X- headers each request carried; nothing else of ours.
  std::vector<std::string> const own{"Content-Type=application/vnd.api+json X-First=1",
                                     "",
                                     "Content-Type=application/vnd.api+json X-Third=3",
                                     "X-Fourth=4",
                                     "",
                                     "Content-Type=application/octet-stream",
                                     "",
                                     "X-Eighth=8",
                                     "X-Ninth=9"};
  for (std::size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE("request " + std::to_string(i) + " " + methods[i]);
    EXPECT_EQ(got[i].method, methods[i]);
    EXPECT_TRUE(got[i].body == bodies[i]) << got[i].body.size() << " bytes, not " << bodies[i].size();
    std::string seen;
    for (auto const& [name, value] : got[i].headers) {
      if (name.rfind("X-", 0) == 0 || detail::iequals(name, "Content-Type")) {
        seen += (seen.empty() ? "" : " ") + name + "=" + value;
      }
    }
    EXPECT_EQ(seen, own[i]);
    bool const has_body = methods[i] == "POST" || methods[i] == "PATCH" || methods[i] == "PUT";
    auto const length = got[i].headers.find("Content-Length");
    if (has_body) {
      ASSERT_NE(length, got[i].headers.end());
      EXPECT_EQ(length->second, std::to_string(bodies[i].size()));
    } else {
      EXPECT_EQ(length, got[i].headers.end());
    }
  }
  auto const accept = [&](std::size_t i) {
    auto const it = got[i].headers.find("Accept");
    return it == got[i].headers.end() ? std::string("<missing>") : it->second;
  };
  EXPECT_EQ(accept(1), "application/vnd.api+json");
  EXPECT_EQ(accept(6), "application/octet-stream");
  // A read reuses the connection the request before it left (one handle, whose
  // fresh-connection flag went back off); a write takes a new one.
  EXPECT_EQ(got[1].port, got[0].port);
  EXPECT_EQ(got[4].port, got[3].port);
  EXPECT_EQ(got[6].port, got[5].port);
  EXPECT_NE(got[2].port, got[1].port);
  EXPECT_NE(got[5].port, got[4].port);
}

TEST_F(CurlTransportTest, ThreadsSharePooledConnections) {
  auto& t = transport();
  constexpr int kThreads = 4;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 25; ++j) ok += t.send(get(server_.url("/echo"))).ok() ? 1 : 0;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), kThreads * 25);
  EXPECT_LE(server_.ports().size(), static_cast<std::size_t>(kThreads));
}

TEST_F(CurlTransportTest, WithoutPoolingEveryCallConnects) {
  auto options = local_options();
  options.max_pooled_handles = 0;
  auto& t = transport(options);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(t.send(get(server_.url("/echo"))).ok());
  EXPECT_EQ(server_.ports().size(), 3u);
}

TEST_F(CurlTransportTest, ManyThreadsManyCalls) {
  auto& t = transport();
  constexpr int kThreads = 8;
  constexpr int kCalls = 50;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < kCalls; ++j) {
        HttpRequest request;
        request.method = (j % 2) == 0 ? "GET" : "POST";
        request.url = server_.url("/echo");
        request.body = (j % 2) == 0 ? "" : std::to_string(i) + "-" + std::to_string(j);
        auto const result = t.send(request);
        if (result.ok() && result->status == 200 && result->body == request.method + "\n" + request.body) ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), kThreads * kCalls);
  EXPECT_EQ(server_.requests(), kThreads * kCalls);
}

TEST_F(CurlTransportTest, HttpsToAPlainPortIsTlsConnectFailure) {
  auto const result = transport().send(get(server_.url("/echo", "https")));
  expect_failure(result, ErrorCode::kNetwork, TransportFailure::kConnect);
  EXPECT_THAT(result.status().message(), HasSubstr("ca_file"));
}

// ---- replies only a raw server produces -------------------------------------

TEST(CurlTransportRawTest, OnlyTheFinalResponseHeadersAreKept) {
  RawServer server(
      "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Final: yes\r\nX-Folded: a\r\n  b\r\nConnection: close\r\n\r\nok");
  auto const result = make_curl_transport(local_options())->send(get(server.url("/")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "ok");
  EXPECT_EQ(find_header(result->headers, "Link"), nullptr);
  ASSERT_NE(find_header(result->headers, "X-Final"), nullptr);
  ASSERT_NE(find_header(result->headers, "X-Folded"), nullptr);
  EXPECT_EQ(*find_header(result->headers, "X-Folded"), "a b");
}

TEST(CurlTransportRawTest, RequestHeadAsSent) {
  RawServer server("HTTP/1.1 204 No Content\r\nX-Empty:\r\nConnection: close\r\n\r\n");
  HttpRequest request;
  request.method = "POST";
  request.url = server.url("/v1/x?companyId=1");
  request.headers = {{"X-Empty", ""}, {"Accept", "application/vnd.api+json"}};
  auto const result = make_curl_transport(local_options())->send(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->status, 204);
  ASSERT_NE(find_header(result->headers, "X-Empty"), nullptr);
  EXPECT_EQ(*find_header(result->headers, "X-Empty"), "");
  auto const requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  std::string const& head = requests[0];
  EXPECT_THAT(head, ::testing::StartsWith("POST /v1/x?companyId=1 HTTP/1.1\r\n"));
  EXPECT_THAT(head, HasSubstr("\r\nX-Empty:\r\n"));
  EXPECT_THAT(head, HasSubstr("\r\nAccept: application/vnd.api+json\r\n"));
  EXPECT_THAT(head, HasSubstr("\r\nContent-Length: 0\r\n"));
  EXPECT_THAT(head, HasSubstr("\r\nAccept-Encoding: "));
  EXPECT_THAT(head, Not(HasSubstr("Expect")));
  EXPECT_THAT(head, Not(HasSubstr("Content-Type")));
}

TEST(CurlTransportRawTest, NoReplyIsReceiveFailure) {
  RawServer server("");
  expect_failure(make_curl_transport(local_options())->send(get(server.url("/"))), ErrorCode::kNetwork,
                 TransportFailure::kReceive);
}

TEST(CurlTransportRawTest, GarbageReplyIsReceiveFailure) {
  RawServer server("this is not http\r\n\r\n");
  expect_failure(make_curl_transport(local_options())->send(get(server.url("/"))), ErrorCode::kNetwork,
                 TransportFailure::kReceive);
}

// ---- proxies ----------------------------------------------------------------

constexpr char const* kProxyReply = "HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nvia-proxy";

/// Sets an environment variable for one test and restores the old state.
class ScopedEnv {
 public:
  ScopedEnv(char const* name, std::string const& value) : name_(name) {
    if (char const* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(ScopedEnv const&) = delete;
  ScopedEnv& operator=(ScopedEnv const&) = delete;

 private:
  char const* name_;
  std::optional<std::string> old_;
};

TEST(CurlTransportProxyTest, ExplicitProxyWithCredentials) {
  RawServer proxy(kProxyReply);
  TransportOptions options;
  options.proxy.url = proxy.url("");
  options.proxy.username = "proxy-user";
  options.proxy.password = "proxy-pass";
  auto const result = make_curl_transport(options)->send(get("http://api.flowii.invalid/v1/x?companyId=1"));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "via-proxy");
  auto const requests = proxy.requests();
  ASSERT_EQ(requests.size(), 1u);
  std::string const& head = requests[0];
  EXPECT_THAT(head, ::testing::StartsWith("GET http://api.flowii.invalid/v1/x?companyId=1 HTTP/1.1\r\n"));
  // base64("proxy-user:proxy-pass")
  EXPECT_THAT(head, HasSubstr("Proxy-Authorization: Basic cHJveHktdXNlcjpwcm94eS1wYXNz\r\n"));
}

TEST(CurlTransportProxyTest, EnvironmentProxyIsHonouredByDefault) {
  RawServer proxy(kProxyReply);
  ScopedEnv env("http_proxy", proxy.url(""));
  auto const result = make_curl_transport()->send(get("http://api.flowii.invalid/v1/x"));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "via-proxy");
  EXPECT_EQ(proxy.requests().size(), 1u);
}

TEST(CurlTransportProxyTest, IgnoreEnvironmentBypassesTheEnvironmentProxy) {
  RawServer proxy(kProxyReply);
  RawServer origin("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\ndirect");
  ScopedEnv env("http_proxy", proxy.url(""));
  TransportOptions options;
  options.proxy.ignore_environment = true;
  auto const result = make_curl_transport(options)->send(get(origin.url("/x")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "direct");
  EXPECT_TRUE(proxy.requests().empty());
}

TEST(CurlTransportProxyTest, NoProxyBypassesAnExplicitProxy) {
  RawServer proxy(kProxyReply);
  RawServer origin("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\ndirect");
  TransportOptions options;
  options.proxy.url = proxy.url("");
  options.proxy.no_proxy = "127.0.0.1";
  auto const result = make_curl_transport(options)->send(get(origin.url("/x")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "direct");
  EXPECT_TRUE(proxy.requests().empty());
}

// ---- TLS --------------------------------------------------------------------

/// A self-signed certificate for localhost / 127.0.0.1, made with the openssl tool.
class CurlTransportTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = ::testing::TempDir() + "flowii-tls-" + std::to_string(::getpid());
    std::string const command = "mkdir -p '" + dir_ +
                                "' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                                "-keyout '" +
                                dir_ + "/key.pem' -out '" + dir_ +
                                "/cert.pem' -days 2 -subj /CN=localhost "
                                "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 >/dev/null 2>&1";
    have_cert_ = std::system(command.c_str()) == 0;  // NOLINT(cert-env33-c): test-only
  }
  static void TearDownTestSuite() {
    std::string const command = "rm -rf '" + dir_ + "'";
    static_cast<void>(std::system(command.c_str()));  // NOLINT(cert-env33-c)
  }

  void SetUp() override {
    if (!have_cert_) GTEST_SKIP() << "the openssl tool is not available";
    server_ = std::make_unique<TestServer>(
        std::make_unique<httplib::SSLServer>((dir_ + "/cert.pem").c_str(), (dir_ + "/key.pem").c_str()));
    server_->routes().Get(
        "/tls", [](httplib::Request const&, httplib::Response& res) { res.set_content("secure", "text/plain"); });
    server_->start();
  }
  void TearDown() override { server_.reset(); }

  static std::string dir_;
  static bool have_cert_;
  std::unique_ptr<TestServer> server_;
};

std::string CurlTransportTlsTest::dir_;
bool CurlTransportTlsTest::have_cert_ = false;

TEST_F(CurlTransportTlsTest, UntrustedCertificateIsRefused) {
  auto const result = make_curl_transport(local_options())->send(get(server_->url("/tls", "https")));
  expect_failure(result, ErrorCode::kNetwork, TransportFailure::kConnect);
  EXPECT_THAT(result.status().message(), HasSubstr("ca_file"));
}

TEST_F(CurlTransportTlsTest, TrustedWithCaFile) {
  auto options = local_options();
  options.tls.ca_file = dir_ + "/cert.pem";
  auto const result = make_curl_transport(options)->send(get(server_->url("/tls", "https")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "secure");
}

TEST_F(CurlTransportTlsTest, VerificationCanBeTurnedOff) {
  auto options = local_options();
  options.tls.verify_peer = false;
  auto const result = make_curl_transport(options)->send(get(server_->url("/tls", "https")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "secure");
}

}  // namespace
}  // namespace flowii
