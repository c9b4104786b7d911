// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The generic resource engine: turns every module's declarations into routes.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_ENGINE_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_ENGINE_HPP

#include <functional>
#include <string>

#include "catalog.hpp"
#include "router.hpp"
#include "writer.hpp"

namespace flowii::emulator {

// Registers each module's hand-written routes and, for each ResourceSpec, the
// list/read/create/update/delete, sub-list, attachment and export endpoints
// its declaration asks for.
void add_routes(Router& router, Catalog const& catalog);

// For hand-written endpoints (Module::routes), behaving like the generic ones:
// Runs a write all-or-nothing: errors it collects undo every change and are
// thrown as one ErrorReply. Returns what `write` returns (e.g. the new id).
std::string write_atomically(Ctx& ctx, std::function<std::string(Writer&)> const& write);
// The record of the spec's type and scope, or ErrorReply 404.
Record const& find_or_404(Ctx const& ctx, ResourceSpec const& spec, std::string const& id);
// GET {item}/{id}: data, links.self and included.
HttpReply detail_reply(Ctx const& ctx, Record const& record);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_ENGINE_HPP
