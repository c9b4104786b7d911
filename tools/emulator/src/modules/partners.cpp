// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Partners (Partneri): /partners with its sub-lists, files and exports, partner
// types (/businessrelationships), partner custom fields and partner tags.
// Declarations, plus one hand-written list route: the activity filters are
// not expressible as declared filters.
#include "modules/partners.hpp"
#include "catalog.hpp"
#include "listing.hpp"
#include "modules/business_cases.hpp"
#include "modules/custom_fields.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

ResourceSpec partner() {
  auto spec = ResourceSpec::crud("partner", "/partners");
  spec.attributes = {
      Attribute::text("name").required(),
      Attribute::integer("type").required().one_of({1, 2}),  // 1 company (Firma), 2 person (Osoba)
      Attribute::text("comment"),
      Attribute::text("ico"),
      Attribute::text("dic"),
      Attribute::text("ic-dph"),
      // Days: the blueprint's schema says number, its examples and the SDK whole numbers.
      Attribute::integer("invoice-maturity"),
  };
  spec.relationships = {
      Relationship::one("base-business-relationship", "business-relationship").related_link(),
      Relationship::one("extended-business-relationship", "business-relationship").related_link(),
      Relationship::one("billing-address", "address").nested().owned(),
      Relationship::one("mailing-address", "address").nested().owned(),
      Relationship::one("delivery-address", "address").nested().owned(),
      Relationship::one("responsible-user", "user"),
      Relationship::one("key-contact", "contact").nested().owned(),
      Relationship::list("contacts", "contact").nested().owned(),
      Relationship::list("accounts", "account").nested().owned(),
      Relationship::list("tags", "tag").nested().reuse_by("name"),  // tags are created by name
  };
  for (auto& values : custom_field_value_relationships()) spec.relationships.push_back(std::move(values));
  spec.list_view = ListView::only({"name", "type"}, {"base-business-relationship", "extended-business-relationship"});
  spec.filters = {
      Filter::text("search-text", {"name", "ico", "dic", "ic-dph", "key-contact.email", "contacts.email"}),
      Filter::range("created", "@created"),
      Filter::range("edited", "@edited"),
      Filter::ids("billing-address-country-id", "billing-address.country"),
      Filter::ids("tag-ids", "tags"),
      Filter::ids("type-id", "base-business-relationship"),
      Filter::ids("subtype-id", "extended-business-relationship"),
      Filter::ids("responsible-user-id", "responsible-user"),
      // Through other modules' records; they match nothing until those modules exist.
      // The case's own founding date ("created"), as the business-case list's created-from/to.
      Filter::range("business-case-created-from", "busines-case-created-to", "<business-case:partner.created"),
      Filter::range("order-accepted", "<order:partner.accepted"),
      // "enum[number]": the type of the case's or order's state (in progress, won, ...), not a state id.
      Filter::equals("business-case-state", "<business-case:partner.state.type"),
      Filter::equals("order-state", "<order:partner.state.type"),
      // Applied by list_partners (filter_activity).
      Filter::accepted("active-from", "active-to"),
      Filter::accepted("inactive-from", "inactive-to"),
  };
  spec.sublists = {
      SubList::related("contacts", "contact", {"key-contact", "contacts"}),
      SubList::related("tasks", "task", {"<task:partner"}),
      SubList::related("communications", "communication", {"<communication:partner"}),
      SubList::related("mails", "mail", {"<mail:partner"}),
      SubList::related("businesscases", "business-case", {"<business-case:partner"}),
      SubList::related("orders", "order", {"<order:partner"}),
      SubList::related("documents", "document", {"<document:partner"}),
      SubList::attachments("files", "file"),
  };
  spec.exports = {
      {"xml", "partners.xml", {"includeContacts"}, partners_xml},
      {"pohoda", "partners-pohoda.xml", {}, partners_pohoda},
  };
  spec.ops.erase(Op::kList);  // list_partners below
  return spec;
}

// Work about a partner that counts as its activity.
std::vector<FieldPath> const& partner_work() {
  static std::vector<FieldPath> const work = {
      "<task:partner",  "<communication:partner", "<mail:partner", "<business-case:partner",
      "<order:partner", "<document:partner",      "<file:@owner"};
  return work;
}

HttpReply list_partners(Ctx& ctx) {
  auto records = apply_filters(ctx, ctx.catalog.schema("partner")->filters, ctx.view().all("partner"));
  filter_activity(ctx.view(), ctx.request, partner_work(), records);
  return list_reply(ctx, records, true);
}

ResourceSpec address() {
  ResourceSpec spec;  // nested only: written through partner relationships
  spec.type = "address";
  spec.attributes = {Attribute::text("street"), Attribute::text("city"), Attribute::text("zip")};
  spec.relationships = {Relationship::one("country", "country")};
  return spec;
}

ResourceSpec contact() {
  ResourceSpec spec;
  spec.type = "contact";
  spec.attributes = {Attribute::text("salutation"),
                     Attribute::text("title"),
                     Attribute::text("first-name"),
                     Attribute::text("last-name"),
                     Attribute::text("post-nominal-letters"),
                     Attribute::text("email"),
                     Attribute::text("phone"),
                     Attribute::text("mobile"),
                     Attribute::text("job-title"),
                     Attribute::text("custom"),
                     Attribute::text("comment"),
                     Attribute::boolean("is-subscribed")};
  return spec;
}

ResourceSpec account() {
  ResourceSpec spec;  // "prefix" on create, "bank-name" on read: FLOWii documents both
  spec.type = "account";
  spec.attributes = {Attribute::text("prefix"), Attribute::text("bank-name"), Attribute::text("number"),
                     Attribute::text("iban"),   Attribute::text("swift"),     Attribute::text("bank-code")};
  return spec;
}

ResourceSpec business_relationship() {
  return ResourceSpec::tree_code_list("business-relationship", "/businessrelationships");
}

ResourceSpec partner_tags() {
  ResourceSpec spec;  // fields of tag come from the account module (/tags/{id})
  spec.type = "tag";
  spec.collection = "/partners/tags";
  spec.ops = {Op::kList};
  spec.paged = false;
  return spec;
}

}  // namespace

Module partners_module() {
  Module m;
  m.name = "partners";
  auto spec = partner();
  auto params = page_params();
  for (auto const& p : filter_params(spec.filters)) params.push_back(p);
  m.routes = {{"GET", "/partners", RouteEndpoint{Access::kCompany, params, list_partners}}};
  m.resources = {std::move(spec),
                 address(),
                 contact(),
                 account(),
                 business_relationship(),
                 custom_field_list("/partners/customfields", "partner"),
                 partner_tags()};
  m.seed = seed_partners;
  return m;
}

}  // namespace flowii::emulator
