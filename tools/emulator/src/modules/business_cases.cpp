// Business cases (Obchodné prípady): /businesscases with its sub-lists, files
// and XML export, business-case custom fields, states, sources and failure
// reasons; plus the read-only `mail` type that business cases, orders and
// partners list. Everything here is declaration; the engine provides the handlers.
#include "modules/business_cases.hpp"
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
      // FLOWii documents no source, type or subtype on a business case, and
      // activity is not modelled: accepted, no effect.
      Filter::accepted("source-id"),
      Filter::accepted("type-id"),
      Filter::accepted("subtype-id"),
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
  return spec;
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
  m.resources = {
      business_case(),
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
