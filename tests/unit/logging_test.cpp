// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/logging.hpp>

#include "fake_flowii.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace flowii {
namespace {

TEST(Logging, LevelNamesRoundTrip) {
  for (auto level :
       {LogLevel::kTrace, LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError, LogLevel::kOff}) {
    EXPECT_EQ(parse_log_level(to_string(level)), level) << to_string(level);
  }
  EXPECT_STREQ(to_string(LogLevel::kWarn), "warn");
}

TEST(Logging, ParseIsCaseInsensitiveAndTrims) {
  EXPECT_EQ(parse_log_level("DEBUG"), LogLevel::kDebug);
  EXPECT_EQ(parse_log_level(" Info\t"), LogLevel::kInfo);
  EXPECT_EQ(parse_log_level("OFF"), LogLevel::kOff);
}

TEST(Logging, ParseRejectsUnknownText) {
  for (auto const* text : {"", "verbose", "warning", "2", "debugx", "de bug"}) {
    EXPECT_FALSE(parse_log_level(text).has_value()) << text;
  }
}

/// Sets or unsets FLOWII_LOG for one test and restores the previous value.
class ScopedLogEnv {
 public:
  explicit ScopedLogEnv(char const* value) {
    if (char const* old = std::getenv("FLOWII_LOG")) old_ = old;
    if (value != nullptr) {
      ::setenv("FLOWII_LOG", value, 1);
    } else {
      ::unsetenv("FLOWII_LOG");
    }
  }
  ~ScopedLogEnv() {
    if (old_.empty()) {
      ::unsetenv("FLOWII_LOG");
    } else {
      ::setenv("FLOWII_LOG", old_.c_str(), 1);
    }
  }
  ScopedLogEnv(ScopedLogEnv const&) = delete;
  ScopedLogEnv& operator=(ScopedLogEnv const&) = delete;

 private:
  std::string old_;
};

TEST(Logging, OptionsFromEnvUnsetIsOff) {
  ScopedLogEnv env(nullptr);
  auto const options = log_options_from_env();
  EXPECT_EQ(options.level, LogLevel::kOff);
  EXPECT_FALSE(options.sink);
}

TEST(Logging, OptionsFromEnvInvalidIsOff) {
  ScopedLogEnv env("loud");
  auto const options = log_options_from_env();
  EXPECT_EQ(options.level, LogLevel::kOff);
  EXPECT_FALSE(options.sink);
}

TEST(Logging, OptionsFromEnvOffHasNoSink) {
  ScopedLogEnv env("off");
  EXPECT_EQ(log_options_from_env().level, LogLevel::kOff);
}

TEST(Logging, OptionsFromEnvValidLevelUsesStderr) {
  ScopedLogEnv env("Debug");
  auto const options = log_options_from_env();
  EXPECT_EQ(options.level, LogLevel::kDebug);
  ASSERT_TRUE(options.sink);
  ::testing::internal::CaptureStderr();
  options.sink(LogLevel::kInfo, "hello");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "flowii info: hello\n");
}

TEST(Logging, StderrSinkWritesOneLinePerMessage) {
  auto const sink = stderr_log_sink();
  ::testing::internal::CaptureStderr();
  sink(LogLevel::kWarn, "two\nlines\r\nhere");
  sink(LogLevel::kError, "");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "flowii warn: two lines  here\nflowii error: \n");
}

TEST(Logging, StreamSinkWritesTheSameLinesToItsStream) {
  std::ostringstream out;
  auto const sink = stream_log_sink(out);
  sink(LogLevel::kWarn, "two\nlines\r\nhere");
  sink(LogLevel::kInfo, "GET /partners -> 200");
  EXPECT_EQ(out.str(), "flowii warn: two lines  here\nflowii info: GET /partners -> 200\n");
}

TEST(Logging, StderrSinkLinesNeverInterleave) {
  auto const sink = stderr_log_sink();
  constexpr int kThreads = 8;
  constexpr int kLines = 200;
  std::string const payload(200, 'p');
  ::testing::internal::CaptureStderr();
  {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kLines; ++i) sink(LogLevel::kDebug, "t" + std::to_string(t) + " " + payload);
      });
    }
    for (auto& thread : threads) thread.join();
  }
  std::istringstream lines(::testing::internal::GetCapturedStderr());
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    EXPECT_THAT(line, ::testing::MatchesRegex("flowii debug: t[0-7] p{200}"));
  }
  EXPECT_EQ(count, kThreads * kLines);
}

// ---- the level table of docs/logging.md ------------------------------------------

/// What a logged line is about, named after the rows of the level table.
std::string topic_of(std::string const& line) {
  if (line.rfind("request ", 0) == 0 && line.find(" headers: ") != std::string::npos) return "request headers";
  if (line.rfind("response headers: ", 0) == 0) return "response headers";
  if (line.rfind("retrying ", 0) == 0) return "retry";
  if (line.rfind("401 from FLOWii: renewing the access token", 0) == 0) return "renewal";
  if (line.rfind("session: company ", 0) == 0) return "session";
  if (line.find(" failed after ") != std::string::npos) return "transport failure";
  if (line.find(" -> ") != std::string::npos && line.find(" (attempt ") != std::string::npos) return "request";
  return "undocumented";
}

/// The level docs/logging.md files each topic under.
LogLevel documented_level(std::string const& topic) {
  static std::map<std::string, LogLevel> const kLevels{
      {"request headers", LogLevel::kDebug}, {"response headers", LogLevel::kDebug},
      {"request", LogLevel::kInfo},          {"retry", LogLevel::kInfo},
      {"renewal", LogLevel::kInfo},          {"session", LogLevel::kInfo},
      {"transport failure", LogLevel::kWarn}};
  auto it = kLevels.find(topic);
  return it == kLevels.end() ? LogLevel::kOff : it->second;
}

struct LoggedLine {
  LogLevel level;
  std::string text;
};

/// The lines a client logs at `level` over a flow that touches every row of the table:
/// the session, a cut answer and its retry, a 401 and the renewal, and a final 404.
/// `requests` receives the number of HTTP answers the flow got.
std::vector<LoggedLine> log_a_full_flow(LogLevel level, std::size_t* answers = nullptr) {
  test::FakeFlowii fake;
  fake.on("GET", "/partners/7",
          test::in_turn({make_transport_error(TransportFailure::kReceive, ErrorCode::kNetwork, "connection reset"),
                         test::ok_json(test::partner_json("7"))}));
  auto lines = std::make_shared<std::pair<std::mutex, std::vector<LoggedLine>>>();
  auto options = fake.options();
  options.log.level = level;
  options.log.sink = [lines](LogLevel l, std::string_view text) {
    std::lock_guard<std::mutex> lk(lines->first);
    lines->second.push_back(LoggedLine{l, std::string(text)});
  };
  Client client(options);
  EXPECT_TRUE(client.partners().get("7").ok());  // token, session, reset, retry
  fake.revoke_tokens();
  EXPECT_TRUE(client.partners().get("7").ok());  // 401, renewal, repeat
  EXPECT_EQ(client.partners().get("8").status().code(), ErrorCode::kNotFound);
  if (answers != nullptr) *answers = fake.requests().size() - 1;  // all but the reset one
  std::lock_guard<std::mutex> lk(lines->first);
  return lines->second;
}

struct LevelRow {
  LogLevel level;
  std::set<std::string> topics;
};

void PrintTo(LevelRow const& row, std::ostream* os) { *os << to_string(row.level); }

class LevelTable : public ::testing::TestWithParam<LevelRow> {};

TEST_P(LevelTable, EmitsExactlyTheDocumentedLines) {
  std::size_t answers = 0;
  auto const lines = log_a_full_flow(GetParam().level, &answers);
  std::set<std::string> seen;
  std::size_t request_lines = 0;
  for (auto const& line : lines) {
    auto const topic = topic_of(line.text);
    seen.insert(topic);
    request_lines += topic == "request" ? 1 : 0;
    // Credentials and tokens never reach a sink, whatever the level; nor the test output.
    bool leaks = false;
    for (char const* secret : {test::kApiKey, test::kPassword, "access-", "refresh-"}) {
      leaks = leaks || line.text.find(secret) != std::string::npos;
    }
    EXPECT_FALSE(leaks) << "a secret in a log line (" << topic << ")";
    std::string const shown = leaks ? "(withheld: it holds a secret)" : line.text;
    EXPECT_EQ(line.level, documented_level(topic)) << shown;
    EXPECT_GE(static_cast<int>(line.level), static_cast<int>(GetParam().level)) << shown;
  }
  EXPECT_EQ(seen, GetParam().topics);
  if (GetParam().topics.count("request") != 0) {
    EXPECT_EQ(request_lines, answers);  // one line per HTTP answer
  }
}

std::set<std::string> const kInfoTopics{"request", "retry", "renewal", "session", "transport failure"};
std::set<std::string> const kAllTopics{"request headers", "response headers", "request",          "retry",
                                       "renewal",         "session",          "transport failure"};

INSTANTIATE_TEST_SUITE_P(DocsLogging, LevelTable,
                         ::testing::Values(LevelRow{LogLevel::kTrace, kAllTopics},
                                           LevelRow{LogLevel::kDebug, kAllTopics},
                                           LevelRow{LogLevel::kInfo, kInfoTopics},
                                           LevelRow{LogLevel::kWarn, {"transport failure"}},
                                           LevelRow{LogLevel::kError, {}}),
                         [](::testing::TestParamInfo<LevelRow> const& info) { return to_string(info.param.level); });

TEST(Logging, OffNeverCallsTheSink) { EXPECT_TRUE(log_a_full_flow(LogLevel::kOff).empty()); }

TEST(Logging, InfoRequestLineNamesMethodUrlStatusAndAttempt) {
  std::vector<std::string> request_lines;
  for (auto const& line : log_a_full_flow(LogLevel::kInfo)) {
    if (topic_of(line.text) == "request") request_lines.push_back(line.text);
  }
  EXPECT_THAT(request_lines,
              ::testing::Contains(::testing::MatchesRegex(
                  R"(GET http://127\.0\.0\.1:1/partners/7\?companyId=1 -> 200 in [0-9]+ ms \(attempt 2\))")));
  EXPECT_THAT(request_lines,
              ::testing::Contains(::testing::MatchesRegex(
                  R"(GET http://127\.0\.0\.1:1/partners/8\?companyId=1 -> 404 in [0-9]+ ms \(attempt 1\))")));
}

}  // namespace
}  // namespace flowii
