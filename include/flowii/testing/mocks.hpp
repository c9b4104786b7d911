// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// gMock mocks of every module client. Code that takes a module by reference
// (`flowii::PartnersApi&`) can be handed a MockPartnersApi in a unit test:
//
//   flowii::testing::MockPartnersApi partners;
//   EXPECT_CALL(partners, list_page(_, _)).WillOnce(Return(flowii::Page<flowii::Partner>{}));
//
// The shared blocks (CrudApi, CodeListApi, AttachmentsApi, ...) are mocked once,
// as mixins layered over the module class; each module mock adds only its own
// methods. Call the code under test through the module reference: mock methods
// have no default arguments, the module's declarations do. Accessors of nested
// clients (types(), communications(), ...) return nested mocks, reachable as
// public members named after the accessor with a `mock_` prefix.
//
// The operations a module header declares in its FLOWII_<MODULE>_OPERATIONS list
// are mocked from that list (FLOWII_OPERATION_MOCKS), so a declared operation
// always has its mock.
//
// Code that takes a whole flowii::Client gets one from mocks with make_client():
//
//   flowii::testing::ModuleMocks mocks;
//   flowii::Client client = flowii::testing::make_client(mocks);
//   EXPECT_CALL(mocks.partners, get("7", _)).WillOnce(Return(partner));
//
// Result<T> has no default value, so a call without an expectation or ON_CALL
// fails the test with the call's description (gMock throws; never a crash).
// A mock is bound to no Client: should a call reach the SDK's own implementation,
// it fails with an error saying so. See docs/testing.md.
#ifndef FLOWII_TESTING_MOCKS_HPP
#define FLOWII_TESTING_MOCKS_HPP

#include <flowii/client.hpp>

#include <gmock/gmock.h>

#include <string>
#include <vector>

// ---- the declared operations (api.hpp), as MOCK_METHODs ------------------------

#define FLOWII_DETAIL_SUB_LIST_MOCK(T, name, segment, cli, help, columns)                                        \
  MOCK_METHOD(::flowii::Result<::flowii::Page<T>>, name,                                                         \
              (std::string const& owner_id, ::flowii::Query const& query, ::flowii::CallOptions const& options), \
              (override));
#define FLOWII_DETAIL_CODE_LIST_MOCK(T, name, path, cli, help, columns) \
  MOCK_METHOD(::flowii::Result<std::vector<T>>, name, (::flowii::CallOptions const& options), (override));
#define FLOWII_DETAIL_DOWNLOAD_MOCK(name, segment, cli, help)                                                          \
  MOCK_METHOD(::flowii::Result<::flowii::Binary>, name, (std::string const& id, ::flowii::CallOptions const& options), \
              (override));

/// The MOCK_METHODs of an operation list, for the mock of the class that expands
/// FLOWII_OPERATION_METHODS(OPERATIONS).
#define FLOWII_OPERATION_MOCKS(OPERATIONS) \
  OPERATIONS(FLOWII_DETAIL_SUB_LIST_MOCK, FLOWII_DETAIL_CODE_LIST_MOCK, FLOWII_DETAIL_DOWNLOAD_MOCK)

namespace flowii::testing {

// ---- the shared blocks, as mixins over a class that has them ------------------

/// Mocks ReadApi<T, Q> (list_page, get) in `Base`. list() pages through list_page().
template <typename Base, typename T, typename Q>
class MockRead : public Base {
 public:
  MOCK_METHOD(Result<Page<T>>, list_page, (Q const& query, CallOptions const& options), (override));
  MOCK_METHOD(Result<T>, get, (std::string const& id, CallOptions const& options), (override));
};

/// Mocks CrudApi<T, Q> (ReadApi plus create, update, remove) in `Base`.
template <typename Base, typename T, typename Q>
class MockCrud : public MockRead<Base, T, Q> {
 public:
  MOCK_METHOD(Result<T>, create, (T const& resource, CallOptions const& options), (override));
  MOCK_METHOD(Status, update, (T const& resource, CallOptions const& options), (override));
  MOCK_METHOD(Status, remove, (std::string const& id, CallOptions const& options), (override));
};

/// Mocks CodeListApi<T> (list, get) in `Base`.
template <typename Base, typename T>
class MockCodeList : public Base {
 public:
  MOCK_METHOD(Result<std::vector<T>>, list, (CallOptions const& options), (override));
  MOCK_METHOD(Result<T>, get, (std::string const& id, CallOptions const& options), (override));
};

/// Mocks TreeCodeListApi<T> (CodeListApi plus children) in `Base`.
template <typename Base, typename T>
class MockTreeCodeList : public MockCodeList<Base, T> {
 public:
  MOCK_METHOD(Result<std::vector<T>>, children, (std::string const& parent_id, CallOptions const& options), (override));
};

/// Mocks AttachmentsApi (upload_attachment, attachments) in `Base`.
template <typename Base>
class MockAttachments : public Base {
 public:
  MOCK_METHOD(Result<std::string>, upload_attachment,
              (std::string const& owner_id, FileUpload const& file, CallOptions const& options), (override));
  MOCK_METHOD(Result<Page<FileInfo>>, attachments,
              (std::string const& owner_id, Query const& query, CallOptions const& options), (override));
};

/// Mocks WorkItemsApi (tasks, communications, mails) in `Base`.
template <typename Base>
class MockWorkItems : public Base {
 public:
  MOCK_METHOD(Result<Page<Task>>, tasks, (std::string const& owner_id, Query const& query, CallOptions const& options),
              (override));
  MOCK_METHOD(Result<Page<Communication>>, communications,
              (std::string const& owner_id, Query const& query, CallOptions const& options), (override));
  MOCK_METHOD(Result<Page<Mail>>, mails, (std::string const& owner_id, Query const& query, CallOptions const& options),
              (override));
};

/// The shared blocks on their own, e.g. for code that takes a CodeListApi<T>&.
template <typename T, typename Q = Query>
using MockReadApi = MockRead<ReadApi<T, Q>, T, Q>;
template <typename T, typename Q = Query>
using MockCrudApi = MockCrud<CrudApi<T, Q>, T, Q>;
template <typename T>
using MockCodeListApi = MockCodeList<CodeListApi<T>, T>;
template <typename T>
using MockTreeCodeListApi = MockTreeCodeList<TreeCodeListApi<T>, T>;
using MockAttachmentsApi = MockAttachments<AttachmentsApi>;
using MockWorkItemsApi = MockWorkItems<WorkItemsApi>;

// ---- the modules -------------------------------------------------------------

class MockPartnersApi : public MockWorkItems<MockAttachments<MockCrud<PartnersApi, Partner, PartnerQuery>>> {
 public:
  FLOWII_OPERATION_MOCKS(FLOWII_PARTNERS_OPERATIONS)
  MOCK_METHOD(Result<Binary>, export_xml,
              (PartnerQuery const& filter, bool include_contacts, CallOptions const& options), (override));
  MOCK_METHOD(Result<Binary>, export_pohoda, (PartnerQuery const& filter, CallOptions const& options), (override));

  /// Answers types().
  MockTreeCodeListApi<BusinessRelationship> mock_types;
  TreeCodeListApi<BusinessRelationship>& types() override { return mock_types; }
};

class MockCommunicationsApi : public MockAttachments<MockCrud<CommunicationsApi, Communication, CommunicationQuery>> {
 public:
  /// Answers categories().
  MockCodeListApi<CommunicationCategory> mock_categories;
  /// Answers types().
  MockCodeListApi<CommunicationType> mock_types;
  CodeListApi<CommunicationCategory>& categories() override { return mock_categories; }
  CodeListApi<CommunicationType>& types() override { return mock_types; }
};

class MockTasksApi : public MockAttachments<MockCrud<TasksApi, Task, TaskQuery>> {
 public:
  FLOWII_OPERATION_MOCKS(FLOWII_TASKS_OPERATIONS)
  MOCK_METHOD(Status, set_activity_state,
              (std::string const& task_id, std::string const& activity_id, ActivityState state,
               CallOptions const& options),
              (override));
  MOCK_METHOD(Result<Page<ActivityInterval>>, activity_intervals_of,
              (std::string const& task_id, std::string const& activity_id, Query const& query,
               CallOptions const& options),
              (override));
  MOCK_METHOD(Result<ActivityInterval>, create_activity_interval,
              (std::string const& task_id, ActivityInterval const& interval, CallOptions const& options), (override));
  MOCK_METHOD(Status, update_activity_interval,
              (std::string const& task_id, ActivityInterval const& interval, CallOptions const& options), (override));
  MOCK_METHOD(Status, remove_activity_interval,
              (std::string const& task_id, std::string const& interval_id, CallOptions const& options), (override));
  MOCK_METHOD(Status, post_message,
              (std::string const& task_id, std::string const& message, CallOptions const& options), (override));

  /// Answers categories().
  MockTreeCodeListApi<TaskCategory> mock_categories;
  /// Answers activity_types().
  MockCodeListApi<ActivityType> mock_activity_types;
  /// Answers communications().
  MockCommunicationsApi mock_communications;
  TreeCodeListApi<TaskCategory>& categories() override { return mock_categories; }
  CodeListApi<ActivityType>& activity_types() override { return mock_activity_types; }
  CommunicationsApi& communications() override { return mock_communications; }
};

class MockBusinessCasesApi
    : public MockWorkItems<MockAttachments<MockCrud<BusinessCasesApi, BusinessCase, BusinessCaseQuery>>> {
 public:
  FLOWII_OPERATION_MOCKS(FLOWII_BUSINESS_CASES_OPERATIONS)
  MOCK_METHOD(Result<Binary>, export_xml,
              (BusinessCaseQuery const& filter, bool include_messages, CallOptions const& options), (override));

  /// Answers states().
  MockCodeListApi<BusinessCaseState> mock_states;
  /// Answers sources().
  MockCodeListApi<BusinessCaseSource> mock_sources;
  /// Answers failures().
  MockCodeListApi<BusinessCaseFailure> mock_failures;
  CodeListApi<BusinessCaseState>& states() override { return mock_states; }
  CodeListApi<BusinessCaseSource>& sources() override { return mock_sources; }
  CodeListApi<BusinessCaseFailure>& failures() override { return mock_failures; }
};

class MockOrdersApi : public MockWorkItems<MockAttachments<MockCrud<OrdersApi, Order, OrderQuery>>> {
 public:
  FLOWII_OPERATION_MOCKS(FLOWII_ORDERS_OPERATIONS)
  MOCK_METHOD(Result<Binary>, export_pohoda, (OrderQuery const& filter, CallOptions const& options), (override));

  /// Answers states().
  MockCodeListApi<OrderState> mock_states;
  /// Answers types().
  MockTreeCodeListApi<OrderType> mock_types;
  CodeListApi<OrderState>& states() override { return mock_states; }
  TreeCodeListApi<OrderType>& types() override { return mock_types; }
};

class MockGoodsApi : public MockRead<GoodsApi, Good, GoodQuery> {
 public:
  /// Answers categories().
  MockTreeCodeListApi<GoodCategory> mock_categories;
  /// Answers units().
  MockCodeListApi<UnitOfMeasure> mock_units;
  TreeCodeListApi<GoodCategory>& categories() override { return mock_categories; }
  CodeListApi<UnitOfMeasure>& units() override { return mock_units; }
};

class MockDocumentCategoriesApi : public DocumentCategoriesApi {
 public:
  MOCK_METHOD(Result<std::vector<DocumentCategory>>, list, (DocumentType type, CallOptions const& options), (override));
  MOCK_METHOD(Result<DocumentCategory>, get, (std::string const& id, CallOptions const& options), (override));
  MOCK_METHOD(Result<std::vector<DocumentCategory>>, children,
              (std::string const& parent_id, CallOptions const& options), (override));
};

class MockInvoicingApi : public InvoicingApi {
 public:
  MOCK_METHOD(Result<Document>, create, (Document const& document, CallOptions const& options), (override));
  MOCK_METHOD(Result<Binary>, pdf,
              (std::string const& document_id, std::string const& language, CallOptions const& options), (override));
  MOCK_METHOD(Result<Binary>, export_pohoda, (DocumentExportQuery const& filter, CallOptions const& options),
              (override));
  MOCK_METHOD(Result<std::vector<NumberingSequence>>, numbering_sequences,
              (DocumentType type, std::string const& company_data_id, CallOptions const& options), (override));

  /// Answers categories().
  MockDocumentCategoriesApi mock_categories;
  /// Answers company_data().
  MockCodeListApi<CompanyData> mock_company_data;
  /// Answers bank_accounts().
  MockCodeListApi<BankAccount> mock_bank_accounts;
  /// Answers payment_methods().
  MockCodeListApi<PaymentMethod> mock_payment_methods;
  /// Answers delivery_types().
  MockCodeListApi<DeliveryType> mock_delivery_types;
  DocumentCategoriesApi& categories() override { return mock_categories; }
  CodeListApi<CompanyData>& company_data() override { return mock_company_data; }
  CodeListApi<BankAccount>& bank_accounts() override { return mock_bank_accounts; }
  CodeListApi<PaymentMethod>& payment_methods() override { return mock_payment_methods; }
  CodeListApi<DeliveryType>& delivery_types() override { return mock_delivery_types; }
};

class MockFinanceApi : public MockCrud<FinanceApi, CashFlow, CashFlowQuery> {
 public:
  MOCK_METHOD(Result<std::string>, post_transaction,
              (CashFlowTransaction const& transaction, CallOptions const& options), (override));
};

class MockAttendanceApi : public AttendanceApi {
 public:
  MOCK_METHOD(Result<AttendanceEvent>, record_event, (AttendanceEvent const& event, CallOptions const& options),
              (override));
  MOCK_METHOD(Result<PlannedAbsence>, plan_absence, (PlannedAbsence const& absence, CallOptions const& options),
              (override));
  MOCK_METHOD(Result<AttendanceSummary>, summary, (CallOptions const& options), (override));
};

class MockUsersApi : public MockCodeList<UsersApi, User> {
 public:
  MOCK_METHOD(Result<User>, self, (CallOptions const& options), (override));
};

class MockFilesApi : public FilesApi {
 public:
  MOCK_METHOD(Result<FileInfo>, get, (std::string const& id, CallOptions const& options), (override));
  MOCK_METHOD(Result<Binary>, download, (std::string const& id, CallOptions const& options), (override));
  MOCK_METHOD(Status, remove, (std::string const& id, CallOptions const& options), (override));
};

/// notifications() pages through notifications_page().
class MockAccountApi : public AccountApi {
 public:
  FLOWII_OPERATION_MOCKS(FLOWII_ACCOUNT_OPERATIONS)
  MOCK_METHOD(Result<Page<Notification>>, notifications_page, (Query const& query, CallOptions const& options),
              (override));
  MOCK_METHOD(Status, mark_read, (std::string const& notification_id, bool read, CallOptions const& options),
              (override));
  MOCK_METHOD(Result<HomeSummary>, home_summary, (CallOptions const& options), (override));
  MOCK_METHOD(Result<NotificationsSummary>, notifications_summary, (CallOptions const& options), (override));
  MOCK_METHOD(Status, register_device,
              (std::string const& fcm_token, PlatformType platform, CallOptions const& options), (override));
  MOCK_METHOD(Result<Tag>, tag, (std::string const& id, CallOptions const& options), (override));

  /// Answers users().
  MockUsersApi mock_users;
  /// Answers files().
  MockFilesApi mock_files;
  UsersApi& users() override { return mock_users; }
  FilesApi& files() override { return mock_files; }
};

class MockRawApi : public RawApi {
 public:
  MOCK_METHOD(Result<RawResponse>, send,
              (std::string const& method, std::string const& path, ListQuery const& query, std::string const& json_body,
               CallOptions const& options),
              (override));
};

/// One mock of every module, for make_client(). Set expectations on the members
/// (`mocks.partners`, `mocks.tasks.mock_communications`, ...).
struct ModuleMocks {
  MockPartnersApi partners;
  MockTasksApi tasks;
  MockBusinessCasesApi business_cases;
  MockOrdersApi orders;
  MockGoodsApi goods;
  MockInvoicingApi invoicing;
  MockFinanceApi finance;
  MockAttendanceApi attendance;
  MockAccountApi account;
  MockRawApi raw;
};

/// A Client whose module accessors return the mocks of `mocks` (client.partners()
/// is mocks.partners, ...), for code that takes a flowii::Client&. `mocks` must
/// outlive the Client and its copies. The Client sends nothing: session() and
/// companies() fail with an error saying that it is made of mocks.
inline Client make_client(ModuleMocks& mocks) {
  return Client(Client::Modules{&mocks.partners, &mocks.tasks, &mocks.business_cases, &mocks.orders, &mocks.goods,
                                &mocks.invoicing, &mocks.finance, &mocks.attendance, &mocks.account, &mocks.raw});
}

}  // namespace flowii::testing

#endif  // FLOWII_TESTING_MOCKS_HPP
