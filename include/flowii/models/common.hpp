// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Models shared by several modules: company access list, users, countries, tags,
// files, e-mails and the typed custom fields of partners, orders, tasks and
// business cases.
#ifndef FLOWII_MODELS_COMMON_HPP
#define FLOWII_MODELS_COMMON_HPP

#include <flowii/model.hpp>

#include <string>

namespace flowii {

/// In a FLOWII_QUERY filter list: the documented pair of date filters
/// `filter[<key>-from]` and `filter[<key>-to]` (unix seconds), as setters
/// `<name>_from` and `<name>_to`.
#define FLOWII_TIME_RANGE(TIME, name, key) TIME(name##_from, key "-from") TIME(name##_to, key "-to")

#define FLOWII_COMPANY_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(Company, "company", FLOWII_COMPANY_FIELDS);

/// A user within the company. FLOWii names users "Surname Firstname".
#define FLOWII_USER_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(User, "user", FLOWII_USER_FIELDS);

#define FLOWII_COUNTRY_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(Country, "country", FLOWII_COUNTRY_FIELDS);

#define FLOWII_TAG_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(Tag, "tag", FLOWII_TAG_FIELDS);

/// An attachment. `content` (base64) is only present when read by id; use
/// client.account().files().download() to get the decoded bytes.
#define FLOWII_FILE_FIELDS(ATTR, ONE, MANY)       \
  ATTR(std::string, name, "name")                 \
  ATTR(std::int64_t, size, "size")                \
  ATTR(DateTime, created_date, "created-date")    \
  ATTR(std::string, content_type, "content-type") \
  ATTR(std::string, note, "note")                 \
  ATTR(std::string, link, "link")                 \
  ATTR(std::string, content, "content")           \
  ONE(user, "user", "user")
FLOWII_MODEL(FileInfo, "file", FLOWII_FILE_FIELDS);

/// E-mail state: 2 sent, 6 received.
enum class MailState : int { kSent = 2, kReceived = 6 };
#define FLOWII_MAIL_FIELDS(ATTR, ONE, MANY) \
  ATTR(MailState, state, "state")           \
  ATTR(std::string, subject, "subject")     \
  ATTR(DateTime, date, "date")              \
  ONE(partner, "partner", "partner")        \
  ONE(order, "order", "order")              \
  ONE(business_case, "business-case", "business-case")
FLOWII_MODEL(Mail, "mail", FLOWII_MAIL_FIELDS);

// ---- custom fields --------------------------------------------------------

/// FLOWii's custom-field `value-type`. 5 is not documented.
enum class CustomFieldType : int { kBool = 1, kNumber = 2, kText = 3, kDate = 4, kEnum = 6 };

#define FLOWII_CUSTOM_FIELD_ENUM_VALUE_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(CustomFieldEnumValue, "custom-field-enum-value-definition", FLOWII_CUSTOM_FIELD_ENUM_VALUE_FIELDS);

/// A custom-field definition (/partners/customfields, /orders/customfields, ...).
/// The enum options are in `value_definitions` (included resources).
#define FLOWII_CUSTOM_FIELD_FIELDS(ATTR, ONE, MANY)                                  \
  ATTR(std::string, name, "name")                                                    \
  ATTR(CustomFieldType, value_type, "value-type")                                    \
  ATTR(std::int64_t, order, "order")                                                 \
  ATTR(bool, is_nullable, "is-nullable")                                             \
  ATTR(std::int64_t, length, "length")                                               \
  ATTR(double, min_value, "min-value")                                               \
  ATTR(double, max_value, "max-value")                                               \
  MANY(value_definitions, "value-definitions", "custom-field-enum-value-definition") \
  ONE(group, "group", "custom-field-group")
FLOWII_MODEL(CustomFieldDefinition, "custom-field", FLOWII_CUSTOM_FIELD_FIELDS);

/// A custom-field value to write on a partner, order, task or business case:
///   add_custom_field(partner, CustomFieldValue::text("4679", "ORD-123"));
/// FLOWii keeps one relationship per value kind (custom-field-string-values, ...).
class CustomFieldValue {
 public:
  static CustomFieldValue boolean(std::string field_id, bool value);
  static CustomFieldValue number(std::string field_id, double value);
  static CustomFieldValue text(std::string field_id, std::string value);
  static CustomFieldValue date(std::string field_id, DateTime value);
  /// An enum field takes the id of one of its value definitions.
  static CustomFieldValue enumeration(std::string field_id, std::string value_definition_id);

  CustomFieldType kind() const { return kind_; }
  std::string const& field_id() const { return field_id_; }
  /// "custom-field-string-values" etc.
  char const* relationship() const;
  /// The nested resource object FLOWii expects inside that relationship.
  Resource const& resource() const { return resource_; }

  /// Reads the values a resource carries (in its custom-field-*-values
  /// relationships, nested or included). The value is JSON text in `json_value`
  /// for uniform access; typed accessors below.
  static std::vector<CustomFieldValue> read_all(Resource const& owner);
  std::optional<bool> as_bool() const { return resource_.get<bool>("value"); }
  std::optional<double> as_number() const { return resource_.get<double>("value"); }
  std::optional<std::string> as_text() const { return resource_.get<std::string>("value"); }
  std::optional<DateTime> as_date() const { return resource_.get<DateTime>("value"); }
  std::optional<std::string> as_enum_value_id() const;

 private:
  CustomFieldValue(CustomFieldType kind, std::string field_id, Resource resource)
      : kind_(kind), field_id_(std::move(field_id)), resource_(std::move(resource)) {}
  CustomFieldType kind_;
  std::string field_id_;
  Resource resource_;
};

/// Adds a custom-field value to any resource that supports them.
void add_custom_field(Resource& owner, CustomFieldValue const& value);

/// Every model of this header (see ModelList).
using CommonModels =
    ModelList<Company, User, Country, Tag, FileInfo, Mail, CustomFieldEnumValue, CustomFieldDefinition>;

}  // namespace flowii

#endif  // FLOWII_MODELS_COMMON_HPP
