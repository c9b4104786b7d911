// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Orders: CRUD, sub-lists, attachments, Pohoda export, custom fields, order states, order types and subtypes.
#ifndef FLOWII_ORDERS_HPP
#define FLOWII_ORDERS_HPP

#include <flowii/api.hpp>
#include <flowii/models/common.hpp>
#include <flowii/models/invoicing.hpp>
#include <flowii/models/orders.hpp>
#include <flowii/related.hpp>

#include <memory>
#include <string>
#include <vector>

/// The order operations of the common shapes (api.hpp): the documents (invoices,
/// quotes, ...) allocated to an order (GET /orders/{id}/documents; FLOWii documents
/// the path but no response body) and the custom-field definitions for orders.
#define FLOWII_ORDERS_OPERATIONS(SUB_LIST, CODE_LIST, DOWNLOAD)                                              \
  SUB_LIST(Document, documents, "documents", "order-documents", "Invoicing documents allocated to an order", \
           ("serial-nr", "type", "taxed-gross-amount"))                                                      \
  CODE_LIST(CustomFieldDefinition, custom_fields, "/orders/customfields", "order-custom-fields",             \
            "Custom-field definitions of orders", ())

namespace flowii {

/// /orders ("zákazky") and its code lists.
///
///   list_page / list / get / create / update / remove   (CrudApi)
///   tasks / communications / mails                      (WorkItemsApi: the order's work)
///   upload_attachment / attachments                     (AttachmentsApi: /orders/{id}/files)
///
/// create(): FLOWii's schema requires `created`, `state` (from states().list(),
/// picked by order_state_type()) and `user` (the creator, usually
/// `client.session()->user_id`); name, partner and responsible-users make it
/// useful. `type` is a top-level type from types().list() and `subtype` one of
/// types().children(type_id); `business-case` links the case it came from.
/// FLOWii answers with the id only: get(id) reads the `serial-nr` it assigned.
class OrdersApi : public CrudApi<Order, OrderQuery>, public AttachmentsApi, public WorkItemsApi {
 public:
  explicit OrdersApi(std::shared_ptr<detail::Core> core);

  FLOWII_OPERATION_METHODS(FLOWII_ORDERS_OPERATIONS)
  /// Pohoda export of the orders matching `filter` (GET /orders/export/pohoda).
  /// FLOWii documents a zip archive.
  virtual Result<Binary> export_pohoda(OrderQuery const& filter = {}, CallOptions const& options = {});
  /// Order states (/orderstates): list() and get(id).
  virtual CodeListApi<OrderState>& states();
  /// Order types (/ordertypes, top-level only): list(), get(id) (a subtype's read
  /// shows its parent), and the subtypes of a type via children(type_id).
  virtual TreeCodeListApi<OrderType>& types();

 protected:
  /// Bound to no Client: the base of MockOrdersApi (flowii/testing/mocks.hpp).
  OrdersApi();

 private:
  CodeList<OrderState> states_;
  TreeCodeList<OrderType> types_;
};

}  // namespace flowii

#endif  // FLOWII_ORDERS_HPP
