// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Notifications, the home and notification summaries, and push-notification
// devices. Notifications are the calling user's own ("My notifications"):
// the list shows only theirs, newest first, and PATCH changes `is-read` only.
// Devices are registered per user; registering a token again replaces it.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "clock.hpp"
#include "jsonapi.hpp"
#include "listing.hpp"
#include "modules/finance_writes.hpp"
#include "modules/notifications.hpp"
#include "modules/registry.hpp"

namespace flowii::emulator {

namespace {

constexpr std::int64_t recent = std::int64_t{7} * 86400;  // "recently added" on the home summary

bool belongs_to(Record const& r, std::string const& user) {
  auto const users = r.related("user");
  return !users.empty() && users.front().id == user;
}

// A PATCH may only mark the caller's notification read or unread.
void on_notification_write(Record& notification, WriteScope& scope) {
  if (!belongs_to(notification, scope.ctx.user->id)) {
    scope.errors.at(404, scope.pointer + "/id", "There is no notification with id " + notification.id + ".");
    return;
  }
  auto const sent = nlohmann::json::parse(scope.ctx.request.body, nullptr, false);
  nlohmann::json const data =
      sent.is_object() ? sent.value("data", nlohmann::json::object()) : nlohmann::json::object();
  nlohmann::json const attributes = data.value("attributes", nlohmann::json::object());
  for (auto const& item : attributes.items()) {
    if (item.key() != "is-read") {
      scope.errors.at(422, scope.pointer + "/attributes/" + item.key(), "Only is-read can be changed.");
    }
  }
  if (data.contains("relationships")) {
    scope.errors.at(422, scope.pointer + "/relationships", "Only is-read can be changed.");
  }
}

ResourceSpec notification() {
  ResourceSpec spec;
  spec.type = "notification";
  spec.item = "/notifications";
  spec.ops = {Op::kUpdate};  // the list is a route below (only the caller's)
  spec.attributes = {
      Attribute::text("message"),
      Attribute::datetime("created"),
      Attribute::boolean("is-read"),
      Attribute::integer("severity").one_of({1, 2, 3}),  // information, warning, error
      Attribute::integer("type").one_of(
          {2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 3000, 3001, 4000, 4001, 4002, 5000, 5001, 5002}),
      Attribute::integer("subtype"),  // 10001/10002 for type 2006; the examples send 0 otherwise
  };
  spec.relationships = {
      Relationship::one("user", "user").related_link(),
      Relationship::one("task", "task").related_link(),
      Relationship::one("communication", "communication").related_link(),
      Relationship::one("business-case", "business-case").related_link(),
      Relationship::one("order", "order").related_link(),
  };
  spec.on_write = on_notification_write;
  return spec;
}

void on_device_write(Record& device, WriteScope& scope) {
  device.relationships["user"] = identifier({"user", scope.ctx.user->id});
}

ResourceSpec device() {
  ResourceSpec spec;  // POST /devices only (route below)
  spec.type = "device";
  spec.attributes = {
      Attribute::text("fcm-token").required(),
      Attribute::integer("platform-type")
          .required()
          .one_of({0, 1, 2, 3, 4}),      // undefined, Windows, Linux, Android, Apple
      Attribute::integer("company-id"),  // in the schema, not in the example
  };
  spec.relationships = {Relationship::one("user", "user")};
  spec.on_write = on_device_write;
  return spec;
}

HttpReply list_notifications(Ctx& ctx) {
  std::vector<Record const*> mine;
  for (Record const* n : ctx.view().all("notification")) {
    if (belongs_to(*n, ctx.user->id)) mine.push_back(n);
  }
  std::stable_sort(mine.begin(), mine.end(), [](Record const* a, Record const* b) {
    auto const created = [](Record const* r) { return r->attributes.value("created", std::string()); };
    return created(a) > created(b);
  });
  return list_reply(ctx, mine, true);
}

HttpReply register_device(Ctx& ctx) {
  auto const document = parse_document(ctx.request);
  write_all_or_nothing(ctx, [&](Writer& w, ErrorList const& errors) {
    auto const id = w.create("device", {}, document["data"]);
    Record const* added = id.empty() ? nullptr : ctx.view().find({"device", id});
    if (added == nullptr || !errors.empty()) return false;
    auto const token = added->attributes.value("fcm-token", std::string());
    for (Record const* old : ctx.view().all("device")) {
      if (old->id != id && old->attributes.value("fcm-token", std::string()) == token) {
        ctx.state.store.erase(ctx.company, "device", old->id);
      }
    }
    return true;
  });
  HttpReply reply = ok_without_body();
  reply.content_type = jsonapi_media_type;  // FLOWii documents the media type, though no body
  return reply;
}

nlohmann::json summary_document(Ctx const& ctx, char const* type, nlohmann::json attributes) {
  return {{"data", {{"type", type}, {"id", ctx.user->id}, {"attributes", std::move(attributes)}}}};
}

HttpReply notifications_summary(Ctx& ctx) {
  std::int64_t unread = 0;
  for (Record const* n : ctx.view().all("notification")) {
    if (belongs_to(*n, ctx.user->id) && !n->attributes.value("is-read", false)) ++unread;
  }
  return document_reply(200, summary_document(ctx, "notifications-summary", {{"unread-count", unread}}));
}

// Counts of a type's records, of those added within a week, and the sum of
// their anticipated income (business cases and orders).
struct Tally {
  std::int64_t count = 0;
  std::int64_t recent = 0;
  double income = 0;
};

Tally tally(Ctx const& ctx, char const* type) {
  Tally t;
  for (Record const* r : ctx.view().all(type)) {
    ++t.count;
    if (r->created >= ctx.now() - recent) ++t.recent;
    auto const amount = r->attributes.value("anticipated-income-amount", nlohmann::json());
    if (amount.is_number()) t.income += amount.get<double>();
  }
  return t;
}

HttpReply home_summary(Ctx& ctx) {
  Tally const tasks = tally(ctx, "task");
  Tally const partners = tally(ctx, "partner");
  Tally const cases = tally(ctx, "business-case");
  Tally const orders = tally(ctx, "order");
  return document_reply(200, summary_document(ctx, "summary",
                                              {{"tasks-count", tasks.count},
                                               {"tasks-recently-added-count", tasks.recent},
                                               {"partners-count", partners.count},
                                               {"partners-recently-added-count", partners.recent},
                                               {"business-cases-count", cases.count},
                                               {"business-cases-income-amount", cases.income},
                                               {"business-cases-recently-added-count", cases.recent},
                                               {"orders-count", orders.count},
                                               {"orders-income-amount", orders.income},
                                               {"orders-recently-added-count", orders.recent}}));
}

}  // namespace

Module notifications_module() {
  Module m;
  m.name = "notifications";
  m.resources = {notification(), device()};
  m.routes = {
      {"GET", "/notifications", RouteEndpoint{Access::kCompany, page_params(), list_notifications}},
      {"GET", "/summary/home", RouteEndpoint{Access::kCompany, {}, home_summary}},
      {"GET", "/summary/notifications", RouteEndpoint{Access::kCompany, {}, notifications_summary}},
      {"POST", "/devices", RouteEndpoint{Access::kCompany, {}, register_device}},
  };
  m.seed = seed_notifications;
  return m;
}

}  // namespace flowii::emulator
