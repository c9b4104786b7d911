// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every `flowii` command in the ```sh blocks of docs/cli.md and README.md runs, in order,
// against one fresh emulator and exits 0: the user guide cannot go stale. A block
// marked `<!-- commands: not-run (reason) -->` (one that runs until stopped) is skipped.
// A block marked `<!-- file: NAME -->` (an input file the guide shows) is written to
// NAME in the commands' working directory, for the commands after it.
#include "cli_fixture.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace flowii::cli::test {
namespace {

/// One documented command: its words after `flowii`, and whether the guide pipes
/// something (the password) into it.
struct DocCommand {
  std::string line;
  std::vector<std::string> args;
  bool piped = false;
  std::string file;  ///< not a command: the file to write `line` to
};

std::vector<DocCommand> documented_commands(std::string const& path) {
  std::ifstream in(path);
  std::vector<DocCommand> commands;
  std::string line;
  bool in_sh = false;
  bool in_block = false;
  bool not_run = false;  // the next block is marked <!-- commands: not-run (reason) -->, as CONTRIBUTING.md says
  std::string pending;   // a command continued with a trailing backslash
  std::string file;      // the next block is marked <!-- file: NAME -->
  std::string const file_mark = "<!-- file: ";
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      if (in_block && !file.empty()) commands.push_back(DocCommand{pending, {}, false, file});
      if (in_block) pending.clear();
      in_sh = !in_block && line == "```sh" && !not_run && file.empty();
      in_block = !in_block;
      not_run = false;
      if (!in_block) file.clear();
      continue;
    }
    if (in_block && !file.empty()) {
      pending += line + "\n";
      continue;
    }
    if (!in_block && line.rfind("<!-- commands: not-run", 0) == 0) {
      not_run = true;
      continue;
    }
    if (!in_block && line.rfind(file_mark, 0) == 0) {
      file = line.substr(file_mark.size(), line.find(" -->") - file_mark.size());
      continue;
    }
    if (!in_block && line.find_first_not_of(" \t") != std::string::npos) {
      not_run = false;
      file.clear();
    }
    if (!in_sh) continue;
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1);
      continue;
    }
    std::string text = pending + line;
    pending.clear();
    if (text.rfind("$ ", 0) == 0) text = text.substr(2);
    DocCommand cmd{text, {}, false, {}};
    auto const pipe = text.find(" | flowii ");
    if (pipe != std::string::npos) {
      cmd.piped = true;
      text = text.substr(pipe + 3);
    }
    auto words = split_words(text);
    auto const named = [](std::string const& w, std::string const& name) {
      return w == name || (w.size() > name.size() && w.compare(w.size() - name.size() - 1, std::string::npos,
                                                               "/" + name) == 0);  // build/tools/cli/flowii
    };
    auto const is_flowii = [&named](std::string const& w) { return named(w, "flowii"); };
    // `flowii-emulator --port 0 -- flowii ...` runs the command against a fresh emulator: here, the test's.
    if (!words.empty() && named(words.front(), "flowii-emulator")) {
      auto const dashes = std::find(words.begin(), words.end(), "--");
      words.erase(words.begin(), dashes == words.end() ? dashes : dashes + 1);
    }
    if (words.empty() || !is_flowii(words.front())) continue;
    cmd.args.assign(words.begin() + 1, words.end());
    commands.push_back(std::move(cmd));
  }
  return commands;
}

class DocsTest : public CliTest {};

TEST_F(DocsTest, SplitsLikeTheShell) {
  EXPECT_EQ(split_words(R"(flowii a 'b c' "d \"e\"" f#g  # note)"),
            (std::vector<std::string>{"flowii", "a", "b c", "d \"e\"", "f#g"}));
}

TEST_F(DocsTest, SkipsTheBlocksMarkedNotRun) {
  auto const guide = home() / "guide.md";
  std::ofstream(guide) << "```sh\nflowii login\n```\n\n<!-- commands: not-run (runs until stopped) -->\n"
                          "```sh\nflowii watch tasks\n```\n\n```sh\nflowii companies\n```\n";
  std::vector<std::string> lines;
  for (auto const& cmd : documented_commands(guide.string())) lines.push_back(cmd.line);
  EXPECT_EQ(lines, (std::vector<std::string>{"flowii login", "flowii companies"}));
}

TEST_F(DocsTest, WritesTheBlocksMarkedAsFilesBeforeTheCommandsAfterThem) {
  auto const guide = home() / "guide.md";
  std::ofstream(guide) << "<!-- file: in.jsonl -->\n```json\n{\"a\": 1}\n{\"b\": 2}\n```\n\n```sh\nflowii x\n```\n";
  auto const steps = documented_commands(guide.string());
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].file, "in.jsonl");
  EXPECT_EQ(steps[0].line, "{\"a\": 1}\n{\"b\": 2}\n");
  EXPECT_EQ(steps[1].line, "flowii x");
}

TEST_F(DocsTest, EveryDocumentedCommandRuns) {
  auto commands = documented_commands(FLOWII_CLI_DOCS);
  ASSERT_GE(commands.size(), 20u) << "docs/cli.md shows the commands in ```sh blocks";
  auto const readme = documented_commands(FLOWII_README);
  ASSERT_GE(readme.size(), 1u) << "README.md shows the command line too";
  commands.insert(commands.end(), readme.begin(), readme.end());

  // Downloads land in a scratch directory, not in the source or build tree.
  auto const cwd = std::filesystem::current_path();
  std::filesystem::current_path(home());
  for (auto const& cmd : commands) {
    if (!cmd.file.empty()) {
      std::ofstream(cmd.file, std::ios::binary) << cmd.line;
      continue;
    }
    Environment e = env();
    // The guide pipes only passwords, into --password-stdin.
    std::istringstream in(std::string(kPassword) + "\n");
    if (cmd.piped) {
      ASSERT_NE(cmd.line.find("--password-stdin"), std::string::npos) << "only a password is piped in: " << cmd.line;
      e.variables.erase("FLOWII_PASSWORD");
      e.in = &in;
    }
    auto const o = flowii(cmd.args, e);
    EXPECT_EQ(o.code, 0) << cmd.line << "\n" << describe(o);
  }
  std::filesystem::current_path(cwd);
}

}  // namespace
}  // namespace flowii::cli::test
