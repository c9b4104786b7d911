// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Tasks & events (Úlohy a udalosti): /tasks with inline activities, interval and
// file sub-lists, task custom fields, /taskcategories (tree), /activitytypes;
// /communications with files, /communicationcategories, /communicationtypes.
// The endpoints below one task's activities are hand-written (tasks_routes.cpp).
#include "modules/tasks.hpp"

#include <algorithm>

#include "clock.hpp"
#include "context.hpp"
#include "jsonapi.hpp"
#include "modules/business_cases.hpp"
#include "modules/custom_fields.hpp"
#include "modules/registry.hpp"
#include "text.hpp"

namespace flowii::emulator {

namespace {

std::vector<std::int64_t> const state_members = {3, 4, 5, 6, 8, 16, 17, 18, 19};

bool finished(std::int64_t state) { return state >= 16; }  // done, tested ok/failed, cancelled

// FLOWii numbers a company's tasks "0001", "0002", ...: the next after the highest.
std::string next_serial(RecordView const& view) {
  std::int64_t highest = 0;
  for (Record const* task : view.all("task")) {
    auto const serial = task->attributes.value("serial-nr", nlohmann::json());
    if (auto const n = serial.is_string() ? parse_int(serial.get<std::string>()) : std::nullopt) {
      highest = std::max(highest, *n);
    }
  }
  return zero_padded(highest + 1, 4);
}

// FLOWii derives bookkeeping on a task write: serial number, activity order and
// main activity, the task state; and it keeps activities a PATCH does not list
// (activities with an id are changed, those without one added).
void on_task_write(Record& task, WriteScope& scope) {
  RecordView const view = scope.ctx.view();
  Store& store = scope.ctx.state.store;
  Record const* before = scope.creating ? nullptr : view.find(task.ref());
  auto activities = task.related("activities");
  if (before != nullptr) {
    auto kept = before->related("activities");
    for (auto const& ref : activities) {
      if (std::find(kept.begin(), kept.end(), ref) == kept.end()) kept.push_back(ref);
    }
    activities = kept;
  }
  std::string const rel = scope.pointer + "/relationships/";
  if (activities.empty()) {  // a missing relationship is already reported as required
    auto const given = task.relationships.find("activities");
    if (given != task.relationships.end() && !given->is_null()) {
      scope.errors.at(422, rel + "activities", "A task needs at least one activity.");
    }
    return;
  }
  nlohmann::json linkage = nlohmann::json::array();
  std::vector<std::int64_t> states;
  for (std::size_t i = 0; i < activities.size(); ++i) {
    for (Record const* other : view.all("task")) {
      auto const theirs = other->related("activities");
      if (other->id != task.id && std::find(theirs.begin(), theirs.end(), activities[i]) != theirs.end()) {
        scope.errors.at(422, rel + "activities",
                        "Activity " + activities[i].id + " belongs to task " + other->id + ".");
      }
    }
    Record* activity = store.find(scope.ctx.company, "activity", activities[i].id);
    if (activity == nullptr) continue;
    if (activity->attributes.value("order", nlohmann::json()).is_null()) activity->attributes["order"] = i + 1;
    if (activity->attributes.value("is-main", nlohmann::json()).is_null()) activity->attributes["is-main"] = i == 0;
    states.push_back(activity_state(activity));
    linkage.push_back(identifier(activities[i]));
  }
  task.relationships["activities"] = linkage;

  auto const category = task.related("category");
  auto const subcategory = task.related("subcategory");
  if (!subcategory.empty()) {
    Record const* sub = view.find(subcategory.front());
    auto const parent = sub != nullptr ? sub->related("parent") : std::vector<Ref>{};
    if (parent.empty() || (!category.empty() && !(parent.front() == category.front()))) {
      scope.errors.at(422, rel + "subcategory", "The subcategory must be a child of the task's category.");
    }
  }

  if (scope.creating) task.attributes["serial-nr"] = next_serial(view);
  bool const state_given = before != nullptr ? task.attributes.value("state", nlohmann::json()) !=
                                                   before->attributes.value("state", nlohmann::json())
                                             : task.attributes.contains("state") && !task.attributes["state"].is_null();
  if (!state_given) task.attributes["state"] = task_state_of(states);
}

// An activity that becomes done records when (`to`), unless the client said.
void on_activity_write(Record& activity, WriteScope& scope) {
  if (activity_state(&activity) == state_done && activity.attributes.value("to", nlohmann::json()).is_null()) {
    activity.attributes["to"] = format_local(scope.ctx.now());
  }
}

// Intervals live under a task (owner) and must log time on one of its activities.
void on_interval_write(Record& interval, WriteScope& scope) {
  std::string const pointer = scope.pointer;
  if (!interval.owner.empty()) {
    Record const* task = scope.ctx.view().find(interval.owner);
    auto const activity = interval.related("activity");
    auto const mine = task != nullptr ? task->related("activities") : std::vector<Ref>{};
    if (!activity.empty() && std::find(mine.begin(), mine.end(), activity.front()) == mine.end()) {
      scope.errors.at(422, pointer + "/relationships/activity",
                      "Activity " + activity.front().id + " is not an activity of task " + interval.owner.id + ".");
    }
  }
  auto time = [&](char const* name) {
    auto const v = interval.attributes.value(name, nlohmann::json());
    return v.is_string() ? parse_local(v.get<std::string>()) : std::nullopt;
  };
  auto const from = time("from");
  auto const to = time("to");
  if (from && to && *to < *from) scope.errors.at(422, pointer + "/attributes/to", "to must not be before from.");
}

// FLOWii stamps a message with its time and author.
void on_message_write(Record& message, WriteScope& scope) {
  auto const text = message.attributes.value("message", nlohmann::json());
  if (text.is_string() && trim(text.get<std::string>()).empty()) {
    scope.errors.at(422, scope.pointer + "/attributes/message", "message must not be empty.");
  }
  if (!scope.creating) return;
  message.attributes["created"] = format_local(scope.ctx.now());
  message.relationships["user"] = identifier({"user", scope.ctx.user->id});
}

// What a task or communication is about (what fills the owners' sub-lists).
std::vector<Relationship> subject_links(bool partner_required) {
  auto partner = Relationship::one("partner", "partner").related_link();
  partner.is_required = partner_required;
  return {partner, Relationship::one("business-case", "business-case").related_link(),
          Relationship::one("order", "order").related_link()};
}

ResourceSpec task() {
  auto spec = ResourceSpec::crud("task", "/tasks");
  spec.attributes = {
      Attribute::text("serial-nr"),
      Attribute::text("caption").required(),
      Attribute::text("description"),
      Attribute::integer("priority"),
      Attribute::datetime("planned-from"),
      Attribute::datetime("planned-to"),
      Attribute::datetime("deadline"),
      Attribute::number("estimated-duration"),
      Attribute::integer("state").one_of(state_members),
  };
  spec.relationships = {
      Relationship::one("user", "user"),
      Relationship::list("activities", "activity").nested().owned().required().including({"user"}),
      Relationship::list("task-messages", "task-message").owned().including({"user"}),
      Relationship::one("category", "task-category").related_link(),
      Relationship::one("subcategory", "task-category").related_link(),
  };
  for (auto& subject : subject_links(false)) spec.relationships.push_back(std::move(subject));
  for (auto& values : custom_field_value_relationships()) spec.relationships.push_back(std::move(values));
  spec.list_view = ListView::only({"serial-nr", "caption", "deadline", "state"},
                                  {"user", "activities", "partner", "business-case", "order"});
  spec.sublist_hides = {"user"};
  spec.filters = {
      Filter::text("search-text", {"caption", "description", "serial-nr", "partner.name"}),
      Filter::range("created", "@created"),
      Filter::range("edited", "@edited"),
      Filter::range("deadline", "deadline"),
      Filter::range("activity-deadline", "activities.deadline"),
      Filter::range("worked", "activities.<activity-interval:activity.from"),
      Filter::range("completed", "activities.to"),
      Filter::equals("state", "state"),
      Filter::ids("activity-type-id", "activities.activity-type"),
      Filter::ids("category-id", "category"),
      Filter::ids("subcategory-id", "subcategory"),
      Filter::ids("created-by-user-id", "user"),
      Filter::ids("responsible-user-id", "activities.user"),
      Filter::ids("partner-id", "partner"),
      Filter::ids("partner-country-id", "partner.billing-address.country"),
      Filter::ids("business-case-id", "business-case"),
      Filter::ids("order-id", "order"),
      Filter::ids("order-state-id", "order.state"),
  };
  spec.sublists = {
      SubList::related("activities", "activity", {"activities"}),
      // POST creates an interval owned by the task; PATCH/DELETE are in tasks_routes.cpp.
      SubList{"activityintervals", "activity-interval", {"activities.<activity-interval:activity"}, true, true},
      SubList::attachments("files", "file"),
  };
  spec.on_write = on_task_write;
  return spec;
}

ResourceSpec activity() {
  ResourceSpec spec;  // nested only: written inline with its task
  spec.type = "activity";
  spec.attributes = {
      Attribute::integer("state").required().one_of(state_members),
      Attribute::datetime("planned-from"),
      Attribute::datetime("planned-to"),
      Attribute::datetime("from"),
      Attribute::datetime("to"),
      Attribute::datetime("deadline"),
      Attribute::number("estimated-duration"),
      Attribute::text("note"),
      Attribute::boolean("is-main"),
      Attribute::integer("order"),
  };
  spec.relationships = {Relationship::one("activity-type", "activity-type").required().related_link(),
                        Relationship::one("user", "user")};
  spec.list_view = ListView::only({"order", "is-main", "state"}, {"activity-type", "user"});  // as FLOWii lists them
  spec.on_write = on_activity_write;
  return spec;
}

ResourceSpec activity_interval() {
  ResourceSpec spec;  // created through /tasks/{id}/activityintervals
  spec.type = "activity-interval";
  spec.attributes = {Attribute::datetime("from"), Attribute::datetime("to")};
  spec.relationships = {Relationship::one("activity", "activity").required()};
  spec.on_write = on_interval_write;
  return spec;
}

ResourceSpec task_message() {
  ResourceSpec spec;  // created through /tasks/{id}/taskmessages, read in the task's included
  spec.type = "task-message";
  spec.attributes = {Attribute::text("message").required(), Attribute::datetime("created")};
  spec.relationships = {Relationship::one("user", "user").related_link()};
  spec.on_write = on_message_write;
  return spec;
}

ResourceSpec task_category() { return ResourceSpec::tree_code_list("task-category", "/taskcategories"); }

// The caller added the event: remember it (see communication_author).
void on_communication_write(Record& communication, WriteScope& scope) {
  if (!scope.creating || scope.ctx.user == nullptr) return;
  Record author;
  author.type = communication_author;
  author.id = communication.id;
  author.owner = communication.ref();
  author.created = author.edited = communication.created;
  author.relationships["user"] = identifier({"user", scope.ctx.user->id});
  scope.ctx.state.store.put(scope.ctx.company, std::move(author));
}

ResourceSpec communication() {
  auto spec = ResourceSpec::crud("communication", "/communications");
  spec.attributes = {
      Attribute::text("note"),
      Attribute::integer("direction").one_of({0, 1, 2}),  // undefined, incoming, outgoing
      Attribute::datetime("planned-from"),
      Attribute::datetime("planned-to"),
      Attribute::datetime("finished"),
      Attribute::integer("state").required().one_of({state_waiting, state_done}),
  };
  spec.relationships = {
      Relationship::one("category", "communication-category").related_link(),
      Relationship::one("type", "communication-type").related_link(),
      Relationship::one("user", "user").required(),
  };
  for (auto& subject : subject_links(true)) spec.relationships.push_back(std::move(subject));
  spec.list_view = ListView::only({"note", "state", "planned-from", "planned-to", "finished"},
                                  {"partner", "business-case", "order"});
  spec.filters = {
      Filter::text("search-text", {"note", "partner.name"}),
      Filter::range("created", "@created"),
      Filter::range("scheduled", "planned-from"),
      Filter::equals("state", "state"),
      Filter::ids("type-id", "type"),
      Filter::ids("category-id", "category"),
      Filter::ids("created-by-user-id", std::string("<") + communication_author + ":@owner.user"),
      Filter::ids("responsible-user-id", "user"),
      Filter::ids("partner-id", "partner"),
      Filter::ids("partner-country-id", "partner.billing-address.country"),
      Filter::ids("partner-type-id", "partner.base-business-relationship"),
      Filter::ids("partner-subtype-id", "partner.extended-business-relationship"),
      Filter::ids("business-case-id", "business-case"),
      Filter::ids("order-id", "order"),
  };
  spec.sublists = {SubList::attachments("files", "file")};
  spec.on_write = on_communication_write;
  return spec;
}

}  // namespace

std::int64_t task_state_of(std::vector<std::int64_t> const& states) {
  if (states.empty()) return state_waiting;
  if (std::all_of(states.begin(), states.end(), finished)) return state_done;
  bool const working =
      std::any_of(states.begin(), states.end(), [](std::int64_t s) { return s == state_in_progress || finished(s); });
  return working ? state_in_progress : state_waiting;
}

std::int64_t activity_state(Record const* activity) {
  auto const state = activity != nullptr ? activity->attributes.value("state", nlohmann::json()) : nlohmann::json();
  return state.is_number_integer() ? state.get<std::int64_t>() : state_waiting;
}

Module tasks_module() {
  Module m;
  m.name = "tasks";
  m.resources = {
      task(),
      activity(),
      activity_interval(),
      task_message(),
      task_category(),
      ResourceSpec::code_list("activity-type", "/activitytypes", {Attribute::text("name")}, true),
      custom_field_list("/tasks/customfields", "task"),
      communication(),
      ResourceSpec::code_list("communication-category", "/communicationcategories",
                              {Attribute::text("name"), Attribute::integer("order")}, true),
      ResourceSpec::code_list(
          "communication-type", "/communicationtypes",
          {Attribute::text("name"), Attribute::boolean("direction-presence"), Attribute::integer("type")}, true),
  };
  m.routes = task_routes();
  m.seed = seed_tasks;
  return m;
}

}  // namespace flowii::emulator
