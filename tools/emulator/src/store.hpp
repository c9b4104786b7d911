// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// In-memory records, partitioned by company and type, with numeric ids from
// one increasing sequence (so new ids are always above the seeded ones).
#ifndef FLOWII_TOOLS_EMULATOR_SRC_STORE_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_STORE_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace flowii::emulator {

struct Ref {
  std::string type;
  std::string id;
  bool empty() const { return id.empty(); }
  friend bool operator==(Ref const& a, Ref const& b) { return a.type == b.type && a.id == b.id; }
  friend bool operator<(Ref const& a, Ref const& b) { return a.type != b.type ? a.type < b.type : a.id < b.id; }
};

struct Record {
  std::string type;
  std::string id;
  std::string scope;  // sub-population of a type (e.g. partner vs order custom fields)
  nlohmann::json attributes = nlohmann::json::object();
  // name -> linkage: null, {"type","id"} or [{"type","id"}, ...]
  nlohmann::json relationships = nlohmann::json::object();
  Ref owner;                 // internal back-link of attachments; never serialised; set before put(), which indexes it
  std::int64_t created = 0;  // virtual unix seconds
  std::int64_t edited = 0;

  Ref ref() const { return {type, id}; }
  std::vector<Ref> related(std::string const& relationship) const;
  // An attribute as text: strings as they are, other values as JSON, "" when null or missing.
  std::string text(std::string const& attribute) const;
};

// Record::text that also accepts "no record" (an unset link) and gives "".
std::string text_of(Record const* record, std::string const& attribute);

class Store {
 public:
  static constexpr std::int64_t first_generated_id = 100000;

  Record const* find(std::string const& company, std::string const& type, std::string const& id) const;
  Record* find(std::string const& company, std::string const& type, std::string const& id);
  // Ordered by numeric id.
  std::vector<Record const*> all(std::string const& company, std::string const& type) const;
  // The records whose `owner` is `owner` (attachments), from an index: a delete
  // finds them without looking at the company's other records.
  std::vector<Record const*> owned_by(std::string const& company, Ref const& owner) const;

  // Inserts or replaces; the id must be a numeric string.
  Record& put(std::string const& company, Record record);
  bool erase(std::string const& company, std::string const& type, std::string const& id);
  std::string allocate_id();
  void clear();

  // The whole store (every company's records and the id sequence) as JSON,
  // for the state file; ordered, so equal stores give equal text.
  nlohmann::json to_json() const;
  // The inverse of to_json(); throws std::invalid_argument naming what is
  // wrong when `state` is not of that shape.
  static Store from_json(nlohmann::json const& state);
  std::vector<std::string> company_ids() const;

  // Restores the company's records and the id sequence unless committed, so a
  // failing nested write leaves nothing behind. It keeps the first version of
  // each record the write touches (what find() hands out for change, put()
  // replaces or erase() removes), so a write costs the same however many
  // records the company has. Transactions nest; the innermost one logs.
  class Transaction {
   public:
    Transaction(Store& store, std::string company);
    ~Transaction();
    Transaction(Transaction const&) = delete;
    Transaction& operator=(Transaction const&) = delete;
    void commit() { committed_ = true; }

   private:
    friend class Store;
    using Key = std::pair<std::string, std::int64_t>;  // type, id
    Store& store_;
    std::string company_;
    std::map<Key, std::optional<Record>> originals_;  // nullopt: the record did not exist
    Transaction* outer_;
    std::int64_t next_id_;
    bool committed_ = false;
  };

 private:
  using Partition = std::map<std::string, std::map<std::int64_t, Record>>;  // type -> id -> record
  using Owners = std::map<Ref, std::set<Ref>>;                              // owner -> records it owns
  Record* locate(std::string const& company, std::string const& type, std::int64_t id);
  // Logs the record's current version in the open transaction, before a change.
  void remember(std::string const& company, std::string const& type, std::int64_t id);
  // Stores or removes a record without logging, keeping owners_ in step.
  Record& place(std::string const& company, std::int64_t id, Record record);
  void remove(std::string const& company, std::string const& type, std::int64_t id);
  void unlink_owner(std::string const& company, Record const& record);
  std::map<std::string, Partition> companies_;
  std::map<std::string, Owners> owners_;  // by company
  std::int64_t next_id_ = first_generated_id;
  Transaction* open_ = nullptr;  // the innermost open transaction
};

// Read access to one company's records (what field paths and exports see).
struct RecordView {
  Store const& store;
  std::string const& company;

  Record const* find(Ref const& ref) const { return store.find(company, ref.type, ref.id); }
  std::vector<Record const*> all(std::string const& type) const { return store.all(company, type); }
  // The first existing record a relationship links to, or nullptr.
  Record const* first(Record const& from, std::string const& relationship) const;
  // The same from an optional record (nullptr gives nullptr), for chains like
  // partner -> billing address -> country.
  Record const* first(Record const* from, std::string const& relationship) const {
    return from == nullptr ? nullptr : first(*from, relationship);
  }
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_STORE_HPP
