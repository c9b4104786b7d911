// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Goods & services: the price list (read-only in FLOWii's API), good categories
// and subcategories, units of measure.
#ifndef FLOWII_GOODS_HPP
#define FLOWII_GOODS_HPP

#include <flowii/api.hpp>
#include <flowii/models/goods.hpp>

#include <memory>

namespace flowii {

/// list_page()/list() page through /goods with GoodQuery filters; get() reads one
/// good with its unit of measure in included().
class GoodsApi : public ReadApi<Good, GoodQuery> {
 public:
  explicit GoodsApi(std::shared_ptr<detail::Core> core);

  /// Good categories; their subcategories via categories().children(category_id).
  virtual TreeCodeListApi<GoodCategory>& categories();
  /// Units of measure (/units).
  virtual CodeListApi<UnitOfMeasure>& units();

 protected:
  /// Bound to no Client: the base of MockGoodsApi (flowii/testing/mocks.hpp).
  GoodsApi();

 private:
  TreeCodeList<GoodCategory> categories_;
  CodeList<UnitOfMeasure> units_;
};

}  // namespace flowii

#endif  // FLOWII_GOODS_HPP
