// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Issue an invoice and get it as PDF: find your company data and its invoice
// numbering sequence, a partner, a good from the price list and a unit of
// measure through the API; create an invoice with a price-list line and a free
// line; write its PDF to the current directory; then export this month's
// invoices for Pohoda. Configured only from FLOWII_* variables:
//   FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME, FLOWII_PASSWORD,
//   FLOWII_COMPANY_ID (needed when the user has several companies), FLOWII_LOG.
#include "example_support.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

using examples::fail;

int main() {
  auto [client, session] = examples::connect("invoice_pdf");
  auto& invoicing = client.invoicing();

  // Who issues the invoice, and from which numbering sequence.
  auto entities = invoicing.company_data().list();
  if (!entities) fail("listing company data", entities.status());
  if (entities->empty()) fail("choosing company data", "this company has no company data");
  auto const& issuer = entities->front();
  std::cout << "issuer: " << issuer.name().value_or("?") << " (company data " << issuer.id() << ")\n";
  auto sequences = invoicing.numbering_sequences(flowii::DocumentType::kInvoice, issuer.id());
  if (!sequences) fail("listing numbering sequences", sequences.status());
  if (sequences->empty()) fail("choosing a numbering sequence", "no invoice numbering sequence");
  auto const& sequence = sequences->front();
  std::cout << "numbering sequence: " << sequence.name().value_or("(unnamed)") << " " << sequence.id() << "\n";

  // For whom, and what: a partner, a price-list good and a unit for the free line.
  auto partners = client.partners().list_page(flowii::PartnerQuery().page_size(1));
  if (!partners) fail("listing partners", partners.status());
  if (partners->items.empty()) fail("choosing a partner", "this company has no partners");
  auto const& partner = partners->items.front();
  std::cout << "customer: " << partner.name().value_or("?") << " (partner " << partner.id() << ")\n";

  auto goods = client.goods().list_page(flowii::GoodQuery().good_type(flowii::GoodType::kGoods).page_size(1));
  if (!goods) fail("listing goods", goods.status());
  if (goods->items.empty()) fail("choosing a good", "the price list has no goods");
  auto const& good = goods->items.front();
  std::cout << "price-list item: " << good.name().value_or("?") << " at " << good.selling_price().value_or(0)
            << " EUR\n";

  auto units = client.goods().units().list();
  if (!units) fail("listing units of measure", units.status());
  if (units->empty()) fail("choosing a unit", "no units of measure");
  auto unit = units->front();
  for (auto const& u : *units) {
    if (u.name() == "hod." || u.name() == "óra") unit = u;  // hours, for work done on site
  }

  auto methods = invoicing.payment_methods().list();
  if (!methods) fail("listing payment methods", methods.status());
  auto accounts = invoicing.bank_accounts().list();
  if (!accounts) fail("listing bank accounts", accounts.status());

  flowii::DateTime const issued = flowii::DateTime::from_date(flowii::Date::today());
  flowii::Document invoice;
  invoice.set_document_type(flowii::DocumentType::kInvoice)
      .set_issue_date(issued)
      .set_delivery_date(issued)
      .set_maturity(issued.plus_days(14))
      .set_numbering_sequence(sequence.id())
      .set_company_data(issuer.id())
      .set_partner(partner.id())
      .add_items(flowii::DocumentItem().set_name(good.name().value_or("Tovar")).set_quantity(3).set_good(good.id()))
      .add_items(flowii::DocumentItem()
                     .set_name("Montáž na mieste")
                     .set_quantity(2)
                     .set_unit_price(35)
                     .set_unit_price_type(flowii::PriceType::kExcludingVat)
                     .set_vat_rate(23)
                     .set_unit_of_measure(unit.id()));
  if (!methods->empty()) invoice.set_payment_method(methods->front().id());
  if (!accounts->empty()) invoice.set_bank_account(accounts->front().id());

  auto created = invoicing.create(invoice);
  if (!created) fail("creating the invoice", created.status());
  std::string const serial = created->serial_nr().value_or(created->id());
  std::cout << "created invoice " << serial << " (document " << created->id() << ")\n";

  auto pdf = invoicing.pdf(created->id(), "sk");
  if (!pdf) fail("getting the PDF", pdf.status());
  std::string const pdf_file = "invoice-" + serial + ".pdf";
  if (auto s = pdf->write_to(pdf_file); !s) fail("writing the PDF", s);
  std::cout << "wrote " << pdf_file << " (" << pdf->bytes.size() << " bytes, " << pdf->content_type << ")\n";

  // This month's invoices for Pohoda: from the 1st, 00:00, to the end of today.
  flowii::DateTime const month_start{issued.year, issued.month, 1, 0, 0, 0};
  flowii::DateTime const end_of_today{issued.year, issued.month, issued.day, 23, 59, 59};
  auto exported =
      invoicing.export_pohoda(flowii::DocumentExportQuery().issued_from(month_start).issued_to(end_of_today));
  if (!exported) fail("exporting to Pohoda", exported.status());
  // FLOWii documents a zip; a live server was seen sending the XML itself.
  bool const is_zip = exported->content_type.find("zip") != std::string::npos;
  std::string const month =
      std::to_string(issued.year) + (issued.month < 10 ? "-0" : "-") + std::to_string(issued.month);
  std::string const export_file = "invoices-pohoda-" + month + (is_zip ? ".zip" : ".xml");
  if (auto s = exported->write_to(export_file); !s) fail("writing the Pohoda export", s);
  std::cout << "wrote " << export_file << " (" << exported->bytes.size() << " bytes, " << exported->content_type
            << ")\n";
  std::cout << "invoice_pdf finished\n";
  return 0;
}
