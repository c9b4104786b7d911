// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The create soak: many creates across modules with random lost answers. The
// journal shows no record created twice; every call ends in success or a typed
// error; kOutcomeUnknown comes only from creates that cannot be reconciled.
// FLOWII_SOAK_CREATES sets the count (ctest runs a smaller one than
// scripts/soak-creates.sh); the figures are printed as one "soak:" line.
#include "emulator_fixture.hpp"

#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

using emulator::Emulator;

struct Target {
  char const* name;
  char const* path;
  bool reconcilable;
  std::function<Status(Client&, int, CallOptions const&)> create;  // the i-th create
};

std::vector<Target> targets() {
  return {
      {"partners", "/partners", true,
       [](Client& c, int i, CallOptions const& o) {
         return status_of(c.partners().create(
             Partner().set_name("Soak " + std::to_string(i) + " s.r.o.").set_partner_type(PartnerType::kCompany), o));
       }},
      {"cashflow", "/cashflow", true,
       [](Client& c, int i, CallOptions const& o) {
         return status_of(c.finance().create(CashFlow()
                                                 .set_cash_flow_type(CashFlowType::kIncome)
                                                 .set_amount(10 + i)
                                                 .set_note("Soak " + std::to_string(i)),
                                             o));
       }},
      {"attendanceevents", "/attendanceevents", false,
       [](Client& c, int i, CallOptions const& o) {
         return status_of(c.attendance().record_event(AttendanceEvent()
                                                          .set_attendance_type(AttendanceType::kArrival)
                                                          .set_date_time(DateTime{2026, 11, 2 + i % 27, 8, 0, 0})
                                                          .set_note("Soak " + std::to_string(i)),
                                                      o));
       }},
  };
}

/// The ways an answer is lost (or not): what the soak draws from.
std::vector<std::pair<Emulator::Breakage, int>> const& faults() {
  using B = Emulator::Breakage;
  static std::vector<std::pair<B, int>> const all = {
      {B::kClose, 0},
      {B::kReset, 0},
      {B::kGarbage, 0},
      {B::kStall, 0},
      {B::kTruncatedBody, 0},
      {B::kCloseAfterProcessing, 0},
      {B::kResetAfterProcessing, 0},
      {B::kStallAfterProcessing, 0},
      {B::kSlowBody, 0},
      {B::kNone, 502},
      {B::kNone, 504},
      {B::kNone, 503},
      {B::kNone, 500},
  };
  return all;
}

int soak_count() {
  char const* env = std::getenv("FLOWII_SOAK_CREATES");
  int const n = env != nullptr ? std::atoi(env) : 0;
  return n > 0 ? n : 300;
}

class CreateSoakTest : public EmulatorTest {};

TEST_F(CreateSoakTest, NoDuplicateAndOnlyTypedOutcomes) {
  int const creates = soak_count();
  Client c = client();
  ASSERT_TRUE(c.session());
  auto const all = targets();
  std::mt19937 rng(20261206);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<std::size_t> pick_fault(0, faults().size() - 1);
  CallOptions call;
  call.timeout = std::chrono::milliseconds(1000);

  int faulted = 0, succeeded = 0, duplicated = 0, untyped = 0, unknown_where_reconcilable = 0;
  std::map<std::string, int> unknown_by_resource, errors_by_code;
  for (int i = 0; i < creates; ++i) {
    Target const& target = all[static_cast<std::size_t>(i) % all.size()];
    if (percent(rng) < 15) {
      auto const [breakage, status] = faults()[pick_fault(rng)];
      Emulator::Fault f;
      f.method = "POST";
      f.path_prefix = target.path;
      f.breakage = breakage;
      f.status = status;
      f.hold = breakage == Emulator::Breakage::kSlowBody ? std::chrono::milliseconds(50) : std::chrono::seconds(60);
      emu().inject(f);
      ++faulted;
    }
    std::size_t const before = emu().journal().size();
    Status const outcome = target.create(c, i, call);
    auto const journal = emu().journal();
    int made = 0;
    for (std::size_t k = before; k < journal.size(); ++k) {
      auto const& e = journal[k];
      made += e.method == "POST" && e.path == target.path && e.status / 100 == 2 ? 1 : 0;
    }
    if (made > 1) ++duplicated;
    if (outcome.ok()) {
      ++succeeded;
      EXPECT_EQ(made, 1) << target.name << " #" << i;
    } else {
      ++errors_by_code[to_string(outcome.code())];
      if (outcome.code() == ErrorCode::kUnknown) ++untyped;
      if (outcome.code() == ErrorCode::kOutcomeUnknown) {
        ++unknown_by_resource[target.name];
        if (target.reconcilable) ++unknown_where_reconcilable;
      } else {
        EXPECT_EQ(made, 0) << target.name << " #" << i << ": " << outcome.to_string();
      }
    }
  }
  std::string unknown, errors;
  for (auto const& [name, n] : unknown_by_resource) unknown += " " + name + "=" + std::to_string(n);
  for (auto const& [name, n] : errors_by_code) errors += " " + name + "=" + std::to_string(n);
  std::cout << "soak: creates=" << creates << " faults=" << faulted << " fired=" << emu().faults_fired()
            << " succeeded=" << succeeded << " duplicated=" << duplicated << " outcome-unknown:" << unknown
            << " errors:" << errors << "\n";
  EXPECT_EQ(duplicated, 0);
  EXPECT_EQ(untyped, 0);
  EXPECT_EQ(unknown_where_reconcilable, 0);
  EXPECT_GE(faulted * 10, creates);  // at least 10 % of the creates met a fault
  EXPECT_EQ(emu().faults_fired(), static_cast<std::size_t>(faulted));
}

}  // namespace
}  // namespace flowii::test
