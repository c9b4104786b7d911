// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "blueprint/model_registry.hpp"

#include <flowii/flowii.hpp>
#include <flowii/models/account.hpp>
#include <flowii/models/attendance.hpp>
#include <flowii/models/finance.hpp>
#include <flowii/models/goods.hpp>

#include <map>

namespace flowii::test {
namespace {

using Table = std::map<std::string, std::vector<FieldSpec>>;

template <typename... Models>
void add(Table& t, ModelList<Models...>) {
  (t.emplace(Models::kType, Models::fields()), ...);
}

Table all_models() {
  Table t;
  add(t, CommonModels{});
  add(t, PartnersModels{});
  add(t, TasksModels{});
  add(t, BusinessCasesModels{});
  add(t, OrdersModels{});
  add(t, GoodsModels{});
  add(t, InvoicingModels{});
  add(t, FinanceModels{});
  add(t, AttendanceModels{});
  add(t, AccountModels{});
  return t;
}

}  // namespace

std::optional<std::vector<FieldSpec>> model_fields(std::string const& type) {
  static Table const kModels = all_models();
  auto it = kModels.find(type);
  if (it == kModels.end()) return std::nullopt;
  return it->second;
}

}  // namespace flowii::test
