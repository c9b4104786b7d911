// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Attendance (Dochádzka): attendance events, planned absences and the
// signed-in user's attendance summary. FLOWii documents no way to list or read
// events or absences back; the summary reflects them.
#ifndef FLOWII_ATTENDANCE_HPP
#define FLOWII_ATTENDANCE_HPP

#include <flowii/api.hpp>
#include <flowii/models/attendance.hpp>

#include <memory>

namespace flowii {

class AttendanceApi : public virtual Endpoint {
 public:
  explicit AttendanceApi(std::shared_ptr<detail::Core> core);

  /// Records an attendance event (POST /attendanceevents), e.g. a clock-in:
  ///   AttendanceEvent().set_attendance_type(AttendanceType::kArrival).set_date_time(t)
  /// FLOWii requires `type` and `user`: the signed-in user unless the event
  /// links another (an id from `client.account().users()`). Returns it with its new id.
  virtual Result<AttendanceEvent> record_event(AttendanceEvent const& event, CallOptions const& options = {});
  /// Plans an absence over whole days (POST /plannedabsences). FLOWii requires
  /// `type` (documented: the absences, 5-12 and 15), `date-from`, `date-to` (both
  /// included) and `user`, as for record_event(). Returns it with its new id.
  virtual Result<PlannedAbsence> plan_absence(PlannedAbsence const& absence, CallOptions const& options = {});
  /// The signed-in user's attendance totals (GET /summary/attendance).
  virtual Result<AttendanceSummary> summary(CallOptions const& options = {});

 protected:
  /// Bound to no Client: the base of MockAttendanceApi (flowii/testing/mocks.hpp).
  AttendanceApi();
};

}  // namespace flowii

#endif  // FLOWII_ATTENDANCE_HPP
