// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Demo data of the attendance module: the last ten workdays of every user
// (arrival, lunch break, departure; now and then home office or a doctor's
// visit), planned holidays ahead and a past sick leave.
#include <string>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "modules/attendance.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t minute = 60;
constexpr std::int64_t hour = 60 * minute;

struct AttendanceNotes {
  char const* lunch;
  char const* doctor;
  char const* home_office;
  char const* holiday;
  char const* sick_leave;
};

AttendanceNotes const& notes(std::size_t company_index) {
  static AttendanceNotes const slovak{"obed", "preventívna prehliadka", "práca z domu", "rodinná dovolenka", "chrípka"};
  static AttendanceNotes const hungarian{"ebéd", "szűrővizsgálat", "otthoni munka", "családi szabadság", "influenza"};
  return company_index % 2 == 0 ? slovak : hungarian;
}

bool is_workday(std::int64_t t) { return ((t / day) % 7 + 11) % 7 < 5; }  // 1970-01-01 was a Thursday

std::string date_only(std::int64_t t) { return format_local(t).substr(0, 10); }

void event(Seeder& s, Record const& user, int type, std::int64_t at, char const* note = nullptr) {
  Record& r = s.add("attendance-event",
                    {{"type", type},
                     {"date-time", format_local(at)},
                     {"note", note != nullptr ? nlohmann::json(note) : nlohmann::json()}},
                    {{"user", identifier(user.ref())}});
  r.created = r.edited = at;
}

void absence(Seeder& s, Record const& user, int type, std::int64_t from, std::int64_t to, char const* note) {
  s.add("planned-absence", {{"type", type}, {"date-from", date_only(from)}, {"date-to", date_only(to)}, {"note", note}},
        {{"user", identifier(user.ref())}});
}

void seed_workday(Seeder& s, Record const& user, std::int64_t midnight, int nth, AttendanceNotes const& n) {
  Rng& rng = s.rng();
  if (rng.chance(8)) {
    event(s, user, 14, midnight + 8 * hour, n.home_office);
    event(s, user, 2, midnight + 16 * hour);
    return;
  }
  std::int64_t const arrival = midnight + (7 * 60 + 30 + rng.between(0, 45)) * minute;
  event(s, user, 1, arrival);
  std::int64_t const lunch = midnight + (11 * 60 + 30 + rng.between(0, 45)) * minute;
  event(s, user, 3, lunch, n.lunch);
  event(s, user, 1, lunch + 30 * minute);
  std::int64_t leave = arrival + (8 * 60 + 30 + rng.between(-15, 45)) * minute;
  if (nth == 3) {  // a doctor's visit in the afternoon, back two hours later
    event(s, user, 9, midnight + 13 * hour, n.doctor);
    event(s, user, 1, midnight + 15 * hour);
    leave = midnight + 17 * hour;
  }
  event(s, user, 2, leave);
}

}  // namespace

void seed_attendance(Seeder& s) {
  AttendanceNotes const& n = notes(s.company_index());
  std::int64_t const today = s.now() - ((s.now() % day) + day) % day;
  auto const users = s.all("user");
  for (std::size_t u = 0; u < users.size(); ++u) {
    Record const& user = *users[u];
    bool const sick = u == 1;  // this colleague was ill for two days last week
    int done = 0;
    for (std::int64_t d = today - day; done < 10; d -= day) {
      if (!is_workday(d) || (sick && d >= today - 9 * day && d <= today - 8 * day)) continue;
      seed_workday(s, user, d, done, n);
      ++done;
    }
    std::int64_t const holiday = today + day * (14 + 7 * static_cast<std::int64_t>(u % 3));
    absence(s, user, 7, holiday, holiday + 2 * day, n.holiday);
    if (sick) absence(s, user, 10, today - 9 * day, today - 8 * day, n.sick_leave);
  }
}

}  // namespace flowii::emulator
