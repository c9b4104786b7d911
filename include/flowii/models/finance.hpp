// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Finance module models (blueprint groups "Cash Flows" and "Cash Flow Transactions").
#ifndef FLOWII_MODELS_FINANCE_HPP
#define FLOWII_MODELS_FINANCE_HPP

#include <flowii/model.hpp>
#include <flowii/models/invoicing.hpp>
#include <flowii/query.hpp>

#include <cstdint>
#include <string>

namespace flowii {

/// Cash flow (and bank transaction) `type`: 1 income (Príjem), 2 expense (Výdaj).
enum class CashFlowType : int { kIncome = 1, kExpense = 2 };

/// `filter[invoice-pairing]`: -1 every record, -2 records not paired with an
/// invoice, -3 records paired with an invoice.
enum class InvoicePairing : int { kAll = -1, kNotPaired = -2, kPaired = -3 };

/// A currency (`alpha-code` "EUR"; FLOWii's EUR has id 44). Only seen as a
/// cash-flow relationship and in `included`: FLOWii documents no currency list.
#define FLOWII_CURRENCY_FIELDS(ATTR, ONE, MANY) ATTR(std::string, alpha_code, "alpha-code")
FLOWII_MODEL(Currency, "currency", FLOWII_CURRENCY_FIELDS);

/// An income or expense category of cash flow (only seen in `included`).
#define FLOWII_CASH_FLOW_CATEGORY_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(CashFlowCategory, "cash-flow-category", FLOWII_CASH_FLOW_CATEGORY_FIELDS);

/// The invoice a cash flow is paired with. The blueprint only ever links it by id
/// (its examples send the id as a number); the two attributes are named like the
/// invoice document's own and are what a reader of `included` may find.
#define FLOWII_CASH_FLOW_INVOICE_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, serial_nr, "serial-nr")              \
  ATTR(std::string, variable_symbol, "variable-symbol")
FLOWII_MODEL(CashFlowInvoice, "invoice", FLOWII_CASH_FLOW_INVOICE_FIELDS);

/// An income or expense (/cashflow). FLOWii's schema requires `company-id` in the
/// attributes as well as in the query; FinanceApi fills it in from the session
/// when it is not set. On read, currency, category, company data, partner and
/// business case are in included():
///   auto eur = cash_flow.related<Currency>("currency");
/// `vat-rate-type` carries the blueprint's vatRateType enum (VatRateType; cash flow
/// also documents 255, a custom rate), which no example shows by name.
/// `order-allocations` takes nested allocations, as documents do:
///   cf.add_order_allocations(OrderAllocation().set_proportion(100).set_order("34167"));
/// FLOWii's PATCH schema types the cash flow's own id as an integer: the SDK
/// writes it as a JSON number (`"id": 1200883`), while id() stays a string and
/// reads accept either form. Linked ids (currency, partner, ...) stay strings.
#define FLOWII_CASH_FLOW_FIELDS(ATTR, ONE, MANY)       \
  ATTR(std::int64_t, company_id, "company-id")         \
  ATTR(CashFlowType, cash_flow_type, "type")           \
  ATTR(DateTime, created_date, "created-date")         \
  ATTR(DateTime, due_date, "due-date")                 \
  ATTR(DateTime, payment_date, "payment-date")         \
  ATTR(double, amount, "amount")                       \
  ATTR(double, taxed_amount, "taxed-amount")           \
  ATTR(double, vat_rate, "vat-rate")                   \
  ATTR(VatRateType, vat_rate_type, "vat-rate-type")    \
  ATTR(std::string, purpose, "purpose")                \
  ATTR(std::string, note, "note")                      \
  ONE(currency, "currency", "currency")                \
  ONE(category, "category", "cash-flow-category")      \
  ONE(company_data, "company-data", "company-data")    \
  ONE(partner, "partner", "partner")                   \
  ONE(business_case, "business-case", "business-case") \
  ONE(order, "order", "order")                         \
  ONE(invoice, "invoice", "invoice")                   \
  MANY(order_allocations, "order-allocations", "order-allocation")
FLOWII_MODEL(CashFlow, "cash-flow", FLOWII_CASH_FLOW_FIELDS);

/// A bank transaction for FLOWii to pair with an invoice by its variable symbol
/// (POST /cashflowtransactions); FLOWii answers with the cash flow it recorded.
/// The blueprint's schema and example disagree on three names: the schema says
/// `account-iban` and `body` where the example sends `source-account-iban` /
/// `target-account-iban` and `text`. The SDK follows the example. `currency` is
/// the alpha code ("EUR"), not a relationship.
#define FLOWII_CASH_FLOW_TRANSACTION_FIELDS(ATTR, ONE, MANY)    \
  ATTR(std::int64_t, company_id, "company-id")                  \
  ATTR(CashFlowType, transaction_type, "type")                  \
  ATTR(DateTime, issued_date, "issued-date")                    \
  ATTR(double, amount, "amount")                                \
  ATTR(std::string, currency, "currency")                       \
  ATTR(std::string, source_account_iban, "source-account-iban") \
  ATTR(std::string, target_account_iban, "target-account-iban") \
  ATTR(std::string, variable_symbol, "variablesymbol")          \
  ATTR(std::string, purpose, "purpose")                         \
  ATTR(std::string, note, "note")                               \
  ATTR(std::string, text, "text")
FLOWII_MODEL(CashFlowTransaction, "cash-flow-transaction", FLOWII_CASH_FLOW_TRANSACTION_FIELDS);

/// Filters of GET /cashflow (blueprint "Get Cash Flow list"). Dates are unix seconds.
#define FLOWII_CASH_FLOW_FILTERS(TEXT, ID, IDS, TIME, NUM)       \
  FLOWII_TIME_RANGE(TIME, created, "created")                    \
  FLOWII_TIME_RANGE(TIME, edited, "edited")                      \
  FLOWII_TIME_RANGE(TIME, paid, "paid")                          \
  NUM(amount_from, "amount-from")                                \
  NUM(amount_to, "amount-to")                                    \
  NUM(cash_flow_type, "type")                                    \
  ID(income_category_id, "income-category-id")                   \
  ID(income_subcategory_id, "income-subcategory-id")             \
  ID(expenditure_category_id, "expenditure-category-id")         \
  ID(expenditure_subcategory_id, "expenditure-subcategory-id")   \
  ID(currency_id, "currency-id")                                 \
  ID(company_data_id, "company-data-id")                         \
  ID(partner_id, "partner-id")                                   \
  ID(partner_country_id, "partner-country-id")                   \
  ID(partner_responsible_user_id, "partner-responsible-user-id") \
  ID(business_case_id, "business-case-id")                       \
  ID(order_id, "order-id")                                       \
  NUM(invoice_pairing, "invoice-pairing")
FLOWII_QUERY(CashFlowQuery, FLOWII_CASH_FLOW_FILTERS);

/// Every model of this header (see ModelList).
using FinanceModels = ModelList<Currency, CashFlowCategory, CashFlowInvoice, CashFlow, CashFlowTransaction>;

}  // namespace flowii

#endif  // FLOWII_MODELS_FINANCE_HPP
