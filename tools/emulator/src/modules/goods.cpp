// Goods and services (Tovary a služby): the price list (/goods, read-only as in
// FLOWii's docs), good categories with subcategories, and units of measure.
// Declarations here, demo data in goods_demo.cpp.
#include "modules/goods.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

ResourceSpec good() {
  ResourceSpec spec;
  spec.type = "good";
  spec.collection = "/goods";
  spec.ops = {Op::list, Op::read};
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
      // Every demo good is priced in the company's home currency (EUR), which
      // is not modelled as a resource: accepted, no effect.
      Filter::accepted("currency-id"),
  };
  return spec;
}

}  // namespace

Module goods_module() {
  Module m;
  m.name = "goods";
  m.resources = {good(), ResourceSpec::tree_code_list("good-category", "/goodcategories"),
                 ResourceSpec::code_list("unit", "/units", {Attribute::text("name")}, true)};
  m.seed = seed_goods;
  return m;
}

}  // namespace flowii::emulator
