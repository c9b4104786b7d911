// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The endpoints below one task that the generic engine cannot express (two ids
// in the path, or a 204 create): an activity's state, its intervals, interval
// PATCH/DELETE and task messages.
#include <algorithm>
#include <functional>
#include <string>

#include "api_error.hpp"
#include "context.hpp"
#include "jsonapi.hpp"
#include "listing.hpp"
#include "modules/tasks.hpp"
#include "writer.hpp"

namespace flowii::emulator {

namespace {

Record const& task_of(Ctx const& ctx) {
  std::string const& id = ctx.path_params.at(0);
  Record const* task = ctx.view().find({"task", id});
  if (task == nullptr) throw ErrorReply(404, "There is no task with id " + id + ".");
  return *task;
}

Record const& activity_of(Ctx const& ctx, Record const& task) {
  std::string const& id = ctx.path_params.at(1);
  auto const mine = task.related("activities");
  Record const* activity = ctx.view().find({"activity", id});
  if (activity == nullptr || std::find(mine.begin(), mine.end(), activity->ref()) == mine.end()) {
    throw ErrorReply(404, "Task " + task.id + " has no activity " + id + ".");
  }
  return *activity;
}

Record const& interval_of(Ctx const& ctx, Record const& task) {
  std::string const& id = ctx.path_params.at(1);
  Record const* interval = ctx.view().find({"activity-interval", id});
  if (interval == nullptr || !(interval->owner == task.ref())) {
    throw ErrorReply(404, "Task " + task.id + " has no activity interval " + id + ".");
  }
  return *interval;
}

// All-or-nothing write: any collected error undoes every change.
void transact(Ctx& ctx, std::function<void(Writer&)> const& write) {
  Store::Transaction transaction(ctx.state.store, ctx.company);
  ErrorList errors;
  Writer writer(ctx, errors);
  write(writer);
  errors.raise_if_any();
  transaction.commit();
}

// After an activity changes, the task's state follows its activities.
void refresh_task_state(Ctx& ctx, std::string const& task_id) {
  Record* task = ctx.state.store.find(ctx.company, "task", task_id);
  std::vector<std::int64_t> states;
  for (auto const& ref : task->related("activities")) states.push_back(activity_state(ctx.view().find(ref)));
  task->attributes["state"] = task_state_of(states);
  task->edited = ctx.now();
}

HttpReply update_activity(Ctx& ctx) {
  Record const& task = task_of(ctx);
  Record const& activity = activity_of(ctx, task);
  auto const document = parse_document(ctx.request);
  std::string const task_id = task.id;
  transact(ctx, [&](Writer& w) {
    w.update(document["data"], activity);
    refresh_task_state(ctx, task_id);
  });
  return no_content();
}

HttpReply activity_intervals(Ctx& ctx) {
  Record const& activity = activity_of(ctx, task_of(ctx));
  std::vector<Record const*> items;
  for (Record const* interval : ctx.view().all("activity-interval")) {
    auto const logged_on = interval->related("activity");
    if (!logged_on.empty() && logged_on.front() == activity.ref()) items.push_back(interval);
  }
  return list_reply(ctx, items, true);
}

HttpReply update_interval(Ctx& ctx) {
  Record const& interval = interval_of(ctx, task_of(ctx));
  auto const document = parse_document(ctx.request);
  transact(ctx, [&](Writer& w) { w.update(document["data"], interval); });
  return no_content();
}

HttpReply delete_interval(Ctx& ctx) {
  remove_record(ctx, interval_of(ctx, task_of(ctx)).ref());
  return no_content();
}

// FLOWii answers 204 without the message; it shows up in the task's included.
HttpReply post_message(Ctx& ctx) {
  Ref const task = task_of(ctx).ref();
  auto const document = parse_document(ctx.request);
  transact(ctx, [&](Writer& w) {
    std::string const id = w.create("task-message", {}, document["data"], task);
    if (id.empty()) return;
    auto& messages = ctx.state.store.find(ctx.company, task.type, task.id)->relationships["task-messages"];
    if (!messages.is_array()) messages = nlohmann::json::array();
    messages.push_back(identifier({"task-message", id}));
  });
  return no_content();
}

RouteEndpoint company_endpoint(std::function<HttpReply(Ctx&)> handler, std::vector<std::string> params = {}) {
  return RouteEndpoint{Access::kCompany, std::move(params), std::move(handler)};
}

}  // namespace

std::vector<Route> task_routes() {
  return {
      {"PATCH", "/tasks/{id}/activities/{activityId}", company_endpoint(update_activity)},
      {"GET", "/tasks/{id}/activities/{activityId}/activityintervals",
       company_endpoint(activity_intervals, page_params())},
      {"PATCH", "/tasks/{id}/activityintervals/{activityIntervalId}", company_endpoint(update_interval)},
      {"DELETE", "/tasks/{id}/activityintervals/{activityIntervalId}", company_endpoint(delete_interval)},
      {"POST", "/tasks/{id}/taskmessages", company_endpoint(post_message)},
  };
}

}  // namespace flowii::emulator
