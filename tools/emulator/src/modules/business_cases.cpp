// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Business cases (Obchodné prípady): /businesscases with its sub-lists, files
// and XML export, business-case custom fields, states, sources and failure
// reasons; plus the read-only `mail` type that business cases, orders and
// partners list. Declarations, plus the list route: a period without activity
// is not expressible as a declared filter.
#include "modules/business_cases.hpp"
#include "catalog.hpp"
#include "listing.hpp"
#include "modules/custom_fields.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

ResourceSpec business_case() {
  auto spec = ResourceSpec::crud("business-case", "/businesscases");
  spec.attributes = {
      Attribute::text("name").required(),
      Attribute::text("serial-nr"),  // assigned on create unless given
      Attribute::text("description"),
      Attribute::datetime("created").required(),
      Attribute::datetime("anticipated-finish-date"),
      Attribute::datetime("finish-date"),
      Attribute::number("anticipated-income-amount"),
      Attribute::text("failed-finish-note"),
  };
  spec.relationships = {
      Relationship::one("state", "business-case-state").required().related_link(),
      Relationship::one("failure", "business-case-failure"),
      Relationship::one("partner", "partner").required().related_link(),
      Relationship::list("responsible-users", "user"),
      Relationship::one("responsible-user", "user"),  // derived: the list view's singular form
      // The list filters by source, type and subtype, but FLOWii's examples show no
      // such links. The emulator takes them as optional links to a source and,
      // since FLOWii documents no business-case type list, to an order type and
      // subtype (its only type tree of sales records): a guess.
      Relationship::one("source", "business-case-source"),
      Relationship::one("type", "order-type"),
      Relationship::one("subtype", "order-type"),
  };
  for (auto& values : custom_field_value_relationships()) spec.relationships.push_back(std::move(values));
  spec.list_view = ListView::only(
      {"name", "serial-nr", "created", "anticipated-finish-date", "finish-date", "anticipated-income-amount"},
      {"state", "partner", "responsible-user"});
  spec.filters = {
      Filter::range("created", "created"),
      Filter::range("edited", "@edited"),
      Filter::range("finished", "finish-date"),
      Filter::ids("state-id", "state"),
      Filter::ids("failure-id", "failure"),
      Filter::ids("responsible-user-id", "responsible-users"),
      Filter::ids("partner-id", "partner"),
      Filter::ids("partner-country-id", "partner.billing-address.country"),
      Filter::ids("partner-type-id", "partner.base-business-relationship"),
      Filter::ids("partner-subtype-id", "partner.extended-business-relationship"),
      Filter::ids("partner-tag-ids", "partner.tags"),
      Filter::ids("order-id", "<order:business-case"),
      Filter::text("search-text", {"name", "serial-nr", "description", "partner.name"}),
      Filter::ids("source-id", "source"),
      Filter::ids("type-id", "type"),
      Filter::ids("subtype-id", "subtype"),
      // A period without activity: applied by list_business_cases and the export.
      Filter::accepted("inactive-from", "inactive-to"),
  };
  spec.sublists = {
      SubList::related("tasks", "task", {"<task:business-case"}),
      SubList::related("communications", "communication", {"<communication:business-case"}),
      SubList::related("mails", "mail", {"<mail:business-case"}),
      SubList::attachments("files", "file"),
  };
  spec.exports = {{"xml", "business-cases.xml", {"includeMessages"}, business_cases_xml}};
  spec.on_write = stamp_serial_and_responsible(4);
  spec.ops.erase(Op::kList);  // list_business_cases below
  return spec;
}

HttpReply list_business_cases(Ctx& ctx) {
  auto records = apply_filters(ctx, ctx.catalog.schema("business-case")->filters, ctx.view().all("business-case"));
  filter_activity(ctx.view(), ctx.request, business_case_work(), records);
  return list_reply(ctx, records, true);
}

ResourceSpec state() {
  return ResourceSpec::code_list("business-case-state", "/businesscasestates",
                                 {Attribute::text("name").required(),
                                  Attribute::integer("type").one_of({1, 2, 3, 4}),  // in progress, won, postponed, lost
                                  Attribute::integer("order")},
                                 true);
}

}  // namespace

Module business_cases_module() {
  Module m;
  m.name = "business_cases";
  auto spec = business_case();
  auto params = page_params();
  for (auto const& p : filter_params(spec.filters)) params.push_back(p);
  m.routes = {{"GET", "/businesscases", RouteEndpoint{Access::kCompany, params, list_business_cases}}};
  m.resources = {
      std::move(spec),
      state(),
      ResourceSpec::code_list("business-case-source", "/businesscasesources", {Attribute::text("name").required()},
                              true),
      ResourceSpec::code_list("business-case-failure", "/businesscasefailures", {Attribute::text("name").required()},
                              true),
      custom_field_list("/businesscases/customfields", "business-case"),
      mail_resource(),
  };
  m.seed = seed_business_cases;
  return m;
}

}  // namespace flowii::emulator
