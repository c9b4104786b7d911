// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Partners module models (blueprint group "Partners", "Partner Types").
#ifndef FLOWII_MODELS_PARTNERS_HPP
#define FLOWII_MODELS_PARTNERS_HPP

#include <flowii/model.hpp>
#include <flowii/models/common.hpp>
#include <flowii/query.hpp>

#include <string>

namespace flowii {

/// Partner `type`: 1 company (Firma), 2 person (Osoba).
enum class PartnerType : int { kCompany = 1, kPerson = 2 };

/// Billing, mailing or delivery address of a partner.
#define FLOWII_ADDRESS_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, street, "street")          \
  ATTR(std::string, city, "city")              \
  ATTR(std::string, zip, "zip")                \
  ONE(country, "country", "country")
FLOWII_MODEL(Address, "address", FLOWII_ADDRESS_FIELDS);

#define FLOWII_CONTACT_FIELDS(ATTR, ONE, MANY)                    \
  ATTR(std::string, salutation, "salutation")                     \
  ATTR(std::string, title, "title")                               \
  ATTR(std::string, first_name, "first-name")                     \
  ATTR(std::string, last_name, "last-name")                       \
  ATTR(std::string, post_nominal_letters, "post-nominal-letters") \
  ATTR(std::string, email, "email")                               \
  ATTR(std::string, phone, "phone")                               \
  ATTR(std::string, mobile, "mobile")                             \
  ATTR(std::string, job_title, "job-title")                       \
  ATTR(std::string, custom, "custom")                             \
  ATTR(std::string, comment, "comment")                           \
  ATTR(bool, is_subscribed, "is-subscribed")
FLOWII_MODEL(Contact, "contact", FLOWII_CONTACT_FIELDS);

/// A partner's bank account. The blueprint sends `prefix` on create and returns
/// `bank-name` on read; both are declared.
#define FLOWII_PARTNER_ACCOUNT_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, prefix, "prefix")                  \
  ATTR(std::string, bank_name, "bank-name")            \
  ATTR(std::string, number, "number")                  \
  ATTR(std::string, iban, "iban")                      \
  ATTR(std::string, swift, "swift")                    \
  ATTR(std::string, bank_code, "bank-code")
FLOWII_MODEL(PartnerAccount, "account", FLOWII_PARTNER_ACCOUNT_FIELDS);

/// Partner type or subtype (/businessrelationships); subtypes have a parent.
#define FLOWII_BUSINESS_RELATIONSHIP_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                            \
  ATTR(std::int64_t, order, "order")                         \
  ONE(parent, "parent", "business-relationship")
FLOWII_MODEL(BusinessRelationship, "business-relationship", FLOWII_BUSINESS_RELATIONSHIP_FIELDS);

/// A partner (customer, supplier, person). On read, addresses, contacts,
/// accounts, tags and the responsible user are in included():
///   auto billing = partner.related<Address>("billing-address");
/// Create them nested: partner.set_billing_address(Address().set_city("Nitra")).
#define FLOWII_PARTNER_FIELDS(ATTR, ONE, MANY)                                                   \
  ATTR(std::string, name, "name")                                                                \
  ATTR(PartnerType, partner_type, "type")                                                        \
  ATTR(std::string, comment, "comment")                                                          \
  ATTR(std::string, ico, "ico")                                                                  \
  ATTR(std::string, dic, "dic")                                                                  \
  ATTR(std::string, ic_dph, "ic-dph")                                                            \
  ATTR(std::int64_t, invoice_maturity, "invoice-maturity")                                       \
  ONE(base_business_relationship, "base-business-relationship", "business-relationship")         \
  ONE(extended_business_relationship, "extended-business-relationship", "business-relationship") \
  ONE(billing_address, "billing-address", "address")                                             \
  ONE(mailing_address, "mailing-address", "address")                                             \
  ONE(delivery_address, "delivery-address", "address")                                           \
  ONE(responsible_user, "responsible-user", "user")                                              \
  ONE(key_contact, "key-contact", "contact")                                                     \
  MANY(contacts, "contacts", "contact")                                                          \
  MANY(accounts, "accounts", "account")                                                          \
  MANY(tags, "tags", "tag")
FLOWII_MODEL(Partner, "partner", FLOWII_PARTNER_FIELDS);

/// Filters of GET /partners (blueprint "Get partner list"). Dates are unix seconds.
#define FLOWII_PARTNER_FILTERS(TEXT, ID, IDS, TIME, NUM)          \
  TEXT(search_text, "search-text")                                \
  FLOWII_TIME_RANGE(TIME, created, "created")                     \
  FLOWII_TIME_RANGE(TIME, edited, "edited")                       \
  FLOWII_TIME_RANGE(TIME, inactive, "inactive")                   \
  FLOWII_TIME_RANGE(TIME, active, "active")                       \
  TIME(business_case_created_from, "business-case-created-from")  \
  /* sic: the blueprint spells this one without the second "s" */ \
  TIME(business_case_created_to, "busines-case-created-to")       \
  FLOWII_TIME_RANGE(TIME, order_accepted, "order-accepted")       \
  ID(billing_address_country_id, "billing-address-country-id")    \
  IDS(tag_ids, "tag-ids")                                         \
  ID(type_id, "type-id")                                          \
  ID(subtype_id, "subtype-id")                                    \
  ID(responsible_user_id, "responsible-user-id")                  \
  NUM(business_case_state, "business-case-state")                 \
  NUM(order_state, "order-state")
FLOWII_QUERY(PartnerQuery, FLOWII_PARTNER_FILTERS);

/// Every model of this header (see ModelList).
using PartnersModels = ModelList<Address, Contact, PartnerAccount, BusinessRelationship, Partner>;

}  // namespace flowii

#endif  // FLOWII_MODELS_PARTNERS_HPP
