// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Invoicing module models (blueprint groups "Documents" and their code lists).
#ifndef FLOWII_MODELS_INVOICING_HPP
#define FLOWII_MODELS_INVOICING_HPP

#include <flowii/model.hpp>

#include <string>

namespace flowii {

/// Document type (documentType parameter and `type` attribute).
enum class DocumentType : int {
  kQuote = 1,
  kDeliveryNote = 2,
  kAdvanceInvoice = 3,
  kInvoice = 4,
  kReceivedOrder = 5,
  kIssuedOrder = 6,
  kReceivedInvoice = 7,
  kJobSheet = 8,
  kWarehouseDocument = 9,
  kRequestForQuote = 10,
};

/// Payment state of an invoice.
enum class InvoiceState : int {
  kUnassigned = 0,
  kOverdue = 1,
  kPartlyPaidOverdue = 2,
  kAwaitingPayment = 3,
  kAwaitingApproval = 4,
  kPartlyPaid = 5,
  kPaid = 6,
  kOverpaid = 7,
  kApproved = 8,
  kRejected = 9,
  kUnclassified = 99,
};

/// Invoice kind (only when type is kInvoice): null/0 invoice, 1 tax document for a
/// received advance, 2 credit note, 3 settlement invoice.
enum class InvoiceType : int { kInvoice = 0, kAdvanceTaxDocument = 1, kCreditNote = 2, kSettlement = 3 };

/// A document as listed under a partner or an order.
#define FLOWII_DOCUMENT_FIELDS(ATTR, ONE, MANY)                   \
  ATTR(std::string, serial_nr, "serial-nr")                       \
  ATTR(DocumentType, document_type, "type")                       \
  ATTR(InvoiceType, invoice_type, "invoice-type")                 \
  ATTR(InvoiceState, invoice_state, "invoice-state")              \
  ATTR(double, gross_amount, "gross-amount")                      \
  ATTR(double, taxed_gross_amount, "taxed-gross-amount")          \
  ATTR(double, unpaid, "unpaid")
FLOWII_MODEL(Document, "document", FLOWII_DOCUMENT_FIELDS);

}  // namespace flowii

#endif  // FLOWII_MODELS_INVOICING_HPP
