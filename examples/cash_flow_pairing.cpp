// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Cash flow pairing: record an expected income for an invoice, post the bank
// transaction that pays it (FLOWii pairs it by the variable symbol), post one
// FLOWii cannot pair, then list unpaired and paired cash flow. Configured only
// from FLOWII_* variables:
//   FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME, FLOWII_PASSWORD,
//   FLOWII_COMPANY_ID (needed when the user has several companies), FLOWII_LOG.
#include "example_support.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

using examples::fail;

namespace {

// Prints one page of cash flow matching `pairing`.
void print_cash_flow(flowii::Client& client, flowii::InvoicePairing pairing, char const* title) {
  auto page = client.finance().list_page(flowii::CashFlowQuery().invoice_pairing(pairing).page_size(100));
  if (!page) fail(std::string("listing ") + title + " cash flow", page.status());
  std::cout << title << " cash flow (" << page->items.size() << "):\n";
  for (auto const& cf : page->items) {
    bool const income = cf.cash_flow_type() == flowii::CashFlowType::kIncome;
    std::cout << "  " << cf.id() << "  " << (income ? "income " : "expense") << "  " << cf.taxed_amount().value_or(0)
              << (cf.invoice() ? "  invoice " + cf.invoice()->id : std::string()) << "\n";
  }
}

}  // namespace

int main() {
  auto [client, session] = examples::connect("cash_flow_pairing");
  std::cout << "working in company " << session.company_id << " (" << session.company_name << ")\n";

  // An invoice whose first payment already came in: its variable symbol is in the
  // cash flow's included invoice.
  std::optional<flowii::CashFlow> paid;
  std::optional<flowii::CashFlowInvoice> invoice;
  auto incomes = client.finance().list(flowii::CashFlowQuery()
                                           .invoice_pairing(flowii::InvoicePairing::kPaired)
                                           .cash_flow_type(flowii::CashFlowType::kIncome));
  for (auto const& listed : incomes) {
    if (!listed) fail("listing paired incomes", listed.status());
    auto cf = client.finance().get(listed->id());
    if (!cf) fail("reading cash flow " + listed->id(), cf.status());
    auto linked = cf->related<flowii::CashFlowInvoice>("invoice");
    if (cf->payment_date() && linked && linked->variable_symbol()) {
      paid = *cf;
      invoice = *linked;
      break;
    }
  }
  if (!invoice) fail("finding a paid invoice", "no paired income found");
  std::string const vs = *invoice->variable_symbol();
  std::cout << "invoice " << invoice->serial_nr().value_or(invoice->id()) << " (variable symbol " << vs
            << ") was paid on " << paid->payment_date()->to_string() << "\n";

  flowii::CashFlow expected;
  expected.set_cash_flow_type(flowii::CashFlowType::kIncome)
      .set_due_date(examples::midnight(14))
      .set_amount(100)
      .set_vat_rate(20)
      .set_purpose("Doplatok faktúry " + invoice->serial_nr().value_or(vs))
      .set_invoice(invoice->id());
  if (auto partner = paid->partner()) expected.set_partner(partner->id);
  auto recorded = client.finance().create(expected);
  if (!recorded) fail("recording the expected income", recorded.status());
  std::cout << "recorded expected income " << recorded->id() << " of 120.00 EUR, due "
            << examples::midnight(14).to_string() << "\n";

  flowii::CashFlowTransaction transaction;
  transaction.set_transaction_type(flowii::CashFlowType::kIncome)
      .set_issued_date(examples::midnight(0))
      .set_amount(120)
      .set_currency("EUR")
      .set_source_account_iban("SK3112000000198742637541")
      .set_target_account_iban("SK6807200002891987426353")
      .set_variable_symbol(vs)
      .set_purpose("Doplatok")
      .set_text("Prijatá platba, VS " + vs);
  auto booked = client.finance().post_transaction(transaction);
  if (!booked) fail("posting the bank transaction", booked.status());
  auto settled = client.finance().get(*booked);
  if (!settled) fail("reading the booked cash flow", settled.status());
  std::cout << "bank transaction booked as cash flow " << *booked
            << (settled->invoice() ? ", paired with invoice " + settled->invoice()->id : std::string(", not paired"))
            << (settled->payment_date() ? ", paid " + settled->payment_date()->to_string() : std::string()) << "\n";
  if (*booked != recorded->id()) {
    std::cout << "  (FLOWii recorded a new cash flow instead of settling " << recorded->id() << ")\n";
  }

  auto unknown = client.finance().post_transaction(flowii::CashFlowTransaction()
                                                       .set_transaction_type(flowii::CashFlowType::kIncome)
                                                       .set_issued_date(examples::midnight(0))
                                                       .set_amount(18)
                                                       .set_currency("EUR")
                                                       .set_variable_symbol("99999999")
                                                       .set_text("Platba bez známej faktúry"));
  if (!unknown) fail("posting an unmatched transaction", unknown.status());
  std::cout << "a transaction with an unknown variable symbol became cash flow " << *unknown << "\n";

  print_cash_flow(client, flowii::InvoicePairing::kNotPaired, "unpaired");
  print_cash_flow(client, flowii::InvoicePairing::kPaired, "paired");
  std::cout << "cash_flow_pairing finished\n";
  return 0;
}
