// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Finance: cash-flow CRUD comes from CrudApi; what is particular here is the
// `company-id` FLOWii's cash-flow schemas want inside the attributes, and the
// bank-transaction endpoint.
#include <flowii/finance.hpp>

#include "core/core.hpp"

#include <cerrno>
#include <cstdlib>

namespace flowii {
namespace {

// A copy of `resource` carrying the session's company as `company-id` (a number,
// as in FLOWii's examples) unless the caller set one.
template <typename T>
Result<T> with_company_id(detail::Core& core, T resource) {
  if (resource.has("company-id")) return resource;
  auto session = core.session();
  if (!session) return session.status();
  char* end = nullptr;
  errno = 0;
  long long const id = std::strtoll(session->company_id.c_str(), &end, 10);
  // Company ids are numbers; should one ever not be, the query's companyId still applies.
  if (errno == 0 && end != nullptr && *end == '\0' && !session->company_id.empty()) {
    resource.set("company-id", static_cast<std::int64_t>(id));
  }
  return resource;
}

}  // namespace

FinanceApi::FinanceApi(std::shared_ptr<detail::Core> core) : Endpoint(std::move(core), "/cashflow") {}

FinanceApi::FinanceApi() : FinanceApi(detail::unbound_core()) {}

Result<CashFlow> FinanceApi::create(CashFlow const& cash_flow, CallOptions const& options) {
  auto stamped = with_company_id(core(), cash_flow);
  if (!stamped) return stamped.status();
  return CrudApi::create(*stamped, options);
}

Status FinanceApi::update(CashFlow const& cash_flow, CallOptions const& options) {
  auto stamped = with_company_id(core(), cash_flow);
  if (!stamped) return stamped.status();
  return CrudApi::update(*stamped, options);
}

Result<std::string> FinanceApi::post_transaction(CashFlowTransaction const& transaction, CallOptions const& options) {
  auto stamped = with_company_id(core(), transaction);
  if (!stamped) return stamped.status();
  // FLOWii answers with the cash flow the transaction was booked as (blueprint).
  auto created =
      detail::create(core(), "/cashflowtransactions", *stamped, options, detail::Reconcile::kNo, CashFlow::kType);
  if (!created) return created.status();
  return created->id();
}

}  // namespace flowii
