// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tasks & events (Úlohy a udalosti): tasks with their activities, activity
// intervals (time tracking), messages, attachments and custom fields; task
// categories and activity types; and communications ("events") with their
// attachments, categories and types, reached as client.tasks().communications().
#ifndef FLOWII_TASKS_HPP
#define FLOWII_TASKS_HPP

#include <flowii/api.hpp>
#include <flowii/models/common.hpp>
#include <flowii/models/tasks.hpp>
#include <flowii/related.hpp>

#include <memory>
#include <string>
#include <vector>

/// The task operations of the common shapes (api.hpp): the task's activities
/// (GET /tasks/{id}/activities; activity types in included()), every interval of
/// work logged on the task (GET /tasks/{id}/activityintervals) and the
/// custom-field definitions for tasks (/tasks/customfields).
#define FLOWII_TASKS_OPERATIONS(SUB_LIST, CODE_LIST, DOWNLOAD)                                                         \
  SUB_LIST(Activity, activities, "activities", "task-activities",                                                      \
           "A task's activities; `set-state ID --state N` changes one", ("state", "planned-from", "deadline", "note")) \
  SUB_LIST(ActivityInterval, activity_intervals, "activityintervals", "activity-intervals",                            \
           "Time logged on a task's activities (time tracking)", ("from", "to"))                                       \
  CODE_LIST(CustomFieldDefinition, custom_fields, "/tasks/customfields", "task-custom-fields",                         \
            "Custom-field definitions of tasks", ())

namespace flowii {

/// /communications: CRUD (paged list with CommunicationQuery filters),
/// attachments, and the code lists /communicationcategories and /communicationtypes.
///
/// create(): FLOWii requires `state` (CommunicationState), `user` (who carries it
/// out, e.g. `client.session()->user_id`) and `partner`; `type` and `category`
/// come from types().list() and categories().list().
class CommunicationsApi : public CrudApi<Communication, CommunicationQuery>, public AttachmentsApi {
 public:
  explicit CommunicationsApi(std::shared_ptr<detail::Core> core);

  /// Communication categories (/communicationcategories): all, or one by id.
  virtual CodeListApi<CommunicationCategory>& categories();
  /// Communication types (/communicationtypes): all, or one by id.
  virtual CodeListApi<CommunicationType>& types();

 protected:
  /// Bound to no Client: the base of MockCommunicationsApi (flowii/testing/mocks.hpp).
  CommunicationsApi();

 private:
  CodeList<CommunicationCategory> categories_;
  CodeList<CommunicationType> types_;
};

/// /tasks: CRUD (paged list with TaskQuery filters; activities are created
/// inline, see Task), attachments, activities, activity intervals, messages,
/// custom fields, task categories, activity types and communications.
///
/// create(): FLOWii requires `caption` and at least one activity
/// (Task::add_activities), each with `state` and `activity-type` (an id from
/// activity_types().list()); an activity's `user` is its assignee. FLOWii answers
/// with the task's id only: activities(task_id) gives the activities' ids.
class TasksApi : public CrudApi<Task, TaskQuery>, public AttachmentsApi {
 public:
  explicit TasksApi(std::shared_ptr<detail::Core> core);

  FLOWII_OPERATION_METHODS(FLOWII_TASKS_OPERATIONS)

  // ---- activities ----------------------------------------------------------
  /// Changes the state of one activity of the task (PATCH /tasks/{id}/activities/{activityId}).
  /// The state is the only attribute FLOWii documents for this call.
  virtual Status set_activity_state(std::string const& task_id, std::string const& activity_id, ActivityState state,
                                    CallOptions const& options = {});

  // ---- activity intervals (time tracking) -----------------------------------
  /// The intervals of one activity of the task
  /// (GET /tasks/{id}/activities/{activityId}/activityintervals).
  virtual Result<Page<ActivityInterval>> activity_intervals_of(std::string const& task_id,
                                                               std::string const& activity_id, Query const& query = {},
                                                               CallOptions const& options = {});
  /// Logs an interval of work. FLOWii requires `activity`: one of the task's
  /// activities, with its id from activities(task_id); `from` and `to` are local
  /// date-times. Returns it with the new id.
  virtual Result<ActivityInterval> create_activity_interval(std::string const& task_id,
                                                            ActivityInterval const& interval,
                                                            CallOptions const& options = {});
  /// PATCHes interval.id() of the task with what the object holds.
  virtual Status update_activity_interval(std::string const& task_id, ActivityInterval const& interval,
                                          CallOptions const& options = {});
  virtual Status remove_activity_interval(std::string const& task_id, std::string const& interval_id,
                                          CallOptions const& options = {});

  // ---- messages, code lists ----------------------------------------------------
  /// Posts a comment on the task (FLOWii answers 204 without the message's id);
  /// read it back with get(task_id): related_many<TaskMessage>("task-messages").
  virtual Status post_message(std::string const& task_id, std::string const& message, CallOptions const& options = {});
  /// Task categories; their subcategories via categories().children(category_id).
  virtual TreeCodeListApi<TaskCategory>& categories();
  /// Activity types (/activitytypes), needed for every activity.
  virtual CodeListApi<ActivityType>& activity_types();
  /// Communications ("events") and their code lists.
  virtual CommunicationsApi& communications();

 protected:
  /// Bound to no Client: the base of MockTasksApi (flowii/testing/mocks.hpp).
  TasksApi();

 private:
  std::string activity_path(std::string const& task_id, std::string const& activity_id) const;
  std::string interval_path(std::string const& task_id, std::string const& interval_id) const;

  TreeCodeList<TaskCategory> categories_;
  CodeList<ActivityType> activity_types_;
  CommunicationsApi communications_;
};

}  // namespace flowii

#endif  // FLOWII_TASKS_HPP
