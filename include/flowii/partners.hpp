// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Partners module: /partners and its sub-resources, exports, custom fields, tags,
// partner types and subtypes (/businessrelationships).
#ifndef FLOWII_PARTNERS_HPP
#define FLOWII_PARTNERS_HPP

#include <flowii/api.hpp>
#include <flowii/models/business_cases.hpp>
#include <flowii/models/invoicing.hpp>
#include <flowii/models/orders.hpp>
#include <flowii/models/partners.hpp>
#include <flowii/related.hpp>

#include <memory>
#include <string>
#include <vector>

/// The partner operations of the common shapes, one line each (api.hpp explains
/// the shapes): a partner's contacts, business cases, orders and invoicing
/// documents (GET /partners/{id}/...); custom-field definitions; the tags used on
/// partners (read one tag by id with client.account().tag(id)).
#define FLOWII_PARTNERS_OPERATIONS(SUB_LIST, CODE_LIST, DOWNLOAD)                                                 \
  SUB_LIST(Contact, contacts, "contacts", "partner-contacts", "A partner's contact persons",                      \
           ("first-name", "last-name", "email", "phone"))                                                         \
  SUB_LIST(BusinessCase, business_cases, "businesscases", "partner-business-cases", "A partner's business cases", \
           ("serial-nr", "name", "anticipated-income-amount"))                                                    \
  SUB_LIST(Order, orders, "orders", "partner-orders", "A partner's orders", ("serial-nr", "name", "deadline"))    \
  SUB_LIST(Document, documents, "documents", "partner-documents", "A partner's invoicing documents",              \
           ("serial-nr", "type", "taxed-gross-amount"))                                                           \
  CODE_LIST(Tag, tags, "/partners/tags", "partner-tags", "Tags used on partners", ("name"))                       \
  CODE_LIST(CustomFieldDefinition, custom_fields, "/partners/customfields", "partner-custom-fields",              \
            "Custom-field definitions of partners", ())

namespace flowii {

/// /partners: CRUD (list with PartnerQuery filters), sub-lists, attachments,
/// exports, custom fields, tags, partner types and subtypes.
///
/// create(): FLOWii requires `name` and `type` (PartnerType). Addresses, the key
/// contact, further contacts, bank accounts and tags go nested into the same
/// call (`set_billing_address(Address()...)`, `add_contacts(Contact()...)`). Ids:
/// an address's country from `client.account().countries()`, the partner type
/// and subtype from types().list() and types().children(), the responsible user
/// from `client.session()->user_id` or `client.account().users()`. Contacts added
/// later: get(), add_contacts(), update().
class PartnersApi : public CrudApi<Partner, PartnerQuery>, public AttachmentsApi, public WorkItemsApi {
 public:
  explicit PartnersApi(std::shared_ptr<detail::Core> core);

  FLOWII_OPERATION_METHODS(FLOWII_PARTNERS_OPERATIONS)
  /// XML export of the partners matching `filter` (FLOWii documents a zip archive).
  virtual Result<Binary> export_xml(PartnerQuery const& filter = {}, bool include_contacts = false,
                                    CallOptions const& options = {});
  /// Pohoda export of the partners matching `filter`.
  virtual Result<Binary> export_pohoda(PartnerQuery const& filter = {}, CallOptions const& options = {});
  /// Partner types; their subtypes via types().children(type_id).
  virtual TreeCodeListApi<BusinessRelationship>& types();

 protected:
  /// Bound to no Client: the base of MockPartnersApi (flowii/testing/mocks.hpp).
  PartnersApi();

 private:
  TreeCodeList<BusinessRelationship> types_;
};

}  // namespace flowii

#endif  // FLOWII_PARTNERS_HPP
