// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Attendance: two create-only endpoints that default the user to the signed-in
// one, and the summary.
#include <flowii/attendance.hpp>

#include "core/core.hpp"

namespace flowii {
namespace {

// POSTs `resource` to `path`, linking the session's user when it names none
// (FLOWii requires `user`; a clock-in is nearly always one's own).
template <typename T>
Result<T> create_for_user(detail::Core& core, std::string const& path, T resource, CallOptions const& options) {
  if (!resource.to_one("user")) {
    auto session = core.session();
    if (!session) return session.status();
    resource.link("user", ResourceId{"user", session->user_id});
  }
  return detail::as_model<T>(detail::create(core, path, resource, options));
}

}  // namespace

AttendanceApi::AttendanceApi(std::shared_ptr<detail::Core> core) : Endpoint(std::move(core), "/attendanceevents") {}

AttendanceApi::AttendanceApi() : AttendanceApi(detail::unbound_core()) {}

Result<AttendanceEvent> AttendanceApi::record_event(AttendanceEvent const& event, CallOptions const& options) {
  return create_for_user(core(), collection(), event, options);
}

Result<PlannedAbsence> AttendanceApi::plan_absence(PlannedAbsence const& absence, CallOptions const& options) {
  return create_for_user(core(), "/plannedabsences", absence, options);
}

Result<AttendanceSummary> AttendanceApi::summary(CallOptions const& options) {
  return detail::read_as<AttendanceSummary>(core(), "/summary/attendance", options);
}

}  // namespace flowii
