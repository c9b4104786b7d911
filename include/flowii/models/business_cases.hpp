// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Business cases module models (blueprint groups "Business Cases", "Business Case
// States", "Business Case Sources", "Business Case Failures"). Custom fields of
// business cases use the shared CustomFieldDefinition / CustomFieldValue.
#ifndef FLOWII_MODELS_BUSINESS_CASES_HPP
#define FLOWII_MODELS_BUSINESS_CASES_HPP

#include <flowii/model.hpp>
#include <flowii/models/common.hpp>
#include <flowii/query.hpp>

#include <string>

namespace flowii {

/// The `type` of a business-case state: where a case in that state stands.
enum class BusinessCaseStateType : int {
  kInProgress = 1,  ///< Prebieha
  kWon = 2,         ///< Úspešne ukončený
  kPostponed = 3,   ///< Odložený
  kLost = 4,        ///< Neúspešne ukončený
};

/// A company-defined business-case state (/businesscasestates), e.g. "10% Kontakt".
#define FLOWII_BUSINESS_CASE_STATE_FIELDS(ATTR, ONE, MANY)      \
  ATTR(std::string, name, "name")                               \
  ATTR(BusinessCaseStateType, business_case_state_type, "type") \
  ATTR(std::int64_t, order, "order")
FLOWII_MODEL(BusinessCaseState, "business-case-state", FLOWII_BUSINESS_CASE_STATE_FIELDS);

/// Where a business case came from (/businesscasesources). FLOWii documents no way
/// to set it on a case; the list filter `source-id` exists.
#define FLOWII_BUSINESS_CASE_SOURCE_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(BusinessCaseSource, "business-case-source", FLOWII_BUSINESS_CASE_SOURCE_FIELDS);

/// Reason a business case was lost (/businesscasefailures).
#define FLOWII_BUSINESS_CASE_FAILURE_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(BusinessCaseFailure, "business-case-failure", FLOWII_BUSINESS_CASE_FAILURE_FIELDS);

/// A business case ("obchodný prípad"). Required on create: name, created, state,
/// partner. `serial-nr` is assigned by FLOWii. The list view carries a singular
/// `responsible-user`; the detail carries `responsible-users` (write that one).
/// On read, state, failure, partner and users are in included():
///   auto state = bc.related<BusinessCaseState>("state");
/// Custom-field values: add_custom_field(bc, CustomFieldValue::text(...)).
#define FLOWII_BUSINESS_CASE_FIELDS(ATTR, ONE, MANY)                   \
  ATTR(std::string, name, "name")                                      \
  ATTR(std::string, serial_nr, "serial-nr")                            \
  ATTR(std::string, description, "description")                        \
  ATTR(DateTime, created, "created")                                   \
  ATTR(DateTime, anticipated_finish_date, "anticipated-finish-date")   \
  ATTR(DateTime, finish_date, "finish-date")                           \
  ATTR(double, anticipated_income_amount, "anticipated-income-amount") \
  ATTR(std::string, failed_finish_note, "failed-finish-note")          \
  ONE(state, "state", "business-case-state")                           \
  ONE(failure, "failure", "business-case-failure")                     \
  ONE(partner, "partner", "partner")                                   \
  ONE(responsible_user, "responsible-user", "user")                    \
  MANY(responsible_users, "responsible-users", "user")
FLOWII_MODEL(BusinessCase, "business-case", FLOWII_BUSINESS_CASE_FIELDS);

/// Filters of GET /businesscases (blueprint "Get business case list"); the XML
/// export takes the same ones except the partner-country/type/subtype/tag filters.
/// Dates are unix seconds. FLOWii documents no business-case source, type or
/// subtype fields, only these filters.
#define FLOWII_BUSINESS_CASE_FILTERS(TEXT, ID, IDS, TIME, NUM) \
  FLOWII_TIME_RANGE(TIME, created, "created")                  \
  FLOWII_TIME_RANGE(TIME, edited, "edited")                    \
  FLOWII_TIME_RANGE(TIME, inactive, "inactive")                \
  FLOWII_TIME_RANGE(TIME, finished, "finished")                \
  ID(state_id, "state-id")                                     \
  ID(source_id, "source-id")                                   \
  ID(failure_id, "failure-id")                                 \
  ID(type_id, "type-id")                                       \
  ID(subtype_id, "subtype-id")                                 \
  ID(responsible_user_id, "responsible-user-id")               \
  ID(partner_id, "partner-id")                                 \
  ID(partner_country_id, "partner-country-id")                 \
  ID(partner_type_id, "partner-type-id")                       \
  ID(partner_subtype_id, "partner-subtype-id")                 \
  IDS(partner_tag_ids, "partner-tag-ids")                      \
  ID(order_id, "order-id")                                     \
  TEXT(search_text, "search-text")
FLOWII_QUERY(BusinessCaseQuery, FLOWII_BUSINESS_CASE_FILTERS);

/// Every model of this header (see ModelList).
using BusinessCasesModels = ModelList<BusinessCaseState, BusinessCaseSource, BusinessCaseFailure, BusinessCase>;

}  // namespace flowii

#endif  // FLOWII_MODELS_BUSINESS_CASES_HPP
