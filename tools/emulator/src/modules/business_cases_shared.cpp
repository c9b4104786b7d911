// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Helpers shared by the business-case and order modules: serial numbers,
// the list views' singular responsible user, custom-field lists, mails and
// demo-data building blocks.
#include <algorithm>
#include <limits>
#include <optional>

#include "api_error.hpp"
#include "clock.hpp"
#include "common/base64.hpp"
#include "context.hpp"
#include "jsonapi.hpp"
#include "modules/business_cases.hpp"
#include "modules/custom_fields.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

std::string next_serial(RecordView const& view, std::string const& type, int width) {
  std::int64_t highest = 0;
  for (Record const* r : view.all(type)) {
    auto const serial = r->attributes.value("serial-nr", nlohmann::json());
    if (!serial.is_string()) continue;
    if (auto const n = parse_int(serial.get<std::string>()); n && *n > highest) highest = *n;
  }
  return zero_padded(highest + 1, width);
}

}  // namespace

std::string zero_padded(std::int64_t number, int width) {
  std::string text = std::to_string(number);
  if (static_cast<int>(text.size()) < width) text.insert(0, static_cast<std::size_t>(width) - text.size(), '0');
  return text;
}

std::function<void(Record&, WriteScope&)> stamp_serial_and_responsible(int serial_width) {
  return [serial_width](Record& record, WriteScope& scope) {
    auto const serial = record.attributes.find("serial-nr");
    if (scope.creating && (serial == record.attributes.end() || serial->is_null())) {
      record.attributes["serial-nr"] = next_serial(scope.ctx.view(), record.type, serial_width);
    }
    auto const users = record.related("responsible-users");
    record.relationships["responsible-user"] = users.empty() ? nlohmann::json() : identifier(users.front());
  };
}

ResourceSpec mail_resource() {
  ResourceSpec spec;  // no endpoint of its own: read through the owners' /mails lists
  spec.type = "mail";
  spec.attributes = {Attribute::integer("state").one_of({2, 6}),  // 2 sent, 6 received
                     Attribute::text("subject"), Attribute::datetime("date")};
  spec.relationships = {Relationship::one("partner", "partner").related_link(),
                        Relationship::one("order", "order").related_link(),
                        Relationship::one("business-case", "business-case").related_link()};
  return spec;
}

namespace {

std::optional<std::int64_t> time_bound(InboundRequest const& request, std::string const& name) {
  std::string const parameter = "filter[" + name + "]";
  auto const values = request.query_values(parameter);
  if (values.empty()) return std::nullopt;
  auto const seconds = parse_int(values.back());
  if (!seconds) throw ErrorReply({at_parameter(400, parameter, "expects a unix timestamp in seconds")});
  return seconds;
}

bool touched_within(Record const& record, std::int64_t from, std::int64_t to) {
  return (record.created >= from && record.created <= to) || (record.edited >= from && record.edited <= to);
}

bool active_within(RecordView const& view, Record const& record, std::vector<FieldPath> const& work, std::int64_t from,
                   std::int64_t to) {
  if (touched_within(record, from, to)) return true;
  for (auto const& path : work) {
    for (Record const* item : path.records(record, view)) {
      if (touched_within(*item, from, to)) return true;
    }
  }
  return false;
}

}  // namespace

void filter_activity(RecordView const& view, InboundRequest const& request, std::vector<FieldPath> const& work,
                     std::vector<Record const*>& records) {
  for (bool const active : {true, false}) {
    std::string const name = active ? "active" : "inactive";
    auto const from = time_bound(request, name + "-from");
    auto const to = time_bound(request, name + "-to");
    if (!from && !to) continue;
    auto const lower = from.value_or(std::numeric_limits<std::int64_t>::min());
    auto const upper = to.value_or(std::numeric_limits<std::int64_t>::max());
    records.erase(
        std::remove_if(records.begin(), records.end(),
                       [&](Record const* r) { return active_within(view, *r, work, lower, upper) != active; }),
        records.end());
  }
}

std::vector<FieldPath> const& business_case_work() {
  static std::vector<FieldPath> const work = {"<task:business-case", "<communication:business-case",
                                              "<mail:business-case", "<order:business-case", "<file:@owner"};
  return work;
}

std::string first_company_id(Seeder const& s, std::vector<char const*> const& ids, std::size_t n) {
  return s.company_index() == 0 && n < ids.size() ? ids[n] : "";
}

std::vector<Record const*> seed_states(Seeder& s, char const* type, std::vector<StateText> const& states,
                                       std::vector<char const*> const& ids) {
  std::vector<Record const*> out;
  for (std::size_t i = 0; i < states.size(); ++i) {
    out.push_back(&s.add(type, {{"name", states[i].name}, {"type", states[i].type}, {"order", i + 1}}, {},
                         first_company_id(s, ids, i)));
  }
  return out;
}

SeededFields seed_fields(Seeder& s, std::string const& scope, SalesTexts const& texts) {
  ValueType const kinds[] = {ValueType::kText, ValueType::kNumber, ValueType::kDate, ValueType::kBoolean,
                             ValueType::kEnumeration};
  SeededFields out;
  for (std::size_t f = 0; f < texts.fields.size(); ++f) {
    std::vector<std::string> options;
    if (kinds[f] == ValueType::kEnumeration) options.assign(texts.options.begin(), texts.options.end());
    out.fields.push_back(&seed_custom_field(s, scope, texts.fields[f], kinds[f], static_cast<int>(f + 1), options));
  }
  for (auto const& ref : out.fields.back()->related("value-definitions")) out.options.push_back(ref.id);
  return out;
}

nlohmann::json link(Record const& record) { return identifier(record.ref()); }

nlohmann::json links(std::vector<Record const*> const& records) {
  nlohmann::json out = nlohmann::json::array();
  for (Record const* r : records) out.push_back(link(*r));
  return out;
}

std::string days_from(std::int64_t unix_seconds, int days) {
  std::int64_t const t = unix_seconds + std::int64_t{86400} * days;
  return format_local(t - t % 86400);
}

void seed_mails(Seeder& s, Record const& owner, char const* relationship, nlohmann::json const& partner,
                std::vector<std::string> const& subjects) {
  std::int64_t date = owner.created;
  for (auto const& subject : subjects) {
    date += std::int64_t{3600} * s.rng().between(2, 120);
    if (date > s.now()) date = s.now() - 3600;
    s.add("mail", {{"state", s.rng().chance(50) ? 2 : 6}, {"subject", subject}, {"date", format_local(date)}},
          {{"partner", partner}, {relationship, link(owner)}});
  }
}

void seed_attachment(Seeder& s, Record const& owner, std::string const& name, std::string const& text,
                     Record const& user) {
  s.add("file",
        {{"name", name},
         {"content", common::base64_encode(text)},
         {"content-type", "text/plain"},
         {"note", nullptr},
         {"link", nullptr},
         {"size", text.size()},
         {"created-date", format_local(owner.created + 7200)}},
        {{"user", link(user)}}, {}, owner.ref());
}

nlohmann::json seed_custom_values(Seeder& s, std::vector<Record const*> const& fields,
                                  std::vector<nlohmann::json> const& values) {
  static constexpr char const* kinds[] = {"", "bool", "numeric", "string", "date", "", "enum"};
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < fields.size() && i < values.size(); ++i) {
    auto const value_type = fields[i]->attributes.value("value-type", 3);
    std::string const kind = kinds[value_type >= 1 && value_type <= 6 ? value_type : 3];
    std::string const type = "custom-field-" + kind + "-value";
    Record const& value =
        kind == "enum"
            ? s.add(type, nlohmann::json::object(),
                    {{"value", identifier({"custom-field-enum-value-definition", values[i].get<std::string>()})},
                     {"custom-field", link(*fields[i])}})
            : s.add(type, {{"value", values[i]}}, {{"custom-field", link(*fields[i])}});
    out[type + "s"].push_back(link(value));
  }
  return out;
}

}  // namespace flowii::emulator
