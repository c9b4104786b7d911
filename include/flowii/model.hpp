// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Typed models are declared, not hand-written. One declaration gives a class with
// typed getters/setters over a Resource and a field table that tools and tests use
// to check server documents against the model:
//
//   #define FLOWII_ADDRESS_FIELDS(ATTR, ONE, MANY)  (one field per line, each line
//     ATTR(std::string, street, "street")          ending in a backslash)
//     ATTR(std::string, city, "city")
//     ONE(country, "country", "country")
//   FLOWII_MODEL(Address, "address", FLOWII_ADDRESS_FIELDS)
//
// gives   std::optional<std::string> street() const;   Address& set_street(std::string const&);
//         std::optional<ResourceId> country() const;   Address& set_country(std::string id);
//                                                       Address& set_country(Resource const& nested);
//                                                       Address& clear_country();
// and for MANY(name, key, type):  std::vector<ResourceId> name() const;
//         add_name(std::string id), add_name(Resource const& nested), set_name(std::vector<std::string> ids).
// Attributes that FLOWii calls `type` get another C++ name (e.g. partner_type),
// since type() is the JSON:API type.
#ifndef FLOWII_MODEL_HPP
#define FLOWII_MODEL_HPP

#include <flowii/resource.hpp>

#include <string>
#include <utility>
#include <vector>

namespace flowii {

enum class FieldKind { kString, kInteger, kNumber, kBool, kDate, kDateTime, kEnum, kToOne, kToMany };
/// "integer", "date (YYYY-MM-DD)", "to-one relationship", ...: the kind as messages name it.
char const* to_string(FieldKind kind);

/// One declared field of a model: its JSON name, kind and, for relationships, target type.
struct FieldSpec {
  char const* key;
  FieldKind kind;
  char const* target_type;  ///< relationships only, else ""
};

template <typename T>
constexpr FieldKind field_kind() {
  if constexpr (std::is_same_v<T, std::string>)
    return FieldKind::kString;
  else if constexpr (std::is_same_v<T, bool>)
    return FieldKind::kBool;
  else if constexpr (std::is_enum_v<T>)
    return FieldKind::kEnum;
  else if constexpr (std::is_integral_v<T>)
    return FieldKind::kInteger;
  else if constexpr (std::is_floating_point_v<T>)
    return FieldKind::kNumber;
  else if constexpr (std::is_same_v<T, Date>)
    return FieldKind::kDate;
  else
    return FieldKind::kDateTime;
}

/// Checks a resource against a field table: every declared field that is present
/// and not null has the declared JSON kind. Unknown fields are fine. The error
/// lists each mismatch ("attributes.type: expected integer, got string").
Status check_fields(Resource const& resource, std::vector<FieldSpec> const& fields);

/// A compile-time list of model classes; each models/*.hpp header names its own,
/// so tools and tests can visit every model of the SDK.
template <typename... Models>
struct ModelList {};

namespace detail {
/// The error of Model::from_resource for a resource of another JSON:API type.
Status not_a(Resource const& resource, char const* type);
}  // namespace detail

/// Base of every declared model: a Resource whose JSON:API type is Derived::kType.
template <typename Derived>
class Model : public Resource {
 public:
  Model() : Resource(Derived::kType) {}
  /// The resource as a Derived, checked: one of another JSON:API type is
  /// kInvalidArgument, never a wrong object. Use it for any Resource whose type
  /// you do not know (Client::raw(), Resource::from_json(), a CSV row).
  static Result<Derived> from_resource(Resource r) {
    if (r.type() != Derived::kType) return detail::not_a(r, Derived::kType);
    return Derived(std::move(r));
  }
  /// Wraps a resource without checking its type, for one known to be a Derived:
  /// what the SDK's typed calls return was checked when decoded (Page<T>,
  /// Included::get<T>() and related<T>() check too). Otherwise use from_resource().
  explicit Model(Resource r) : Resource(std::move(r)) {}
  /// Validates the declared fields (see check_fields).
  Status check() const { return check_fields(*this, Derived::fields()); }
};

}  // namespace flowii

// ---- declaration macros (see the comment at the top) ------------------------
#define FLOWII_DETAIL_ATTR(T, name, key)                                                   \
  std::optional<T> name() const { return this->::flowii::Resource::template get<T>(key); } \
  auto& set_##name(T const& v) {                                                           \
    this->::flowii::Resource::set(key, v);                                                 \
    return *this;                                                                          \
  }
#define FLOWII_DETAIL_ONE(name, key, target)                                                         \
  std::optional<::flowii::ResourceId> name() const { return this->::flowii::Resource::to_one(key); } \
  auto& set_##name(std::string id) {                                                                 \
    this->::flowii::Resource::link(key, ::flowii::ResourceId{target, std::move(id)});                \
    return *this;                                                                                    \
  }                                                                                                  \
  auto& set_##name(::flowii::Resource const& nested) {                                               \
    this->::flowii::Resource::nest(key, nested);                                                     \
    return *this;                                                                                    \
  }                                                                                                  \
  auto& clear_##name() {                                                                             \
    this->::flowii::Resource::link(key, std::nullopt);                                               \
    return *this;                                                                                    \
  }
#define FLOWII_DETAIL_MANY(name, key, target)                                                       \
  std::vector<::flowii::ResourceId> name() const { return this->::flowii::Resource::to_many(key); } \
  auto& add_##name(std::string id) {                                                                \
    this->::flowii::Resource::append(key, ::flowii::ResourceId{target, std::move(id)});             \
    return *this;                                                                                   \
  }                                                                                                 \
  auto& add_##name(::flowii::Resource const& nested) {                                              \
    this->::flowii::Resource::append(key, nested);                                                  \
    return *this;                                                                                   \
  }                                                                                                 \
  auto& set_##name(std::vector<std::string> const& ids) {                                           \
    std::vector<::flowii::ResourceId> refs;                                                         \
    refs.reserve(ids.size());                                                                       \
    for (auto const& i : ids) refs.push_back(::flowii::ResourceId{target, i});                      \
    this->::flowii::Resource::link_many(key, refs);                                                 \
    return *this;                                                                                   \
  }
#define FLOWII_DETAIL_ATTR_SPEC(T, name, key) ::flowii::FieldSpec{key, ::flowii::field_kind<T>(), ""},
#define FLOWII_DETAIL_ONE_SPEC(name, key, target) ::flowii::FieldSpec{key, ::flowii::FieldKind::kToOne, target},
#define FLOWII_DETAIL_MANY_SPEC(name, key, target) ::flowii::FieldSpec{key, ::flowii::FieldKind::kToMany, target},

/// Declares `class Name` for JSON:API type `type_name` with the fields listed by
/// the X-macro FIELDS(ATTR, ONE, MANY).
#define FLOWII_MODEL(Name, type_name, FIELDS)                                                \
  /* NOLINTNEXTLINE(bugprone-macro-parentheses): Name is a class name */                     \
  class Name : public ::flowii::Model<Name> {                                                \
   public:                                                                                   \
    static constexpr char const* kType = type_name;                                          \
    using ::flowii::Model<Name>::Model;                                                      \
    FIELDS(FLOWII_DETAIL_ATTR, FLOWII_DETAIL_ONE, FLOWII_DETAIL_MANY)                        \
    static std::vector<::flowii::FieldSpec> const& fields() {                                \
      static std::vector<::flowii::FieldSpec> const kFields{                                 \
          FIELDS(FLOWII_DETAIL_ATTR_SPEC, FLOWII_DETAIL_ONE_SPEC, FLOWII_DETAIL_MANY_SPEC)}; \
      return kFields;                                                                        \
    }                                                                                        \
  }

#endif  // FLOWII_MODEL_HPP
