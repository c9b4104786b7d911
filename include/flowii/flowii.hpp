// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Umbrella header: the whole public API.

/// \mainpage flowii-cpp API reference
///
/// The C++17 SDK for the FLOWii REST API. Start at flowii::Client: it hands out
/// one module client per FLOWii module (flowii::PartnersApi, flowii::OrdersApi,
/// ...). Every call returns a flowii::Result or a flowii::Status; lists come as
/// a flowii::Page or a lazy flowii::Pager. Options are in flowii::ClientOptions.
///
/// The guides (getting started, authentication, paging and filters, errors and
/// retries, logging, threads) are in the `docs/` folder of the source tree.
#ifndef FLOWII_FLOWII_HPP
#define FLOWII_FLOWII_HPP

#include <flowii/account.hpp>
#include <flowii/api.hpp>
#include <flowii/attendance.hpp>
#include <flowii/batch.hpp>
#include <flowii/binary.hpp>
#include <flowii/business_cases.hpp>
#include <flowii/client.hpp>
#include <flowii/datetime.hpp>
#include <flowii/finance.hpp>
#include <flowii/goods.hpp>
#include <flowii/http.hpp>
#include <flowii/invoicing.hpp>
#include <flowii/logging.hpp>
#include <flowii/model.hpp>
#include <flowii/options.hpp>
#include <flowii/orders.hpp>
#include <flowii/partners.hpp>
#include <flowii/query.hpp>
#include <flowii/resource.hpp>
#include <flowii/result.hpp>
#include <flowii/status.hpp>
#include <flowii/tasks.hpp>
#include <flowii/version.hpp>

#endif  // FLOWII_FLOWII_HPP
