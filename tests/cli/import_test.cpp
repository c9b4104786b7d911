// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// `flowii RESOURCE create --from-file`: what it created is counted in the
// emulator's own store and journal, never taken from the command's output alone.
// Resuming is tested with state files the test writes (a line sent by a run that
// died before FLOWii answered) and with Ctrl-C on the flowii binary.
#include "cli_fixture.hpp"
#include "flowii_process.hpp"
#include "session.hpp"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace flowii::cli::test {
namespace {

using nlohmann::json;

class ImportTest : public CliTest {
 protected:
  std::filesystem::path write(std::string const& name, std::string const& text) const {
    auto const path = home() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  /// `count` partners named "<prefix> 1" ... as JSON lines.
  static std::string partner_lines(std::string const& prefix, int count) {
    std::string text;
    for (int i = 1; i <= count; ++i)
      text += R"({"name": ")" + prefix + " " + std::to_string(i) +
              R"(", "type": 1})"
              "\n";
    return text;
  }
  /// The stored partners whose name starts with `prefix`: name -> ids.
  std::map<std::string, std::vector<std::string>> partners(std::string const& prefix) const {
    std::map<std::string, std::vector<std::string>> named;
    for (auto const& r : records("partner")) {
      std::string const name = r["attributes"].value("name", "");
      if (name.rfind(prefix, 0) == 0) named[name].push_back(r["id"].get<std::string>());
    }
    return named;
  }
  /// A state file as an earlier import of `input` into partners would have left it.
  void write_state(std::filesystem::path const& path, std::string const& input, json const& lines) const {
    json const state{{"format", "flowii-import-state"}, {"version", 1},  {"resource", "partners"}, {"parent", ""},
                     {"input", key_hash(input)},        {"lines", lines}};
    std::ofstream(path) << state.dump();
  }
  /// The id of a partner created through the SDK, as a run that died before FLOWii's answer left it.
  std::string create_partner(std::string const& name) {
    Partner p;
    p.set("name", name).set("type", 1);
    auto created = client().partners().create(p);
    EXPECT_TRUE(created.ok()) << created.status().to_string();
    return created.ok() ? created->id() : std::string();
  }
};

TEST_F(ImportTest, TwoHundredJsonLinesInParallelCreateTwoHundredRecords) {
  auto const file = write("partners.jsonl", partner_lines("Import", 200));
  auto const o = flowii({"partners", "create", "--from-file", file.string(), "--parallel", "8", "--output", "jsonl"});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  auto const lines = json_lines(o.out);
  ASSERT_EQ(lines.size(), 200u);
  auto const stored = partners("Import ");
  EXPECT_EQ(stored.size(), 200u);
  EXPECT_EQ(requests("POST", "/partners").size(), 200u) << "each record sent once";
  for (int i = 1; i <= 200; ++i) {
    auto const& line = lines[static_cast<std::size_t>(i - 1)];
    EXPECT_EQ(line.at("line"), i) << "in input order";
    EXPECT_EQ(line.at("status"), "created");
    auto const named = stored.find("Import " + std::to_string(i));
    ASSERT_NE(named, stored.end()) << i;
    EXPECT_EQ(named->second, std::vector<std::string>{line.at("id").get<std::string>()})
        << "one record, the printed id";
  }
  EXPECT_NE(o.err.find("200 of 200 partners created"), std::string::npos) << o.err;
  EXPECT_EQ(emu().token_grants("password"), 1u) << "one password grant for the whole import";

  struct stat st {};
  ASSERT_EQ(::stat((file.string() + ".state").c_str(), &st), 0) << "the state is kept beside the input";
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto const again = flowii({"partners", "create", "--from-file", file.string(), "--output", "jsonl"});
  ASSERT_EQ(again.code, kExitOk) << describe(again);
  EXPECT_EQ(json_lines(again.out).size(), 200u) << "the results again, from the state";
  EXPECT_EQ(requests("POST", "/partners").size(), 200u) << "a finished import creates nothing twice";
}

TEST_F(ImportTest, CsvCellsAreTypedByTheModelAndQuotedCommasStayInTheirCell) {
  auto const file = write("partners.csv",
                          "name,type,comment,ico\r\n"
                          "\"Dunaj, a.s.\",1,\"says \"\"hi\"\", twice\",00123456\r\n"
                          "Váh s.r.o.,2,\"two\nlines\",\r\n");
  auto const o = flowii({"partners", "create", "--from-file", file.string()});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  auto const stored = partners("");
  ASSERT_EQ(stored.count("Dunaj, a.s."), 1u) << o.out;
  ASSERT_EQ(stored.count("Váh s.r.o."), 1u) << o.out;
  auto const dunaj = record("partner", stored.at("Dunaj, a.s.").front())["attributes"];
  EXPECT_EQ(dunaj["type"], 1) << "a declared whole number is sent as one";
  EXPECT_EQ(dunaj["comment"], "says \"hi\", twice");
  EXPECT_EQ(dunaj["ico"], "00123456") << "a declared text keeps its leading zeros";
  auto const vah = record("partner", stored.at("Váh s.r.o.").front())["attributes"];
  EXPECT_EQ(vah["comment"], "two\nlines");
  EXPECT_FALSE(vah.contains("ico") && !vah["ico"].is_null()) << "an empty cell is left out";
  // The table names each record by the line it starts on.
  EXPECT_EQ(o.out, "line 2: created " + stored.at("Dunaj, a.s.").front() + "\nline 3: created " +
                       stored.at("Váh s.r.o.").front() + "\n");
}

TEST_F(ImportTest, ALineFlowiiRejectsIsItsErrorLineAndTheRestAreCreated) {
  auto const file = write("partners.jsonl", R"({"name": "Chyba 1", "type": 1}
{"name": "Chyba 2", "type": 1}
{"type": 1}
{"name": "Chyba 4", "type": 1}
)");
  auto const o = flowii({"partners", "create", "--from-file", file.string(), "--parallel", "2", "--output", "jsonl"});
  EXPECT_EQ(o.code, kExitValidation) << describe(o);
  auto const lines = json_lines(o.out);
  ASSERT_EQ(lines.size(), 4u) << o.out;
  EXPECT_EQ(lines[2].at("status"), "failed");
  EXPECT_EQ(lines[2].at("exit-code"), kExitValidation);
  EXPECT_NE(lines[2].at("error").get<std::string>().find("name"), std::string::npos) << lines[2];
  EXPECT_EQ(partners("Chyba ").size(), 3u);
  EXPECT_NE(o.err.find("3 of 4 partners created, 1 failed"), std::string::npos) << o.err;

  auto const again = flowii({"partners", "create", "--from-file", file.string()});
  EXPECT_EQ(again.code, kExitValidation) << describe(again);
  EXPECT_EQ(requests("POST", "/partners").size(), 5u) << "only the failed line is sent again";
  EXPECT_EQ(partners("Chyba ").size(), 3u);
}

TEST_F(ImportTest, AResumedImportLooksUpTheLineSentWithoutAnAnswerAndCreatesOnlyTheMissingOnes) {
  std::string const input = partner_lines("Resume", 6);
  auto const file = write("partners.jsonl", input);
  std::string const done = create_partner("Resume 1");
  std::string const lost = create_partner("Resume 2");  // sent, but the run died before FLOWii answered
  auto const sent = UnixTime::from(emu().now()).seconds;
  write_state(file.string() + ".state", input, {{"1", {{"done", done}}}, {"2", {{"started", sent}}}});
  emu().clear_journal();

  auto const o = flowii({"partners", "create", "--from-file", file.string(), "--parallel", "3", "--output", "jsonl"});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  auto const lines = json_lines(o.out);
  ASSERT_EQ(lines.size(), 6u) << o.out;
  EXPECT_EQ(lines[0].at("id"), done);
  EXPECT_EQ(lines[0].at("note"), "in an earlier run");
  EXPECT_EQ(lines[1].at("id"), lost) << "found in FLOWii, not created again";
  EXPECT_EQ(requests("POST", "/partners").size(), 4u);
  auto const stored = partners("Resume ");
  EXPECT_EQ(stored.size(), 6u);
  for (auto const& [name, ids] : stored) EXPECT_EQ(ids.size(), 1u) << name << " has duplicates";
}

TEST_F(ImportTest, ALineSentWithoutAnswerToAListWithoutCreatedFromIsLeftToCheckByHand) {
  std::string const input = R"({"note": "dovolenka"})"
                            "\n";
  auto const file = write("absences.jsonl", input);
  json const state{
      {"format", "flowii-import-state"}, {"version", 1},
      {"resource", "planned-absences"},  {"parent", ""},
      {"input", key_hash(input)},        {"lines", {{"1", {{"started", UnixTime::from(emu().now()).seconds}}}}}};
  std::ofstream(file.string() + ".state") << state.dump();
  auto const o = flowii({"planned-absences", "create", "--from-file", file.string()});
  EXPECT_EQ(o.code, kExitOutcomeUnknown) << describe(o);
  EXPECT_NE(o.out.find("line 1: outcome unknown, check by hand: "), std::string::npos) << o.out;
  EXPECT_EQ(emu().count("POST", "/"), 0u) << "never sent again blindly";
}

TEST_F(ImportTest, AChangedInputIsRefused) {
  auto const file = write("partners.jsonl", partner_lines("Zmena", 2));
  ASSERT_EQ(flowii({"partners", "create", "--from-file", file.string()}).code, kExitOk);
  write("partners.jsonl", partner_lines("Zmena", 3));
  auto const o = flowii({"partners", "create", "--from-file", file.string()});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("the input has changed since this state was written (it records 2 records created"),
            std::string::npos)
      << o.err;
  EXPECT_EQ(requests("POST", "/partners").size(), 2u) << "nothing sent";
  EXPECT_EQ(partners("Zmena ").size(), 2u);
}

TEST_F(ImportTest, WrongArgumentsAndInputsAreUsageErrorsBeforeAnythingIsSent) {
  auto const jsonl = write("p.jsonl", partner_lines("X", 1)).string();
  auto const bad = write("bad.jsonl", "{\"name\": \"A\"}\n[1]\n").string();
  auto const open_quote = write("bad.csv", "name\n\"Dunaj\n").string();
  auto const columns = write("columns.csv", "name,type\nA,1,2\nB,x\n").string();
  auto const other = write("p.txt", "{}").string();
  std::vector<std::pair<std::vector<std::string>, std::string>> const cases{
      {{"partners", "create", "--from-file", jsonl, "--parallel", "0"}, "--parallel must be between 1 and 64 (got 0)"},
      {{"partners", "create", "--from-file", jsonl, "--data", "{}"}, "excludes"},
      {{"partners", "create", "--from-file", "-", "--format", "jsonl"}, "--from-file - needs --state FILE"},
      {{"partners", "create", "--from-file", other}, "its name ends in neither .jsonl nor .csv"},
      {{"partners", "create", "--from-file", bad}, "line 2: expected a JSON object"},
      {{"partners", "create", "--from-file", open_quote}, "line 2: a quoted value is not closed"},
      {{"partners", "create", "--from-file", columns},
       "line 2: 3 values, but the header has 2 columns\n  line 3: column type: expected a whole number (got \"x\")"},
      {{"partners", "create", "--from-file", jsonl, "--output", "csv"}, "writes --output table or jsonl"},
      {{"partners", "create"}, "partners create needs --data JSON or --from-file FILE"},
  };
  for (auto const& [args, message] : cases) {
    auto const o = flowii(args);
    EXPECT_EQ(o.code, kExitUsage) << ::testing::PrintToString(args) << "\n" << describe(o);
    EXPECT_NE(o.err.find(message), std::string::npos) << o.err;
  }
  EXPECT_TRUE(emu().journal().empty()) << "a usage error reaches nothing";
}

TEST_F(ImportTest, StandardInputResumesWithItsStateFile) {
  std::string const input = partner_lines("Vstup", 3);
  auto const state = (home() / "stdin.state").string();
  for (int run = 0; run < 2; ++run) {
    Environment e = env();
    std::istringstream in(input);
    e.in = &in;
    auto const o = flowii(
        {"partners", "create", "--from-file", "-", "--format", "jsonl", "--state", state, "--output", "jsonl"}, e);
    ASSERT_EQ(o.code, kExitOk) << describe(o);
    EXPECT_EQ(json_lines(o.out).size(), 3u);
  }
  EXPECT_EQ(requests("POST", "/partners").size(), 3u);
}

TEST_F(ImportTest, CtrlCStopsAnImportThatTheSameCommandThenFinishes) {
  constexpr int kCount = 40;
  auto const file = write("partners.jsonl", partner_lines("Stop", kCount));
  // A slow FLOWii: the import is still sending when Ctrl-C comes.
  emulator::Emulator::Fault slow;
  slow.method = "POST";
  slow.path_prefix = "/partners";
  slow.times = 1000;
  slow.delay = std::chrono::milliseconds(200);
  emu().inject(slow);
  std::vector<std::string> const args{"partners",   "create", "--from-file", file.string(),
                                      "--parallel", "2",      "--output",    "jsonl"};
  {
    FlowiiProcess child(args, env().variables);
    ASSERT_TRUE(child.started());
    ASSERT_NE(child.line(), "") << "no record created";
    ASSERT_NE(child.line(), "");
    EXPECT_EQ(child.stop(SIGINT), kExitStopped);
  }
  auto const state = json::parse(read_file(file.string() + ".state"));
  std::size_t done = 0;
  for (auto const& [line, entry] : state.at("lines").items()) {
    EXPECT_TRUE(entry.contains("done")) << line << ": running creates finish before it exits: " << entry;
    done += entry.contains("done") ? 1 : 0;
  }
  EXPECT_GE(done, 2u);
  EXPECT_LT(done, static_cast<std::size_t>(kCount)) << "it stopped before the end";
  EXPECT_EQ(partners("Stop ").size(), done);

  auto const o = flowii(args);
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(json_lines(o.out).size(), static_cast<std::size_t>(kCount));
  auto const stored = partners("Stop ");
  EXPECT_EQ(stored.size(), static_cast<std::size_t>(kCount));
  for (auto const& [name, ids] : stored) EXPECT_EQ(ids.size(), 1u) << name << " has duplicates";
}

}  // namespace
}  // namespace flowii::cli::test
