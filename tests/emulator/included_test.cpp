// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// What `included` holds, in FLOWii's order: a task read brings its activities'
// and messages' users right after them; lists include one level only; task
// sub-lists leave out the task's author.
#include <set>
#include <string>

#include "support.hpp"

namespace emu_test {
namespace {

using Included = EmulatorTest;

std::string key(json const& linkage) {
  return linkage["type"].get<std::string>() + ":" + linkage["id"].get<std::string>();
}

json const& user_of(json const& resource) { return resource["relationships"]["user"]["data"]; }

// The task with activities done by someone other than its author, with a message.
std::string task_with_two_people(Api& api) {
  json doc = {
      {"data",
       {{"type", "task"},
        {"attributes", {{"caption", "Kontrola dodávky"}}},
        {"relationships",
         {{"user", {{"data", {{"type", "user"}, {"id", "11142"}}}}},
          {"activities",
           {{"data", json::array({{{"type", "activity"},
                                   {"attributes", {{"state", 4}}},
                                   {"relationships",
                                    {{"activity-type", {{"data", {{"type", "activity-type"}, {"id", "12243"}}}}},
                                     {"user", {{"data", {{"type", "user"}, {"id", "11143"}}}}}}}},
                                  {{"type", "activity"},
                                   {"attributes", {{"state", 4}}},
                                   {"relationships",
                                    {{"activity-type", {{"data", {{"type", "activity-type"}, {"id", "31739"}}}}},
                                     {"user", {{"data", {{"type", "user"}, {"id", "11142"}}}}}}}}})}}}}}}}};
  auto const created = api.post("/tasks", doc);
  EXPECT_EQ(created.status, 200) << created.body;
  std::string const id = created.doc["data"].value("id", "");
  json message = {{"data", {{"type", "task-message"}, {"attributes", {{"message", "Materiál je na ceste."}}}}}};
  EXPECT_LT(api.post("/tasks/" + id + "/taskmessages", message).status, 300);
  return id;
}

TEST_F(Included, TaskReadBringsActivityAndMessageUsersRightAfterThem) {
  auto const id = task_with_two_people(api());
  auto const read = api().get("/tasks/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  auto const& included = read.doc["included"];

  std::set<std::string> seen = {"task:" + id};
  std::size_t nested = 0;
  for (std::size_t i = 0; i < included.size(); ++i) {
    auto const& item = included[i];
    seen.insert(key(item));
    if (item["type"] != "activity" && item["type"] != "task-message") continue;
    auto const& user = user_of(item);
    ASSERT_TRUE(user.is_object()) << item.dump();
    if (seen.count(key(user)) > 0) continue;
    ASSERT_LT(i + 1, included.size());
    EXPECT_EQ(key(included[i + 1]), key(user)) << "position " << i + 1;
    ++nested;
  }
  EXPECT_EQ(nested, 1u);  // 11143; 11142 (the author, included first) has the second activity and the message
  EXPECT_EQ(read.doc["data"]["relationships"]["task-messages"]["data"].size(), 1u);
}

TEST_F(Included, ListsIncludeOneLevelOnly) {
  task_with_two_people(api());
  auto const list = api().get("/tasks", {{"page[size]", "1000"}});
  ASSERT_EQ(list.status, 200) << list.body;
  std::set<std::string> authors;
  for (auto const& task : list.doc["data"]) {
    if (user_of(task).is_object()) authors.insert(key(user_of(task)));
  }
  for (auto const& item : list.doc["included"]) {
    if (item["type"] == "user") {
      EXPECT_EQ(authors.count(key(item)), 1u) << item.dump();
    }
  }
}

TEST_F(Included, TaskSubListsLeaveOutTheAuthor) {
  auto const all = api().get("/tasks", {{"page[size]", "1000"}});
  ASSERT_EQ(all.status, 200);
  std::set<std::string> owners;
  for (auto const& task : all.doc["data"]) {
    EXPECT_TRUE(task["relationships"].contains("user"));  // the collection shows it
    auto const& partner = task["relationships"]["partner"]["data"];
    if (partner.is_object()) owners.insert(partner["id"].get<std::string>());
  }
  ASSERT_FALSE(owners.empty());
  for (auto const& partner : owners) {
    auto const sub = api().get("/partners/" + partner + "/tasks");
    ASSERT_EQ(sub.status, 200) << sub.body;
    ASSERT_FALSE(sub.doc["data"].empty());
    for (auto const& task : sub.doc["data"]) {
      EXPECT_FALSE(task["relationships"].contains("user")) << task.dump();
      EXPECT_TRUE(task["relationships"].contains("activities"));
    }
    for (auto const& item : sub.doc["included"]) EXPECT_NE(item["type"], "user") << item.dump();
  }
}

}  // namespace
}  // namespace emu_test
