// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Internal: how the generic operations (operations.cpp) and Client::raw() build a call.
#ifndef FLOWII_SRC_CORE_OPERATIONS_HPP
#define FLOWII_SRC_CORE_OPERATIONS_HPP

#include "core/core.hpp"

#include <string>
#include <string_view>

namespace flowii::detail {

/// Whether a method may be sent again after a failure that leaves its outcome open
/// (docs/adr/0005-retries-and-idempotency.md): GET, HEAD and DELETE.
bool idempotent_by_default(std::string_view method);

/// A call of `method` to `path` with the query and the caller's options, its
/// idempotency by default for the method.
Call make_call(std::string method, std::string const& path, ListQuery const& query, CallOptions const& options);

}  // namespace flowii::detail

#endif  // FLOWII_SRC_CORE_OPERATIONS_HPP
