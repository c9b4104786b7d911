// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What flowii says about its own command line: unknown commands and options
// with a guess, ranges of numeric options in words, examples in the help of
// every level (the top-level ones run), the help topics, --version, and the
// tables of help.cpp against docs/cli.md and the variables the code reads.
#include "help.hpp"
#include "cli_fixture.hpp"
#include "resource_command.hpp"
#include "usage.hpp"

#include <flowii/version.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

namespace flowii::cli::test {
namespace {

class HelpTest : public CliTest {
 protected:
  /// Runs a usage error: exit 2, nothing sent to FLOWii, and the message.
  std::string usage_error(std::vector<std::string> const& args) {
    auto const o = flowii(args);
    EXPECT_EQ(o.code, kExitUsage) << ::testing::PrintToString(args) << "\n" << describe(o);
    EXPECT_EQ(o.out, "");
    EXPECT_TRUE(emu().journal().empty()) << "a usage error reaches nothing";
    return o.err;
  }
  /// Runs a help request: exit 0, nothing on stderr; its standard output.
  std::string help_text(std::vector<std::string> const& args) {
    auto const o = flowii(args);
    EXPECT_EQ(o.code, kExitOk) << ::testing::PrintToString(args) << "\n" << describe(o);
    EXPECT_EQ(o.err, "");
    return o.out;
  }
};

bool contains(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

// ---- unknown commands and options ----------------------------------------------

TEST(Closest, IsTheNearestWithinAFewEditsOrAPrefix) {
  EXPECT_EQ(edit_distance("lst", "list"), 1u);
  EXPECT_EQ(edit_distance("partenrs", "partners"), 2u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  std::vector<std::string> const actions{"list", "get", "create", "update", "delete"};
  EXPECT_EQ(closest("lst", actions), "list");
  EXPECT_EQ(closest("craete", actions), "create");
  EXPECT_EQ(closest("frobnicate", actions), "") << "no guess when nothing is close";
  EXPECT_EQ(closest("del", actions), "delete") << "a prefix";
  EXPECT_EQ(closest("geet", {"get", "set"}), "get") << "ties go to the first";
}

TEST_F(HelpTest, AnUnknownCommandSaysSoAndGuesses) {
  auto const top = usage_error({"frobnicate"});
  EXPECT_TRUE(contains(top, "flowii: unknown command 'frobnicate'\n")) << top;
  EXPECT_TRUE(contains(top, "flowii --help")) << top;
  EXPECT_FALSE(contains(top, "A subcommand is required")) << top;
  EXPECT_FALSE(contains(top, "did you mean")) << "nothing is close to frobnicate: " << top;
  // Nothing is close: the commands there are, instead of a far-fetched guess.
  EXPECT_TRUE(contains(top, "\n  commands: login, logout, companies, help, ")) << top;
  EXPECT_TRUE(contains(top, ", partners, ")) << top;

  auto const typo = usage_error({"parners", "list"});
  EXPECT_TRUE(contains(typo, "unknown command 'parners'; did you mean 'partners'?")) << typo;

  auto const deeper = usage_error({"partners", "lst"});
  EXPECT_TRUE(contains(deeper, "unknown command 'lst' for 'flowii partners'; did you mean 'list'?")) << deeper;
  EXPECT_TRUE(contains(deeper, "see `flowii partners --help`")) << deeper;

  auto const with_globals = usage_error({"--company", "2", "partners", "craete", "--data", "{}"});
  EXPECT_TRUE(contains(with_globals, "unknown command 'craete' for 'flowii partners'; did you mean 'create'?"))
      << with_globals;
}

TEST_F(HelpTest, AMissingCommandNamesWhatThereIs) {
  EXPECT_TRUE(contains(usage_error({}), "no command given"));
  auto const action = usage_error({"partners"});
  EXPECT_TRUE(contains(action, "'flowii partners' needs an action: list, get, create, update, delete")) << action;
}

TEST_F(HelpTest, AnUnknownOptionOrArgumentSaysSo) {
  auto const option = usage_error({"partners", "list", "--page-sise", "5"});
  EXPECT_TRUE(contains(option, "unknown option '--page-sise' for 'flowii partners list'; did you mean '--page-size'?"))
      << option;
  auto const global = usage_error({"--verbos", "login"});
  EXPECT_TRUE(contains(global, "unknown option '--verbos'")) << global;
  EXPECT_TRUE(contains(global, "did you mean '--verbose'?")) << global;
  auto const argument = usage_error({"login", "now"});
  EXPECT_TRUE(contains(argument, "unexpected argument 'now' for 'flowii login'")) << argument;
}

// ---- numeric options --------------------------------------------------------------

TEST_F(HelpTest, NumericOptionsStateTheirRangeInWords) {
  std::vector<std::pair<std::vector<std::string>, std::string>> const cases{
      {{"partners", "list", "--page-size", "0"}, "flowii: --page-size must be between 1 and 1000 (got 0)\n"},
      {{"partners", "list", "--page-size", "1001"}, "flowii: --page-size must be between 1 and 1000 (got 1001)\n"},
      {{"partners", "list", "--page-size", "abc"},
       "flowii: --page-size must be a whole number between 1 and 1000 (got abc)\n"},
      {{"partners", "list", "--page-size", "2.5"},
       "flowii: --page-size must be a whole number between 1 and 1000 (got 2.5)\n"},
      {{"partners", "list", "--page-size", "99999999999999999999"},
       "flowii: --page-size must be a whole number between 1 and 1000 (got 99999999999999999999)\n"},
      {{"tasks", "list", "--page", "-1"}, "flowii: --page must be 0 or more (got -1)\n"},
      {{"task-activities", "set-state", "1", "--state", "done", "--parent", "2"},
       "flowii: --state must be a whole number between 0 and 1000 (got done), e.g. 8 (in progress) or 16 (done)\n"},
      {{"partners", "list", "--output", "xml"}, "flowii: --output must be table, json, jsonl or csv (got xml)\n"},
  };
  for (auto const& [args, message] : cases) {
    auto const err = usage_error(args);
    EXPECT_EQ(err, message) << ::testing::PrintToString(args);
    EXPECT_FALSE(contains(err, "0.000000") || contains(err, "1797693")) << err;
  }
  EXPECT_EQ(flowii({"partners", "list", "--page-size", "1000", "--page", "0"}).code, kExitOk);
}

// ---- help -----------------------------------------------------------------------

TEST_F(HelpTest, TheTopLevelHelpShowsExamplesAndWhereToLookFurther) {
  auto const text = help_text({"--help"});
  EXPECT_TRUE(contains(text, "\nExamples:\n")) << text;
  for (auto const& example : top_level_examples()) EXPECT_TRUE(contains(text, "  " + example + "\n")) << example;
  for (auto const& topic : help_topics()) EXPECT_TRUE(contains(text, "flowii help " + topic)) << topic;
  EXPECT_EQ(help_text({"help"}), text) << "`flowii help` is `flowii --help`";
}

TEST_F(HelpTest, TheTopLevelExamplesRun) {
  auto const cwd = std::filesystem::current_path();
  std::filesystem::current_path(home());  // where the example's PDF lands
  for (auto const& example : top_level_examples()) {
    auto words = split_words(example);
    ASSERT_EQ(words.front(), "flowii");
    words.erase(words.begin());
    auto const o = flowii(words);
    EXPECT_EQ(o.code, kExitOk) << example << "\n" << describe(o);
  }
  std::filesystem::current_path(cwd);
}

TEST_F(HelpTest, EveryResourceAndActionHelpShowsExamples) {
  for (auto const& rc : resource_commands()) {
    auto const text = help_text({rc.name, "--help"});
    ASSERT_TRUE(contains(text, "\nExamples:\n") || contains(text, "\nExample:\n")) << rc.name << "\n" << text;
    std::set<std::string> actions;
    for (auto const& [action, line] : action_examples(rc)) {
      actions.insert(action);
      EXPECT_TRUE(contains(text, "  " + line + "\n")) << line;
      EXPECT_TRUE(contains(help_text({rc.name, action, "--help"}), "  " + line + "\n")) << line;
    }
    // Every action the help lists has an example: the "Subcommands:" lines.
    auto const start = text.find("Subcommands:");
    auto const listed = text.substr(start, text.find("\n\n", start) - start);
    std::regex const row(R"(\n  ([a-z-]+) +\S)");
    for (std::sregex_iterator it(listed.begin(), listed.end(), row), end; it != end; ++it) {
      EXPECT_EQ(actions.count((*it)[1]), 1u) << rc.name << " " << (*it)[1] << " has no example";
    }
  }
}

TEST_F(HelpTest, HelpOnACommandIsItsHelp) {
  EXPECT_EQ(help_text({"help", "partners", "list"}), help_text({"partners", "list", "--help"}));
  EXPECT_EQ(help_text({"help", "partners"}), help_text({"partners", "--help"}));
  auto const unknown = usage_error({"help", "partners", "lst"});
  EXPECT_TRUE(contains(unknown, "no help on 'lst'; did you mean 'list'?")) << unknown;
  auto const topic = usage_error({"help", "exit-code"});
  EXPECT_TRUE(contains(topic, "did you mean 'exit-codes'?")) << topic;
}

TEST_F(HelpTest, HelpEnvironmentListsEveryVariable) {
  auto const text = help_text({"help", "environment"});
  for (auto const& row : environment_table()) EXPECT_TRUE(contains(text, std::string("  ") + row.names)) << row.names;
  for (std::string const name : {"FLOWII_API_URL", "FLOWII_API_KEY", "FLOWII_USERNAME", "FLOWII_PASSWORD",
                                 "FLOWII_COMPANY_ID", "FLOWII_LOG", "FLOWII_SESSION_DIR", "FLOWII_NO_SESSION"}) {
    EXPECT_TRUE(contains(text, "\n  " + name + " ")) << name;
  }
  EXPECT_FALSE(contains(text, "`")) << "plain text, not Markdown";
}

TEST_F(HelpTest, HelpExitCodesListsEveryCode) {
  auto const text = help_text({"help", "exit-codes"});
  for (auto const& row : exit_code_table()) {
    EXPECT_TRUE(contains(text, "\n  " + std::to_string(row.code) + "  ")) << row.code;
  }
  EXPECT_TRUE(contains(text, "do not simply run it again")) << text;
  EXPECT_FALSE(contains(text, "**") || contains(text, "`")) << "plain text, not Markdown";
}

TEST_F(HelpTest, VersionPrintsTheVersion) {
  auto const o = flowii({"--version"});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_EQ(o.out, std::string(FLOWII_VERSION_STRING) + "\n");
  EXPECT_EQ(o.err, "");
  EXPECT_TRUE(emu().journal().empty());
}

// ---- one source of truth ---------------------------------------------------------

TEST(HelpTables, TheExitCodesOfTheGuideAreThoseOfTheCode) {
  std::vector<std::vector<std::string>> code;
  for (auto const& row : exit_code_table()) code.push_back({std::to_string(row.code), row.meaning, row.remedy});
  EXPECT_EQ(markdown_table(FLOWII_CLI_DOCS, "## Exit codes"), code)
      << "docs/cli.md's exit code table must say what help.cpp's exit_code_table() says";
}

TEST(HelpTables, TheVariablesOfTheGuideAreThoseOfTheCode) {
  auto documented = markdown_table(FLOWII_CLI_DOCS, "## Environment");
  for (auto& row : documented) {
    auto& names = row.at(0);  // "`https_proxy`, `no_proxy`": the code has them plain
    names.erase(std::remove(names.begin(), names.end(), '`'), names.end());
  }
  std::vector<std::vector<std::string>> code;
  for (auto const& row : environment_table()) code.push_back({row.names, row.meaning});
  EXPECT_EQ(documented, code) << "docs/cli.md's environment table must say what help.cpp's environment_table() says";
}

TEST(HelpTables, EveryVariableTheCodeReadsIsListed) {
  // Every read goes through variable(env, "NAME") or a table of such literals:
  // a string literal that is exactly a variable name is one the command reads.
  std::regex const literal(R"re("((FLOWII|XDG)_[A-Z_]+|HOME)")re");
  std::set<std::string> read;
  for (auto const& entry : std::filesystem::directory_iterator(FLOWII_CLI_SOURCES)) {
    std::ifstream in(entry.path());
    std::string const source(std::istreambuf_iterator<char>(in), {});
    for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) read.insert((*it)[1]);
  }
  ASSERT_GE(read.size(), 10u) << "the scan found the variables";
  std::set<std::string> listed;
  for (auto const& row : environment_table()) {
    std::string names = row.names;
    for (std::size_t at = 0; at != std::string::npos;) {
      auto const comma = names.find(", ", at);
      listed.insert(names.substr(at, comma - at));
      at = comma == std::string::npos ? comma : comma + 2;
    }
  }
  for (auto const& name : read) EXPECT_EQ(listed.count(name), 1u) << name << " is read but not in environment_table()";
}

}  // namespace
}  // namespace flowii::cli::test
