// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Goods & services module models (blueprint groups "Goods", "Good Categories",
// "Units of Measure"). FLOWii documents these as read-only.
#ifndef FLOWII_MODELS_GOODS_HPP
#define FLOWII_MODELS_GOODS_HPP

#include <flowii/model.hpp>
#include <flowii/models/common.hpp>
#include <flowii/query.hpp>

#include <cstdint>
#include <string>

namespace flowii {

/// Good `type`: 0 goods (Tovar), 1 service (Služba).
enum class GoodType : int { kGoods = 0, kService = 1 };

/// Whether a price includes VAT: 0 price incl. VAT (FLOWii derives the net price),
/// 1 price excl. VAT (FLOWii derives the gross price). FLOWii documents these
/// values for document items (`unit-price-type`); that the goods' `*-price-type`
/// fields use them too is an assumption (their examples only show 1).
enum class PriceType : int { kIncludingVat = 0, kExcludingVat = 1 };

/// A unit of measure ("ks", "kg", "hod."). JSON:API type "unit".
#define FLOWII_UNIT_OF_MEASURE_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(UnitOfMeasure, "unit", FLOWII_UNIT_OF_MEASURE_FIELDS);

/// A good category or subcategory; subcategories have a parent.
#define FLOWII_GOOD_CATEGORY_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                    \
  ATTR(std::int64_t, order, "order")                 \
  ONE(parent, "parent", "good-category")
FLOWII_MODEL(GoodCategory, "good-category", FLOWII_GOOD_CATEGORY_FIELDS);

/// A price-list item (goods or a service). The list shows names and prices only;
/// get() adds type, texts and the relationships, with the unit in included():
///   auto unit = good.related<UnitOfMeasure>("unit-of-measure");
/// `vat-rate` is a percentage (20 = 20 %). One list example of the blueprint
/// spells it `rate-type`; read that with good.get<double>("rate-type") if a
/// server ever sends it.
#define FLOWII_GOOD_FIELDS(ATTR, ONE, MANY)                   \
  ATTR(std::string, name, "name")                             \
  ATTR(std::string, serial_nr, "serial-nr")                   \
  ATTR(GoodType, good_type, "type")                           \
  /* values undocumented */                                   \
  ATTR(std::int64_t, visibility_type, "visibility-type")      \
  ATTR(std::string, ean, "ean")                               \
  ATTR(double, purchase_price, "purchase-price")              \
  ATTR(PriceType, purchase_price_type, "purchase-price-type") \
  ATTR(double, selling_price, "selling-price")                \
  ATTR(PriceType, selling_price_type, "selling-price-type")   \
  ATTR(double, vat_rate, "vat-rate")                          \
  ATTR(std::string, additional_text, "additional-text")       \
  ATTR(std::string, description, "description")               \
  ONE(unit_of_measure, "unit-of-measure", "unit")             \
  ONE(category, "category", "good-category")                  \
  ONE(subcategory, "subcategory", "good-category")            \
  /* the manufacturer */                                      \
  ONE(partner, "partner", "partner")
FLOWII_MODEL(Good, "good", FLOWII_GOOD_FIELDS);

/// Filters of GET /goods (blueprint "Get good list"). Dates are unix seconds.
#define FLOWII_GOOD_FILTERS(TEXT, ID, IDS, TIME, NUM) \
  FLOWII_TIME_RANGE(TIME, created, "created")         \
  FLOWII_TIME_RANGE(TIME, edited, "edited")           \
  NUM(good_type, "type")                              \
  ID(currency_id, "currency-id")                      \
  ID(category_id, "category-id")                      \
  ID(subcategory_id, "subcategory-id")                \
  /* the manufacturer */                              \
  ID(partner_id, "partner-id")                        \
  ID(partner_country_id, "partner-country-id")
FLOWII_QUERY(GoodQuery, FLOWII_GOOD_FILTERS);

/// Every model of this header (see ModelList).
using GoodsModels = ModelList<UnitOfMeasure, GoodCategory, Good>;

}  // namespace flowii

#endif  // FLOWII_MODELS_GOODS_HPP
