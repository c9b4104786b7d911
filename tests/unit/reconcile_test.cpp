// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Reconciliation of a create whose answer was lost (docs/adr/0010): the exact
// created-from look-up, one match = success, none = sent again, several = still
// kOutcomeUnknown naming them, and the resources that cannot be reconciled.
#include "core/reconcile.hpp"
#include "fake_flowii.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace flowii {
namespace {

using test::json;
using ::testing::HasSubstr;

Result<HttpResponse> lost() { return make_transport_error(TransportFailure::kReceive, ErrorCode::kNetwork, "cut"); }
Result<HttpResponse> page_of(json items) { return test::ok_json(std::move(items)); }
json acme(std::string const& id, std::string const& name = "ACME s.r.o.") {
  return test::resource("partner", id, {{"name", name}, {"type", 1}});
}

class ReconcileTest : public ::testing::Test {
 protected:
  ReconcileTest() {
    options_.wall_clock = [] { return std::chrono::system_clock::time_point(std::chrono::seconds(1796083200)); };
    options_.reconcile.skew_margin = std::chrono::seconds(600);
  }
  Result<Partner> create() {
    Client c(options_);
    return c.partners().create(Partner().set_name("ACME s.r.o.").set_partner_type(PartnerType::kCompany));
  }
  std::vector<HttpRequest> lists() const {
    std::vector<HttpRequest> out;
    for (auto const& r : fake_.requests()) {
      if (r.method == "GET" && r.url.find("/partners?") != std::string::npos) out.push_back(r);
    }
    return out;
  }

  test::FakeFlowii fake_;
  ClientOptions options_ = fake_.options();
};

TEST_F(ReconcileTest, OneMatchIsTheRecordTheCallMade) {
  fake_.on("POST", "/partners", test::in_turn({lost()}));
  fake_.on("GET", "/partners", test::in_turn({page_of(json::array({acme("41", "Other s.r.o."), acme("42")}))}));
  auto r = create();
  ASSERT_TRUE(r) << r.status().to_string();
  EXPECT_EQ(r->id(), "42");
  EXPECT_EQ(fake_.count("POST", "/partners"), 1u);  // not sent again
  auto const looked = lists();
  ASSERT_EQ(looked.size(), 1u);
  // From the attempt's time less the skew margin, 100 a page, from page 0.
  EXPECT_EQ(test::query_param(looked[0], "filter[created-from]"), std::to_string(1796083200 - 600));
  EXPECT_EQ(test::query_param(looked[0], "page[size]"), "100");
  EXPECT_EQ(test::query_param(looked[0], "page[number]"), "0");
  // It waited `settle` first, so that a create still in flight had landed.
  EXPECT_EQ(fake_.sleeps.waits(), (std::vector<std::chrono::milliseconds>{options_.reconcile.settle}));
}

TEST_F(ReconcileTest, NoMatchMeansNotCreatedSoItIsSentAgain) {
  fake_.on("POST", "/partners", test::in_turn({lost(), test::ok_json(test::resource("partner", "43"))}));
  fake_.on("GET", "/partners", test::in_turn({page_of(json::array({acme("41", "Other s.r.o.")}))}));
  auto r = create();
  ASSERT_TRUE(r) << r.status().to_string();
  EXPECT_EQ(r->id(), "43");
  EXPECT_EQ(fake_.count("POST", "/partners"), 2u);
}

TEST_F(ReconcileTest, SeveralMatchesStayUnknownAndNameThem) {
  fake_.on("POST", "/partners", test::in_turn({lost()}));
  fake_.on("GET", "/partners", test::in_turn({page_of(json::array({acme("42"), acme("44")}))}));
  auto r = create();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().code(), ErrorCode::kOutcomeUnknown);
  EXPECT_THAT(r.status().message(), HasSubstr("42, 44"));
  EXPECT_EQ(fake_.count("POST", "/partners"), 1u);
}

TEST_F(ReconcileTest, NeverSentMoreOftenThanTheAttemptsAllow) {
  options_.retry.max_attempts = 2;
  fake_.on("POST", "/partners", test::in_turn({lost(), lost()}));
  fake_.on("GET", "/partners", test::in_turn({page_of(json::array()), page_of(json::array())}));
  auto r = create();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().code(), ErrorCode::kOutcomeUnknown);
  EXPECT_THAT(r.status().message(), HasSubstr("sending it again is safe"));
  EXPECT_EQ(fake_.count("POST", "/partners"), 2u);
}

TEST_F(ReconcileTest, AFailedLookUpLeavesTheOutcomeUnknown) {
  fake_.on("POST", "/partners", test::in_turn({lost()}));
  fake_.on("GET", "/partners", test::in_turn({test::api_error(403, "Forbidden", "no access to partners")}));
  auto r = create();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().code(), ErrorCode::kOutcomeUnknown);
  EXPECT_THAT(r.status().message(), HasSubstr("Looking for the record did not work either"));
  EXPECT_EQ(fake_.count("POST", "/partners"), 1u);
}

TEST_F(ReconcileTest, OffLeavesItToTheCaller) {
  options_.reconcile.enabled = false;
  fake_.on("POST", "/partners", test::in_turn({lost()}));
  auto r = create();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().code(), ErrorCode::kOutcomeUnknown);
  EXPECT_THAT(r.status().message(), HasSubstr("may have taken effect"));
  EXPECT_TRUE(lists().empty());
}

TEST_F(ReconcileTest, ADocumentCannotBeReconciled) {
  fake_.on("POST", "/documents", test::in_turn({lost()}));
  Client c(options_);
  auto r = c.invoicing().create(Document().set_document_type(DocumentType::kInvoice));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().code(), ErrorCode::kOutcomeUnknown);
  EXPECT_EQ(fake_.count("GET", "/documents"), 0u);
  EXPECT_EQ(fake_.count("POST", "/documents"), 1u);
}

TEST_F(ReconcileTest, AnEarlierCreatedDateWidensTheLookUp) {
  fake_.on("POST", "/orders", test::in_turn({lost()}));
  fake_.on("GET", "/orders",
           test::in_turn({page_of(
               json::array({test::resource("order", "9", {{"name", "Z"}, {"created", "2026-11-02T09:30:00"}})}))}));
  Client c(options_);
  auto r = c.orders().create(Order().set_name("Z").set_created(DateTime{2026, 11, 2, 9, 30, 0}));
  ASSERT_TRUE(r) << r.status().to_string();
  EXPECT_EQ(r->id(), "9");
  HttpRequest looked;
  for (auto const& q : fake_.requests()) {
    if (q.method == "GET" && q.url.find("/orders?") != std::string::npos) looked = q;
  }
  EXPECT_EQ(test::query_param(looked, "filter[created-from]"), std::to_string(1793611800 - 600));  // 2026-11-02T09:30
}

TEST(MatchesSent, EverySentAttributeAndLinkMustAgree) {
  Resource sent("order");
  sent.set("name", std::string("Z")).set("anticipated-income-amount", 12).set("deadline", std::string("2026-12-01"));
  auto const with_partner = [](Resource r) {
    auto object = json::parse(r.to_json());
    object["relationships"]["partner"]["data"] = {{"type", "partner"}, {"id", "100031"}};
    return Resource::from_json(object.dump()).value();
  };
  sent = with_partner(sent);
  auto listed = [](json attributes, std::string const& partner) {
    auto object = test::resource("order", "1", std::move(attributes));
    object["relationships"]["partner"]["data"] = {{"type", "partner"}, {"id", partner}};
    return Resource::from_json(object.dump()).value();
  };
  // A plain date reads back as its midnight; 12 as 12.0; attributes FLOWii does not list are skipped.
  json const same = {{"name", "Z"}, {"anticipated-income-amount", 12.0}, {"deadline", "2026-12-01T00:00:00"}};
  EXPECT_TRUE(detail::matches_sent(sent, listed(same, "100031")));
  EXPECT_FALSE(detail::matches_sent(sent, listed(same, "100032")));
  json other_name = same;
  other_name["name"] = "Y";
  EXPECT_FALSE(detail::matches_sent(sent, listed(other_name, "100031")));
  // The link alone still compares; a record that shows nothing sent cannot match.
  EXPECT_TRUE(detail::matches_sent(sent, listed(json::object(), "100031")));
  EXPECT_FALSE(detail::matches_sent(sent, Resource::from_json(R"({"type":"order","id":"2"})").value()));
}

}  // namespace
}  // namespace flowii
