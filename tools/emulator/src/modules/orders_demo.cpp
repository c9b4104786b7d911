// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the orders module: order states, types with subtypes, custom
// fields and 16 Slovak or Hungarian orders per company (some continuing a won
// business case), with e-mails and one attachment. The first company reuses the
// blueprint's ids for its code lists and first orders.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "clock.hpp"
#include "modules/business_cases.hpp"
#include "modules/orders.hpp"

namespace flowii::emulator {

namespace {

struct OrderTexts {
  std::vector<StateText> states;  // type: 1 waiting, 2 in progress, 3 finished ok, 4 finished failed
  std::array<char const*, 3> types;
  std::array<std::array<char const*, 2>, 3> subtypes;
  std::array<char const*, 16> subjects;
  std::array<char const*, 2> mail_subjects;
  SalesTexts common;
};

OrderTexts const& texts(std::size_t company_index) {
  static OrderTexts const slovak{
      {{"Čaká", 1}, {"Prebieha", 2}, {"Dokončená", 3}, {"Zrušená", 4}, {"Vo výrobe", 2}, {"Na expedícii", 2}},
      {"Výroba", "Služby", "Obchod"},
      {{{"Zákazková výroba", "Sériová výroba"}, {"Servis", "Montáž"}, {"E-shop", "Veľkoobchod"}}},
      {"Oceľové regály do skladu", "Servis klimatizácie", "Montáž fotovoltiky", "Tlač katalógov",
       "Dodávka pracovných stolov", "Výroba reklamných tabúľ", "Inštalácia siete LAN", "Údržba výťahov",
       "Kancelársky nábytok", "3D tlač prototypov", "Preklad technickej dokumentácie", "Revízia elektroinštalácie",
       "Zateplenie fasády", "Čalúnenie sedačiek", "Drevené okná", "Darčekové koše pre klientov"},
      {"Potvrdenie objednávky", "Termín dodania"},
      {{"Číslo objednávky e-shopu", "Hmotnosť (kg)", "Dátum expedície", "Expresné doručenie", "Doprava"},
       {"Kuriér", "Osobný odber", "Slovenská pošta"},
       "Zákazka pre ",
       "Zákazník objednávku stornoval.",
       "vykres.txt",
       "Rozmery: 2000 x 900 x 450 mm, materiál: oceľ S235, povrch: RAL 7035."},
  };
  static OrderTexts const hungarian{
      {{"Várakozik", 1},
       {"Folyamatban", 2},
       {"Befejezve", 3},
       {"Törölve", 4},
       {"Gyártásban", 2},
       {"Szállítás alatt", 2}},
      {"Gyártás", "Szolgáltatás", "Kereskedelem"},
      {{{"Egyedi gyártás", "Sorozatgyártás"}, {"Szerviz", "Szerelés"}, {"Webshop", "Nagykereskedelem"}}},
      {"Acél raktári polcok", "Klíma szerviz", "Napelem szerelés", "Katalógus nyomtatás", "Munkaasztalok szállítása",
       "Reklámtáblák gyártása", "LAN hálózat kiépítése", "Lift karbantartás", "Irodabútor", "Prototípus 3D nyomtatás",
       "Műszaki dokumentáció fordítása", "Villamos felülvizsgálat", "Homlokzat szigetelés", "Kárpitozás", "Fa ablakok",
       "Ajándékkosarak ügyfeleknek"},
      {"Rendelés visszaigazolása", "Szállítási határidő"},
      {{"Webshop rendelésszám", "Tömeg (kg)", "Szállítás dátuma", "Expressz szállítás", "Szállítási mód"},
       {"Futár", "Személyes átvétel", "Magyar Posta"},
       "Megrendelő: ",
       "A megrendelő visszavonta a rendelést.",
       "rajz.txt",
       "Méretek: 2000 x 900 x 450 mm, anyag: S235 acél, felület: RAL 7035."},
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

struct OrderCodeLists {
  std::vector<Record const*> states;
  std::vector<Record const*> types;
  std::vector<std::vector<Record const*>> subtypes;
  SeededFields fields;
  std::vector<Record const*> won_cases;
};

OrderCodeLists seed_code_lists(Seeder& s, OrderTexts const& t) {
  OrderCodeLists c;
  c.states = seed_states(s, "order-state", t.states, {"24161", "24162", "24163", "24164", "24165", "24166"});
  std::vector<char const*> const type_ids = {"2948", "2949", "2950", "2951", "2952", "2953", "2954", "2955", "2956"};
  std::size_t next = 0;
  for (std::size_t i = 0; i < t.types.size(); ++i) {
    Record const& type = s.add("order-type", {{"name", t.types[i]}, {"order", i}}, {{"parent", nullptr}},
                               first_company_id(s, type_ids, next++));
    c.types.push_back(&type);
    c.subtypes.emplace_back();
    for (std::size_t k = 0; k < t.subtypes[i].size(); ++k) {
      c.subtypes.back().push_back(&s.add("order-type", {{"name", t.subtypes[i][k]}, {"order", k}},
                                         {{"parent", link(type)}}, first_company_id(s, type_ids, next++)));
    }
  }
  c.fields = seed_fields(s, "order", t.common);
  for (Record const* bc : s.all("business-case")) {
    auto const state = bc->related("state");
    Record const* st = state.empty() ? nullptr : s.find(state.front().type, state.front().id);
    if (st != nullptr && st->attributes.value("type", 0) == 2) c.won_cases.push_back(bc);
  }
  return c;
}

// Which state each demo order is in (indices into OrderTexts::states).
constexpr std::size_t state_plan[] = {0, 1, 4, 2, 2, 5, 1, 3, 0, 4, 2, 1, 5, 2, 0, 4};

void seed_order(Seeder& s, OrderTexts const& t, OrderCodeLists const& c, std::size_t n) {
  Rng& rng = s.rng();
  auto const users = s.all("user");
  StateText const& state = t.states[state_plan[n]];
  bool const done = state.type >= 3;

  // Orders continuing a won business case belong to that case's partner.
  Record const* bc = n % 4 == 0 && n / 4 < c.won_cases.size() ? c.won_cases[n / 4] : nullptr;
  Record const* partner = bc != nullptr ? s.find("partner", bc->related("partner").front().id) : nullptr;
  if (partner == nullptr) {
    auto const partners = s.all("partner");
    partner = partners[(n * 5 + rng.below(4)) % partners.size()];
  }

  std::int64_t const created = s.now() - 86400 * (static_cast<std::int64_t>(n) * 6 + rng.between(2, 10));
  std::int64_t const accepted = created + std::int64_t{86400} * rng.between(0, 3);
  std::int64_t const finished = std::min(s.now() - 3600, accepted + std::int64_t{86400} * rng.between(5, 40));
  nlohmann::json attributes = {
      {"name", t.subjects[n]},
      {"created", format_local(created)},
      {"accepted", days_from(accepted, 0)},
      {"deadline", days_from(accepted, rng.between(7, 45))},
      {"finished", done ? nlohmann::json(format_local(finished)) : nlohmann::json()},
      {"delivered", nullptr},
      {"warranty", state.type == 3 ? nlohmann::json(24) : nlohmann::json()},
      {"anticipated-income-amount", n % 6 == 5 ? nlohmann::json() : nlohmann::json(10 * rng.between(15, 2500))},
      {"description", t.common.description_prefix + partner->attributes.value("name", std::string())},
      {"failed-finish-note", state.type == 4 ? nlohmann::json(t.common.failed_note) : nlohmann::json()},
  };
  std::string const serial = zero_padded(static_cast<std::int64_t>(n) + 1, 3);
  attributes["serial-nr"] = serial;

  std::size_t const type = n % c.types.size();
  auto const& subtypes = c.subtypes[type];
  std::vector<Record const*> responsible{users[rng.below(users.size())]};
  if (rng.chance(35) && responsible.front() != users.back()) responsible.push_back(users.back());
  nlohmann::json relationships = {
      {"type", link(*c.types[type])},
      {"subtype", rng.chance(75) ? link(*subtypes[rng.below(subtypes.size())]) : nlohmann::json()},
      {"state", link(*c.states[state_plan[n]])},
      {"partner", link(*partner)},
      {"user", link(*users.front())},
      {"responsible-users", links(responsible)},
      {"responsible-user", link(*responsible.front())},
      {"business-case", bc != nullptr ? link(*bc) : nlohmann::json()},
  };
  if (n % 3 == 0) {
    std::string const number = "ESHOP-2025-" + zero_padded(static_cast<std::int64_t>(311 + n * 17), 4);
    auto const values = seed_custom_values(s, c.fields.fields,
                                           {number, rng.between(1, 400) / 2.0, days_from(accepted, 3), rng.chance(30),
                                            c.fields.options[rng.below(c.fields.options.size())]});
    relationships.update(values);
  }
  Record& order = s.add("order", attributes, relationships, first_company_id(s, {"34167", "34168", "34263"}, n));
  order.created = created;
  order.edited = done ? finished : accepted;

  std::vector<std::string> mails;
  if (rng.chance(50)) mails.push_back(t.mail_subjects[0] + (" " + serial));
  if (rng.chance(30)) mails.push_back(t.mail_subjects[1] + std::string(" – ") + t.subjects[n]);
  seed_mails(s, order, "order", link(*partner), mails);
  if (bc != nullptr) {  // the case's e-mail thread goes on in its order: mails link both
    for (Record const* mail : s.all("mail")) {
      auto const mail_case = mail->related("business-case");
      auto const mail_order = mail->related("order");
      bool const of_case = !mail_case.empty() && mail_case.front() == bc->ref();
      bool const of_order = !mail_order.empty() && mail_order.front() == order.ref();
      if (of_case && mail_order.empty()) s.edit(mail->ref())->relationships["order"] = link(order);
      if (of_order && mail_case.empty()) s.edit(mail->ref())->relationships["business-case"] = link(*bc);
    }
  }
  if (n == 0) seed_attachment(s, order, t.common.file_name, t.common.file_text, *users.front());
}

}  // namespace

void seed_orders(Seeder& s) {
  OrderTexts const& t = texts(s.company_index());
  OrderCodeLists const c = seed_code_lists(s, t);
  for (std::size_t n = 0; n < t.subjects.size(); ++n) seed_order(s, t, c, n);
}

}  // namespace flowii::emulator
