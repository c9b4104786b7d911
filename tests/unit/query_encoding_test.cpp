// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every list query type sends exactly FLOWii's documented filter[...] and page[...] pairs, in order:
// dates as unix seconds, enums and amounts as numbers, id lists comma-joined, switches as true/false.
#include "fake_flowii.hpp"

#include <flowii/flowii.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace flowii {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;
using std::chrono::hours;

/// Gives each filter a value of its kind that no other filter gets (from a running
/// number), so a lost, repeated or reordered filter changes the pairs.
class Values {
 public:
  std::string text() { return "tlač " + std::to_string(++n_); }
  std::string id() { return std::to_string(++n_); }
  std::vector<std::string> ids() {
    auto const first = id();
    return {first, first + "0"};
  }
  UnixTime time() { return UnixTime{kBase + ++n_}; }
  int number() { return ++n_; }

 private:
  static constexpr std::int64_t kBase = 1509458700;  // 2017-10-31T14:05:00Z
  int n_ = 0;
};

// Statement forms of the FLOWII_QUERY filter kinds: calling the query's own setters from
// its own filter list sets every filter it declares, so a filter added to a header
// without its wire pair here fails the test.
#define FLOWII_TEST_SET_TEXT(name, key) q.name(v.text());
#define FLOWII_TEST_SET_ID(name, key) q.name(v.id());
#define FLOWII_TEST_SET_IDS(name, key) q.name(v.ids());
#define FLOWII_TEST_SET_TIME(name, key) q.name(v.time());
#define FLOWII_TEST_SET_NUM(name, key) q.name(v.number());
#define FLOWII_TEST_EVERY_FILTER(Q, FILTERS)                                                                          \
  [] {                                                                                                                \
    Values v;                                                                                                         \
    Q q;                                                                                                              \
    FILTERS(FLOWII_TEST_SET_TEXT, FLOWII_TEST_SET_ID, FLOWII_TEST_SET_IDS, FLOWII_TEST_SET_TIME, FLOWII_TEST_SET_NUM) \
    return ListQuery(q.page(3).page_size(25));                                                                        \
  }()

struct EveryFilterCase {
  char const* query;
  ListQuery built;
  Params filters;  ///< the filter[...] pairs; every case ends with page[number]=3, page[size]=25
};

void PrintTo(EveryFilterCase const& c, std::ostream* os) { *os << c.query; }

class EveryFilter : public ::testing::TestWithParam<EveryFilterCase> {};

TEST_P(EveryFilter, EncodesEachFilterInDeclarationOrderThenThePage) {
  Params expected = GetParam().filters;
  expected.emplace_back("page[number]", "3");
  expected.emplace_back("page[size]", "25");
  EXPECT_EQ(GetParam().built.to_query(), expected);
}

// The pairs are written out in full rather than derived from the headers, so a renamed key fails here.
INSTANTIATE_TEST_SUITE_P(
    AllQueryTypes, EveryFilter,
    ::testing::Values(EveryFilterCase{"PartnerQuery",
                                      FLOWII_TEST_EVERY_FILTER(PartnerQuery, FLOWII_PARTNER_FILTERS),
                                      {{"filter[search-text]", "tlač 1"},
                                       {"filter[created-from]", "1509458702"},
                                       {"filter[created-to]", "1509458703"},
                                       {"filter[edited-from]", "1509458704"},
                                       {"filter[edited-to]", "1509458705"},
                                       {"filter[inactive-from]", "1509458706"},
                                       {"filter[inactive-to]", "1509458707"},
                                       {"filter[active-from]", "1509458708"},
                                       {"filter[active-to]", "1509458709"},
                                       {"filter[business-case-created-from]", "1509458710"},
                                       {"filter[busines-case-created-to]", "1509458711"},  // sic, as in the blueprint
                                       {"filter[order-accepted-from]", "1509458712"},
                                       {"filter[order-accepted-to]", "1509458713"},
                                       {"filter[billing-address-country-id]", "14"},
                                       {"filter[tag-ids]", "15,150"},
                                       {"filter[type-id]", "16"},
                                       {"filter[subtype-id]", "17"},
                                       {"filter[responsible-user-id]", "18"},
                                       {"filter[business-case-state]", "19"},
                                       {"filter[order-state]", "20"}}},
                      EveryFilterCase{"TaskQuery",
                                      FLOWII_TEST_EVERY_FILTER(TaskQuery, FLOWII_TASK_FILTERS),
                                      {{"filter[search-text]", "tlač 1"},
                                       {"filter[created-from]", "1509458702"},
                                       {"filter[created-to]", "1509458703"},
                                       {"filter[edited-from]", "1509458704"},
                                       {"filter[edited-to]", "1509458705"},
                                       {"filter[deadline-from]", "1509458706"},
                                       {"filter[deadline-to]", "1509458707"},
                                       {"filter[activity-deadline-from]", "1509458708"},
                                       {"filter[activity-deadline-to]", "1509458709"},
                                       {"filter[worked-from]", "1509458710"},
                                       {"filter[worked-to]", "1509458711"},
                                       {"filter[completed-from]", "1509458712"},
                                       {"filter[completed-to]", "1509458713"},
                                       {"filter[state]", "14"},
                                       {"filter[activity-type-id]", "15"},
                                       {"filter[category-id]", "16"},
                                       {"filter[subcategory-id]", "17"},
                                       {"filter[created-by-user-id]", "18"},
                                       {"filter[responsible-user-id]", "19"},
                                       {"filter[partner-id]", "20"},
                                       {"filter[partner-country-id]", "21"},
                                       {"filter[business-case-id]", "22"},
                                       {"filter[order-id]", "23"},
                                       {"filter[order-state-id]", "24"}}},
                      EveryFilterCase{"CommunicationQuery",
                                      FLOWII_TEST_EVERY_FILTER(CommunicationQuery, FLOWII_COMMUNICATION_FILTERS),
                                      {{"filter[search-text]", "tlač 1"},
                                       {"filter[created-from]", "1509458702"},
                                       {"filter[created-to]", "1509458703"},
                                       {"filter[scheduled-from]", "1509458704"},
                                       {"filter[scheduled-to]", "1509458705"},
                                       {"filter[state]", "6"},
                                       {"filter[type-id]", "7"},
                                       {"filter[category-id]", "8"},
                                       {"filter[created-by-user-id]", "9"},
                                       {"filter[responsible-user-id]", "10"},
                                       {"filter[partner-id]", "11"},
                                       {"filter[partner-country-id]", "12"},
                                       {"filter[partner-type-id]", "13"},
                                       {"filter[partner-subtype-id]", "14"},
                                       {"filter[business-case-id]", "15"},
                                       {"filter[order-id]", "16"}}},
                      EveryFilterCase{"OrderQuery",
                                      FLOWII_TEST_EVERY_FILTER(OrderQuery, FLOWII_ORDER_FILTERS),
                                      {{"filter[created-from]", "1509458701"},
                                       {"filter[created-to]", "1509458702"},
                                       {"filter[edited-from]", "1509458703"},
                                       {"filter[edited-to]", "1509458704"},
                                       {"filter[accepted-from]", "1509458705"},
                                       {"filter[accepted-to]", "1509458706"},
                                       {"filter[deadline-from]", "1509458707"},
                                       {"filter[deadline-to]", "1509458708"},
                                       {"filter[task-deadline-from]", "1509458709"},
                                       {"filter[task-deadline-to]", "1509458710"},
                                       {"filter[finished-from]", "1509458711"},
                                       {"filter[finished-to]", "1509458712"},
                                       {"filter[anticipated-income-from]", "13"},
                                       {"filter[anticipated-income-to]", "14"},
                                       {"filter[state-id]", "15"},
                                       {"filter[type-id]", "16"},
                                       {"filter[subtype-id]", "17"},
                                       {"filter[company-data-id]", "18"},
                                       {"filter[responsible-user-id]", "19"},
                                       {"filter[partner-id]", "20"},
                                       {"filter[partner-country-id]", "21"},
                                       {"filter[business-case-id]", "22"},
                                       {"filter[search-text]", "tlač 23"}}},
                      EveryFilterCase{"BusinessCaseQuery",
                                      FLOWII_TEST_EVERY_FILTER(BusinessCaseQuery, FLOWII_BUSINESS_CASE_FILTERS),
                                      {{"filter[created-from]", "1509458701"},
                                       {"filter[created-to]", "1509458702"},
                                       {"filter[edited-from]", "1509458703"},
                                       {"filter[edited-to]", "1509458704"},
                                       {"filter[inactive-from]", "1509458705"},
                                       {"filter[inactive-to]", "1509458706"},
                                       {"filter[finished-from]", "1509458707"},
                                       {"filter[finished-to]", "1509458708"},
                                       {"filter[state-id]", "9"},
                                       {"filter[source-id]", "10"},
                                       {"filter[failure-id]", "11"},
                                       {"filter[type-id]", "12"},
                                       {"filter[subtype-id]", "13"},
                                       {"filter[responsible-user-id]", "14"},
                                       {"filter[partner-id]", "15"},
                                       {"filter[partner-country-id]", "16"},
                                       {"filter[partner-type-id]", "17"},
                                       {"filter[partner-subtype-id]", "18"},
                                       {"filter[partner-tag-ids]", "19,190"},
                                       {"filter[order-id]", "20"},
                                       {"filter[search-text]", "tlač 21"}}},
                      EveryFilterCase{"CashFlowQuery",
                                      FLOWII_TEST_EVERY_FILTER(CashFlowQuery, FLOWII_CASH_FLOW_FILTERS),
                                      {{"filter[created-from]", "1509458701"},
                                       {"filter[created-to]", "1509458702"},
                                       {"filter[edited-from]", "1509458703"},
                                       {"filter[edited-to]", "1509458704"},
                                       {"filter[paid-from]", "1509458705"},
                                       {"filter[paid-to]", "1509458706"},
                                       {"filter[amount-from]", "7"},
                                       {"filter[amount-to]", "8"},
                                       {"filter[type]", "9"},
                                       {"filter[income-category-id]", "10"},
                                       {"filter[income-subcategory-id]", "11"},
                                       {"filter[expenditure-category-id]", "12"},
                                       {"filter[expenditure-subcategory-id]", "13"},
                                       {"filter[currency-id]", "14"},
                                       {"filter[company-data-id]", "15"},
                                       {"filter[partner-id]", "16"},
                                       {"filter[partner-country-id]", "17"},
                                       {"filter[partner-responsible-user-id]", "18"},
                                       {"filter[business-case-id]", "19"},
                                       {"filter[order-id]", "20"},
                                       {"filter[invoice-pairing]", "21"}}},
                      EveryFilterCase{"GoodQuery",
                                      FLOWII_TEST_EVERY_FILTER(GoodQuery, FLOWII_GOOD_FILTERS),
                                      {{"filter[created-from]", "1509458701"},
                                       {"filter[created-to]", "1509458702"},
                                       {"filter[edited-from]", "1509458703"},
                                       {"filter[edited-to]", "1509458704"},
                                       {"filter[type]", "5"},
                                       {"filter[currency-id]", "6"},
                                       {"filter[category-id]", "7"},
                                       {"filter[subcategory-id]", "8"},
                                       {"filter[partner-id]", "9"},
                                       {"filter[partner-country-id]", "10"}}},
                      EveryFilterCase{"DocumentExportQuery",
                                      FLOWII_TEST_EVERY_FILTER(DocumentExportQuery, FLOWII_DOCUMENT_EXPORT_FILTERS),
                                      {{"filter[issued-from]", "1509458701"},
                                       {"filter[issued-to]", "1509458702"},
                                       {"filter[edited-from]", "1509458703"},
                                       {"filter[edited-to]", "1509458704"},
                                       {"filter[delivery-from]", "1509458705"},
                                       {"filter[delivery-to]", "1509458706"},
                                       {"filter[due-from]", "1509458707"},
                                       {"filter[due-to]", "1509458708"},
                                       {"filter[paid-from]", "1509458709"},
                                       {"filter[paid-to]", "1509458710"}}}),
    [](::testing::TestParamInfo<EveryFilterCase> const& info) { return std::string(info.param.query); });

#undef FLOWII_TEST_EVERY_FILTER
#undef FLOWII_TEST_SET_NUM
#undef FLOWII_TEST_SET_TIME
#undef FLOWII_TEST_SET_IDS
#undef FLOWII_TEST_SET_ID
#undef FLOWII_TEST_SET_TEXT

// ---- the typed overloads: enums, amounts, zoneless dates ---------------------------

struct SetterCase {
  char const* what;
  ListQuery built;
  Params expected;
};

void PrintTo(SetterCase const& c, std::ostream* os) { *os << c.what; }

class TypedSetter : public ::testing::TestWithParam<SetterCase> {};

TEST_P(TypedSetter, Encodes) { EXPECT_EQ(GetParam().built.to_query(), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Enums, TypedSetter,
    ::testing::Values(
        SetterCase{"TaskState", TaskQuery().state(ActivityState::kDone), {{"filter[state]", "16"}}},
        SetterCase{
            "CommunicationState", CommunicationQuery().state(CommunicationState::kWaiting), {{"filter[state]", "4"}}},
        SetterCase{"GoodType", GoodQuery().good_type(GoodType::kGoods), {{"filter[type]", "0"}}},
        SetterCase{"CashFlowType", CashFlowQuery().cash_flow_type(CashFlowType::kExpense), {{"filter[type]", "2"}}},
        SetterCase{"NegativeInvoicePairing",
                   CashFlowQuery().invoice_pairing(InvoicePairing::kNotPaired),
                   {{"filter[invoice-pairing]", "-2"}}},
        SetterCase{"BusinessCaseState",
                   PartnerQuery().business_case_state(BusinessCaseStateType::kLost),
                   {{"filter[business-case-state]", "4"}}}),
    [](::testing::TestParamInfo<SetterCase> const& info) { return std::string(info.param.what); });

INSTANTIATE_TEST_SUITE_P(
    Amounts, TypedSetter,
    ::testing::Values(SetterCase{"WholeDoubleHasNoDecimals",
                                 OrderQuery().anticipated_income_from(100.0),
                                 {{"filter[anticipated-income-from]", "100"}}},
                      SetterCase{"FractionKeepsShortestText",
                                 CashFlowQuery().amount_from(1234.5).amount_to(-0.1),
                                 {{"filter[amount-from]", "1234.5"}, {"filter[amount-to]", "-0.1"}}},
                      SetterCase{
                          "LargeWholeDouble", CashFlowQuery().amount_to(2500000.0), {{"filter[amount-to]", "2500000"}}},
                      SetterCase{"IntegerBeyond32Bits",
                                 OrderQuery().anticipated_income_to(std::int64_t{5'000'000'000}),
                                 {{"filter[anticipated-income-to]", "5000000000"}}}),
    [](::testing::TestParamInfo<SetterCase> const& info) { return std::string(info.param.what); });

// A zoneless DateTime plus the offset it is meant in becomes unix seconds (2017-10-31T14:05:00Z is 1509458700).
INSTANTIATE_TEST_SUITE_P(
    Dates, TypedSetter,
    ::testing::Values(SetterCase{"DateTimeWithoutOffsetIsUtc",
                                 DocumentExportQuery().issued_to(DateTime{2017, 10, 31, 14, 5, 0}),
                                 {{"filter[issued-to]", "1509458700"}}},
                      SetterCase{"OffsetAheadOfUtc",
                                 TaskQuery().deadline_from(DateTime{2017, 10, 31, 15, 5, 0}, hours(1)),
                                 {{"filter[deadline-from]", "1509458700"}}},
                      SetterCase{"OffsetBehindUtc",
                                 GoodQuery().edited_to(DateTime{2017, 10, 31, 9, 5, 0}, hours(-5)),
                                 {{"filter[edited-to]", "1509458700"}}},
                      SetterCase{"MidnightAcrossNewYear",
                                 BusinessCaseQuery().finished_from(DateTime{2026, 1, 1, 0, 0, 0}, hours(1)),
                                 {{"filter[finished-from]", "1767222000"}}},
                      SetterCase{"BeforeTheEpochIsNegative",
                                 CashFlowQuery().paid_to(DateTime{1969, 12, 31, 23, 59, 59}),
                                 {{"filter[paid-to]", "-1"}}}),
    [](::testing::TestParamInfo<SetterCase> const& info) { return std::string(info.param.what); });

INSTANTIATE_TEST_SUITE_P(
    ListsAndText, TypedSetter,
    ::testing::Values(
        SetterCase{"EmptyIdListIsEmpty", BusinessCaseQuery().partner_tag_ids({}), {{"filter[partner-tag-ids]", ""}}},
        SetterCase{"OneIdHasNoComma", PartnerQuery().tag_ids({"7"}), {{"filter[tag-ids]", "7"}}},
        // Percent-encoding is the URL's job (see the wire test below), not the query's.
        SetterCase{"TextIsKeptAsWritten", OrderQuery().search_text("a&b=c d"), {{"filter[search-text]", "a&b=c d"}}},
        SetterCase{"SettingAgainReplacesInPlace",
                   TaskQuery().created_from(UnixTime{1}).search_text("x").created_from(UnixTime{2}),
                   {{"filter[created-from]", "2"}, {"filter[search-text]", "x"}}},
        SetterCase{"PageZeroIsSent", GoodQuery().page(0), {{"page[number]", "0"}}},
        // Plain parameters come before filters, filters before the page.
        SetterCase{"PlainQueryOrder",
                   Query().page_size(5).filter("x", "1").param("includeContacts", "true").page(2),
                   {{"includeContacts", "true"}, {"filter[x]", "1"}, {"page[number]", "2"}, {"page[size]", "5"}}}),
    [](::testing::TestParamInfo<SetterCase> const& info) { return std::string(info.param.what); });

// ---- on the wire: the export switches and percent-encoding -------------------------

/// The decoded query of the one GET to `path` that `call` makes against a fake FLOWii.
template <typename Call>
test::QueryList sent_query(std::string const& path, Call call) {
  test::FakeFlowii fake;
  fake.on("GET", path, [](HttpRequest const&) { return test::json_response(200, "<export/>"); });
  Client client = fake.client();
  auto exported = call(client);
  EXPECT_TRUE(exported.ok()) << exported.status().to_string();
  auto const sent = fake.requests_to("GET", path);
  return sent.size() == 1 ? test::query_of(sent[0]) : test::QueryList{};
}

TEST(QueryOnTheWire, PartnerXmlExportSendsIncludeContactsBeforeTheFilters) {
  auto query = sent_query("/partners/export/xml", [](Client& c) {
    return c.partners().export_xml(PartnerQuery().type_id("2").search_text("a&b"), true);
  });
  EXPECT_EQ(
      query,
      (test::QueryList{
          {"companyId", "1"}, {"includeContacts", "true"}, {"filter[type-id]", "2"}, {"filter[search-text]", "a&b"}}));
  query = sent_query("/partners/export/xml", [](Client& c) { return c.partners().export_xml(); });
  EXPECT_EQ(query, (test::QueryList{{"companyId", "1"}, {"includeContacts", "false"}}));
}

TEST(QueryOnTheWire, BusinessCaseXmlExportSendsIncludeMessages) {
  auto query = sent_query("/businesscases/export/xml", [](Client& c) {
    return c.business_cases().export_xml(BusinessCaseQuery().partner_tag_ids({"1", "2"}), true);
  });
  EXPECT_EQ(query,
            (test::QueryList{{"companyId", "1"}, {"includeMessages", "true"}, {"filter[partner-tag-ids]", "1,2"}}));
  query = sent_query("/businesscases/export/xml", [](Client& c) { return c.business_cases().export_xml(); });
  EXPECT_EQ(query, (test::QueryList{{"companyId", "1"}, {"includeMessages", "false"}}));
}

TEST(QueryOnTheWire, DocumentExportSendsOnlyItsDateFilters) {
  auto query = sent_query("/documents/export/pohoda", [](Client& c) {
    return c.invoicing().export_pohoda(DocumentExportQuery().due_from(UnixTime{1509458700}).due_to(UnixTime{0}));
  });
  EXPECT_EQ(query, (test::QueryList{{"companyId", "1"}, {"filter[due-from]", "1509458700"}, {"filter[due-to]", "0"}}));
}

TEST(QueryOnTheWire, ValuesArePercentEncodedAndBracketsStayLiteral) {
  test::FakeFlowii fake;
  fake.on("GET", "/orders/export/pohoda", [](HttpRequest const&) { return test::json_response(200, "<export/>"); });
  Client client = fake.client();
  ASSERT_TRUE(client.orders().export_pohoda(OrderQuery().search_text("3D tlač&x=1").anticipated_income_to(0.5)).ok());
  auto const sent = fake.requests_to("GET", "/orders/export/pohoda");
  ASSERT_EQ(sent.size(), 1u);
  auto const& url = sent[0].url;
  EXPECT_EQ(url.substr(url.find('?')),
            "?companyId=1&filter[search-text]=3D%20tla%C4%8D%26x%3D1&filter[anticipated-income-to]=0.5");
}

}  // namespace
}  // namespace flowii
