// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Shared / account calls (permissions, users, countries, notifications,
// summaries, devices, tags, files) against the in-process emulator.
#include "integration/emulator_fixture.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

namespace flowii::test {
namespace {

class AccountTest : public EmulatorTest {};

TEST_F(AccountTest, PermissionsListTheApiModules) {
  auto c = client();
  auto permissions = c.account().permissions();
  ASSERT_TRUE(permissions) << permissions.status().to_string();
  std::set<ModuleId> modules;
  for (auto const& p : *permissions) {
    EXPECT_TRUE(p.check().ok()) << p.check().to_string();
    EXPECT_EQ(p.visible(), true);
    modules.insert(p.modul().value());
  }
  EXPECT_EQ(modules, (std::set<ModuleId>{ModuleId::kTasks, ModuleId::kPartners, ModuleId::kEvents, ModuleId::kOrders,
                                         ModuleId::kBusinessCases}));
}

TEST_F(AccountTest, UsersCountriesAndTags) {
  auto c = client();
  auto users = c.account().users().list();
  ASSERT_TRUE(users) << users.status().to_string();
  ASSERT_GE(users->size(), 2u);
  auto one = c.account().users().get(users->back().id());
  ASSERT_TRUE(one) << one.status().to_string();
  EXPECT_EQ(one->name(), users->back().name());
  auto self = c.account().users().self();
  ASSERT_TRUE(self) << self.status().to_string();
  auto session = c.session();
  ASSERT_TRUE(session);
  EXPECT_EQ(self->id(), session->user_id);
  EXPECT_EQ(self->name(), session->user_name);

  auto countries = c.account().countries();
  ASSERT_TRUE(countries) << countries.status().to_string();
  ASSERT_FALSE(countries->empty());
  EXPECT_EQ(countries->front().id(), "1");
  EXPECT_EQ(countries->front().name(), "Slovensko");

  auto tags = c.partners().tags();
  ASSERT_TRUE(tags && !tags->empty());
  auto tag = c.account().tag(tags->front().id());
  ASSERT_TRUE(tag) << tag.status().to_string();
  EXPECT_EQ(tag->name(), tags->front().name());
  EXPECT_EQ(c.account().tag("999999999").status().code(), ErrorCode::kNotFound);
}

TEST_F(AccountTest, FilesReadDownloadAndDelete) {
  auto c = client();
  auto partners = c.partners().list_page(PartnerQuery().page_size(1));
  ASSERT_TRUE(partners && !partners->items.empty());
  static constexpr char raw[] = "Zmluva č. 7/2026\0\x01\xff";
  std::string const content(raw, sizeof raw - 1);
  auto id = c.partners().upload_attachment(partners->items.front().id(),
                                           FileUpload{"zmluva.txt", content, "text/plain", "podpísaná"});
  ASSERT_TRUE(id) << id.status().to_string();

  auto info = c.account().files().get(*id);
  ASSERT_TRUE(info) << info.status().to_string();
  EXPECT_EQ(info->name(), "zmluva.txt");
  EXPECT_EQ(info->content_type(), "text/plain");
  EXPECT_EQ(info->note(), "podpísaná");
  EXPECT_EQ(info->size(), static_cast<std::int64_t>(content.size()));
  EXPECT_TRUE(info->has("content"));
  EXPECT_TRUE(info->check().ok()) << info->check().to_string();

  auto binary = c.account().files().download(*id);
  ASSERT_TRUE(binary) << binary.status().to_string();
  EXPECT_EQ(binary->bytes, content);
  EXPECT_EQ(binary->content_type, "text/plain");
  EXPECT_EQ(binary->filename, "zmluva.txt");
  std::string const path = ::testing::TempDir() + "flowii-account-file.bin";
  ASSERT_TRUE(binary->write_to(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, content);
  std::remove(path.c_str());

  ASSERT_TRUE(c.account().files().remove(*id).ok());
  EXPECT_EQ(c.account().files().get(*id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(c.account().files().download(*id).status().code(), ErrorCode::kNotFound);
}

TEST_F(AccountTest, NotificationsPageMarkReadAndSummary) {
  auto c = client();
  auto session = c.session();
  ASSERT_TRUE(session);
  auto first = c.account().notifications_page(Query().page_size(5));
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->items.size(), 5u);

  std::vector<Notification> all;
  std::set<NotificationType> types;
  for (auto const& n : c.account().notifications(Query().page_size(5))) {
    ASSERT_TRUE(n) << n.status().to_string();
    EXPECT_TRUE(n->check().ok()) << n->check().to_string();
    EXPECT_EQ(n->user()->id, session->user_id);  // only the caller's own
    types.insert(n->notification_type().value());
    all.push_back(*n);
  }
  ASSERT_EQ(all.size(), 16u);
  EXPECT_EQ(types.size(), 16u);  // one of every documented type
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_FALSE(*all[i - 1].created() < *all[i].created());  // newest first

  auto summary = c.account().notifications_summary();
  ASSERT_TRUE(summary) << summary.status().to_string();
  EXPECT_EQ(summary->id(), session->user_id);
  std::int64_t unread = 0;
  std::string unread_id;
  for (auto const& n : all) {
    if (!n.is_read().value()) {
      ++unread;
      unread_id = n.id();
    }
  }
  EXPECT_EQ(summary->unread_count(), unread);
  ASSERT_FALSE(unread_id.empty());

  ASSERT_TRUE(c.account().mark_read(unread_id).ok());
  EXPECT_EQ(c.account().notifications_summary()->unread_count(), unread - 1);
  ASSERT_TRUE(c.account().mark_read(unread_id, false).ok());
  EXPECT_EQ(c.account().notifications_summary()->unread_count(), unread);

  // PATCH changes is-read only.
  auto rewrite =
      c.raw().send("PATCH", "/notifications/" + unread_id, {},
                   R"({"data":{"type":"notification","id":")" + unread_id + R"(","attributes":{"message":"x"}}})");
  ASSERT_FALSE(rewrite);
  EXPECT_EQ(rewrite.status().http_status(), 422);
  EXPECT_EQ(c.account().mark_read("999999999").code(), ErrorCode::kNotFound);
}

TEST_F(AccountTest, OtherUsersNotificationsStayPrivate) {
  // Company 2 has two logins: each sees only their own notifications.
  auto mine = client("2");
  auto first = mine.account().notifications_page(Query().page_size(100));
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->items.size(), 16u);
  auto o = options("2");
  o.credentials = Credentials{emu().options().api_key, "solo@flowii.example", "solo-password"};
  Client solo(o);
  auto theirs = solo.account().notifications_page(Query().page_size(100));
  ASSERT_TRUE(theirs) << theirs.status().to_string();
  ASSERT_EQ(theirs->items.size(), 16u);
  std::set<std::string> ids;
  for (auto const& n : first->items) ids.insert(n.id());
  for (auto const& n : theirs->items) EXPECT_EQ(ids.count(n.id()), 0u);
  EXPECT_EQ(mine.account().mark_read(theirs->items.front().id()).code(), ErrorCode::kNotFound);
}

TEST_F(AccountTest, HomeSummaryCountsTheCompanysRecords) {
  auto c = client();
  auto home = c.account().home_summary();
  ASSERT_TRUE(home) << home.status().to_string();
  EXPECT_TRUE(home->check().ok()) << home->check().to_string();
  EXPECT_EQ(home->id(), c.session()->user_id);
  std::size_t partners = 0;
  for (auto const& p : c.partners().list(PartnerQuery().page_size(100))) {
    ASSERT_TRUE(p);
    ++partners;
  }
  EXPECT_EQ(home->partners_count(), static_cast<std::int64_t>(partners));
  auto created = c.partners().create(Partner().set_name("Nový Partner s.r.o.").set_partner_type(PartnerType::kCompany));
  ASSERT_TRUE(created);
  auto again = c.account().home_summary();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->partners_count(), home->partners_count().value() + 1);
  EXPECT_EQ(again->partners_recently_added_count(), home->partners_recently_added_count().value() + 1);
  EXPECT_TRUE(again->tasks_count().has_value());
  EXPECT_TRUE(again->orders_income_amount().has_value());
}

TEST_F(AccountTest, RegisterDevice) {
  auto c = client();
  ASSERT_TRUE(c.account().register_device("fcm_device_id_token_123", PlatformType::kAndroid).ok());
  ASSERT_TRUE(c.account().register_device("fcm_device_id_token_123", PlatformType::kAndroid).ok());  // again: replaced
  EXPECT_EQ(emu().count("POST", "/devices"), 2u);
  auto bad = c.account().register_device("", static_cast<PlatformType>(9));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.http_status(), 422);
  EXPECT_EQ(bad.errors()[0].source_pointer, "/data/attributes/platform-type");
}

}  // namespace
}  // namespace flowii::test
