// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Orders: only what is particular to this module; CRUD, attachments, work items,
// code lists and the declared operations (FLOWII_ORDERS_OPERATIONS) come from the
// generic blocks.
#include <flowii/orders.hpp>

namespace flowii {

OrdersApi::OrdersApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/orders"), states_(core, "/orderstates"), types_(std::move(core), "/ordertypes") {}

OrdersApi::OrdersApi() : OrdersApi(detail::unbound_core()) {}

Result<Binary> OrdersApi::export_pohoda(OrderQuery const& filter, CallOptions const& options) {
  return detail::download(core(), "/orders/export/pohoda", filter, options);
}

CodeListApi<OrderState>& OrdersApi::states() { return states_; }
TreeCodeListApi<OrderType>& OrdersApi::types() { return types_; }

}  // namespace flowii
