// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Applies request documents to the store, including FLOWii's nested writes:
// resource objects inside relationships.*.data become records of their own
// (created, or updated in place when they carry an id) and the parent keeps
// only {type,id} linkage. Problems are collected, not thrown, so that one
// reply lists them all; the caller's Store::Transaction undoes partial work.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_WRITER_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_WRITER_HPP

#include <string>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "context.hpp"
#include "resource_spec.hpp"

namespace flowii::emulator {

class Writer {
 public:
  Writer(Ctx& ctx, ErrorList& errors) : ctx_(ctx), errors_(errors) {}

  // POST: returns the new id (empty when the document is rejected). `scope`
  // and `owner` are stamped on the new record.
  std::string create(std::string const& type, std::string const& scope, nlohmann::json const& data,
                     Ref const& owner = {});
  // PATCH: attributes merge, given relationships replace their linkage.
  void update(nlohmann::json const& data, Record const& existing);

 private:
  Ref write(nlohmann::json const& object, std::string const& pointer, Record const* existing, std::string const& scope,
            Ref const& owner);
  void apply_attributes(ResourceSpec const* spec, nlohmann::json const& attributes, Record& record,
                        std::string const& pointer);
  void apply_relationships(ResourceSpec const* spec, nlohmann::json const& relationships, Record& record,
                           std::string const& pointer);
  nlohmann::json linkage(Relationship const* rel, nlohmann::json const& data, std::string const& pointer);
  nlohmann::json link_item(Relationship const* rel, nlohmann::json const& item, std::string const& pointer);
  void check_target(Relationship const* rel, Record const* target, std::string const& pointer);
  void check_required(ResourceSpec const* spec, Record const& record, std::string const& pointer);
  bool require_object(nlohmann::json const& value, std::string const& pointer, char const* what);

  Ctx& ctx_;
  ErrorList& errors_;
};

// Deletes a record, the records it owns and its attachments.
void remove_record(Ctx& ctx, Ref const& ref);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_WRITER_HPP
