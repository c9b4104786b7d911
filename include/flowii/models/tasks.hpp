// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tasks & events module models (blueprint groups "Tasks", "Activities",
// "Activity Intervals", "Communications").
#ifndef FLOWII_MODELS_TASKS_HPP
#define FLOWII_MODELS_TASKS_HPP

#include <flowii/model.hpp>

#include <string>

namespace flowii {

/// State of a task or of one of its activities.
enum class ActivityState : int {
  kWaitingForTask = 3,
  kWaiting = 4,
  kWaitingForActivity = 5,
  kInterrupted = 6,
  kInProgress = 8,
  kDone = 16,
  kTestingOk = 17,
  kTestingFailed = 18,
  kCancelled = 19,
};

/// The per-assignee work item of a task (created inline with the task).
#define FLOWII_ACTIVITY_FIELDS(ATTR, ONE, MANY)           \
  ATTR(ActivityState, state, "state")                     \
  ATTR(DateTime, planned_from, "planned-from")            \
  ATTR(DateTime, planned_to, "planned-to")                \
  ATTR(DateTime, from, "from")                            \
  ATTR(DateTime, to, "to")                                \
  ATTR(DateTime, deadline, "deadline")                    \
  ATTR(double, estimated_duration, "estimated-duration")  \
  ATTR(std::string, note, "note")                         \
  ATTR(bool, is_main, "is-main")                          \
  ATTR(std::int64_t, order, "order")                      \
  ONE(activity_type, "activity-type", "activity-type")    \
  ONE(user, "user", "user")
FLOWII_MODEL(Activity, "activity", FLOWII_ACTIVITY_FIELDS);

#define FLOWII_TASK_FIELDS(ATTR, ONE, MANY)                   \
  ATTR(std::string, serial_nr, "serial-nr")                   \
  ATTR(std::string, caption, "caption")                       \
  ATTR(std::string, description, "description")               \
  ATTR(std::int64_t, priority, "priority")                    \
  ATTR(DateTime, planned_from, "planned-from")                \
  ATTR(DateTime, planned_to, "planned-to")                    \
  ATTR(DateTime, deadline, "deadline")                        \
  ATTR(double, estimated_duration, "estimated-duration")      \
  ATTR(ActivityState, state, "state")                         \
  ONE(user, "user", "user")                                   \
  MANY(activities, "activities", "activity")                  \
  MANY(task_messages, "task-messages", "task-message")        \
  ONE(category, "category", "task-category")                  \
  ONE(subcategory, "subcategory", "task-category")            \
  ONE(partner, "partner", "partner")                          \
  ONE(business_case, "business-case", "business-case")        \
  ONE(order, "order", "order")
FLOWII_MODEL(Task, "task", FLOWII_TASK_FIELDS);

/// Communication ("event") state: 4 waiting, 16 done.
enum class CommunicationState : int { kWaiting = 4, kDone = 16 };
/// Communication direction: 0 undefined, 1 incoming, 2 outgoing.
enum class CommunicationDirection : int { kUndefined = 0, kIncoming = 1, kOutgoing = 2 };

#define FLOWII_COMMUNICATION_FIELDS(ATTR, ONE, MANY)             \
  ATTR(std::string, note, "note")                                \
  ATTR(CommunicationDirection, direction, "direction")           \
  ATTR(DateTime, planned_from, "planned-from")                   \
  ATTR(DateTime, planned_to, "planned-to")                       \
  ATTR(DateTime, finished, "finished")                           \
  ATTR(CommunicationState, state, "state")                       \
  ONE(category, "category", "communication-category")            \
  ONE(communication_type, "type", "communication-type")          \
  ONE(user, "user", "user")                                      \
  ONE(partner, "partner", "partner")                             \
  ONE(business_case, "business-case", "business-case")           \
  ONE(order, "order", "order")
FLOWII_MODEL(Communication, "communication", FLOWII_COMMUNICATION_FIELDS);

}  // namespace flowii

#endif  // FLOWII_MODELS_TASKS_HPP
