// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Attendance events, planned absences and the summary against the in-process
// emulator. FLOWii documents no way to read events back: the summary shows them.
#include "integration/emulator_fixture.hpp"

namespace flowii::test {
namespace {

class AttendanceTest : public EmulatorTest {
 protected:
  /// Today's date on the emulator's clock (UTC, like the emulator's dates).
  Date today() {
    auto const days = std::chrono::duration_cast<std::chrono::hours>(emu().now().time_since_epoch()).count() / 24;
    Date d;
    for (d = Date{1970, 1, 1}; days_from_civil(d.year + 1, 1, 1) <= days; ++d.year) {
    }
    while (d.month < 12 && days_from_civil(d.year, d.month + 1, 1) <= days) ++d.month;
    d.day = static_cast<int>(days - days_from_civil(d.year, d.month, 1)) + 1;
    return d;
  }
  static DateTime at(Date d, int hour, int minute) { return DateTime{d.year, d.month, d.day, hour, minute, 0}; }

  AttendanceSummary summary(Client& c) {
    auto s = c.attendance().summary();
    EXPECT_TRUE(s) << s.status().to_string();
    return s ? *s : AttendanceSummary();
  }
};

TEST_F(AttendanceTest, EventsOfTheDayShowInTheSummary) {
  auto c = client();
  auto before = summary(c);
  auto session = c.session();
  ASSERT_TRUE(session);
  EXPECT_EQ(before.id(), session->user_id);
  EXPECT_TRUE(before.check().ok()) << before.check().to_string();

  Date const d = today();
  struct Step {
    AttendanceType type;
    int hour, minute;
  };
  for (auto const& step : {Step{AttendanceType::kArrival, 8, 0}, Step{AttendanceType::kLunch, 12, 0},
                           Step{AttendanceType::kArrival, 12, 30}, Step{AttendanceType::kDeparture, 16, 30}}) {
    auto e = c.attendance().record_event(
        AttendanceEvent().set_attendance_type(step.type).set_date_time(at(d, step.hour, step.minute)).set_note("test"));
    ASSERT_TRUE(e) << e.status().to_string();
    EXPECT_FALSE(e->id().empty());
    EXPECT_EQ(e->user()->id, session->user_id);  // the signed-in user, filled in by the SDK
  }
  auto after = summary(c);
  EXPECT_DOUBLE_EQ(*after.total_paid() - *before.total_paid(), 480.0);
  EXPECT_DOUBLE_EQ(*after.total_unpaid() - *before.total_unpaid(), 30.0);
  EXPECT_DOUBLE_EQ(*after.balance() - *before.balance(), 480.0);
  EXPECT_DOUBLE_EQ(*after.available_vacation(), *before.available_vacation());
  EXPECT_EQ(emu().count("POST", "/attendanceevents"), 4u);
}

TEST_F(AttendanceTest, AnotherUsersEventsDoNotCountForMe) {
  auto c = client();
  auto users = c.account().users().list();
  ASSERT_TRUE(users) << users.status().to_string();
  auto self = c.account().users().self();
  ASSERT_TRUE(self);
  std::string colleague;
  for (auto const& u : *users) {
    if (u.id() != self->id()) colleague = u.id();
  }
  ASSERT_FALSE(colleague.empty());
  auto before = summary(c);
  Date const d = today();
  for (auto type : {AttendanceType::kArrival, AttendanceType::kDeparture}) {
    auto e = c.attendance().record_event(AttendanceEvent()
                                             .set_attendance_type(type)
                                             .set_date_time(at(d, type == AttendanceType::kArrival ? 6 : 7, 0))
                                             .set_user(colleague));
    ASSERT_TRUE(e) << e.status().to_string();
    EXPECT_EQ(e->user()->id, colleague);
  }
  EXPECT_DOUBLE_EQ(*summary(c).total_paid(), *before.total_paid());
}

TEST_F(AttendanceTest, PlannedHolidayReducesTheVacationLeft) {
  auto c = client();
  auto before = summary(c);
  // Two workdays of this year: the first Monday from 5 January on, and the Tuesday after.
  int const year = today().year;
  int day = 5;
  while ((days_from_civil(year, 1, day) + 4) % 7 != 1) ++day;  // 0 = Sunday (1970-01-01 was a Thursday)
  auto planned = c.attendance().plan_absence(PlannedAbsence()
                                                 .set_absence_type(AttendanceType::kHoliday)
                                                 .set_date_from(Date{year, 1, day})
                                                 .set_date_to(Date{year, 1, day + 1})
                                                 .set_note("rodinná dovolenka"));
  ASSERT_TRUE(planned) << planned.status().to_string();
  EXPECT_FALSE(planned->id().empty());
  auto after = summary(c);
  EXPECT_DOUBLE_EQ(*before.available_vacation() - *after.available_vacation(), 16.0);

  // The blueprint's own example plans an absence of type 1 although the documented
  // values are 5-12 and 15: the emulator accepts what the example sends.
  auto as_in_example = c.attendance().plan_absence(PlannedAbsence()
                                                       .set_absence_type(AttendanceType::kArrival)
                                                       .set_date_from(Date{2017, 10, 17})
                                                       .set_date_to(Date{2017, 10, 18}));
  EXPECT_TRUE(as_in_example) << as_in_example.status().to_string();
  auto sick = c.attendance().plan_absence(PlannedAbsence()
                                              .set_absence_type(AttendanceType::kSickLeave)
                                              .set_date_from(Date{year, 2, 2})
                                              .set_date_to(Date{year, 2, 3}));
  EXPECT_TRUE(sick) << sick.status().to_string();
  EXPECT_DOUBLE_EQ(*summary(c).available_vacation(), *after.available_vacation());
}

TEST_F(AttendanceTest, BadInputGivesClearErrors) {
  auto c = client();
  auto untyped = c.attendance().record_event(AttendanceEvent().set_date_time(DateTime{2026, 1, 5, 8, 0, 0}));
  ASSERT_FALSE(untyped);
  EXPECT_EQ(untyped.status().http_status(), 422);
  EXPECT_EQ(untyped.status().errors()[0].source_pointer, "/data/attributes/type");

  auto undocumented =
      c.attendance().record_event(AttendanceEvent().set_attendance_type(static_cast<AttendanceType>(13)));
  ASSERT_FALSE(undocumented);
  EXPECT_EQ(undocumented.status().errors()[0].source_pointer, "/data/attributes/type");

  auto nobody = c.attendance().record_event(
      AttendanceEvent().set_attendance_type(AttendanceType::kArrival).set_user("999999999"));
  ASSERT_FALSE(nobody);
  ASSERT_FALSE(nobody.status().errors().empty());
  EXPECT_EQ(nobody.status().errors()[0].status, "404");
  EXPECT_EQ(nobody.status().errors()[0].source_pointer, "/data/relationships/user/data/id");

  auto lunch_absence = c.attendance().plan_absence(PlannedAbsence()
                                                       .set_absence_type(AttendanceType::kLunch)
                                                       .set_date_from(Date{2026, 1, 5})
                                                       .set_date_to(Date{2026, 1, 5}));
  ASSERT_FALSE(lunch_absence);
  EXPECT_EQ(lunch_absence.status().http_status(), 422);

  auto backwards = c.attendance().plan_absence(PlannedAbsence()
                                                   .set_absence_type(AttendanceType::kHoliday)
                                                   .set_date_from(Date{2026, 1, 9})
                                                   .set_date_to(Date{2026, 1, 5}));
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.status().errors()[0].source_pointer, "/data/attributes/date-to");

  auto undated = c.attendance().plan_absence(PlannedAbsence().set_absence_type(AttendanceType::kHoliday));
  ASSERT_FALSE(undated);
  EXPECT_EQ(undated.status().http_status(), 422);
}

}  // namespace
}  // namespace flowii::test
