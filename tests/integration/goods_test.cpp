// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Goods & services surface against the in-process emulator. FLOWii's
// API reads goods, categories and units only, so there is nothing to create.
#include "integration/emulator_fixture.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

class GoodsTest : public EmulatorTest {};

TEST_F(GoodsTest, ListsTheWholePriceListPageByPage) {
  auto c = client();
  auto first = c.goods().list_page(GoodQuery().page_size(5));
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->number, 0);
  ASSERT_EQ(first->items.size(), 5u);
  // The list shows names and prices (as FLOWii's example); the rest is in the detail.
  auto const& listed = first->items.front();
  EXPECT_TRUE(listed.name().has_value());
  EXPECT_TRUE(listed.serial_nr().has_value());
  EXPECT_TRUE(listed.selling_price().has_value());
  EXPECT_TRUE(listed.vat_rate().has_value());
  EXPECT_TRUE(listed.check().ok()) << listed.check().to_string();

  std::set<std::string> ids;
  auto pager = c.goods().list(GoodQuery().page_size(5));
  for (auto const& g : pager) {
    ASSERT_TRUE(g) << g.status().to_string();
    EXPECT_TRUE(ids.insert(g->id()).second) << "duplicate " << g->id();
  }
  EXPECT_GE(ids.size(), 20u);
  EXPECT_EQ(pager.pages_fetched(), static_cast<int>((ids.size() + 4) / 5) + 1);  // ends on an empty page

  auto second = c.goods().list_page(GoodQuery().page_size(5).page(1));
  ASSERT_TRUE(second);
  EXPECT_NE(second->items.front().id(), first->items.front().id());
}

TEST_F(GoodsTest, ReadsAGoodWithItsUnitAndCategories) {
  auto c = client();
  auto page = c.goods().list_page(GoodQuery().page_size(1));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  auto good = c.goods().get(page->items.front().id());
  ASSERT_TRUE(good) << good.status().to_string();
  EXPECT_EQ(good->name(), page->items.front().name());
  EXPECT_EQ(good->good_type(), GoodType::kGoods);
  EXPECT_EQ(good->selling_price_type(), PriceType::kExcludingVat);
  EXPECT_GT(*good->selling_price(), *good->purchase_price());
  EXPECT_TRUE(good->check().ok()) << good->check().to_string();
  ASSERT_TRUE(good->unit_of_measure().has_value());
  EXPECT_EQ(good->unit_of_measure()->type, "unit");
  auto unit = good->related<UnitOfMeasure>("unit-of-measure");
  ASSERT_TRUE(unit.has_value());
  EXPECT_FALSE(unit->name()->empty());
  auto category = good->related<GoodCategory>("category");
  auto subcategory = good->related<GoodCategory>("subcategory");
  ASSERT_TRUE(category && subcategory);
  EXPECT_EQ(subcategory->parent()->id, category->id());

  auto missing = c.goods().get("999999999");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
}

// When each demo good was created and last edited. FLOWii's API shows neither
// and cannot write goods, so the truth comes from the emulator's state file.
struct Dated {
  std::string id;
  std::int64_t created = 0, edited = 0;
};

std::vector<Dated> good_dates(emulator::Emulator& emu) {
  std::vector<Dated> out;
  for (auto const& r : stored_records(emu, "good")) {
    out.push_back(
        {r.at("id").get<std::string>(), r.at("created").get<std::int64_t>(), r.at("edited").get<std::int64_t>()});
  }
  return out;
}

// A date filter's case: the bound is the middle of the goods' dates, the newest
// good must be listed by "-from" and the oldest by "-to".
std::vector<FilterCase<Good, GoodQuery>> date_cases(std::string const& name, std::vector<Dated> goods,
                                                    std::int64_t Dated::*date, GoodQuery (*from)(UnixTime),
                                                    GoodQuery (*to)(UnixTime)) {
  std::sort(goods.begin(), goods.end(), [&](Dated const& x, Dated const& y) { return x.*date < y.*date; });
  std::int64_t const bound = goods[goods.size() / 2].*date;
  std::set<std::string> later;
  for (auto const& g : goods) {
    if (g.*date >= bound) later.insert(g.id);
  }
  std::string const oldest = goods.front().id, newest = goods.back().id;
  std::vector<FilterCase<Good, GoodQuery>> cases;
  add_since(cases, name, from(UnixTime{bound}), to(UnixTime{bound - 1}), later, {newest}, {oldest});
  return cases;
}

TEST_F(GoodsTest, EveryFilterKeepsOnlyMatchingGoods) {
  auto c = client();
  std::vector<Good> all;
  for (auto const& g : c.goods().list(GoodQuery().page_size(100))) {
    ASSERT_TRUE(g) << g.status().to_string();
    auto full = c.goods().get(g->id());
    ASSERT_TRUE(full) << full.status().to_string();
    all.push_back(*full);
  }
  // Known goods of each kind from the demo price list: a service and a good,
  // two subcategories, one good with a manufacturer and a service without.
  auto first = [&](std::function<bool(Good const&)> const& test) {
    auto it = std::find_if(all.begin(), all.end(), test);
    EXPECT_NE(it, all.end());
    return it == all.end() ? Good() : *it;
  };
  Good const service = first([](Good const& g) { return g.good_type() == GoodType::kService; });
  Good const item = first([](Good const& g) { return g.good_type() == GoodType::kGoods; });
  Good const made = first([](Good const& g) { return g.partner().has_value(); });
  Good const other_sub = first([&](Good const& g) { return g.subcategory() != made.subcategory(); });
  ASSERT_TRUE(service.category() && made.partner() && made.subcategory());
  std::string const services = service.category()->id, maker = made.partner()->id;
  auto maker_partner = c.partners().get(maker);
  ASSERT_TRUE(maker_partner);
  std::string const country = billing_country(*maker_partner);
  ReadOnce<Partner> partner([&](std::string const& id) { return c.partners().get(id); });

  auto const dates = good_dates(emu());
  auto cases = std::vector<FilterCase<Good, GoodQuery>>{
      keeps<Good>(
          "type", GoodQuery().good_type(GoodType::kService),
          [](Good const& g) { return g.good_type() == GoodType::kService; }, service.id(), item.id()),
      keeps<Good>(
          "category-id", GoodQuery().category_id(services),
          [&](Good const& g) { return is_link(g.category(), services); }, service.id(), item.id()),
      keeps<Good>(
          "subcategory-id", GoodQuery().subcategory_id(made.subcategory()->id),
          [&](Good const& g) { return g.subcategory() == made.subcategory(); }, made.id(), other_sub.id()),
      keeps<Good>(
          "partner-id", GoodQuery().partner_id(maker), [&](Good const& g) { return is_link(g.partner(), maker); },
          made.id(), service.id()),
      keeps<Good>(
          "partner-country-id", GoodQuery().partner_country_id(country),
          [&](Good const& g) { return g.partner() && billing_country(partner(g.partner()->id)) == country; }, made.id(),
          service.id()),
  };
  for (auto const& more :
       {date_cases(
            "created", dates, &Dated::created, [](UnixTime t) { return GoodQuery().created_from(t); },
            [](UnixTime t) { return GoodQuery().created_to(t); }),
        date_cases(
            "edited", dates, &Dated::edited, [](UnixTime t) { return GoodQuery().edited_from(t); },
            [](UnixTime t) { return GoodQuery().edited_to(t); })}) {
    cases.insert(cases.end(), more.begin(), more.end());
  }
  expect_filters(c.goods(), cases);

  // Goods show no currency: the emulator prices them all in the home currency
  // (EUR, 44), so EUR keeps every good and any other currency none of them.
  auto eur = c.goods().list_page(GoodQuery().currency_id("44").page_size(1000));
  auto czk = c.goods().list_page(GoodQuery().currency_id("53").page_size(1000));
  ASSERT_TRUE(eur && czk) << eur.status().to_string() << czk.status().to_string();
  EXPECT_EQ(ids_of(eur->items), ids_of(all));
  EXPECT_TRUE(czk->items.empty());
  EXPECT_EQ(c.goods().list_page(GoodQuery().filter("currency-id", "EUR")).status().http_status(), 400);
}

TEST_F(GoodsTest, CategoriesAndSubcategories) {
  auto c = client();
  auto categories = c.goods().categories().list();
  ASSERT_TRUE(categories) << categories.status().to_string();
  ASSERT_FALSE(categories->empty());
  for (auto const& cat : *categories) {
    EXPECT_FALSE(cat.parent().has_value());
    EXPECT_TRUE(cat.check().ok()) << cat.check().to_string();
  }
  auto one = c.goods().categories().get(categories->front().id());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->name(), categories->front().name());
  EXPECT_EQ(one->order(), 0);

  auto children = c.goods().categories().children(categories->front().id());
  ASSERT_TRUE(children) << children.status().to_string();
  ASSERT_EQ(children->size(), 3u);
  for (auto const& child : *children) {
    ASSERT_TRUE(child.parent().has_value());
    EXPECT_EQ(child.parent()->id, categories->front().id());
    auto parent = child.related<GoodCategory>("parent");  // in included(), as FLOWii's example
    ASSERT_TRUE(parent.has_value());
    EXPECT_EQ(parent->name(), categories->front().name());
  }
  auto child = c.goods().categories().get(children->front().id());
  ASSERT_TRUE(child);
  EXPECT_EQ(child->parent()->id, categories->front().id());
}

TEST_F(GoodsTest, UnitsOfMeasure) {
  auto c = client();
  auto units = c.goods().units().list();
  ASSERT_TRUE(units) << units.status().to_string();
  ASSERT_GE(units->size(), 4u);
  std::set<std::string> names;
  for (auto const& u : *units) names.insert(u.name().value_or(""));
  EXPECT_EQ(names.count("ks"), 1u);
  EXPECT_EQ(names.count("kg"), 1u);
  auto one = c.goods().units().get(units->front().id());
  ASSERT_TRUE(one) << one.status().to_string();
  EXPECT_EQ(one->name(), units->front().name());
  EXPECT_EQ(c.goods().units().get("999999999").status().code(), ErrorCode::kNotFound);

  // The Hungarian demo company has its own units.
  auto hungarian = client("2").goods().units().list();
  ASSERT_TRUE(hungarian);
  bool has_db = false;
  for (auto const& u : *hungarian) has_db |= u.name() == "db";
  EXPECT_TRUE(has_db);
}

}  // namespace
}  // namespace flowii::test
