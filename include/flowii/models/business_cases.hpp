// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Business cases module models (blueprint group "Business Cases" and its code lists).
#ifndef FLOWII_MODELS_BUSINESS_CASES_HPP
#define FLOWII_MODELS_BUSINESS_CASES_HPP

#include <flowii/model.hpp>

#include <string>

namespace flowii {

#define FLOWII_BUSINESS_CASE_FIELDS(ATTR, ONE, MANY)                         \
  ATTR(std::string, name, "name")                                            \
  ATTR(std::string, serial_nr, "serial-nr")                                  \
  ATTR(std::string, description, "description")                              \
  ATTR(DateTime, created, "created")                                         \
  ATTR(DateTime, anticipated_finish_date, "anticipated-finish-date")         \
  ATTR(DateTime, finish_date, "finish-date")                                 \
  ATTR(double, anticipated_income_amount, "anticipated-income-amount")       \
  ATTR(std::string, failed_finish_note, "failed-finish-note")                \
  ONE(state, "state", "business-case-state")                                 \
  ONE(failure, "failure", "business-case-failure")                           \
  ONE(partner, "partner", "partner")                                         \
  ONE(responsible_user, "responsible-user", "user")                          \
  MANY(responsible_users, "responsible-users", "user")
FLOWII_MODEL(BusinessCase, "business-case", FLOWII_BUSINESS_CASE_FIELDS);

}  // namespace flowii

#endif  // FLOWII_MODELS_BUSINESS_CASES_HPP
