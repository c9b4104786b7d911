// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Orders: only what is particular to this module; CRUD, attachments and work
// items come from the generic blocks.
#include <flowii/orders.hpp>

namespace flowii {

OrdersApi::OrdersApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/orders"), states_(core, "/orderstates"), types_(std::move(core), "/ordertypes") {}

Result<Page<Document>> OrdersApi::documents(std::string const& order_id, Query const& query,
                                            CallOptions const& options) {
  return with_core<Result<Page<Document>>>(
      [&](detail::Core& c) { return owned_page<Document>(c, sub_path(order_id, "documents"), query, options); });
}

Result<Binary> OrdersApi::export_pohoda(OrderQuery const& filter, CallOptions const& options) {
  return with_core<Result<Binary>>(
      [&](detail::Core& c) { return detail::download(c, "/orders/export/pohoda", filter, options); });
}

Result<std::vector<CustomFieldDefinition>> OrdersApi::custom_fields(CallOptions const& options) {
  return CodeList<CustomFieldDefinition>(core_ptr(), "/orders/customfields").list(options);
}

CodeListApi<OrderState>& OrdersApi::states() { return states_; }
TreeCodeListApi<OrderType>& OrdersApi::types() { return types_; }

}  // namespace flowii
