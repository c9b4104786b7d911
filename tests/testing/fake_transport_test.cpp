// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The fake transport itself, and an example for docs/testing.md: a
// flowii::Client on a scripted transport, asserting what the client sent.
#include <flowii/flowii.hpp>
#include <flowii/testing/fake_transport.hpp>

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace {

using flowii::ErrorCode;
using flowii::HttpRequest;
using flowii::testing::FakeTransport;

flowii::Partner partner(std::string const& id, std::string const& name) {
  flowii::Partner p;
  p.set_id(id);
  p.set_name(name);
  return p;
}

TEST(FakeTransport, ServesAClientInTwoLines) {
  auto fake = FakeTransport::with_session();  // POST /token, GET /companies, GET /users/self
  flowii::Client client(fake->client_options());
  fake->on("GET", "/partners", flowii::testing::list_response({partner("1", "ACME s.r.o."), partner("2", "Beta")}));

  auto page = client.partners().list_page();

  ASSERT_TRUE(page) << page.status().to_string();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[1].name(), "Beta");
  auto sent = fake->requests_to("GET", "/partners");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_NE(sent[0].url.find("companyId=1"), std::string::npos);  // the session's company
  EXPECT_TRUE(fake->unanswered().empty());
}

TEST(FakeTransport, AnswersRoutesFirstThenTheQueueInOrderThenTheFallback) {
  FakeTransport fake([](HttpRequest const&) { return flowii::testing::empty_response(418); });
  fake.enqueue(flowii::testing::empty_response(201)).enqueue(flowii::testing::empty_response(202));
  fake.on("GET", "/route", flowii::testing::empty_response(200));
  auto status_of = [&](std::string const& path) {
    HttpRequest r;
    r.method = "GET";
    r.url = "http://127.0.0.1:9" + path + "?x=1";
    return fake.send(r)->status;
  };

  EXPECT_EQ(status_of("/route"), 200);
  EXPECT_EQ(status_of("/a"), 201);
  EXPECT_EQ(status_of("/route"), 200);
  EXPECT_EQ(status_of("/b"), 202);
  EXPECT_EQ(fake.pending(), 0u);
  EXPECT_EQ(status_of("/c"), 418);
  EXPECT_EQ(fake.requests().size(), 5u);
  EXPECT_EQ(fake.count("/route"), 2u);
}

TEST(FakeTransport, FailsAnUnscriptedRequestWithAnErrorNamingIt) {
  auto fake = FakeTransport::with_session();
  flowii::Client client(fake->client_options());

  auto read = client.partners().get("77");

  ASSERT_FALSE(read);
  EXPECT_EQ(read.status().code(), ErrorCode::kUnknown);
  EXPECT_NE(read.status().message().find("GET http://127.0.0.1:9/partners/77"), std::string::npos)
      << read.status().message();
  ASSERT_EQ(fake->unanswered().size(), 1u);
  EXPECT_EQ(fake->unanswered()[0].rfind("GET http://127.0.0.1:9/partners/77", 0), 0u);
}

TEST(FakeTransport, ScriptedErrorsReachTheCallerAsStatus) {
  auto fake = FakeTransport::with_session();
  flowii::Client client(fake->client_options());
  fake->on("GET", "/partners/5", flowii::testing::error_response(404, "Not Found", "no partner 5"));

  auto read = client.partners().get("5");

  ASSERT_FALSE(read);
  EXPECT_EQ(read.status().code(), ErrorCode::kNotFound);
}

TEST(FakeTransport, TranscriptHidesCredentialsAndTokens) {
  auto fake = FakeTransport::with_session();
  auto options = fake->client_options();
  flowii::Client client(options);
  ASSERT_TRUE(client.session());

  auto const transcript = fake->transcript();

  EXPECT_NE(transcript.find("POST http://127.0.0.1:9/token"), std::string::npos) << transcript;
  EXPECT_NE(transcript.find("GET http://127.0.0.1:9/users/self"), std::string::npos) << transcript;
  EXPECT_NE(transcript.find("REDACTED"), std::string::npos) << transcript;
  for (auto const& secret : {options.credentials.password, options.credentials.api_key,
                             std::string("fake-access-token"), std::string("fake-refresh-token")}) {
    EXPECT_EQ(transcript.find(secret), std::string::npos) << "leaked: a secret of length " << secret.size();
  }
}

TEST(FakeTransport, RecordsRequestsFromManyThreads) {
  FakeTransport fake([](HttpRequest const&) { return flowii::testing::empty_response(204); });
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&fake, t] {
      for (int i = 0; i < kPerThread; ++i) {
        HttpRequest r;
        r.method = "DELETE";
        r.url = "http://127.0.0.1:9/files/" + std::to_string(t * kPerThread + i);
        fake.send(r);
      }
    });
  }
  for (auto& th : threads) th.join();

  EXPECT_EQ(fake.requests().size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(fake.requests_to("DELETE", "/files/0").size(), 1u);
}

}  // namespace
