// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Business cases and orders: internals shared by their module files. Orders are
// the business cases' continuation (an order may link its won case), so the
// helpers both need live here.
#ifndef FLOWII_TOOLS_EMULATOR_SRC_MODULES_BUSINESS_CASES_HPP
#define FLOWII_TOOLS_EMULATOR_SRC_MODULES_BUSINESS_CASES_HPP

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "resource_spec.hpp"

namespace flowii::emulator {

void seed_business_cases(Seeder& seeder);                  // business_cases_demo.cpp
std::string business_cases_xml(ExportInput const& input);  // business_cases_export.cpp

// ---- shared with the orders module (business_cases_shared.cpp) -------------

// FLOWii numbers records per company: "0001" (business cases), "001" (orders).
// On create it assigns the next number unless the client sent one; every write
// mirrors the first of `responsible-users` into the singular `responsible-user`
// that the list views show.
std::function<void(Record&, WriteScope&)> stamp_serial_and_responsible(int serial_width);
std::string zero_padded(std::int64_t number, int width);  // (7, 4) -> "0007"

// `mail` (read only; listed under partners, orders and business cases).
ResourceSpec mail_resource();

// filter[active-from|to] and filter[inactive-from|to] of the partner and
// business-case lists. The blueprint says only "activity" and "period without
// activity"; the emulator reads activity as the creation or last edit of the
// record itself or of a record that refers to it through `work` (its tasks,
// events, e-mails, ...). "active" keeps the records with activity inside the
// period, "inactive" those with none; a missing bound leaves that side open.
void filter_activity(RecordView const& view, InboundRequest const& request, std::vector<FieldPath> const& work,
                     std::vector<Record const*>& records);
// The work that counts as a business case's activity.
std::vector<FieldPath> const& business_case_work();

// Demo-data helpers.
// A company-defined state with FLOWii's state `type` (business-case and order states).
struct StateText {
  char const* name;
  int type;
};
// What both modules' demo texts have: custom fields (text, number, date, bool,
// enum) with the enum's options, a description prefix (the partner's name follows),
// the note of a failed record and one attachment.
struct SalesTexts {
  std::array<char const*, 5> fields;
  std::array<char const*, 3> options;
  char const* description_prefix;
  char const* failed_note;
  char const* file_name;
  char const* file_text;
};
struct SeededFields {
  std::vector<Record const*> fields;  // in SalesTexts::fields order
  std::vector<std::string> options;   // ids of the enum field's options
};
// Records of `type` with name, type and order 1.., ids from first_company_id.
std::vector<Record const*> seed_states(Seeder& s, char const* type, std::vector<StateText> const& states,
                                       std::vector<char const*> const& ids);
SeededFields seed_fields(Seeder& s, std::string const& scope, SalesTexts const& texts);
// ids[n] in the first company (the blueprint's example ids, so documented paths
// resolve there); "" (a generated id) elsewhere.
std::string first_company_id(Seeder const& s, std::vector<char const*> const& ids, std::size_t n);
nlohmann::json link(Record const& record);
nlohmann::json links(std::vector<Record const*> const& records);
std::string days_from(std::int64_t unix_seconds, int days);  // FLOWii date-time, midnight
// Adds a few e-mails about `owner` (linked through `relationship`) and the partner.
void seed_mails(Seeder& s, Record const& owner, char const* relationship, nlohmann::json const& partner,
                std::vector<std::string> const& subjects);
// Attaches a small text file to `owner`, uploaded by `user`.
void seed_attachment(Seeder& s, Record const& owner, std::string const& name, std::string const& text,
                     Record const& user);
// One custom-field value per field ({"custom-field-string-values": [...], ...});
// `values` holds the value of each field in `fields` (an enum: its option record id).
nlohmann::json seed_custom_values(Seeder& s, std::vector<Record const*> const& fields,
                                  std::vector<nlohmann::json> const& values);

}  // namespace flowii::emulator

#endif  // FLOWII_TOOLS_EMULATOR_SRC_MODULES_BUSINESS_CASES_HPP
