// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Invoicing: documents and their code lists. Only what is particular to this
// module; reads of code lists come from the generic blocks.
#include <flowii/invoicing.hpp>

namespace flowii {
namespace {

/// Query parameters of a code list that FLOWii filters by plain parameters
/// (documentType, companyDataId) rather than filter[...].
using Params = std::initializer_list<std::pair<char const*, std::string>>;

template <typename T>
Result<std::vector<T>> code_list_with(detail::Core& core, std::string const& path, Params params,
                                      CallOptions const& options) {
  Query query;
  for (auto const& [name, value] : params) query.set_param(name, value);
  return detail::as_models<T>(detail::list_all(core, path, query, options, T::kType));
}

std::string number(DocumentType type) { return std::to_string(static_cast<int>(type)); }

}  // namespace

DocumentCategoriesApi::DocumentCategoriesApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/documentcategories"), tree_(std::move(core), "/documentcategories") {}

DocumentCategoriesApi::DocumentCategoriesApi() : DocumentCategoriesApi(detail::unbound_core()) {}

Result<std::vector<DocumentCategory>> DocumentCategoriesApi::list(DocumentType type, CallOptions const& options) {
  return code_list_with<DocumentCategory>(core(), collection(), {{"documentType", number(type)}}, options);
}

Result<DocumentCategory> DocumentCategoriesApi::get(std::string const& id, CallOptions const& options) {
  return tree_.get(id, options);
}

Result<std::vector<DocumentCategory>> DocumentCategoriesApi::children(std::string const& parent_id,
                                                                      CallOptions const& options) {
  return tree_.children(parent_id, options);
}

InvoicingApi::InvoicingApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/documents"),
      categories_(core),
      company_data_(core, "/companydata"),
      bank_accounts_(core, "/bankaccounts"),
      payment_methods_(core, "/paymentmethods"),
      delivery_types_(std::move(core), "/deliverytypes") {}

InvoicingApi::InvoicingApi() : InvoicingApi(detail::unbound_core()) {}

Result<Document> InvoicingApi::create(Document const& document, CallOptions const& options) {
  return detail::as_model<Document>(detail::create(core(), collection(), document, options));
}

Result<Binary> InvoicingApi::pdf(std::string const& document_id, std::string const& language,
                                 CallOptions const& options) {
  Query query;
  if (!language.empty()) query.set_param("language", language);
  return detail::download(core(), sub_path(document_id, "pdf"), query, options);
}

Result<Binary> InvoicingApi::export_pohoda(DocumentExportQuery const& filter, CallOptions const& options) {
  // FLOWii documents application/zip; a live client received Pohoda XML text.
  // Whatever arrives is handed over untouched (see the header).
  return detail::download(core(), collection() + "/export/pohoda", filter, options);
}

Result<std::vector<NumberingSequence>> InvoicingApi::numbering_sequences(DocumentType type,
                                                                         std::string const& company_data_id,
                                                                         CallOptions const& options) {
  return code_list_with<NumberingSequence>(core(), "/numberingsequences/documents",
                                           {{"documentType", number(type)}, {"companyDataId", company_data_id}},
                                           options);
}

DocumentCategoriesApi& InvoicingApi::categories() { return categories_; }
CodeListApi<CompanyData>& InvoicingApi::company_data() { return company_data_; }
CodeListApi<BankAccount>& InvoicingApi::bank_accounts() { return bank_accounts_; }
CodeListApi<PaymentMethod>& InvoicingApi::payment_methods() { return payment_methods_; }
CodeListApi<DeliveryType>& InvoicingApi::delivery_types() { return delivery_types_; }

}  // namespace flowii
