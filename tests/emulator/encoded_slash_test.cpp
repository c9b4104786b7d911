// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Proves that the emulator treats an encoded '/' (%2F) inside a path segment as
// part of the id, never as a separator: /partners/{id}%2Fcontacts is a 404 "There
// is no resource at ...", not the partner's contacts; other escapes still decode.
#include <string>

#include "support.hpp"

namespace emu_test {
namespace {

using EncodedSlash = EmulatorTest;

// A demo partner that has contacts, so that the sub-list an encoded slash must not
// reach really exists.
std::string partner_with_contacts(Api& api) {
  for (auto const& id : api.ids("/partners")) {
    auto const contacts = api.get("/partners/" + id + "/contacts");
    if (contacts.status == 200 && contacts.doc["data"].is_array() && !contacts.doc["data"].empty()) return id;
  }
  return {};
}

void expect_no_resource(Reply const& reply, std::string const& path) {
  EXPECT_EQ(reply.status, 404) << reply.body;
  ASSERT_TRUE(reply.doc.contains("errors")) << reply.body;
  EXPECT_EQ(reply.error()["detail"], "There is no resource at " + path + ".") << reply.body;
}

TEST_F(EncodedSlash, TheIdFromTheBugReportIsNoResource) {
  std::string const path = "/partners/100031%2Fcontacts";
  expect_no_resource(api().get(path), path);
}

TEST_F(EncodedSlash, EncodedSlashNeverReachesTheSubList) {
  auto const id = partner_with_contacts(api());
  ASSERT_FALSE(id.empty()) << "the demo data has no partner with contacts";
  ASSERT_EQ(api().get("/partners/" + id + "/contacts").status, 200);

  for (std::string const slash : {"%2F", "%2f"}) {
    std::string const path = "/partners/" + id + slash + "contacts";
    expect_no_resource(api().get(path), path);
    // A write to such a path must not reach the partner either.
    expect_no_resource(api().del(path), path);
  }
  EXPECT_EQ(api().get("/partners/" + id).status, 200) << "the partner was deleted through an encoded slash";
}

TEST_F(EncodedSlash, OtherEscapesInASegmentStillDecode) {
  auto const id = partner_with_contacts(api());
  ASSERT_FALSE(id.empty());
  std::string encoded;
  for (char c : id) encoded += "%3" + std::string(1, c);  // '0'..'9' are %30..%39
  auto const reply = api().get("/partners/" + encoded);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.doc["data"]["id"], id);
}

TEST_F(EncodedSlash, ABadEscapeIsNoResource) {
  std::string const path = "/partners/1%zz";
  expect_no_resource(api().get(path), path);
}

}  // namespace
}  // namespace emu_test
