// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: finding the record that a create whose answer was lost may have made
// (ReconcileOptions, docs/adr/0010-reconciling-lost-creates.md).
#ifndef FLOWII_SRC_CORE_RECONCILE_HPP
#define FLOWII_SRC_CORE_RECONCILE_HPP

#include <flowii/api.hpp>
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

// find_created() is declared in <flowii/api.hpp>: CrudApi::find_created reaches it.

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_RECONCILE_HPP
