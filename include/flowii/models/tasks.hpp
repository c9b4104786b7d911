// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tasks & events module models (blueprint groups "Tasks", "Activities",
// "Activity Intervals", "Task Categories", "Activity Types", "Communications",
// "Communication Categories", "Communication Types").
#ifndef FLOWII_MODELS_TASKS_HPP
#define FLOWII_MODELS_TASKS_HPP

#include <flowii/model.hpp>
#include <flowii/models/common.hpp>
#include <flowii/query.hpp>

#include <cstdint>
#include <string>

namespace flowii {

/// State of a task or of one of its activities (the same member list in every
/// task and activity action of the blueprint).
enum class ActivityState : int {
  kWaitingForTask = 3,      ///< Čaká na úlohu
  kWaiting = 4,             ///< Čaká (what new work usually starts with)
  kWaitingForActivity = 5,  ///< Čaká na činnosť
  kInterrupted = 6,         ///< Prerušené
  kInProgress = 8,          ///< Prebieha
  kDone = 16,               ///< Dokončené
  kTestingOk = 17,          ///< Testovanie ukončené - Ok
  kTestingFailed = 18,      ///< Testovanie ukončené - Chyba
  kCancelled = 19,          ///< Zrušená
};

/// A company-wide kind of work (/activitytypes), e.g. "Realizácia", "Kontrola".
#define FLOWII_ACTIVITY_TYPE_FIELDS(ATTR, ONE, MANY) ATTR(std::string, name, "name")
FLOWII_MODEL(ActivityType, "activity-type", FLOWII_ACTIVITY_TYPE_FIELDS);

/// The per-assignee work item of a task. Created inline with the task
/// (Task::add_activities(Activity()...)); `state` and `activity-type` are required.
/// `from`/`to` are when the work really happened, `planned-*` when it should.
#define FLOWII_ACTIVITY_FIELDS(ATTR, ONE, MANY)          \
  ATTR(ActivityState, state, "state")                    \
  ATTR(DateTime, planned_from, "planned-from")           \
  ATTR(DateTime, planned_to, "planned-to")               \
  ATTR(DateTime, from, "from")                           \
  ATTR(DateTime, to, "to")                               \
  ATTR(DateTime, deadline, "deadline")                   \
  ATTR(double, estimated_duration, "estimated-duration") \
  ATTR(std::string, note, "note")                        \
  ATTR(bool, is_main, "is-main")                         \
  ATTR(std::int64_t, order, "order")                     \
  ONE(activity_type, "activity-type", "activity-type")   \
  ONE(user, "user", "user")
FLOWII_MODEL(Activity, "activity", FLOWII_ACTIVITY_FIELDS);

/// Time logged on an activity (time tracking). `activity` is required on create.
#define FLOWII_ACTIVITY_INTERVAL_FIELDS(ATTR, ONE, MANY) \
  ATTR(DateTime, from, "from")                           \
  ATTR(DateTime, to, "to")                               \
  ONE(activity, "activity", "activity")
FLOWII_MODEL(ActivityInterval, "activity-interval", FLOWII_ACTIVITY_INTERVAL_FIELDS);

/// A comment on a task. Posted with TasksApi::post_message; read back from the
/// task detail: task.related_many<TaskMessage>("task-messages").
#define FLOWII_TASK_MESSAGE_FIELDS(ATTR, ONE, MANY) \
  ATTR(DateTime, created, "created")                \
  ATTR(std::string, message, "message")             \
  ONE(user, "user", "user")
FLOWII_MODEL(TaskMessage, "task-message", FLOWII_TASK_MESSAGE_FIELDS);

/// Task category (no parent) or subcategory (parent = its category).
#define FLOWII_TASK_CATEGORY_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                    \
  ATTR(std::int64_t, order, "order")                 \
  ONE(parent, "parent", "task-category")
FLOWII_MODEL(TaskCategory, "task-category", FLOWII_TASK_CATEGORY_FIELDS);

/// A task. `caption` and at least one activity are required on create; on
/// update, activities carrying an id are changed and those without one added.
/// `user` is the creator; the assignees are the activities' users. Custom-field
/// values: add_custom_field(task, CustomFieldValue::text(...)).
#define FLOWII_TASK_FIELDS(ATTR, ONE, MANY)              \
  ATTR(std::string, serial_nr, "serial-nr")              \
  ATTR(std::string, caption, "caption")                  \
  ATTR(std::string, description, "description")          \
  ATTR(std::int64_t, priority, "priority")               \
  ATTR(DateTime, planned_from, "planned-from")           \
  ATTR(DateTime, planned_to, "planned-to")               \
  ATTR(DateTime, deadline, "deadline")                   \
  ATTR(double, estimated_duration, "estimated-duration") \
  ATTR(ActivityState, state, "state")                    \
  ONE(user, "user", "user")                              \
  MANY(activities, "activities", "activity")             \
  MANY(task_messages, "task-messages", "task-message")   \
  ONE(category, "category", "task-category")             \
  ONE(subcategory, "subcategory", "task-category")       \
  ONE(partner, "partner", "partner")                     \
  ONE(business_case, "business-case", "business-case")   \
  ONE(order, "order", "order")
FLOWII_MODEL(Task, "task", FLOWII_TASK_FIELDS);

/// Filters of GET /tasks (blueprint "Get task list"). Dates are unix seconds.
#define FLOWII_TASK_FILTERS(TEXT, ID, IDS, TIME, NUM)             \
  TEXT(search_text, "search-text")                                \
  FLOWII_TIME_RANGE(TIME, created, "created")                     \
  FLOWII_TIME_RANGE(TIME, edited, "edited")                       \
  FLOWII_TIME_RANGE(TIME, deadline, "deadline")                   \
  FLOWII_TIME_RANGE(TIME, activity_deadline, "activity-deadline") \
  FLOWII_TIME_RANGE(TIME, worked, "worked")                       \
  FLOWII_TIME_RANGE(TIME, completed, "completed")                 \
  NUM(state, "state")                                             \
  ID(activity_type_id, "activity-type-id")                        \
  ID(category_id, "category-id")                                  \
  ID(subcategory_id, "subcategory-id")                            \
  ID(created_by_user_id, "created-by-user-id")                    \
  ID(responsible_user_id, "responsible-user-id")                  \
  ID(partner_id, "partner-id")                                    \
  ID(partner_country_id, "partner-country-id")                    \
  ID(business_case_id, "business-case-id")                        \
  ID(order_id, "order-id")                                        \
  ID(order_state_id, "order-state-id")
FLOWII_QUERY(TaskQuery, FLOWII_TASK_FILTERS);

/// Communication ("event", udalosť) state: only these two of the activity states.
enum class CommunicationState : int { kWaiting = 4, kDone = 16 };
/// Communication direction: 0 undefined, 1 incoming, 2 outgoing.
enum class CommunicationDirection : int { kUndefined = 0, kIncoming = 1, kOutgoing = 2 };

/// Communication category (/communicationcategories).
#define FLOWII_COMMUNICATION_CATEGORY_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                             \
  ATTR(std::int64_t, order, "order")
FLOWII_MODEL(CommunicationCategory, "communication-category", FLOWII_COMMUNICATION_CATEGORY_FIELDS);

/// Communication type (/communicationtypes): e-mail, phone call, meeting, ...
/// `direction-presence` says whether a direction applies. FLOWii's `type`
/// attribute (here `kind`) is an undocumented number: the blueprint shows 1 for
/// "Email" and null for "Telefonát".
#define FLOWII_COMMUNICATION_TYPE_FIELDS(ATTR, ONE, MANY) \
  ATTR(std::string, name, "name")                         \
  ATTR(bool, direction_presence, "direction-presence")    \
  ATTR(std::int64_t, kind, "type")
FLOWII_MODEL(CommunicationType, "communication-type", FLOWII_COMMUNICATION_TYPE_FIELDS);

/// A communication ("event"): a call, e-mail or meeting with a partner.
/// `state`, `user` (who carries it out) and `partner` are required on create.
#define FLOWII_COMMUNICATION_FIELDS(ATTR, ONE, MANY)    \
  ATTR(std::string, note, "note")                       \
  ATTR(CommunicationDirection, direction, "direction")  \
  ATTR(DateTime, planned_from, "planned-from")          \
  ATTR(DateTime, planned_to, "planned-to")              \
  ATTR(DateTime, finished, "finished")                  \
  ATTR(CommunicationState, state, "state")              \
  ONE(category, "category", "communication-category")   \
  ONE(communication_type, "type", "communication-type") \
  ONE(user, "user", "user")                             \
  ONE(partner, "partner", "partner")                    \
  ONE(business_case, "business-case", "business-case")  \
  ONE(order, "order", "order")
FLOWII_MODEL(Communication, "communication", FLOWII_COMMUNICATION_FIELDS);

/// Filters of GET /communications (blueprint "Get communication list"). Dates are unix seconds.
#define FLOWII_COMMUNICATION_FILTERS(TEXT, ID, IDS, TIME, NUM) \
  TEXT(search_text, "search-text")                             \
  FLOWII_TIME_RANGE(TIME, created, "created")                  \
  FLOWII_TIME_RANGE(TIME, scheduled, "scheduled")              \
  NUM(state, "state")                                          \
  ID(type_id, "type-id")                                       \
  ID(category_id, "category-id")                               \
  ID(created_by_user_id, "created-by-user-id")                 \
  ID(responsible_user_id, "responsible-user-id")               \
  ID(partner_id, "partner-id")                                 \
  ID(partner_country_id, "partner-country-id")                 \
  ID(partner_type_id, "partner-type-id")                       \
  ID(partner_subtype_id, "partner-subtype-id")                 \
  ID(business_case_id, "business-case-id")                     \
  ID(order_id, "order-id")
FLOWII_QUERY(CommunicationQuery, FLOWII_COMMUNICATION_FILTERS);

/// Every model of this header (see ModelList).
using TasksModels = ModelList<ActivityType, Activity, ActivityInterval, TaskMessage, TaskCategory, Task,
                              CommunicationCategory, CommunicationType, Communication>;

}  // namespace flowii

#endif  // FLOWII_MODELS_TASKS_HPP
