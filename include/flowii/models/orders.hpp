// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Orders module models (blueprint groups "Orders", "Order States", "Order Types").
#ifndef FLOWII_MODELS_ORDERS_HPP
#define FLOWII_MODELS_ORDERS_HPP

#include <flowii/model.hpp>

#include <string>

namespace flowii {

/// An order ("zákazka"). The list view carries only a few attributes; read the
/// detail for the rest.
#define FLOWII_ORDER_FIELDS(ATTR, ONE, MANY)                                \
  ATTR(std::string, name, "name")                                           \
  ATTR(std::string, serial_nr, "serial-nr")                                 \
  ATTR(DateTime, created, "created")                                        \
  ATTR(DateTime, accepted, "accepted")                                      \
  ATTR(DateTime, deadline, "deadline")                                      \
  ATTR(DateTime, finished, "finished")                                      \
  ATTR(double, anticipated_income_amount, "anticipated-income-amount")      \
  ATTR(std::string, description, "description")                             \
  ATTR(std::string, failed_finish_note, "failed-finish-note")               \
  ONE(order_type, "type", "order-type")                                     \
  ONE(subtype, "subtype", "order-type")                                     \
  ONE(state, "state", "order-state")                                        \
  ONE(partner, "partner", "partner")                                        \
  ONE(user, "user", "user")                                                 \
  ONE(responsible_user, "responsible-user", "user")                         \
  MANY(responsible_users, "responsible-users", "user")                      \
  ONE(business_case, "business-case", "business-case")
FLOWII_MODEL(Order, "order", FLOWII_ORDER_FIELDS);

}  // namespace flowii

#endif  // FLOWII_MODELS_ORDERS_HPP
