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
  PartnersApi() = default;  // for mocks
  explicit PartnersApi(std::shared_ptr<detail::Core> core);

  virtual Result<Page<Contact>> contacts(std::string const& partner_id, Query const& query = {},
                                         CallOptions const& options = {});
  virtual Result<Page<BusinessCase>> business_cases(std::string const& partner_id, Query const& query = {},
                                                    CallOptions const& options = {});
  virtual Result<Page<Order>> orders(std::string const& partner_id, Query const& query = {},
                                     CallOptions const& options = {});
  virtual Result<Page<Document>> documents(std::string const& partner_id, Query const& query = {},
                                           CallOptions const& options = {});
  /// XML export of the partners matching `filter` (FLOWii documents a zip archive).
  virtual Result<Binary> export_xml(PartnerQuery const& filter = {}, bool include_contacts = false,
                                    CallOptions const& options = {});
  /// Pohoda export of the partners matching `filter`.
  virtual Result<Binary> export_pohoda(PartnerQuery const& filter = {}, CallOptions const& options = {});
  /// Custom-field definitions for partners.
  virtual Result<std::vector<CustomFieldDefinition>> custom_fields(CallOptions const& options = {});
  /// Tags used on partners (read one tag by id with client.account().tag(id)).
  virtual Result<std::vector<Tag>> tags(CallOptions const& options = {});
  /// Partner types; their subtypes via types().children(type_id).
  virtual TreeCodeListApi<BusinessRelationship>& types();

 private:
  TreeCodeList<BusinessRelationship> types_;
};

}  // namespace flowii

#endif  // FLOWII_PARTNERS_HPP
