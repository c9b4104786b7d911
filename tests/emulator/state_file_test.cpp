// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Options::state_file / --state: the data survives a stop and a start, ids go
// on increasing, and a file that cannot be used stops the start, untouched.
#include <signal.h>

#include <stdexcept>

#include "support.hpp"

namespace emu_test {
namespace {

using flowii::emulator::Emulator;
using flowii::emulator::Options;

Options with_state(std::string const& path, std::uint64_t seed = 42) {
  Options o;
  o.state_file = path;
  o.seed = seed;
  o.clock_start = 1700000000;  // demo dates from a fixed instant, so equal seeds give equal files
  return o;
}

// A body without this emulator's address (links carry its port), to compare two runs.
std::string portable(Reply const& reply, Emulator const& emu) {
  std::string body = reply.body;
  std::string const base = emu.base_url();
  for (auto at = body.find(base); at != std::string::npos; at = body.find(base, at)) body.erase(at, base.size());
  return body;
}

std::string new_partner(Api& api, std::string const& name) {
  auto const reply = api.post("/partners", partner_doc(name));
  EXPECT_EQ(reply.status, 200) << reply.body;
  return reply.doc["data"].value("id", "");
}

// Both the error and the file left as it was.
void expect_refused(std::string const& path, std::string const& reason) {
  std::string const before = read_file(path);
  try {
    Emulator emu(with_state(path));
    ADD_FAILURE() << "the state file was accepted";
  } catch (std::runtime_error const& e) {
    std::string const message = e.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find(reason), std::string::npos) << message;
  }
  EXPECT_EQ(read_file(path), before);
}

TEST(StateFile, DataAndIdSequenceSurviveStopAndStart) {
  TempDir dir;
  std::string const path = dir.file("state.json");
  std::vector<std::string> paths;
  std::vector<std::string> bodies;
  std::string created;
  {
    Emulator emu(with_state(path));
    emu.start();
    Api api(emu);
    auto const partners = api.ids("/partners");
    ASSERT_GE(partners.size(), 2u);
    created = new_partner(api, "Uložená s.r.o.");
    json const patch = {
        {"data", {{"type", "partner"}, {"id", partners[0]}, {"attributes", {{"name", "Zmenená a.s."}}}}}};
    ASSERT_EQ(api.patch("/partners/" + partners[0], patch).status, 204);
    ASSERT_EQ(api.del("/partners/" + partners[1]).status, 204);
    paths = {"/partners/" + created, "/partners/" + partners[0], "/partners/" + partners[1], "/tasks"};
    for (auto const& p : paths) bodies.push_back(portable(api.get(p, {{"page[size]", "1000"}}), emu));
    bodies.push_back(json(api.ids("/partners")).dump());
    emu.stop();
  }
  ASSERT_FALSE(read_file(path).empty());

  Emulator emu(with_state(path));
  emu.start();
  Api api(emu);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(portable(api.get(paths[i], {{"page[size]", "1000"}}), emu), bodies[i]) << paths[i];
  }
  EXPECT_EQ(json(api.ids("/partners")).dump(), bodies.back());
  EXPECT_GT(std::stoll(new_partner(api, "Ďalšia s.r.o.")), std::stoll(created));
}

TEST(StateFile, MissingFileIsSeededThenSaved) {
  TempDir dir;
  std::string const path = dir.file("new.json");
  Emulator seeded(with_state(path));
  seeded.start();
  Emulator plain;
  plain.start();
  Api from_file(seeded), demo(plain);
  EXPECT_EQ(from_file.ids("/partners"), demo.ids("/partners"));
  EXPECT_TRUE(read_file(path).empty());  // written at stop, not before
  seeded.stop();

  auto const saved = json::parse(read_file(path));
  EXPECT_EQ(saved["format"], "flowii-emulator-state");
  EXPECT_EQ(saved["version"], 1);
  Emulator reloaded(with_state(path));
  reloaded.start();
  EXPECT_EQ(Api(reloaded).ids("/partners"), demo.ids("/partners"));
}

TEST(StateFile, SameSeedGivesAnIdenticalFile) {
  TempDir dir;
  for (auto const* name : {"a.json", "b.json"}) {
    Emulator emu(with_state(dir.file(name), 7));
    emu.start();
    emu.stop();
  }
  EXPECT_FALSE(read_file(dir.file("a.json")).empty());
  EXPECT_EQ(read_file(dir.file("a.json")), read_file(dir.file("b.json")));

  Emulator other(with_state(dir.file("c.json"), 8));
  other.save_state(dir.file("c.json"));
  EXPECT_NE(read_file(dir.file("c.json")), read_file(dir.file("a.json")));
}

TEST(StateFile, CorruptFileIsRefusedAndLeftAlone) {
  TempDir dir;
  std::string const path = dir.file("state.json");
  write_file(path, "{\"format\": \"flowii-emulator-state\", \"version\": 1, \"store\": {");
  expect_refused(path, "is not JSON");
  write_file(path, "[1, 2, 3]");
  expect_refused(path, "is not a flowii-emulator state file");
  write_file(
      path,
      R"({"format":"flowii-emulator-state","version":1,"store":{"next_id":1,"companies":{"1":[{"type":"partner"}]}}})");
  expect_refused(path, "is damaged");
}

TEST(StateFile, OtherVersionIsRefused) {
  TempDir dir;
  std::string const path = dir.file("state.json");
  Emulator(with_state(path)).save_state(path);
  auto document = json::parse(read_file(path));
  document["version"] = 2;
  write_file(path, document.dump());
  expect_refused(path, "has version 2; this emulator reads version 1");
}

TEST(StateFile, CompanyTheOptionsDoNotNameIsRefused) {
  TempDir dir;
  std::string const path = dir.file("state.json");
  Emulator(with_state(path)).save_state(path);  // demo companies 1 and 2
  Options only_one = with_state(path);
  only_one.companies = {{"1", "Jediná s.r.o."}};
  only_one.users = {{"11142", "Novák Ján", "demo@flowii.example", "demo-password", {"1"}}};
  EXPECT_THROW(Emulator{only_one}, std::runtime_error);
}

// The binary saves on SIGTERM, SIGINT and stdin EOF alike, and refuses a bad file with status 1.
TEST(StateFile, BinarySavesOnEveryCleanStopAndRefusesABadFile) {
  TempDir dir;
  std::string const path = dir.file("state.json");
  std::string id;
  for (int stop : {SIGTERM, SIGINT, 0}) {
    EmulatorProcess process({"--port", "0", "--state", path, "--stdin-eof-stops"});
    ASSERT_GT(process.port(), 0) << process.error_output();
    Api api(process.port());
    if (!id.empty()) {
      EXPECT_EQ(api.get("/partners/" + id).status, 200) << "the partner made before stop " << stop;
    }
    id = new_partner(api, "Partner " + std::to_string(stop));
    if (stop == 0) process.close_stdin();
    EXPECT_EQ(process.finish(stop), 0);
  }
  write_file(path, "not json");
  EmulatorProcess refused({"--port", "0", "--state", path});
  EXPECT_EQ(refused.port(), 0);
  EXPECT_EQ(refused.finish(0), 1);
  EXPECT_NE(refused.error_output().find("is not JSON"), std::string::npos);
  EXPECT_EQ(read_file(path), "not json");
}

}  // namespace
}  // namespace emu_test
