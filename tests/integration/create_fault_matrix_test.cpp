// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// Every create of every module × every way its answer can be lost: a create is
// never made twice, never reported as a failure to retry when it may have taken
// effect (kOutcomeUnknown), and, where the resource's list has filter[created-from],
// reconciled to success — the record found, or sent again once FLOWii provably has
// none. The journal counts what FLOWii really created.
#include "demo_links.hpp"
#include "emulator_fixture.hpp"

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace flowii::test {
namespace {

using emulator::Emulator;
using std::chrono::milliseconds;

constexpr milliseconds kCallTimeout{1000};   // libcurl's, real time
constexpr milliseconds kStallBound{60'000};  // a stall ends when the client hangs up

/// Ids the creates link to, looked up through the API before any fault is armed.
using Refs = DemoLinks;

struct Creator {
  char const* name;
  char const* path;   // where the POST goes
  bool reconcilable;  // its list has filter[created-from]
  std::function<Status(Client&, Refs const&, CallOptions const&)> create;
};

std::vector<Creator> const& creators() {
  static std::vector<Creator> const all = {
      {"Partner", "/partners", true,
       [](Client& c, Refs const&, CallOptions const& o) {
         return status_of(
             c.partners().create(Partner().set_name("Lost Answer s.r.o.").set_partner_type(PartnerType::kCompany), o));
       }},
      {"Order", "/orders", true,
       [](Client& c, Refs const& r, CallOptions const& o) {
         // Dated a month back: reconciliation must reach back to the `created` it sends.
         return status_of(c.orders().create(Order()
                                                .set_name("Stratená odpoveď")
                                                .set_created(DateTime{2026, 11, 2, 9, 30, 0})
                                                .set_order_type(r.order_type)
                                                .set_subtype(r.order_subtype)
                                                .set_state(r.order_state)
                                                .set_partner(r.partner)
                                                .set_user(r.user),
                                            o));
       }},
      {"BusinessCase", "/businesscases", true,
       [](Client& c, Refs const& r, CallOptions const& o) {
         return status_of(c.business_cases().create(BusinessCase()
                                                        .set_name("Stratený prípad")
                                                        .set_created(DateTime{2026, 11, 20, 0, 0, 0})
                                                        .set_state(r.case_state)
                                                        .set_partner(r.partner),
                                                    o));
       }},
      {"Task", "/tasks", true,
       [](Client& c, Refs const& r, CallOptions const& o) {
         Activity work;
         work.set_state(ActivityState::kWaiting).set_activity_type(r.activity_type).set_user(r.user);
         return status_of(c.tasks().create(
             Task().set_caption("Stratená úloha").set_user(r.user).set_partner(r.partner).add_activities(work), o));
       }},
      {"Communication", "/communications", true,
       [](Client& c, Refs const& r, CallOptions const& o) {
         return status_of(c.tasks().communications().create(Communication()
                                                                .set_note("Stratený telefonát")
                                                                .set_direction(CommunicationDirection::kOutgoing)
                                                                .set_state(CommunicationState::kDone)
                                                                .set_category(r.communication_category)
                                                                .set_communication_type(r.communication_type)
                                                                .set_user(r.user)
                                                                .set_partner(r.partner),
                                                            o));
       }},
      {"CashFlow", "/cashflow", true,
       [](Client& c, Refs const&, CallOptions const& o) {
         return status_of(c.finance().create(
             CashFlow().set_cash_flow_type(CashFlowType::kExpense).set_amount(12.5).set_note("Stratená platba"), o));
       }},
      {"Document", "/documents", false,
       [](Client& c, Refs const& r, CallOptions const& o) {
         return status_of(c.invoicing().create(Document()
                                                   .set_document_type(DocumentType::kInvoice)
                                                   .set_issue_date(DateTime{2026, 11, 30, 0, 0, 0})
                                                   .set_numbering_sequence(r.sequence)
                                                   .set_company_data(r.company_data)
                                                   .set_partner(r.partner)
                                                   .add_items(DocumentItem()
                                                                  .set_name("Konzultácia")
                                                                  .set_quantity(1)
                                                                  .set_unit_price(40)
                                                                  .set_unit_price_type(PriceType::kExcludingVat)
                                                                  .set_vat_rate(23)),
                                               o));
       }},
      {"AttendanceEvent", "/attendanceevents", false,
       [](Client& c, Refs const&, CallOptions const& o) {
         return status_of(c.attendance().record_event(AttendanceEvent()
                                                          .set_attendance_type(AttendanceType::kArrival)
                                                          .set_date_time(DateTime{2026, 11, 30, 8, 0, 0}),
                                                      o));
       }},
      {"PlannedAbsence", "/plannedabsences", false,
       [](Client& c, Refs const&, CallOptions const& o) {
         return status_of(c.attendance().plan_absence(PlannedAbsence()
                                                          .set_absence_type(AttendanceType::kHoliday)
                                                          .set_date_from(Date{2026, 12, 14})
                                                          .set_date_to(Date{2026, 12, 15}),
                                                      o));
       }},
      {"ActivityInterval", "/tasks/142733/activityintervals", false,
       [](Client& c, Refs const&, CallOptions const& o) {
         return status_of(c.tasks().create_activity_interval("142733",
                                                             ActivityInterval()
                                                                 .set_from(DateTime{2026, 11, 27, 8, 0, 0})
                                                                 .set_to(DateTime{2026, 11, 27, 10, 30, 0})
                                                                 .set_activity("171568"),
                                                             o));
       }},
  };
  return all;
}

/// How the answer to the create goes wrong.
struct Loss {
  char const* name;
  Emulator::Breakage breakage;
  int status;      // a status fault instead, 0 = none
  bool processed;  // FLOWii created the record before the answer was lost
  enum Kind { kLost, kServerError, kSlow } kind;
};

std::vector<Loss> const& losses() {
  using B = Emulator::Breakage;
  static std::vector<Loss> const all = {
      {"ClosedBeforeProcessing", B::kClose, 0, false, Loss::kLost},
      {"ResetBeforeProcessing", B::kReset, 0, false, Loss::kLost},
      {"Garbage", B::kGarbage, 0, false, Loss::kLost},
      {"StalledBeforeProcessing", B::kStall, 0, false, Loss::kLost},
      {"TruncatedAfterProcessing", B::kTruncatedBody, 0, true, Loss::kLost},
      {"ClosedAfterProcessing", B::kCloseAfterProcessing, 0, true, Loss::kLost},
      {"ResetAfterProcessing", B::kResetAfterProcessing, 0, true, Loss::kLost},
      {"StalledAfterProcessing", B::kStallAfterProcessing, 0, true, Loss::kLost},
      {"Gateway502", B::kNone, 502, false, Loss::kLost},
      {"Gateway504", B::kNone, 504, false, Loss::kLost},
      {"ServerError500", B::kNone, 500, false, Loss::kServerError},
      {"SlowBody", B::kSlowBody, 0, true, Loss::kSlow},
  };
  return all;
}

struct Row {
  Creator const* creator;
  Loss const* loss;
};

std::ostream& operator<<(std::ostream& os, Row const& row) { return os << row.creator->name << "_" << row.loss->name; }

std::vector<Row> rows() {
  std::vector<Row> out;
  for (auto const& creator : creators()) {
    for (auto const& loss : losses()) out.push_back({&creator, &loss});
  }
  return out;
}

class CreateFaultMatrixTest : public EmulatorTest, public ::testing::WithParamInterface<Row> {
 protected:
  /// POSTs to `path` that FLOWii processed: the records it really created.
  std::size_t created(std::string const& path) {
    std::size_t n = 0;
    for (auto const& e : emu().journal()) n += e.method == "POST" && e.path == path && e.status / 100 == 2 ? 1 : 0;
    return n;
  }
};

TEST_P(CreateFaultMatrixTest, NeverTwiceNeverAFailureToRetry) {
  Creator const& creator = *GetParam().creator;
  Loss const& loss = *GetParam().loss;
  Client c = client();
  Refs const refs = look_up_demo_links(c);
  emu().clear_journal();

  Emulator::Fault fault;
  fault.method = "POST";
  fault.path_prefix = creator.path;
  fault.breakage = loss.breakage;
  fault.status = loss.status;
  fault.hold = loss.kind == Loss::kSlow ? milliseconds(100) : kStallBound;
  emu().inject(fault);
  CallOptions call;
  call.timeout = kCallTimeout;
  Status const outcome = creator.create(c, refs, call);

  EXPECT_EQ(emu().faults_fired(), 1u);
  std::size_t const made = created(creator.path);
  EXPECT_LE(made, 1u) << "created twice: " << outcome.to_string();
  switch (loss.kind) {
    case Loss::kSlow:
      EXPECT_TRUE(outcome.ok()) << outcome.to_string();
      EXPECT_EQ(made, 1u);
      break;
    case Loss::kServerError:
      EXPECT_EQ(outcome.code(), ErrorCode::kInternal) << outcome.to_string();
      EXPECT_EQ(made, 0u);
      break;
    case Loss::kLost:
      if (creator.reconcilable) {
        // Found (processed) or sent again (not processed): one record either way.
        EXPECT_TRUE(outcome.ok()) << outcome.to_string();
        EXPECT_EQ(made, 1u);
      } else {
        EXPECT_EQ(outcome.code(), ErrorCode::kOutcomeUnknown) << outcome.to_string();
        EXPECT_NE(outcome.message().find("may have taken effect"), std::string::npos) << outcome.message();
        EXPECT_EQ(made, loss.processed ? 1u : 0u);
      }
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryCreate, CreateFaultMatrixTest, ::testing::ValuesIn(rows()),
                         [](::testing::TestParamInfo<Row> const& info) {
                           return std::string(info.param.creator->name) + "_" + info.param.loss->name;
                         });

}  // namespace
}  // namespace flowii::test
