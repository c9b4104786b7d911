// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include <flowii/logging.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
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

}  // namespace
}  // namespace flowii
