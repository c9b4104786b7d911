// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Field paths: how declarations point at data reachable from a record.
//
//   "name"                  attribute `name`
//   "contacts.email"        attribute `email` of every record in relationship `contacts`
//   "billing-address.country" ids of the records linked through two relationships
//   "<task:partner"         records of type `task` whose relationship `partner` links here
//   "<file:@owner"          records of type `file` attached to this one
//   "@created", "@edited", "@id"  the record's own bookkeeping
//
// A hop that is not the last is always a relationship; the last hop is a
// relationship when the record has one of that name, else an attribute.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_FIELD_PATH_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_FIELD_PATH_HPP

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store.hpp"

namespace flowii::emulator {

class FieldPath {
 public:
  struct Hop {
    enum class Kind { kName, kReverse, kMeta };
    Kind kind = Kind::kName;
    std::string name;  // relationship/attribute; for reverse: the referring relationship
    std::string type;  // reverse only: type of the referring records
  };

  FieldPath(std::string text);  // implicit: declarations write plain strings; throws std::invalid_argument
  FieldPath(char const* text) : FieldPath(std::string(text)) {}

  std::string const& text() const { return text_; }
  std::vector<Hop> const& hops() const { return hops_; }

  // Values at the end of the path: attribute values, related ids (strings)
  // or the created/edited times (numbers).
  std::vector<nlohmann::json> values(Record const& start, RecordView const& view) const;
  // Records at the end of a path made only of relationships.
  std::vector<Record const*> records(Record const& start, RecordView const& view) const;

 private:
  std::vector<Record const*> step(std::vector<Record const*> const& from, Hop const& hop, RecordView const& view) const;
  std::string text_;
  std::vector<Hop> hops_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_FIELD_PATH_HPP
