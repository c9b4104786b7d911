// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the goods module: units of measure, two category trees (goods,
// services) and a price list of ~22 items per company, Slovak or Hungarian.
// Prices are in EUR; VAT rates are each country's (SK 23/19/5 %, HU 27/18/5 %).
#include <array>
#include <string>
#include <vector>

#include "jsonapi.hpp"
#include "modules/goods.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

enum Unit { kPiece, kKilogram, kHour, kLitre, kMetre, kPack, kKilometre };
enum Vat { kStandard, kReduced, kSuperReduced };

struct DemoGood {
  char const* name;
  int category;     // 0 goods, 1 services (the top-level categories)
  int subcategory;  // index under that category
  Unit unit;
  double purchase;  // excl. VAT; services have none
  double selling;
  int selling_price_type;  // 0 incl. VAT (retail items), 1 excl. VAT
  Vat vat;
  char const* note;  // additional text, or nullptr
};

struct GoodsLocale {
  std::array<char const*, 7> units;  // in Unit order
  std::array<char const*, 2> categories;
  std::array<std::array<char const*, 3>, 2> subcategories;
  std::array<double, 3> vat_rates;  // in Vat order
  std::vector<DemoGood> goods;
  char const* description;
};

GoodsLocale const& locale(std::size_t company_index) {
  static GoodsLocale const slovak{
      {"ks", "kg", "hod.", "liter", "m", "bal.", "km"},
      {"Tovar", "Služba"},
      {{{"Kancelárske potreby", "Výpočtová technika", "Spotrebný materiál"}, {"Programovanie", "Servis", "Doprava"}}},
      {23, 19, 5},
      {
          {"Papier A4 80 g (500 listov)", 0, 0, kPack, 3.2, 4.9, 1, kStandard, nullptr},
          {"Guľôčkové pero modré", 0, 0, kPiece, 0.25, 0.6, 1, kStandard, nullptr},
          {"Zakladač pákový A4", 0, 0, kPiece, 1.4, 2.9, 1, kStandard, "Šírka chrbta 75 mm"},
          {"Lepiaca páska 19 mm", 0, 0, kPiece, 0.45, 1.1, 1, kStandard, nullptr},
          {"Monitor 27\" IPS", 0, 1, kPiece, 169, 239, 1, kStandard, "Záruka 36 mesiacov"},
          {"Notebook 14\" i5/16 GB", 0, 1, kPiece, 610, 829, 1, kStandard, "Záruka 24 mesiacov"},
          {"Bezdrôtová myš", 0, 1, kPiece, 8.5, 17.9, 1, kStandard, nullptr},
          {"USB-C dokovacia stanica", 0, 1, kPiece, 74, 119, 1, kStandard, nullptr},
          {"Kábel UTP Cat6", 0, 1, kMetre, 0.35, 0.89, 1, kStandard, nullptr},
          {"Toner čierny HP 59A", 0, 2, kPiece, 62, 94.5, 1, kStandard, nullptr},
          {"Čistiaci sprej na obrazovky 250 ml", 0, 2, kPiece, 2.1, 4.5, 1, kStandard, nullptr},
          {"Káva zrnková 1 kg", 0, 2, kKilogram, 11.8, 22.49, 0, kReduced, nullptr},
          {"Minerálna voda 1,5 l", 0, 2, kLitre, 0.32, 0.69, 0, kReduced, nullptr},
          {"Vývoj softvéru", 1, 0, kHour, 0, 55, 1, kStandard, nullptr},
          {"Analýza požiadaviek", 1, 0, kHour, 0, 60, 1, kStandard, nullptr},
          {"Správa webu (mesačne)", 1, 0, kPiece, 0, 149, 1, kStandard, "Hosting a zálohy v cene"},
          {"Servis tlačiarne", 1, 1, kHour, 0, 38, 1, kStandard, nullptr},
          {"Inštalácia pracovnej stanice", 1, 1, kPiece, 0, 45, 1, kStandard, nullptr},
          {"Školenie používateľov", 1, 1, kHour, 0, 42, 1, kStandard, nullptr},
          {"Doprava do 50 km", 1, 2, kPiece, 0, 25, 1, kStandard, nullptr},
          {"Kuriérska zásielka", 1, 2, kPiece, 0, 6.9, 1, kStandard, nullptr},
          {"Paletová preprava", 1, 2, kKilometre, 0, 1.15, 1, kStandard, nullptr},
      },
      "Položka cenníka",
  };
  static GoodsLocale const hungarian{
      {"db", "kg", "óra", "liter", "m", "csomag", "km"},
      {"Termék", "Szolgáltatás"},
      {{{"Irodaszer", "Számítástechnika", "Fogyóeszköz"}, {"Programozás", "Szerviz", "Szállítás"}}},
      {27, 18, 5},
      {
          {"A4 másolópapír 80 g (500 lap)", 0, 0, kPack, 3.1, 4.8, 1, kStandard, nullptr},
          {"Golyóstoll kék", 0, 0, kPiece, 0.22, 0.55, 1, kStandard, nullptr},
          {"Iratrendező A4", 0, 0, kPiece, 1.3, 2.8, 1, kStandard, "Gerincszélesség 75 mm"},
          {"Ragasztószalag 19 mm", 0, 0, kPiece, 0.4, 1.05, 1, kStandard, nullptr},
          {"27\" IPS monitor", 0, 1, kPiece, 172, 245, 1, kStandard, "36 hónap garancia"},
          {"14\" laptop i5/16 GB", 0, 1, kPiece, 620, 845, 1, kStandard, "24 hónap garancia"},
          {"Vezeték nélküli egér", 0, 1, kPiece, 8.9, 18.5, 1, kStandard, nullptr},
          {"USB-C dokkoló", 0, 1, kPiece, 76, 122, 1, kStandard, nullptr},
          {"UTP Cat6 kábel", 0, 1, kMetre, 0.33, 0.85, 1, kStandard, nullptr},
          {"Fekete toner HP 59A", 0, 2, kPiece, 64, 96, 1, kStandard, nullptr},
          {"Képernyőtisztító spray 250 ml", 0, 2, kPiece, 2.2, 4.6, 1, kStandard, nullptr},
          {"Szemes kávé 1 kg", 0, 2, kKilogram, 12.4, 23.99, 0, kReduced, nullptr},
          {"Ásványvíz 1,5 l", 0, 2, kLitre, 0.3, 0.65, 0, kReduced, nullptr},
          {"Szoftverfejlesztés", 1, 0, kHour, 0, 52, 1, kStandard, nullptr},
          {"Követelményelemzés", 1, 0, kHour, 0, 58, 1, kStandard, nullptr},
          {"Weboldal üzemeltetés (havi)", 1, 0, kPiece, 0, 139, 1, kStandard, "Tárhely és mentés az árban"},
          {"Nyomtatószerviz", 1, 1, kHour, 0, 36, 1, kStandard, nullptr},
          {"Munkaállomás telepítése", 1, 1, kPiece, 0, 44, 1, kStandard, nullptr},
          {"Felhasználói oktatás", 1, 1, kHour, 0, 40, 1, kStandard, nullptr},
          {"Szállítás 50 km-ig", 1, 2, kPiece, 0, 24, 1, kStandard, nullptr},
          {"Futárszolgálat", 1, 2, kPiece, 0, 6.5, 1, kStandard, nullptr},
          {"Raklapos szállítás", 1, 2, kKilometre, 0, 1.1, 1, kStandard, nullptr},
      },
      "Árlista tétel",
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

// A 13-digit EAN with a valid check digit.
std::string ean13(Rng& rng) {
  std::string code = "858";  // GS1 prefix of Slovakia
  for (int i = 0; i < 9; ++i) code += static_cast<char>('0' + rng.below(10));
  int sum = 0;
  for (std::size_t i = 0; i < code.size(); ++i) sum += (code[i] - '0') * (i % 2 == 0 ? 1 : 3);
  code += static_cast<char>('0' + (10 - sum % 10) % 10);
  return code;
}

std::string serial(std::size_t n) {
  std::string s = std::to_string(n);
  return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
}

nlohmann::json link_or_null(Record const* record) {
  return record == nullptr ? nlohmann::json() : identifier(record->ref());
}

}  // namespace

void seed_goods(Seeder& s) {
  GoodsLocale const& l = locale(s.company_index());
  std::vector<Record const*> units;
  for (char const* unit : l.units) units.push_back(&s.add("unit", {{"name", unit}}));

  std::array<Record const*, 2> categories{};
  std::array<std::array<Record const*, 3>, 2> subcategories{};
  for (std::size_t c = 0; c < categories.size(); ++c) {
    categories[c] = &s.add("good-category", {{"name", l.categories[c]}, {"order", c}}, {{"parent", nullptr}});
    for (std::size_t k = 0; k < subcategories[c].size(); ++k) {
      subcategories[c][k] = &s.add("good-category", {{"name", l.subcategories[c][k]}, {"order", k}},
                                   {{"parent", identifier(categories[c]->ref())}});
    }
  }

  // Manufacturers of some goods: the seeded companies among the partners.
  std::vector<Record const*> makers;
  for (Record const* p : s.all("partner")) {
    if (p->attributes.value("type", 0) == 1) makers.push_back(p);
  }

  constexpr std::int64_t day = 86400;
  for (std::size_t i = 0; i < l.goods.size(); ++i) {
    DemoGood const& g = l.goods[i];
    bool const is_goods = g.category == 0;
    Record const* maker =
        is_goods && !makers.empty() && s.rng().chance(50) ? makers[s.rng().below(makers.size())] : nullptr;
    nlohmann::json attributes = {
        {"name", g.name},
        {"serial-nr", serial(i + 1)},
        {"type", is_goods ? 0 : 1},
        {"visibility-type", 0},
        {"ean", is_goods ? nlohmann::json(ean13(s.rng())) : nlohmann::json()},
        {"purchase-price", is_goods ? nlohmann::json(g.purchase) : nlohmann::json()},
        {"purchase-price-type", 1},
        {"selling-price", g.selling},
        {"selling-price-type", g.selling_price_type},
        {"vat-rate", l.vat_rates[g.vat]},
        {"additional-text", g.note != nullptr ? nlohmann::json(g.note) : nlohmann::json()},
        {"description", l.description},
    };
    nlohmann::json relationships = {
        {"unit-of-measure", identifier(units[g.unit]->ref())},
        {"category", identifier(categories[static_cast<std::size_t>(g.category)]->ref())},
        {"subcategory",
         identifier(
             subcategories[static_cast<std::size_t>(g.category)][static_cast<std::size_t>(g.subcategory)]->ref())},
        {"partner", link_or_null(maker)},
    };
    Record& record = s.add("good", std::move(attributes), std::move(relationships));
    // A price list grows over the year: spread creation dates, some edited since.
    record.created = s.now() - static_cast<std::int64_t>(400 - i * 15) * day;
    record.edited = s.rng().chance(30) ? s.now() - static_cast<std::int64_t>(s.rng().below(30)) * day : record.created;
  }
}

}  // namespace flowii::emulator
