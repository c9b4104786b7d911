// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Time tracking on a task: create a task with one activity for the signed-in
// user, log an interval of work on it, mark the activity done, post a message,
// then list the task's activities and intervals. Configured only from FLOWII_*
// variables: FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME, FLOWII_PASSWORD,
// FLOWII_COMPANY_ID (needed when the user has several companies), FLOWII_LOG.
#include "example_support.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

using examples::fail;

namespace {

std::string text(std::optional<flowii::DateTime> const& t) { return t ? t->to_string() : std::string("-"); }

char const* state_name(std::optional<flowii::ActivityState> state) {
  if (!state) return "?";
  switch (*state) {
    case flowii::ActivityState::kWaitingForTask:
      return "waiting for task";
    case flowii::ActivityState::kWaiting:
      return "waiting";
    case flowii::ActivityState::kWaitingForActivity:
      return "waiting for activity";
    case flowii::ActivityState::kInterrupted:
      return "interrupted";
    case flowii::ActivityState::kInProgress:
      return "in progress";
    case flowii::ActivityState::kDone:
      return "done";
    case flowii::ActivityState::kTestingOk:
      return "testing ok";
    case flowii::ActivityState::kTestingFailed:
      return "testing failed";
    case flowii::ActivityState::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

}  // namespace

int main() {
  auto [client, session] = examples::connect("task_time_tracking");
  std::cout << "working in company " << session.company_id << " as user " << session.user_id << " ("
            << session.user_name << ")\n";
  auto& tasks = client.tasks();

  auto types = tasks.activity_types().list();
  if (!types) fail("reading activity types", types.status());
  if (types->empty()) fail("choosing an activity type", "none defined");
  flowii::ActivityType const& type = types->front();
  std::cout << "activity type: " << type.id() << " " << type.name().value_or("?") << "\n";

  // The work being logged: 08:00 to 09:30 (FLOWii's date-times carry no zone).
  flowii::DateTime const start{2026, 3, 2, 8, 0, 0};
  flowii::DateTime const end{2026, 3, 2, 9, 30, 0};
  flowii::DateTime const deadline{2026, 3, 2, 16, 0, 0};

  flowii::Task task;
  task.set_caption("Inventúra skladu (time tracking example)")
      .set_description("Spočítať zásoby v sklade A")
      .set_deadline(deadline)
      .set_user(session.user_id)
      .add_activities(flowii::Activity()
                          .set_state(flowii::ActivityState::kWaiting)
                          .set_activity_type(type.id())
                          .set_user(session.user_id)
                          .set_note("počítanie paliet"));
  auto created = tasks.create(task);
  if (!created) fail("creating the task", created.status());
  std::cout << "created task " << created->id() << "\n";

  auto activities = tasks.activities(created->id());
  if (!activities) fail("listing the task's activities", activities.status());
  if (activities->items.empty()) fail("finding the activity", "no activity");
  std::string const activity_id = activities->items.front().id();

  flowii::ActivityInterval interval;
  interval.set_from(start).set_to(end).set_activity(activity_id);
  auto logged = tasks.create_activity_interval(created->id(), interval);
  if (!logged) fail("logging an activity interval", logged.status());
  std::cout << "logged interval " << logged->id() << ": " << start.to_string() << " - " << end.to_string()
            << " on activity " << activity_id << "\n";

  if (auto s = tasks.set_activity_state(created->id(), activity_id, flowii::ActivityState::kDone); !s) {
    fail("marking the activity done", s);
  }
  std::cout << "activity " << activity_id << " is done\n";

  if (auto s = tasks.post_message(created->id(), "Inventúra hotová, rozdiely v prílohe."); !s) {
    fail("posting a message", s);
  }
  std::cout << "posted a message\n";

  auto read = tasks.get(created->id());
  if (!read) fail("reading the task", read.status());
  std::cout << "task " << read->id() << " #" << read->serial_nr().value_or("?") << " \"" << read->caption().value_or("")
            << "\", state " << state_name(read->state()) << ", deadline " << text(read->deadline()) << "\n";
  for (auto const& m : read->related_many<flowii::TaskMessage>("task-messages")) {
    std::cout << "  message " << text(m.created()) << ": " << m.message().value_or("") << "\n";
  }

  auto listed = tasks.activities(created->id());
  if (!listed) fail("listing the activities", listed.status());
  for (auto const& a : listed->items) {
    auto const kind = a.related<flowii::ActivityType>("activity-type");
    std::cout << "  activity " << a.id() << " #" << a.order().value_or(0) << " "
              << (kind ? kind->name().value_or("?") : std::string("?")) << ", state " << state_name(a.state())
              << ", user " << (a.user() ? a.user()->id : std::string("-")) << "\n";
    auto intervals = tasks.activity_intervals_of(created->id(), a.id());
    if (!intervals) fail("listing the activity's intervals", intervals.status());
    for (auto const& i : intervals->items) {
      std::cout << "    interval " << i.id() << ": " << text(i.from()) << " - " << text(i.to()) << "\n";
    }
  }
  auto all = tasks.activity_intervals(created->id());
  if (!all) fail("listing the task's intervals", all.status());
  std::cout << "the task has " << all->items.size() << " logged interval(s)\n";
  std::cout << "task_time_tracking finished\n";
  return 0;
}
