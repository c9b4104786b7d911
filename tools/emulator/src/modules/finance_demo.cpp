// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the finance module: currencies, income and expense categories,
// issued invoices (what bank transactions pair with) and about twenty incomes
// and expenses per company around the virtual clock, in EUR.
#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "modules/finance.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t day = 86400;

struct CategorySeed {
  char const* name;
  std::array<char const*, 3> subcategories;  // nullptr = none
};

// Everything that differs between the Slovak and the Hungarian demo company.
struct FinanceLocale {
  std::array<CategorySeed, 3> income;   // services, goods, other
  std::array<CategorySeed, 4> expense;  // operations, material, transport, wages
  double vat_rate;
  char const* invoice_payment;  // "<text> <invoice number>"
  char const* invoice_expected;
  char const* cash_sale;
  char const* interest;
  char const* card_payment;
  char const* rent;
  char const* energy;
  char const* phone;
  char const* fuel;
  char const* material;
  char const* wages;
};

FinanceLocale const& finance_locale(std::size_t company_index) {
  static FinanceLocale const slovak{
      {{{"Služby", {"Konzultácie", "Servis a údržba", nullptr}},
        {"Predaj tovaru", {"E-shop", "Veľkoobchod", nullptr}},
        {"Ostatné príjmy", {nullptr, nullptr, nullptr}}}},
      {{{"Prevádzka", {"Nájom", "Energie", "Telekomunikácie"}},
        {"Materiál a tovar", {nullptr, nullptr, nullptr}},
        {"Doprava", {"Pohonné hmoty", nullptr, nullptr}},
        {"Mzdy a odvody", {nullptr, nullptr, nullptr}}}},
      20.0,
      "Úhrada faktúry",
      "Očakávaná úhrada faktúry",
      "Tržba v hotovosti",
      "Úroky z bežného účtu",
      "Platba kartou (e-shop)",
      "Nájom kancelárie",
      "Elektrina a plyn",
      "Mobilné služby",
      "Tankovanie",
      "Nákup materiálu",
      "Mzdy zamestnancov",
  };
  static FinanceLocale const hungarian{
      {{{"Szolgáltatások", {"Tanácsadás", "Szerviz", nullptr}},
        {"Áruértékesítés", {"Webshop", "Nagykereskedelem", nullptr}},
        {"Egyéb bevételek", {nullptr, nullptr, nullptr}}}},
      {{{"Üzemeltetés", {"Bérleti díj", "Energia", "Távközlés"}},
        {"Anyag és áru", {nullptr, nullptr, nullptr}},
        {"Szállítás", {"Üzemanyag", nullptr, nullptr}},
        {"Bérek és járulékok", {nullptr, nullptr, nullptr}}}},
      27.0,
      "Számla kiegyenlítése",
      "Várható befizetés, számla",
      "Készpénzes bevétel",
      "Bankszámla kamata",
      "Kártyás fizetés (webshop)",
      "Irodabérlet",
      "Villany és gáz",
      "Mobilszolgáltatás",
      "Tankolás",
      "Anyagbeszerzés",
      "Munkabérek",
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

nlohmann::json link(Record const& r) { return identifier(r.ref()); }
nlohmann::json link_or_null(Record const* r) { return r != nullptr ? link(*r) : nlohmann::json(); }

std::string midnight(std::int64_t t) { return format_local(t - ((t % day) + day) % day); }

double round2(double v) { return static_cast<double>(std::llround(v * 100.0)) / 100.0; }

struct Categories {
  std::vector<Record const*> income;  // top level: services, goods, other
  std::vector<std::vector<Record const*>> income_sub;
  std::vector<Record const*> expense;  // operations, material, transport, wages
  std::vector<std::vector<Record const*>> expense_sub;
};

template <std::size_t N>
void seed_categories(Seeder& s, std::array<CategorySeed, N> const& seeds, std::vector<Record const*>& top,
                     std::vector<std::vector<Record const*>>& subs) {
  for (auto const& c : seeds) {
    Record const& parent = s.add("cash-flow-category", {{"name", c.name}}, {{"parent", nullptr}});
    top.push_back(&parent);
    subs.emplace_back();
    for (char const* sub : c.subcategories) {
      if (sub != nullptr)
        subs.back().push_back(&s.add("cash-flow-category", {{"name", sub}}, {{"parent", link(parent)}}));
    }
  }
}

// What one cash flow is made of; the seeding below fills a list of these.
struct Flow {
  Flow(int type_, std::string purpose_, double net_, std::int64_t due_, std::int64_t paid_, Record const* category_)
      : type(type_), purpose(std::move(purpose_)), net(net_), due(due_), paid(paid_), category(category_) {}
  int type;  // 1 income, 2 expense
  std::string purpose;
  double net;
  std::int64_t due;   // 0 = none
  std::int64_t paid;  // 0 = expected, not paid yet
  Record const* category;
  Record const* partner = nullptr;
  Record const* invoice = nullptr;
  Record const* business_case = nullptr;
  Record const* order = nullptr;
};

void add_flow(Seeder& s, Flow const& f, double vat_rate, Record const* company_data) {
  double const taxed = round2(f.net * (100.0 + vat_rate) / 100.0);
  std::int64_t const created = (f.paid != 0 ? f.paid : f.due) - day * s.rng().between(1, 10);
  nlohmann::json relationships = {
      {"currency", identifier({"currency", euro_id})},
      {"category", link_or_null(f.category)},
      {"company-data", link_or_null(company_data)},
      {"partner", link_or_null(f.partner)},
      {"business-case", link_or_null(f.business_case)},
      {"order", link_or_null(f.order)},
      {"invoice", f.invoice != nullptr ? identifier({"invoice", f.invoice->id}) : nlohmann::json()},
      {"order-allocations", nlohmann::json::array()},
  };
  if (f.order != nullptr && f.type == 2) {  // an expense booked to an order
    relationships["order-allocations"].push_back(
        link(s.add("order-allocation", {{"proportion", 100}}, {{"order", link(*f.order)}})));
  }
  Record& r = s.add("cash-flow",
                    {{"type", f.type},
                     {"created-date", format_local(created)},
                     {"due-date", f.due != 0 ? nlohmann::json(midnight(f.due)) : nlohmann::json()},
                     {"payment-date", f.paid != 0 ? nlohmann::json(midnight(f.paid)) : nlohmann::json()},
                     {"amount", f.net},
                     {"taxed-amount", taxed},
                     {"vat-rate", vat_rate},
                     {"vat-rate-type", 1},
                     {"purpose", f.purpose},
                     {"note", nullptr}},
                    relationships);
  r.created = created;
  r.edited = f.paid != 0 && f.paid < s.now() ? f.paid : created;
}

// FLOWii's currency ids (EUR is 44 in its examples; the others are the emulator's).
void seed_currencies(Seeder& s) {
  static constexpr std::pair<char const*, char const*> currencies[] = {
      {euro_id, "EUR"}, {"53", "CZK"}, {"98", "HUF"}, {"118", "PLN"}, {"148", "USD"}};
  for (auto const& [id, code] : currencies) s.add("currency", {{"alpha-code", code}}, {}, id);
}

}  // namespace

void seed_finance(Seeder& s) {
  FinanceLocale const& l = finance_locale(s.company_index());
  Rng& rng = s.rng();
  std::int64_t const now = s.now();
  seed_currencies(s);
  Categories c;
  seed_categories(s, l.income, c.income, c.income_sub);
  seed_categories(s, l.expense, c.expense, c.expense_sub);

  std::vector<Record const*> customers;
  for (Record const* p : s.all("partner")) {
    if (p->attributes.value("type", 0) == 1) customers.push_back(p);
  }
  auto first_of = [&](char const* type) {
    auto const all = s.all(type);
    return all.empty() ? nullptr : all.front();
  };
  Record const* company_data = first_of("company-data");
  Record const* business_case = first_of("business-case");
  Record const* order = first_of("order");
  auto customer = [&](std::size_t n) { return customers.empty() ? nullptr : customers[n % customers.size()]; };

  // Issued invoices: #0-1 paid, #2-3 expected, #4-5 not booked yet.
  std::string const year = format_local(now).substr(2, 2);
  std::vector<Record const*> invoices;
  for (std::size_t n = 0; n < 6; ++n) {
    char serial[16];
    std::snprintf(serial, sizeof serial, "%s1%05zu", year.c_str(), 40 + n);
    double const net = 10.0 * rng.between(15, 400);
    std::int64_t const due = now + day * (static_cast<std::int64_t>(n) * 7 - 20);
    invoices.push_back(&s.add("invoice",
                              {{"serial-nr", serial},
                               {"variable-symbol", serial},
                               {"due-date", midnight(due)},
                               {"taxed-amount", round2(net * (100.0 + l.vat_rate) / 100.0)}},
                              {{"partner", link_or_null(customer(n))}}));
  }
  auto invoice_due = [&](std::size_t n) {
    return *parse_local(invoices[n]->attributes.at("due-date").get<std::string>());
  };
  auto invoice_net = [&](std::size_t n) {
    return round2(invoices[n]->attributes.at("taxed-amount").get<double>() * 100.0 / (100.0 + l.vat_rate));
  };
  auto invoice_text = [&](char const* what, std::size_t n) {
    return std::string(what) + " " + invoices[n]->attributes.at("serial-nr").get<std::string>();
  };

  std::vector<Flow> flows;
  for (std::size_t n = 0; n < 4; ++n) {
    bool const paid = n < 2;
    Flow f{1,
           invoice_text(paid ? l.invoice_payment : l.invoice_expected, n),
           invoice_net(n),
           invoice_due(n),
           paid ? invoice_due(n) - day * rng.between(0, 5) : 0,
           c.income_sub[n % 2][n / 2 % 2]};
    f.partner = customer(n);
    f.invoice = invoices[n];
    if (n == 0) f.business_case = business_case;
    if (n == 1) f.order = order;
    flows.push_back(f);
  }
  // Incomes nobody invoiced: they stay unpaired.
  flows.emplace_back(1, l.cash_sale, 10.0 * rng.between(5, 40), 0, now - day * 3, c.income_sub[1][1]);
  flows.emplace_back(1, l.interest, 0.01 * rng.between(100, 2000), 0, now - day * 16, c.income[2]);
  flows.emplace_back(1, l.card_payment, 10.0 * rng.between(3, 25), 0, now - day * 9, c.income_sub[1][0]);
  // Monthly running costs, the next rent still to pay, and one purchase for an order.
  for (int month = 2; month >= 1; --month) {
    flows.emplace_back(2, l.rent, 850.0, now - day * 30 * month, now - day * (30 * month + 2), c.expense_sub[0][0]);
    flows.emplace_back(2, l.energy, 10.0 * rng.between(15, 30), now - day * (30 * month - 5),
                       now - day * (30 * month - 4), c.expense_sub[0][1]);
    flows.emplace_back(2, l.wages, 100.0 * rng.between(60, 90), now - day * (30 * month - 10),
                       now - day * (30 * month - 10), c.expense[3]);
  }
  flows.emplace_back(2, l.rent, 850.0, now + day * 5, 0, c.expense_sub[0][0]);
  flows.emplace_back(2, l.phone, 0.01 * rng.between(3000, 9000), now - day * 12, now - day * 12, c.expense_sub[0][2]);
  flows.emplace_back(2, l.fuel, 0.01 * rng.between(4000, 9000), 0, now - day * 6, c.expense_sub[2][0]);
  Flow purchase{2, l.material, 10.0 * rng.between(20, 120), now - day * 2, now - day * 4, c.expense[1]};
  purchase.partner = customer(7);
  purchase.order = order;
  flows.push_back(purchase);

  for (auto const& f : flows) add_flow(s, f, f.category == c.income[2] ? 0.0 : l.vat_rate, company_data);
}

}  // namespace flowii::emulator
