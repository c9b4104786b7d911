// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Print a price list: the good categories with their subcategories, then every
// good of the first category, fetched page by page, with its price per unit.
// FLOWii's good list carries names and prices only, so the unit comes from each
// good's detail. Configured only from FLOWII_* variables:
//   FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME, FLOWII_PASSWORD,
//   FLOWII_COMPANY_ID (needed when the user has several companies), FLOWII_LOG.
#include "example_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

using examples::fail;

namespace {

std::string price_text(flowii::Good const& good) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%10.2f EUR", good.selling_price().value_or(0));
  return buffer;
}

}  // namespace

int main() {
  auto [client, session] = examples::connect("goods_catalog");
  auto& goods = client.goods();

  auto categories = goods.categories().list();
  if (!categories) fail("listing good categories", categories.status());
  if (categories->empty()) fail("choosing a category", "no categories");
  std::cout << "good categories:\n";
  for (auto const& category : *categories) {
    std::cout << "  " << category.id() << "  " << category.name().value_or("?") << "\n";
    auto subcategories = goods.categories().children(category.id());
    if (!subcategories) fail("listing subcategories", subcategories.status());
    for (auto const& sub : *subcategories)
      std::cout << "      " << sub.id() << "  " << sub.name().value_or("?") << "\n";
  }

  auto const& chosen = categories->front();
  std::cout << "price list of \"" << chosen.name().value_or("?") << "\", 5 goods a page:\n";
  int shown = 0;
  auto pager = goods.list(flowii::GoodQuery().category_id(chosen.id()).page_size(5));
  for (auto const& listed : pager) {
    if (!listed) fail("listing goods", listed.status());
    auto good = goods.get(listed->id());  // the detail has the unit (in included())
    if (!good) fail("reading good " + listed->id(), good.status());
    auto unit = good->related<flowii::UnitOfMeasure>("unit-of-measure");
    bool const with_vat = good->selling_price_type() == flowii::PriceType::kIncludingVat;
    std::cout << "  " << good->serial_nr().value_or("----") << "  " << price_text(*good) << " / "
              << (unit ? unit->name().value_or("?") : std::string("?")) << "  (" << (with_vat ? "incl." : "excl.")
              << " " << good->vat_rate().value_or(0) << " % VAT)  " << good->name().value_or("?") << "\n";
    ++shown;
  }
  std::cout << shown << " goods on " << pager.pages_fetched() << " page requests\n";
  std::cout << "goods_catalog finished\n";
  return 0;
}
