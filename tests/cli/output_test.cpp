// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Proves that output which was never written is a failure: standard output that
// refuses writes, refuses the flush or has failed already, and --out files that
// cannot be opened, written or flushed all end in exit code 1 and a message on
// stderr, while the FLOWii part of the command happened (the journal shows it).
#include "cli_fixture.hpp"

#include <cerrno>
#include <cstring>
#include <streambuf>

namespace flowii::cli::test {
namespace {

/// A stream buffer that takes nothing: every write and every flush fails, as on a
/// full disk or a closed pipe.
class RefusingBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  int sync() override { return -1; }
};

/// A stream buffer that takes every write but fails the flush, as a file system
/// that reports the error only when the data leaves the buffer.
class UnflushableBuffer : public std::streambuf {
 public:
  std::string taken;

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) taken += traits_type::to_char_type(c);
    return traits_type::not_eof(c);
  }
  int sync() override { return -1; }
};

constexpr char const* kLost = "flowii: cannot write to standard output";

class OutputTest : public CliTest {
 protected:
  /// The statuses of the journaled requests of `method` to exactly `path`.
  std::vector<int> statuses(std::string const& method, std::string const& path) const {
    std::vector<int> out;
    for (auto const& e : requests(method, path)) out.push_back(e.status);
    return out;
  }
  std::string document_id() const { return records("document").front()["id"]; }
};

TEST_F(OutputTest, AStandardOutputThatRefusesWritesFailsTheCommand) {
  RefusingBuffer refusing;
  std::ostream out(&refusing);
  auto const o = flowii_into(out, {"partners", "list", "--output", "json"});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_EQ(o.err.rfind(kLost, 0), 0u) << o.err;
  EXPECT_EQ(statuses("GET", "/partners"), std::vector<int>{200}) << "FLOWii's part succeeded";
}

TEST_F(OutputTest, AStandardOutputThatFailsTheFlushFailsTheCommand) {
  UnflushableBuffer unflushable;
  std::ostream out(&unflushable);
  auto const o = flowii_into(out, {"login"});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_EQ(o.err.rfind(kLost, 0), 0u) << o.err;
  EXPECT_EQ(unflushable.taken, kLoginCompany1) << "everything was written; only the flush failed";
}

TEST_F(OutputTest, AStandardOutputThatFailedAlreadyFailsTheCommand) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  auto const o = flowii_into(out, {"companies"});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_EQ(o.err.rfind(kLost, 0), 0u) << o.err;
}

TEST_F(OutputTest, ACreateWhoseOutputIsLostSaysThatItRan) {
  RefusingBuffer refusing;
  std::ostream out(&refusing);
  auto const o = flowii_into(out, {"partners", "create", "--data", R"({"name": "Stratená s.r.o.", "type": 1})"});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_NE(o.err.find("the command ran"), std::string::npos) << "so that nobody creates it twice: " << o.err;
  EXPECT_EQ(records("partner").size(), 26u) << "the 25 demo partners and the new one";
}

TEST_F(OutputTest, HelpAndDownloadsToAFailedStandardOutputFail) {
  for (auto const& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"partners", "list", "--help"}, {"documents", "pdf", document_id(), "--out", "-"}}) {
    UnflushableBuffer unflushable;
    std::ostream out(&unflushable);
    auto const o = flowii_into(out, args);
    EXPECT_EQ(o.code, kExitOther) << ::testing::PrintToString(args) << "\n" << describe(o);
    EXPECT_EQ(o.err.rfind(kLost, 0), 0u) << o.err;
  }
}

TEST_F(OutputTest, NothingToWriteIsNoFailure) {
  // A command whose output is only on stderr loses nothing on a failed stdout.
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  std::string const id = records("partner").back()["id"];
  auto const o = flowii_into(out, {"partners", "delete", id});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_TRUE(record("partner", id).is_null()) << "deleted";
}

TEST_F(OutputTest, AnOutFileThatIsADirectoryFails) {
  auto const o = flowii({"documents", "pdf", document_id(), "--out", home().string()});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_EQ(o.err.rfind("flowii: --out " + home().string() + ": cannot open it for writing", 0), 0u) << o.err;
  EXPECT_NE(o.err.find(std::strerror(EISDIR)), std::string::npos) << "the message says why: " << o.err;
  EXPECT_TRUE(std::filesystem::is_directory(home()));
}

TEST_F(OutputTest, AnOutFileInAMissingDirectoryFails) {
  auto const path = home() / "no-such-folder" / "orders.zip";
  auto const o = flowii({"orders", "export-pohoda", "--out", path.string()});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_EQ(o.err.rfind("flowii: --out " + path.string() + ": cannot open it for writing", 0), 0u) << o.err;
  EXPECT_NE(o.err.find(std::strerror(ENOENT)), std::string::npos) << "the message says why: " << o.err;
  EXPECT_EQ(statuses("GET", "/orders/export/pohoda"), std::vector<int>{200}) << "FLOWii's part succeeded";
}

TEST_F(OutputTest, AnOutFileWhoseWriteFailsOnFlushFails) {
  // /dev/full opens fine and refuses the bytes once they leave the stream's buffer.
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  auto const o = flowii({"documents", "pdf", document_id(), "--out", "/dev/full"});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_EQ(o.err.rfind("flowii: --out /dev/full: cannot write it", 0), 0u) << o.err;
  EXPECT_NE(o.err.find(std::strerror(ENOSPC)), std::string::npos) << "the message says why: " << o.err;
}

}  // namespace
}  // namespace flowii::cli::test
