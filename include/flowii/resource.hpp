// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// JSON:API resource objects. A Resource keeps the whole object it was read from
// (attributes and relationships the SDK does not know included), so a
// read -> modify -> write round trip never loses data. Typed models (Partner,
// Order, ...) are thin views declared with FLOWII_MODEL; see model.hpp.
// nlohmann/json stays out of this header on purpose (pimpl).
#ifndef FLOWII_RESOURCE_HPP
#define FLOWII_RESOURCE_HPP

#include <flowii/datetime.hpp>
#include <flowii/result.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace flowii {

/// A JSON:API resource identifier: `{"type": "partner", "id": "457854"}`.
struct ResourceId {
  std::string type;
  std::string id;
  friend bool operator==(ResourceId const& a, ResourceId const& b) { return a.type == b.type && a.id == b.id; }
  friend bool operator!=(ResourceId const& a, ResourceId const& b) { return !(a == b); }
};

class Included;
namespace detail {
struct ResourceData;
struct ResourceAccess;  // the SDK's own access to the JSON (src/core/resource_data.hpp)
}  // namespace detail

class Resource {
 public:
  Resource();
  explicit Resource(std::string type, std::string id = {});
  Resource(Resource const& other);
  Resource(Resource&& other) noexcept;
  Resource& operator=(Resource const& other);
  Resource& operator=(Resource&& other) noexcept;
  ~Resource();

  /// The JSON:API type ("partner"). Not to be confused with FLOWii's `type` attribute.
  std::string const& type() const;
  std::string const& id() const;
  Resource& set_id(std::string id);
  ResourceId ref() const { return ResourceId{type(), id()}; }
  /// `links.self`, when the server sent one.
  std::string self_link() const;

  // ---- attributes -------------------------------------------------------
  /// True when the attribute is present (even if null).
  bool has(std::string_view key) const;
  bool is_null(std::string_view key) const;
  /// Names of all attributes present, known to the SDK or not.
  std::vector<std::string> attribute_names() const;

  /// Typed read. nullopt when absent, null, or of another JSON type.
  /// T: std::string, bool, an integer type, double, Date, DateTime, or an enum
  /// (read from its integer value; unknown values are kept, never rejected).
  /// An integer T cannot hold (e.g. 2^40 for int) is nullopt, never wrapped.
  template <typename T>
  std::optional<T> get(std::string_view key) const;
  template <typename T>
  Resource& set(std::string_view key, T const& value);
  Resource& set_null(std::string_view key);
  Resource& erase(std::string_view key);

  /// The attribute as JSON text ("null" when absent), for values the SDK has no type for.
  std::string attribute_json(std::string_view key) const;
  /// Sets an attribute from JSON text; an error when the text is not valid JSON.
  Status set_attribute_json(std::string_view key, std::string_view json);

  // ---- relationships ----------------------------------------------------
  bool has_relationship(std::string_view key) const;
  std::vector<std::string> relationship_names() const;
  /// To-one linkage; nullopt when absent or `data: null`.
  std::optional<ResourceId> to_one(std::string_view key) const;
  /// To-many linkage (identifiers only); empty when absent.
  std::vector<ResourceId> to_many(std::string_view key) const;
  /// Sets `relationships.<key>.data` to an identifier, or to null.
  Resource& link(std::string_view key, std::optional<ResourceId> target);
  /// Sets `relationships.<key>.data` to an array of identifiers.
  Resource& link_many(std::string_view key, std::vector<ResourceId> const& targets);
  /// FLOWii's nested creation: puts a whole resource object (attributes and
  /// relationships, id only if it already exists) into `relationships.<key>.data`.
  Resource& nest(std::string_view key, Resource const& nested);
  /// Appends an identifier or a nested resource object to a to-many relationship.
  Resource& append(std::string_view key, ResourceId const& target);
  Resource& append(std::string_view key, Resource const& nested);
  /// Nested resource objects inside `relationships.<key>.data` (as sent on create).
  std::vector<Resource> nested(std::string_view key) const;

  // ---- included resources of the document this resource came from --------
  Included const& included() const;
  void set_included(std::shared_ptr<Included const> included);
  /// The included resource a relationship points to, as a T (e.g. Address);
  /// nullopt when it is not included or is of another JSON:API type.
  template <typename T>
  std::optional<T> related(std::string_view key) const;
  /// The included resources of a to-many relationship that are T's.
  template <typename T>
  std::vector<T> related_many(std::string_view key) const;

  // ---- JSON ---------------------------------------------------------------
  /// The resource object as JSON text, for writing: type, id (when set),
  /// attributes and relationship `data` (links and meta are left out).
  std::string to_json() const;
  /// Parses one resource object (not a whole document).
  static Result<Resource> from_json(std::string_view json);

 private:
  friend struct detail::ResourceAccess;
  // The JSON behind this resource (nlohmann::json), for the SDK's sources only.
  detail::ResourceData& data_();
  detail::ResourceData const& data_() const;

  std::unique_ptr<detail::ResourceData> d_;
  std::shared_ptr<Included const> included_;
};

/// The `included` array of a JSON:API document.
class Included {
 public:
  Included() = default;
  explicit Included(std::vector<Resource> items) : items_(std::move(items)) {}
  std::vector<Resource> const& items() const { return items_; }
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  Resource const* find(ResourceId const& id) const;
  /// The included resource `id` as a T; nullopt when absent or of another type.
  template <typename T>
  std::optional<T> get(ResourceId const& id) const {
    Resource const* r = find(id);
    if (r == nullptr || r->type() != T::kType) return std::nullopt;
    return T(*r);
  }
  /// Every included resource of T's type.
  template <typename T>
  std::vector<T> all() const {
    std::vector<T> out;
    for (auto const& r : items_) {
      if (r.type() == T::kType) out.emplace_back(r);
    }
    return out;
  }

 private:
  std::vector<Resource> items_;
};

namespace detail {
// Non-template accessors the templates below dispatch to (defined in src/).
std::optional<std::string> get_string(Resource const& r, std::string_view key);
std::optional<std::int64_t> get_integer(Resource const& r, std::string_view key);
std::optional<double> get_number(Resource const& r, std::string_view key);
std::optional<bool> get_bool(Resource const& r, std::string_view key);
void set_string(Resource& r, std::string_view key, std::string const& value);
void set_integer(Resource& r, std::string_view key, std::int64_t value);
void set_number(Resource& r, std::string_view key, double value);
void set_bool(Resource& r, std::string_view key, bool value);
template <typename>
inline constexpr bool kAlwaysFalse = false;
// The integer type an integral or enum T holds.
template <typename T, bool = std::is_enum_v<T>>
struct integer_of {
  using type = T;
};
template <typename T>
struct integer_of<T, true> {
  using type = std::underlying_type_t<T>;
};
/// True when `v` is a value of the integer type I (no silent wrap-around).
template <typename I>
constexpr bool fits(std::int64_t v) {
  if constexpr (std::is_signed_v<I>) {
    if constexpr (sizeof(I) >= sizeof(std::int64_t))
      return true;
    else
      return v >= std::int64_t{std::numeric_limits<I>::min()} && v <= std::int64_t{std::numeric_limits<I>::max()};
  } else {
    if constexpr (sizeof(I) >= sizeof(std::int64_t))
      return v >= 0;
    else
      return v >= 0 && static_cast<std::uint64_t>(v) <= std::uint64_t{std::numeric_limits<I>::max()};
  }
}
}  // namespace detail

template <typename T>
std::optional<T> Resource::get(std::string_view key) const {
  if constexpr (std::is_same_v<T, std::string>) {
    return detail::get_string(*this, key);
  } else if constexpr (std::is_same_v<T, bool>) {
    return detail::get_bool(*this, key);
  } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
    auto v = detail::get_integer(*this, key);
    if (!v || !detail::fits<typename detail::integer_of<T>::type>(*v)) return std::nullopt;
    return static_cast<T>(*v);
  } else if constexpr (std::is_floating_point_v<T>) {
    auto v = detail::get_number(*this, key);
    if (!v) return std::nullopt;
    return static_cast<T>(*v);
  } else if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, DateTime>) {
    auto s = detail::get_string(*this, key);
    if (!s) return std::nullopt;
    return T::parse(*s);
  } else {
    static_assert(detail::kAlwaysFalse<T>, "unsupported attribute type");
  }
}

template <typename T>
Resource& Resource::set(std::string_view key, T const& value) {
  if constexpr (std::is_same_v<T, std::string>) {
    detail::set_string(*this, key, value);
  } else if constexpr (std::is_same_v<T, bool>) {
    detail::set_bool(*this, key, value);
  } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
    detail::set_integer(*this, key, static_cast<std::int64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    detail::set_number(*this, key, static_cast<double>(value));
  } else if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, DateTime>) {
    detail::set_string(*this, key, value.to_string());
  } else {
    static_assert(detail::kAlwaysFalse<T>, "unsupported attribute type");
  }
  return *this;
}

template <typename T>
std::optional<T> Resource::related(std::string_view key) const {
  auto id = to_one(key);
  if (!id) return std::nullopt;
  return included().get<T>(*id);
}

template <typename T>
std::vector<T> Resource::related_many(std::string_view key) const {
  std::vector<T> out;
  for (auto const& id : to_many(key)) {
    if (auto r = included().find(id); r != nullptr && r->type() == T::kType) out.emplace_back(*r);
  }
  return out;
}

}  // namespace flowii

#endif  // FLOWII_RESOURCE_HPP
