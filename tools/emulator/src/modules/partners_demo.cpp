// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the partners module: partner types, tags, custom fields and
// ~25 realistic Slovak or Hungarian partners per company, drawn from the seed.
#include <array>
#include <cstdio>
#include <iterator>
#include <string_view>

#include "clock.hpp"
#include "common/base64.hpp"
#include "jsonapi.hpp"
#include "modules/custom_fields.hpp"
#include "modules/partners.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

enum PartnerCountry { kSlovakia = 1, kCzechia = 2, kHungary = 3 };

struct DemoPartner {
  char const* name;  // persons as "Surname Firstname"
  int type;          // 1 company, 2 person
  char const* street;
  char const* city;
  char const* zip;
  PartnerCountry country;
};

struct Person {
  char const* first;
  char const* last;
};

// Everything that differs between a Slovak and a Hungarian demo company.
struct PartnerLocale {
  std::vector<DemoPartner> partners;
  std::vector<Person> contacts;
  char const* mobile_prefix;
  std::array<char const*, 3> types;
  std::array<std::array<char const*, 3>, 3> subtypes;  // nullptr = none
  std::array<char const*, 5> tags;
  std::array<char const*, 5> fields;  // text, number, date, bool, enum
  std::array<char const*, 3> segments;
  std::array<char const*, 4> job_titles;
  char const* file_text;
};

PartnerLocale const& locale(std::size_t company_index) {
  static PartnerLocale const slovak{
      {
          {"Tatrastav s.r.o.", 1, "Mlynské nivy 12", "Bratislava", "821 09", kSlovakia},
          {"Považská logistika a.s.", 1, "Priemyselná 5", "Považská Bystrica", "017 01", kSlovakia},
          {"Kysucké drevo s.r.o.", 1, "Palárikova 88", "Čadca", "022 01", kSlovakia},
          {"Zemplín Agro s.r.o.", 1, "Hlavná 41", "Michalovce", "071 01", kSlovakia},
          {"Liptov Tours s.r.o.", 1, "Štúrova 19", "Liptovský Mikuláš", "031 01", kSlovakia},
          {"Orava Elektro s.r.o.", 1, "Radlinského 7", "Dolný Kubín", "026 01", kSlovakia},
          {"Nitrianske pekárne a.s.", 1, "Novozámocká 102", "Nitra", "949 05", kSlovakia},
          {"Spiš Energia s.r.o.", 1, "Letná 30", "Spišská Nová Ves", "052 01", kSlovakia},
          {"Dunaj Software s.r.o.", 1, "Karadžičova 8", "Bratislava", "821 08", kSlovakia},
          {"Malá Fatra Trade s.r.o.", 1, "Národná 14", "Žilina", "010 01", kSlovakia},
          {"Trnavské vinárstvo s.r.o.", 1, "Hlavná 3", "Trnava", "917 01", kSlovakia},
          {"Horehronie Metal a.s.", 1, "Fabrická 2", "Brezno", "977 01", kSlovakia},
          {"Šariš Print s.r.o.", 1, "Levočská 9", "Prešov", "080 01", kSlovakia},
          {"Podunajská stavebná s.r.o.", 1, "Palatínova 21", "Komárno", "945 01", kSlovakia},
          {"Gemer Textil s.r.o.", 1, "Šafárikova 60", "Rožňava", "048 01", kSlovakia},
          {"Moravia Obchod s.r.o.", 1, "Vídeňská 55", "Brno", "639 00", kCzechia},
          {"Pražská účtovná s.r.o.", 1, "Vinohradská 112", "Praha", "130 00", kCzechia},
          {"Budapest Trade Kft.", 1, "Váci út 33", "Budapest", "1134", kHungary},
          {"Kováč Ján", 2, "Záhradnícka 15", "Bratislava", "821 08", kSlovakia},
          {"Horváthová Mária", 2, "Kukučínova 4", "Košice", "040 01", kSlovakia},
          {"Baláž Peter", 2, "Dlhá 77", "Banská Bystrica", "974 01", kSlovakia},
          {"Vargová Zuzana", 2, "Mierová 23", "Trenčín", "911 01", kSlovakia},
          {"Tóth Martin", 2, "Komárňanská 8", "Nové Zámky", "940 01", kSlovakia},
          {"Molnárová Katarína", 2, "Železničná 11", "Dunajská Streda", "929 01", kSlovakia},
          {"Šimko Lukáš", 2, "Pod Kalváriou 6", "Poprad", "058 01", kSlovakia},
      },
      {{"Ján", "Novák"},
       {"Eva", "Kráľová"},
       {"Martin", "Hudák"},
       {"Lucia", "Poláková"},
       {"Tomáš", "Kríž"},
       {"Andrea", "Mináriková"},
       {"Michal", "Sedlák"},
       {"Jana", "Bartošová"}},
      "+421 9",
      {"Zákazník", "Dodávateľ", "Potenciálny zákazník"},
      {{{"A ★★★", "B ★★", "C ★"}, {"Materiál", "Služby", nullptr}, {"Záujem", "Nezáujem", nullptr}}},
      {"VIP", "eshop", "veľkoobchod", "newsletter", "export"},
      {"Číslo zmluvy", "Kreditný limit", "Dátum zmluvy", "VIP klient", "Segment"},
      {"Malý", "Stredný", "Veľký"},
      {"konateľ", "nákupca", "účtovníčka", "obchodný zástupca"},
      "Rámcová zmluva o dodávkach tovaru a služieb.",
  };
  static PartnerLocale const hungarian{
      {
          {"Duna Építő Kft.", 1, "Andrássy út 60", "Budapest", "1062", kHungary},
          {"Tisza Logisztika Zrt.", 1, "Kossuth Lajos sugárút 17", "Szeged", "6722", kHungary},
          {"Balaton Szoftver Kft.", 1, "Óváros tér 5", "Veszprém", "8200", kHungary},
          {"Mátra Fa Bt.", 1, "Fő utca 12", "Gyöngyös", "3200", kHungary},
          {"Pannon Agrár Kft.", 1, "Rákóczi út 48", "Pécs", "7621", kHungary},
          {"Hortobágy Pékség Kft.", 1, "Piac utca 21", "Debrecen", "4024", kHungary},
          {"Bakony Elektro Kft.", 1, "Ipari park 3", "Ajka", "8400", kHungary},
          {"Zemplén Bor Kft.", 1, "Bajcsy-Zsilinszky utca 2", "Tokaj", "3910", kHungary},
          {"Alföld Gépgyártó Zrt.", 1, "Szolnoki út 90", "Kecskemét", "6000", kHungary},
          {"Győri Nyomda Kft.", 1, "Baross Gábor út 14", "Győr", "9021", kHungary},
          {"Miskolci Acél Zrt.", 1, "Kerpely Antal utca 1", "Miskolc", "3534", kHungary},
          {"Soproni Textil Kft.", 1, "Várkerület 35", "Sopron", "9400", kHungary},
          {"Szegedi Paprika Bt.", 1, "Dugonics tér 9", "Szeged", "6720", kHungary},
          {"Egri Vendéglátó Kft.", 1, "Dobó István tér 4", "Eger", "3300", kHungary},
          {"Debreceni Könyvelő Kft.", 1, "Hatvan utca 27", "Debrecen", "4025", kHungary},
          {"Komárňanská preprava s.r.o.", 1, "Priemyselná 12", "Komárno", "945 01", kSlovakia},
          {"Žitný ostrov Agro s.r.o.", 1, "Hlavná 56", "Dunajská Streda", "929 01", kSlovakia},
          {"Brno Technik s.r.o.", 1, "Hybešova 42", "Brno", "602 00", kCzechia},
          {"Nagy László", 2, "Petőfi Sándor utca 8", "Budapest", "1052", kHungary},
          {"Kovács Éva", 2, "Széchenyi tér 3", "Szeged", "6720", kHungary},
          {"Szabó Péter", 2, "Kálvin tér 11", "Debrecen", "4026", kHungary},
          {"Tóth Katalin", 2, "Király utca 19", "Pécs", "7621", kHungary},
          {"Horváth Gábor", 2, "Jókai utca 5", "Győr", "9021", kHungary},
          {"Varga Zsófia", 2, "Arany János utca 2", "Eger", "3300", kHungary},
          {"Kiss Tamás", 2, "Deák Ferenc utca 31", "Kecskemét", "6000", kHungary},
      },
      {{"Zoltán", "Fekete"},
       {"Anna", "Papp"},
       {"Balázs", "Molnár"},
       {"Réka", "Farkas"},
       {"István", "Balogh"},
       {"Judit", "Takács"},
       {"Gergely", "Juhász"},
       {"Nóra", "Lakatos"}},
      "+36 30 ",
      {"Ügyfél", "Beszállító", "Potenciális ügyfél"},
      {{{"A ★★★", "B ★★", "C ★"}, {"Anyag", "Szolgáltatás", nullptr}, {"Érdeklődő", "Nem érdeklődő", nullptr}}},
      {"VIP", "webshop", "nagyker", "hírlevél", "export"},
      {"Szerződésszám", "Hitelkeret", "Szerződés dátuma", "VIP ügyfél", "Szegmens"},
      {"Kicsi", "Közepes", "Nagy"},
      {"ügyvezető", "beszerző", "könyvelő", "értékesítő"},
      "Keretszerződés áruk és szolgáltatások szállítására.",
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

// ASCII e-mail local parts and domains from Slovak/Czech/Hungarian names.
std::string ascii_slug(std::string_view text) {
  static constexpr std::pair<char const*, char> letters[] = {
      {"á", 'a'}, {"ä", 'a'}, {"č", 'c'}, {"ď", 'd'}, {"é", 'e'}, {"ě", 'e'}, {"í", 'i'}, {"ĺ", 'l'}, {"ľ", 'l'},
      {"ň", 'n'}, {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"ő", 'o'}, {"ŕ", 'r'}, {"ř", 'r'}, {"š", 's'}, {"ť", 't'},
      {"ú", 'u'}, {"ů", 'u'}, {"ü", 'u'}, {"ű", 'u'}, {"ý", 'y'}, {"ž", 'z'}, {"Á", 'a'}, {"Č", 'c'}, {"É", 'e'},
      {"Í", 'i'}, {"Ľ", 'l'}, {"Ó", 'o'}, {"Ö", 'o'}, {"Ő", 'o'}, {"Š", 's'}, {"Ú", 'u'}, {"Ü", 'u'}, {"Ž", 'z'},
  };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    for (auto const& [utf8, ascii] : letters) {
      std::string_view const letter(utf8);
      if (text.substr(i, letter.size()) == letter) {
        out += ascii;
        i += letter.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    char const c = text[i++];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string company_domain(std::string const& name) {
  std::string slug = ascii_slug(name);
  for (char const* suffix : {"-s-r-o", "-a-s", "-kft", "-zrt", "-bt"}) {
    std::string_view const s(suffix);
    if (slug.size() > s.size() && slug.compare(slug.size() - s.size(), s.size(), s) == 0)
      slug.resize(slug.size() - s.size());
  }
  return slug + ".example";
}

std::string digits(Rng& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng.below(10));
  return out;
}

// IČO / DIČ / IČ DPH in each country's format (Hungary: cégjegyzékszám, adószám, EU VAT id).
void add_tax_ids(nlohmann::json& attributes, PartnerCountry country, Rng& rng) {
  if (country == kHungary) {
    std::string const core = digits(rng, 8);
    attributes["ico"] = "01-09-" + digits(rng, 6);
    attributes["dic"] = core + "-2-" + digits(rng, 2);
    attributes["ic-dph"] = "HU" + core;
  } else if (country == kCzechia) {
    std::string const ico = digits(rng, 8);
    attributes["ico"] = ico;
    attributes["dic"] = "CZ" + ico;
    attributes["ic-dph"] = "CZ" + ico;
  } else {
    std::string const dic = "20" + digits(rng, 8);
    attributes["ico"] = digits(rng, 8);
    attributes["dic"] = dic;
    attributes["ic-dph"] = "SK" + dic;
  }
}

nlohmann::json account_attributes(PartnerCountry country, Rng& rng) {
  static constexpr char const* swifts[] = {"TATRSKBX", "SUBASKBX", "GIBASKBX", "OTPVHUHB", "KOMBCZPP"};
  std::string const prefix = country == kHungary ? "HU" : country == kCzechia ? "CZ" : "SK";
  std::string const bank = country == kHungary ? digits(rng, 3) : digits(rng, 4);
  std::string const number = digits(rng, 10);
  std::string const check = digits(rng, 2);  // one call per statement: the order of rng draws is fixed
  std::string const branch = digits(rng, country == kHungary ? 13 : 6);
  std::string const iban = prefix + check + bank + branch + number;
  return {{"prefix", nullptr}, {"bank-name", nullptr},          {"number", number},
          {"iban", iban},      {"swift", swifts[rng.below(5)]}, {"bank-code", bank}};
}

nlohmann::json contact_attributes(Person const& p, std::string const& domain, PartnerLocale const& l, Rng& rng) {
  std::string mobile = l.mobile_prefix + digits(rng, 2);
  mobile += " " + digits(rng, 3);
  mobile += " " + digits(rng, 3);
  return {{"salutation", nullptr},
          {"title", rng.chance(25) ? nlohmann::json("Ing.") : nlohmann::json()},
          {"first-name", p.first},
          {"last-name", p.last},
          {"post-nominal-letters", nullptr},
          {"email", ascii_slug(p.first) + "." + ascii_slug(p.last) + "@" + domain},
          {"phone", nullptr},
          {"mobile", mobile},
          {"job-title", l.job_titles[rng.below(l.job_titles.size())]},
          {"custom", nullptr},
          {"comment", nullptr},
          {"is-subscribed", rng.chance(40)}};
}

nlohmann::json link(Record const& record) { return identifier(record.ref()); }

struct PartnerCatalogs {
  std::vector<Record const*> types;
  std::vector<std::vector<Record const*>> subtypes;
  std::vector<Record const*> tags;
  std::vector<Record const*> users;
  std::array<Record const*, 5> fields{};
  std::vector<Record const*> segments;
};

PartnerCatalogs seed_code_lists(Seeder& s, PartnerLocale const& l) {
  PartnerCatalogs c;
  for (std::size_t t = 0; t < l.types.size(); ++t) {
    Record const& type =
        s.add("business-relationship", {{"name", l.types[t]}, {"order", t + 1}}, {{"parent", nullptr}});
    c.types.push_back(&type);
    c.subtypes.emplace_back();
    for (std::size_t k = 0; k < l.subtypes[t].size() && l.subtypes[t][k] != nullptr; ++k) {
      c.subtypes.back().push_back(
          &s.add("business-relationship", {{"name", l.subtypes[t][k]}, {"order", k + 1}}, {{"parent", link(type)}}));
    }
  }
  for (char const* tag : l.tags) c.tags.push_back(&s.add("tag", {{"name", tag}}));
  ValueType const kinds[] = {ValueType::kText, ValueType::kNumber, ValueType::kDate, ValueType::kBoolean,
                             ValueType::kEnumeration};
  for (std::size_t f = 0; f < c.fields.size(); ++f) {
    std::vector<std::string> options;
    if (kinds[f] == ValueType::kEnumeration) options.assign(l.segments.begin(), l.segments.end());
    c.fields[f] = &seed_custom_field(s, "partner", l.fields[f], kinds[f], static_cast<int>(f + 1), options);
  }
  for (auto const& ref : c.fields[4]->related("value-definitions")) c.segments.push_back(s.find(ref.type, ref.id));
  c.users = s.all("user");
  return c;
}

// relationship name -> linkage: one value of each custom field kind.
nlohmann::json custom_values(Seeder& s, PartnerCatalogs const& c, std::size_t n) {
  auto value = [&](char const* type, std::size_t field, nlohmann::json v) {
    return nlohmann::json::array(
        {link(s.add(type, {{"value", std::move(v)}}, {{"custom-field", link(*c.fields[field])}}))});
  };
  char contract[32];
  std::snprintf(contract, sizeof contract, "ZML-2024-%04zu", n + 1);
  std::string const signed_on = format_local(s.now() - std::int64_t{86400} * s.rng().between(30, 900)).substr(0, 10);
  return {
      {"custom-field-string-values", value("custom-field-string-value", 0, contract)},
      {"custom-field-numeric-values", value("custom-field-numeric-value", 1, 1000 * (1 + s.rng().below(50)))},
      {"custom-field-date-values", value("custom-field-date-value", 2, signed_on + "T00:00:00")},
      {"custom-field-bool-values", value("custom-field-bool-value", 3, s.rng().chance(30))},
      {"custom-field-enum-values",
       nlohmann::json::array({link(s.add(
           "custom-field-enum-value", nlohmann::json::object(),
           {{"value", link(*c.segments[s.rng().below(c.segments.size())])}, {"custom-field", link(*c.fields[4])}}))})},
  };
}

void seed_partner(Seeder& s, PartnerLocale const& l, PartnerCatalogs const& c, std::size_t n) {
  DemoPartner const& p = l.partners[n];
  Rng& rng = s.rng();
  bool const company = p.type == 1;

  nlohmann::json attributes = {{"name", p.name},
                               {"type", p.type},
                               {"comment", nullptr},
                               {"ico", nullptr},
                               {"dic", nullptr},
                               {"ic-dph", nullptr},
                               {"invoice-maturity", company ? 14 * rng.between(1, 4) : 0}};
  if (company) add_tax_ids(attributes, p.country, rng);

  std::string const name(p.name);
  auto const space = name.find(' ');
  std::string const surname = name.substr(0, space), first_name = name.substr(space + 1);
  std::string const domain = company ? company_domain(name) : "posta.example";
  Person const key_person =
      company ? l.contacts[rng.below(l.contacts.size())] : Person{first_name.c_str(), surname.c_str()};

  Record const& address = s.add("address", {{"street", p.street}, {"city", p.city}, {"zip", p.zip}},
                                {{"country", identifier({"country", std::to_string(p.country)})}});
  Record const& key_contact = s.add("contact", contact_attributes(key_person, domain, l, rng));
  nlohmann::json contacts = nlohmann::json::array();
  for (int k = company ? rng.between(0, 2) : 0; k > 0; --k) {
    contacts.push_back(
        link(s.add("contact", contact_attributes(l.contacts[rng.below(l.contacts.size())], domain, l, rng))));
  }
  nlohmann::json accounts = nlohmann::json::array();
  if (company) accounts.push_back(link(s.add("account", account_attributes(p.country, rng))));
  nlohmann::json tags = nlohmann::json::array();
  for (std::size_t t = 0; t < c.tags.size(); ++t) {
    if (rng.chance(25)) tags.push_back(link(*c.tags[t]));
  }

  std::size_t const type = company ? rng.below(2) : 2 * rng.below(2);  // persons: customers or prospects
  auto const& subtypes = c.subtypes[type];
  nlohmann::json relationships = {
      {"base-business-relationship", link(*c.types[type])},
      // The first partner fills every link (FLOWii's examples show them all).
      {"extended-business-relationship",
       rng.chance(70) || n == 0 ? link(*subtypes[rng.below(subtypes.size())]) : nlohmann::json()},
      {"billing-address", link(address)},
      {"mailing-address", link(address)},
      {"delivery-address", n == 0 ? link(address) : nlohmann::json()},
      {"responsible-user", link(*c.users[rng.below(c.users.size())])},
      {"key-contact", link(key_contact)},
      {"contacts", contacts},
      {"accounts", accounts},
      {"tags", tags},
  };
  if (n % 2 == 0) {
    auto const values = custom_values(s, c, n);
    for (auto const& [key, linkage] : values.items()) relationships[key] = linkage;
  }
  Record& partner = s.add("partner", attributes, relationships);
  partner.created = s.now() - std::int64_t{86400} * rng.between(20, 700);
  partner.created -= rng.between(0, 86399);
  partner.edited =
      partner.created + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(s.now() - partner.created)));

  if (n == 0) {  // one attachment, so /partners/{id}/files and /files/{id} have data
    s.add("file",
          {{"name", "zmluva.txt"},
           {"content", common::base64_encode(l.file_text)},
           {"content-type", "text/plain"},
           {"note", nullptr},
           {"link", nullptr},
           {"size", std::string_view(l.file_text).size()},
           {"created-date", format_local(partner.created)}},
          {{"user", link(*c.users.front())}}, {}, partner.ref());
  }
}

}  // namespace

void seed_partners(Seeder& s) {
  PartnerLocale const& l = locale(s.company_index());
  PartnerCatalogs const c = seed_code_lists(s, l);
  for (std::size_t n = 0; n < l.partners.size(); ++n) seed_partner(s, l, c, n);
}

}  // namespace flowii::emulator
