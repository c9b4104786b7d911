// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Goods & services: everything comes from the generic blocks.
#include <flowii/goods.hpp>

namespace flowii {

GoodsApi::GoodsApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/goods"), categories_(core, "/goodcategories"), units_(std::move(core), "/units") {}

GoodsApi::GoodsApi() : GoodsApi(detail::unbound_core()) {}

TreeCodeListApi<GoodCategory>& GoodsApi::categories() { return categories_; }

CodeListApi<UnitOfMeasure>& GoodsApi::units() { return units_; }

}  // namespace flowii
