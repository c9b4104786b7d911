// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
// Proves that every admin endpoint answers every request at once: no body, an empty or malformed one, a wrong method.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "support.hpp"

namespace emu_test {
namespace {

// What came back for one raw request; status 0 = no complete answer.
struct RawAnswer {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  std::string received;  // everything, for failure messages
};

// Content-Length of a response head (httplib always sends it), or -1.
long content_length(std::string const& head) {
  for (std::string const name : {"\r\nContent-Length:", "\r\ncontent-length:"}) {
    auto const at = head.find(name);
    if (at != std::string::npos) return std::stol(head.substr(at + name.size()));
  }
  return -1;
}

// Writes `request` verbatim to 127.0.0.1:port and reads one response. A
// generous 30 s receive timeout turns a hang into a failure without timing anything.
RawAnswer round_trip(int port, std::string const& request) {
  RawAnswer answer;
  int const fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return answer;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  timeval const patience{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    // Not Connection: close: the answer must come while the connection stays open.
    char buffer[4096];
    for (ssize_t n = 0; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
      answer.received.append(buffer, static_cast<std::size_t>(n));
      auto const end = answer.received.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      long const length = content_length(answer.received.substr(0, end + 2));
      if (length < 0 || answer.received.size() < end + 4 + static_cast<std::size_t>(length)) continue;
      answer.head = answer.received.substr(0, end + 2);
      answer.body = answer.received.substr(end + 4, static_cast<std::size_t>(length));
      answer.status = std::stoi(answer.head.substr(answer.head.find(' ') + 1, 3));
      break;
    }
  }
  close(fd);
  return answer;
}

enum class Body { kNone, kEmpty, kBroken, kArray };

std::string request(std::string const& method, std::string const& path, Body body) {
  std::string text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  switch (body) {
    case Body::kNone:  // the request that hung: no Content-Length at all
      return text + "\r\n";
    case Body::kEmpty:
      return text + "Content-Length: 0\r\n\r\n";
    case Body::kBroken:
      return text + "Content-Type: application/json\r\nContent-Length: 1\r\n\r\n{";
    case Body::kArray:
      return text + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n[]";
  }
  return text;
}

// A success with its JSON (or no) body, or a JSON:API error of that status.
void expect_answer(RawAnswer const& answer, int status) {
  ASSERT_NE(answer.status, 0) << "no answer; received: " << answer.received;
  EXPECT_EQ(answer.status, status) << answer.received;
  if (answer.status == 204) {
    EXPECT_EQ(answer.body, "");
    return;
  }
  auto const doc = json::parse(answer.body, nullptr, false);
  ASSERT_TRUE(doc.is_object()) << answer.received;
  if (answer.status < 400) return;
  EXPECT_NE(answer.head.find("Content-Type: application/vnd.api+json"), std::string::npos) << answer.head;
  ASSERT_TRUE(doc.contains("errors")) << answer.body;
  EXPECT_EQ(doc["errors"][0]["status"], std::to_string(status));
}

// Each endpoint with its status for no or an empty body, and for a malformed
// one; `other` is a method it does not take.
struct AdminEndpoint {
  char const* method;
  char const* path;
  int empty;
  int malformed;
  char const* other;
};
constexpr AdminEndpoint endpoints[] = {
    {"GET", "/_emulator/health", 200, 200, "PUT"},  // GET ignores a body
    {"GET", "/_emulator/journal", 200, 200, "PUT"},
    {"DELETE", "/_emulator/journal", 204, 400, "PATCH"},
    {"POST", "/_emulator/reset", 204, 400, "GET"},      // nothing to say: an empty body is a full request
    {"POST", "/_emulator/clock", 400, 400, "PUT"},      // needs advance_seconds
    {"POST", "/_emulator/faults", 400, 400, "DELETE"},  // a fault that does nothing is refused
    {"GET", "/_emulator/faults", 200, 200, "PATCH"},
    {"POST", "/_emulator/tokens/expire", 204, 400, "GET"},
    {"GET", "/_emulator/switches", 200, 200, "PUT"},
    {"POST", "/_emulator/switches", 200, 400, "DELETE"},  // changes none of them
    {"GET", "/_emulator/connections", 200, 200, "POST"},
    {"POST", "/_emulator/partners", 400, 400, "GET"},  // needs company_id and count
};

using AdminAnswers = EmulatorTest;

TEST_F(AdminAnswers, EveryEndpointAnswersEveryBodyAndMethod) {
  for (auto const& e : endpoints) {
    SCOPED_TRACE(std::string(e.method) + " " + e.path);
    int const port = emu().port();
    {
      SCOPED_TRACE("no body, no Content-Length");
      expect_answer(round_trip(port, request(e.method, e.path, Body::kNone)), e.empty);
    }
    {
      SCOPED_TRACE("Content-Length: 0");
      expect_answer(round_trip(port, request(e.method, e.path, Body::kEmpty)), e.empty);
    }
    {
      SCOPED_TRACE("{");
      expect_answer(round_trip(port, request(e.method, e.path, Body::kBroken)), e.malformed);
    }
    {
      SCOPED_TRACE("[]");
      expect_answer(round_trip(port, request(e.method, e.path, Body::kArray)), e.malformed);
    }
    {
      SCOPED_TRACE(std::string("method ") + e.other);
      auto const answer = round_trip(port, request(e.other, e.path, Body::kNone));
      expect_answer(answer, 405);
      EXPECT_NE(answer.head.find("\r\nAllow: "), std::string::npos) << answer.head;
    }
  }
}

// Answered, and done: the reset took effect.
TEST_F(AdminAnswers, ResetWithoutContentLengthResets) {
  EXPECT_EQ(api().get("/countries").status, 200);  // journaled, with its /token
  ASSERT_FALSE(emu().journal().empty());
  expect_answer(round_trip(emu().port(), request("POST", "/_emulator/reset", Body::kNone)), 204);
  EXPECT_TRUE(emu().journal().empty());
}

// Refused, not started: adding a trillion partners would never end.
TEST_F(AdminAnswers, ARunawayPartnerCountIsRefused) {
  auto const reply =
      api().send("POST", "/_emulator/partners", {}, R"({"company_id":"1","count":1000000000000})", "application/json");
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.error()["source"]["pointer"], "/count");
}

TEST_F(AdminAnswers, WrongMethodNamesTheAllowedOnes) {
  auto const answer = round_trip(emu().port(), request("PUT", "/_emulator/journal", Body::kEmpty));
  expect_answer(answer, 405);
  EXPECT_NE(answer.head.find("\r\nAllow: GET, DELETE\r\n"), std::string::npos) << answer.head;
}

}  // namespace
}  // namespace emu_test
