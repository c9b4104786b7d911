// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Invoicing (Fakturácia): documents (create, PDF, Pohoda export), document
// categories, numbering sequences, company data, bank accounts, payment methods
// and delivery types. FLOWii documents no list or read of documents: created
// ones are kept for /partners/{id}/documents, /orders/{id}/documents (declared
// by those modules), the PDF and the export. Arithmetic, PDF and Pohoda are in
// invoicing_documents.cpp, demo data in invoicing_demo.cpp.
#include <cstdint>
#include <limits>

#include "api_error.hpp"
#include "common/ascii.hpp"
#include "context.hpp"
#include "jsonapi.hpp"
#include "listing.hpp"
#include "modules/invoicing.hpp"
#include "modules/registry.hpp"
#include "text.hpp"
#include "writer.hpp"

namespace flowii::emulator {

namespace {

FindRecord finder(Ctx const& ctx) {
  return [&ctx](Ref const& ref) { return ctx.view().find(ref); };
}

// ---- write hooks ------------------------------------------------------------

void on_item_write(Record& item, WriteScope& w) {
  auto const find = finder(w.ctx);
  auto const goods = item.related("good");
  if (Record const* good = goods.empty() ? nullptr : find(goods.front())) {
    fill_item_from_good(item, *good);
  } else if (!item.relationships.contains("good") && !number_attribute(item, "unit-price")) {
    // A free line needs its price (a good that failed to link is reported already).
    w.errors.at(422, w.pointer + "/attributes/unit-price", "unit-price is required for an item without a good.");
  }
  auto const units = item.related("unit-of-measure");
  if (!units.empty() && unit_of(item, find) == nullptr) {
    w.errors.at(404, w.pointer + "/relationships/unit-of-measure/data/id",
                "There is no unit of measure with id " + units.front().id + ".");
  }
  if (integer_attribute(item, "discount-type") == 1 && number_attribute(item, "discount").value_or(0) > 100) {
    w.errors.at(422, w.pointer + "/attributes/discount", "A percentage discount cannot exceed 100.");
  }
}

void on_allocation_write(Record& allocation, WriteScope& w) {
  auto const proportion = number_attribute(allocation, "proportion");
  if (proportion && (*proportion <= 0 || *proportion > 100)) {
    w.errors.at(422, w.pointer + "/attributes/proportion", "proportion is a percentage in (0, 100].");
  }
}

void on_document_write(Record& document, WriteScope& w) {
  auto const find = finder(w.ctx);
  auto const sequences = document.related("numbering-sequence");
  Record const* sequence = sequences.empty() ? nullptr : find(sequences.front());
  auto const type = integer_attribute(document, "type");
  if (sequence == nullptr || !type) return;  // already reported as missing or invalid
  std::string const relationships = w.pointer + "/relationships/";
  if (sequence->scope.rfind(category_scope(*type) + ":", 0) != 0) {
    w.errors.at(422, relationships + "numbering-sequence",
                "The numbering sequence is not one of document type " + std::to_string(*type) + ".");
  }
  auto const company_data = document.related("company-data");
  std::string const sequence_owner = sequence_company_data(*sequence);
  if (company_data.empty()) {
    document.relationships["company-data"] = identifier({"company-data", sequence_owner});
  } else if (company_data.front().id != sequence_owner) {
    w.errors.at(422, relationships + "company-data", "The numbering sequence belongs to other company data.");
  }
  auto const categories = document.related("category");
  Record const* category = categories.empty() ? nullptr : find(categories.front());
  if (category != nullptr && category->scope != category_scope(*type)) {
    w.errors.at(422, relationships + "category",
                "The category is not one of document type " + std::to_string(*type) + ".");
  }
  double allocated = 0;
  for (auto const& ref : document.related("order-allocations")) {
    if (Record const* allocation = find(ref)) allocated += number_attribute(*allocation, "proportion").value_or(0);
  }
  if (allocated > 100) {
    w.errors.at(422, relationships + "order-allocations", "The order allocations add up to more than 100 %.");
  }
  if (document.related("user").empty()) document.relationships["user"] = identifier({"user", w.ctx.user->id});
  stamp_document(document, *sequence, w.ctx.view().all("document"), find, w.ctx.now());
}

// ---- resources --------------------------------------------------------------

ResourceSpec document() {
  ResourceSpec spec;
  spec.type = "document";
  spec.collection = "/documents";  // POST is hand-written below (its answer carries serial-nr)
  spec.attributes = {
      Attribute::integer("type").required().one_of({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
      Attribute::datetime("issue-date"),
      Attribute::datetime("delivery-date"),
      Attribute::datetime("maturity"),
      Attribute::text("variable-symbol"),
      Attribute::text("specific-symbol"),
      Attribute::text("constant-symbol"),
      Attribute::integer("discount-type").one_of({1, 2}),  // 1 percent, 2 amount
      Attribute::number("discount"),
      // Set by FLOWii; what /partners/{id}/documents lists.
      Attribute::text("serial-nr"),
      Attribute::integer("invoice-type").one_of({0, 1, 2, 3}),
      Attribute::integer("invoice-state").one_of({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99}),
      Attribute::number("gross-amount"),
      Attribute::number("taxed-gross-amount"),
      Attribute::number("unpaid"),
  };
  spec.relationships = {
      Relationship::one("numbering-sequence", "numbering-sequence").required(),
      Relationship::one("user", "user"),
      Relationship::one("company-data", "company-data"),
      Relationship::one("partner", "partner").required(),
      Relationship::list("items", "item").nested().owned(),
      Relationship::one("payment-method", "payment-method"),
      Relationship::one("account", "bank-account"),
      Relationship::one("delivery-type", "delivery-type"),
      Relationship::one("category", "document-category"),
      Relationship::one("business-case", "business-case"),
      Relationship::list("order-allocations", "order-allocation").nested().owned(),
  };
  spec.list_view = ListView::only(
      {"serial-nr", "type", "invoice-type", "invoice-state", "gross-amount", "taxed-gross-amount", "unpaid"});
  spec.filters = {
      Filter::range("issued", "issue-date"),      Filter::range("edited", "@edited"),
      Filter::range("delivery", "delivery-date"), Filter::range("due", "maturity"),
      Filter::range("paid", "paid-date"),  // set on the demo's paid invoices
  };
  spec.exports = {{"pohoda", "documents-pohoda.xml", {}, documents_pohoda}};
  spec.on_write = on_document_write;
  return spec;
}

ResourceSpec item() {
  ResourceSpec spec;  // nested only: the lines of a document
  spec.type = "item";
  spec.attributes = {
      Attribute::text("name").required(),
      Attribute::number("quantity").required(),
      Attribute::integer("discount-type").one_of({1, 2}),
      Attribute::number("discount"),
      Attribute::number("unit-price"),
      Attribute::integer("unit-price-type").one_of({0, 1}),  // 0 incl. VAT, 1 excl. VAT
      Attribute::number("vat-rate"),                         // percent
  };
  // "unit-of-measure" is left undeclared on purpose: the create example links
  // type "unit-of-measure" while /units serves "unit"; on_item_write accepts both.
  spec.relationships = {Relationship::one("good", "good")};
  spec.on_write = on_item_write;
  return spec;
}

ResourceSpec order_allocation() {
  ResourceSpec spec;  // nested only: shares of a document per order
  spec.type = "order-allocation";
  spec.attributes = {Attribute::number("proportion").required()};
  spec.relationships = {Relationship::one("order", "order")};
  spec.on_write = on_allocation_write;
  return spec;
}

ResourceSpec document_category() {
  auto spec = ResourceSpec::tree_code_list("document-category", "/documentcategories");
  spec.ops.erase(Op::kList);  // the list needs documentType: hand-written below
  return spec;
}

ResourceSpec numbering_sequence() {
  ResourceSpec spec;  // listed by the hand-written /numberingsequences/documents
  spec.type = "numbering-sequence";
  spec.attributes = {Attribute::text("name"), Attribute::text("format")};
  return spec;
}

ResourceSpec company_data() {
  auto spec = ResourceSpec::code_list(
      "company-data", "/companydata",
      {Attribute::text("name"), Attribute::text("ico"), Attribute::text("dic"), Attribute::text("ic-dph"),
       Attribute::text("street"), Attribute::text("city"), Attribute::text("zip")},
      true);
  spec.relationships = {Relationship::one("country", "country")};
  spec.list_view = ListView::only({"name"});
  return spec;
}

// ---- hand-written endpoints -----------------------------------------------

std::int64_t required_number(Ctx const& ctx, char const* name, std::int64_t low, std::int64_t high) {
  auto const values = ctx.request.query_values(name);
  auto const value = values.empty() ? std::nullopt : parse_int(values.back());
  if (!value || *value < low || *value > high) {
    throw ErrorReply({at_parameter(400, name,
                                   std::string(name) + " is required: a number from " + std::to_string(low) + " to " +
                                       std::to_string(high) + ".")});
  }
  return *value;
}

std::int64_t document_type_parameter(Ctx const& ctx) { return required_number(ctx, "documentType", 1, 10); }

HttpReply list_in_scope(Ctx const& ctx, std::string const& type, std::string const& scope) {
  std::vector<Record const*> records;
  for (Record const* r : ctx.view().all(type)) {
    if (r->scope == scope && r->related("parent").empty()) records.push_back(r);
  }
  return list_reply(ctx, records, false);
}

HttpReply document_categories(Ctx& ctx) {
  return list_in_scope(ctx, "document-category", category_scope(document_type_parameter(ctx)));
}

HttpReply numbering_sequences(Ctx& ctx) {
  auto const type = document_type_parameter(ctx);
  auto const owner = std::to_string(required_number(ctx, "companyDataId", 1, std::numeric_limits<std::int64_t>::max()));
  if (ctx.view().find({"company-data", owner}) == nullptr) {
    throw ErrorReply({at_parameter(400, "companyDataId", "There is no company data with id " + owner + ".")});
  }
  return list_in_scope(ctx, "numbering-sequence", sequence_scope(type, owner));
}

// As the engine's create, but the answer also carries the new serial-nr.
HttpReply create_document(Ctx& ctx) {
  auto const request = parse_document(ctx.request);
  Store::Transaction transaction(ctx.state.store, ctx.company);
  ErrorList errors;
  std::string const id = Writer(ctx, errors).create("document", {}, request["data"]);
  errors.raise_if_any();
  transaction.commit();
  Record const* created = ctx.view().find({"document", id});
  nlohmann::json const data = {
      {"type", "document"}, {"id", id}, {"attributes", {{"serial-nr", created->attributes.at("serial-nr")}}}};
  return document_reply(200, {{"data", data}});
}

// A BCP 47 tag, loosely: letters, digits and hyphens ("sk", "hu-HU", "en").
bool is_language_tag(std::string const& tag) {
  if (tag.empty() || tag.size() > 35 || tag.front() == '-' || tag.back() == '-') return false;
  for (char c : tag) {
    bool const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

HttpReply document_pdf_reply(Ctx& ctx) {
  std::string const& id = ctx.path_params.at(0);
  Record const* document = ctx.view().find({"document", id});
  if (document == nullptr) throw ErrorReply(404, "There is no document with id " + id + ".");
  auto const languages = ctx.request.query_values("language");
  std::string const language = languages.empty() ? std::string() : common::to_lower(languages.back());
  if (!languages.empty() && !is_language_tag(language)) {
    throw ErrorReply({at_parameter(400, "language", "language must be a BCP 47 code such as sk, hu or en.")});
  }
  HttpReply reply;
  reply.content_type = "application/pdf";
  reply.body = document_pdf(*document, finder(ctx), language);
  std::string const serial = document->attributes.value("serial-nr", id);
  reply.headers = {{"Content-Disposition", "attachment; filename=\"" + serial + ".pdf\""}};
  return reply;
}

}  // namespace

Module invoicing_module() {
  Module m;
  m.name = "invoicing";
  m.resources = {
      document(),
      item(),
      order_allocation(),
      document_category(),
      numbering_sequence(),
      company_data(),
      ResourceSpec::code_list("bank-account", "/bankaccounts", {Attribute::text("name")}, true),  // name = IBAN
      ResourceSpec::code_list("payment-method", "/paymentmethods", {Attribute::text("name")}, true),
      ResourceSpec::code_list("delivery-type", "/deliverytypes", {Attribute::text("name")}, true),
  };
  m.routes = {
      {"POST", "/documents", RouteEndpoint{Access::kCompany, {}, create_document}},
      {"GET", "/documents/{id}/pdf", RouteEndpoint{Access::kCompany, {"language"}, document_pdf_reply}},
      {"GET", "/documentcategories", RouteEndpoint{Access::kCompany, {"documentType"}, document_categories}},
      {"GET", "/numberingsequences/documents",
       RouteEndpoint{Access::kCompany, {"documentType", "companyDataId"}, numbering_sequences}},
  };
  m.seed = seed_invoicing;
  return m;
}

}  // namespace flowii::emulator
