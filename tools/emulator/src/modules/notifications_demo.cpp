// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the notifications module: for every login of a company, one
// notification of each documented type (newest unread, older ones read), in
// Slovak or Hungarian, about the records other modules seeded.
#include <array>
#include <string>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "modules/notifications.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t hour = 3600;

struct Kind {
  int type;
  int severity;       // 1 information, 2 warning, 3 error
  char const* about;  // relationship: task, communication, business-case, order
  int subtype;        // only 2006 has one
};

constexpr Kind kinds[] = {
    {2000, 1, "task", 0},          {2001, 1, "task", 0},          {2002, 1, "task", 0},
    {2003, 2, "task", 0},          {2004, 2, "task", 0},          {2005, 2, "task", 0},
    {2006, 1, "task", 10002},      {2007, 2, "task", 0},          {3000, 1, "communication", 0},
    {3001, 2, "communication", 0}, {4000, 1, "business-case", 0}, {4001, 3, "business-case", 0},
    {4002, 1, "business-case", 0}, {5000, 1, "order", 0},         {5001, 3, "order", 0},
    {5002, 1, "order", 0},
};

// The kinds from oldest to newest: the newest ones take turns (task, business
// case, order, event), so the first page shows every kind of link, as in
// FLOWii's list example.
constexpr std::size_t oldest_first[] = {0, 1, 2, 3, 4, 13, 10, 5, 8, 14, 11, 6, 9, 15, 12, 7};
static_assert(std::size(oldest_first) == std::size(kinds));

// Message templates in the order of `kinds`: %1 the record's name, %2 a date.
using Texts = std::array<char const*, std::size(kinds)>;

Texts const& texts(std::size_t company_index) {
  static Texts const slovak{
      "Do úlohy %1 bola pridaná činnosť",
      "Činnosť v úlohe %1 prešla do stavu čaká",
      "Do úlohy %1 bola pridaná komunikácia",
      "Činnosť v úlohe %1 bola vrátená",
      "V úlohe %1 vypršal termín činnosti %2",
      "V úlohe %1 vypršal termín %2",
      "Do úlohy %1 boli pridané prílohy",
      "V úlohe %1 bol prekročený predpokladaný čas",
      "Bola pridaná nová udalosť %1",
      "Udalosti %1 vypršal termín %2",
      "Bol pridaný obchodný prípad %1",
      "Obchodnému prípadu %1 vypršal termín %2",
      "Do obchodného prípadu %1 bola pridaná komunikácia",
      "Bola pridaná zákazka %1",
      "Zákazke %1 vypršal termín %2",
      "Do zákazky %1 bola pridaná komunikácia",
  };
  static Texts const hungarian{
      "Új tevékenység a(z) %1 feladatban",
      "A(z) %1 feladat egyik tevékenysége várakozik",
      "Új kommunikáció a(z) %1 feladatban",
      "Visszaküldött tevékenység a(z) %1 feladatban",
      "Lejárt egy tevékenység határideje a(z) %1 feladatban (%2)",
      "Lejárt a(z) %1 feladat határideje (%2)",
      "Új mellékletek a(z) %1 feladatban",
      "Túllépték a(z) %1 feladat becsült idejét",
      "Új esemény: %1",
      "Lejárt a(z) %1 esemény határideje (%2)",
      "Új üzleti lehetőség: %1",
      "Lejárt a(z) %1 üzleti lehetőség határideje (%2)",
      "Új kommunikáció a(z) %1 üzleti lehetőségben",
      "Új megrendelés: %1",
      "Lejárt a(z) %1 megrendelés határideje (%2)",
      "Új kommunikáció a(z) %1 megrendelésben",
  };
  return company_index % 2 == 0 ? slovak : hungarian;
}

std::string replace(std::string text, std::string const& marker, std::string const& value) {
  auto const at = text.find(marker);
  return at == std::string::npos ? text : text.replace(at, marker.size(), value);
}

// How a record is called in a message: its name, caption or (events) note;
// FLOWii says "without description" for an event with no note.
std::string title_of(Record const* r, std::size_t company_index) {
  if (r != nullptr) {
    for (char const* key : {"name", "caption", "note"}) {
      auto const v = r->attributes.value(key, nlohmann::json());
      if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
    }
  }
  return company_index % 2 == 0 ? "bez popisu" : "leírás nélkül";
}

// "31/10/2017", as FLOWii writes deadlines in messages.
std::string day_month_year(std::int64_t t) {
  std::string const iso = format_local(t);
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace

void seed_notifications(Seeder& s) {
  Texts const& t = texts(s.company_index());
  std::size_t n = 0;
  for (auto const& login : s.members()) {
    for (std::size_t age = 0; age < std::size(kinds); ++age, ++n) {
      std::size_t const k = oldest_first[age];
      Kind const& kind = kinds[k];
      auto const records = s.all(kind.about);
      Record const* about = records.empty() ? nullptr : records[n % records.size()];
      std::int64_t const created = s.now() - hour * static_cast<std::int64_t>(3 + 5 * (std::size(kinds) - 1 - age));
      std::string message = replace(t[k], "%1", title_of(about, s.company_index()));
      message = replace(message, "%2", day_month_year(created - 24 * hour));
      nlohmann::json relationships = {{"user", identifier({"user", login.id})},
                                      {"task", nullptr},
                                      {"communication", nullptr},
                                      {"business-case", nullptr},
                                      {"order", nullptr}};
      if (about != nullptr) relationships[kind.about] = identifier(about->ref());
      Record& r = s.add("notification",
                        {{"message", message},
                         {"created", format_local(created)},
                         {"is-read", age < std::size(kinds) / 2},  // the older half has been read
                         {"severity", kind.severity},
                         {"type", kind.type},
                         {"subtype", kind.subtype}},
                        relationships);
      r.created = r.edited = created;
    }
  }
}

}  // namespace flowii::emulator
