// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Finance (Financie): cash flow (/cashflow) and bank transactions FLOWii pairs
// with invoices by variable symbol (/cashflowtransactions).
//
// Cash flow is declared like any resource, but four of its endpoints are
// written by hand because FLOWii documents them differently from the engine's
// defaults: the list has two filters the engine cannot express (decimal
// amounts, invoice pairing), create answers with links.self, and PATCH/DELETE
// answer 200. Currencies and cash-flow categories are readable by id because
// FLOWii's own cash-flow links point there; they have no documented lists.
#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "clock.hpp"
#include "common/ascii.hpp"
#include "jsonapi.hpp"
#include "listing.hpp"
#include "modules/finance.hpp"
#include "modules/finance_writes.hpp"
#include "modules/registry.hpp"
#include "text.hpp"

namespace flowii::emulator {

Record const& record_or_404(Ctx const& ctx, std::string const& type, std::string const& id) {
  Record const* record = ctx.view().find({type, id});
  if (record == nullptr) throw ErrorReply(404, "There is no " + type + " with id " + id + ".");
  return *record;
}

void take_company_id(Record& record, WriteScope& scope) {
  auto const it = record.attributes.find("company-id");
  std::string const pointer = scope.pointer + "/attributes/company-id";
  if (it == record.attributes.end() || it->is_null()) {
    scope.errors.at(422, pointer, "company-id is required (the companyId of the request).");
  } else if (!it->is_number_integer() || std::to_string(it->get<std::int64_t>()) != scope.ctx.company) {
    scope.errors.at(422, pointer, "company-id must be the companyId of the request (" + scope.ctx.company + ").");
  }
  record.attributes.erase("company-id");
}

namespace {

// Derived fields of a cash flow: FLOWii stamps the creation date, books in EUR
// unless told otherwise and computes the gross amount from the VAT rate.
void on_cash_flow_write(Record& cash_flow, WriteScope& scope) {
  take_company_id(cash_flow, scope);
  auto& a = cash_flow.attributes;
  if (scope.creating && !is_set(a, "created-date")) a["created-date"] = format_local(scope.ctx.now());
  if (scope.creating && !is_set(cash_flow.relationships, "currency") &&
      scope.ctx.view().find({"currency", euro_id}) != nullptr) {
    cash_flow.relationships["currency"] = identifier({"currency", euro_id});
  }
  if (!is_set(a, "taxed-amount") && is_set(a, "amount") && a["amount"].is_number()) {
    double const rate = is_set(a, "vat-rate") && a["vat-rate"].is_number() ? a["vat-rate"].get<double>() : 0.0;
    a["taxed-amount"] = a["amount"].get<double>() * (100.0 + rate) / 100.0;
  }
}

std::vector<Filter> const& cash_flow_filters() {
  static std::vector<Filter> const filters = {
      Filter::range("created", "@created"),
      Filter::range("edited", "@edited"),
      Filter::range("paid", "payment-date"),
      Filter::equals("type", "type"),
      // A category filter matches the category itself or any of its subcategories.
      Filter{Filter::Kind::kIds, "income-category-id", {}, {"category", "category.parent"}},
      Filter::ids("income-subcategory-id", "category"),
      Filter{Filter::Kind::kIds, "expenditure-category-id", {}, {"category", "category.parent"}},
      Filter::ids("expenditure-subcategory-id", "category"),
      Filter::ids("currency-id", "currency"),
      Filter::ids("company-data-id", "company-data"),
      Filter::ids("partner-id", "partner"),
      Filter::ids("partner-country-id", "partner.billing-address.country"),
      Filter::ids("partner-responsible-user-id", "partner.responsible-user"),
      Filter::ids("business-case-id", "business-case"),
      Filter{Filter::Kind::kIds, "order-id", {}, {"order", "order-allocations.order"}},
      // Decimal bounds and the pairing state are applied by list_cash_flows.
      Filter::accepted("amount-from", "amount-to"),
      Filter::accepted("invoice-pairing"),
  };
  return filters;
}

ResourceSpec cash_flow() {
  ResourceSpec spec;
  spec.type = "cash-flow";
  spec.item = "/cashflow";
  spec.ops = {Op::kRead};  // list, create, update and delete are routes below
  spec.attributes = {
      Attribute::integer("type").required().one_of({1, 2}),  // 1 income, 2 expense
      Attribute::datetime("created-date"),
      Attribute::datetime("due-date"),
      Attribute::datetime("payment-date"),
      Attribute::number("amount"),
      Attribute::number("taxed-amount"),
      Attribute::number("vat-rate"),
      // The blueprint documents the vatRateType enum but no example names its attribute.
      Attribute::integer("vat-rate-type").one_of({0, 1, 2, 3, 4, 255}),
      Attribute::text("purpose"),
      Attribute::text("note"),
  };
  spec.relationships = {
      Relationship::one("currency", "currency"),
      Relationship::one("invoice", "invoice"),  // FLOWii's examples send its id as a number
      Relationship::one("category", "cash-flow-category").related_link(),
      Relationship::one("company-data", "company-data").related_link(),
      Relationship::one("partner", "partner").related_link(),
      Relationship::one("business-case", "business-case").related_link(),
      Relationship::one("order", "order").related_link(),
      Relationship::list("order-allocations", "order-allocation").nested().owned(),
  };
  // The list example shows only these; the detail has everything.
  spec.list_view =
      ListView::only({"type", "amount", "taxed-amount"}, {"currency", "invoice", "partner", "business-case"});
  spec.filters = cash_flow_filters();
  spec.on_write = on_cash_flow_write;
  return spec;
}

ResourceSpec currency() {
  ResourceSpec spec;
  spec.type = "currency";
  spec.item = "/currencies";
  spec.ops = {Op::kRead};
  spec.attributes = {Attribute::text("alpha-code").required()};
  return spec;
}

ResourceSpec cash_flow_category() {
  ResourceSpec spec;  // income and expense categories; subcategories have a parent
  spec.type = "cash-flow-category";
  spec.item = "/cashflowcategories";
  spec.ops = {Op::kRead};
  spec.attributes = {Attribute::text("name").required()};
  spec.relationships = {Relationship::one("parent", "cash-flow-category").related_link()};
  return spec;
}

ResourceSpec cash_flow_transaction() {
  ResourceSpec spec;  // POST only (route below); kept as a record of what the bank sent
  spec.type = "cash-flow-transaction";
  spec.attributes = {
      Attribute::integer("type").required().one_of({1, 2}),
      Attribute::datetime("issued-date"),
      Attribute::number("amount").required(),
      Attribute::text("currency"),  // alpha code, e.g. "EUR"
      // The example's names; the blueprint's schema calls them account-iban and body.
      Attribute::text("source-account-iban"),
      Attribute::text("target-account-iban"),
      Attribute::text("account-iban"),
      Attribute::text("variablesymbol"),
      Attribute::text("purpose"),
      Attribute::text("note"),
      Attribute::text("text"),
      Attribute::text("body"),
  };
  spec.on_write = take_company_id;
  return spec;
}

// ---- hand-written endpoints ---------------------------------------------------

std::optional<double> parse_decimal(std::string const& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double const v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end == nullptr || *end != '\0') return std::nullopt;
  return v;
}

// The last value of filter[name], or nullopt when the request has none.
std::optional<std::string> filter_value(Ctx const& ctx, std::string const& name) {
  auto const values = ctx.request.query_values("filter[" + name + "]");
  if (values.empty()) return std::nullopt;
  return values.back();
}

void keep_only(std::vector<Record const*>& records, std::function<bool(Record const&)> const& keep) {
  records.erase(std::remove_if(records.begin(), records.end(), [&](Record const* r) { return !keep(*r); }),
                records.end());
}

void filter_amount(Ctx const& ctx, std::vector<Record const*>& records, std::string const& name, bool upper) {
  auto const text = filter_value(ctx, name);
  if (!text) return;
  auto const bound = parse_decimal(*text);
  if (!bound) throw ErrorReply({at_parameter(400, "filter[" + name + "]", "expects a number, e.g. 120.50")});
  keep_only(records, [&](Record const& r) {
    auto const it = r.attributes.find("amount");
    if (it == r.attributes.end() || !it->is_number()) return false;
    return upper ? it->get<double>() <= *bound : it->get<double>() >= *bound;
  });
}

void filter_pairing(Ctx const& ctx, std::vector<Record const*>& records) {
  auto const text = filter_value(ctx, "invoice-pairing");
  if (!text) return;
  auto const mode = parse_int(*text);
  if (!mode || *mode < -3 || *mode > -1) {
    throw ErrorReply(
        {at_parameter(400, "filter[invoice-pairing]", "expects -1 (all), -2 (not paired) or -3 (paired)")});
  }
  if (*mode == -1) return;
  bool const paired = *mode == -3;
  keep_only(records, [&](Record const& r) { return !r.related("invoice").empty() == paired; });
}

HttpReply list_cash_flows(Ctx& ctx) {
  auto records = apply_filters(ctx, cash_flow_filters(), ctx.view().all("cash-flow"));
  filter_amount(ctx, records, "amount-from", false);
  filter_amount(ctx, records, "amount-to", true);
  filter_pairing(ctx, records);
  return list_reply(ctx, records, true);
}

HttpReply create_cash_flow(Ctx& ctx) {
  auto const document = parse_document(ctx.request);
  auto const id = write_all_or_nothing(
      ctx, [&](Writer& w, ErrorList const&) { return w.create("cash-flow", {}, document["data"]); });
  return document_reply(200, created_with_link(ctx, "cash-flow", id));
}

HttpReply update_cash_flow(Ctx& ctx) {
  Record const& existing = record_or_404(ctx, "cash-flow", ctx.path_params.at(0));
  auto const document = parse_document(ctx.request);
  write_all_or_nothing(ctx, [&](Writer& w, ErrorList const&) {
    w.update(document["data"], existing);
    return true;
  });
  return ok_without_body();
}

HttpReply delete_cash_flow(Ctx& ctx) {
  remove_record(ctx, record_or_404(ctx, "cash-flow", ctx.path_params.at(0)).ref());
  return ok_without_body();
}

// "2026/0042" -> "20260042": Slovak and Hungarian invoices default their
// variable symbol to the digits of their number.
std::string digits_of(std::string const& text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// The invoice a variable symbol names: a finance demo invoice, or an invoice
// document (advance, issued or received) of the invoicing module whose
// variable symbol, or the digits of whose number, match. Empty when none does.
Ref find_invoice(Ctx const& ctx, std::string const& variable_symbol) {
  if (variable_symbol.empty()) return {};
  for (Record const* invoice : ctx.view().all("invoice")) {
    if (invoice->text("variable-symbol") == variable_symbol) return invoice->ref();
  }
  for (Record const* document : ctx.view().all("document")) {
    // "type" is an integer attribute (the invoicing module's spec checks it).
    auto const type = document->attributes.value("type", nlohmann::json());
    auto const kind = type.is_number_integer() ? type.get<std::int64_t>() : 0;
    bool const is_invoice = kind == 3 || kind == 4 || kind == 7;
    if (is_invoice && (document->text("variable-symbol") == variable_symbol ||
                       digits_of(document->text("serial-nr")) == variable_symbol)) {
      return {"invoice", document->id};
    }
  }
  return {};
}

// The oldest unpaid cash flow of this direction already booked for the invoice
// (an expected income or expense), which the bank transaction settles.
Record const* expected_cash_flow(Ctx const& ctx, Ref const& invoice, nlohmann::json const& type) {
  for (Record const* cf : ctx.view().all("cash-flow")) {
    auto const linked = cf->related("invoice");
    if (!linked.empty() && linked.front().id == invoice.id && cf->attributes.value("type", nlohmann::json()) == type &&
        !is_set(cf->attributes, "payment-date")) {
      return cf;
    }
  }
  return nullptr;
}

// Books a bank transaction: settles the invoice's expected cash flow when there
// is one, otherwise records a new paid cash flow (paired when the variable
// symbol names an invoice). Returns the cash flow's id.
std::string book_transaction(Ctx& ctx, Record const& transaction) {
  auto const& t = transaction.attributes;
  std::string const paid_on =
      is_set(t, "issued-date") ? t.at("issued-date").get<std::string>() : format_local(ctx.now());
  Ref const invoice = find_invoice(ctx, transaction.text("variablesymbol"));

  Record cash_flow;
  if (Record const* expected = invoice.empty() ? nullptr : expected_cash_flow(ctx, invoice, t.at("type"))) {
    cash_flow = *expected;
  } else {
    std::string const code = is_set(t, "currency") ? t.at("currency").get<std::string>() : std::string("EUR");
    Record const* currency = nullptr;
    for (Record const* c : ctx.view().all("currency")) {
      if (common::iequals(c->text("alpha-code"), code)) currency = c;
    }
    if (currency == nullptr) {
      throw ErrorReply({at_pointer(422, "/data/attributes/currency", "Unknown currency code " + code + ".")});
    }
    std::string purpose = transaction.text("purpose");
    if (purpose.empty()) purpose = transaction.text("text");
    cash_flow.type = "cash-flow";
    cash_flow.id = ctx.state.store.allocate_id();
    cash_flow.created = ctx.now();
    cash_flow.attributes = {{"type", t.at("type")},
                            {"created-date", format_local(ctx.now())},
                            {"due-date", nullptr},
                            {"amount", t.at("amount")},
                            {"taxed-amount", t.at("amount")},
                            {"purpose", purpose.empty() ? nlohmann::json() : nlohmann::json(purpose)},
                            {"note", t.value("note", nlohmann::json())}};
    cash_flow.relationships["currency"] = identifier(currency->ref());
    cash_flow.relationships["invoice"] = invoice.empty() ? nlohmann::json() : identifier(invoice);
    Record const* invoice_record = invoice.empty() ? nullptr : ctx.view().find({"invoice", invoice.id});
    auto const partner = invoice_record != nullptr ? invoice_record->related("partner") : std::vector<Ref>{};
    if (!partner.empty()) cash_flow.relationships["partner"] = identifier(partner.front());
  }
  cash_flow.attributes["payment-date"] = paid_on;
  cash_flow.edited = ctx.now();
  return ctx.state.store.put(ctx.company, std::move(cash_flow)).id;
}

HttpReply post_transaction(Ctx& ctx) {
  auto const document = parse_document(ctx.request);
  auto const cash_flow_id = write_all_or_nothing(ctx, [&](Writer& w, ErrorList const& errors) {
    auto const id = w.create("cash-flow-transaction", {}, document["data"]);
    Record* transaction = id.empty() ? nullptr : ctx.state.store.find(ctx.company, "cash-flow-transaction", id);
    if (transaction == nullptr || !errors.empty()) return std::string();  // the errors are thrown next
    auto booked = book_transaction(ctx, *transaction);
    transaction->relationships["cash-flow"] = identifier({"cash-flow", booked});
    return booked;
  });
  return document_reply(200, created_with_link(ctx, "cash-flow", cash_flow_id));
}

}  // namespace

Module finance_module() {
  Module m;
  m.name = "finance";
  m.resources = {cash_flow(), currency(), cash_flow_category(), cash_flow_transaction()};
  std::vector<std::string> list_params = page_params();
  for (auto const& p : filter_params(cash_flow_filters())) list_params.push_back(p);
  m.routes = {
      {"GET", "/cashflow", RouteEndpoint{Access::kCompany, list_params, list_cash_flows}},
      {"POST", "/cashflow", RouteEndpoint{Access::kCompany, {}, create_cash_flow}},
      {"PATCH", "/cashflow/{id}", RouteEndpoint{Access::kCompany, {}, update_cash_flow}},
      {"DELETE", "/cashflow/{id}", RouteEndpoint{Access::kCompany, {}, delete_cash_flow}},
      {"POST", "/cashflowtransactions", RouteEndpoint{Access::kCompany, {}, post_transaction}},
  };
  m.seed = seed_finance;
  return m;
}

}  // namespace flowii::emulator
