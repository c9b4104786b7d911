// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "blueprint/sdk_calls.hpp"

#include <flowii/flowii.hpp>
#include <flowii/models/account.hpp>
#include <flowii/models/attendance.hpp>
#include <flowii/models/finance.hpp>
#include <flowii/models/goods.hpp>

#include <type_traits>

// The declared operations of a module (api.hpp), one call each: `access` is the
// Client's accessor of the module.
#define FLOWII_DETAIL_COVER_SUB_LIST(T, method, segment, cli, help, columns) \
  calls.emplace_back([access](Client& c) { access(c).method("1"); });
#define FLOWII_DETAIL_COVER_CODE_LIST(T, method, path, cli, help, columns) \
  calls.emplace_back([access](Client& c) { access(c).method(); });
#define FLOWII_DETAIL_COVER_DOWNLOAD(method, segment, cli, help) \
  calls.emplace_back([access](Client& c) { access(c).method("1"); });
#define FLOWII_COVER_OPERATIONS(v, module_access, OPERATIONS)                                             \
  do {                                                                                                    \
    auto& calls = (v);                                                                                    \
    auto access = (module_access);                                                                        \
    OPERATIONS(FLOWII_DETAIL_COVER_SUB_LIST, FLOWII_DETAIL_COVER_CODE_LIST, FLOWII_DETAIL_COVER_DOWNLOAD) \
  } while (false)

namespace flowii::test {
namespace {

// The generic blocks, called through the module accessor `api` (Client& -> block&).
template <typename Api>
void add_crud(std::vector<SdkCall>& calls, Api api) {
  using T = std::decay_t<decltype(*api(std::declval<Client&>()).get("1"))>;
  calls.emplace_back([api](Client& c) { api(c).list_page(); });
  calls.emplace_back([api](Client& c) { api(c).get("1"); });
  calls.emplace_back([api](Client& c) { api(c).create(T()); });
  calls.emplace_back([api](Client& c) {
    T t;
    t.set_id("1");
    api(c).update(t);
  });
  calls.emplace_back([api](Client& c) { api(c).remove("1"); });
}

template <typename Api>
void add_owned(std::vector<SdkCall>& calls, Api api) {
  calls.emplace_back([api](Client& c) { api(c).tasks("1"); });
  calls.emplace_back([api](Client& c) { api(c).communications("1"); });
  calls.emplace_back([api](Client& c) { api(c).mails("1"); });
}

template <typename Api>
void add_attachments(std::vector<SdkCall>& calls, Api api) {
  calls.emplace_back([api](Client& c) { api(c).upload_attachment("1", FileUpload{"a.txt", "x", "text/plain", ""}); });
  calls.emplace_back([api](Client& c) { api(c).attachments("1"); });
}

template <typename Api>
void add_code_list(std::vector<SdkCall>& calls, Api api) {
  calls.emplace_back([api](Client& c) { api(c).list(); });
  calls.emplace_back([api](Client& c) { api(c).get("1"); });
}

template <typename Api>
void add_tree(std::vector<SdkCall>& calls, Api api) {
  add_code_list(calls, api);
  calls.emplace_back([api](Client& c) { api(c).children("1"); });
}

std::vector<SdkCall> make_calls() {
  std::vector<SdkCall> v;
  // Account and session (POST /token, GET /companies, GET /users/self)
  v.emplace_back([](Client& c) { c.session(); });
  v.emplace_back([](Client& c) { c.companies(); });

  // Partners
  auto partners = [](Client& c) -> PartnersApi& { return c.partners(); };
  add_crud(v, partners);
  add_owned(v, partners);
  add_attachments(v, partners);
  add_tree(v, [](Client& c) -> TreeCodeListApi<BusinessRelationship>& { return c.partners().types(); });
  FLOWII_COVER_OPERATIONS(v, partners, FLOWII_PARTNERS_OPERATIONS);
  v.emplace_back([](Client& c) { c.partners().export_xml(); });
  v.emplace_back([](Client& c) { c.partners().export_pohoda(); });

  // Business cases
  auto cases = [](Client& c) -> BusinessCasesApi& { return c.business_cases(); };
  add_crud(v, cases);
  add_owned(v, cases);
  add_attachments(v, cases);
  add_code_list(v, [](Client& c) -> CodeListApi<BusinessCaseState>& { return c.business_cases().states(); });
  add_code_list(v, [](Client& c) -> CodeListApi<BusinessCaseSource>& { return c.business_cases().sources(); });
  add_code_list(v, [](Client& c) -> CodeListApi<BusinessCaseFailure>& { return c.business_cases().failures(); });
  FLOWII_COVER_OPERATIONS(v, cases, FLOWII_BUSINESS_CASES_OPERATIONS);
  v.emplace_back([](Client& c) { c.business_cases().export_xml(); });

  // Orders
  auto orders = [](Client& c) -> OrdersApi& { return c.orders(); };
  add_crud(v, orders);
  add_owned(v, orders);
  add_attachments(v, orders);
  add_code_list(v, [](Client& c) -> CodeListApi<OrderState>& { return c.orders().states(); });
  add_tree(v, [](Client& c) -> TreeCodeListApi<OrderType>& { return c.orders().types(); });
  FLOWII_COVER_OPERATIONS(v, orders, FLOWII_ORDERS_OPERATIONS);
  v.emplace_back([](Client& c) { c.orders().export_pohoda(); });

  // Tasks & events
  auto tasks = [](Client& c) -> TasksApi& { return c.tasks(); };
  add_crud(v, tasks);
  add_attachments(v, tasks);
  add_tree(v, [](Client& c) -> TreeCodeListApi<TaskCategory>& { return c.tasks().categories(); });
  add_code_list(v, [](Client& c) -> CodeListApi<ActivityType>& { return c.tasks().activity_types(); });
  FLOWII_COVER_OPERATIONS(v, tasks, FLOWII_TASKS_OPERATIONS);
  v.emplace_back([](Client& c) { c.tasks().set_activity_state("1", "1", ActivityState::kDone); });
  v.emplace_back([](Client& c) { c.tasks().activity_intervals_of("1", "1"); });
  v.emplace_back([](Client& c) { c.tasks().create_activity_interval("1", ActivityInterval()); });
  v.emplace_back([](Client& c) {
    ActivityInterval i;
    i.set_id("1");
    c.tasks().update_activity_interval("1", i);
  });
  v.emplace_back([](Client& c) { c.tasks().remove_activity_interval("1", "1"); });
  v.emplace_back([](Client& c) { c.tasks().post_message("1", "hello"); });
  auto communications = [](Client& c) -> CommunicationsApi& { return c.tasks().communications(); };
  add_crud(v, communications);
  add_attachments(v, communications);
  add_code_list(
      v, [](Client& c) -> CodeListApi<CommunicationCategory>& { return c.tasks().communications().categories(); });
  add_code_list(v, [](Client& c) -> CodeListApi<CommunicationType>& { return c.tasks().communications().types(); });

  // Goods & services
  v.emplace_back([](Client& c) { c.goods().list_page(); });
  v.emplace_back([](Client& c) { c.goods().get("1"); });
  add_tree(v, [](Client& c) -> TreeCodeListApi<GoodCategory>& { return c.goods().categories(); });
  add_code_list(v, [](Client& c) -> CodeListApi<UnitOfMeasure>& { return c.goods().units(); });

  // Invoicing
  v.emplace_back([](Client& c) { c.invoicing().create(Document()); });
  v.emplace_back([](Client& c) { c.invoicing().pdf("1", "sk"); });
  v.emplace_back([](Client& c) { c.invoicing().export_pohoda(); });
  v.emplace_back([](Client& c) { c.invoicing().numbering_sequences(DocumentType::kInvoice, "1"); });
  v.emplace_back([](Client& c) { c.invoicing().categories().list(DocumentType::kInvoice); });
  v.emplace_back([](Client& c) { c.invoicing().categories().get("1"); });
  v.emplace_back([](Client& c) { c.invoicing().categories().children("1"); });
  add_code_list(v, [](Client& c) -> CodeListApi<CompanyData>& { return c.invoicing().company_data(); });
  add_code_list(v, [](Client& c) -> CodeListApi<BankAccount>& { return c.invoicing().bank_accounts(); });
  add_code_list(v, [](Client& c) -> CodeListApi<PaymentMethod>& { return c.invoicing().payment_methods(); });
  add_code_list(v, [](Client& c) -> CodeListApi<DeliveryType>& { return c.invoicing().delivery_types(); });

  // Finance
  add_crud(v, [](Client& c) -> FinanceApi& { return c.finance(); });
  v.emplace_back([](Client& c) { c.finance().post_transaction(CashFlowTransaction()); });

  // Attendance
  v.emplace_back([](Client& c) { c.attendance().record_event(AttendanceEvent()); });
  v.emplace_back([](Client& c) { c.attendance().plan_absence(PlannedAbsence()); });
  v.emplace_back([](Client& c) { c.attendance().summary(); });

  // Shared / account
  FLOWII_COVER_OPERATIONS(
      v, [](Client& c) -> AccountApi& { return c.account(); }, FLOWII_ACCOUNT_OPERATIONS);
  v.emplace_back([](Client& c) { c.account().users().list(); });
  v.emplace_back([](Client& c) { c.account().users().get("1"); });
  v.emplace_back([](Client& c) { c.account().users().self(); });
  v.emplace_back([](Client& c) { c.account().notifications_page(); });
  v.emplace_back([](Client& c) { c.account().mark_read("1"); });
  v.emplace_back([](Client& c) { c.account().home_summary(); });
  v.emplace_back([](Client& c) { c.account().notifications_summary(); });
  v.emplace_back([](Client& c) { c.account().register_device("t", PlatformType::kAndroid); });
  v.emplace_back([](Client& c) { c.account().tag("1"); });
  v.emplace_back([](Client& c) { c.account().files().get("1"); });
  v.emplace_back([](Client& c) { c.account().files().download("1"); });
  v.emplace_back([](Client& c) { c.account().files().remove("1"); });
  return v;
}

}  // namespace

std::vector<SdkCall> const& sdk_calls() {
  static std::vector<SdkCall> const kCalls = make_calls();
  return kCalls;
}

}  // namespace flowii::test
