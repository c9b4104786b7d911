// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every virtual method of every module is mocked: each is called through the
// module's (or block's) base reference and must reach the mock. A method the
// mock misses would run the base implementation instead, which answers the
// unbound core's error. The declared operations (FLOWII_<MODULE>_OPERATIONS) are
// checked from the same lists that declare and mock them; the other methods are
// listed here, and tests/testing/declarations_test.cpp fails when one is missing.
#include <flowii/testing/mocks.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <type_traits>

namespace flowii::testing {
namespace {

using ::testing::_;
using ::testing::Return;

// The answer every mocked method gives here; the base implementations never do.
Status mocked() { return Status(ErrorCode::kUnknown, "mocked"); }

template <typename T>
Status status_of(Result<T> const& r) {
  return r.status();
}
Status status_of(Status const& s) { return s; }

/// Expects `call`, made through a base reference, to reach `expectation` of `mock`.
#define EXPECT_MOCKED(mock, expectation, call)               \
  EXPECT_CALL(mock, expectation).WillOnce(Return(mocked())); \
  EXPECT_EQ(status_of(call).message(), "mocked") << #call

// Every declared operation of a module, called through `api`, reaches `mock`.
#define CHECK_SUB_LIST(T, method, segment, cli, help, columns) EXPECT_MOCKED(mock, method(_, _, _), api.method("1"));
#define CHECK_CODE_LIST(T, method, path, cli, help, columns) EXPECT_MOCKED(mock, method(_), api.method());
#define CHECK_DOWNLOAD(method, segment, cli, help) EXPECT_MOCKED(mock, method(_, _), api.method("1"));
#define EXPECT_OPERATIONS_MOCKED(OPERATIONS) OPERATIONS(CHECK_SUB_LIST, CHECK_CODE_LIST, CHECK_DOWNLOAD)

static_assert(std::is_base_of_v<PartnersApi, MockPartnersApi>);
static_assert(std::is_base_of_v<TasksApi, MockTasksApi>);
static_assert(std::is_base_of_v<CommunicationsApi, MockCommunicationsApi>);
static_assert(std::is_base_of_v<BusinessCasesApi, MockBusinessCasesApi>);
static_assert(std::is_base_of_v<OrdersApi, MockOrdersApi>);
static_assert(std::is_base_of_v<GoodsApi, MockGoodsApi>);
static_assert(std::is_base_of_v<InvoicingApi, MockInvoicingApi>);
static_assert(std::is_base_of_v<FinanceApi, MockFinanceApi>);
static_assert(std::is_base_of_v<AttendanceApi, MockAttendanceApi>);
static_assert(std::is_base_of_v<AccountApi, MockAccountApi>);
static_assert(std::is_base_of_v<RawApi, MockRawApi>);

// ---- the shared blocks, checked on whichever mock has them ---------------------

template <typename M, typename T, typename Q>
void check_read(M& mock, ReadApi<T, Q>& api) {
  EXPECT_MOCKED(mock, list_page(_, _), api.list_page());
  EXPECT_MOCKED(mock, get(_, _), api.get("1"));
  // list() is not virtual: it pages through the mocked list_page().
  auto pager = api.list();
  EXPECT_MOCKED(mock, list_page(_, _), *pager.begin());
}

template <typename M, typename T, typename Q>
void check_crud(M& mock, CrudApi<T, Q>& api) {
  check_read(mock, static_cast<ReadApi<T, Q>&>(api));
  EXPECT_MOCKED(mock, create(_, _), api.create(T()));
  EXPECT_MOCKED(mock, update(_, _), api.update(T()));
  EXPECT_MOCKED(mock, remove(_, _), api.remove("1"));
}

template <typename M, typename T>
void check_code_list(M& mock, CodeListApi<T>& api) {
  EXPECT_MOCKED(mock, list(_), api.list());
  EXPECT_MOCKED(mock, get(_, _), api.get("1"));
}

template <typename M, typename T>
void check_tree(M& mock, TreeCodeListApi<T>& api) {
  check_code_list(mock, static_cast<CodeListApi<T>&>(api));
  EXPECT_MOCKED(mock, children(_, _), api.children("1"));
}

template <typename M>
void check_attachments(M& mock, AttachmentsApi& api) {
  EXPECT_MOCKED(mock, upload_attachment(_, _, _), api.upload_attachment("1", FileUpload{}));
  EXPECT_MOCKED(mock, attachments(_, _, _), api.attachments("1"));
}

template <typename M>
void check_work_items(M& mock, WorkItemsApi& api) {
  EXPECT_MOCKED(mock, tasks(_, _, _), api.tasks("1"));
  EXPECT_MOCKED(mock, communications(_, _, _), api.communications("1"));
  EXPECT_MOCKED(mock, mails(_, _, _), api.mails("1"));
}

/// The blocks of the modules whose records own attachments and work items.
template <typename M, typename Api>
void check_record_blocks(M& mock, Api& api) {
  check_crud(mock, api);
  check_attachments(mock, api);
  check_work_items(mock, api);
}

TEST(Mocks, SharedBlocksStandAlone) {
  MockCrudApi<Partner, PartnerQuery> crud;
  check_crud(crud, crud);
  MockReadApi<Good, GoodQuery> read;
  check_read(read, read);
  MockTreeCodeListApi<OrderType> tree;
  check_tree(tree, tree);
  MockAttachmentsApi attachments;
  check_attachments(attachments, attachments);
  MockWorkItemsApi work_items;
  check_work_items(work_items, work_items);
}

TEST(Mocks, Partners) {
  MockPartnersApi mock;
  PartnersApi& api = mock;
  check_record_blocks(mock, api);
  EXPECT_EQ(&api.types(), &mock.mock_types);
  check_tree(mock.mock_types, api.types());
  EXPECT_OPERATIONS_MOCKED(FLOWII_PARTNERS_OPERATIONS);
  EXPECT_MOCKED(mock, export_xml(_, _, _), api.export_xml());
  EXPECT_MOCKED(mock, export_pohoda(_, _), api.export_pohoda());
}

TEST(Mocks, TasksAndCommunications) {
  MockTasksApi mock;
  TasksApi& api = mock;
  check_crud(mock, api);
  check_attachments(mock, api);
  EXPECT_OPERATIONS_MOCKED(FLOWII_TASKS_OPERATIONS);
  EXPECT_MOCKED(mock, set_activity_state(_, _, _, _), api.set_activity_state("1", "2", ActivityState{}));
  EXPECT_MOCKED(mock, activity_intervals_of(_, _, _, _), api.activity_intervals_of("1", "2"));
  EXPECT_MOCKED(mock, create_activity_interval(_, _, _), api.create_activity_interval("1", ActivityInterval()));
  EXPECT_MOCKED(mock, update_activity_interval(_, _, _), api.update_activity_interval("1", ActivityInterval()));
  EXPECT_MOCKED(mock, remove_activity_interval(_, _, _), api.remove_activity_interval("1", "2"));
  EXPECT_MOCKED(mock, post_message(_, _, _), api.post_message("1", "hi"));
  check_tree(mock.mock_categories, api.categories());
  check_code_list(mock.mock_activity_types, api.activity_types());

  CommunicationsApi& events = api.communications();
  EXPECT_EQ(&events, &mock.mock_communications);
  check_crud(mock.mock_communications, events);
  check_attachments(mock.mock_communications, events);
  check_code_list(mock.mock_communications.mock_categories, events.categories());
  check_code_list(mock.mock_communications.mock_types, events.types());
}

TEST(Mocks, BusinessCases) {
  MockBusinessCasesApi mock;
  BusinessCasesApi& api = mock;
  check_record_blocks(mock, api);
  EXPECT_OPERATIONS_MOCKED(FLOWII_BUSINESS_CASES_OPERATIONS);
  EXPECT_MOCKED(mock, export_xml(_, _, _), api.export_xml());
  check_code_list(mock.mock_states, api.states());
  check_code_list(mock.mock_sources, api.sources());
  check_code_list(mock.mock_failures, api.failures());
}

TEST(Mocks, Orders) {
  MockOrdersApi mock;
  OrdersApi& api = mock;
  check_record_blocks(mock, api);
  EXPECT_OPERATIONS_MOCKED(FLOWII_ORDERS_OPERATIONS);
  EXPECT_MOCKED(mock, export_pohoda(_, _), api.export_pohoda());
  check_code_list(mock.mock_states, api.states());
  check_tree(mock.mock_types, api.types());
}

TEST(Mocks, Goods) {
  MockGoodsApi mock;
  GoodsApi& api = mock;
  check_read(mock, api);
  check_tree(mock.mock_categories, api.categories());
  check_code_list(mock.mock_units, api.units());
}

TEST(Mocks, Invoicing) {
  MockInvoicingApi mock;
  InvoicingApi& api = mock;
  EXPECT_MOCKED(mock, create(_, _), api.create(Document()));
  EXPECT_MOCKED(mock, pdf(_, _, _), api.pdf("1"));
  EXPECT_MOCKED(mock, export_pohoda(_, _), api.export_pohoda());
  EXPECT_MOCKED(mock, numbering_sequences(_, _, _), api.numbering_sequences(DocumentType{}, "1"));

  DocumentCategoriesApi& categories = api.categories();
  EXPECT_MOCKED(mock.mock_categories, list(_, _), categories.list(DocumentType{}));
  EXPECT_MOCKED(mock.mock_categories, get(_, _), categories.get("1"));
  EXPECT_MOCKED(mock.mock_categories, children(_, _), categories.children("1"));

  check_code_list(mock.mock_company_data, api.company_data());
  check_code_list(mock.mock_bank_accounts, api.bank_accounts());
  check_code_list(mock.mock_payment_methods, api.payment_methods());
  check_code_list(mock.mock_delivery_types, api.delivery_types());
}

TEST(Mocks, Finance) {
  MockFinanceApi mock;
  FinanceApi& api = mock;
  check_crud(mock, api);
  EXPECT_MOCKED(mock, post_transaction(_, _), api.post_transaction(CashFlowTransaction()));
}

TEST(Mocks, Attendance) {
  MockAttendanceApi mock;
  AttendanceApi& api = mock;
  EXPECT_MOCKED(mock, record_event(_, _), api.record_event(AttendanceEvent()));
  EXPECT_MOCKED(mock, plan_absence(_, _), api.plan_absence(PlannedAbsence()));
  EXPECT_MOCKED(mock, summary(_), api.summary());
}

TEST(Mocks, Account) {
  MockAccountApi mock;
  AccountApi& api = mock;
  EXPECT_OPERATIONS_MOCKED(FLOWII_ACCOUNT_OPERATIONS);
  EXPECT_MOCKED(mock, notifications_page(_, _), api.notifications_page());
  auto notifications = api.notifications();  // not virtual: pages through notifications_page()
  EXPECT_MOCKED(mock, notifications_page(_, _), *notifications.begin());
  EXPECT_MOCKED(mock, mark_read(_, _, _), api.mark_read("1"));
  EXPECT_MOCKED(mock, home_summary(_), api.home_summary());
  EXPECT_MOCKED(mock, notifications_summary(_), api.notifications_summary());
  EXPECT_MOCKED(mock, register_device(_, _, _), api.register_device("token", PlatformType{}));
  EXPECT_MOCKED(mock, tag(_, _), api.tag("1"));

  UsersApi& users = api.users();
  check_code_list(mock.mock_users, users);
  EXPECT_MOCKED(mock.mock_users, self(_), users.self());

  FilesApi& files = api.files();
  EXPECT_MOCKED(mock.mock_files, get(_, _), files.get("1"));
  EXPECT_MOCKED(mock.mock_files, download(_, _), files.download("1"));
  EXPECT_MOCKED(mock.mock_files, remove(_, _), files.remove("1"));
}

// A mock is bound to no Client: what reaches the SDK's own implementation (here the
// non-virtual find_created, which lists through the core) fails with an error that
// says what to do, and sends nothing.
TEST(Mocks, WhatIsNotMockedFailsWithAnErrorSayingSo) {
  MockPartnersApi mock;
  auto found = mock.find_created(Partner(), UnixTime{});
  ASSERT_FALSE(found);
  EXPECT_EQ(found.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(found.status().message().find("set an EXPECT_CALL or ON_CALL"), std::string::npos)
      << found.status().message();
}

TEST(Mocks, Raw) {
  MockRawApi mock;
  RawApi& api = mock;
  EXPECT_MOCKED(mock, send(_, _, _, _, _), api.send("GET", "/documents/1"));
}

}  // namespace
}  // namespace flowii::testing
