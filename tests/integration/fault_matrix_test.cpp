// Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
//
// The fault matrix: every fault the emulator can inject × GET, POST, PATCH and
// DELETE of a partner. Each call either succeeds after retries or returns the
// expected typed error, and the emulator's journal proves
// that FLOWii never processed a write twice. One table, each row named.
#include "emulator_fixture.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace flowii {
namespace {

using emulator::Emulator;
using std::chrono::milliseconds;

enum class Method { kGet, kPost, kPatch, kDelete };

char const* method_name(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
  }
  return "?";
}

bool idempotent(Method m) { return m == Method::kGet || m == Method::kDelete; }

// The per-attempt timeout of every call in the matrix (real time: libcurl's).
constexpr milliseconds kCallTimeout{1000};
// A stall holds until the client hangs up; this is only its upper bound, far
// above kCallTimeout so that the client's timeout always ends it first.
constexpr milliseconds kStallBound{60'000};
// The overall retry deadline, on the fixture's virtual clock.
constexpr milliseconds kDeadline{8000};

struct FaultKind {
  char const* name;
  std::function<void(Emulator&, Method)> arm;  // injects the fault for the call under test
  // The outcome for a safe (GET, DELETE) call, a create (POST, reconciled when
  // its answer is lost: docs/adr/0010) and an update (PATCH):
  // nullopt = success after retries, else the error code the caller gets.
  std::optional<ErrorCode> safe;
  std::optional<ErrorCode> create;
  std::optional<ErrorCode> update;
  bool processed_before_failing = false;  // the server acted before the fault broke the answer
};

Emulator::Fault fault_for(Method m) {
  Emulator::Fault f;
  f.method = method_name(m);
  f.path_prefix = "/partners";
  return f;
}

std::function<void(Emulator&, Method)> status(int code, std::optional<std::string> retry_after = std::nullopt) {
  return [=](Emulator& emu, Method m) {
    auto f = fault_for(m);  // not the fixture's inject_status: the table is built before any fixture
    f.status = code;
    f.retry_after = retry_after;
    emu.inject(f);
  };
}

std::function<void(Emulator&, Method)> breakage(Emulator::Breakage b, milliseconds hold = milliseconds(200)) {
  return [=](Emulator& emu, Method m) {
    auto f = fault_for(m);
    f.breakage = b;
    f.hold = hold;
    emu.inject(f);
  };
}

std::vector<FaultKind> const& fault_kinds() {
  using B = Emulator::Breakage;
  static std::vector<FaultKind> const kinds = {
      // FLOWii refused explicitly: every call may repeat.
      {"Status429RetryAfter", status(429, "0"), std::nullopt, std::nullopt, std::nullopt},
      {"Status429", status(429), std::nullopt, std::nullopt, std::nullopt},
      {"Status503", status(503), std::nullopt, std::nullopt, std::nullopt},
      {"Status503RetryAfter", status(503, "0"), std::nullopt, std::nullopt, std::nullopt},
      // FLOWii failed: only safe calls repeat.
      {"Status500", status(500), std::nullopt, ErrorCode::kInternal, ErrorCode::kInternal},
      // A gateway lost the answer: FLOWii may have acted. A lost create is looked
      // for (here it was not made) and sent again; a lost update is reported.
      {"Status502", status(502), std::nullopt, std::nullopt, ErrorCode::kOutcomeUnknown},
      {"Status504", status(504), std::nullopt, std::nullopt, ErrorCode::kOutcomeUnknown},
      {"AddedLatency",
       [](Emulator& emu, Method m) {
         auto f = fault_for(m);
         f.delay = milliseconds(100);
         emu.inject(f);
       },
       std::nullopt, std::nullopt, std::nullopt},
      {"ConnectionClosed", breakage(B::kClose), std::nullopt, std::nullopt, ErrorCode::kOutcomeUnknown},
      {"ConnectionReset", breakage(B::kReset), std::nullopt, std::nullopt, ErrorCode::kOutcomeUnknown},
      {"GarbageInsteadOfHttp", breakage(B::kGarbage), std::nullopt, std::nullopt, ErrorCode::kOutcomeUnknown},
      {"Stall", breakage(B::kStall, kStallBound), std::nullopt, std::nullopt, ErrorCode::kOutcomeUnknown},
      {"SlowBody", breakage(B::kSlowBody, milliseconds(200)), std::nullopt, std::nullopt, std::nullopt},
      // Processed, then the answer was lost: the create is found, not made again.
      {"TruncatedBody", breakage(B::kTruncatedBody), std::nullopt, std::nullopt, ErrorCode::kOutcomeUnknown, true},
      {"ClosedAfterProcessing", breakage(B::kCloseAfterProcessing), std::nullopt, std::nullopt,
       ErrorCode::kOutcomeUnknown, true},
      {"StalledAfterProcessing", breakage(B::kStallAfterProcessing, kStallBound), std::nullopt, std::nullopt,
       ErrorCode::kOutcomeUnknown, true},
      {"TokenExpiresMidRun", [](Emulator& emu, Method) { emu.expire_tokens(); }, std::nullopt, std::nullopt,
       std::nullopt},
  };
  return kinds;
}

struct Row {
  FaultKind const* kind;
  Method method;
};

std::ostream& operator<<(std::ostream& os, Row const& row) {
  return os << row.kind->name << "_" << method_name(row.method);
}

std::vector<Row> rows() {
  std::vector<Row> out;
  for (auto const& kind : fault_kinds()) {
    for (Method m : {Method::kGet, Method::kPost, Method::kPatch, Method::kDelete}) out.push_back({&kind, m});
  }
  return out;
}

class FaultMatrixTest : public test::EmulatorTest, public ::testing::WithParamInterface<Row> {
 protected:
  /// Writes of the method under test that FLOWii processed (answered 2xx).
  std::size_t processed(Method m) {
    std::size_t n = 0;
    for (auto const& e : emu().journal()) {
      if (e.method == method_name(m) && e.path.rfind("/partners", 0) == 0 && e.status >= 200 && e.status < 300) ++n;
    }
    return n;
  }
};

TEST_P(FaultMatrixTest, SucceedsOrFailsTypedWithoutDuplicates) {
  Row const& row = GetParam();
  auto options = this->options();
  options.retry.total_timeout = kDeadline;
  Client client(options);
  CallOptions call;
  call.timeout = kCallTimeout;

  // A partner to read, change or delete, made before the fault is armed.
  auto existing =
      client.partners().create(Partner().set_name("Matrix Existing s.r.o.").set_partner_type(PartnerType::kCompany));
  ASSERT_TRUE(existing.ok()) << existing.status().to_string();
  auto before = client.partners().get(existing->id());
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  emu().clear_journal();
  row.kind->arm(emu(), row.method);

  Status outcome;
  switch (row.method) {
    case Method::kGet:
      outcome = client.partners().get(existing->id(), call).status();
      break;
    case Method::kPost:
      outcome = client.partners()
                    .create(Partner().set_name("Matrix New s.r.o.").set_partner_type(PartnerType::kCompany), call)
                    .status();
      break;
    case Method::kPatch:
      outcome = client.partners().update(before->set_name("Matrix Renamed s.r.o."), call);
      break;
    case Method::kDelete:
      outcome = client.partners().remove(existing->id(), call);
      break;
  }

  auto const expected = idempotent(row.method)        ? row.kind->safe
                        : row.method == Method::kPost ? row.kind->create
                                                      : row.kind->update;
  if (expected) {
    EXPECT_EQ(outcome.code(), *expected) << outcome.to_string();
  } else {
    EXPECT_TRUE(outcome.ok()) << outcome.to_string();
  }
  // A write is never processed twice, and once when the call succeeded (reads
  // may repeat).
  std::size_t const done = processed(row.method);
  if (row.method != Method::kGet) {
    EXPECT_LE(done, 1u);
  }
  if (outcome.ok()) {
    EXPECT_GE(done, 1u);
  } else if (!row.kind->processed_before_failing) {
    EXPECT_EQ(done, 0u);
  }
  // The fault really hit the call: fired once, or (token expiry) one 401 and a renewal.
  if (std::string(row.kind->name) == "TokenExpiresMidRun") {
    EXPECT_EQ(emu().count("", "/partners") - processed(row.method), 1u);  // the 401
    EXPECT_EQ(emu().token_grants("refresh_token"), 1u);
  } else {
    EXPECT_EQ(emu().faults_fired(), 1u);
  }
}

INSTANTIATE_TEST_SUITE_P(AllFaults, FaultMatrixTest, ::testing::ValuesIn(rows()),
                         [](::testing::TestParamInfo<Row> const& info) {
                           return std::string(info.param.kind->name) + "_" + method_name(info.param.method);
                         });

}  // namespace
}  // namespace flowii
