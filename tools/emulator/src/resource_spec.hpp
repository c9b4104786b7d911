// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The declarations a module writes. A ResourceSpec says what a FLOWii
// resource looks like and which endpoints expose it; the engine turns it into
// routes with generic handlers (list, read, create, update, delete, sub-lists,
// attachments, exports). See modules/partners.cpp for a full example.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_RESOURCE_SPEC_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_RESOURCE_SPEC_HPP

#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_error.hpp"  // ErrorList, for on_write hooks
#include "context.hpp"    // Ctx, for handlers and hooks
#include "field_path.hpp"
#include "http_types.hpp"
#include "rng.hpp"
#include "store.hpp"

namespace flowii::emulator {

class Seeder;

enum class ValueKind { kAny, kString, kInteger, kNumber, kBoolean, kDateTime };

struct Attribute {
  std::string name;
  ValueKind kind = ValueKind::kAny;
  bool is_required = false;           // on create; null is never accepted for it
  std::vector<std::int64_t> members;  // allowed values of an enum[number]

  static Attribute of(std::string name, ValueKind kind) {
    Attribute a;
    a.name = std::move(name);
    a.kind = kind;
    return a;
  }
  static Attribute text(std::string name) { return of(std::move(name), ValueKind::kString); }
  static Attribute integer(std::string name) { return of(std::move(name), ValueKind::kInteger); }
  static Attribute number(std::string name) { return of(std::move(name), ValueKind::kNumber); }
  static Attribute boolean(std::string name) { return of(std::move(name), ValueKind::kBoolean); }
  // FLOWii's zone-less "YYYY-MM-DDTHH:MM:SS" (or a plain date).
  static Attribute datetime(std::string name) { return of(std::move(name), ValueKind::kDateTime); }
  static Attribute any(std::string name) { return of(std::move(name), ValueKind::kAny); }

  Attribute& required() {
    is_required = true;
    return *this;
  }
  Attribute& one_of(std::vector<std::int64_t> values) {
    members = std::move(values);
    return *this;
  }
};

struct Relationship {
  std::string name;
  std::string type;
  bool to_many = false;
  bool nested_objects = false;     // accepts whole resource objects (FLOWii nested writes)
  bool owns_targets = false;       // linked records are deleted with the owner
  bool include_targets = true;     // linked records go to `included` on read
  bool emit_related_link = false;  // links.related = the target's URL
  bool is_required = false;
  std::string reuse_by_attribute;  // a nested object without id reuses the record with this attribute value
  std::string target_attribute;    // the linked record must carry target_value in this attribute
  nlohmann::json target_value;
  // On a detail read these relationships of each linked record go to `included`
  // too, right after it (FLOWii: a task's activities and messages bring their users).
  std::vector<std::string> nested_includes;

  static Relationship one(std::string name, std::string type) {
    Relationship r;
    r.name = std::move(name);
    r.type = std::move(type);
    return r;
  }
  static Relationship list(std::string name, std::string type) {
    Relationship r = one(std::move(name), std::move(type));
    r.to_many = true;
    return r;
  }
  Relationship& nested() {
    nested_objects = true;
    return *this;
  }
  Relationship& owned() {
    owns_targets = true;
    return *this;
  }
  Relationship& not_included() {
    include_targets = false;
    return *this;
  }
  Relationship& related_link() {
    emit_related_link = true;
    return *this;
  }
  Relationship& required() {
    is_required = true;
    return *this;
  }
  Relationship& including(std::vector<std::string> names) {
    nested_includes = std::move(names);
    return *this;
  }
  Relationship& reuse_by(std::string attribute) {
    reuse_by_attribute = std::move(attribute);
    return *this;
  }
  Relationship& target_where(std::string attribute, nlohmann::json value) {
    target_attribute = std::move(attribute);
    target_value = std::move(value);
    return *this;
  }
};

// A list filter, given as ?filter[name]=value.
struct Filter {
  enum class Kind {
    kText,      // case-insensitive substring of any value at any path
    kIds,       // any of the given ids (comma list or repeated) is linked at the path
    kRange,     // unix seconds: name = lower bound, name_to = upper bound (inclusive)
    kEquals,    // enum equality
    kAccepted,  // understood but not modelled: no effect (documented in the README)
  };
  Kind kind = Kind::kText;
  std::string name;
  std::string name_to;
  std::vector<FieldPath> paths;

  static Filter text(std::string name, std::vector<FieldPath> paths) {
    return {Kind::kText, std::move(name), {}, std::move(paths)};
  }
  static Filter ids(std::string name, FieldPath path) { return {Kind::kIds, std::move(name), {}, {std::move(path)}}; }
  static Filter range(std::string from, std::string to, FieldPath path) {
    return {Kind::kRange, std::move(from), std::move(to), {std::move(path)}};
  }
  // The usual pair: filter[<key>-from] and filter[<key>-to].
  static Filter range(std::string const& key, FieldPath path) {
    return range(key + "-from", key + "-to", std::move(path));
  }
  static Filter equals(std::string name, FieldPath path) {
    return {Kind::kEquals, std::move(name), {}, {std::move(path)}};
  }
  static Filter accepted(std::string from, std::string to = {}) {
    return {Kind::kAccepted, std::move(from), std::move(to), {}};
  }
};

// Which fields a list shows (FLOWii lists are often leaner than the detail).
struct ListView {
  bool everything = true;
  std::vector<std::string> attributes;
  std::vector<std::string> relationships;

  static ListView only(std::vector<std::string> attributes, std::vector<std::string> relationships = {}) {
    return {false, std::move(attributes), std::move(relationships)};
  }
  bool shows_attribute(std::string const& name) const;
  bool shows_relationship(std::string const& name) const;
};

// GET {item}/{id}/{segment}: records reachable from the owner (paged).
// With `attach`, POST to the same path creates a record owned by the owner.
struct SubList {
  std::string segment;
  std::string type;
  std::vector<FieldPath> via;  // unioned, in order
  bool attach = false;
  bool paged = true;

  static SubList related(std::string segment, std::string type, std::vector<FieldPath> via) {
    return {std::move(segment), std::move(type), std::move(via), false, true};
  }
  static SubList attachments(std::string segment, std::string type) {
    FieldPath owned_here("<" + type + ":@owner");
    return {std::move(segment), std::move(type), {std::move(owned_here)}, true, true};
  }
};

struct ExportInput {
  std::vector<Record const*> const& records;  // filtered, ordered by id
  RecordView view;
  InboundRequest const& request;
  bool flag(std::string_view parameter) const;  // a boolean query parameter ("true"/"1")
};

// GET {collection}/export/{name}: the filtered records as one file in a zip.
struct Export {
  std::string name;
  std::string entry_name;           // file name inside the zip
  std::vector<std::string> params;  // extra boolean query parameters it accepts
  std::function<std::string(ExportInput const&)> write;
};

enum class Op { kList, kRead, kCreate, kUpdate, kRemove };

// Passed to ResourceSpec::on_write after attributes and relationships are applied.
struct WriteScope {
  Ctx& ctx;
  ErrorList& errors;
  std::string const& pointer;  // JSON pointer of the resource object in the request
  bool creating;
};

struct ResourceSpec {
  std::string type;        // JSON:API type, e.g. "partner"
  std::string collection;  // GET (list) and POST (create); empty = nested-only type
  std::string item;        // GET/PATCH/DELETE {item}/{id}; empty = collection
  std::string scope;       // records of `type` this spec lists and stamps (empty = all)
  std::set<Op> ops;
  bool paged = true;              // false: code list, all items, links.self only
  bool self_alias = false;        // {item}/self reads the calling user
  bool create_self_link = false;  // create reply carries links.self (the collection URL)
  int update_status = 204;        // FLOWii: 204; cash flow documents 200
  int remove_status = 204;
  std::vector<Attribute> attributes;
  std::vector<Relationship> relationships;
  ListView list_view;
  // Relationships a list leaves out when it lists these records under another
  // record, e.g. /partners/{id}/tasks (FLOWii's task sub-lists omit the author).
  std::vector<std::string> sublist_hides;
  std::vector<Filter> filters;
  std::vector<SubList> sublists;
  std::vector<Export> exports;
  std::function<bool(Record const&)> list_where;       // rows of the collection list
  std::function<void(Record&, WriteScope&)> on_write;  // derived fields, extra checks

  // An unpaged, read-only code list (FLOWii returns them whole, links.self only).
  static ResourceSpec code_list(std::string type, std::string collection, std::vector<Attribute> attributes,
                                bool readable_items);
  // A paged collection with the five CRUD operations (list, read, create,
  // update, remove); the caller adds attributes, relationships and filters.
  static ResourceSpec crud(std::string type, std::string collection);
  // A readable two-level code list (types with subtypes, categories with
  // subcategories): `parent` links a child to its top-level record; the
  // collection lists the top level and {collection}/{id}/{last segment} the
  // children of one. `name` is required when `name_required`; `order` sorts.
  static ResourceSpec tree_code_list(std::string const& type, std::string const& collection,
                                     bool name_required = false);

  std::string const& item_path() const { return item.empty() ? collection : item; }
  Attribute const* attribute(std::string_view name) const;
  Relationship const* relationship(std::string_view name) const;
  // Only one spec per type may describe its fields; others just add endpoints.
  bool has_schema() const { return !attributes.empty() || !relationships.empty() || on_write; }
};

// Hand-written endpoints for what is not a resource (/token, /companies).
enum class Access {
  kOpen,     // the handler does its own checks
  kUser,     // Api-Key + Bearer token
  kCompany,  // ... + companyId the user may access
};

struct RouteEndpoint {
  Access access = Access::kCompany;
  std::vector<std::string> params;  // accepted query parameters besides companyId
  std::function<HttpReply(Ctx&)> handler;
};

struct Route {
  std::string method;
  std::string pattern;  // "/partners/{id}/files"; {…} matches digits
  RouteEndpoint endpoint;
};

struct Module {
  std::string name;
  std::vector<ResourceSpec> resources;
  std::vector<Route> routes;
  std::function<void(Seeder&)> seed;  // once per company, in registry order
};

// What a module's seed function gets: one company's empty (or partly seeded) store.
class Seeder {
 public:
  Seeder(Store& store, EmulatedCompany const& company, std::size_t company_index,
         std::vector<EmulatedUser> const& members, Rng& rng, std::int64_t now);

  // Adds a record stamped created = edited = now; id "" = the next id. An
  // attachment's owner is given here, not set afterwards: the store indexes it.
  Record& add(std::string type, nlohmann::json attributes, nlohmann::json relationships = nlohmann::json::object(),
              std::string id = {}, Ref owner = {});
  std::vector<Record const*> all(std::string const& type) const;
  Record const* find(std::string const& type, std::string const& id) const;
  // A record seeded earlier, to link it to a later one.
  Record* edit(Ref const& ref);

  EmulatedCompany const& company() const { return company_; }
  std::size_t company_index() const { return company_index_; }           // 0 = first company
  std::vector<EmulatedUser> const& members() const { return members_; }  // logins with access
  Rng& rng() { return rng_; }
  std::int64_t now() const { return now_; }

 private:
  Store& store_;
  EmulatedCompany const& company_;
  std::size_t company_index_;
  std::vector<EmulatedUser> const& members_;
  Rng& rng_;
  std::int64_t now_;
};

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_RESOURCE_SPEC_HPP
