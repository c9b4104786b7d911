// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The header-only helpers the SDK and the emulator share (src/common/).
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "common/ascii.hpp"
#include "common/base64.hpp"

namespace flowii::common {
namespace {

TEST(CommonAscii, LowerCasesAsciiLettersOnly) {
  EXPECT_EQ(ascii_lower('A'), 'a');
  EXPECT_EQ(ascii_lower('Z'), 'z');
  EXPECT_EQ(ascii_lower('a'), 'a');
  EXPECT_EQ(ascii_lower('@'), '@');  // just below 'A'
  EXPECT_EQ(ascii_lower('['), '[');  // just above 'Z'
  // UTF-8 bytes pass through, so "Á" stays "Á" whatever the locale.
  EXPECT_EQ(to_lower("PDF.Tar.GZ \xC3\x81"), "pdf.tar.gz \xC3\x81");
  EXPECT_EQ(to_lower(""), "");
}

TEST(CommonAscii, IequalsIgnoresAsciiCaseOnly) {
  EXPECT_TRUE(iequals("Content-Type", "content-TYPE"));
  EXPECT_TRUE(iequals("", ""));
  EXPECT_FALSE(iequals("Content-Type", "Content-Typ"));
  EXPECT_FALSE(iequals("\xC3\x81", "\xC3\xA1"));  // Á and á: not ASCII
  static_assert(iequals("Bearer", "bEARER"), "usable in constant expressions");
}

TEST(CommonAscii, ContainsLowerFindsALowerCaseWordInAnyCase) {
  EXPECT_TRUE(contains_lower("Application/JSON; charset=utf-8", "json"));
  EXPECT_TRUE(contains_lower("TEXT/HTML", "html"));
  EXPECT_TRUE(contains_lower("anything", ""));
  EXPECT_FALSE(contains_lower("application/xml", "json"));
  EXPECT_FALSE(contains_lower("js", "json"));  // shorter than the word
}

// RFC 4648 section 10.
TEST(CommonBase64, EncodesTheRfcVectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(CommonBase64, DecodesTheRfcVectors) {
  EXPECT_EQ(base64_decode(""), std::string());
  EXPECT_EQ(base64_decode("Zg=="), "f");
  EXPECT_EQ(base64_decode("Zm8="), "fo");
  EXPECT_EQ(base64_decode("Zm9v"), "foo");
  EXPECT_EQ(base64_decode("Zm9vYg=="), "foob");
  EXPECT_EQ(base64_decode("Zm9vYmE="), "fooba");
  EXPECT_EQ(base64_decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(base64_decode("b2JzYWggcHJpbG9oeSAy"), "obsah prilohy 2");  // FLOWii's documented example
}

TEST(CommonBase64, RoundTripsEveryByteValue) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t n = 0; n <= bytes.size(); n += 37) {
    std::string const part = bytes.substr(bytes.size() - n);
    EXPECT_EQ(base64_decode(base64_encode(part)), part) << n << " bytes";
  }
  EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
  EXPECT_EQ(base64_encode("\xFB\xFF"), "+/8=");  // the two alphabet characters beyond 0-9
}

TEST(CommonBase64, RejectsAnythingButPaddedStandardBase64) {
  for (char const* text : {
           "Zg",          // padding missing
           "Zg=",         // padding incomplete
           "Zm9vY",       // not a multiple of 4
           "Zg===",       // too much padding
           "====",        // padding alone
           "Z===",        // a lone sextet cannot hold a byte
           "Zg==Zm9v",    // data after padding
           "Zm=v",        // '=' inside a quartet
           "Zm9v\nYmFy",  // white space
           " Zm9v",       //
           "-_8=",        // the URL-safe alphabet
           "Zm9v!mFy",    // a character outside any alphabet
       }) {
    EXPECT_EQ(base64_decode(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(CommonBase64, TolerantReadsTheHarmlessVariantsAndNothingElse) {
  auto tolerant = [](std::string_view text) { return base64_decode(text, Base64Form::kTolerant); };
  EXPECT_EQ(tolerant("Zm9vYmFy"), "foobar");
  EXPECT_EQ(tolerant("Zm9v\r\nYmFy\n"), "foobar");  // line-wrapped
  EXPECT_EQ(tolerant(" Zm9v YmE= "), "fooba");
  EXPECT_EQ(tolerant("Zg"), "f");  // padding left out
  EXPECT_EQ(tolerant("Zm8"), "fo");
  EXPECT_EQ(tolerant("-_8="), "\xFB\xFF");  // the URL-safe alphabet
  for (char const* text : {"Zg===", "Z", "Zg==Zm9v", "Zm=v", "Zm9v!mFy"}) {
    EXPECT_EQ(tolerant(text), std::nullopt) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace flowii::common
