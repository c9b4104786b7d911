// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The methods a module writes out (those of no common shape, e.g.
// PartnersApi::export_xml(filter, bool) or TasksApi::set_activity_state) are not
// generated from an operation list (api.hpp), so this test reads the sources and
// fails when one of them has no mock (flowii/testing/mocks.hpp), no call in the
// blueprint coverage (tests/blueprint/sdk_calls.cpp) or no command
// (tools/cli/src/resource_table.cpp) and is not listed below as deliberately
// without one. The declared operations get all three from their list.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read(std::string const& relative) {
  std::ifstream in(std::string(FLOWII_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The module headers, whose virtual methods are the SDK's typed calls.
std::vector<std::string> const kModuleHeaders{
    "include/flowii/partners.hpp", "include/flowii/tasks.hpp",      "include/flowii/business_cases.hpp",
    "include/flowii/orders.hpp",   "include/flowii/goods.hpp",      "include/flowii/invoicing.hpp",
    "include/flowii/finance.hpp",  "include/flowii/attendance.hpp", "include/flowii/account.hpp",
    "include/flowii/related.hpp",  "include/flowii/client.hpp"};

/// Methods without a command of their own, and why.
std::map<std::string, std::string> const kNotOnTheCommandLine{
    {"upload_attachment", "attachments are uploaded by programs; the CLI reads files by id"},
    {"attachments", "see upload_attachment"},
    {"mails", "a record's work items are read with the record"},
    {"activity_intervals_of", "activity-intervals lists a task's intervals"},
    {"notifications_summary", "notifications list shows the unread ones"},
    {"register_device", "push notifications are for devices, not a shell"},
    {"self", "the session shows the signed-in user"},
    {"send", "the raw escape hatch is for programs"},
    {"numbering_sequences", "needs two ids; documents create takes the sequence's id"},
};

/// Methods that reach no documented action of their own, and why.
std::map<std::string, std::string> const kNotInTheCoverage{
    {"send", "Client::raw() reaches any path, documented or not"},
};

/// The name of every virtual method written out in the module headers (lines of a
/// macro definition, ending in a backslash, are the declared operations).
std::set<std::string> written_out_methods() {
  std::regex const virtual_method(R"(virtual\s+[^;{(]*?\b(\w+)\s*\()");
  std::set<std::string> names;
  for (auto const& header : kModuleHeaders) {
    std::string const text = read(header);
    EXPECT_FALSE(text.empty()) << header << " is missing or empty";
    std::string declarations;  // the text without macro definitions and comments
    std::istringstream lines(text);
    bool in_macro = false;
    for (std::string line; std::getline(lines, line);) {
      bool const continued = !line.empty() && line.back() == '\\';
      bool const skip = in_macro || line.rfind("#define", 0) == 0 || line.find("///") != std::string::npos;
      in_macro = (in_macro || line.rfind("#define", 0) == 0) && continued;
      if (!skip) declarations += line + "\n";
    }
    for (std::sregex_iterator it(declarations.begin(), declarations.end(), virtual_method), end; it != end; ++it) {
      names.insert((*it)[1]);
    }
  }
  return names;
}

bool mocked(std::string const& mocks, std::string const& name) {
  return std::regex_search(mocks, std::regex("MOCK_METHOD\\([^;]*?,\\s*" + name + ",")) ||
         mocks.find(" " + name + "() override") != std::string::npos;
}

TEST(Declarations, EveryWrittenOutMethodHasAMockACoverageCallAndACommand) {
  auto const methods = written_out_methods();
  ASSERT_GE(methods.size(), 30u) << "the module headers were not read";
  std::string const mocks = read("include/flowii/testing/mocks.hpp");
  std::string const coverage = read("tests/blueprint/sdk_calls.cpp");
  std::string const commands = read("tools/cli/src/resource_table.cpp");
  for (auto const& name : methods) {
    EXPECT_TRUE(mocked(mocks, name)) << name << "() has no MOCK_METHOD in include/flowii/testing/mocks.hpp";
    if (kNotInTheCoverage.count(name) == 0) {
      EXPECT_NE(coverage.find("." + name + "("), std::string::npos)
          << name << "() is not called in tests/blueprint/sdk_calls.cpp (the blueprint coverage)";
    }
    if (kNotOnTheCommandLine.count(name) == 0) {
      EXPECT_NE(commands.find("." + name + "("), std::string::npos)
          << name << "() has no command in tools/cli/src/resource_table.cpp; add one, or say why not in "
          << "kNotOnTheCommandLine here";
    }
  }
  for (auto const* exemptions : {&kNotOnTheCommandLine, &kNotInTheCoverage}) {
    for (auto const& [name, reason] : *exemptions) {
      EXPECT_EQ(methods.count(name), 1u) << name << " is listed as an exception but is no method";
    }
  }
}

}  // namespace
