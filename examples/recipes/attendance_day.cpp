// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): today's arrival and departure of the signed-in
// user, and a planned holiday; then the user's attendance summary.
#include <flowii/flowii.hpp>

#include <iostream>

int main() try {
  auto client = flowii::Client::from_env().value();
  auto& attendance = client.attendance();

  // FLOWii's dates are local calendar dates and wall-clock times, without a zone.
  flowii::Date const today = flowii::Date::today();

  // `type` and `user` are required; record_event() links the signed-in user
  // when the event names no other (set_user(id) with an id from client.account().users()).
  flowii::AttendanceEvent arrival;
  arrival.set_attendance_type(flowii::AttendanceType::kArrival)
      .set_date_time(flowii::DateTime{today.year, today.month, today.day, 7, 55, 0});
  flowii::AttendanceEvent departure;
  departure.set_attendance_type(flowii::AttendanceType::kDeparture)
      .set_date_time(flowii::DateTime{today.year, today.month, today.day, 16, 10, 0})
      .set_note("odchod z kancelárie");
  auto arrived = attendance.record_event(arrival).value();
  auto left = attendance.record_event(departure).value();
  std::cout << "recorded arrival " << arrived.id() << " and departure " << left.id() << "\n";

  // Whole days, both included: `type`, `date-from`, `date-to` and `user` (as above) are required.
  flowii::PlannedAbsence holiday;
  holiday.set_absence_type(flowii::AttendanceType::kHoliday)
      .set_date_from(today.plus_days(30))
      .set_date_to(today.plus_days(34));
  auto planned = attendance.plan_absence(holiday).value();
  std::cout << "planned holiday " << planned.id() << " from " << today.plus_days(30).to_string() << " to "
            << today.plus_days(34).to_string() << "\n";

  // FLOWii lists no events or absences; the signed-in user's summary reflects them.
  auto summary = attendance.summary().value();
  std::cout << "this month: paid " << summary.total_paid().value_or(0) << ", balance " << summary.balance().value_or(0)
            << ", vacation left " << summary.available_vacation().value_or(0) << "\n";
  return 0;
} catch (std::exception const& e) {
  std::cerr << "attendance_day: " << e.what() << "\n";
  return 1;
}
