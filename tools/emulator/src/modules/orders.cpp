// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Orders (Zákazky): /orders with its sub-lists, files and Pohoda export, order
// custom fields, order states and order types with subtypes. Declarations, plus
// one hand-written list route: the engine's range filters take unix seconds, and
// the order list also filters by amount (EUR decimals).
#include <algorithm>
#include <cstdlib>

#include "api_error.hpp"
#include "catalog.hpp"
#include "clock.hpp"
#include "context.hpp"
#include "jsonapi.hpp"
#include "listing.hpp"
#include "modules/business_cases.hpp"
#include "modules/custom_fields.hpp"
#include "modules/orders.hpp"
#include "modules/registry.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

constexpr char const* income_from = "filter[anticipated-income-from]";
constexpr char const* income_to = "filter[anticipated-income-to]";

// The order's type must be a top-level type and its subtype a child of it.
void check_types(Record const& order, WriteScope& scope) {
  auto const view = scope.ctx.view();
  Record const* type = view.first(order, "type");
  Record const* subtype = view.first(order, "subtype");
  if (type != nullptr && !type->related("parent").empty()) {
    scope.errors.at(422, scope.pointer + "/relationships/type",
                    "type must be a top-level order type; put subtypes in subtype.");
  }
  if (subtype == nullptr) return;
  auto const parent = subtype->related("parent");
  if (type == nullptr || parent.empty() || !(parent.front() == type->ref())) {
    scope.errors.at(422, scope.pointer + "/relationships/subtype", "subtype must be a subtype of the order's type.");
  }
}

// FLOWii's schema requires created and user, its example sends neither: the
// emulator fills them in (now, the caller) instead of rejecting the example.
void on_order_write(Record& order, WriteScope& scope) {
  static auto const stamp = stamp_serial_and_responsible(3);
  if (scope.creating && !is_set(order.attributes, "created"))
    order.attributes["created"] = format_local(scope.ctx.now());
  if (scope.creating && !is_set(order.relationships, "user")) {
    order.relationships["user"] = identifier({"user", scope.ctx.user->id});
  }
  stamp(order, scope);
  check_types(order, scope);
}

ResourceSpec order() {
  ResourceSpec spec;
  spec.type = "order";
  spec.collection = "/orders";
  spec.ops = {Op::kRead, Op::kCreate, Op::kUpdate, Op::kRemove};  // list: list_orders below
  spec.attributes = {
      Attribute::text("name"),
      Attribute::text("serial-nr"),  // assigned on create unless given
      Attribute::datetime("created"),  Attribute::datetime("accepted"),
      Attribute::datetime("deadline"), Attribute::datetime("finished"),
      Attribute::number("delivered"),  // "number" per the schema; only null in the examples
      Attribute::number("warranty"),   Attribute::number("anticipated-income-amount"),
      Attribute::text("description"),  Attribute::text("failed-finish-note"),
  };
  spec.relationships = {
      Relationship::one("type", "order-type").related_link(),
      Relationship::one("subtype", "order-type").related_link(),
      Relationship::one("state", "order-state").required().related_link(),
      Relationship::one("partner", "partner").related_link(),
      Relationship::one("user", "user"),
      Relationship::list("responsible-users", "user"),
      Relationship::one("responsible-user", "user"),  // derived: the list view's singular form
      Relationship::one("business-case", "business-case").related_link(),
      // Not in FLOWii's order examples, but the list filters by company-data-id
      // (the invoicing company, "Firma"): an optional link.
      Relationship::one("company-data", "company-data").related_link(),
  };
  for (auto& values : custom_field_value_relationships()) spec.relationships.push_back(std::move(values));
  spec.list_view = ListView::only({"name", "anticipated-income-amount"}, {"state", "partner", "responsible-user"});
  spec.filters = {
      Filter::range("created", "created"),
      Filter::range("edited", "@edited"),
      Filter::range("accepted", "accepted"),
      Filter::range("deadline", "deadline"),
      Filter::range("task-deadline", "<task:order.deadline"),
      Filter::range("finished", "finished"),
      Filter::ids("state-id", "state"),
      Filter::ids("type-id", "type"),
      Filter::ids("subtype-id", "subtype"),
      Filter::ids("responsible-user-id", "responsible-users"),
      Filter::ids("partner-id", "partner"),
      Filter::ids("partner-country-id", "partner.billing-address.country"),
      Filter::ids("business-case-id", "business-case"),
      Filter::text("search-text", {"name", "serial-nr", "description", "partner.name"}),
      Filter::ids("company-data-id", "company-data"),
  };
  spec.sublists = {
      SubList::related("tasks", "task", {"<task:order"}),
      SubList::related("communications", "communication", {"<communication:order"}),
      SubList::related("mails", "mail", {"<mail:order"}),
      SubList::related("documents", "document", {"<order-allocation:order.<document:order-allocations"}),
      SubList::attachments("files", "file"),
  };
  spec.exports = {{"pohoda", "orders-pohoda.xml", {}, orders_pohoda}};
  spec.on_write = on_order_write;
  return spec;
}

std::optional<double> amount_bound(Ctx const& ctx, char const* parameter) {
  auto const values = ctx.request.query_values(parameter);
  if (values.empty() || trim(values.back()).empty()) return std::nullopt;
  std::string const text = trim(values.back());
  char* end = nullptr;
  double const v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) {
    throw ErrorReply({at_parameter(400, parameter, std::string(parameter) + " expects a decimal amount (12.50)")});
  }
  return v;
}

HttpReply list_orders(Ctx& ctx) {
  auto records = apply_filters(ctx, ctx.catalog.schema("order")->filters, ctx.view().all("order"));
  auto const from = amount_bound(ctx, income_from);
  auto const to = amount_bound(ctx, income_to);
  records.erase(std::remove_if(records.begin(), records.end(),
                               [&](Record const* r) {
                                 auto const amount = r->attributes.value("anticipated-income-amount", nlohmann::json());
                                 if (!from && !to) return false;
                                 if (!amount.is_number()) return true;
                                 return (from && amount.get<double>() < *from) || (to && amount.get<double>() > *to);
                               }),
                records.end());
  return list_reply(ctx, records, true);
}

ResourceSpec order_type() { return ResourceSpec::tree_code_list("order-type", "/ordertypes", true); }

}  // namespace

Module orders_module() {
  Module m;
  m.name = "orders";
  auto spec = order();
  auto params = page_params();
  for (auto const& p : filter_params(spec.filters)) params.push_back(p);
  params.insert(params.end(), {income_from, income_to});
  m.routes = {{"GET", "/orders", RouteEndpoint{Access::kCompany, params, list_orders}}};
  m.resources = {
      std::move(spec),
      order_type(),
      ResourceSpec::code_list(
          "order-state", "/orderstates",
          {Attribute::text("name").required(),
           Attribute::integer("type").one_of({1, 2, 3, 4}),  // waiting, in progress, done ok, done failed
           Attribute::integer("order")},
          true),
      custom_field_list("/orders/customfields", "order"),
  };
  m.seed = seed_orders;
  return m;
}

}  // namespace flowii::emulator
