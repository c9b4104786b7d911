// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Shared / account models: permissions, notifications, summaries and devices
// (blueprint groups "Account", "Notifications", "Summary", "Devices"). Users,
// countries, tags and files are in models/common.hpp.
#ifndef FLOWII_MODELS_ACCOUNT_HPP
#define FLOWII_MODELS_ACCOUNT_HPP

#include <flowii/model.hpp>

#include <cstdint>
#include <string>

namespace flowii {

/// FLOWii modules whose visibility /permissions reports (`modul`).
enum class ModuleId : int { kTasks = 1, kPartners = 2, kEvents = 4, kOrders = 11, kBusinessCases = 19 };

/// Whether the signed-in user sees a module. The id is the module id too.
#define FLOWII_PERMISSION_FIELDS(ATTR, ONE, MANY) \
  ATTR(ModuleId, modul, "modul")                  \
  ATTR(bool, visible, "visible")
FLOWII_MODEL(Permission, "permission", FLOWII_PERMISSION_FIELDS);

/// Notification `severity`.
enum class NotificationSeverity : int { kInformation = 1, kWarning = 2, kError = 3 };

/// Notification `type`: 2000-2007 tasks, 3000-3001 events, 4000-4002 business
/// cases, 5000-5002 orders.
enum class NotificationType : int {
  kTaskActivityAdded = 2000,
  kTaskActivityNowWaiting = 2001,  ///< an activity went from "will wait" to "wait"
  kTaskCommunicationAdded = 2002,
  kTaskActivityReturned = 2003,
  kTaskActivityDeadlineMissed = 2004,
  kTaskDeadlineMissed = 2005,
  kTaskAttachmentAdded = 2006,
  kTaskEstimateExceeded = 2007,
  kEventAdded = 3000,
  kEventDeadlineMissed = 3001,
  kBusinessCaseAdded = 4000,
  kBusinessCaseDeadlineMissed = 4001,
  kBusinessCaseCommunicationAdded = 4002,
  kOrderAdded = 5000,
  kOrderDeadlineMissed = 5001,
  kOrderCommunicationAdded = 5002,
};

/// Notification `subtype`, documented for type 2006 only. Every example sends 0
/// ("no subtype"), which the blueprint does not list.
enum class NotificationSubtype : int { kNone = 0, kSingleAttachmentAdded = 10001, kMultipleAttachmentsAdded = 10002 };

/// One of the signed-in user's notifications. The record it is about is one of
/// task, communication, business case or order (the others are empty); their
/// names are in included().
#define FLOWII_NOTIFICATION_FIELDS(ATTR, ONE, MANY)    \
  ATTR(std::string, message, "message")                \
  ATTR(DateTime, created, "created")                   \
  ATTR(bool, is_read, "is-read")                       \
  ATTR(NotificationSeverity, severity, "severity")     \
  ATTR(NotificationType, notification_type, "type")    \
  ATTR(NotificationSubtype, subtype, "subtype")        \
  ONE(user, "user", "user")                            \
  ONE(task, "task", "task")                            \
  ONE(communication, "communication", "communication") \
  ONE(business_case, "business-case", "business-case") \
  ONE(order, "order", "order")
FLOWII_MODEL(Notification, "notification", FLOWII_NOTIFICATION_FIELDS);

/// The home dashboard (GET /summary/home); its id is the user's id.
#define FLOWII_HOME_SUMMARY_FIELDS(ATTR, ONE, MANY)                                              \
  ATTR(std::int64_t, tasks_count, "tasks-count")                                                 \
  ATTR(std::int64_t, tasks_recently_added_count, "tasks-recently-added-count")                   \
  ATTR(std::int64_t, partners_count, "partners-count")                                           \
  ATTR(std::int64_t, partners_recently_added_count, "partners-recently-added-count")             \
  ATTR(std::int64_t, business_cases_count, "business-cases-count")                               \
  ATTR(double, business_cases_income_amount, "business-cases-income-amount")                     \
  ATTR(std::int64_t, business_cases_recently_added_count, "business-cases-recently-added-count") \
  ATTR(std::int64_t, orders_count, "orders-count")                                               \
  ATTR(double, orders_income_amount, "orders-income-amount")                                     \
  ATTR(std::int64_t, orders_recently_added_count, "orders-recently-added-count")
FLOWII_MODEL(HomeSummary, "summary", FLOWII_HOME_SUMMARY_FIELDS);

/// The unread notification count (GET /summary/notifications); its id is the user's id.
#define FLOWII_NOTIFICATIONS_SUMMARY_FIELDS(ATTR, ONE, MANY) ATTR(std::int64_t, unread_count, "unread-count")
FLOWII_MODEL(NotificationsSummary, "notifications-summary", FLOWII_NOTIFICATIONS_SUMMARY_FIELDS);

/// Device `platform-type` (the blueprint's platformType).
enum class PlatformType : int { kUndefined = 0, kWindows = 1, kLinux = 2, kAndroid = 3, kApple = 4 };

/// A device registered for push notifications (POST /devices). `company-id` is
/// in FLOWii's schema, not in its example.
#define FLOWII_DEVICE_FIELDS(ATTR, ONE, MANY)  \
  ATTR(std::int64_t, company_id, "company-id") \
  ATTR(std::string, fcm_token, "fcm-token")    \
  ATTR(PlatformType, platform_type, "platform-type")
FLOWII_MODEL(Device, "device", FLOWII_DEVICE_FIELDS);

/// Every model of this header (see ModelList).
using AccountModels = ModelList<Permission, Notification, HomeSummary, NotificationsSummary, Device>;

}  // namespace flowii

#endif  // FLOWII_MODELS_ACCOUNT_HPP
