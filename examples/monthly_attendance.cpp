// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Monthly attendance: clock-ins and clock-outs of the signed-in user over the
// last three days with a lunch break each day, a planned holiday, then the
// attendance summary. Configured only from FLOWII_* variables:
//   FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME, FLOWII_PASSWORD,
//   FLOWII_COMPANY_ID (needed when the user has several companies), FLOWII_LOG.
#include "example_support.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

using examples::fail;

namespace {

void record(flowii::Client& client, flowii::AttendanceType type, flowii::Date d, int hour, int minute,
            char const* what) {
  flowii::DateTime const at{d.year, d.month, d.day, hour, minute, 0};
  auto event = client.attendance().record_event(
      flowii::AttendanceEvent().set_attendance_type(type).set_date_time(at).set_note(what));
  if (!event) fail(std::string("recording ") + what, event.status());
  std::cout << "  " << at.to_string() << "  " << what << " (event " << event->id() << ")\n";
}

}  // namespace

int main() {
  auto [client, session] = examples::connect("monthly_attendance");
  std::cout << "attendance of " << session.user_name << " (user " << session.user_id << ") in company "
            << session.company_id << "\n";

  for (int back = 2; back >= 0; --back) {
    flowii::Date const d = examples::day(-back);
    std::cout << d.to_string() << ":\n";
    record(client, flowii::AttendanceType::kArrival, d, 8, 5 * back, "príchod");
    record(client, flowii::AttendanceType::kLunch, d, 12, 0, "obed");
    record(client, flowii::AttendanceType::kArrival, d, 12, 30, "návrat z obeda");
    record(client, flowii::AttendanceType::kDeparture, d, 16, 30 + 5 * back, "odchod");
  }

  flowii::PlannedAbsence holiday;
  holiday.set_absence_type(flowii::AttendanceType::kHoliday)
      .set_date_from(examples::day(14))
      .set_date_to(examples::day(18))
      .set_note("letná dovolenka");
  auto planned = client.attendance().plan_absence(holiday);
  if (!planned) fail("planning the holiday", planned.status());
  std::cout << "planned holiday " << planned->id() << " from " << examples::day(14).to_string() << " to "
            << examples::day(18).to_string() << "\n";

  auto summary = client.attendance().summary();
  if (!summary) fail("reading the attendance summary", summary.status());
  // FLOWii does not document the units; minutes for the totals, hours for the vacation.
  std::cout << "attendance summary:\n"
            << "  paid time:          " << summary->total_paid().value_or(0) / 60 << " h\n"
            << "  unpaid time:        " << summary->total_unpaid().value_or(0) / 60 << " h\n"
            << "  balance:            " << summary->balance().value_or(0) / 60 << " h\n"
            << "  vacation available: " << summary->available_vacation().value_or(0) << " h\n";
  std::cout << "monthly_attendance finished\n";
  return 0;
}
