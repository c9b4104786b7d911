// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Goods and services (Tovary a služby): the price list (/goods, read-only as in
// FLOWii's docs), good categories with subcategories, and units of measure.
// Declarations and the list route here, demo data in goods_demo.cpp.
#include "modules/goods.hpp"
#include "api_error.hpp"
#include "catalog.hpp"
#include "listing.hpp"
#include "modules/finance.hpp"
#include "modules/registry.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

ResourceSpec good() {
  ResourceSpec spec;
  spec.type = "good";
  spec.collection = "/goods";
  spec.ops = {Op::kRead};  // list: list_goods below
  spec.attributes = {
      Attribute::text("name").required(),
      Attribute::text("serial-nr"),
      Attribute::integer("type").one_of({0, 1}),  // 0 goods (Tovar), 1 service (Služba)
      Attribute::integer("visibility-type"),
      Attribute::text("ean"),
      Attribute::number("purchase-price"),
      Attribute::integer("purchase-price-type").one_of({0, 1}),  // 0 incl. VAT, 1 excl. VAT
      Attribute::number("selling-price"),
      Attribute::integer("selling-price-type").one_of({0, 1}),
      Attribute::number("vat-rate"),  // percent
      Attribute::text("additional-text"),
      Attribute::text("description"),
  };
  spec.relationships = {
      Relationship::one("unit-of-measure", "unit").related_link(),
      Relationship::one("category", "good-category").related_link(),
      Relationship::one("subcategory", "good-category").related_link(),
      Relationship::one("partner", "partner").related_link(),  // the manufacturer
  };
  // FLOWii's list shows names and prices only; the detail adds the rest.
  spec.list_view = ListView::only({"name", "serial-nr", "ean", "purchase-price", "purchase-price-type", "selling-price",
                                   "selling-price-type", "vat-rate"});
  spec.filters = {
      Filter::range("created", "@created"),
      Filter::range("edited", "@edited"),
      Filter::equals("type", "type"),
      Filter::ids("category-id", "category"),
      Filter::ids("subcategory-id", "subcategory"),
      Filter::ids("partner-id", "partner"),
      Filter::ids("partner-country-id", "partner.billing-address.country"),
      // Applied by list_goods.
      Filter::accepted("currency-id"),
  };
  return spec;
}

// FLOWii shows no currency on a good: the emulator prices every good in the
// home currency (EUR), so filter[currency-id] keeps all goods for EUR and none
// for any other currency.
void filter_currency(Ctx const& ctx, std::vector<Record const*>& records) {
  auto const values = ctx.request.query_values("filter[currency-id]");
  if (values.empty()) return;
  std::string const id = trim(values.back());
  if (!is_digits(id)) throw ErrorReply({at_parameter(400, "filter[currency-id]", "expects a currency id (a number)")});
  if (id != euro_id) records.clear();
}

HttpReply list_goods(Ctx& ctx) {
  auto records = apply_filters(ctx, ctx.catalog.schema("good")->filters, ctx.view().all("good"));
  filter_currency(ctx, records);
  return list_reply(ctx, records, true);
}

}  // namespace

Module goods_module() {
  Module m;
  m.name = "goods";
  auto spec = good();
  auto params = page_params();
  for (auto const& p : filter_params(spec.filters)) params.push_back(p);
  m.routes = {{"GET", "/goods", RouteEndpoint{Access::kCompany, params, list_goods}}};
  m.resources = {std::move(spec), ResourceSpec::tree_code_list("good-category", "/goodcategories"),
                 ResourceSpec::code_list("unit", "/units", {Attribute::text("name")}, true)};
  m.seed = seed_goods;
  return m;
}

}  // namespace flowii::emulator
