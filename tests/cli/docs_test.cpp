// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every `flowii` command in the ```sh blocks of docs/cli.md and README.md runs, in order,
// against one fresh emulator and exits 0: the user guide cannot go stale.
#include "cli_fixture.hpp"

#include <cctype>
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
};

/// Splits a command line like sh does for the quoting the guide uses:
/// '...' literally, "..." with \" and \\, a # at the start of a word ends the line.
std::vector<std::string> split_words(std::string const& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char const c = line[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '#' && !in_word) {
      break;
    } else if (c == '\'') {
      auto const end = line.find('\'', i + 1);
      word += line.substr(i + 1, end - i - 1);
      i = end;
      in_word = true;
    } else if (c == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) ++i;
        word += line[i];
      }
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

std::vector<DocCommand> documented_commands(std::string const& path) {
  std::ifstream in(path);
  std::vector<DocCommand> commands;
  std::string line;
  bool in_sh = false;
  std::string pending;  // a command continued with a trailing backslash
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      in_sh = !in_sh && line == "```sh";
      continue;
    }
    if (!in_sh) continue;
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1);
      continue;
    }
    std::string text = pending + line;
    pending.clear();
    if (text.rfind("$ ", 0) == 0) text = text.substr(2);
    DocCommand cmd{text, {}, false};
    auto const pipe = text.find(" | flowii ");
    if (pipe != std::string::npos) {
      cmd.piped = true;
      text = text.substr(pipe + 3);
    }
    auto words = split_words(text);
    auto const is_flowii = [](std::string const& w) {
      return w == "flowii" || (w.size() > 7 && w.compare(w.size() - 7, 7, "/flowii") == 0);  // build/tools/cli/flowii
    };
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
