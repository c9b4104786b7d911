// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The one percent-encoder (http/percent_encoding.hpp): URL values and the form body
// of POST /token differ only in how a space is written.
#include "http/percent_encoding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace flowii::detail {
namespace {

TEST(PercentEncoding, KeepsTheUnreservedCharacters) {
  std::string const unreserved = "AZaz09-._~";
  EXPECT_EQ(url_encode(unreserved), unreserved);
  EXPECT_EQ(form_encode(unreserved), unreserved);
}

TEST(PercentEncoding, EncodesEverythingElseAsUpperCaseHex) {
  EXPECT_EQ(url_encode("a+b@c/d?e=f&g*h"), "a%2Bb%40c%2Fd%3Fe%3Df%26g%2Ah");
  EXPECT_EQ(url_encode("\xC3\xA1"), "%C3%A1");  // UTF-8 bytes one by one
  EXPECT_EQ(url_encode(std::string("a\0b", 3)), "a%00b");
}

TEST(PercentEncoding, AFormWritesASpaceAsPlus) {
  EXPECT_EQ(url_encode("a b"), "a%20b");
  EXPECT_EQ(form_encode("a b"), "a+b");
  EXPECT_EQ(form_encode("p@ss w+rd"), "p%40ss+w%2Brd");
}

TEST(PercentEncoding, AppendsToWhatIsThere) {
  std::string out = "x=";
  append_percent_encoded(out, "1 2");
  append_percent_encoded(out, "&3 4", /*space_as_plus=*/true);
  EXPECT_EQ(out, "x=1%202%263+4");
}

}  // namespace
}  // namespace flowii::detail
