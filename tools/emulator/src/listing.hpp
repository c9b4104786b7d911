// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Collections: filters, FLOWii paging (page[number] from 0) and list documents.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_LISTING_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_LISTING_HPP

#include <string>
#include <vector>

#include "context.hpp"
#include "http_types.hpp"
#include "resource_spec.hpp"
#include "serializer.hpp"

namespace flowii::emulator {

// Keeps the records matching every filter[...] of the request (AND); a
// record matches a filter when any value at any of its paths does.
std::vector<Record const*> apply_filters(Ctx const& ctx, std::vector<Filter> const& filters,
                                         std::vector<Record const*> records);

// Query parameter names a list endpoint accepts for these filters.
std::vector<std::string> filter_params(std::vector<Filter> const& filters);
std::vector<std::string> page_params();

// A list document of `records` (all, or one page), with links and `included`;
// Shape::kSublist for records listed under another record.
HttpReply list_reply(Ctx const& ctx, std::vector<Record const*> const& records, bool paged, Shape shape = Shape::kList);

// Top-level links.self of a single-resource document.
std::string self_link(Ctx const& ctx);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_LISTING_HPP
