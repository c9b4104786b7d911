// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The flowii commands against the emulator: login, companies, listing formats,
// paging, CRUD, filters, downloads. Expectations come from the emulator's seeded
// demo data, its stored records, the bytes it serves and its journal, never from
// the SDK the CLI is built on. Exit codes: exit_codes_test.cpp.
#include "cli_fixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

namespace flowii::cli::test {
namespace {

using nlohmann::json;
using JournalEntry = emulator::Emulator::JournalEntry;

class CommandsTest : public CliTest {
 protected:
  /// Runs the command, expects success and parses its JSON output.
  json json_of(std::vector<std::string> args) {
    args.insert(args.end(), {"--output", "json"});
    auto const o = flowii(args);
    EXPECT_EQ(o.code, 0) << describe(o);
    return json::parse(o.out);
  }
  static std::size_t lines(std::string const& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
  }

  /// The one stored record of `type` whose attribute `name` is `value`.
  json record_named(std::string const& type, std::string const& value) {
    std::vector<json> found;
    for (auto& r : records(type)) {
      if (r["attributes"].value("name", std::string()) == value) found.push_back(std::move(r));
    }
    EXPECT_EQ(found.size(), 1u) << type << " named " << value;
    return found.empty() ? json() : found.front();
  }

  /// A download command compared byte for byte with what the emulator serves for
  /// `target` (path?query), and its journaled request with that exact query: the
  /// command sent the same request. `file` is its --out, or empty for stdout.
  /// Exports are zip archives stamped with the emulator's running clock (2-second
  /// DOS resolution), so the stamp is known only when the copies served before and
  /// after the command are the same; when the clock ticked in between, try again.
  void expect_download_as_served(std::vector<std::string> const& args, std::filesystem::path const& file,
                                 std::string const& target) {
    auto const q = target.find('?');
    std::string const path = target.substr(0, q);
    std::string const query = q == std::string::npos ? std::string() : target.substr(q + 1);
    for (int attempt = 0; attempt < 3; ++attempt) {
      Served const before = served(target);
      ASSERT_EQ(before.status, 200) << target << "\n" << before.body;
      std::size_t const mark = emu().journal().size();
      auto const o = flowii(args);
      ASSERT_EQ(o.code, kExitOk) << "exit " << o.code << "\nstderr:\n" << o.err;
      std::vector<JournalEntry> sent;
      for (auto const& e : emu().journal()) sent.push_back(e);
      sent.erase(sent.begin(), sent.begin() + static_cast<std::ptrdiff_t>(mark));
      std::string const got = file.empty() ? o.out : read_file(file);
      Served const after = served(target);
      if (after.body != before.body) continue;  // the clock ticked: the stamp is not known

      auto const get = std::find_if(sent.begin(), sent.end(),
                                    [&](JournalEntry const& e) { return e.method == "GET" && e.path == path; });
      ASSERT_NE(get, sent.end()) << "the command requested " << path;
      EXPECT_EQ(get->query, query) << "the command's query string";
      EXPECT_EQ(get->status, 200);
      EXPECT_EQ(got.size(), before.body.size());
      EXPECT_TRUE(got == before.body) << "the download differs from what the emulator serves for " << target;
      return;
    }
    FAIL() << "the emulator's clock ticked during every attempt";
  }
};

/// The ids of a listing printed with --output json.
std::vector<std::string> ids_of(json const& listed) {
  std::vector<std::string> ids;
  for (auto const& item : listed) ids.push_back(item.at("id").get<std::string>());
  return ids;
}

/// The ids of stored records.
std::vector<std::string> ids_of(std::vector<json> const& stored) {
  std::vector<std::string> ids;
  for (auto const& r : stored) ids.push_back(r.at("id").get<std::string>());
  return ids;
}

/// The ids a stored record links to through `relationship` (one or many).
std::vector<std::string> linked_ids(json const& record, std::string const& relationship) {
  std::vector<std::string> ids;
  auto const& r = record.at("relationships");
  if (!r.contains(relationship)) return ids;
  auto const& linkage = r[relationship];
  if (linkage.is_object() && linkage.contains("id")) ids.push_back(linkage["id"].get<std::string>());
  if (linkage.is_array()) {
    for (auto const& l : linkage) ids.push_back(l.at("id").get<std::string>());
  }
  return ids;
}

TEST_F(CommandsTest, LoginSaysWhoYouAre) {
  auto const o = flowii({"login"});
  ASSERT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(o.out, kLoginCompany1);

  auto const other = flowii({"--company", "2", "login"});
  ASSERT_EQ(other.code, 0) << describe(other);
  EXPECT_EQ(other.out, kLoginCompany2);

  auto const session = json_of({"login"});
  EXPECT_EQ(session["id"], "11142");
  EXPECT_EQ(session["attributes"]["user-name"], "Novák Ján");
  EXPECT_EQ(session["attributes"]["company-id"], "1");
  EXPECT_EQ(session["attributes"]["company-name"], "Demo Firma s.r.o.");
  EXPECT_EQ(session["attributes"]["companies"], 2);
}

TEST_F(CommandsTest, CompaniesListsTheAccessList) {
  // The demo companies, as the emulator holds them (Options, with the demo set filled in).
  auto const& companies = emu().options().companies;
  ASSERT_EQ(companies.size(), 2u);
  auto const listed = json_of({"companies"});
  ASSERT_EQ(listed.size(), companies.size()) << listed.dump();
  for (std::size_t i = 0; i < companies.size(); ++i) {
    EXPECT_EQ(listed[i]["id"], companies[i].id);
    EXPECT_EQ(listed[i]["attributes"]["name"], companies[i].name);
  }
  auto const table = flowii({"companies"});
  ASSERT_EQ(table.code, 0) << describe(table);
  EXPECT_EQ(table.out, "ID  name\n1   Demo Firma s.r.o.\n2   Minta Kft.\n");
}

TEST_F(CommandsTest, ListsInEveryFormat) {
  auto const created = json_of({"partners", "create", "--data", R"({"name": "Dunaj, \"Trade\" s.r.o.", "type": 1})"});
  std::string const created_id = created["id"].get<std::string>();
  auto const stored = records("partner");
  ASSERT_EQ(stored.size(), 26u) << "the 25 demo partners of company 1 and the new one";
  ASSERT_EQ(stored.back()["id"], created_id);
  ASSERT_EQ(stored.front()["attributes"]["name"], "Tatrastav s.r.o.") << "the first demo partner (partners_demo.cpp)";

  auto const listed = json_of({"partners", "list", "--page-size", "50"});
  ASSERT_EQ(listed.size(), stored.size());
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(listed[i]["id"], stored[i]["id"]) << i;
    EXPECT_EQ(listed[i]["attributes"]["name"], stored[i]["attributes"]["name"]) << i;
    EXPECT_EQ(listed[i]["attributes"]["type"], stored[i]["attributes"]["type"]) << i;
  }
  EXPECT_EQ(listed.back()["attributes"]["name"], "Dunaj, \"Trade\" s.r.o.");

  auto const table = flowii({"partners", "list", "--page-size", "50"});
  ASSERT_EQ(table.code, 0) << describe(table);
  EXPECT_EQ(table.out.rfind("ID  ", 0), 0u) << table.out;
  ASSERT_EQ(lines(table.out), stored.size() + 1);
  std::istringstream rows(table.out);
  std::string row;
  std::getline(rows, row);
  std::istringstream header(row);
  EXPECT_EQ(std::vector<std::string>(std::istream_iterator<std::string>(header), {}),
            (std::vector<std::string>{"ID", "name", "ico", "dic"}));
  for (auto const& r : stored) {
    std::getline(rows, row);
    std::string const id = r["id"];
    std::string const name = r["attributes"]["name"];
    EXPECT_EQ(row.rfind(id + " ", 0), 0u) << row;
    EXPECT_NE(row.find("  " + name), std::string::npos) << row;
  }

  // CSV: a header of the listed attributes, then every stored partner (RFC 4180 quoting).
  std::string expected = "id,name,type\r\n";
  for (auto const& r : stored) {
    std::string const id = r["id"];
    std::string const name = r["attributes"]["name"];
    std::string const type = std::to_string(r["attributes"]["type"].get<int>());
    if (id == created_id) {
      expected += id + ",\"Dunaj, \"\"Trade\"\" s.r.o.\"," + type + "\r\n";
    } else {
      ASSERT_EQ(name.find_first_of(",\""), std::string::npos) << "the demo names need no quoting: " << name;
      expected += id + "," + name + "," + type + "\r\n";
    }
  }
  auto const csv = flowii({"partners", "list", "--page-size", "50", "-o", "csv"});
  ASSERT_EQ(csv.code, 0) << describe(csv);
  EXPECT_EQ(csv.out, expected);

  auto const lists = requests("GET", "/partners");
  ASSERT_EQ(lists.size(), 3u);
  for (auto const& e : lists) EXPECT_EQ(e.query, "companyId=1&page[number]=0&page[size]=50");
}

TEST_F(CommandsTest, JsonLinesAreOneResourceObjectPerLine) {
  auto const stored = records("partner");
  auto const o = flowii({"partners", "list", "--all", "--output", "jsonl"});
  ASSERT_EQ(o.code, 0) << describe(o);
  ASSERT_EQ(lines(o.out), stored.size());
  std::istringstream in(o.out);
  std::string line;
  for (auto const& r : stored) {
    std::getline(in, line);
    auto const object = json::parse(line);  // each line a whole JSON document
    EXPECT_EQ(object["type"], "partner");
    EXPECT_EQ(object["id"], r["id"]);
    EXPECT_EQ(object["attributes"]["name"], r["attributes"]["name"]);
  }

  auto const one = flowii({"partners", "get", stored.front()["id"], "--output", "jsonl"});
  ASSERT_EQ(one.code, 0) << describe(one);
  ASSERT_EQ(lines(one.out), 1u) << one.out;
  EXPECT_EQ(json::parse(one.out)["id"], stored.front()["id"]);
}

TEST_F(CommandsTest, AllFetchesEveryPageWithProgress) {
  emu().add_partners("1", 45);
  auto const stored = records("partner");
  ASSERT_EQ(stored.size(), 70u) << "25 demo partners and 45 added";

  auto const o = flowii({"partners", "list", "--all", "--page-size", "20", "--progress", "-o", "json"});
  ASSERT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(ids_of(json::parse(o.out)), ids_of(stored));
  for (char const* n : {"20", "40", "60", "70"}) {
    EXPECT_NE(o.err.find(std::string("fetched ") + n + " partners"), std::string::npos) << o.err;
  }
  // Every page once, in order; the empty page 4 ends the listing (docs/adr/0003-paging.md).
  std::vector<std::string> pages;
  for (auto const& e : requests("GET", "/partners")) pages.push_back(e.query);
  std::vector<std::string> expected;
  for (int n = 0; n <= 4; ++n) expected.push_back("companyId=1&page[number]=" + std::to_string(n) + "&page[size]=20");
  EXPECT_EQ(pages, expected);

  auto const quiet = flowii({"partners", "list", "--all", "--page-size", "20", "-o", "json"});
  EXPECT_EQ(quiet.err, "") << "no progress when stderr is no terminal and --progress is not given";
}

TEST_F(CommandsTest, CreateGetUpdateDelete) {
  auto const created = json_of({"partners", "create", "--data", R"({"name": "Váh Trade s.r.o.", "type": 1})"});
  std::string const id = created["id"];
  ASSERT_FALSE(id.empty());
  auto const posted = requests("POST", "/partners");
  ASSERT_EQ(posted.size(), 1u);
  EXPECT_EQ(posted[0].status, 200);
  auto stored = record("partner", id);
  ASSERT_TRUE(stored.is_object()) << "the emulator stores partner " << id;
  EXPECT_EQ(stored["attributes"]["name"], "Váh Trade s.r.o.");
  EXPECT_EQ(stored["attributes"]["type"], 1);

  EXPECT_EQ(json_of({"partners", "get", id})["attributes"]["name"], "Váh Trade s.r.o.");
  auto const update = flowii({"partners", "update", id, "--data", R"({"name": "Hron Trade s.r.o."})"});
  ASSERT_EQ(update.code, 0) << describe(update);
  auto const patched = requests("PATCH", "/partners/" + id);
  ASSERT_EQ(patched.size(), 1u);
  stored = record("partner", id);
  EXPECT_EQ(stored["attributes"]["name"], "Hron Trade s.r.o.");
  EXPECT_EQ(stored["attributes"]["type"], 1) << "a PATCH of one attribute keeps the others";

  auto const table = flowii({"partners", "get", id});
  EXPECT_NE(table.out.find("Hron Trade s.r.o."), std::string::npos) << table.out;

  auto const removed = flowii({"partners", "delete", id});
  ASSERT_EQ(removed.code, 0) << describe(removed);
  ASSERT_EQ(requests("DELETE", "/partners/" + id).size(), 1u);
  EXPECT_TRUE(record("partner", id).is_null()) << "the emulator no longer holds partner " << id;
  EXPECT_EQ(records("partner").size(), 25u);
}

TEST_F(CommandsTest, CreateReadsDataFromAFile) {
  auto const file = home() / "partner.json";
  std::ofstream(file) << R"({"attributes": {"name": "Súbor s.r.o.", "type": 2}})";
  auto const created = json_of({"partners", "create", "--data", "@" + file.string()});
  auto const stored = record("partner", created["id"]);
  ASSERT_TRUE(stored.is_object()) << created.dump();
  EXPECT_EQ(stored["attributes"]["name"], "Súbor s.r.o.");
  EXPECT_EQ(stored["attributes"]["type"], 2);
}

TEST_F(CommandsTest, FilterNarrowsTheList) {
  auto const expected = record_named("partner", "Kysucké drevo s.r.o.");  // a demo partner of company 1
  auto const found = json_of({"partners", "list", "--filter", "search-text=Kysucké drevo", "--filter",
                              "billing-address-country-id=1", "--page-size", "5"});
  ASSERT_EQ(found.size(), 1u) << found.dump();
  EXPECT_EQ(found[0]["id"], expected["id"]);
  EXPECT_EQ(found[0]["attributes"]["name"], "Kysucké drevo s.r.o.");
  auto const sent = requests("GET", "/partners");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].query,
            "companyId=1&filter[search-text]=Kysuck%C3%A9%20drevo&filter[billing-address-country-id]=1&"
            "page[number]=0&page[size]=5");
}

TEST_F(CommandsTest, CodeListsAndTrees) {
  // tools/emulator/src/modules/account.cpp: countries 1..10 by their Slovak names.
  std::vector<std::string> const countries{"Slovensko", "Česko",    "Maďarsko",  "Poľsko",     "Rakúsko",
                                           "Nemecko",   "Ukrajina", "Slovinsko", "Chorvátsko", "Taliansko"};
  auto const listed = json_of({"countries", "list"});
  ASSERT_EQ(listed.size(), countries.size()) << listed.dump();
  for (std::size_t i = 0; i < countries.size(); ++i) {
    EXPECT_EQ(listed[i]["id"], std::to_string(i + 1));
    EXPECT_EQ(listed[i]["attributes"]["name"], countries[i]);
  }

  // tools/emulator/src/modules/orders_demo.cpp: company 1's order types use the blueprint's ids.
  auto const roots = json_of({"order-types", "list"});
  EXPECT_EQ(ids_of(roots), (std::vector<std::string>{"2948", "2951", "2954"}));
  ASSERT_EQ(roots.size(), 3u);
  EXPECT_EQ(roots[0]["attributes"]["name"], "Výroba");
  EXPECT_EQ(roots[1]["attributes"]["name"], "Služby");
  EXPECT_EQ(roots[2]["attributes"]["name"], "Obchod");
  auto const children = json_of({"order-types", "list", "--parent", "2948"});
  EXPECT_EQ(ids_of(children), (std::vector<std::string>{"2949", "2950"}));
  ASSERT_EQ(children.size(), 2u);
  EXPECT_EQ(children[0]["attributes"]["name"], "Zákazková výroba");
  EXPECT_EQ(children[1]["attributes"]["name"], "Sériová výroba");
}

TEST_F(CommandsTest, DownloadsAPdfToAFileAndToStdout) {
  auto const documents = records("document");
  ASSERT_FALSE(documents.empty()) << "the demo data has documents";
  std::string const id = documents.front()["id"];
  std::string const serial = documents.front()["attributes"]["serial-nr"];
  std::string const target = "/documents/" + id + "/pdf?companyId=1&language=sk";

  auto const file = home() / "invoice.pdf";
  expect_download_as_served({"documents", "pdf", id, "--language", "sk", "--out", file.string()}, file, target);
  expect_download_as_served({"documents", "pdf", id, "--language", "sk", "--out", "-"}, {}, target);

  auto const pdf = read_file(file);
  EXPECT_EQ(pdf.rfind("%PDF-1.4\n", 0), 0u);
  EXPECT_NE(pdf.find(serial), std::string::npos) << "the PDF of document " << id << " names its number " << serial;
}

TEST_F(CommandsTest, DownloadsTheOrdersPohodaExport) {
  auto const file = home() / "orders.zip";
  expect_download_as_served({"orders", "export-pohoda", "--out", file.string()}, file,
                            "/orders/export/pohoda?companyId=1");
  auto const zip = read_file(file);
  EXPECT_EQ(zip.rfind("PK\x03\x04", 0), 0u);
  EXPECT_NE(zip.find("orders-pohoda.xml"), std::string::npos);
  // Stored uncompressed: every demo order's subject is in the archive (orders_demo.cpp).
  for (auto const& order : records("order")) {
    std::string const name = order["attributes"]["name"];
    EXPECT_NE(zip.find("<con:text>" + name + "</con:text>"), std::string::npos) << name;
  }
}

TEST_F(CommandsTest, DownloadsAFilteredPartnersXmlExport) {
  auto const file = home() / "partners.zip";
  expect_download_as_served(
      {"partners", "export-xml", "--filter", "search-text=Tatrastav", "--include-contacts", "--out", file.string()},
      file, "/partners/export/xml?companyId=1&includeContacts=true&filter[search-text]=Tatrastav");
  auto const zip = read_file(file);
  EXPECT_NE(zip.find("Tatrastav s.r.o."), std::string::npos);
  EXPECT_EQ(zip.find("Kysucké drevo s.r.o."), std::string::npos) << "only the partner the filter matches";
}

TEST_F(CommandsTest, DownloadsTheDocumentsPohodaExportToStdout) {
  expect_download_as_served({"documents", "export-pohoda", "--out", "-"}, {}, "/documents/export/pohoda?companyId=1");
}

TEST_F(CommandsTest, DownloadsAStoredFile) {
  // partners_demo.cpp attaches "zmluva.txt" with this text to company 1's first partner.
  auto const file = record_named("file", "zmluva.txt");
  ASSERT_TRUE(file.is_object());
  std::string const id = file["id"];
  auto const o = flowii({"files", "download", id, "--out", "-"});
  ASSERT_EQ(o.code, 0) << describe(o);
  EXPECT_EQ(o.out, "Rámcová zmluva o dodávkach tovaru a služieb.");
  auto const sent = requests("GET", "/files/" + id);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].query, "companyId=1");
}

TEST_F(CommandsTest, AnUnknownCompanySaysHowToChoose) {
  auto const o = flowii({"--company", "999", "partners", "list"});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("flowii companies"), std::string::npos) << "the hint names the command: " << o.err;
  EXPECT_TRUE(requests("GET", "/partners").empty()) << "nothing is listed in a company the user cannot access";
}

TEST_F(CommandsTest, ScopedResourcesNeedTheirParent) {
  auto const o = flowii({"activity-intervals", "list"});
  EXPECT_EQ(o.code, kExitUsage) << describe(o);
  EXPECT_NE(o.err.find("--parent"), std::string::npos) << o.err;
}

// tasks_demo.cpp: company 1's first task keeps the blueprint's ids: task 142733
// with activities 171568 and 171569, and intervals 256911 and 256912 of the first.
constexpr char const* kTask = "142733";
constexpr char const* kActivity = "171568";

/// The stored intervals of the demo task (the records it owns).
std::vector<std::string> interval_ids(std::vector<json> const& intervals) {
  std::vector<std::string> ids;
  for (auto const& i : intervals) {
    if (i.contains("owner") && i["owner"]["id"] == kTask) ids.push_back(i["id"]);
  }
  return ids;
}

TEST_F(CommandsTest, ActivitiesAndTheirTimeUnderATask) {
  auto const task = record("task", kTask);
  ASSERT_TRUE(task.is_object());
  EXPECT_EQ(linked_ids(task, "activities"), (std::vector<std::string>{"171568", "171569"}));
  EXPECT_EQ(ids_of(json_of({"task-activities", "list", "--parent", kTask})), linked_ids(task, "activities"));

  EXPECT_EQ(flowii({"task-activities", "set-state", kActivity, "--state", "16", "--parent", kTask}).code, kExitOk);
  EXPECT_EQ(record("activity", kActivity)["attributes"]["state"], 16) << "16 = done";
  EXPECT_EQ(flowii({"task-activities", "set-state", kActivity, "--state", "done", "--parent", kTask}).code, kExitUsage);

  auto const before = interval_ids(records("activity-interval"));
  EXPECT_NE(std::find(before.begin(), before.end(), "256911"), before.end());
  EXPECT_NE(std::find(before.begin(), before.end(), "256912"), before.end());
  EXPECT_EQ(ids_of(json_of({"activity-intervals", "list", "--parent", kTask})), before);

  std::string const data = R"({"attributes":{"from":"2026-03-03T08:00:00","to":"2026-03-03T09:00:00"},)"
                           R"("relationships":{"activity":{"data":{"type":"activity","id":")" +
                           std::string(kActivity) + R"("}}}})";
  auto const created = json_of({"activity-intervals", "create", "--parent", kTask, "--data", data});
  std::string const id = created["id"].get<std::string>();
  auto stored = record("activity-interval", id);
  ASSERT_TRUE(stored.is_object()) << created.dump();
  EXPECT_EQ(stored["attributes"]["from"], "2026-03-03T08:00:00");
  EXPECT_EQ(stored["attributes"]["to"], "2026-03-03T09:00:00");
  EXPECT_EQ(linked_ids(stored, "activity"), std::vector<std::string>{kActivity});
  EXPECT_EQ(json_of({"activity-intervals", "list", "--parent", kTask}).size(), before.size() + 1);

  EXPECT_EQ(
      flowii({"activity-intervals", "update", id, "--parent", kTask, "--data", R"({"to":"2026-03-03T10:00:00"})"}).code,
      kExitOk);
  stored = record("activity-interval", id);
  EXPECT_EQ(stored["attributes"]["from"], "2026-03-03T08:00:00");
  EXPECT_EQ(stored["attributes"]["to"], "2026-03-03T10:00:00");

  EXPECT_EQ(flowii({"activity-intervals", "delete", id, "--parent", kTask}).code, kExitOk);
  EXPECT_TRUE(record("activity-interval", id).is_null());
  EXPECT_EQ(interval_ids(records("activity-interval")), before);
}

TEST_F(CommandsTest, PostsATaskMessage) {
  auto const before = linked_ids(record("task", kTask), "task-messages");
  auto const o = flowii({"task-messages", "post", "--parent", kTask, "--text", "Hotovo, faktúra odoslaná"});
  ASSERT_EQ(o.code, kExitOk) << describe(o);
  auto const after = linked_ids(record("task", kTask), "task-messages");
  ASSERT_EQ(after.size(), before.size() + 1);
  auto const message = record("task-message", after.back());
  ASSERT_TRUE(message.is_object());
  EXPECT_EQ(message["attributes"]["message"], "Hotovo, faktúra odoslaná");
  EXPECT_EQ(linked_ids(message, "user"), std::vector<std::string>{"11142"}) << "posted as the demo user";
}

TEST_F(CommandsTest, MarksNotificationsReadAndUnread) {
  // notifications_demo.cpp: each login has notifications, the newer half unread.
  std::string id;
  for (auto const& n : records("notification")) {
    if (linked_ids(n, "user") == std::vector<std::string>{"11142"} && !n["attributes"]["is-read"].get<bool>()) {
      id = n["id"];
      break;
    }
  }
  ASSERT_FALSE(id.empty()) << "the demo user has an unread notification";
  auto is_read = [this, &id] { return record("notification", id)["attributes"]["is-read"].get<bool>(); };
  EXPECT_EQ(flowii({"notifications", "mark-read", id}).code, kExitOk);
  EXPECT_TRUE(is_read());
  EXPECT_EQ(flowii({"notifications", "mark-unread", id}).code, kExitOk);
  EXPECT_FALSE(is_read());
  EXPECT_EQ(requests("PATCH", "/notifications/" + id).size(), 2u);
}

TEST_F(CommandsTest, PartnerContacts) {
  // The first demo partner has a key contact; its other contacts follow it.
  auto const partner = record_named("partner", "Tatrastav s.r.o.");
  std::vector<std::string> expected = linked_ids(partner, "key-contact");
  ASSERT_EQ(expected.size(), 1u);
  for (auto const& id : linked_ids(partner, "contacts")) expected.push_back(id);
  auto const listed = json_of({"partner-contacts", "list", "--parent", partner["id"]});
  EXPECT_EQ(ids_of(listed), expected);
  auto const key = record("contact", expected.front());
  ASSERT_FALSE(listed.empty());
  EXPECT_EQ(listed[0]["attributes"]["email"], key["attributes"]["email"]);
  EXPECT_EQ(listed[0]["attributes"]["last-name"], key["attributes"]["last-name"]);
}

}  // namespace
}  // namespace flowii::cli::test
