// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: finding the record that a create whose answer was lost may have made
// (ReconcileOptions, docs/adr/0010-reconciling-lost-creates.md).
#ifndef FLOWII_SRC_CORE_RECONCILE_HPP
#define FLOWII_SRC_CORE_RECONCILE_HPP

#include <flowii/datetime.hpp>
#include <flowii/options.hpp>
#include <flowii/resource.hpp>
#include <flowii/result.hpp>

#include <string>
#include <vector>

namespace flowii::detail {

class Core;

/// Whether `listed` shows what `sent` asked for: every attribute and related id of
/// `sent` that `listed` carries is equal (numbers by value, a date equal to its
/// midnight date-time), and at least one of them was compared.
bool matches_sent(Resource const& sent, Resource const& listed);

/// The records at `path` that match `sent`, among those created since the attempt
/// (`attempted`, this machine's clock) less ReconcileOptions::skew_margin, or since
/// the `created` date that `sent` carries when that is earlier (FLOWii filters
/// created-from on it), reading at most ReconcileOptions::max_pages pages.
Result<std::vector<Resource>> find_created(Core& core, std::string const& path, Resource const& sent,
                                           UnixTime attempted, CallOptions const& options);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_RECONCILE_HPP
