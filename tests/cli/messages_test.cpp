// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Proves that what flowii says when it fails names its flags and variables, never
// the SDK's C++ (ClientOptions::base_url, errors()): every failure path the tests
// can reach (the emulator with faults, a web server that is not FLOWii), and every
// C++ name in the SDK's message text (src/), which failure.cpp's table must rewrite.
#include "cli_fixture.hpp"
#include "failure.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <regex>
#include <set>
#include <thread>

namespace flowii::cli::test {
namespace {

using Fault = emulator::Emulator::Fault;
using Breakage = emulator::Emulator::Breakage;

/// The first C++ name in `text` (`::`, `name()`, the SDK's option structs), or "".
std::string cpp_name_in(std::string const& text) {
  static std::regex const kCpp(
      R"(::|\b[A-Za-z_][A-Za-z0-9_]*\(\)|\b(Client|Tls|Proxy|Retry|Transport|Reconcile|Paging|Log)Options\b)");
  std::smatch m;
  return std::regex_search(text, m, kCpp) ? m.str() : std::string();
}

TEST(CppNameCheck, FindsWhatItLooksFor) {
  // The check below is only as good as this: it must see each kind of C++ name.
  EXPECT_EQ(cpp_name_in("check ClientOptions::base_url"), "ClientOptions");
  EXPECT_EQ(cpp_name_in("see errors() for the fields"), "errors()");
  EXPECT_EQ(cpp_name_in("set TlsOptions"), "TlsOptions");
  EXPECT_EQ(cpp_name_in("username and ::password"), "::");
  EXPECT_EQ(cpp_name_in("check --company (FLOWII_COMPANY_ID) or https_proxy"), "");
}

/// A web server that is not FLOWii (a wrong FLOWII_API_URL): an HTML page for everything.
class HtmlServer {
 public:
  HtmlServer() {
    auto const page = [](httplib::Request const&, httplib::Response& res) {
      res.set_content("<!doctype html><html><body>Welcome to nginx!</body></html>", "text/html");
    };
    server_.Get(".*", page);
    server_.Post(".*", page);
    port_ = server_.bind_to_any_port("127.0.0.1");  // listening from here on: connections queue
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~HtmlServer() {
    while (!server_.is_running()) std::this_thread::yield();  // stop() before listening would be lost
    server_.stop();
    thread_.join();
  }
  HtmlServer(HtmlServer const&) = delete;
  HtmlServer& operator=(HtmlServer const&) = delete;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

class MessagesTest : public CliTest {
 protected:
  /// One way to fail: the command, its exit code and what makes it fail.
  struct Path {
    std::string what;
    std::vector<std::string> args;
    int code;
    std::function<void(emulator::Emulator&, Environment&)> prepare;
  };

  static Fault fault(std::string method, std::string path, int status, std::optional<std::string> retry_after = {}) {
    Fault f;
    f.method = std::move(method);
    f.path_prefix = std::move(path);
    f.status = status;
    f.retry_after = std::move(retry_after);
    return f;
  }
  static std::function<void(emulator::Emulator&, Environment&)> inject(Fault f) {
    return [f](emulator::Emulator& emu, Environment&) { emu.inject(f); };
  }
  static std::function<void(emulator::Emulator&, Environment&)> set(std::string name, std::string value) {
    return [name, value](emulator::Emulator&, Environment& e) { e.variables[name] = value; };
  }

  /// Runs each path against a freshly reset emulator; expects its exit code and a
  /// message free of C++ and secrets. Returns the SDK error names that were shown.
  std::set<std::string> expect_plain_failures(std::vector<Path> const& paths) {
    std::set<std::string> shown;
    for (auto const& p : paths) {
      emu().reset();
      Environment e = env();
      if (p.prepare) p.prepare(emu(), e);
      auto const o = flowii(p.args, e);
      EXPECT_EQ(o.code, p.code) << p.what << "\n" << describe(o);
      EXPECT_FALSE(o.err.empty()) << p.what << ": a failure says what failed";
      EXPECT_EQ(cpp_name_in(o.err), "") << p.what << ": stderr names C++:\n" << o.err;
      for (std::string const& secret : {std::string(kPassword), emu().options().api_key}) {
        EXPECT_EQ((o.out + o.err).find(secret), std::string::npos) << p.what << ": a secret was printed";
      }
      // The failure's first line, after any lines about waits: "flowii: <error name> (HTTP n) GET /path: ...".
      // Not "flowii: unknown command ...", a usage message.
      static std::regex const kFailure(R"((^|\n)flowii: ([a-z-]+)(:| \(HTTP| [A-Z]+ /))");
      std::smatch m;
      if (std::regex_search(o.err, m, kFailure) && sdk_error_names().count(m[2]) != 0) shown.insert(m[2]);
    }
    return shown;
  }

  /// The names of the SDK's ErrorCodes, as a failure's message starts with them.
  static std::set<std::string> sdk_error_names() {
    std::set<std::string> names;
    for (int c = static_cast<int>(ErrorCode::kInvalidArgument); c <= static_cast<int>(ErrorCode::kUnknown); ++c) {
      names.insert(to_string(static_cast<ErrorCode>(c)));
    }
    return names;
  }

  std::string partner_id() const { return records("partner").front()["id"]; }
};

TEST_F(MessagesTest, EveryFailurePathNamesFlagsAndVariablesNotCpp) {
  std::string const partner = partner_id();
  std::string const partner_path = "/partners/" + partner;
  std::string const document = records("document").front()["id"];
  auto const config = home() / "bad.conf";
  std::ofstream(config) << "api_url = x\npasswd = y\n";
  Fault lost_answer;  // FLOWii makes the change, then the connection breaks
  lost_answer.method = "PATCH";
  lost_answer.path_prefix = partner_path;
  lost_answer.breakage = Breakage::kCloseAfterProcessing;
  Fault expired = fault("GET", "/partners", 401);
  expired.times = 2;  // the SDK renews the token once
  HtmlServer not_flowii;

  std::vector<Path> const paths{
      // The command line and the configuration.
      {"unknown action", {"partners", "frobnicate"}, kExitUsage, nullptr},
      {"filter without =", {"partners", "list", "--filter", "x"}, kExitUsage, nullptr},
      {"--data not an object", {"partners", "create", "--data", "[1]"}, kExitUsage, nullptr},
      {"--data file missing",
       {"partners", "create", "--data", "@" + (home() / "none.json").string()},
       kExitUsage,
       nullptr},
      {"--password without opt-in", {"--password", "x", "login"}, kExitUsage, nullptr},
      {"empty id", {"partners", "get", ""}, kExitUsage, nullptr},
      {"empty id to update", {"partners", "update", "", "--data", R"({"name": "X"})"}, kExitUsage, nullptr},
      {"malformed config file", {"--config", config.string(), "login"}, kExitUsage, nullptr},
      {"missing API key", {"login"}, kExitUsage, set("FLOWII_API_KEY", "")},
      {"API URL not a URL", {"login"}, kExitUsage, set("FLOWII_API_URL", "not a url")},
      {"API URL not http(s)", {"login"}, kExitUsage, set("FLOWII_API_URL", "ftp://x")},
      {"plain http to another host", {"login"}, kExitUsage, set("FLOWII_API_URL", "http://api.flowii.example")},
      {"several companies, none chosen", {"login"}, kExitUsage, set("FLOWII_COMPANY_ID", "")},
      {"unknown company", {"--company", "999", "login"}, kExitUsage, nullptr},
      // FLOWii's answers.
      {"wrong password", {"login"}, kExitAuth, set("FLOWII_PASSWORD", "not-the-password")},
      {"token refused twice", {"partners", "list"}, kExitAuth, inject(expired)},
      {"403", {"partners", "list"}, kExitAuth, inject(fault("GET", "/partners", 403))},
      {"404", {"partners", "get", "999999"}, kExitNotFound, nullptr},
      {"405", {"partners", "list"}, kExitOther, inject(fault("GET", "/partners", 405))},
      {"409",
       {"partners", "update", partner, "--data", R"({"name": "X"})"},
       kExitOther,
       inject(fault("PATCH", partner_path, 409))},
      {"400", {"partners", "list"}, kExitValidation, inject(fault("GET", "/partners", 400))},
      {"422", {"partners", "create", "--data", R"({"type": 1})"}, kExitValidation, nullptr},
      // A Retry-After beyond what the SDK waits: it gives up at once.
      {"429", {"partners", "list"}, kExitTransient, inject(fault("GET", "/partners", 429, "3600"))},
      {"408", {"partners", "list"}, kExitTransient, inject(fault("GET", "/partners", 408, "3600"))},
      {"503", {"partners", "list"}, kExitTransient, inject(fault("GET", "/partners", 503, "3600"))},
      {"500 to a create",
       {"partners", "create", "--data", R"({"name": "X", "type": 1})"},
       kExitOther,
       inject(fault("POST", "/partners", 500))},
      {"answer lost after an update",
       {"partners", "update", partner, "--data", R"({"name": "X"})"},
       kExitOutcomeUnknown,
       inject(lost_answer)},
      // TLS to a plain-HTTP port; the SDK retries a failed connect with backoff first.
      {"TLS handshake",
       {"login"},
       kExitTransient,
       set("FLOWII_API_URL", "https://127.0.0.1:" + std::to_string(emu().port()))},
      {"not FLOWii at FLOWII_API_URL", {"login"}, kExitOther, set("FLOWII_API_URL", not_flowii.url())},
      // The output.
      {"--out a directory", {"documents", "pdf", document, "--out", home().string()}, kExitOther, nullptr},
  };
  auto const shown = expect_plain_failures(paths);
  // Every ErrorCode but kUnknown, which nothing FLOWii or the network does provokes.
  auto expected = sdk_error_names();
  expected.erase(to_string(ErrorCode::kUnknown));
  expected.erase(to_string(ErrorCode::kCancelled));  // only Batch::cancel() gives it; no path above cancels one
  EXPECT_EQ(shown, expected) << "a new ErrorCode needs a path above";
}

TEST_F(MessagesTest, ValidationErrorsAreListedByFieldInsteadOfPointingToCpp) {
  auto const o = flowii({"partners", "create", "--data", R"({"type": 1})"});  // no name
  EXPECT_EQ(o.code, kExitValidation) << describe(o);
  EXPECT_EQ(o.err.find("errors()"), std::string::npos) << o.err;
  // The emulator's error object for the missing name (tools/emulator/src/writer.cpp), on a line of its own.
  EXPECT_NE(o.err.find("\n  Unprocessable Entity: name is required. (attribute name)\n"), std::string::npos) << o.err;
}

TEST_F(MessagesTest, TheWaitFlowiiAsksForIsSpelledOut) {
  Fault f;
  f.method = "GET";
  f.path_prefix = "/partners";
  f.status = 429;
  f.retry_after = "3600";
  emu().inject(f);
  auto const o = flowii({"partners", "list"});
  EXPECT_EQ(o.code, kExitTransient) << describe(o);
  EXPECT_NE(o.err.find("asked to wait 3600 s"), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("retry_after"), std::string::npos) << o.err;
}

// ---- the SDK's message text ----------------------------------------------------

/// The string literals of C++ source, adjacent ones joined as the compiler joins
/// them; comments, character literals and digit separators (120'000) are skipped.
std::vector<std::string> string_literals(std::string const& src) {
  std::vector<std::string> literals;
  bool joining = false;  // only blanks and comments since the last literal
  std::size_t i = 0;
  auto const word_char = [&src](std::size_t at) {
    return at < src.size() && (std::isalnum(static_cast<unsigned char>(src[at])) != 0 || src[at] == '_');
  };
  while (i < src.size()) {
    char const c = src[i];
    if (src.compare(i, 2, "//") == 0) {
      i = src.find('\n', i);
    } else if (src.compare(i, 2, "/*") == 0) {
      i = src.find("*/", i + 2);
      if (i != std::string::npos) i += 2;
    } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++i;
    } else if (c == '"' && !(i > 0 && src[i - 1] == 'R' && !word_char(i - 2))) {
      std::string text;
      for (++i; i < src.size() && src[i] != '"'; ++i) {
        if (src[i] == '\\' && i + 1 < src.size()) ++i;  // the escaped character stands for itself
        text += src[i];
      }
      ++i;
      if (joining) {
        literals.back() += text;
      } else {
        literals.push_back(text);
      }
      joining = true;
      continue;
    } else if (c == '"') {  // a raw string: R"delim( ... )delim"
      auto const open = src.find('(', i);
      std::string const end = ")" + src.substr(i + 1, open - i - 1) + "\"";
      auto const close = src.find(end, open);
      literals.push_back(src.substr(open + 1, close - open - 1));
      i = close == std::string::npos ? close : close + end.size();
    } else if (c == '\'' && !word_char(i - 1)) {  // a character literal; after a digit, a separator
      for (++i; i < src.size() && src[i] != '\''; ++i) {
        if (src[i] == '\\') ++i;
      }
      ++i;
    } else {
      ++i;
    }
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '/') joining = false;
    if (i == std::string::npos) break;
  }
  return literals;
}

TEST(StringLiterals, AreFoundAndJoinedLikeTheCompilerDoes) {
  auto const found = string_literals(
      "f(\"a \" /* x \"no\" */ \"b\\\"c\", 'q', '\"', 120'000, R\"(raw \"x\")\"); // \"not\"\n"
      "g(\"one\",\n  \"two\");");
  EXPECT_EQ(found, (std::vector<std::string>{"a b\"c", "raw \"x\"", "one", "two"}));
}

/// Every string literal of the SDK's sources that names C++: a scope (`Type::x`,
/// `::x`) or a call (`name()`). Not IPv6 ("[::1]"), not the test doubles' text.
std::vector<std::pair<std::string, std::string>> sdk_text_naming_cpp(std::vector<std::string>& all) {
  std::regex const kCpp(R"(\b[A-Za-z_]\w*::[A-Za-z_]|(^|[^\w:])::[A-Za-z_]|\b[A-Za-z_]\w*\(\))");
  std::vector<std::pair<std::string, std::string>> found;
  for (std::filesystem::path const root : {FLOWII_SDK_SOURCES, FLOWII_SDK_HEADERS}) {
    for (auto const& entry : std::filesystem::recursive_directory_iterator(root)) {
      auto const& path = entry.path();
      if (path.extension() != ".cpp" && path.extension() != ".hpp") continue;
      if (path.parent_path().filename() == "testing") continue;  // fakes for C++ tests; the CLI links none
      std::ifstream in(path);
      for (auto& text : string_literals(std::string(std::istreambuf_iterator<char>(in), {}))) {
        if (std::regex_search(text, kCpp)) found.emplace_back(path.filename().string(), text);
        all.push_back(std::move(text));
      }
    }
  }
  return found;
}

TEST(RewriteTable, CoversEveryCppNameInTheSdksMessages) {
  std::vector<std::string> all;
  auto const naming = sdk_text_naming_cpp(all);
  // src/core/core.cpp alone has a dozen (ClientOptions::base_url, errors(), ...).
  ASSERT_GE(naming.size(), 10u) << "the scan found the SDK's messages";
  std::regex const kCpp(R"(\b[A-Za-z_]\w*::[A-Za-z_]|(^|[^\w:])::[A-Za-z_]|\b[A-Za-z_]\w*\(\))");
  for (auto const& [file, text] : naming) {
    std::string const cli = rewrite_sdk_text(text);
    EXPECT_FALSE(std::regex_search(cli, kCpp))
        << file << ": this SDK text reaches the command line with a C++ name; add a rewrite to sdk_rewrites() in "
        << "tools/cli/src/failure.cpp:\n  " << text << "\nbecomes\n  " << cli;
  }
  // And no rewrite waits for text the SDK no longer has.
  for (auto const& r : sdk_rewrites()) {
    bool const used =
        std::any_of(all.begin(), all.end(), [&r](std::string const& t) { return t.find(r.sdk) != std::string::npos; });
    EXPECT_TRUE(used) << "no SDK message contains \"" << r.sdk << "\" any more; update or drop its rewrite";
  }
}

TEST(RewriteTable, SaysWhatTheCommandLineHasInstead) {
  EXPECT_EQ(rewrite_sdk_text("FLOWii could not validate the data; see errors() for the fields (source.pointer)."),
            "FLOWii could not validate the data.");
  EXPECT_EQ(rewrite_sdk_text("the base URL must look like https://api.flowii.com; check ClientOptions::base_url / "
                             "FLOWII_API_URL"),
            "the base URL must look like https://api.flowii.com; check FLOWII_API_URL (or api_url in the config file)");
  EXPECT_EQ(
      rewrite_sdk_text("choose one with ClientOptions::company_id (FLOWII_COMPANY_ID) or company_name. Companies:"),
      "choose one with --company ID or FLOWII_COMPANY_ID. Companies:");
}

TEST(SdkMessage, DropsCppNamesTheTableDoesNotKnowYet) {
  // A message of a newer SDK: the command line still shows no C++.
  Status const s(ErrorCode::kInvalidArgument, "set PagingOptions::page_size, see Status::retry_after() and ::x");
  EXPECT_EQ(sdk_message(s), "set page_size, see retry_after and x");
  // Nor is OpenSSL's text, but its empty function field looks like a C++ scope.
  EXPECT_EQ(sdk_message(Status(ErrorCode::kNetwork, "(OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version)")),
            "(OpenSSL/3.0.19: error:0A00010B:SSL routines: wrong version)");
  // IPv6 literals are no C++.
  EXPECT_EQ(sdk_message(Status(ErrorCode::kNetwork, "could not connect to [::1] or [FE80::1]")),
            "could not connect to [::1] or [FE80::1]");
}

}  // namespace
}  // namespace flowii::cli::test
