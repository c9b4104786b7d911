// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The flowii commands against the emulator: login, companies, listing formats,
// paging, CRUD, filters, downloads, exit codes.
#include "cli_fixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace flowii::cli::test {
namespace {

using nlohmann::json;

class CommandsTest : public CliTest {
 protected:
  /// Runs the command, expects success and parses its JSON output.
  json json_of(std::vector<std::string> args) {
    args.insert(args.end(), {"--output", "json"});
    auto const o = flowii(args);
    EXPECT_EQ(o.code, 0) << describe(o);
    return json::parse(o.out);
  }
  std::size_t lines(std::string const& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }
};

TEST_F(CommandsTest, LoginSaysWhoYouAre) {
  auto const session = client().session();
  ASSERT_TRUE(session) << session.status().to_string();
  auto const o = flowii({"login"});
  ASSERT_EQ(o.code, 0) << describe(o);
  EXPECT_NE(o.out.find("Signed in as " + session->user_name), std::string::npos) << o.out;
  EXPECT_NE(o.out.find(session->company_name + " (company 1)"), std::string::npos) << o.out;
}

TEST_F(CommandsTest, WrongPasswordExitsWithAuthCodeAndNoSecret) {
  auto e = env();
  e.variables["FLOWII_PASSWORD"] = "not-the-Secret-417";
  auto const o = flowii({"login"}, e);
  EXPECT_EQ(o.code, kExitAuth) << describe(o);
  EXPECT_NE(o.err.find("FLOWII_USERNAME"), std::string::npos) << "the message says what to check: " << o.err;
  for (std::string const secret : {"not-the-Secret-417", emu().options().api_key.c_str()}) {
    EXPECT_EQ((o.out + o.err).find(secret), std::string::npos) << secret;
  }
}

TEST_F(CommandsTest, CompaniesListsTheAccessList) {
  auto const expected = client().companies();
  ASSERT_TRUE(expected);
  auto const listed = json_of({"companies"});
  ASSERT_EQ(listed.size(), expected->size());
  for (std::size_t i = 0; i < listed.size(); ++i) {
    EXPECT_EQ(listed[i]["id"], (*expected)[i].id());
    EXPECT_EQ(listed[i]["attributes"]["name"], *(*expected)[i].name());
  }
  auto const table = flowii({"companies"});
  EXPECT_EQ(lines(table.out), expected->size() + 1) << table.out;  // a header and a row each
}

TEST_F(CommandsTest, ListsInEveryFormat) {
  auto c = client();
  auto created =
      c.partners().create(Partner().set_name("Dunaj, \"Trade\" s.r.o.").set_partner_type(PartnerType::kCompany));
  ASSERT_TRUE(created);
  auto const page = c.partners().list_page(PartnerQuery().page_size(50));
  ASSERT_TRUE(page);

  auto const listed = json_of({"partners", "list", "--page-size", "50"});
  ASSERT_EQ(listed.size(), page->items.size());
  EXPECT_EQ(listed[0]["id"], page->items[0].id());

  auto const table = flowii({"partners", "list", "--page-size", "50"});
  ASSERT_EQ(table.code, 0) << describe(table);
  EXPECT_EQ(table.out.rfind("ID  ", 0), 0u) << table.out;
  EXPECT_NE(table.out.find("name"), std::string::npos);
  EXPECT_EQ(lines(table.out), page->items.size() + 1);

  auto const csv = flowii({"partners", "list", "--page-size", "50", "-o", "csv"});
  ASSERT_EQ(csv.code, 0) << describe(csv);
  EXPECT_EQ(csv.out.rfind("id,", 0), 0u) << csv.out;
  EXPECT_EQ(lines(csv.out), page->items.size() + 1);
  EXPECT_NE(csv.out.find("\"Dunaj, \"\"Trade\"\" s.r.o.\""), std::string::npos) << "RFC 4180 quoting: " << csv.out;
}

TEST_F(CommandsTest, AllFetchesEveryPageWithProgress) {
  emu().add_partners("1", 45);
  auto c = client();
  std::size_t expected = 0;
  for (auto const& p : c.partners().list(PartnerQuery().page_size(20))) {
    ASSERT_TRUE(p);
    ++expected;
  }
  ASSERT_GT(expected, 40u);

  auto const o = flowii({"partners", "list", "--all", "--page-size", "20", "--progress", "-o", "json"});
  ASSERT_EQ(o.code, 0) << describe(o);
  auto const listed = json::parse(o.out);
  EXPECT_EQ(listed.size(), expected);
  EXPECT_NE(o.err.find("fetched 20 partners"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("fetched " + std::to_string(expected) + " partners"), std::string::npos) << o.err;

  auto const quiet = flowii({"partners", "list", "--all", "--page-size", "20", "-o", "json"});
  EXPECT_EQ(quiet.err, "") << "no progress when stderr is no terminal and --progress is not given";
}

TEST_F(CommandsTest, CreateGetUpdateDelete) {
  auto const created = json_of({"partners", "create", "--data", R"({"name": "Váh Trade s.r.o.", "type": 1})"});
  std::string const id = created["id"];
  ASSERT_FALSE(id.empty());

  EXPECT_EQ(json_of({"partners", "get", id})["attributes"]["name"], "Váh Trade s.r.o.");
  auto const update = flowii({"partners", "update", id, "--data", R"({"name": "Hron Trade s.r.o."})"});
  ASSERT_EQ(update.code, 0) << describe(update);
  auto const read = json_of({"partners", "get", id});
  EXPECT_EQ(read["attributes"]["name"], "Hron Trade s.r.o.");
  EXPECT_EQ(read["attributes"]["type"], 1) << "a PATCH of one attribute keeps the others";

  auto const table = flowii({"partners", "get", id});
  EXPECT_NE(table.out.find("Hron Trade s.r.o."), std::string::npos) << table.out;

  auto const removed = flowii({"partners", "delete", id});
  ASSERT_EQ(removed.code, 0) << describe(removed);
  auto const gone = flowii({"partners", "get", id});
  EXPECT_EQ(gone.code, kExitNotFound) << describe(gone);
  EXPECT_NE(gone.err.find("not-found"), std::string::npos) << gone.err;
}

TEST_F(CommandsTest, CreateRejectedByFlowiiIsAValidationError) {
  auto const o = flowii({"partners", "create", "--data", R"({"type": 1})"});
  EXPECT_EQ(o.code, kExitValidation) << describe(o);
}

TEST_F(CommandsTest, CreateReadsDataFromAFile) {
  auto const file = home() / "partner.json";
  std::ofstream(file) << R"({"attributes": {"name": "Súbor s.r.o.", "type": 2}})";
  auto const created = json_of({"partners", "create", "--data", "@" + file.string()});
  EXPECT_EQ(created["attributes"]["name"], "Súbor s.r.o.");
  EXPECT_EQ(created["attributes"]["type"], 2);
}

TEST_F(CommandsTest, FilterNarrowsTheList) {
  auto c = client();
  auto created =
      c.partners().create(Partner().set_name("Unikátny Názov Filtra").set_partner_type(PartnerType::kCompany));
  ASSERT_TRUE(created);
  auto const found = json_of({"partners", "list", "--filter", "search-text=Unikátny Názov Filtra"});
  ASSERT_EQ(found.size(), 1u) << found.dump();
  EXPECT_EQ(found[0]["id"], created->id());
}

TEST_F(CommandsTest, CodeListsAndTrees) {
  auto c = client();
  auto const countries = c.account().countries();
  ASSERT_TRUE(countries);
  EXPECT_EQ(json_of({"countries", "list"}).size(), countries->size());

  auto const types = c.orders().types().list();
  ASSERT_TRUE(types);
  ASSERT_FALSE(types->empty());
  auto const children = c.orders().types().children(types->front().id());
  ASSERT_TRUE(children);
  EXPECT_EQ(json_of({"order-types", "list", "--parent", types->front().id()}).size(), children->size());
}

/// The first demo document, found through the partners that own documents.
std::string some_document_id(Client& c) {
  auto const partners = c.partners().list_page(PartnerQuery().page_size(100));
  if (!partners) return {};
  for (auto const& p : partners->items) {
    auto docs = c.partners().documents(p.id());
    if (docs && !docs->items.empty()) return docs->items.front().id();
  }
  return {};
}

TEST_F(CommandsTest, DownloadsAPdfToAFileAndToStdout) {
  auto c = client();
  std::string const id = some_document_id(c);
  ASSERT_FALSE(id.empty());
  auto const expected = c.invoicing().pdf(id, "sk");
  ASSERT_TRUE(expected) << expected.status().to_string();

  auto const file = home() / "invoice.pdf";
  auto const o = flowii({"documents", "pdf", id, "--language", "sk", "--out", file.string()});
  ASSERT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(read_file(file), expected->bytes);
  EXPECT_EQ(o.out, "");

  auto const piped = flowii({"documents", "pdf", id, "--language", "sk", "--out", "-"});
  ASSERT_EQ(piped.code, 0) << describe(piped);
  EXPECT_EQ(piped.out, expected->bytes);
}

TEST_F(CommandsTest, DownloadsAnExport) {
  auto c = client();
  auto const expected = c.orders().export_pohoda();
  ASSERT_TRUE(expected) << expected.status().to_string();
  auto const file = home() / "orders.zip";
  auto const o = flowii({"orders", "export-pohoda", "--out", file.string()});
  ASSERT_EQ(o.code, 0) << describe(o);
  auto const bytes = read_file(file);
  EXPECT_EQ(bytes.size(), expected->bytes.size());
  EXPECT_EQ(bytes.substr(0, 2), expected->bytes.substr(0, 2));
}

TEST_F(CommandsTest, UsageErrorsExitWithTwo) {
  std::vector<std::vector<std::string>> const wrong{
      {},
      {"partners"},
      {"partners", "frobnicate"},
      {"partners", "get"},
      {"partners", "list", "--output", "xml"},
      {"partners", "list", "--filter", "no-equals-sign"},
      {"partners", "create", "--data", "[1, 2]"},
      {"goods", "delete", "1"},
      {"documents", "pdf", "1"},
      {"--password", "x", "login"},
  };
  for (auto const& args : wrong) {
    auto const o = flowii(args);
    EXPECT_EQ(o.code, kExitUsage) << ::testing::PrintToString(args) << "\n" << describe(o);
  }
  EXPECT_EQ(emu().count("", "/"), 0u) << "usage errors never reach FLOWii";
}

TEST_F(CommandsTest, HelpExitsWithZero) {
  auto const o = flowii({"--help"});
  EXPECT_EQ(o.code, 0);
  EXPECT_NE(o.out.find("partners"), std::string::npos) << o.out;
}

TEST_F(CommandsTest, AnUnknownCompanySaysHowToChoose) {
  auto const o = flowii({"--company", "999", "partners", "list"});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("flowii companies"), std::string::npos) << "the hint names the command: " << o.err;
}

/// A demo task that has activities, and its first activity.
std::pair<std::string, std::string> task_with_activity(Client& c) {
  auto const tasks = c.tasks().list_page(TaskQuery().page_size(100));
  if (!tasks) return {};
  for (auto const& t : tasks->items) {
    auto const activities = c.tasks().activities(t.id());
    if (activities && !activities->items.empty()) return {t.id(), activities->items.front().id()};
  }
  return {};
}

TEST_F(CommandsTest, ScopedResourcesNeedTheirParent) {
  auto const o = flowii({"activity-intervals", "list"});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("--parent"), std::string::npos) << o.err;
}

TEST_F(CommandsTest, ActivitiesAndTheirTimeUnderATask) {
  auto c = client();
  auto const [task, activity] = task_with_activity(c);
  ASSERT_FALSE(task.empty()) << "the demo data has tasks with activities";
  auto const activities = c.tasks().activities(task);
  ASSERT_TRUE(activities);
  EXPECT_EQ(json_of({"task-activities", "list", "--parent", task}).size(), activities->items.size());

  EXPECT_EQ(flowii({"task-activities", "set-state", activity, "--state", "16", "--parent", task}).code, kExitOk);
  auto const after = c.tasks().activities(task);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->items.front().state(), ActivityState::kDone);
  EXPECT_EQ(flowii({"task-activities", "set-state", activity, "--state", "done", "--parent", task}).code, kExitUsage);

  auto const before = c.tasks().activity_intervals(task);
  ASSERT_TRUE(before);
  std::string const data = R"({"attributes":{"from":"2026-03-03T08:00:00","to":"2026-03-03T09:00:00"},)"
                           R"("relationships":{"activity":{"data":{"type":"activity","id":")" +
                           activity + R"("}}}})";
  auto const created = json_of({"activity-intervals", "create", "--parent", task, "--data", data});
  std::string const id = created["id"].get<std::string>();
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(json_of({"activity-intervals", "list", "--parent", task}).size(), before->items.size() + 1);

  EXPECT_EQ(
      flowii({"activity-intervals", "update", id, "--parent", task, "--data", R"({"to":"2026-03-03T10:00:00"})"}).code,
      kExitOk);
  auto const changed = c.tasks().activity_intervals(task);
  ASSERT_TRUE(changed);
  bool found = false;
  for (auto const& i : changed->items) {
    if (i.id() != id) continue;
    found = true;
    EXPECT_EQ(i.to(), DateTime::parse("2026-03-03T10:00:00"));
  }
  EXPECT_TRUE(found);

  EXPECT_EQ(flowii({"activity-intervals", "delete", id, "--parent", task}).code, kExitOk);
  EXPECT_EQ(json_of({"activity-intervals", "list", "--parent", task}).size(), before->items.size());
}

TEST_F(CommandsTest, PostsATaskMessage) {
  auto c = client();
  auto const [task, activity] = task_with_activity(c);
  ASSERT_FALSE(task.empty());
  auto const o = flowii({"task-messages", "post", "--parent", task, "--text", "Hotovo, faktúra odoslaná"});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  auto const read = c.tasks().get(task);
  ASSERT_TRUE(read);
  bool found = false;
  for (auto const& m : read->related_many<TaskMessage>("task-messages")) {
    found = found || m.message() == std::optional<std::string>("Hotovo, faktúra odoslaná");
  }
  EXPECT_TRUE(found);
}

TEST_F(CommandsTest, MarksNotificationsReadAndUnread) {
  auto c = client();
  auto const page = c.account().notifications_page();
  ASSERT_TRUE(page);
  ASSERT_FALSE(page->items.empty()) << "the demo data has notifications";
  std::string const id = page->items.front().id();
  auto is_read = [&c, &id] {
    auto const p = c.account().notifications_page(Query().page_size(1000));
    for (auto const& n : p->items) {
      if (n.id() == id) return n.is_read().value_or(false);
    }
    return false;
  };
  EXPECT_EQ(flowii({"notifications", "mark-read", id}).code, kExitOk);
  EXPECT_TRUE(is_read());
  EXPECT_EQ(flowii({"notifications", "mark-unread", id}).code, kExitOk);
  EXPECT_FALSE(is_read());
}

TEST_F(CommandsTest, PartnerContacts) {
  auto c = client();
  auto const partners = c.partners().list_page(PartnerQuery().page_size(100));
  ASSERT_TRUE(partners);
  for (auto const& p : partners->items) {
    auto const contacts = c.partners().contacts(p.id());
    ASSERT_TRUE(contacts);
    if (contacts->items.empty()) continue;
    EXPECT_EQ(json_of({"partner-contacts", "list", "--parent", p.id()}).size(), contacts->items.size());
    return;
  }
  FAIL() << "no demo partner has contacts";
}

}  // namespace
}  // namespace flowii::cli::test
