// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Partners: only what is particular to this module; CRUD, attachments, work items
// and the declared operations (FLOWII_PARTNERS_OPERATIONS) come from the generic blocks.
#include <flowii/partners.hpp>

namespace flowii {

PartnersApi::PartnersApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/partners"), types_(std::move(core), "/businessrelationships") {}

PartnersApi::PartnersApi() : PartnersApi(detail::unbound_core()) {}

Result<Binary> PartnersApi::export_xml(PartnerQuery const& filter, bool include_contacts, CallOptions const& options) {
  PartnerQuery q = filter;
  q.set_param("includeContacts", include_contacts ? "true" : "false");
  return detail::download(core(), "/partners/export/xml", q, options);
}

Result<Binary> PartnersApi::export_pohoda(PartnerQuery const& filter, CallOptions const& options) {
  return detail::download(core(), "/partners/export/pohoda", filter, options);
}

TreeCodeListApi<BusinessRelationship>& PartnersApi::types() { return types_; }

}  // namespace flowii
