// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tasks & events: only what is particular to this module; CRUD, attachments, code
// lists and the declared operations (FLOWII_TASKS_OPERATIONS) come from the generic
// blocks.
#include <flowii/tasks.hpp>

namespace flowii {

CommunicationsApi::CommunicationsApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/communications"),
      categories_(core, "/communicationcategories"),
      types_(std::move(core), "/communicationtypes") {}

CommunicationsApi::CommunicationsApi() : CommunicationsApi(detail::unbound_core()) {}

CodeListApi<CommunicationCategory>& CommunicationsApi::categories() { return categories_; }

CodeListApi<CommunicationType>& CommunicationsApi::types() { return types_; }

TasksApi::TasksApi(std::shared_ptr<detail::Core> core)
    : Endpoint(core, "/tasks"),
      categories_(core, "/taskcategories"),
      activity_types_(core, "/activitytypes"),
      communications_(std::move(core)) {}

TasksApi::TasksApi() : TasksApi(detail::unbound_core()) {}

std::string TasksApi::activity_path(std::string const& task_id, std::string const& activity_id) const {
  return detail::make_path({collection(), task_id, "activities", activity_id});
}

std::string TasksApi::interval_path(std::string const& task_id, std::string const& interval_id) const {
  return detail::make_path({collection(), task_id, "activityintervals", interval_id});
}

Status TasksApi::set_activity_state(std::string const& task_id, std::string const& activity_id, ActivityState state,
                                    CallOptions const& options) {
  Activity change;
  change.set_id(activity_id);
  change.set_state(state);
  return detail::update(core(), activity_path(task_id, activity_id), change, options);
}

Result<Page<ActivityInterval>> TasksApi::activity_intervals_of(std::string const& task_id,
                                                               std::string const& activity_id, Query const& query,
                                                               CallOptions const& options) {
  return page_at<ActivityInterval>(core_ptr(), activity_path(task_id, activity_id) + "/activityintervals", query,
                                   options);
}

Result<ActivityInterval> TasksApi::create_activity_interval(std::string const& task_id,
                                                            ActivityInterval const& interval,
                                                            CallOptions const& options) {
  return detail::as_model<ActivityInterval>(
      detail::create(core(), sub_path(task_id, "activityintervals"), interval, options));
}

Status TasksApi::update_activity_interval(std::string const& task_id, ActivityInterval const& interval,
                                          CallOptions const& options) {
  return detail::update(core(), interval_path(task_id, interval.id()), interval, options);
}

Status TasksApi::remove_activity_interval(std::string const& task_id, std::string const& interval_id,
                                          CallOptions const& options) {
  return detail::remove(core(), interval_path(task_id, interval_id), options);
}

Status TasksApi::post_message(std::string const& task_id, std::string const& message, CallOptions const& options) {
  TaskMessage body;
  body.set_message(message);
  return detail::post(core(), sub_path(task_id, "taskmessages"), body, options);
}

TreeCodeListApi<TaskCategory>& TasksApi::categories() { return categories_; }

CodeListApi<ActivityType>& TasksApi::activity_types() { return activity_types_; }

CommunicationsApi& TasksApi::communications() { return communications_; }

}  // namespace flowii
