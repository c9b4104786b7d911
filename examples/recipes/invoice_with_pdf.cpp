// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): an invoice with a price-list line and a free
// line, numbered from the issuer's invoice sequence; then its PDF in a file.
#include <flowii/flowii.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

int main() try {
  auto client = flowii::Client::from_env().value();
  auto& invoicing = client.invoicing();

  // The issuer (your company data) and one of its invoice numbering sequences.
  auto issuers = invoicing.company_data().list().value();
  if (issuers.empty()) throw std::runtime_error("no company data");
  auto sequences = invoicing.numbering_sequences(flowii::DocumentType::kInvoice, issuers.front().id()).value();
  // The customer, a good from the price list, and a unit for the free line.
  auto partners = client.partners().list_page(flowii::PartnerQuery().page_size(1)).value();
  auto goods = client.goods().list_page(flowii::GoodQuery().page_size(1)).value();
  auto units = client.goods().units().list().value();
  if (sequences.empty() || partners.items.empty() || goods.items.empty() || units.empty()) {
    throw std::runtime_error("no invoice numbering sequence, partner, good or unit");
  }

  // FLOWii's dates are local date-times without a zone; these are at midnight.
  auto const today = flowii::DateTime::from_date(flowii::Date::today());

  flowii::Document invoice;
  invoice.set_document_type(flowii::DocumentType::kInvoice)
      .set_numbering_sequence(sequences.front().id())
      .set_company_data(issuers.front().id())
      .set_partner(partners.items.front().id())
      .set_issue_date(today)
      .set_delivery_date(today)
      .set_maturity(today.plus_days(14))  // the due date
      // A price-list line: price, VAT rate and unit come from the good.
      .add_items(flowii::DocumentItem()
                     .set_name(goods.items.front().name().value_or("Tovar"))
                     .set_quantity(2)
                     .set_good(goods.items.front().id()))
      // A free line: its own price, price type, VAT rate (percent) and unit.
      .add_items(flowii::DocumentItem()
                     .set_name("Doprava na stavbu")
                     .set_quantity(1)
                     .set_unit_price(45)
                     .set_unit_price_type(flowii::PriceType::kExcludingVat)
                     .set_vat_rate(23)
                     .set_unit_of_measure(units.front().id()));
  auto created = invoicing.create(invoice).value();  // the answer carries the serial number
  std::cout << "created invoice " << created.id() << " (serial-nr " << created.serial_nr().value_or("?") << ")\n";

  auto pdf = invoicing.pdf(created.id(), "sk").value();
  if (pdf.bytes.empty()) throw std::runtime_error("the PDF is empty");
  std::string const file = "invoice-" + created.id() + ".pdf";
  flowii::throw_if_error(pdf.write_to(file));
  std::cout << "wrote " << file << " (" << pdf.bytes.size() << " bytes, " << pdf.content_type << ")\n";
  return 0;
} catch (std::exception const& e) {
  std::cerr << "invoice_with_pdf: " << e.what() << "\n";
  return 1;
}
