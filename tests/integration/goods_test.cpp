// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The whole Goods & services surface against the in-process emulator. FLOWii's
// API reads goods, categories and units only, so there is nothing to create.
#include "integration/emulator_fixture.hpp"

#include <chrono>
#include <set>

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

TEST_F(GoodsTest, FiltersByCategoryTypeAndDate) {
  auto c = client();
  auto categories = c.goods().categories().list();
  ASSERT_TRUE(categories);
  ASSERT_EQ(categories->size(), 2u);  // goods and services
  std::string const services_id = categories->at(1).id();

  auto services = c.goods().list_page(GoodQuery().category_id(services_id).page_size(100));
  ASSERT_TRUE(services) << services.status().to_string();
  ASSERT_FALSE(services->items.empty());
  auto by_type = c.goods().list_page(GoodQuery().good_type(GoodType::kService).page_size(100));
  ASSERT_TRUE(by_type);
  EXPECT_EQ(by_type->items.size(), services->items.size());
  for (auto const& s : services->items) {
    auto detail = c.goods().get(s.id());
    ASSERT_TRUE(detail);
    EXPECT_EQ(detail->good_type(), GoodType::kService);
    EXPECT_EQ(detail->category()->id, services_id);
  }

  auto subcategories = c.goods().categories().children(services_id);
  ASSERT_TRUE(subcategories);
  ASSERT_FALSE(subcategories->empty());
  auto in_sub = c.goods().list_page(GoodQuery().subcategory_id(subcategories->front().id()).page_size(100));
  ASSERT_TRUE(in_sub);
  EXPECT_FALSE(in_sub->items.empty());
  EXPECT_LT(in_sub->items.size(), services->items.size());

  auto now = std::chrono::system_clock::now();
  auto future = c.goods().list_page(GoodQuery().created_from(UnixTime::from(now + std::chrono::hours(24))));
  ASSERT_TRUE(future);
  EXPECT_TRUE(future->items.empty());
  auto recent =
      c.goods().list_page(GoodQuery().created_from(UnixTime::from(now - std::chrono::hours(24 * 100))).page_size(100));
  ASSERT_TRUE(recent);
  auto all = c.goods().list_page(GoodQuery().page_size(100));
  ASSERT_TRUE(all);
  EXPECT_FALSE(recent->items.empty());
  EXPECT_LT(recent->items.size(), all->items.size());

  // Accepted although every demo good is in the home currency.
  auto currency = c.goods().list_page(GoodQuery().currency_id("44").page_size(100));
  ASSERT_TRUE(currency) << currency.status().to_string();
  EXPECT_EQ(currency->items.size(), all->items.size());
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
