// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Business cases: CRUD, sub-lists, attachments, XML export, custom fields, states, sources, failure reasons.
#ifndef FLOWII_BUSINESS_CASES_HPP
#define FLOWII_BUSINESS_CASES_HPP

#include <flowii/api.hpp>
#include <flowii/models/business_cases.hpp>
#include <flowii/models/common.hpp>
#include <flowii/related.hpp>

#include <memory>
#include <string>
#include <vector>

/// The business-case operations of the common shapes (api.hpp): custom-field
/// definitions for business cases (GET /businesscases/customfields).
#define FLOWII_BUSINESS_CASES_OPERATIONS(SUB_LIST, CODE_LIST, DOWNLOAD)                                         \
  CODE_LIST(CustomFieldDefinition, custom_fields, "/businesscases/customfields", "business-case-custom-fields", \
            "Custom-field definitions of business cases", ())

namespace flowii {

/// /businesscases and its code lists.
///
///   list_page / list / get / create / update / remove   (CrudApi)
///   tasks / communications / mails                      (WorkItemsApi: the case's work)
///   upload_attachment / attachments                     (AttachmentsApi: /businesscases/{id}/files)
///
/// create(): FLOWii requires `name`, `created`, `state` (from states().list(),
/// picked by business_case_state_type()) and `partner` (an id from
/// `client.partners()`); `responsible-users` takes user ids
/// (`client.session()->user_id`, `client.account().users()`).
///
/// Moving a case to "won": pick a state whose business_case_state_type() is kWon
/// from states().list(), set_state(id) on the case read by get(), then update().
class BusinessCasesApi : public CrudApi<BusinessCase, BusinessCaseQuery>, public AttachmentsApi, public WorkItemsApi {
 public:
  explicit BusinessCasesApi(std::shared_ptr<detail::Core> core);

  FLOWII_OPERATION_METHODS(FLOWII_BUSINESS_CASES_OPERATIONS)

  /// XML export of the business cases matching `filter` (GET /businesscases/export/xml).
  /// FLOWii documents a zip archive. `include_messages` adds the cases' messages.
  virtual Result<Binary> export_xml(BusinessCaseQuery const& filter = {}, bool include_messages = false,
                                    CallOptions const& options = {});
  /// Business-case states (/businesscasestates): list() and get(id).
  virtual CodeListApi<BusinessCaseState>& states();
  /// Business-case sources (/businesscasesources): list() and get(id).
  virtual CodeListApi<BusinessCaseSource>& sources();
  /// Reasons for losing a case (/businesscasefailures): list() and get(id).
  virtual CodeListApi<BusinessCaseFailure>& failures();

 protected:
  /// Bound to no Client: the base of MockBusinessCasesApi (flowii/testing/mocks.hpp).
  BusinessCasesApi();

 private:
  CodeList<BusinessCaseState> states_;
  CodeList<BusinessCaseSource> sources_;
  CodeList<BusinessCaseFailure> failures_;
};

}  // namespace flowii

#endif  // FLOWII_BUSINESS_CASES_HPP
