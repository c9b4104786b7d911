// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Business cases: only what is particular to this module; CRUD, attachments and
// work items come from the generic blocks.
#include <flowii/business_cases.hpp>

namespace flowii {

BusinessCasesApi::BusinessCasesApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/businesscases"),
      states_(core, "/businesscasestates"),
      sources_(core, "/businesscasesources"),
      failures_(std::move(core), "/businesscasefailures") {}

BusinessCasesApi::BusinessCasesApi() : BusinessCasesApi(detail::unbound_core()) {}

Result<Binary> BusinessCasesApi::export_xml(BusinessCaseQuery const& filter, bool include_messages,
                                            CallOptions const& options) {
  BusinessCaseQuery q = filter;
  q.set_param("includeMessages", include_messages ? "true" : "false");
  return detail::download(core(), "/businesscases/export/xml", q, options);
}

CodeListApi<BusinessCaseState>& BusinessCasesApi::states() { return states_; }
CodeListApi<BusinessCaseSource>& BusinessCasesApi::sources() { return sources_; }
CodeListApi<BusinessCaseFailure>& BusinessCasesApi::failures() { return failures_; }

}  // namespace flowii
