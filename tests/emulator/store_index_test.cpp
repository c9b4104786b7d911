// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The store's index of attachments by owner, which lets a delete find a
// record's files without looking at the company's other records: it follows
// every put, erase, undone transaction and state file.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store.hpp"

namespace emu_test {
namespace {

using flowii::emulator::Record;
using flowii::emulator::Ref;
using flowii::emulator::Store;

Record file_of(std::string id, Ref owner) {
  Record r;
  r.type = "file";
  r.id = std::move(id);
  r.owner = std::move(owner);
  return r;
}

std::vector<std::string> ids_owned(Store const& store, Ref const& owner) {
  std::vector<std::string> out;
  for (Record const* r : store.owned_by("1", owner)) out.push_back(r->id);
  return out;
}

Ref const partner{"partner", "7"};
Ref const other{"partner", "8"};

TEST(StoreIndex, FollowsPutsReplacementsAndErases) {
  Store store;
  store.put("1", file_of("100", partner));
  store.put("1", file_of("101", partner));
  store.put("2", file_of("102", partner));  // another company's
  EXPECT_EQ(ids_owned(store, partner), (std::vector<std::string>{"100", "101"}));
  store.put("1", file_of("101", other));  // replaced with another owner
  EXPECT_EQ(ids_owned(store, partner), (std::vector<std::string>{"100"}));
  EXPECT_EQ(ids_owned(store, other), (std::vector<std::string>{"101"}));
  EXPECT_TRUE(store.erase("1", "file", "100"));
  EXPECT_TRUE(ids_owned(store, partner).empty());
  store.clear();
  EXPECT_TRUE(ids_owned(store, other).empty());
}

TEST(StoreIndex, AnUndoneTransactionUndoesItsIndexChanges) {
  Store store;
  store.put("1", file_of("100", partner));
  {
    Store::Transaction transaction(store, "1");
    store.erase("1", "file", "100");
    store.put("1", file_of("101", partner));
    store.put("1", file_of("102", other));
  }  // not committed
  EXPECT_EQ(ids_owned(store, partner), (std::vector<std::string>{"100"}));
  EXPECT_TRUE(ids_owned(store, other).empty());
  {
    Store::Transaction transaction(store, "1");
    store.erase("1", "file", "100");
    transaction.commit();
  }
  EXPECT_TRUE(ids_owned(store, partner).empty());
}

TEST(StoreIndex, AStateFileRebuildsIt) {
  Store store;
  store.put("1", file_of("100", partner));
  Store const loaded = Store::from_json(store.to_json());
  EXPECT_EQ(ids_owned(loaded, partner), (std::vector<std::string>{"100"}));
}

}  // namespace
}  // namespace emu_test
