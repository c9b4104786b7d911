// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): the payment of an unpaid invoice recorded as a
// cash-flow income paired with that invoice.
#include <flowii/flowii.hpp>

#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>

int main() try {
  auto client = flowii::Client::from_env().value();

  // FLOWii lists documents per partner: find an invoice nothing has been paid on yet.
  std::optional<flowii::Document> invoice;
  std::string partner;
  for (auto const& listed : client.partners().list(flowii::PartnerQuery().page_size(50))) {
    auto documents = client.partners().documents(listed.value().id()).value();
    for (auto const& d : documents.items) {
      if (d.document_type() == flowii::DocumentType::kInvoice && d.unpaid().value_or(0) > 0 &&
          d.unpaid() == d.taxed_gross_amount()) {
        invoice = d;
        partner = listed->id();
        break;
      }
    }
    if (invoice) break;
  }
  if (!invoice) throw std::runtime_error("no unpaid invoice");

  // `type` is required (and `company-id`, which the SDK fills in from the session).
  flowii::CashFlow payment;
  payment.set_cash_flow_type(flowii::CashFlowType::kIncome)
      .set_payment_date(flowii::DateTime::from_date(flowii::Date::today()))
      .set_amount(invoice->gross_amount().value_or(0))  // without VAT
      .set_taxed_amount(*invoice->unpaid())             // with VAT: the whole invoice
      .set_purpose("Úhrada faktúry " + invoice->serial_nr().value_or(invoice->id()))
      .set_partner(partner)
      .set_invoice(invoice->id());  // the pairing: the invoice's document id
  auto id = client.finance().create(payment).value().id();

  auto read = client.finance().get(id).value();
  if (!read.invoice() || read.invoice()->id != invoice->id()) throw std::runtime_error("the income is not paired");
  std::cout << "recorded income " << id << " of " << read.taxed_amount().value_or(0) << " paired with invoice "
            << invoice->id() << " (" << invoice->serial_nr().value_or("?") << ") of partner " << partner << "\n";
  return 0;
} catch (std::exception const& e) {
  std::cerr << "cash_flow_for_invoice: " << e.what() << "\n";
  return 1;
}
