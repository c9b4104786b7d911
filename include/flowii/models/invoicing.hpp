// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Invoicing module models (blueprint groups "Documents", "Document Categories",
// "Document Numbering Sequences", "Company Data", "Bank Accounts",
// "Payment Methods", "Delivery Types").
#ifndef FLOWII_MODELS_INVOICING_HPP
#define FLOWII_MODELS_INVOICING_HPP

#include <flowii/model.hpp>
#include <flowii/models/goods.hpp>
#include <flowii/query.hpp>

#include <cstdint>
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

/// `discount-type` of a document or an item: 1 percent, 2 amount.
enum class DiscountType : int { kPercent = 1, kAmount = 2 };

/// FLOWii's VAT-rate kinds: 0 N rate, 1 standard, 2 reduced 1, 3 reduced 2, 4 zero
/// (cash flow adds 255, custom). The blueprint declares this enum for document
/// create, but no example carries it: items send `vat-rate` as a percentage
/// (20), so DocumentItem::vat_rate stays a number.
enum class VatRateType : int { kNRate = 0, kStandard = 1, kReduced1 = 2, kReduced2 = 3, kZero = 4 };

/// One of your own invoicing entities ("Firma"): the issuer of a document.
/// The list shows the name only; get() adds the rest, the country in included().
#define FLOWII_COMPANY_DATA_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                   \
  ATTR(std::string, ico, "ico")                     \
  ATTR(std::string, dic, "dic")                     \
  ATTR(std::string, ic_dph, "ic-dph")               \
  ATTR(std::string, street, "street")               \
  ATTR(std::string, city, "city")                   \
  ATTR(std::string, zip, "zip")                     \
  ONE(country, "country", "country")
FLOWII_MODEL(CompanyData, "company-data", FLOWII_COMPANY_DATA_FIELDS);

/// One of your bank accounts; `name` is the IBAN.
#define FLOWII_BANK_ACCOUNT_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(BankAccount, "bank-account", FLOWII_BANK_ACCOUNT_FIELDS);

#define FLOWII_PAYMENT_METHOD_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(PaymentMethod, "payment-method", FLOWII_PAYMENT_METHOD_FIELDS);

#define FLOWII_DELIVERY_TYPE_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(DeliveryType, "delivery-type", FLOWII_DELIVERY_TYPE_FIELDS);

/// A document category or subcategory (per document type); subcategories have a parent.
#define FLOWII_DOCUMENT_CATEGORY_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                        \
  ATTR(std::int64_t, order, "order")                     \
  ONE(parent, "parent", "document-category")
FLOWII_MODEL(DocumentCategory, "document-category", FLOWII_DOCUMENT_CATEGORY_FIELDS);

/// A numbering sequence of one document type and company data; a new document
/// takes its serial number from it. FLOWii's example shows both fields null.
#define FLOWII_NUMBERING_SEQUENCE_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                         \
  ATTR(std::string, format, "format")
FLOWII_MODEL(NumberingSequence, "numbering-sequence", FLOWII_NUMBERING_SEQUENCE_FIELDS);

/// A line of a document, written nested inside Document::items. A price-list
/// line links a `good` (its price, VAT and unit come from the good); a free line
/// gives unit-price, unit-price-type, vat-rate (percent) and a unit of measure.
/// The blueprint's create example links the unit as type "unit-of-measure",
/// while goods and /units call the same resource "unit"; the SDK sends what the
/// create example shows.
#define FLOWII_DOCUMENT_ITEM_FIELDS(ATTR, ONE, MANY)  \
  ATTR(std::string, name, "name")                     \
  ATTR(double, quantity, "quantity")                  \
  ATTR(DiscountType, discount_type, "discount-type")  \
  ATTR(double, discount, "discount")                  \
  ATTR(double, unit_price, "unit-price")              \
  ATTR(PriceType, unit_price_type, "unit-price-type") \
  ATTR(double, vat_rate, "vat-rate")                  \
  ONE(good, "good", "good")                           \
  ONE(unit_of_measure, "unit-of-measure", "unit-of-measure")
FLOWII_MODEL(DocumentItem, "item", FLOWII_DOCUMENT_ITEM_FIELDS);

/// The share (percent) of a document allocated to an order; written nested
/// inside Document::order_allocations. An allocation without an order is allowed.
#define FLOWII_ORDER_ALLOCATION_FIELDS(ATTR, ONE, MANY) \
  ATTR(double, proportion, "proportion")                \
  ONE(order, "order", "order")
FLOWII_MODEL(OrderAllocation, "order-allocation", FLOWII_ORDER_ALLOCATION_FIELDS);

/// A document: invoice, quote, delivery note, order and the rest (see DocumentType).
/// Create one with InvoicingApi::create(); FLOWii answers with the id and
/// `serial-nr`. FLOWii documents no read of a single document: the fields from
/// `serial-nr` to `unpaid` are what /partners/{id}/documents lists, the others
/// are what a create sends. Dates are local date-times ("2025-01-20T00:00:00").
#define FLOWII_DOCUMENT_FIELDS(ATTR, ONE, MANY)                       \
  ATTR(std::string, serial_nr, "serial-nr")                           \
  ATTR(DocumentType, document_type, "type")                           \
  ATTR(InvoiceType, invoice_type, "invoice-type")                     \
  ATTR(InvoiceState, invoice_state, "invoice-state")                  \
  /* net total (without VAT) */                                       \
  ATTR(double, gross_amount, "gross-amount")                          \
  /* total with VAT */                                                \
  ATTR(double, taxed_gross_amount, "taxed-gross-amount")              \
  ATTR(double, unpaid, "unpaid")                                      \
  ATTR(DateTime, issue_date, "issue-date")                            \
  ATTR(DateTime, delivery_date, "delivery-date")                      \
  /* due date */                                                      \
  ATTR(DateTime, maturity, "maturity")                                \
  ATTR(std::string, variable_symbol, "variable-symbol")               \
  ATTR(std::string, specific_symbol, "specific-symbol")               \
  ATTR(std::string, constant_symbol, "constant-symbol")               \
  ATTR(DiscountType, discount_type, "discount-type")                  \
  ATTR(double, discount, "discount")                                  \
  ONE(numbering_sequence, "numbering-sequence", "numbering-sequence") \
  ONE(user, "user", "user")                                           \
  ONE(company_data, "company-data", "company-data")                   \
  ONE(partner, "partner", "partner")                                  \
  MANY(items, "items", "item")                                        \
  ONE(payment_method, "payment-method", "payment-method")             \
  /* FLOWii's relationship is called "account" */                     \
  ONE(bank_account, "account", "bank-account")                        \
  ONE(delivery_type, "delivery-type", "delivery-type")                \
  ONE(category, "category", "document-category")                      \
  ONE(business_case, "business-case", "business-case")                \
  MANY(order_allocations, "order-allocations", "order-allocation")
FLOWII_MODEL(Document, "document", FLOWII_DOCUMENT_FIELDS);

/// Filters of GET /documents/export/pohoda. Dates are unix seconds.
#define FLOWII_DOCUMENT_EXPORT_FILTERS(TEXT, ID, IDS, TIME, NUM) \
  FLOWII_TIME_RANGE(TIME, issued, "issued")                      \
  FLOWII_TIME_RANGE(TIME, edited, "edited")                      \
  FLOWII_TIME_RANGE(TIME, delivery, "delivery")                  \
  FLOWII_TIME_RANGE(TIME, due, "due")                            \
  FLOWII_TIME_RANGE(TIME, paid, "paid")
FLOWII_QUERY(DocumentExportQuery, FLOWII_DOCUMENT_EXPORT_FILTERS);

/// Every model of this header (see ModelList).
using InvoicingModels = ModelList<CompanyData, BankAccount, PaymentMethod, DeliveryType, DocumentCategory,
                                  NumberingSequence, DocumentItem, OrderAllocation, Document>;

}  // namespace flowii

#endif  // FLOWII_MODELS_INVOICING_HPP
