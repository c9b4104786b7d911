// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// `flowii watch`: what it prints is compared with the records the test itself
// creates and edits (through the SDK's writes) and with what the emulator serves
// for them, never with the command's own decoding. The emulator's clock is moved
// a day past its demo data first, so that only the test's records are changes.
// Ctrl-C is tested on the flowii binary, as a user presses it.
#include "watch.hpp"
#include "cli_fixture.hpp"
#include "flowii_process.hpp"
#include "stop_signals.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <flowii/client.hpp>

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <thread>

namespace flowii::cli::test {
namespace {

using nlohmann::json;

std::set<std::string> ids_of(std::vector<json> const& lines) {
  std::set<std::string> ids;
  for (auto const& line : lines) ids.insert(line.at("id").get<std::string>());
  return ids;
}

class WatchTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    // A day after the demo data's last edit (a poll reaches hours back): the
    // changes are the test's, and --since is now, in this machine's time zone
    // (the one the command reads it in).
    advance(std::chrono::hours(24));
    since_ = DateTime::local(emu().now()).to_string();
    sdk_.emplace(client());
  }
  void TearDown() override {
    sdk_.reset();  // before the emulator stops
    CliTest::TearDown();
  }

  std::string const& since() const { return since_; }

  /// A partner created through the SDK's write; its id.
  std::string create_partner(std::string const& name) {
    Partner partner;
    partner.set("name", name).set("type", 1);
    auto created = sdk_->partners().create(partner);
    EXPECT_TRUE(created.ok()) << created.status().to_string();
    return created.ok() ? created->id() : std::string();
  }
  void edit_partner(std::string const& id, std::string const& comment) {
    Partner partner;
    partner.set_id(id);
    partner.set("comment", comment);
    auto const status = sdk_->partners().update(partner);
    EXPECT_TRUE(status.ok()) << status.to_string();
  }
  /// The attributes the emulator serves for the partner.
  json served_partner(std::string const& id) const {
    auto const s = served("/partners/" + id + "?companyId=1");
    EXPECT_EQ(s.status, 200) << s.body;
    return json::parse(s.body).at("data").at("attributes");
  }
  /// Each line is the partner as served, and new for the ids in `created`.
  void expect_partners(std::vector<json> const& lines, std::set<std::string> const& created) {
    for (auto const& line : lines) {
      std::string const id = line.at("id");
      EXPECT_EQ(line.at("type"), "partner") << line;
      EXPECT_EQ(line.at("new"), created.count(id) == 1) << line;
      EXPECT_EQ(line.at("record"), served_partner(id)) << line;
    }
  }
  Outcome watch(std::vector<std::string> more) {
    std::vector<std::string> args{"watch", "partners", "--once", "--output", "jsonl"};
    args.insert(args.end(), more.begin(), more.end());
    return flowii(args);
  }
  std::filesystem::path cursor_file() const { return home() / "partners.cursor"; }

 private:
  std::optional<Client> sdk_;  // the test's own writes
  std::string since_;
};

TEST_F(WatchTest, OncePrintsWhatWasCreatedOrEditedSinceSince) {
  std::string const a = create_partner("Watch Alfa s.r.o.");
  std::string const b = create_partner("Watch Beta s.r.o.");
  std::string const edited = records("partner").front().at("id");  // a demo partner
  edit_partner(edited, "pays on time");

  auto const o = watch({"--since", since()});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(o.err, "");
  auto const lines = json_lines(o.out);
  EXPECT_EQ(lines.size(), 3u) << o.out;
  EXPECT_EQ(ids_of(lines), (std::set<std::string>{a, b, edited})) << o.out;
  expect_partners(lines, {a, b});
  std::regex const documented(R"(\{"id":"\d+","type":"partner","new":(true|false),"record":\{.*\}\})");
  std::istringstream text(o.out);
  for (std::string line; std::getline(text, line);) {
    EXPECT_TRUE(std::regex_match(line, documented)) << "the keys in the documented order: " << line;
  }
}

TEST_F(WatchTest, ACursorResumesWhereTheLastRunStopped) {
  std::string const a = create_partner("Watch Alfa s.r.o.");
  std::string const cursor = cursor_file().string();
  auto const first = watch({"--since", since(), "--cursor", cursor});
  ASSERT_EQ(first.code, kExitOk) << describe(first);
  EXPECT_EQ(ids_of(json_lines(first.out)), std::set<std::string>{a}) << first.out;

  // The file: a cursor that has started, readable by its owner alone, replaced whole.
  auto const saved = ChangeCursor::parse(read_file(cursor));
  ASSERT_TRUE(saved.ok()) << saved.status().to_string();
  EXPECT_TRUE(saved->started());
  struct stat st {};
  ASSERT_EQ(::stat(cursor.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  for (auto const& entry : std::filesystem::directory_iterator(home())) {
    EXPECT_EQ(entry.path().filename().string().rfind(".partners.cursor", 0), std::string::npos)
        << "a temporary file is left: " << entry.path();
  }

  auto const again = watch({"--since", since(), "--cursor", cursor});
  ASSERT_EQ(again.code, kExitOk) << describe(again);
  EXPECT_EQ(again.out, "") << "nothing changed since the last run";

  edit_partner(a, "edited after the first run");
  auto const edit = watch({"--cursor", cursor});
  ASSERT_EQ(edit.code, kExitOk) << describe(edit);
  auto const edits = json_lines(edit.out);
  ASSERT_EQ(edits.size(), 1u) << edit.out;
  EXPECT_EQ(edits.front().at("id"), a);
  EXPECT_EQ(edits.front().at("new"), false) << "printed as new before";
  EXPECT_EQ(edits.front().at("record").at("comment"), "edited after the first run");
  expect_partners(edits, {});

  std::string const c = create_partner("Watch Gama s.r.o.");
  auto const create = watch({"--cursor", cursor});
  ASSERT_EQ(create.code, kExitOk) << describe(create);
  auto const creates = json_lines(create.out);
  EXPECT_EQ(ids_of(creates), std::set<std::string>{c}) << create.out;
  expect_partners(creates, {c});
}

TEST_F(WatchTest, TheTableHasALinePerChange) {
  std::string const a = create_partner("Watch Alfa s.r.o.");
  auto const o = flowii({"watch", "partners", "--since", since(), "--once"});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(o.out, "new partner " + a + "  Watch Alfa s.r.o.\n");

  edit_partner(a, "x");
  auto const cursor = cursor_file().string();
  ASSERT_EQ(watch({"--since", since(), "--cursor", cursor}).code, kExitOk);
  edit_partner(a, "y");
  auto const edit = flowii({"watch", "partners", "--once", "--cursor", cursor});
  ASSERT_EQ(edit.code, kExitOk) << describe(edit);
  EXPECT_EQ(edit.out, "changed partner " + a + "  Watch Alfa s.r.o.\n");
}

TEST_F(WatchTest, ACorruptCursorFileIsAUsageErrorNamingIt) {
  std::string const cursor = cursor_file().string();
  std::ofstream(cursor) << "orders: up to 2026-12-01\n";
  auto const o = watch({"--cursor", cursor});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_EQ(o.out, "");
  EXPECT_NE(o.err.find("flowii: --cursor " + cursor + ": not a change cursor"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("::"), std::string::npos) << "no C++ in the message: " << o.err;
  EXPECT_EQ(read_file(cursor), "orders: up to 2026-12-01\n") << "the file is left as it was";
  EXPECT_TRUE(emu().journal().empty()) << "nothing is asked of FLOWii";
}

TEST_F(WatchTest, ACursorFileThatCannotBeWrittenFailsBeforeAnything) {
  std::string const cursor = (home() / "no-such-folder" / "partners.cursor").string();
  auto const o = watch({"--since", since(), "--cursor", cursor});
  EXPECT_EQ(o.code, kExitOther) << describe(o);
  EXPECT_EQ(o.out, "");
  EXPECT_NE(o.err.find("flowii: --cursor: cannot write " + cursor + ": cannot create a new file beside it"),
            std::string::npos)
      << o.err;
  EXPECT_TRUE(emu().journal().empty()) << "nothing is asked of FLOWii";
}

TEST_F(WatchTest, VerboseReportsEachPollOnStandardError) {
  std::string const a = create_partner("Watch Alfa s.r.o.");
  auto const quiet = watch({"--since", since()});
  auto const o = flowii({"--verbose", "watch", "partners", "--since", since(), "--once", "--output", "jsonl"});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(o.out, quiet.out) << "standard output has the changes only";
  EXPECT_EQ(quiet.err, "");
  EXPECT_NE(o.err.find("flowii info: watch partners: 1 changed, 0 unchanged, "), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("flowii info: GET "), std::string::npos) << "the SDK's request lines too: " << o.err;
}

TEST_F(WatchTest, ItFollowsTheResourcesWithATimeFilter) {
  EXPECT_EQ(watchable_resources(), (std::vector<std::string>{"partners", "tasks", "communications", "business-cases",
                                                             "orders", "goods", "cash-flows"}));
  for (auto const& resource : watchable_resources()) {
    auto const o = flowii({"watch", resource, "--since", since(), "--once", "--output", "jsonl"});
    EXPECT_EQ(o.code, kExitOk) << resource << "\n" << describe(o);
    for (auto const& line : json_lines(o.out)) EXPECT_TRUE(line.contains("record")) << line;
  }
}

TEST_F(WatchTest, WrongArgumentsAreUsageErrors) {
  std::vector<std::pair<std::vector<std::string>, std::string>> const cases{
      {{"watch", "users"}, "flowii watch cannot follow users: FLOWii's list of them has no edited-from"},
      {{"watch", "order"}, "flowii watch: unknown resource 'order'; did you mean 'orders'?"},
      {{"watch", "orders", "--output", "csv"},
       "flowii watch writes --output table or jsonl, one line per change (got csv)"},
      {{"watch", "orders", "--since", "2026-13-01"}, "--since must be a date or a date-time without a time zone"},
      {{"watch", "orders", "--since", "2026-11-25T08:00:00+01:00"}, "(got 2026-11-25T08:00:00+01:00)"},
      {{"watch", "orders", "--interval", "0"}, "--interval must be between 1 and 86400 (got 0)"},
  };
  for (auto const& [args, message] : cases) {
    auto const o = flowii(args);
    EXPECT_EQ(o.code, kExitUsage) << ::testing::PrintToString(args) << "\n" << describe(o);
    EXPECT_NE(o.err.find(message), std::string::npos) << o.err;
  }
  EXPECT_TRUE(emu().journal().empty()) << "a usage error reaches nothing";
  auto const cursor = cursor_file().string();
  EXPECT_EQ(flowii({"watch", "orders", "--since", "yesterday", "--cursor", cursor}).code, kExitUsage);
  EXPECT_FALSE(std::filesystem::exists(cursor)) << "a usage error writes no cursor file";
}

TEST_F(WatchTest, CtrlCEndsAWatchWithItsCursorSaved) {
  std::string const a = create_partner("Watch Alfa s.r.o.");
  std::string const cursor = cursor_file().string();
  // A day between polls: only a stop that cuts the wait short ends it.
  FlowiiProcess flowii({"--verbose", "watch", "partners", "--since", since(), "--cursor", cursor, "--interval", "86400",
                        "--output", "jsonl"},
                       env().variables);
  ASSERT_TRUE(flowii.started());
  std::string const first = flowii.line();
  ASSERT_NE(first, "") << "no change printed";
  EXPECT_EQ(json::parse(first).at("id"), a);
  // The poll has ended; the wait for the next one begins.
  EXPECT_NE(flowii.error_line_with("watch partners: next poll in 86400 s"), "");

  EXPECT_EQ(flowii.stop(SIGINT), kExitOk);
  auto const saved = ChangeCursor::parse(read_file(cursor));
  ASSERT_TRUE(saved.ok()) << saved.status().to_string() << "\n" << read_file(cursor);
  EXPECT_EQ(saved->remembered(), 1u) << "it remembers the partner it printed";
}

TEST(StopSignals, ASignalAsksToStopOnAThreadOfItsOwn) {
  struct sigaction before {};
  ::sigaction(SIGTERM, nullptr, &before);
  std::mutex mu;
  std::condition_variable called;
  std::optional<std::thread::id> caller;
  {
    StopSignals signals([&] {
      std::lock_guard<std::mutex> lock(mu);
      caller = std::this_thread::get_id();
      called.notify_all();
    });
    EXPECT_FALSE(signals.stopped());
    EXPECT_THROW(StopSignals([] {}), std::logic_error) << "one at a time";
    ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(called.wait_for(lock, std::chrono::milliseconds(kPatienceMs), [&] { return caller.has_value(); }));
    EXPECT_NE(*caller, std::this_thread::get_id());
    EXPECT_TRUE(signals.stopped());
  }
  struct sigaction after {};
  ::sigaction(SIGTERM, nullptr, &after);
  EXPECT_EQ(after.sa_handler, before.sa_handler) << "the previous handler is back";
}

}  // namespace
}  // namespace flowii::cli::test
