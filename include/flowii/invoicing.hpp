// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Invoicing: documents (create, PDF, Pohoda export), document categories,
// numbering sequences, company data, bank accounts, payment methods, delivery types.
//
// FLOWii documents no list, read, update or delete of documents, so neither does
// this class: a document is listed under its partner (PartnersApi::documents)
// or its order, and anything newer is reachable through client.raw().
#ifndef FLOWII_INVOICING_HPP
#define FLOWII_INVOICING_HPP

#include <flowii/api.hpp>
#include <flowii/models/invoicing.hpp>

#include <memory>
#include <string>
#include <vector>

namespace flowii {

/// /documentcategories: categories of one document type and their subcategories.
class DocumentCategoriesApi : public virtual Endpoint {
 public:
  explicit DocumentCategoriesApi(std::shared_ptr<detail::Core> core);

  /// Top-level categories of a document type (FLOWii requires the type).
  virtual Result<std::vector<DocumentCategory>> list(DocumentType type, CallOptions const& options = {});
  /// One category or subcategory by id.
  virtual Result<DocumentCategory> get(std::string const& id, CallOptions const& options = {});
  /// Subcategories of a category (their parent is in included()).
  virtual Result<std::vector<DocumentCategory>> children(std::string const& parent_id, CallOptions const& options = {});

 protected:
  /// Bound to no Client: the base of MockDocumentCategoriesApi (flowii/testing/mocks.hpp).
  DocumentCategoriesApi();

 private:
  TreeCodeList<DocumentCategory> tree_;
};

class InvoicingApi : public virtual Endpoint {
 public:
  explicit InvoicingApi(std::shared_ptr<detail::Core> core);

  /// Creates a document (POST /documents) with its nested items and order
  /// allocations. Returns what was sent plus the new id and the `serial-nr`
  /// FLOWii assigned from the numbering sequence. Not retried unless the request
  /// provably never reached FLOWii.
  ///
  /// FLOWii documents no required fields here; a document needs `type`, a
  /// `numbering-sequence` of that type and of its `company-data`
  /// (numbering_sequences(type, company_data_id), with the id from
  /// company_data().list()) and a `partner`. Each item needs `name` and `quantity`,
  /// and either a `good` (`client.goods()`) or its own `unit-price`,
  /// `unit-price-type`, `vat-rate` and unit (`client.goods().units()`). Payment
  /// method, bank account, delivery type and category come from the code lists
  /// below.
  virtual Result<Document> create(Document const& document, CallOptions const& options = {});
  /// The document as PDF. `language` is a BCP 47 code ("sk", "hu", "en"); empty
  /// lets FLOWii choose. The bytes and content type are returned as sent.
  virtual Result<Binary> pdf(std::string const& document_id, std::string const& language = {},
                             CallOptions const& options = {});
  /// Pohoda export of the documents matching `filter`. FLOWii documents a zip
  /// archive, but a client that used it against the live API read Pohoda XML
  /// text: the bytes and content type are returned exactly as the server sent
  /// them, so check Binary::content_type before unpacking.
  virtual Result<Binary> export_pohoda(DocumentExportQuery const& filter = {}, CallOptions const& options = {});
  /// Numbering sequences of a document type for one of your company data
  /// (both are required by FLOWii).
  virtual Result<std::vector<NumberingSequence>> numbering_sequences(DocumentType type,
                                                                     std::string const& company_data_id,
                                                                     CallOptions const& options = {});
  /// Document categories and subcategories.
  virtual DocumentCategoriesApi& categories();
  /// Your own invoicing entities (the issuer of a document).
  virtual CodeListApi<CompanyData>& company_data();
  virtual CodeListApi<BankAccount>& bank_accounts();
  virtual CodeListApi<PaymentMethod>& payment_methods();
  virtual CodeListApi<DeliveryType>& delivery_types();

 protected:
  /// Bound to no Client: the base of MockInvoicingApi (flowii/testing/mocks.hpp).
  InvoicingApi();

 private:
  DocumentCategoriesApi categories_;
  CodeList<CompanyData> company_data_;
  CodeList<BankAccount> bank_accounts_;
  CodeList<PaymentMethod> payment_methods_;
  CodeList<DeliveryType> delivery_types_;
};

}  // namespace flowii

#endif  // FLOWII_INVOICING_HPP
