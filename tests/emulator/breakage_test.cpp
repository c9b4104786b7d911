// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Connection faults (Emulator::Breakage), seen from a raw socket: exactly what
// reaches the client, whether the request was processed (journal), and the
// admin API and token expiry that go with them.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>

#include "support.hpp"

namespace emu_test {
namespace {

using Fault = flowii::emulator::Emulator::Fault;
using Breakage = flowii::emulator::Emulator::Breakage;

struct RawResult {
  std::string bytes;   // everything received until the server closed
  bool reset = false;  // the connection ended with ECONNRESET
  bool timed_out = false;
  int reads = 0;  // recv() calls that returned bytes
};

class BreakageTest : public EmulatorTest {
 protected:
  // Sends one request over a fresh connection and reads until the server closes.
  RawResult exchange(std::string const& method, std::string const& path, std::string const& body = {},
                     int read_timeout_ms = 5000) {
    int const fd = socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(emu().port()));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    timeval tv{read_timeout_ms / 1000, (read_timeout_ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string request = method + " " + path +
                          "?companyId=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nApi-Key: demo-api-key\r\n"
                          "Authorization: Bearer " +
                          api().token() + "\r\n";
    if (!body.empty()) {
      request += "Content-Type: application/vnd.api+json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    request += "Connection: close\r\n\r\n" + body;
    EXPECT_EQ(send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    RawResult out;
    char buf[4096];
    while (true) {
      ssize_t const n = recv(fd, buf, sizeof buf, 0);
      if (n > 0) {
        out.bytes.append(buf, static_cast<std::size_t>(n));
        ++out.reads;
        continue;
      }
      if (n < 0 && errno == ECONNRESET) out.reset = true;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) out.timed_out = true;
      break;
    }
    close(fd);
    return out;
  }

  void inject(std::string const& method, Breakage breakage,
              std::chrono::milliseconds hold = std::chrono::milliseconds(200)) {
    Fault f;
    f.method = method;
    f.path_prefix = "/partners";
    f.breakage = breakage;
    f.hold = hold;
    emu().inject(f);
  }

  std::string partner_body() const { return partner_doc("Breakage s.r.o.").dump(); }
  std::size_t partners_named_breakage() { return api().ids("/partners", {{"filter[search-text]", "Breakage"}}).size(); }
};

TEST_F(BreakageTest, CloseSendsNothingAndSkipsTheRequest) {
  api().token();
  inject("POST", Breakage::kClose);
  auto const r = exchange("POST", "/partners", partner_body());
  EXPECT_TRUE(r.bytes.empty());
  EXPECT_EQ(emu().journal().back().status, 0);
  EXPECT_EQ(partners_named_breakage(), 0u);
}

TEST_F(BreakageTest, ResetAbortsTheConnection) {
  api().token();
  inject("POST", Breakage::kReset);
  auto const r = exchange("POST", "/partners", partner_body());
  EXPECT_TRUE(r.bytes.empty());
  EXPECT_TRUE(r.reset);
  EXPECT_EQ(partners_named_breakage(), 0u);
}

TEST_F(BreakageTest, GarbageIsNotHttp) {
  api().token();
  inject("GET", Breakage::kGarbage);
  auto const r = exchange("GET", "/partners");
  ASSERT_FALSE(r.bytes.empty());
  EXPECT_NE(r.bytes.rfind("HTTP/", 0), 0u);
  EXPECT_EQ(emu().journal().back().status, 0);
}

TEST_F(BreakageTest, StallAnswersNothingWhileTheClientWaits) {
  api().token();
  inject("GET", Breakage::kStall, std::chrono::milliseconds(60'000));
  auto const r = exchange("GET", "/partners", {}, 300);  // the client gives up first, whatever the load
  EXPECT_TRUE(r.bytes.empty());
  EXPECT_TRUE(r.timed_out);
}

TEST_F(BreakageTest, StallClosesAfterItsHoldWithoutAnswering) {
  api().token();
  inject("GET", Breakage::kStall, std::chrono::milliseconds(100));
  auto const r = exchange("GET", "/partners", {}, 30'000);  // waits far longer than the hold
  EXPECT_TRUE(r.bytes.empty());
  EXPECT_FALSE(r.timed_out);  // the server closed it
  EXPECT_EQ(emu().journal().back().status, 0);
}

class OneWorkerBreakageTest : public BreakageTest {
  void configure(flowii::emulator::Options& o) override { o.worker_threads = 1; }
};

TEST_F(OneWorkerBreakageTest, StallEndsWhenTheClientHangsUp) {
  api().token();
  api().client().stop();  // frees the only worker from the token call's keep-alive connection
  inject("GET", Breakage::kStall, std::chrono::milliseconds(600'000));
  auto const stalled = exchange("GET", "/partners", {}, 2000);
  ASSERT_TRUE(stalled.timed_out);
  // The only worker is free again: had the stall held on for its ten minutes,
  // this read would give up after thirty seconds without an answer.
  auto const next = exchange("GET", "/countries", {}, 30'000);
  EXPECT_FALSE(next.timed_out);
  EXPECT_EQ(next.bytes.rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(BreakageTest, TruncatedBodyAfterTheRequestWasProcessed) {
  api().token();
  inject("POST", Breakage::kTruncatedBody);
  auto const r = exchange("POST", "/partners", partner_body());
  ASSERT_EQ(r.bytes.rfind("HTTP/1.1 200", 0), 0u) << r.bytes;
  auto const head_end = r.bytes.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  auto const length_at = r.bytes.find("Content-Length: ");
  ASSERT_NE(length_at, std::string::npos);
  auto const declared = std::stoul(r.bytes.substr(length_at + 16));
  EXPECT_LT(r.bytes.size() - head_end - 4, declared);  // fewer bytes than announced
  EXPECT_EQ(emu().journal().back().status, 200);       // but the partner was created
  EXPECT_EQ(partners_named_breakage(), 1u);
}

TEST_F(BreakageTest, TruncatedEmptyAnswerCutsTheStatusLine) {
  api().token();
  auto const created = api().post("/partners", partner_doc("Breakage s.r.o."));
  ASSERT_EQ(created.status, 200);
  inject("DELETE", Breakage::kTruncatedBody);
  auto const r = exchange("DELETE", "/partners/" + created.doc["data"]["id"].get<std::string>());
  EXPECT_EQ(r.bytes.find("\r\n"), std::string::npos);  // not even the status line ends
  EXPECT_FALSE(r.bytes.empty());
  EXPECT_EQ(partners_named_breakage(), 0u);  // the delete happened
}

TEST_F(BreakageTest, SlowBodyArrivesWholeInPieces) {
  api().token();
  inject("GET", Breakage::kSlowBody, std::chrono::milliseconds(1000));
  auto const r = exchange("GET", "/partners", {}, 30'000);
  ASSERT_EQ(r.bytes.rfind("HTTP/1.1 200", 0), 0u);
  auto const body = json::parse(r.bytes.substr(r.bytes.find("\r\n\r\n") + 4), nullptr, false);
  ASSERT_TRUE(body.is_object());
  EXPECT_FALSE(body["data"].empty());
  // Dribbled in ten pieces 100 ms apart, not sent at once: the reader sees
  // several arrivals (all in one only if it slept through the whole second).
  EXPECT_GE(r.reads, 3);
}

TEST_F(BreakageTest, AdminApiTakesBreakages) {
  auto const reply =
      api().send("POST", "/_emulator/faults", {},
                 R"({"method":"GET","path_prefix":"/partners","breakage":"reset","hold_ms":10})", "application/json");
  EXPECT_EQ(reply.status, 200);
  auto const listed = api().send("GET", "/_emulator/faults", {});
  EXPECT_EQ(listed.doc["pending"][0]["breakage"], "reset");
  EXPECT_EQ(listed.doc["pending"][0]["hold_ms"], 10);
  auto const bad = api().send("POST", "/_emulator/faults", {}, R"({"breakage":"explode"})", "application/json");
  EXPECT_EQ(bad.status, 400);
}

TEST_F(BreakageTest, ExpiredAccessTokensGet401) {
  api().token();
  ASSERT_EQ(api().get("/partners").status, 200);
  emu().expire_tokens();
  auto const refused = api().get("/partners");
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.header("WWW-Authenticate").find("invalid_token"), std::string::npos);
  EXPECT_EQ(api().send("POST", "/_emulator/tokens/expire", {}).status, 204);
}

}  // namespace
}  // namespace emu_test
