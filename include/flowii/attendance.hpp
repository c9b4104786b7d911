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
  AttendanceApi() = default;  // for mocks
  explicit AttendanceApi(std::shared_ptr<detail::Core> core);

  /// Records an attendance event (POST /attendanceevents), e.g. a clock-in:
  ///   AttendanceEvent().set_attendance_type(AttendanceType::kArrival).set_date_time(t)
  /// The event is for the signed-in user unless it links another user.
  /// Returns it with its new id.
  virtual Result<AttendanceEvent> record_event(AttendanceEvent const& event, CallOptions const& options = {});
  /// Plans an absence over whole days (POST /plannedabsences); for the signed-in
  /// user unless it links another user. Returns it with its new id.
  virtual Result<PlannedAbsence> plan_absence(PlannedAbsence const& absence, CallOptions const& options = {});
  /// The signed-in user's attendance totals (GET /summary/attendance).
  virtual Result<AttendanceSummary> summary(CallOptions const& options = {});
};

}  // namespace flowii

#endif  // FLOWII_ATTENDANCE_HPP
