// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Attendance module models (blueprint group "Attendance").
#ifndef FLOWII_MODELS_ATTENDANCE_HPP
#define FLOWII_MODELS_ATTENDANCE_HPP

#include <flowii/model.hpp>

#include <cstdint>
#include <string>

namespace flowii {

/// Attendance event `type` (13 is not documented). Planned absences take the
/// same values, documented as 5-12 and 15 only, yet the blueprint's own
/// planned-absence example sends 1 (arrival); values outside the enum are kept
/// as they are, never rejected.
enum class AttendanceType : int {
  kArrival = 1,             ///< Príchod
  kDeparture = 2,           ///< Odchod
  kLunch = 3,               ///< Obed
  kPrivate = 4,             ///< Súkromne
  kBusiness = 5,            ///< Služobne
  kBusinessTrip = 6,        ///< Služobná cesta
  kHoliday = 7,             ///< Dovolenka
  kTimeOff = 8,             ///< Pracovné voľno
  kDoctor = 9,              ///< Lekár
  kSickLeave = 10,          ///< PN
  kFamilyCare = 11,         ///< OČR (caring for a family member)
  kAccompanyToDoctor = 12,  ///< Sprievod k lekárovi
  kHomeOffice = 14,         ///< Home office
  kCompensatoryLeave = 15,  ///< Náhradné voľno
};

/// A clock-in, clock-out or other attendance event (POST /attendanceevents).
/// `type` and `user` are required; AttendanceApi::record_event() links the
/// signed-in user when no user is set. `company-id` is in FLOWii's schema but
/// not in its example (the companyId query parameter is always sent).
#define FLOWII_ATTENDANCE_EVENT_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::int64_t, company_id, "company-id")          \
  ATTR(AttendanceType, attendance_type, "type")         \
  ATTR(DateTime, date_time, "date-time")                \
  ATTR(std::string, note, "note")                       \
  ONE(user, "user", "user")
FLOWII_MODEL(AttendanceEvent, "attendance-event", FLOWII_ATTENDANCE_EVENT_FIELDS);

/// A planned absence (POST /plannedabsences) over whole days: `date-from` and
/// `date-to` are plain dates ("2017-10-17"), both included.
#define FLOWII_PLANNED_ABSENCE_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::int64_t, company_id, "company-id")         \
  ATTR(AttendanceType, absence_type, "type")           \
  ATTR(Date, date_from, "date-from")                   \
  ATTR(Date, date_to, "date-to")                       \
  ATTR(std::string, note, "note")                      \
  ONE(user, "user", "user")
FLOWII_MODEL(PlannedAbsence, "planned-absence", FLOWII_PLANNED_ABSENCE_FIELDS);

/// The signed-in user's attendance totals (GET /summary/attendance). FLOWii does
/// not document the units; the example's magnitudes suggest minutes for the
/// totals and the balance, and hours for the vacation left.
#define FLOWII_ATTENDANCE_SUMMARY_FIELDS(ATTR, ONE, MANY) \
  ATTR(double, total_paid, "total-paid")                  \
  ATTR(double, balance, "balance")                        \
  ATTR(double, total_unpaid, "total-unpaid")              \
  ATTR(double, available_vacation, "available-vacation")
FLOWII_MODEL(AttendanceSummary, "attendance-summary", FLOWII_ATTENDANCE_SUMMARY_FIELDS);

/// Every model of this header (see ModelList).
using AttendanceModels = ModelList<AttendanceEvent, PlannedAbsence, AttendanceSummary>;

}  // namespace flowii

#endif  // FLOWII_MODELS_ATTENDANCE_HPP
