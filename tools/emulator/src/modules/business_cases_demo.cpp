// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the business-cases module: states, sources, failure reasons,
// custom fields and ~14 Slovak or Hungarian business cases per company, with
// e-mails and one attachment. The first company reuses the blueprint's ids
// for its code lists and first cases, so documented example paths resolve.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "clock.hpp"
#include "modules/business_cases.hpp"

namespace flowii::emulator {

namespace {

struct Texts {
  std::vector<StateText> states;  // type: 1 in progress, 2 won, 3 postponed, 4 lost
  std::array<char const*, 4> failures;
  std::array<char const*, 5> sources;
  std::array<char const*, 14> subjects;
  std::array<char const*, 3> mail_subjects;
  SalesTexts common;
};

Texts const& texts(std::size_t company_index) {
  static Texts const slovak{
      {{"10% Kontakt", 1},
       {"25% Analýza potrieb", 1},
       {"50% Cenová ponuka", 1},
       {"75% Rokovanie", 1},
       {"Odložený", 3},
       {"Úspech", 2},
       {"Zrušený klientom", 4},
       {"Neúspech", 4}},
      {"Vysoká cena", "Klient si vybral konkurenciu", "Nedostatok rozpočtu", "Projekt bol zrušený"},
      {"Webová stránka", "Odporúčanie", "Veľtrh", "Telefonát", "E-mailová kampaň"},
      {"Dodávka serverovne", "Implementácia CRM", "Rekonštrukcia kancelárií", "Ročná servisná zmluva",
       "Dodávka pracovných odevov", "Rozšírenie skladu", "Školenie zamestnancov", "Nová webová stránka",
       "Fotovoltika na streche", "Flotila služobných áut", "Audit bezpečnosti IT", "Marketingová kampaň",
       "Výmena osvetlenia za LED", "Dodávka kancelárskeho nábytku"},
      {"Cenová ponuka", "Re: Cenová ponuka", "Zápis zo stretnutia"},
      {{"Kód projektu", "Pravdepodobnosť (%)", "Termín ponuky", "Strategický klient", "Produktová línia"},
       {"Hardvér", "Softvér", "Služby"},
       "Dopyt klienta ",
       "Klient zvolil lacnejšiu ponuku.",
       "ponuka.txt",
       "Cenová ponuka platná 30 dní od vystavenia."},
  };
  static Texts const hungarian{
      {{"10% Kapcsolatfelvétel", 1},
       {"25% Igényfelmérés", 1},
       {"50% Árajánlat", 1},
       {"75% Tárgyalás", 1},
       {"Elhalasztva", 3},
       {"Sikeres", 2},
       {"Ügyfél visszalépett", 4},
       {"Sikertelen", 4}},
      {"Magas ár", "Az ügyfél a versenytársat választotta", "Nincs költségvetés", "A projekt leállt"},
      {"Weboldal", "Ajánlás", "Kiállítás", "Telefonhívás", "E-mail kampány"},
      {"Szerverterem szállítása", "CRM bevezetése", "Irodafelújítás", "Éves szervizszerződés", "Munkaruha szállítása",
       "Raktárbővítés", "Munkatársak képzése", "Új weboldal", "Napelemes rendszer", "Céges autóflotta",
       "IT biztonsági audit", "Marketingkampány", "LED világítás csere", "Irodabútor szállítása"},
      {"Árajánlat", "Re: Árajánlat", "Megbeszélés jegyzőkönyve"},
      {{"Projektkód", "Valószínűség (%)", "Ajánlat határideje", "Stratégiai ügyfél", "Termékcsoport"},
       {"Hardver", "Szoftver", "Szolgáltatás"},
       "Ügyfél megkeresése: ",
       "Az ügyfél olcsóbb ajánlatot választott.",
       "ajanlat.txt",
       "Az árajánlat a kiállítástól számított 30 napig érvényes."},
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

struct BusinessCaseCodeLists {
  std::vector<Record const*> states;
  std::vector<Record const*> failures;
  SeededFields fields;
};

BusinessCaseCodeLists seed_code_lists(Seeder& s, Texts const& t) {
  BusinessCaseCodeLists c;
  c.states = seed_states(s, "business-case-state", t.states,
                         {"47593", "47594", "47595", "47596", "47597", "47598", "47599", "47600"});
  for (std::size_t i = 0; i < t.failures.size(); ++i) {
    c.failures.push_back(&s.add("business-case-failure", {{"name", t.failures[i]}}, {},
                                first_company_id(s, {"257", "258", "259", "260"}, i)));
  }
  for (std::size_t i = 0; i < t.sources.size(); ++i) {
    s.add("business-case-source", {{"name", t.sources[i]}}, {},
          first_company_id(s, {"257", "258", "259", "260", "261"}, i));
  }
  c.fields = seed_fields(s, "business-case", t.common);
  return c;
}

// Which state each demo case is in (indices into Texts::states): mostly open
// cases, some won, lost and postponed ones. The first one is won (it goes on
// as the first order) and belongs to the first partner.
constexpr std::size_t state_plan[] = {5, 1, 0, 2, 3, 7, 4, 2, 5, 1, 6, 0, 3, 5};

void seed_case(Seeder& s, Texts const& t, BusinessCaseCodeLists const& c, std::size_t n) {
  Rng& rng = s.rng();
  auto const partners = s.all("partner");
  auto const users = s.all("user");
  std::size_t const drawn = (n * 7 + rng.below(3)) % partners.size();
  Record const& partner = *partners[n == 0 ? 0 : drawn];
  StateText const& state = t.states[state_plan[n]];
  bool const closed = state.type == 2 || state.type == 4;

  std::int64_t const created = s.now() - 86400 * (static_cast<std::int64_t>(n) * 11 + rng.between(8, 20));
  std::int64_t const finished = std::min(s.now() - 86400, created + std::int64_t{86400} * rng.between(10, 45));
  std::string const partner_name = partner.attributes.value("name", "");
  nlohmann::json attributes = {
      {"name", t.subjects[n]},
      {"description", t.common.description_prefix + partner_name},
      {"created", days_from(created, 0)},
      {"anticipated-finish-date", closed ? nlohmann::json() : nlohmann::json(days_from(created, rng.between(30, 90)))},
      {"finish-date", closed ? nlohmann::json(days_from(finished, 0)) : nlohmann::json()},
      {"anticipated-income-amount", n % 5 == 4 ? nlohmann::json() : nlohmann::json(50 * rng.between(20, 900))},
      {"failed-finish-note", state.type == 4 ? nlohmann::json(t.common.failed_note) : nlohmann::json()},
  };
  attributes["serial-nr"] = zero_padded(static_cast<std::int64_t>(n) + 1, 4);

  std::vector<Record const*> responsible{users[rng.below(users.size())]};
  if (rng.chance(30) && responsible.front() != users.front()) responsible.push_back(users.front());
  nlohmann::json relationships = {
      {"state", link(*c.states[state_plan[n]])},
      {"failure", state.type == 4 ? link(*c.failures[rng.below(c.failures.size())]) : nlohmann::json()},
      {"partner", link(partner)},
      {"responsible-users", links(responsible)},
      {"responsible-user", link(*responsible.front())},
  };
  if (n % 2 == 0) {
    std::string const code = "PRJ-" + std::to_string(100 + n);
    auto const values = seed_custom_values(s, c.fields.fields,
                                           {code, 10 * rng.between(1, 9), days_from(created, 14), rng.chance(40),
                                            c.fields.options[rng.below(c.fields.options.size())]});
    relationships.update(values);
  }
  Record& bc = s.add("business-case", attributes, relationships, first_company_id(s, {"40423", "40424", "40506"}, n));
  bc.created = created;
  bc.edited = closed ? finished : created + std::int64_t{86400} * rng.between(0, 5);

  std::vector<std::string> mails;
  std::size_t const drawn_mails = rng.below(3);
  for (std::size_t m = 0, count = n == 0 ? 2 : drawn_mails; m < count; ++m)
    mails.push_back(t.mail_subjects[m] + std::string(" – ") + t.subjects[n]);
  seed_mails(s, bc, "business-case", link(partner), mails);
  if (n == 0) seed_attachment(s, bc, t.common.file_name, t.common.file_text, *users.front());
}

}  // namespace

void seed_business_cases(Seeder& s) {
  Texts const& t = texts(s.company_index());
  BusinessCaseCodeLists const c = seed_code_lists(s, t);
  for (std::size_t n = 0; n < t.subjects.size(); ++n) seed_case(s, t, c, n);
}

}  // namespace flowii::emulator
