// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#include "core/resource_data.hpp"

#include <flowii/models/finance.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>

namespace flowii {
namespace detail {
namespace {

using json = nlohmann::json;

json const* attribute(Resource const& r, std::string_view key) {
  auto const& rest = detail::data_of(r).rest;
  auto a = rest.find("attributes");
  if (a == rest.end() || !a->is_object()) return nullptr;
  auto v = a->find(std::string(key));
  return v == a->end() ? nullptr : &*v;
}

json& attributes(Resource& r) {
  json& a = detail::data_of(r).rest["attributes"];
  if (!a.is_object()) a = json::object();
  return a;
}

json const* relationship_data(Resource const& r, std::string_view key) {
  auto const& rest = detail::data_of(r).rest;
  auto rels = rest.find("relationships");
  if (rels == rest.end() || !rels->is_object()) return nullptr;
  auto rel = rels->find(std::string(key));
  if (rel == rels->end() || !rel->is_object()) return nullptr;
  auto data = rel->find("data");
  return data == rel->end() ? nullptr : &*data;
}

json& relationship(Resource& r, std::string_view key) {
  json& rels = detail::data_of(r).rest["relationships"];
  if (!rels.is_object()) rels = json::object();
  json& rel = rels[std::string(key)];
  if (!rel.is_object()) rel = json::object();
  return rel;
}

std::optional<ResourceId> to_id(json const& j) {
  if (!j.is_object()) return std::nullopt;
  auto t = j.find("type");
  auto i = j.find("id");
  if (t == j.end() || !t->is_string() || i == j.end()) return std::nullopt;
  return ResourceId{t->get<std::string>(), id_to_string(*i)};
}

json id_json(ResourceId const& id) { return json{{"type", id.type}, {"id", id.id}}; }

// The id as written. JSON:API ids are strings, but FLOWii's cash-flow PATCH schema
// types data.id as an integer (its example sends 1200883): a cash flow's id goes
// out as a number when it is a plain whole number, and unchanged otherwise. Reads
// take either (id_to_string), so Resource::id() stays a string.
json written_id(Resource const& r) {
  std::string const& id = r.id();
  if (r.type() == CashFlow::kType) {
    std::int64_t n = 0;
    auto const [end, error] = std::from_chars(id.data(), id.data() + id.size(), n);
    // Only a canonical form ("42", not "042" or "-0") round-trips to the same id.
    if (error == std::errc() && end == id.data() + id.size() && n >= 0 && std::to_string(n) == id) return n;
  }
  return id;
}

// Empties `j` from the leaves up. nlohmann's destructor first moves the children of
// every non-empty array or object it destroys into a heap-allocated work list (so that
// deep nesting cannot exhaust the stack); emptied from the leaves, nothing is left to
// move, and freeing an answer's resources costs about a fifth less. At most `depth`
// levels deep: deeper nesting is left to nlohmann, so the recursion stays bounded.
void clear_from_leaves(json& j, int depth) {
  if (depth == 0) return;
  if (j.is_object()) {
    auto& members = j.get_ref<json::object_t&>();
    for (auto& member : members) clear_from_leaves(member.second, depth - 1);
    members.clear();
  } else if (j.is_array()) {
    auto& items = j.get_ref<json::array_t&>();
    for (auto& item : items) clear_from_leaves(item, depth - 1);
    items.clear();
  }
}

}  // namespace

ResourceData::~ResourceData() { clear_from_leaves(rest, /*depth=*/8); }

std::string id_to_string(json const& id) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_number_integer()) return std::to_string(id.get<std::int64_t>());
  if (id.is_number_unsigned()) return std::to_string(id.get<std::uint64_t>());
  return {};
}

Resource resource_from_json(json const& object) { return resource_from_json(json(object)); }

Resource resource_from_json(json&& object) {
  Resource r;
  if (!object.is_object()) return r;
  auto& d = detail::data_of(r);
  d.rest = std::move(object);
  // One pass over the members (a resource object has a handful) finds both, with
  // fixed-size key compares, and string values are moved, not copied: this runs for
  // every resource of every answer.
  using namespace std::string_view_literals;
  int found = 0;
  for (auto& [key, value] : d.rest.get_ref<json::object_t&>()) {
    std::string_view const name = key;
    if (name == "type"sv) {
      if (value.is_string()) d.type = std::move(value.get_ref<std::string&>());
    } else if (name == "id"sv) {
      if (value.is_string()) {
        d.id = std::move(value.get_ref<std::string&>());
      } else {
        d.id = id_to_string(value);
      }
    } else {
      continue;
    }
    if (++found == 2) break;
  }
  return r;
}

json resource_to_json(Resource const& r) {
  json out = json::object();
  out["type"] = r.type();
  if (!r.id().empty()) out["id"] = written_id(r);
  auto const& rest = detail::data_of(r).rest;
  if (auto a = rest.find("attributes"); a != rest.end()) out["attributes"] = *a;
  if (auto rels = rest.find("relationships"); rels != rest.end() && rels->is_object()) {
    json w = json::object();
    for (auto it = rels->begin(); it != rels->end(); ++it) {
      // Only linkage (or nested objects) is written; links/meta are read-only.
      if (it->is_object() && it->contains("data")) w[it.key()] = json{{"data", (*it)["data"]}};
    }
    if (!w.empty()) out["relationships"] = std::move(w);
  }
  return out;
}

std::optional<std::string> get_string(Resource const& r, std::string_view key) {
  auto v = attribute(r, key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::optional<std::int64_t> get_integer(Resource const& r, std::string_view key) {
  auto v = attribute(r, key);
  if (v == nullptr) return std::nullopt;
  // is_number_integer() is true for unsigned values too: look at those first, so
  // that 2^64-1 is not read as -1.
  if (v->is_number_unsigned()) {
    auto u = v->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (v->is_number_integer()) return v->get<std::int64_t>();
  if (v->is_number_float()) {
    double d = v->get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

std::optional<double> get_number(Resource const& r, std::string_view key) {
  auto v = attribute(r, key);
  if (v == nullptr || !v->is_number()) return std::nullopt;
  return v->get<double>();
}

std::optional<bool> get_bool(Resource const& r, std::string_view key) {
  auto v = attribute(r, key);
  if (v == nullptr || !v->is_boolean()) return std::nullopt;
  return v->get<bool>();
}

void set_string(Resource& r, std::string_view key, std::string const& value) {
  attributes(r)[std::string(key)] = value;
}
void set_integer(Resource& r, std::string_view key, std::int64_t value) { attributes(r)[std::string(key)] = value; }
void set_number(Resource& r, std::string_view key, double value) {
  attributes(r)[std::string(key)] = std::isfinite(value) ? json(value) : json(nullptr);
}
void set_bool(Resource& r, std::string_view key, bool value) { attributes(r)[std::string(key)] = value; }

}  // namespace detail

namespace {
std::shared_ptr<Included const> const& empty_included() {
  static auto const kEmpty = std::make_shared<Included const>();
  return kEmpty;
}
}  // namespace

Resource::Resource() : d_(std::make_unique<detail::ResourceData>()) {}
Resource::Resource(std::string type, std::string id) : Resource() {
  d_->type = std::move(type);
  d_->id = std::move(id);
}
Resource::Resource(Resource const& other)
    : d_(std::make_unique<detail::ResourceData>(*other.d_)), included_(other.included_) {}
Resource::Resource(Resource&& other) noexcept = default;
Resource& Resource::operator=(Resource const& other) {
  if (this != &other) {
    d_ = std::make_unique<detail::ResourceData>(*other.d_);
    included_ = other.included_;
  }
  return *this;
}
Resource& Resource::operator=(Resource&& other) noexcept = default;
Resource::~Resource() = default;

// A moved-from Resource has no data; give it an empty one lazily so it stays usable.
detail::ResourceData& Resource::data_() {
  if (!d_) d_ = std::make_unique<detail::ResourceData>();
  return *d_;
}
detail::ResourceData const& Resource::data_() const {
  static detail::ResourceData const kEmpty;
  return d_ ? *d_ : kEmpty;
}

std::string const& Resource::type() const { return data_().type; }
std::string const& Resource::id() const { return data_().id; }
Resource& Resource::set_id(std::string id) {
  data_().id = std::move(id);
  return *this;
}

std::string Resource::self_link() const {
  auto const& rest = data_().rest;
  auto l = rest.find("links");
  if (l == rest.end() || !l->is_object()) return {};
  auto s = l->find("self");
  return s != l->end() && s->is_string() ? s->get<std::string>() : std::string();
}

bool Resource::has(std::string_view key) const { return detail::attribute(*this, key) != nullptr; }
bool Resource::is_null(std::string_view key) const {
  auto v = detail::attribute(*this, key);
  return v != nullptr && v->is_null();
}

std::vector<std::string> Resource::attribute_names() const {
  std::vector<std::string> out;
  auto const& rest = data_().rest;
  if (auto a = rest.find("attributes"); a != rest.end() && a->is_object()) {
    for (auto it = a->begin(); it != a->end(); ++it) out.push_back(it.key());
  }
  return out;
}

Resource& Resource::set_null(std::string_view key) {
  detail::attributes(*this)[std::string(key)] = nullptr;
  return *this;
}

Resource& Resource::erase(std::string_view key) {
  detail::attributes(*this).erase(std::string(key));
  return *this;
}

std::string Resource::attribute_json(std::string_view key) const {
  auto v = detail::attribute(*this, key);
  return v == nullptr ? "null" : v->dump();
}

Status Resource::set_attribute_json(std::string_view key, std::string_view text) {
  auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return Status(ErrorCode::kInvalidArgument,
                  "set_attribute_json(\"" + std::string(key) + "\"): the value is not valid JSON");
  }
  detail::attributes(*this)[std::string(key)] = std::move(parsed);
  return {};
}

bool Resource::has_relationship(std::string_view key) const {
  auto const& rest = data_().rest;
  auto rels = rest.find("relationships");
  return rels != rest.end() && rels->is_object() && rels->contains(std::string(key));
}

std::vector<std::string> Resource::relationship_names() const {
  std::vector<std::string> out;
  auto const& rest = data_().rest;
  if (auto r = rest.find("relationships"); r != rest.end() && r->is_object()) {
    for (auto it = r->begin(); it != r->end(); ++it) out.push_back(it.key());
  }
  return out;
}

std::optional<ResourceId> Resource::to_one(std::string_view key) const {
  auto d = detail::relationship_data(*this, key);
  if (d == nullptr) return std::nullopt;
  return detail::to_id(*d);
}

std::vector<ResourceId> Resource::to_many(std::string_view key) const {
  std::vector<ResourceId> out;
  auto d = detail::relationship_data(*this, key);
  if (d == nullptr || !d->is_array()) return out;
  for (auto const& item : *d) {
    if (auto id = detail::to_id(item)) out.push_back(std::move(*id));
  }
  return out;
}

Resource& Resource::link(std::string_view key, std::optional<ResourceId> target) {
  detail::relationship(*this, key)["data"] = target ? detail::id_json(*target) : nlohmann::json(nullptr);
  return *this;
}

Resource& Resource::link_many(std::string_view key, std::vector<ResourceId> const& targets) {
  auto arr = nlohmann::json::array();
  for (auto const& t : targets) arr.push_back(detail::id_json(t));
  detail::relationship(*this, key)["data"] = std::move(arr);
  return *this;
}

Resource& Resource::nest(std::string_view key, Resource const& nested) {
  detail::relationship(*this, key)["data"] = detail::resource_to_json(nested);
  return *this;
}

namespace {
nlohmann::json& many_data(Resource& r, std::string_view key) {
  auto& data = detail::relationship(r, key)["data"];
  if (!data.is_array()) data = nlohmann::json::array();
  return data;
}
}  // namespace

Resource& Resource::append(std::string_view key, ResourceId const& target) {
  many_data(*this, key).push_back(detail::id_json(target));
  return *this;
}

Resource& Resource::append(std::string_view key, Resource const& nested) {
  many_data(*this, key).push_back(detail::resource_to_json(nested));
  return *this;
}

std::vector<Resource> Resource::nested(std::string_view key) const {
  std::vector<Resource> out;
  auto d = detail::relationship_data(*this, key);
  if (d == nullptr) return out;
  auto add = [&](nlohmann::json const& item) {
    if (item.is_object() && item.contains("type")) out.push_back(detail::resource_from_json(item));
  };
  if (d->is_array()) {
    for (auto const& item : *d) add(item);
  } else {
    add(*d);
  }
  return out;
}

Included const& Resource::included() const { return included_ ? *included_ : *empty_included(); }
void Resource::set_included(std::shared_ptr<Included const> included) { included_ = std::move(included); }

std::string Resource::to_json() const { return detail::resource_to_json(*this).dump(); }

Result<Resource> Resource::from_json(std::string_view text) {
  auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Status(ErrorCode::kInvalidArgument, "Resource::from_json: not a JSON object");
  }
  if (!parsed.contains("type") || !parsed["type"].is_string()) {
    return Status(ErrorCode::kInvalidArgument, "Resource::from_json: the object has no string \"type\"");
  }
  return detail::resource_from_json(std::move(parsed));
}

Resource const* Included::find(ResourceId const& id) const {
  for (auto const& r : items_) {
    if (r.type() == id.type && r.id() == id.id) return &r;
  }
  return nullptr;
}

}  // namespace flowii
