// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Where credentials come from: the config file (and its permission check), the
// environment, --password-stdin and the guarded --password.
#include "cli_fixture.hpp"

#include <sys/stat.h>

#include <sstream>

namespace flowii::cli::test {
namespace {

class CredentialsTest : public CliTest {
 protected:
  /// The environment without any FLOWII_* variable.
  Environment bare_env() const {
    Environment e = env();
    for (auto it = e.variables.begin(); it != e.variables.end();) {
      it = it->first.rfind("FLOWII_", 0) == 0 ? e.variables.erase(it) : std::next(it);
    }
    return e;
  }
  /// Writes a config file with every setting and the given permissions.
  std::filesystem::path write_config(std::filesystem::path const& path, unsigned mode) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << "# flowii\napi_url = " << emu().base_url() << "\napi_key = " << emu().options().api_key
                        << "\nusername = " << kUser << "\npassword = " << kPassword << "\ncompany_id = 1\n";
    ::chmod(path.c_str(), mode);
    return path;
  }
};

TEST_F(CredentialsTest, ExplicitConfigFile) {
  auto const path = write_config(home() / "my.conf", 0600);
  auto const o = flowii({"--config", path.string(), "login"}, bare_env());
  EXPECT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(o.out, kLoginCompany1) << "signed in with the file's settings";
}

TEST_F(CredentialsTest, DefaultConfigFileUnderXdgConfigHome) {
  write_config(home() / "config" / "flowii" / "config", 0600);
  auto const o = flowii({"login"}, bare_env());
  EXPECT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(o.out, kLoginCompany1);
}

TEST_F(CredentialsTest, EnvironmentOverridesTheConfigFile) {
  auto const path = write_config(home() / "my.conf", 0600);
  auto e = bare_env();
  e.variables["FLOWII_PASSWORD"] = "overridden-Secret-9";
  auto const o = flowii({"--config", path.string(), "login"}, e);
  EXPECT_EQ(o.code, kExitAuth) << describe(o);
  auto const journal = emu().journal();
  ASSERT_EQ(journal.size(), 1u) << "the overriding password was sent, and refused";
  EXPECT_EQ(journal[0].path, "/token");
  EXPECT_EQ(journal[0].status, 400);
}

TEST_F(CredentialsTest, EnvironmentCompanyOverridesTheConfigFile) {
  auto const path = write_config(home() / "my.conf", 0600);  // company_id = 1
  auto e = bare_env();
  e.variables["FLOWII_COMPANY_ID"] = "2";
  auto const o = flowii({"--config", path.string(), "login"}, e);
  EXPECT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(o.out, kLoginCompany2);
  auto const command_line = flowii({"--config", path.string(), "--company", "1", "login"}, e);
  EXPECT_EQ(command_line.out, kLoginCompany1) << "--company wins over the environment";
}

TEST_F(CredentialsTest, ReadableConfigFileWithAPasswordIsRefused) {
  auto const path = write_config(home() / "my.conf", 0644);
  auto const o = flowii({"--config", path.string(), "login"}, bare_env());
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("chmod 600 " + path.string()), std::string::npos) << o.err;
  EXPECT_EQ((o.out + o.err).find(kPassword), std::string::npos);
  EXPECT_EQ(emu().count("", "/"), 0u) << "nothing is sent";
}

TEST_F(CredentialsTest, ReadableConfigFileWithoutAPasswordIsFine) {
  auto const path = home() / "public.conf";
  std::ofstream(path) << "api_url = " << emu().base_url() << "\nusername = " << kUser << "\n";
  ::chmod(path.c_str(), 0644);
  auto e = bare_env();
  e.variables["FLOWII_API_KEY"] = emu().options().api_key;
  e.variables["FLOWII_PASSWORD"] = kPassword;
  e.variables["FLOWII_COMPANY_ID"] = "1";
  auto const o = flowii({"--config", path.string(), "login"}, e);
  EXPECT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(o.out, kLoginCompany1);
}

TEST_F(CredentialsTest, MalformedOrMissingConfigFile) {
  auto const path = home() / "bad.conf";
  std::ofstream(path) << "api_url = x\npasswd = y\n";
  auto const bad = flowii({"--config", path.string(), "login"}, bare_env());
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_NE(bad.err.find(path.string() + ":2:"), std::string::npos) << bad.err;
  auto const missing = flowii({"--config", (home() / "nope.conf").string(), "login"}, bare_env());
  EXPECT_EQ(missing.code, kExitUsage) << describe(missing);
}

TEST_F(CredentialsTest, MissingCredentialsAreNamed) {
  auto const o = flowii({"login"}, bare_env());
  EXPECT_EQ(o.code, kExitUsage);
  for (char const* name : {"FLOWII_API_KEY", "FLOWII_USERNAME", "FLOWII_PASSWORD"}) {
    EXPECT_NE(o.err.find(name), std::string::npos) << o.err;
  }
  EXPECT_TRUE(emu().journal().empty()) << "nothing is sent";
}

TEST_F(CredentialsTest, PasswordFromStandardInput) {
  auto e = env();
  e.variables.erase("FLOWII_PASSWORD");
  std::istringstream in(std::string(kPassword) + "\n");
  e.in = &in;
  auto const o = flowii({"--password-stdin", "login"}, e);
  EXPECT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(o.out, kLoginCompany1);
}

TEST_F(CredentialsTest, PasswordArgumentOnlyWithTheOptIn) {
  auto e = env();
  e.variables.erase("FLOWII_PASSWORD");
  auto const refused = flowii({"--password", kPassword, "login"}, e);
  EXPECT_EQ(refused.code, kExitUsage);
  EXPECT_NE(refused.err.find("--insecure-password-arg"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.err.find(kPassword), std::string::npos);
  EXPECT_TRUE(emu().journal().empty()) << "a refused --password sends nothing";
  auto const accepted = flowii({"--password", kPassword, "--insecure-password-arg", "login"}, e);
  EXPECT_EQ(accepted.code, 0) << describe(accepted);
  EXPECT_EQ(accepted.out, kLoginCompany1);
}

}  // namespace
}  // namespace flowii::cli::test
