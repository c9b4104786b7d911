// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the invoicing module: two company data (invoicing entities) per
// company, bank accounts, payment methods, delivery types, document categories
// and numbering sequences for every document type, and ~14 documents (mostly
// invoices, some paid, some overdue) for the seeded partners and goods.
#include <array>
#include <vector>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "modules/invoicing.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t day = 86400;

struct Entity {
  char const* name;
  char const* ico;
  char const* dic;
  char const* ic_dph;
  char const* street;
  char const* city;
  char const* zip;
  int country;         // id from /countries
  char const* prefix;  // of its numbering sequences' formats
};

struct CategoryTree {
  char const* name;
  std::vector<char const*> children;
};

struct InvoicingLocale {
  std::array<Entity, 2> entities;
  std::array<char const*, 2> bank_accounts;  // IBANs
  std::array<char const*, 5> payment_methods;
  std::array<char const*, 4> delivery_types;
  std::array<char const*, 10> sequences;  // by document type 1..10
  char const* eshop_sequence;             // a second invoice sequence
  std::vector<CategoryTree> issued;       // invoices (4)
  std::vector<CategoryTree> received;     // received invoices (7)
  std::vector<CategoryTree> other;        // every other type
  char const* hour_unit;                  // name of the goods module's hour unit
  char const* free_item;                  // a line that is not in the price list
  double standard_vat;
};

InvoicingLocale const& locale(std::size_t company_index) {
  static InvoicingLocale const slovak{
      {{{"Demo Firma s.r.o.", "46383913", "2023355620", "SK2023355620", "Hlavné námestie 12", "Nové Zámky", "940 02", 1,
         ""},
        {"Demo Servis s.r.o.", "50211234", "2120275432", "SK2120275432", "Štefánikova 44", "Nitra", "949 01", 1, "S"}}},
      {"SK31 1200 0000 1987 4263 7541", "SK89 0900 0000 0051 2345 6789"},
      {"Dobierka", "Hotovosť", "Kreditná karta", "Prevodný príkaz", "Zápočet"},
      {"Dobierka", "Osobný odber", "Poštou", "Kuriér"},
      {"Cenové ponuky", "Dodacie listy", "Zálohové faktúry", "Faktúry", "Prijaté objednávky", "Vydané objednávky",
       "Prijaté faktúry", "Zákazkové listy", "Skladové doklady", "Dopyty"},
      "Faktúry e-shop",
      {{"Tovar", {}}, {"Služby", {"Programovanie", "Servis"}}, {"Prenájom", {}}},
      {{"Výpočtová technika", {"Monitor", "Notebook"}}, {"PHM", {}}, {"Reklama", {}}},
      {{"Všeobecné", {}}, {"Interné", {}}},
      "hod.",
      "Montáž na mieste",
      23,
  };
  static InvoicingLocale const hungarian{
      {{{"Minta Kft.", "01-09-123456", "12345678-2-41", "HU12345678", "Váci út 12", "Budapest", "1132", 3, ""},
        {"Minta Szerviz Kft.", "08-09-654321", "23456789-2-08", "HU23456789", "Baross Gábor út 5", "Győr", "9021", 3,
         "S"}}},
      {"HU42 1177 3016 1111 1018 0000 0000", "HU93 1160 0006 0000 0000 1234 5676"},
      {"Utánvét", "Készpénz", "Bankkártya", "Átutalás", "Beszámítás"},
      {"Utánvét", "Személyes átvétel", "Postai úton", "Futárszolgálat"},
      {"Árajánlatok", "Szállítólevelek", "Előlegszámlák", "Számlák", "Beérkezett rendelések", "Kiadott rendelések",
       "Bejövő számlák", "Munkalapok", "Raktári bizonylatok", "Ajánlatkérések"},
      "Webshop számlák",
      {{"Termék", {}}, {"Szolgáltatás", {"Programozás", "Szerviz"}}, {"Bérleti díj", {}}},
      {{"Számítástechnika", {"Monitor", "Laptop"}}, {"Üzemanyag", {}}, {"Reklám", {}}},
      {{"Általános", {}}, {"Belső", {}}},
      "óra",
      "Helyszíni szerelés",
      27,
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

nlohmann::json link(Record const* record) { return record == nullptr ? nlohmann::json() : identifier(record->ref()); }

std::vector<Record const*> add_names(Seeder& s, char const* type, char const* const* names, std::size_t count) {
  std::vector<Record const*> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(&s.add(type, {{"name", names[i]}}));
  return out;
}

// Categories of one document type; returns the first top-level one.
Record const* add_categories(Seeder& s, std::int64_t type, std::vector<CategoryTree> const& trees) {
  Record const* first = nullptr;
  for (std::size_t i = 0; i < trees.size(); ++i) {
    Record& top = s.add("document-category", {{"name", trees[i].name}, {"order", i}}, {{"parent", nullptr}});
    top.scope = category_scope(type);
    if (first == nullptr) first = &top;
    for (std::size_t k = 0; k < trees[i].children.size(); ++k) {
      Record& child = s.add("document-category", {{"name", trees[i].children[k]}, {"order", k}},
                            {{"parent", identifier(top.ref())}});
      child.scope = category_scope(type);
    }
  }
  return first;
}

Record const& add_sequence(Seeder& s, std::int64_t type, Record const& entity, std::string const& name,
                           std::string const& format) {
  Record& sequence = s.add("numbering-sequence", {{"name", name}, {"format", format}});
  sequence.scope = sequence_scope(type, entity.id);
  return sequence;
}

struct InvoicingCatalogs {
  std::vector<Record const*> entities, banks, payments, deliveries;
  std::array<Record const*, 11> sequences{};   // entity 0's, by document type
  std::array<Record const*, 11> categories{};  // first category, by document type
  Record const* eshop = nullptr;
};

InvoicingCatalogs seed_code_lists(Seeder& s, InvoicingLocale const& l) {
  InvoicingCatalogs c;
  for (auto const& e : l.entities) {
    c.entities.push_back(&s.add("company-data",
                                {{"name", e.name},
                                 {"ico", e.ico},
                                 {"dic", e.dic},
                                 {"ic-dph", e.ic_dph},
                                 {"street", e.street},
                                 {"city", e.city},
                                 {"zip", e.zip}},
                                {{"country", identifier({"country", std::to_string(e.country)})}}));
  }
  c.banks = add_names(s, "bank-account", l.bank_accounts.data(), l.bank_accounts.size());
  c.payments = add_names(s, "payment-method", l.payment_methods.data(), l.payment_methods.size());
  c.deliveries = add_names(s, "delivery-type", l.delivery_types.data(), l.delivery_types.size());
  for (std::int64_t type = 1; type <= 10; ++type) {
    auto const t = static_cast<std::size_t>(type);
    c.categories[t] = add_categories(s, type, type == 4 ? l.issued : type == 7 ? l.received : l.other);
    for (std::size_t e = 0; e < c.entities.size(); ++e) {
      // "RR04NNNN": two-digit year, the document type, a four-digit counter.
      std::string const format =
          std::string(l.entities[e].prefix) + "RR" + (type < 10 ? "0" : "") + std::to_string(type) + "NNNN";
      Record const& sequence = add_sequence(s, type, *c.entities[e], l.sequences[t - 1], format);
      if (e == 0) c.sequences[t] = &sequence;
    }
  }
  c.eshop = &add_sequence(s, 4, *c.entities[0], l.eshop_sequence, "ERRRRNNNN");
  return c;
}

Record const* find_by_name(std::vector<Record const*> const& records, char const* name) {
  for (Record const* r : records) {
    if (r->attributes.value("name", std::string()) == name) return r;
  }
  return nullptr;
}

// The lines of demo document i: one to three price-list items, sometimes a
// discount, and every third document a free line (work on site, per hour).
std::vector<Record const*> seed_items(Seeder& s, InvoicingLocale const& l, std::size_t i) {
  auto const goods = s.all("good");
  std::vector<Record const*> items;
  for (std::size_t k = 0; k < 1 + i % 3; ++k) {
    Record const* good = goods[(i * 5 + k * 7) % goods.size()];
    Record& item = s.add("item", {{"quantity", s.rng().between(1, 5)}}, {{"good", identifier(good->ref())}});
    fill_item_from_good(item, *good);
    if (k == 0 && i % 4 == 0) {
      item.attributes["discount-type"] = 1;
      item.attributes["discount"] = 10;
    }
    items.push_back(&item);
  }
  Record const* hour = find_by_name(s.all("unit"), l.hour_unit);
  if (i % 3 == 2 && hour != nullptr) {
    items.push_back(&s.add("item",
                           {{"name", l.free_item},
                            {"quantity", 2},
                            {"unit-price", 35},
                            {"unit-price-type", 1},
                            {"vat-rate", l.standard_vat}},
                           {{"unit-of-measure", identifier(hour->ref())}}));
  }
  return items;
}

void seed_documents(Seeder& s, InvoicingLocale const& l, InvoicingCatalogs const& c) {
  auto const partners = s.all("partner");
  auto const orders = s.all("order");
  auto const users = s.all("user");
  if (partners.empty() || s.all("good").empty() || users.empty()) return;
  Record const* user = s.members().empty() ? users.front() : s.find("user", s.members().front().id);
  FindRecord const find = [&s](Ref const& ref) { return s.find(ref.type, ref.id); };
  // Mostly invoices; two quotes, an advance invoice and a received invoice.
  constexpr std::array<std::int64_t, 14> types = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 3, 7};
  std::int64_t const today = s.now() - s.now() % day;
  for (std::size_t i = 0; i < types.size(); ++i) {
    auto const type = types[i];
    auto const t = static_cast<std::size_t>(type);
    std::int64_t const issued = today - static_cast<std::int64_t>(4 + i * 6) * day;
    nlohmann::json items = nlohmann::json::array();
    for (Record const* item : seed_items(s, l, i)) items.push_back(identifier(item->ref()));
    nlohmann::json allocations = nlohmann::json::array();
    if (!orders.empty() && i % 3 == 0) {
      Record const& a =
          s.add("order-allocation", {{"proportion", 100}}, {{"order", identifier(orders[i % orders.size()]->ref())}});
      allocations.push_back(identifier(a.ref()));
    }
    Record const* sequence = type == 4 && i == 9 ? c.eshop : c.sequences[t];
    Record& document = s.add("document",
                             {{"type", type},
                              {"issue-date", format_local(issued)},
                              {"delivery-date", format_local(issued)},
                              {"maturity", format_local(issued + 14 * day)},
                              {"specific-symbol", nullptr},
                              {"constant-symbol", "0308"},
                              {"discount-type", i == 5 ? nlohmann::json(1) : nlohmann::json()},
                              {"discount", i == 5 ? nlohmann::json(5) : nlohmann::json()}},
                             {{"numbering-sequence", identifier(sequence->ref())},
                              {"user", link(user)},
                              {"company-data", identifier(c.entities.front()->ref())},
                              {"partner", identifier(partners[(i * 3) % partners.size()]->ref())},
                              {"items", std::move(items)},
                              {"payment-method", identifier(c.payments[i % c.payments.size()]->ref())},
                              {"account", identifier(c.banks.front()->ref())},
                              {"delivery-type", identifier(c.deliveries[i % c.deliveries.size()]->ref())},
                              {"category", link(c.categories[t])},
                              {"business-case", nullptr},
                              {"order-allocations", std::move(allocations)}});
    stamp_document(document, *sequence, s.all("document"), find, s.now());
    document.created = document.edited = issued;
    if (document.attributes["invoice-state"].is_number() && i % 3 == 1) {  // paid a few days after issue
      document.attributes["invoice-state"] = 6;
      document.attributes["unpaid"] = 0;
      document.attributes["paid-date"] = format_local(issued + 5 * day);
    }
  }
}

}  // namespace

void seed_invoicing(Seeder& s) {
  InvoicingLocale const& l = locale(s.company_index());
  seed_documents(s, l, seed_code_lists(s, l));
}

}  // namespace flowii::emulator
