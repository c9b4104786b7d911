// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Attendance (Dochádzka): attendance events, planned absences and the calling
// user's attendance summary. FLOWii documents no way to read events or
// absences back, so the summary is where they show.
//
// Summary rules (FLOWii does not document them; these are the emulator's):
// over the current calendar month of the virtual clock, each event of the
// user lasts until the user's next event on the same day (the day's last
// event, normally a departure, ends nothing). Arrival time and paid absences
// (business, business trip, holiday, doctor, home office, compensatory leave)
// count as paid minutes; lunch, private errands, time off, sick leave, family
// care and accompanying someone to the doctor as unpaid minutes. The balance
// is paid minutes minus 8 hours for each workday of the month up to today.
// Available vacation is 25 days of 8 hours a year, less the workdays of
// planned holidays (type 7) in the current year, in hours.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "modules/attendance.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t workday_minutes = std::int64_t{8} * 60;
constexpr double vacation_hours_per_year = 25 * 8;

std::optional<std::int64_t> time_of(Record const& r, char const* name) {
  auto const it = r.attributes.find(name);
  if (it == r.attributes.end() || !it->is_string()) return std::nullopt;
  return parse_local(it->get<std::string>());
}

// A terminal event without a time happened now.
void on_event_write(Record& event, WriteScope& scope) {
  if (scope.creating && !is_set(event.attributes, "date-time"))
    event.attributes["date-time"] = format_local(scope.ctx.now());
}

void on_absence_write(Record& absence, WriteScope& scope) {
  auto const from = time_of(absence, "date-from");
  auto const to = time_of(absence, "date-to");
  if (from && to && *to < *from) {
    scope.errors.at(422, scope.pointer + "/attributes/date-to", "date-to must not be before date-from.");
  }
}

// A create-only resource about a user: `type` (from `types`), the given
// attributes, a note, `company-id` (in the schemas, not in the examples) and
// the required `user`.
ResourceSpec user_record(std::string type, std::string collection, std::vector<std::int64_t> types,
                         std::vector<Attribute> attributes, std::function<void(Record&, WriteScope&)> on_write) {
  ResourceSpec spec;
  spec.type = std::move(type);
  spec.collection = std::move(collection);
  spec.ops = {Op::kCreate};
  spec.attributes = {Attribute::integer("type").required().one_of(std::move(types))};
  for (auto& a : attributes) spec.attributes.push_back(std::move(a));
  spec.attributes.push_back(Attribute::text("note"));
  spec.attributes.push_back(Attribute::integer("company-id"));
  spec.relationships = {Relationship::one("user", "user").required()};
  spec.on_write = std::move(on_write);
  return spec;
}

ResourceSpec attendance_event() {
  // 1 arrival, 2 departure, 3 lunch, 4 private, 5 business, 6 business trip, 7 holiday,
  // 8 time off, 9 doctor, 10 sick leave, 11 family care, 12 accompanying, 14 home office,
  // 15 compensatory leave (13 is not documented).
  return user_record("attendance-event", "/attendanceevents", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15},
                     {Attribute::datetime("date-time")}, on_event_write);
}

ResourceSpec planned_absence() {
  // The blueprint allows 5-12 and 15, but its own example sends 1: accepted too.
  // The dates are plain dates ("2017-10-17").
  return user_record("planned-absence", "/plannedabsences", {1, 5, 6, 7, 8, 9, 10, 11, 12, 15},
                     {Attribute::datetime("date-from").required(), Attribute::datetime("date-to").required()},
                     on_absence_write);
}

// ---- the summary ----------------------------------------------------------------

std::int64_t day_start(std::int64_t t) { return t - ((t % day) + day) % day; }

bool is_workday(std::int64_t t) {
  std::int64_t const weekday = ((t / day) % 7 + 11) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return weekday < 5;
}

// [first, last) of the calendar month (or year) containing t.
std::pair<std::int64_t, std::int64_t> period_of(std::int64_t t, bool whole_year) {
  std::string const text = format_local(t);
  int const year = std::stoi(text.substr(0, 4));
  int const month = whole_year ? 1 : std::stoi(text.substr(5, 2));
  bool const wraps = whole_year || month == 12;
  char start[32];
  char next[32];
  std::snprintf(start, sizeof start, "%04d-%02d-01", year, month);
  std::snprintf(next, sizeof next, "%04d-%02d-01", wraps ? year + 1 : year, wraps ? 1 : month + 1);
  return {*parse_local(start), *parse_local(next)};
}

bool is_paid(std::int64_t type) {
  static constexpr std::int64_t paid[] = {1, 5, 6, 7, 9, 14, 15};
  return std::find(std::begin(paid), std::end(paid), type) != std::end(paid);
}

bool belongs_to(Record const& r, std::string const& user) {
  auto const users = r.related("user");
  return !users.empty() && users.front().id == user;
}

HttpReply attendance_summary(Ctx& ctx) {
  std::int64_t const now = ctx.now();
  auto const [month_start, month_end] = period_of(now, false);
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> events;  // time, type, id
  for (Record const* e : ctx.view().all("attendance-event")) {
    auto const t = time_of(*e, "date-time");
    if (!belongs_to(*e, ctx.user->id) || !t || *t < month_start || *t >= month_end) continue;
    events.emplace_back(*t, e->attributes.value("type", std::int64_t{0}), e->id);
  }
  std::sort(events.begin(), events.end());
  double paid = 0, unpaid = 0;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    std::int64_t const start = std::get<0>(events[i]);
    std::int64_t const type = std::get<1>(events[i]);
    std::int64_t const end = std::get<0>(events[i + 1]);
    if (day_start(end) != day_start(start) || type == 2) continue;  // after a departure nobody is at work
    double const minutes = static_cast<double>(end - start) / 60.0;
    (is_paid(type) ? paid : unpaid) += minutes;
  }
  std::int64_t expected = 0;
  for (std::int64_t d = month_start; d <= day_start(now); d += day) expected += is_workday(d) ? workday_minutes : 0;

  auto const [year_start, year_end] = period_of(now, true);
  double holiday_hours = 0;
  for (Record const* a : ctx.view().all("planned-absence")) {
    auto const from = time_of(*a, "date-from");
    auto const to = time_of(*a, "date-to");
    if (!belongs_to(*a, ctx.user->id) || a->attributes.value("type", std::int64_t{0}) != 7 || !from || !to) continue;
    for (std::int64_t d = day_start(std::max(*from, year_start)); d <= std::min(*to, year_end - 1); d += day) {
      holiday_hours += is_workday(d) ? 8.0 : 0.0;
    }
  }
  nlohmann::json const data = {{"type", "attendance-summary"},
                               {"id", ctx.user->id},
                               {"attributes",
                                {{"total-paid", paid},
                                 {"balance", paid - static_cast<double>(expected)},
                                 {"total-unpaid", unpaid},
                                 {"available-vacation", vacation_hours_per_year - holiday_hours}}}};
  return document_reply(200, {{"data", data}});
}

}  // namespace

Module attendance_module() {
  Module m;
  m.name = "attendance";
  m.resources = {attendance_event(), planned_absence()};
  m.routes = {{"GET", "/summary/attendance", RouteEndpoint{Access::kCompany, {}, attendance_summary}}};
  m.seed = seed_attendance;
  return m;
}

}  // namespace flowii::emulator
