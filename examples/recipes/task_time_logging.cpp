// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Recipe (docs/recipes.md): a task with one activity for the signed-in user,
// an hour and a half of work logged on that activity, and the activity done.
#include <flowii/flowii.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

int main() try {
  auto client = flowii::Client::from_env().value();
  auto session = client.session().value();
  auto& tasks = client.tasks();

  // Every activity needs an activity type: the company's own list.
  auto kinds = tasks.activity_types().list().value();
  if (kinds.empty()) throw std::runtime_error("no activity types");

  flowii::Task task;
  task.set_caption("Servis kotla – Trnava, Priemyselná 7")  // required
      .set_description("Ročná prehliadka a výmena filtra")
      .set_user(session.user_id)                                       // the author
      .add_activities(flowii::Activity()                               // at least one activity is required
                          .set_state(flowii::ActivityState::kWaiting)  // required
                          .set_activity_type(kinds.front().id())       // required
                          .set_user(session.user_id));                 // who does the work
  auto id = tasks.create(task).value().id();

  // FLOWii answers a create with the task's id only: the activity's id is in the task's activity list.
  auto activities = tasks.activities(id).value();
  if (activities.items.empty()) throw std::runtime_error("the task has no activity");
  std::string const activity = activities.items.front().id();

  // The time worked, today 08:00 to 09:30 local time (no zone).
  flowii::Date const today = flowii::Date::today();
  flowii::DateTime const from{today.year, today.month, today.day, 8, 0, 0};
  flowii::DateTime const to{today.year, today.month, today.day, 9, 30, 0};
  auto interval =
      tasks.create_activity_interval(id, flowii::ActivityInterval().set_activity(activity).set_from(from).set_to(to))
          .value();
  flowii::throw_if_error(tasks.set_activity_state(id, activity, flowii::ActivityState::kDone));
  std::cout << "created task " << id << " with activity " << activity << "; logged interval " << interval.id() << " ("
            << from.to_string() << " - " << to.to_string() << ") and marked the activity done\n";

  auto logged = tasks.activity_intervals_of(id, activity).value();
  if (logged.items.size() != 1) throw std::runtime_error("expected one logged interval");
  return 0;
} catch (std::exception const& e) {
  std::cerr << "task_time_logging: " << e.what() << "\n";
  return 1;
}
