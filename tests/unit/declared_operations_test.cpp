// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// A module declared the way a FLOWii module header declares one, with every shape
// of FLOWII_OPERATION_METHODS once: the expansions compile, send what the shape
// promises, and the mock expansion mocks each one. The real modules' operations
// are checked by the blueprint coverage and the mocks test; this one keeps the
// shapes honest even when no real module uses one of them yet.
#include <flowii/testing/mocks.hpp>

#include "core/core.hpp"
#include "fake_flowii.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

// One line per operation, as in include/flowii/partners.hpp.
#define FLOWII_TEST_WIDGETS_OPERATIONS(SUB_LIST, CODE_LIST, DOWNLOAD)                            \
  SUB_LIST(flowii::Contact, contacts, "contacts", "widget-contacts", "A widget's contacts",      \
           ("first-name", "last-name"))                                                          \
  CODE_LIST(flowii::Tag, tags, "/widgets/tags", "widget-tags", "Tags used on widgets", ("name")) \
  DOWNLOAD(manual, "manual", "widget-manual", "A widget's manual")

namespace flowii::test {
namespace {

using ::testing::_;
using ::testing::Return;

class WidgetsApi : public virtual Endpoint {
 public:
  explicit WidgetsApi(ClientOptions options)
      : Endpoint(std::make_shared<detail::Core>(std::move(options)), "/widgets") {}
  FLOWII_OPERATION_METHODS(FLOWII_TEST_WIDGETS_OPERATIONS)

 protected:
  WidgetsApi() = default;  // a mock's base, bound to no client
};

class MockWidgetsApi : public WidgetsApi {
 public:
  FLOWII_OPERATION_MOCKS(FLOWII_TEST_WIDGETS_OPERATIONS)
};

class DeclaredOperationsTest : public ::testing::Test {
 protected:
  FakeFlowii fake;
};

TEST_F(DeclaredOperationsTest, SubListGetsThePagedListUnderTheRecord) {
  std::string seen;
  fake.on("GET", "/widgets/4/contacts", [&](HttpRequest const& request) {
    seen = request.url;
    return ok_json(json::array({resource("contact", "9", {{"first-name", "Jana"}})}));
  });
  WidgetsApi widgets(fake.options());
  auto page = widgets.contacts("4", Query().page(2));
  ASSERT_TRUE(page) << page.status().to_string();
  ASSERT_EQ(page->items.size(), 1U);
  EXPECT_EQ(page->items.front().first_name().value_or(""), "Jana");
  EXPECT_NE(seen.find("page[number]=2"), std::string::npos) << seen;
}

TEST_F(DeclaredOperationsTest, CodeListGetsTheWholeListAtItsPathAndChecksTheType) {
  std::string type = "tag";
  fake.on("GET", "/widgets/tags", [&](HttpRequest const&) {
    return ok_json(json::array({resource(type, "1", {{"name", "VIP"}}), resource(type, "2", {{"name", "B2B"}})}));
  });
  WidgetsApi widgets(fake.options());
  auto tags = widgets.tags();
  ASSERT_TRUE(tags) << tags.status().to_string();
  ASSERT_EQ(tags->size(), 2U);
  EXPECT_EQ((*tags)[1].name().value_or(""), "B2B");

  type = "user";  // another type than the declaration's model: never a wrong Tag
  auto wrong = widgets.tags();
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.status().code(), ErrorCode::kInvalidResponse);
}

TEST_F(DeclaredOperationsTest, DownloadGetsTheRecordsFile) {
  fake.on("GET", "/widgets/4/manual", [](HttpRequest const&) {
    HttpResponse r;
    r.status = 200;
    r.headers = {{"Content-Type", "application/pdf"}};
    r.body = "%PDF-1.4";
    return r;
  });
  auto manual = WidgetsApi(fake.options()).manual("4");
  ASSERT_TRUE(manual) << manual.status().to_string();
  EXPECT_EQ(manual->bytes, "%PDF-1.4");
  EXPECT_EQ(manual->content_type, "application/pdf");
}

TEST_F(DeclaredOperationsTest, TheMockExpansionMocksEveryShape) {
  MockWidgetsApi mock;
  WidgetsApi& widgets = mock;  // user code calls through the module, with its default arguments
  EXPECT_CALL(mock, contacts("4", _, _)).WillOnce(Return(Page<Contact>{}));
  EXPECT_CALL(mock, tags(_)).WillOnce(Return(std::vector<Tag>(3)));
  EXPECT_CALL(mock, manual("4", _)).WillOnce(Return(Status(ErrorCode::kNotFound, "no manual")));
  EXPECT_TRUE(widgets.contacts("4"));
  EXPECT_EQ(widgets.tags()->size(), 3U);
  EXPECT_EQ(widgets.manual("4").status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace flowii::test
