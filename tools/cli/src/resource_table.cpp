// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The declaration table: every resource of the command line, bound to the
// Client accessor of its typed SDK API. The operations a module header declares
// (FLOWII_<MODULE>_OPERATIONS) become commands here without an entry of their
// own; other resources are one entry each.
#include "failure.hpp"
#include "resource_command.hpp"
#include "usage.hpp"

namespace flowii::cli {
namespace {

using declare::Declare;
using declare::typed_query;

// Accessors, named once so the table below reads as a list.
auto partners = [](Client& c) -> PartnersApi& { return c.partners(); };
auto tasks = [](Client& c) -> TasksApi& { return c.tasks(); };
auto communications = [](Client& c) -> CommunicationsApi& { return c.tasks().communications(); };
auto business_cases = [](Client& c) -> BusinessCasesApi& { return c.business_cases(); };
auto orders = [](Client& c) -> OrdersApi& { return c.orders(); };
auto goods = [](Client& c) -> GoodsApi& { return c.goods(); };
auto invoicing = [](Client& c) -> InvoicingApi& { return c.invoicing(); };
auto finance = [](Client& c) -> FinanceApi& { return c.finance(); };
auto account = [](Client& c) -> AccountApi& { return c.account(); };

/// --state of `task-activities set-state`: the number of an ActivityState (16 = done).
ActivityState activity_state(std::string const& text) {
  try {
    return static_cast<ActivityState>(whole_number("--state", text, 0, 1000));
  } catch (Failure const& f) {
    throw Failure(kExitUsage, std::string(f.what()) + ", e.g. 8 (in progress) or 16 (done)");
  }
}

std::vector<ResourceCommand> declarations() {
  std::vector<std::string> const name{"name"};
  std::vector<Declare> t{
      // ---- partners ----------------------------------------------------------
      Declare("partners", "Partners (customers, suppliers, persons)")
          .crud(partners)
          .columns({"name", "ico", "dic"})
          .download({"export-xml", "XML export of the partners matching --filter (a zip archive)", false, false,
                     "--include-contacts",
                     [](Client& c, DownloadRequest const& r) {
                       return c.partners().export_xml(typed_query<PartnerQuery>(r.filters), r.include);
                     }})
          .download({"export-pohoda", "Pohoda export of the partners matching --filter", false, false, "",
                     [](Client& c, DownloadRequest const& r) {
                       return c.partners().export_pohoda(typed_query<PartnerQuery>(r.filters));
                     }}),
      Declare("partner-types", "Partner types; `list --parent ID` for subtypes")
          .tree([](Client & c) -> auto& { return partners(c).types(); })
          .columns(name),
  };
  FLOWII_CLI_OPERATIONS(t, partners, "partner", FLOWII_PARTNERS_OPERATIONS);
  t.insert(t.end(), {
                        // ---- tasks and communications -----------------------------------------
                        Declare("tasks", "Tasks").crud(tasks).columns({"serial-nr", "caption", "state", "deadline"}),
                        Declare("task-categories", "Task categories; `list --parent ID` for subcategories")
                            .tree([](Client & c) -> auto& { return tasks(c).categories(); })
                            .columns(name),
                        Declare("activity-types", "Activity types of tasks")
                            .code_list([](Client & c) -> auto& { return tasks(c).activity_types(); })
                            .columns(name),
                    });
  FLOWII_CLI_OPERATIONS(t, tasks, "task", FLOWII_TASKS_OPERATIONS);
  find(t, "task-activities")
      .verb({"set-state", "Change an activity's state (--state: 8 in progress, 16 done, ...)", "--state", true,
             [](Client& c, std::string const& task, std::string const& id, std::string const& state) {
               return tasks(c).set_activity_state(task, id, activity_state(state));
             }});
  find(t, "activity-intervals")
      .create<ActivityInterval>([](Client& c, std::string const& task, ActivityInterval const& i) {
        return tasks(c).create_activity_interval(task, i);
      })
      .update<ActivityInterval>([](Client& c, std::string const& task, ActivityInterval const& i) {
        return tasks(c).update_activity_interval(task, i);
      })
      .remove([](Client& c, std::string const& task, std::string const& id) {
        return tasks(c).remove_activity_interval(task, id);
      });
  t.insert(t.end(),
           {
               Declare("task-messages", "Comments on a task (read them with `tasks get`)")
                   .under("task")
                   .verb({"post", "Post a comment (--text)", "--text", false,
                          [](Client& c, std::string const& task, std::string const&, std::string const& text) {
                            return tasks(c).post_message(task, text);
                          }}),
               Declare("communications", "Communications (events)")
                   .crud(communications)
                   .columns({"name", "direction", "planned-from", "state"}),
               Declare("communication-categories", "Communication categories")
                   .code_list([](Client & c) -> auto& { return communications(c).categories(); })
                   .columns(name),
               Declare("communication-types", "Communication types")
                   .code_list([](Client & c) -> auto& { return communications(c).types(); })
                   .columns(name),
               // ---- business cases -----------------------------------------------------
               Declare("business-cases", "Business cases")
                   .crud(business_cases)
                   .columns({"serial-nr", "name", "anticipated-income-amount"})
                   .download({"export-xml", "XML export of the business cases matching --filter (a zip archive)", false,
                              false, "--include-messages",
                              [](Client& c, DownloadRequest const& r) {
                                return c.business_cases().export_xml(typed_query<BusinessCaseQuery>(r.filters),
                                                                     r.include);
                              }}),
               Declare("business-case-states", "Business-case states")
                   .code_list([](Client & c) -> auto& { return business_cases(c).states(); })
                   .columns({"name", "type"}),
               Declare("business-case-sources", "Business-case sources")
                   .code_list([](Client & c) -> auto& { return business_cases(c).sources(); })
                   .columns(name),
               Declare("business-case-failures", "Reasons for losing a business case")
                   .code_list([](Client & c) -> auto& { return business_cases(c).failures(); })
                   .columns(name),
           });
  FLOWII_CLI_OPERATIONS(t, business_cases, "business-case", FLOWII_BUSINESS_CASES_OPERATIONS);
  t.insert(t.end(), {
                        // ---- orders -----------------------------------------------------------------
                        Declare("orders", "Orders")
                            .crud(orders)
                            .columns({"serial-nr", "name", "deadline"})
                            .download({"export-pohoda", "Pohoda export of the orders matching --filter (a zip archive)",
                                       false, false, "",
                                       [](Client& c, DownloadRequest const& r) {
                                         return c.orders().export_pohoda(typed_query<OrderQuery>(r.filters));
                                       }}),
                        Declare("order-states", "Order states")
                            .code_list([](Client & c) -> auto& { return orders(c).states(); })
                            .columns({"name", "type"}),
                        Declare("order-types", "Order types; `list --parent ID` for subtypes")
                            .tree([](Client & c) -> auto& { return orders(c).types(); })
                            .columns(name),
                    });
  FLOWII_CLI_OPERATIONS(t, orders, "order", FLOWII_ORDERS_OPERATIONS);
  t.insert(t.end(),
           {
               // ---- goods ----------------------------------------------------------------
               Declare("goods", "Goods and services (the price list, read-only)")
                   .read(goods)
                   .columns({"serial-nr", "name", "selling-price", "vat-rate"}),
               Declare("good-categories", "Good categories; `list --parent ID` for subcategories")
                   .tree([](Client & c) -> auto& { return goods(c).categories(); })
                   .columns(name),
               Declare("units", "Units of measure")
                   .code_list([](Client & c) -> auto& { return goods(c).units(); })
                   .columns(name),
               // ---- invoicing ----------------------------------------------------------------
               Declare("documents", "Invoicing documents (invoices, quotes, ...): create, PDF, Pohoda export")
                   .create<Document>([](Client& c, Document const& d) { return invoicing(c).create(d); })
                   .download({"pdf", "The document as PDF (--language sk|hu|en)", true, true, "",
                              [](Client& c, DownloadRequest const& r) { return c.invoicing().pdf(r.id, r.language); }})
                   .download({"export-pohoda", "Pohoda export of the documents matching --filter", false, false, "",
                              [](Client& c, DownloadRequest const& r) {
                                return c.invoicing().export_pohoda(typed_query<DocumentExportQuery>(r.filters));
                              }}),
               Declare("document-categories", "Document categories: get ID, or `list --parent ID` for subcategories")
                   .get([](Client& c, std::string const& id) { return invoicing(c).categories().get(id); })
                   .children([](Client& c, std::string const& id) { return invoicing(c).categories().children(id); })
                   .columns(name),
               Declare("company-data", "Your invoicing entities (document issuers)")
                   .code_list([](Client & c) -> auto& { return invoicing(c).company_data(); })
                   .columns({"name", "ico", "city"}),
               Declare("bank-accounts", "Your bank accounts")
                   .code_list([](Client & c) -> auto& { return invoicing(c).bank_accounts(); })
                   .columns(name),
               Declare("payment-methods", "Payment methods")
                   .code_list([](Client & c) -> auto& { return invoicing(c).payment_methods(); })
                   .columns(name),
               Declare("delivery-types", "Delivery types")
                   .code_list([](Client & c) -> auto& { return invoicing(c).delivery_types(); })
                   .columns(name),
               // ---- finance ----------------------------------------------------------------
               Declare("cash-flows", "Cash flow: incomes and expenses")
                   .crud(finance)
                   .columns({"serial-nr", "type", "amount", "due-date", "purpose"}),
               Declare("cash-flow-transactions",
                       "Bank transactions; create pairs one with an invoice and prints the cash flow")
                   .create<CashFlowTransaction>([](Client& c, CashFlowTransaction const& t) -> Result<Resource> {
                     auto id = finance(c).post_transaction(t);
                     if (!id) return id.status();
                     return Resource(CashFlow::kType, *id);
                   }),
               // ---- attendance -------------------------------------------------------------
               Declare("attendance-events", "Attendance events (clock-in, clock-out, ...)")
                   .create<AttendanceEvent>(
                       [](Client& c, AttendanceEvent const& e) { return c.attendance().record_event(e); }),
               Declare("planned-absences", "Planned absences")
                   .create<PlannedAbsence>(
                       [](Client& c, PlannedAbsence const& a) { return c.attendance().plan_absence(a); }),
               Declare("attendance-summary", "Your attendance totals").list([](Client& c) {
                 return c.attendance().summary();
               }),
               // ---- account ------------------------------------------------------------------
               Declare("users", "Users of the company")
                   .code_list([](Client & c) -> auto& { return account(c).users(); })
                   .columns(name),
               Declare("notifications", "Your notifications; mark-read / mark-unread ID")
                   .pages<Query>([](Client& c, Query const& q) { return account(c).notifications_page(q); })
                   .columns({"created", "message", "is-read"})
                   .verb({"mark-read", "Mark a notification read", "", true,
                          [](Client& c, std::string const&, std::string const& id, std::string const&) {
                            return account(c).mark_read(id, true);
                          }})
                   .verb({"mark-unread", "Mark a notification unread", "", true,
                          [](Client& c, std::string const&, std::string const& id, std::string const&) {
                            return account(c).mark_read(id, false);
                          }}),
               Declare("home-summary", "Counts of the home dashboard").list([](Client& c) {
                 return account(c).home_summary();
               }),
               Declare("tags", "Tags by id (list them per module, e.g. partner-tags)")
                   .get([](Client& c, std::string const& id) { return account(c).tag(id); }),
               Declare("files", "Stored files (attachments) by id")
                   .get([](Client& c, std::string const& id) { return account(c).files().get(id); })
                   .remove([](Client& c, std::string const& id) { return account(c).files().remove(id); })
                   .download({"download", "The file's content", true, false, "",
                              [](Client& c, DownloadRequest const& r) { return c.account().files().download(r.id); }}),
           });
  FLOWII_CLI_OPERATIONS(t, account, "", FLOWII_ACCOUNT_OPERATIONS);
  return std::vector<ResourceCommand>(t.begin(), t.end());
}

}  // namespace

namespace declare {

Declare& find(std::vector<Declare>& table, std::string const& name) {
  for (auto& d : table) {
    if (d.name() == name) return d;
  }
  // Unreachable while the names above match the declarations; a command with only
  // the added actions is better than none.
  return table.emplace_back(name, "");
}

}  // namespace declare

std::vector<ResourceCommand> const& resource_commands() {
  static std::vector<ResourceCommand> const kCommands = declarations();
  return kCommands;
}

}  // namespace flowii::cli
