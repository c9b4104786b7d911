// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Account and shared code lists: /token, /companies, /users, /permissions,
// /countries, /tags/{id} and /files/{id}.
#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "auth.hpp"
#include "clock.hpp"
#include "common/base64.hpp"
#include "context.hpp"
#include "jsonapi.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

struct DemoCountry {
  char const* name;
  char const* code;
};

// FLOWii names countries in Slovak; ids 1..3 are the ones its docs and clients use.
constexpr DemoCountry countries[] = {
    {"Slovensko", "SK"}, {"Česko", "CZ"},    {"Maďarsko", "HU"},  {"Poľsko", "PL"},     {"Rakúsko", "AT"},
    {"Nemecko", "DE"},   {"Ukrajina", "UA"}, {"Slovinsko", "SI"}, {"Chorvátsko", "HR"}, {"Taliansko", "IT"},
};

struct Colleague {
  char const* id;
  char const* name;
};

// Per-company staff besides the logins ("Surname Firstname", as FLOWii lists users).
constexpr Colleague colleagues[][3] = {
    {{"11143", "Kováčová Mária"}, {"11144", "Horváth Peter"}, {"11148", "Bieliková Zuzana"}},
    {{"11145", "Szabó Gábor"}, {"11146", "Tóth Eszter"}, {"11149", "Nagy Bence"}},
};

// FLOWii modules visible through the API: tasks, partners, events, orders, business cases.
constexpr int permission_modules[] = {1, 2, 4, 11, 19};

HttpReply companies(Ctx& ctx) {
  nlohmann::json data = nlohmann::json::array();
  for (auto const& company : ctx.options.companies) {
    auto const& ids = ctx.user->company_ids;
    if (std::find(ids.begin(), ids.end(), company.id) == ids.end()) continue;
    data.push_back({{"type", "company"}, {"id", company.id}, {"attributes", {{"name", company.name}}}});
  }
  return document_reply(200, {{"data", std::move(data)}});
}

// Uploads carry base64 content; FLOWii derives size, date and uploader.
void on_file_write(Record& file, WriteScope& scope) {
  auto const content = file.attributes.value("content", nlohmann::json());
  auto const bytes = content.is_string() ? common::base64_decode(content.get<std::string>()) : std::nullopt;
  if (!bytes) {
    scope.errors.at(422, scope.pointer + "/attributes/content", "content must be base64 (RFC 4648).");
    return;
  }
  file.attributes["size"] = bytes->size();
  if (!scope.creating) return;
  file.attributes["created-date"] = format_local(scope.ctx.now());
  file.attributes["link"] = nullptr;
  file.relationships["user"] = identifier({"user", scope.ctx.user->id});
}

ResourceSpec files() {
  ResourceSpec spec;
  spec.type = "file";
  spec.item = "/files";
  spec.ops = {Op::kRead, Op::kRemove};
  spec.attributes = {Attribute::text("name").required(),
                     Attribute::text("content").required(),
                     Attribute::text("content-type"),
                     Attribute::text("note"),
                     Attribute::integer("size"),
                     Attribute::datetime("created-date"),
                     Attribute::any("link")};
  spec.relationships = {Relationship::one("user", "user")};
  spec.list_view = ListView::only({"name", "size", "created-date"}, {"user"});
  spec.on_write = on_file_write;
  return spec;
}

ResourceSpec users() {
  auto spec = ResourceSpec::code_list("user", "/users", {Attribute::text("name")}, true);
  spec.self_alias = true;  // GET /users/self: the caller's user in this company
  spec.paged = true;       // unlike the other code lists, FLOWii's user list shows links.first
  return spec;
}

ResourceSpec tags() {
  ResourceSpec spec;  // listed per module (/partners/tags); read by id here
  spec.type = "tag";
  spec.item = "/tags";
  spec.ops = {Op::kRead};
  spec.attributes = {Attribute::text("name").required()};
  return spec;
}

void seed(Seeder& s) {
  for (std::size_t i = 0; i < std::size(countries); ++i) {
    s.add("country", {{"name", countries[i].name}}, {}, std::to_string(i + 1));
  }
  for (auto const& login : s.members()) s.add("user", {{"name", login.name}}, {}, login.id);
  auto const& staff = colleagues[s.company_index() % std::size(colleagues)];
  for (auto const& c : staff) {
    bool const fixed_id_free = s.company_index() < std::size(colleagues) && s.find("user", c.id) == nullptr;
    s.add("user", {{"name", c.name}}, {}, fixed_id_free ? c.id : "");
  }
  for (int module : permission_modules) {
    s.add("permission", {{"modul", module}, {"visible", true}}, {}, std::to_string(module));
  }
}

}  // namespace

Module account_module() {
  Module m;
  m.name = "account";
  m.routes = {
      {"POST", "/token", RouteEndpoint{Access::kOpen, {}, token_endpoint}},
      {"GET", "/companies", RouteEndpoint{Access::kUser, {}, companies}},
  };
  m.resources = {
      users(),
      ResourceSpec::code_list("permission", "/permissions",
                              {Attribute::integer("modul"), Attribute::boolean("visible")}, false),
      ResourceSpec::code_list("country", "/countries", {Attribute::text("name")}, false),
      tags(),
      files(),
  };
  m.seed = seed;
  return m;
}

std::vector<EmulatedCompany> demo_companies() { return {{"1", "Demo Firma s.r.o."}, {"2", "Minta Kft."}}; }

std::vector<EmulatedUser> demo_users() {
  return {{"11142", "Novák Ján", "demo@flowii.example", "demo-password", {"1", "2"}},
          {"11150", "Kiss Anna", "solo@flowii.example", "solo-password", {"2"}}};
}

std::string_view country_code(std::string_view country_name) {
  for (auto const& c : countries) {
    if (country_name == c.name) return c.code;
  }
  return {};
}

}  // namespace flowii::emulator
