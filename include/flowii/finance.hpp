// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Finance (Financie): cash flow (/cashflow, incomes and expenses) and bank
// transactions that FLOWii pairs with invoices (/cashflowtransactions).
#ifndef FLOWII_FINANCE_HPP
#define FLOWII_FINANCE_HPP

#include <flowii/api.hpp>
#include <flowii/models/finance.hpp>

#include <memory>
#include <string>

namespace flowii {

/// Cash flow CRUD (list with CashFlowQuery, get, create, update, remove) and
/// bank transactions. FLOWii's cash-flow schema wants `company-id` inside the
/// attributes: create(), update() and post_transaction() add the session's
/// company when the object has none. FLOWii answers cash-flow PATCH and DELETE
/// with 200 (not 204); both are plain success here.
///
///     auto unpaired = client.finance().list_page(
///         CashFlowQuery().invoice_pairing(InvoicePairing::kNotPaired));
class FinanceApi : public CrudApi<CashFlow, CashFlowQuery> {
 public:
  explicit FinanceApi(std::shared_ptr<detail::Core> core);

  /// Records an income or expense; returns it with its new id. FLOWii requires
  /// `type` (CashFlowType) and `company-id` (filled in). `invoice` pairs it with
  /// an invoice: the document id, e.g. from PartnersApi::documents(). Other
  /// links: partner, company data, business case, order allocations, category,
  /// and `currency` (no documented list; FLOWii's examples link EUR as 44).
  Result<CashFlow> create(CashFlow const& cash_flow, CallOptions const& options = {}) override;
  /// PATCHes the cash flow (read it first: the object is sent as it is).
  Status update(CashFlow const& cash_flow, CallOptions const& options = {}) override;

  /// Posts a bank transaction; FLOWii pairs it with the invoice whose variable
  /// symbol it carries. FLOWii requires `type`, `amount` and `company-id`
  /// (filled in); `currency` is an alpha code ("EUR"). Returns the id of the
  /// cash flow FLOWii recorded for it (read it with get(); its invoice() tells
  /// whether the pairing succeeded).
  virtual Result<std::string> post_transaction(CashFlowTransaction const& transaction, CallOptions const& options = {});

 protected:
  /// Bound to no Client: the base of MockFinanceApi (flowii/testing/mocks.hpp).
  FinanceApi();
};

}  // namespace flowii

#endif  // FLOWII_FINANCE_HPP
