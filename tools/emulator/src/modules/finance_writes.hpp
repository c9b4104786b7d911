// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Helpers for the hand-written write endpoints of the finance, attendance and
// notifications modules: the places where FLOWii's documented answers differ
// from the engine's generic ones (cash-flow PATCH/DELETE 200, create answers
// with links.self, device registration 200 without a body).
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_FINANCE_WRITES_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_FINANCE_WRITES_HPP

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "context.hpp"
#include "http_types.hpp"
#include "resource_spec.hpp"
#include "writer.hpp"

namespace flowii::emulator {

// Runs `write(Writer&, ErrorList const&)` all-or-nothing: any collected error
// undoes every change and is thrown as one 4xx reply. Returns what `write` returns.
template <typename Write>
auto write_all_or_nothing(Ctx& ctx, Write&& write) {
  Store::Transaction transaction(ctx.state.store, ctx.company);
  ErrorList errors;
  Writer writer(ctx, errors);
  auto result = std::forward<Write>(write)(writer, static_cast<ErrorList const&>(errors));
  errors.raise_if_any();
  transaction.commit();
  return result;
}

// 200 with no body (FLOWii's cash-flow PATCH/DELETE and device registration).
inline HttpReply ok_without_body() {
  HttpReply reply;
  reply.status = 200;
  return reply;
}

// FLOWii's create answer with its links.self (the collection URL), as the
// cash-flow and cash-flow-transaction examples show it.
inline nlohmann::json created_with_link(Ctx const& ctx, std::string const& type, std::string const& id) {
  return {{"data", {{"type", type}, {"id", id}, {"attributes", nlohmann::json::object()}}},
          {"links", {{"self", ctx.base_url + ctx.request.path}}}};
}

// The record `type`/`id` of the caller's company, or a 404 ErrorReply.
Record const& record_or_404(Ctx const& ctx, std::string const& type, std::string const& id);

// Cash-flow schemas carry `company-id` inside the attributes: it must be the
// request's companyId. Checked, then dropped (FLOWii's reads do not show it).
void take_company_id(Record& record, WriteScope& scope);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_FINANCE_WRITES_HPP
