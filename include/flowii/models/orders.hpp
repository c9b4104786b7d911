// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Orders module models (blueprint groups "Orders", "Order States", "Order Types").
// Custom fields of orders use the shared CustomFieldDefinition / CustomFieldValue.
#ifndef FLOWII_MODELS_ORDERS_HPP
#define FLOWII_MODELS_ORDERS_HPP

#include <flowii/model.hpp>
#include <flowii/models/common.hpp>
#include <flowii/query.hpp>

#include <string>

namespace flowii {

/// The `type` of an order state: where an order in that state stands.
enum class OrderStateType : int {
  kWaiting = 1,         ///< Čaká
  kInProgress = 2,      ///< Prebieha
  kFinishedOk = 3,      ///< Úspešne ukončená
  kFinishedFailed = 4,  ///< Neúspešne ukončená
};

/// A company-defined order state (/orderstates), e.g. "Vo výrobe". FLOWii's names
/// are free text; pick states by name or by order_state_type().
#define FLOWII_ORDER_STATE_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                  \
  ATTR(OrderStateType, order_state_type, "type")   \
  ATTR(std::int64_t, order, "order")
FLOWII_MODEL(OrderState, "order-state", FLOWII_ORDER_STATE_FIELDS);

/// An order type or subtype (/ordertypes); subtypes have a `parent` and are listed
/// at /ordertypes/{id}/ordertypes. An order's `type` is a top-level type and its
/// `subtype` a child of that type.
#define FLOWII_ORDER_TYPE_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                 \
  ATTR(std::int64_t, order, "order")              \
  ONE(parent, "parent", "order-type")
FLOWII_MODEL(OrderType, "order-type", FLOWII_ORDER_TYPE_FIELDS);

/// An order ("zákazka"). The list view carries only name, amount, state, partner
/// and a singular `responsible-user`; read the detail for the rest (there the
/// users are in `responsible-users`, the one to write). `serial-nr` is assigned
/// by FLOWii: read it back after create.
///
/// Blueprint quirk: the create schema requires `created` and `user` (the creator,
/// usually the session user) although the create example omits both; set them.
/// `delivered` and `warranty` are typed "number" by the schema and only ever null
/// in the examples. Custom-field values: add_custom_field(order, CustomFieldValue::...).
#define FLOWII_ORDER_FIELDS(ATTR, ONE, MANY)                           \
  ATTR(std::string, name, "name")                                      \
  ATTR(std::string, serial_nr, "serial-nr")                            \
  ATTR(DateTime, created, "created")                                   \
  ATTR(DateTime, accepted, "accepted")                                 \
  ATTR(DateTime, deadline, "deadline")                                 \
  ATTR(DateTime, finished, "finished")                                 \
  ATTR(double, delivered, "delivered")                                 \
  ATTR(double, warranty, "warranty")                                   \
  ATTR(double, anticipated_income_amount, "anticipated-income-amount") \
  ATTR(std::string, description, "description")                        \
  ATTR(std::string, failed_finish_note, "failed-finish-note")          \
  ONE(order_type, "type", "order-type")                                \
  ONE(subtype, "subtype", "order-type")                                \
  ONE(state, "state", "order-state")                                   \
  ONE(partner, "partner", "partner")                                   \
  ONE(user, "user", "user")                                            \
  ONE(responsible_user, "responsible-user", "user")                    \
  MANY(responsible_users, "responsible-users", "user")                 \
  ONE(business_case, "business-case", "business-case")
FLOWII_MODEL(Order, "order", FLOWII_ORDER_FIELDS);

/// Filters of GET /orders (blueprint "Get order list"); the Pohoda export takes
/// the same ones except task-deadline, anticipated-income, company-data-id and
/// partner-country-id. Dates are unix seconds; amounts are EUR decimals.
#define FLOWII_ORDER_FILTERS(TEXT, ID, IDS, TIME, NUM)    \
  FLOWII_TIME_RANGE(TIME, created, "created")             \
  FLOWII_TIME_RANGE(TIME, edited, "edited")               \
  FLOWII_TIME_RANGE(TIME, accepted, "accepted")           \
  FLOWII_TIME_RANGE(TIME, deadline, "deadline")           \
  FLOWII_TIME_RANGE(TIME, task_deadline, "task-deadline") \
  FLOWII_TIME_RANGE(TIME, finished, "finished")           \
  NUM(anticipated_income_from, "anticipated-income-from") \
  NUM(anticipated_income_to, "anticipated-income-to")     \
  ID(state_id, "state-id")                                \
  ID(type_id, "type-id")                                  \
  ID(subtype_id, "subtype-id")                            \
  ID(company_data_id, "company-data-id")                  \
  ID(responsible_user_id, "responsible-user-id")          \
  ID(partner_id, "partner-id")                            \
  ID(partner_country_id, "partner-country-id")            \
  ID(business_case_id, "business-case-id")                \
  TEXT(search_text, "search-text")
FLOWII_QUERY(OrderQuery, FLOWII_ORDER_FILTERS);

/// Every model of this header (see ModelList).
using OrdersModels = ModelList<OrderState, OrderType, Order>;

}  // namespace flowii

#endif  // FLOWII_MODELS_ORDERS_HPP
