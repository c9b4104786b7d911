// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Notifications: list the signed-in user's unread notifications, mark them
// read, and print the notification and home summaries. Configured only from
// FLOWII_* variables:
//   FLOWII_API_URL, FLOWII_API_KEY, FLOWII_USERNAME, FLOWII_PASSWORD,
//   FLOWII_COMPANY_ID (needed when the user has several companies), FLOWII_LOG.
#include "example_support.hpp"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using examples::fail;

namespace {

char const* severity(flowii::Notification const& n) {
  switch (n.severity().value_or(flowii::NotificationSeverity::kInformation)) {
    case flowii::NotificationSeverity::kWarning:
      return "warning";
    case flowii::NotificationSeverity::kError:
      return "error";
    default:
      return "info";
  }
}

std::int64_t unread_count(flowii::Client& client) {
  auto summary = client.account().notifications_summary();
  if (!summary) fail("reading the notifications summary", summary.status());
  return summary->unread_count().value_or(0);
}

}  // namespace

int main() {
  auto [client, session] = examples::connect("notifications");
  std::cout << "notifications of " << session.user_name << " in company " << session.company_id << "\n";
  std::cout << "unread notifications: " << unread_count(client) << "\n";

  std::vector<flowii::Notification> unread;
  for (auto const& n : client.account().notifications()) {
    if (!n) fail("listing notifications", n.status());
    if (!n->is_read().value_or(false)) unread.push_back(*n);
  }
  for (auto const& n : unread) {
    std::cout << "  " << n.created().value_or(flowii::DateTime{}).to_string() << "  [" << severity(n) << ", type "
              << static_cast<int>(n.notification_type().value_or(flowii::NotificationType{})) << "]  "
              << n.message().value_or("") << "\n";
  }
  for (auto const& n : unread) {
    if (auto s = client.account().mark_read(n.id()); !s) fail("marking notification " + n.id() + " read", s);
  }
  std::cout << "marked " << unread.size() << " notification(s) read; unread now: " << unread_count(client) << "\n";

  auto home = client.account().home_summary();
  if (!home) fail("reading the home summary", home.status());
  std::cout << "home summary:\n"
            << "  tasks:          " << home->tasks_count().value_or(0) << " ("
            << home->tasks_recently_added_count().value_or(0) << " recently added)\n"
            << "  partners:       " << home->partners_count().value_or(0) << " ("
            << home->partners_recently_added_count().value_or(0) << " recently added)\n"
            << "  business cases: " << home->business_cases_count().value_or(0) << ", expected income "
            << home->business_cases_income_amount().value_or(0) << " EUR\n"
            << "  orders:         " << home->orders_count().value_or(0) << ", expected income "
            << home->orders_income_amount().value_or(0) << " EUR\n";
  std::cout << "notifications finished\n";
  return 0;
}
