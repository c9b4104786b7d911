// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Partners: only what is particular to this module; CRUD, attachments and work
// items come from the generic blocks.
#include <flowii/partners.hpp>

namespace flowii {

PartnersApi::PartnersApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/partners"), types_(std::move(core), "/businessrelationships") {}

Result<Page<Contact>> PartnersApi::contacts(std::string const& partner_id, Query const& query,
                                            CallOptions const& options) {
  return with_core<Result<Page<Contact>>>(
      [&](detail::Core& c) { return owned_page<Contact>(c, sub_path(partner_id, "contacts"), query, options); });
}

Result<Page<BusinessCase>> PartnersApi::business_cases(std::string const& partner_id, Query const& query,
                                                       CallOptions const& options) {
  return with_core<Result<Page<BusinessCase>>>([&](detail::Core& c) {
    return owned_page<BusinessCase>(c, sub_path(partner_id, "businesscases"), query, options);
  });
}

Result<Page<Order>> PartnersApi::orders(std::string const& partner_id, Query const& query, CallOptions const& options) {
  return with_core<Result<Page<Order>>>(
      [&](detail::Core& c) { return owned_page<Order>(c, sub_path(partner_id, "orders"), query, options); });
}

Result<Page<Document>> PartnersApi::documents(std::string const& partner_id, Query const& query,
                                              CallOptions const& options) {
  return with_core<Result<Page<Document>>>(
      [&](detail::Core& c) { return owned_page<Document>(c, sub_path(partner_id, "documents"), query, options); });
}

Result<Binary> PartnersApi::export_xml(PartnerQuery const& filter, bool include_contacts, CallOptions const& options) {
  PartnerQuery q = filter;
  q.set_param("includeContacts", include_contacts ? "true" : "false");
  return with_core<Result<Binary>>(
      [&](detail::Core& c) { return detail::download(c, "/partners/export/xml", q, options); });
}

Result<Binary> PartnersApi::export_pohoda(PartnerQuery const& filter, CallOptions const& options) {
  return with_core<Result<Binary>>(
      [&](detail::Core& c) { return detail::download(c, "/partners/export/pohoda", filter, options); });
}

Result<std::vector<CustomFieldDefinition>> PartnersApi::custom_fields(CallOptions const& options) {
  return CodeList<CustomFieldDefinition>(core_ptr(), "/partners/customfields").list(options);
}

Result<std::vector<Tag>> PartnersApi::tags(CallOptions const& options) {
  return CodeList<Tag>(core_ptr(), "/partners/tags").list(options);
}

TreeCodeListApi<BusinessRelationship>& PartnersApi::types() { return types_; }

}  // namespace flowii
