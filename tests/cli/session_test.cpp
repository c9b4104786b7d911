// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The saved session: many commands make one password grant, an expired token is
// renewed with the refresh grant, logout forgets it, the file is private, and a
// file that cannot be trusted (corrupt, another key, readable by others, a
// symbolic link) is ignored for the password grant, never a crash. The emulator
// counts the grants by type; the session file is never printed (it holds tokens).
#include "cli_fixture.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

namespace flowii::cli::test {
namespace {

class SessionTest : public CliTest {
 protected:
  /// Runs a command that needs FLOWii and expects it to succeed.
  void ok(std::vector<std::string> args, Environment const& e) {
    auto const o = flowii(args, e);
    EXPECT_EQ(o.code, kExitOk) << ::testing::PrintToString(args) << "\n" << describe(o);
  }
  void ok(std::vector<std::string> args = {"partners", "list", "--page-size", "1"}) { ok(std::move(args), env()); }

  std::size_t password_grants() { return emu().token_grants("password"); }
  std::size_t refresh_grants() { return emu().token_grants("refresh_token"); }

  /// The session files saved in `dir` (default: the test home's).
  std::vector<std::filesystem::path> sessions(std::filesystem::path const& dir = {}) const {
    std::vector<std::filesystem::path> files;
    std::error_code ignored;
    for (auto const& entry : std::filesystem::directory_iterator(dir.empty() ? session_dir() : dir, ignored)) {
      auto const name = entry.path().filename().string();
      if (name.rfind("session-", 0) == 0) files.push_back(entry.path());
    }
    return files;
  }
  /// The one session file; fails the test when there is not exactly one.
  std::filesystem::path the_session() const {
    auto const files = sessions();
    EXPECT_EQ(files.size(), 1u);
    return files.empty() ? std::filesystem::path() : files.front();
  }
  static unsigned mode_of(std::filesystem::path const& p) {
    struct stat st {};
    EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
    return static_cast<unsigned>(st.st_mode & 07777);
  }
  /// Replaces the session file's content, keeping it private.
  static void overwrite(std::filesystem::path const& p, std::string const& content) {
    std::ofstream(p, std::ios::trunc) << content;
    ::chmod(p.c_str(), 0600);
  }
};

TEST_F(SessionTest, AHundredCommandsMakeOnePasswordGrant) {
  for (int i = 0; i < 100; ++i) ok();
  EXPECT_EQ(password_grants(), 1u);
  EXPECT_EQ(refresh_grants(), 0u);
  EXPECT_EQ(emu().count("POST", "/token"), 1u) << "no other token request either";
}

TEST_F(SessionTest, AnExpiredTokenIsRenewedWithTheRefreshGrant) {
  ok();
  advance(std::chrono::minutes(15));  // FLOWii's tokens live 599 s
  ok();
  EXPECT_EQ(password_grants(), 1u);
  EXPECT_EQ(refresh_grants(), 1u);
  ok();
  ok();
  EXPECT_EQ(emu().count("POST", "/token"), 2u) << "the renewed token was saved and is used";
}

TEST_F(SessionTest, ATokenFlowiiForgotCostsOneRenewal) {
  ok();
  emu().expire_tokens();  // the access token is refused with 401; the refresh token still works
  ok();
  EXPECT_EQ(password_grants(), 1u);
  EXPECT_EQ(refresh_grants(), 1u);
}

TEST_F(SessionTest, LogoutRemovesTheSessionAndTheNextCommandSignsInAgain) {
  ok();
  ASSERT_EQ(sessions().size(), 1u);
  auto const out = flowii({"logout"});
  EXPECT_EQ(out.code, kExitOk) << describe(out);
  EXPECT_EQ(out.err, "removed 1 saved session from " + session_dir().string() + "\n");
  EXPECT_TRUE(sessions().empty());
  ok();
  EXPECT_EQ(password_grants(), 2u);

  auto e = env();
  for (auto const* name : {"FLOWII_API_KEY", "FLOWII_USERNAME", "FLOWII_PASSWORD"}) e.variables.erase(name);
  auto const again = flowii({"logout"}, e);
  EXPECT_EQ(again.code, kExitOk) << "logout needs no credentials\n" << describe(again);
  EXPECT_TRUE(sessions().empty());
  EXPECT_EQ(flowii({"logout"}).err, "no saved session to remove\n");
}

TEST_F(SessionTest, TheSessionFileIsTheUsersAlone) {
  ok();
  auto const file = the_session();
  EXPECT_EQ(mode_of(file), 0600u);
  EXPECT_EQ(mode_of(session_dir()), 0700u) << "the directory flowii created";
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, ::geteuid());
  auto const content = read_file(file);
  EXPECT_EQ(content.find(kPassword), std::string::npos) << "the password is never saved";
  EXPECT_EQ(content.find(emu().options().api_key), std::string::npos) << "nor the API key";
  EXPECT_NE(content.find("refresh_token"), std::string::npos);
}

TEST_F(SessionTest, LoginAlwaysChecksThePassword) {
  ok();
  ok({"login"}, env());
  EXPECT_EQ(password_grants(), 2u) << "login signs in afresh";
  ok();
  EXPECT_EQ(password_grants(), 2u) << "and saves that session";
  auto e = env();
  e.variables["FLOWII_PASSWORD"] = "not-the-password";
  EXPECT_EQ(flowii({"login"}, e).code, kExitAuth) << "a saved session does not hide a wrong password";
}

TEST_F(SessionTest, SessionsAreKeptPerCompany) {
  ok();
  ok({"--company", "2", "partners", "list"}, env());
  EXPECT_EQ(sessions().size(), 2u);
  ok();
  ok({"--company", "2", "partners", "list"}, env());
  EXPECT_EQ(password_grants(), 2u);
}

TEST_F(SessionTest, ARefusedSessionIsDropped) {
  ok();
  emu().reset();  // FLOWii forgets every token, access and refresh
  auto e = env();
  e.variables["FLOWII_PASSWORD"] = "not-the-password";
  auto const o = flowii({"partners", "list"}, e);
  EXPECT_EQ(o.code, kExitAuth) << describe(o);
  EXPECT_TRUE(sessions().empty()) << "a session FLOWii refused is not kept";
}

TEST_F(SessionTest, SessionsCanBeTurnedOff) {
  auto e = env();
  e.variables["FLOWII_NO_SESSION"] = "1";
  ok({"partners", "list"}, e);
  ok({"partners", "list"}, e);
  ok({"--no-session", "partners", "list"}, env());
  EXPECT_EQ(password_grants(), 3u);
  EXPECT_TRUE(sessions().empty());
  e.variables["FLOWII_NO_SESSION"] = "0";
  ok({"partners", "list"}, e);
  EXPECT_EQ(sessions().size(), 1u) << "0 keeps sessions on";
}

TEST_F(SessionTest, TheDirectoryFollowsTheVariables) {
  auto e = env();
  e.variables["XDG_STATE_HOME"] = (home() / "state").string();
  ok({"partners", "list"}, e);
  EXPECT_EQ(sessions(home() / "state" / "flowii").size(), 1u);
  e.variables["FLOWII_SESSION_DIR"] = (home() / "sessions").string();
  ok({"partners", "list"}, e);
  EXPECT_EQ(sessions(home() / "sessions").size(), 1u);
  EXPECT_TRUE(sessions().empty()) << "nothing under the default location";
}

TEST_F(SessionTest, ACorruptSessionFileIsIgnoredAndReplaced) {
  ok();
  auto const file = the_session();
  std::vector<std::string> const corrupt{
      "",
      "not json {",
      "[1, 2]",
      R"({"format": "flowii-session", "version": "1"})",
      R"({"format": "flowii-session", "version": 1, "expires_at": "soon"})",
      R"({"format": "flowii-session", "version": 2})",
      std::string(100'000, 'x'),
  };
  std::size_t grants = password_grants();
  for (auto const& content : corrupt) {
    overwrite(file, content);
    auto const o = flowii({"partners", "list"});
    EXPECT_EQ(o.code, kExitOk) << describe(o);
    EXPECT_EQ(password_grants(), ++grants) << "a password grant instead";
    ok();
    EXPECT_EQ(password_grants(), grants) << "the file was replaced by a good one";
  }
}

TEST_F(SessionTest, ASessionOfAnotherKeyIsNotUsed) {
  ok({"--company", "2", "partners", "list"}, env());
  auto const other = the_session();
  auto const content = read_file(other);
  std::filesystem::remove(other);
  ok();  // company 1: its own file
  auto const mine = the_session();
  overwrite(mine, content);  // company 2's session under company 1's name
  ok();
  EXPECT_EQ(password_grants(), 3u) << "the foreign session was ignored";
}

TEST_F(SessionTest, ASessionOthersCouldReadIsNotUsed) {
  ok();
  auto const file = the_session();
  ::chmod(file.c_str(), 0644);
  auto const o = flowii({"partners", "list"});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_NE(o.err.find("ignoring the saved session " + file.string() + ": other users could read it (mode 0644)"),
            std::string::npos)
      << o.err;
  EXPECT_EQ(password_grants(), 2u);
  EXPECT_EQ(mode_of(file), 0600u) << "replaced by a private one";
}

TEST_F(SessionTest, ASymbolicLinkIsNotFollowed) {
  ok();
  auto const file = the_session();
  auto const elsewhere = home() / "elsewhere.json";
  std::filesystem::rename(file, elsewhere);
  std::filesystem::create_symlink(elsewhere, file);
  auto const o = flowii({"partners", "list"});
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_NE(o.err.find("it is a symbolic link"), std::string::npos) << o.err;
  EXPECT_EQ(password_grants(), 2u);
  EXPECT_FALSE(std::filesystem::is_symlink(file)) << "the link was replaced, its target left alone";
}

TEST_F(SessionTest, TamperedValuesAreNotUsed) {
  ok();
  auto const file = the_session();
  auto const good = read_file(file);
  /// `content` with the value after `key` replaced (up to the next , or }).
  auto const with = [&good](std::string const& key, std::string const& value) {
    auto content = good;
    auto const at = content.find("\"" + key + "\":");
    EXPECT_NE(at, std::string::npos) << key;
    auto const start = at + key.size() + 3;
    content.replace(start, content.find_first_of(",}", start) - start, value);
    return content;
  };
  // A token that would break its header, and an expiry whose nanoseconds overflow a clock.
  std::size_t grants = password_grants();
  for (auto const& content : {with("access_token", R"("abc\r\nX-Injected: 1")"), with("expires_at", "99999999999")}) {
    overwrite(file, content);
    ok();
    EXPECT_EQ(password_grants(), ++grants);
  }
}

TEST_F(SessionTest, AnUnwritableDirectoryIsOnlyAWarning) {
  auto e = env();
  auto const blocked = home() / "blocked";
  std::ofstream(blocked) << "a file where the directory should be";
  e.variables["FLOWII_SESSION_DIR"] = (blocked / "flowii").string();
  auto const o = flowii({"partners", "list", "--page-size", "1"}, e);
  EXPECT_EQ(o.code, kExitOk) << describe(o);
  EXPECT_NE(o.err.find("flowii: warning: cannot create " + (blocked / "flowii").string()), std::string::npos) << o.err;
}

}  // namespace
}  // namespace flowii::cli::test
