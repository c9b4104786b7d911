// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the tasks & events module, per company: activity types, task
// categories with subcategories, task custom fields, communication categories
// and types, ~16 tasks with activities, logged intervals, messages and custom
// values, and ~20 communications, linked to the seeded partners (and to orders
// and business cases when those modules seeded any).
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "modules/business_cases.hpp"
#include "modules/custom_fields.hpp"
#include "modules/registry.hpp"
#include "modules/tasks.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t hour = 3600;

struct DemoTask {
  char const* caption;
  int category;     // index into TaskLocale::categories
  int subcategory;  // index into that category's subcategories, -1 = none
};

struct Category {
  char const* name;
  std::vector<char const*> subcategories;
};

struct CommunicationKind {
  char const* name;
  bool direction_presence;
  int type;  // FLOWii's undocumented `type`; 0 = null
};

// Everything that differs between a Slovak and a Hungarian demo company.
struct TaskLocale {
  std::array<char const*, 4> activity_types;  // [0] does the work, [1] checks it
  std::vector<Category> categories;
  std::vector<DemoTask> tasks;
  std::array<char const*, 4> descriptions;
  std::array<char const*, 4> messages;
  std::array<char const*, 5> fields;      // text, number, date, bool, enum
  std::array<char const*, 3> priorities;  // enum options
  std::array<char const*, 4> communication_categories;
  std::array<CommunicationKind, 4> communication_types;
  std::array<char const*, 8> notes;
  char const* file_text;
};

TaskLocale const& locale(std::size_t company_index) {
  static TaskLocale const slovak{
      {"Realizácia", "Kontrola", "Konzultácia", "Doprava"},
      {{"Servis", {"Reklamácia", "Údržba"}},
       {"Obchod", {"Cenová ponuka", "Stretnutie"}},
       {"Administratíva", {"Účtovníctvo"}}},
      {
          {"Reklamácia dodávky dverí", 0, 0},
          {"Pravidelná údržba klimatizácie", 0, 1},
          {"Oprava tlačiarne v kancelárii", 0, 1},
          {"Výmena poškodeného tovaru", 0, 0},
          {"Cenová ponuka na zateplenie budovy", 1, 0},
          {"Cenová ponuka – kancelársky nábytok", 1, 0},
          {"Stretnutie s konateľom zákazníka", 1, 1},
          {"Prezentácia nových produktov", 1, 1},
          {"Mesačná uzávierka", 2, 0},
          {"Kontrola neuhradených faktúr", 2, 0},
          {"Inventúra skladu", 2, -1},
          {"Aktualizácia cenníka", 1, -1},
          {"Školenie obsluhy zariadenia", 0, -1},
          {"Doprava materiálu na stavbu", 0, -1},
          {"Objednávka spotrebného materiálu", 2, -1},
          {"Audit BOZP na prevádzke", 2, -1},
      },
      {"Dohodnuté telefonicky so zákazníkom.", "Podklady sú v prílohe úlohy.",
       "Termín potvrdený e-mailom, materiál zabezpečí sklad.", "Priorita podľa dohody na porade."},
      {"Zákazník potvrdil termín.", "Materiál je objednaný, čakáme na dodanie.", "Hotovo, prosím o kontrolu.",
       "Presunuté na budúci týždeň."},
      {"Číslo reklamácie", "Odhad nákladov", "Dátum odovzdania", "Fakturovať", "Naliehavosť"},
      {"Nízka", "Stredná", "Vysoká"},
      {"Oslovenie nového zákazníka", "Oslovenie existujúceho zákazníka", "Follow-up", "Reklamácia"},
      {{{"Email", true, 1}, {"Telefonát", true, 0}, {"Osobné stretnutie", false, 0}, {"Videohovor", false, 0}}},
      {"Telefonický dohovor o termíne dodania.", "Odoslaná cenová ponuka e-mailom.",
       "Osobné stretnutie v sídle zákazníka.", "Pripomienka neuhradenej faktúry.", "Dohodnutá ukážka produktu.",
       "Zákazník žiada zľavu pri väčšom odbere.", "Overenie spokojnosti po dodaní.", "Prerokovanie rámcovej zmluvy."},
      "Protokol o odovzdaní a prevzatí diela.",
  };
  static TaskLocale const hungarian{
      {"Megvalósítás", "Ellenőrzés", "Konzultáció", "Szállítás"},
      {{"Szerviz", {"Reklamáció", "Karbantartás"}},
       {"Értékesítés", {"Árajánlat", "Találkozó"}},
       {"Adminisztráció", {"Könyvelés"}}},
      {
          {"Ajtószállítás reklamációja", 0, 0},
          {"Klíma időszakos karbantartása", 0, 1},
          {"Irodai nyomtató javítása", 0, 1},
          {"Sérült áru cseréje", 0, 0},
          {"Árajánlat épületszigetelésre", 1, 0},
          {"Árajánlat – irodabútor", 1, 0},
          {"Találkozó az ügyfél ügyvezetőjével", 1, 1},
          {"Új termékek bemutatója", 1, 1},
          {"Havi zárás", 2, 0},
          {"Kifizetetlen számlák ellenőrzése", 2, 0},
          {"Raktárleltár", 2, -1},
          {"Árlista frissítése", 1, -1},
          {"Gépkezelői oktatás", 0, -1},
          {"Anyagszállítás az építkezésre", 0, -1},
          {"Fogyóeszközök megrendelése", 2, -1},
          {"Munkavédelmi audit a telephelyen", 2, -1},
      },
      {"Telefonon egyeztetve az ügyféllel.", "A dokumentumok a feladat mellékletében.",
       "Időpont e-mailben visszaigazolva, az anyagot a raktár biztosítja.", "Prioritás a megbeszélés szerint."},
      {"Az ügyfél visszaigazolta az időpontot.", "Az anyag megrendelve, szállításra várunk.",
       "Kész, kérem ellenőrizni.", "Áthelyezve a jövő hétre."},
      {"Reklamációszám", "Becsült költség", "Átadás dátuma", "Számlázandó", "Sürgősség"},
      {"Alacsony", "Közepes", "Magas"},
      {"Új ügyfél megkeresése", "Meglévő ügyfél megkeresése", "Utánkövetés", "Reklamáció"},
      {{{"E-mail", true, 1}, {"Telefonhívás", true, 0}, {"Személyes találkozó", false, 0}, {"Videóhívás", false, 0}}},
      {"Telefonos egyeztetés a szállítási határidőről.", "Árajánlat elküldve e-mailben.",
       "Személyes találkozó az ügyfél székhelyén.", "Emlékeztető a kifizetetlen számláról.",
       "Termékbemutató egyeztetve.", "Az ügyfél nagyobb tételnél kedvezményt kér.",
       "Elégedettség ellenőrzése szállítás után.", "Keretszerződés megtárgyalása."},
      "Átadás-átvételi jegyzőkönyv.",
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

template <typename T>
T const& pick(Rng& rng, std::vector<T> const& items) {
  return items[rng.below(items.size())];
}

// The first record `type` of the company whose `partner` is this partner, or null.
nlohmann::json linked_to_partner(Seeder& s, char const* type, Record const* partner) {
  if (partner == nullptr) return nullptr;
  for (Record const* r : s.all(type)) {
    auto const p = r->related("partner");
    if (!p.empty() && p.front() == partner->ref()) return link(*r);
  }
  return nullptr;
}

// The partner of the company's k-th order that continues a business case, so
// the first tasks and communication show every relationship; else the partner
// of the first order, else the first partner.
Record const* busy_partner(Seeder& s, std::vector<Record const*> const& partners, std::size_t k = 0) {
  Record const* fallback = nullptr;
  for (Record const* order : s.all("order")) {
    auto const p = order->related("partner");
    Record const* partner = p.empty() ? nullptr : s.find(p.front().type, p.front().id);
    if (partner == nullptr) continue;
    if (fallback == nullptr) fallback = partner;
    if (!order->related("business-case").empty() && k-- == 0) return partner;
  }
  return fallback != nullptr ? fallback : partners.front();
}

// In the first company the records the blueprint's examples name get those ids,
// so documented paths (/tasks/142733, ...) resolve there.
std::vector<std::vector<char const*>> const example_activity_ids = {{"171568", "171569"}, {"171570"}};

struct TaskCatalogs {
  std::vector<Record const*> activity_types;
  std::vector<Record const*> categories;
  std::vector<std::vector<Record const*>> subcategories;
  std::array<Record const*, 5> fields{};
  std::vector<Record const*> priorities;
  std::vector<Record const*> communication_categories;
  std::vector<Record const*> communication_types;
  std::vector<Record const*> users;
  std::vector<Record const*> partners;
};

TaskCatalogs seed_code_lists(Seeder& s, TaskLocale const& l) {
  TaskCatalogs c;
  for (std::size_t i = 0; i < l.activity_types.size(); ++i) {
    c.activity_types.push_back(
        &s.add("activity-type", {{"name", l.activity_types[i]}}, {}, first_company_id(s, {"12243", "31739"}, i)));
  }
  for (std::size_t i = 0; i < l.categories.size(); ++i) {
    Record const& category = s.add("task-category", {{"name", l.categories[i].name}, {"order", i}},
                                   {{"parent", nullptr}}, first_company_id(s, {"2254"}, i));
    c.categories.push_back(&category);
    c.subcategories.emplace_back();
    for (std::size_t k = 0; k < l.categories[i].subcategories.size(); ++k) {
      c.subcategories.back().push_back(
          &s.add("task-category", {{"name", l.categories[i].subcategories[k]}, {"order", k}},
                 {{"parent", link(category)}}, i == 0 ? first_company_id(s, {"2255"}, k) : ""));
    }
  }
  ValueType const kinds[] = {ValueType::kText, ValueType::kNumber, ValueType::kDate, ValueType::kBoolean,
                             ValueType::kEnumeration};
  for (std::size_t f = 0; f < c.fields.size(); ++f) {
    std::vector<std::string> options;
    if (kinds[f] == ValueType::kEnumeration) options.assign(l.priorities.begin(), l.priorities.end());
    c.fields[f] = &seed_custom_field(s, "task", l.fields[f], kinds[f], static_cast<int>(f + 1), options);
  }
  for (auto const& ref : c.fields[4]->related("value-definitions")) c.priorities.push_back(s.find(ref.type, ref.id));
  for (std::size_t i = 0; i < l.communication_categories.size(); ++i) {
    c.communication_categories.push_back(&s.add("communication-category",
                                                {{"name", l.communication_categories[i]}, {"order", i + 1}}, {},
                                                first_company_id(s, {"31739", "31740", "31741"}, i)));
  }
  for (std::size_t i = 0; i < l.communication_types.size(); ++i) {
    CommunicationKind const& kind = l.communication_types[i];
    c.communication_types.push_back(&s.add("communication-type",
                                           {{"name", kind.name},
                                            {"direction-presence", kind.direction_presence},
                                            {"type", kind.type != 0 ? nlohmann::json(kind.type) : nlohmann::json()}},
                                           {}, first_company_id(s, {"20663", "20661"}, i)));
  }
  c.users = s.all("user");
  c.partners = s.all("partner");
  return c;
}

// One value of every task custom field (relationship name -> linkage).
nlohmann::json custom_values(Seeder& s, TaskCatalogs const& c, std::size_t n, std::int64_t deadline) {
  auto value = [&](char const* type, std::size_t field, nlohmann::json v) {
    return nlohmann::json::array(
        {link(s.add(type, {{"value", std::move(v)}}, {{"custom-field", link(*c.fields[field])}}))});
  };
  return {
      {"custom-field-string-values", value("custom-field-string-value", 0, "REK-" + std::to_string(2400 + n))},
      {"custom-field-numeric-values", value("custom-field-numeric-value", 1, 50 * s.rng().between(2, 40))},
      {"custom-field-date-values",
       value("custom-field-date-value", 2, format_local(deadline).substr(0, 10) + "T00:00:00")},
      {"custom-field-bool-values", value("custom-field-bool-value", 3, s.rng().chance(50))},
      {"custom-field-enum-values",
       nlohmann::json::array(
           {link(s.add("custom-field-enum-value", nlohmann::json::object(),
                       {{"value", link(*pick(s.rng(), c.priorities))}, {"custom-field", link(*c.fields[4])}}))})},
  };
}

// Work-hours intervals on the days an activity was worked on, ending before `until`.
void seed_intervals(Seeder& s, Record const& task, Record const& activity, std::int64_t start, std::int64_t until,
                    std::vector<char const*> const& ids) {
  Rng& rng = s.rng();
  std::int64_t morning = start - start % day + day + 8 * hour;  // 08:00 the next day
  std::size_t n = 0;
  for (int k = rng.between(1, 3); k > 0 && morning + 5 * hour < until; --k, ++n) {
    std::int64_t const from = morning + hour * rng.between(0, 2);
    std::int64_t const to = from + hour / 2 * rng.between(1, 6);
    Record& interval = s.add("activity-interval", {{"from", format_local(from)}, {"to", format_local(to)}},
                             {{"activity", link(activity)}}, first_company_id(s, ids, n), task.ref());
    interval.created = interval.edited = to;
    morning += day * rng.between(1, 3);
  }
}

void seed_task(Seeder& s, TaskLocale const& l, TaskCatalogs const& c, std::size_t n) {
  Rng& rng = s.rng();
  DemoTask const& demo = l.tasks[n];
  std::int64_t const created = s.now() - day * rng.between(2, 60) - hour * rng.between(0, 8);
  std::int64_t const deadline = created - created % day + day * rng.between(5, 45) + 16 * hour;
  // Older tasks are further along: done, then in progress, then waiting.
  std::int64_t const progress = n % 3 == 0 ? state_done : n % 3 == 1 ? state_in_progress : state_waiting;
  Record const* creator = pick(rng, c.users);
  // The first two tasks show every link: 142734 is about the first order (and
  // its case), with one activity, as FLOWii's sub-list examples show a task;
  // 142733 is about another one, with two activities.
  Record const* partner = n == 0 ? busy_partner(s, c.partners, 1) : n % 5 == 4 ? nullptr : pick(rng, c.partners);
  if (n == 1) partner = busy_partner(s, c.partners);

  Record const* subcategory = demo.subcategory < 0 ? nullptr : c.subcategories[demo.category][demo.subcategory];
  nlohmann::json attributes = {
      {"serial-nr", zero_padded(static_cast<std::int64_t>(n) + 1, 4)},
      {"caption", demo.caption},
      {"description", l.descriptions[rng.below(l.descriptions.size())]},
      {"priority", 50 * rng.between(0, 2)},
      {"planned-from", format_local(created - created % day + day + 8 * hour)},
      {"planned-to", format_local(deadline)},
      {"deadline", format_local(deadline)},
      {"estimated-duration", rng.between(1, 16)},
  };

  // The performer's activity, then on some tasks a check by a colleague.
  nlohmann::json activities = nlohmann::json::array();
  std::vector<Record const*> activity_records;
  std::vector<std::int64_t> worked_until;
  std::vector<std::int64_t> states;
  int const count = n % 4 == 3 || n == 1 ? 1 : 2;
  for (int a = 0; a < count; ++a) {
    std::int64_t const state = a == 0 ? progress : progress == state_done ? state_done : state_waiting;
    nlohmann::json act = {{"state", state},
                          {"planned-from", nullptr},
                          {"planned-to", nullptr},
                          {"from", nullptr},
                          {"to", nullptr},
                          {"deadline", format_local(deadline - (count - 1 - a) * day)},
                          {"estimated-duration", rng.between(1, 8)},
                          {"note", nullptr},
                          {"is-main", a == 0},
                          {"order", a + 1}};
    if (state != state_waiting) act["from"] = format_local(created - created % day + day + 8 * hour);
    std::int64_t end = s.now();
    if (state == state_done) {
      end = std::min(s.now() - hour, created - created % day + day * rng.between(2, 6) + 15 * hour);
      act["to"] = format_local(end);
    }
    Record const& activity =
        s.add("activity", act,
              {{"activity-type", link(*c.activity_types[a == 0 ? 0 : 1])}, {"user", link(*pick(rng, c.users))}},
              n < example_activity_ids.size() ? first_company_id(s, example_activity_ids[n], a) : "");
    activity_records.push_back(&activity);
    worked_until.push_back(end);
    activities.push_back(link(activity));
    states.push_back(state);
  }
  attributes["state"] = task_state_of(states);

  nlohmann::json messages = nlohmann::json::array();
  for (int m = progress == state_waiting ? 0 : rng.between(1, 2), k = 0; m > 0; --m, ++k) {
    std::int64_t const when = created + hour * rng.between(2, 40);
    Record& message = s.add(
        "task-message",
        {{"created", format_local(std::min(when, s.now()))}, {"message", l.messages[rng.below(l.messages.size())]}},
        {{"user", link(*pick(rng, c.users))}},
        n == 0 ? first_company_id(s, {"10428"}, static_cast<std::size_t>(k)) : "");
    message.created = message.edited = std::min(when, s.now());
    messages.push_back(link(message));
  }

  nlohmann::json relationships = {
      {"user", link(*creator)},
      {"activities", activities},
      {"task-messages", messages},
      {"category", link(*c.categories[demo.category])},
      {"subcategory", subcategory != nullptr ? link(*subcategory) : nlohmann::json()},
      {"partner", partner != nullptr ? link(*partner) : nlohmann::json()},
      {"business-case", linked_to_partner(s, "business-case", partner)},
      {"order", n % 2 == 0 || n == 1 ? linked_to_partner(s, "order", partner) : nlohmann::json()},
  };
  if (n % 3 == 1) {
    auto const values = custom_values(s, c, n, deadline);  // named: items() must not outlive a temporary
    for (auto const& [key, linkage] : values.items()) relationships[key] = linkage;
  }
  Record& task = s.add("task", attributes, relationships, first_company_id(s, {"142733", "142734"}, n));
  task.created = created;
  task.edited = std::min(s.now(), created + day * rng.between(0, 3));

  for (std::size_t a = 0; a < activity_records.size(); ++a) {
    if (states[a] == state_waiting) continue;
    std::vector<char const*> ids;
    if (n == 0 && a == 0) ids = {"256911", "256912"};
    seed_intervals(s, task, *activity_records[a], created, worked_until[a], ids);
  }
  if (n == 0) seed_attachment(s, task, "protokol.txt", l.file_text, *creator);
}

void seed_communication(Seeder& s, TaskLocale const& l, TaskCatalogs const& c, std::size_t n) {
  Rng& rng = s.rng();
  Record const* partner = n == 0 ? busy_partner(s, c.partners) : pick(rng, c.partners);
  Record const* kind = pick(rng, c.communication_types);
  bool const has_direction = kind->attributes.value("direction-presence", false);
  // Two thirds happened (done, finished in the past), the rest are planned ahead.
  bool const done = n % 3 != 2;
  std::int64_t const created = s.now() - day * rng.between(1, 90) - hour * rng.between(0, 8);
  nlohmann::json attributes = {
      {"note", n % 7 == 6 ? nlohmann::json() : nlohmann::json(l.notes[rng.below(l.notes.size())])},
      {"direction", has_direction ? rng.between(1, 2) : 0},
      {"planned-from", nullptr},
      {"planned-to", nullptr},
      {"finished", nullptr},
      {"state", done ? state_done : state_waiting},
  };
  if (done) {
    attributes["finished"] = format_local(std::min(s.now() - hour, created + hour * rng.between(1, 48)));
  } else {
    std::int64_t const start = s.now() - s.now() % day + day * rng.between(1, 21) + hour * rng.between(8, 15);
    attributes["planned-from"] = format_local(start);
    attributes["planned-to"] = format_local(start + hour / 2 * rng.between(1, 4));
  }
  Record const* user = pick(rng, c.users);
  Record& communication =
      s.add("communication", attributes,
            {{"category", link(*pick(rng, c.communication_categories))},
             {"type", link(*kind)},
             {"user", link(*user)},
             {"partner", link(*partner)},
             {"business-case", n % 2 == 0 ? linked_to_partner(s, "business-case", partner) : nlohmann::json()},
             {"order", n % 2 == 1 || n == 0 ? linked_to_partner(s, "order", partner) : nlohmann::json()}},
            first_company_id(s, {"195869", "195870"}, n));
  communication.created = communication.edited = created;
  // Whoever carries an event out logged it (see communication_author); same id, so no id shifts.
  Record& author = s.add(communication_author, nlohmann::json::object(), {{"user", link(*user)}}, communication.id,
                         communication.ref());
  author.created = author.edited = created;
  if (n == 0) seed_attachment(s, communication, "zapisnica.txt", l.notes[0], *user);
}

}  // namespace

void seed_tasks(Seeder& s) {
  TaskLocale const& l = locale(s.company_index());
  TaskCatalogs const c = seed_code_lists(s, l);
  if (c.users.empty() || c.partners.empty()) return;  // nothing to assign work to
  for (std::size_t n = 0; n < l.tasks.size(); ++n) seed_task(s, l, c, n);
  for (std::size_t n = 0; n < 20; ++n) seed_communication(s, l, c, n);
}

}  // namespace flowii::emulator
